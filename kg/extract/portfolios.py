"""A minister's or secretary's portfolio is not his body; his ministry is: "US Secretary
of Defense Ashton Carter said … distributed by the Pentagon" → Carter speaks for the
Pentagon (the US Department of Defense), not for "Defense".

The guide reads a named official as the claimant and his organisation, as the article
names it, as the first relay hop.  A title "Secretary of PORTFOLIO" or "Minister of
PORTFOLIO" before the name gives the office he holds, not an organisation: the NER may
still tag the portfolio ("Defense") as one, and the speaker phrase then takes it as his
body.  His organisation is the ministry of that portfolio when the article names it
("the Pentagon", "the Defense Ministry", "the Ministry of Interior"); when it does not
("U.S. Secretary of State John Kerry said" with no State Department named), he speaks
for no named body and the claim has no relay for him.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.nlp.gazetteer import fold, load_gazetteer
from kg.records import EntityKind, EntityRef, Mention

# Titles whose "of" names a portfolio: "Secretary of Defense", "Minister of Interior".
PORTFOLIO_TITLES = ("Secretary", "Minister")
# The portfolios of English-language cabinets, as they follow "Secretary/Minister of".
PORTFOLIOS = frozenset(
    {"defense", "defence", "state", "foreign affairs", "interior", "home affairs", "health",
     "information", "justice", "finance", "economy", "education", "energy", "oil",
     "homeland security", "treasury", "war", "labor", "labour", "agriculture", "trade",
     "commerce", "transport", "tourism", "culture", "awqaf", "religious affairs",
     "social affairs", "national reconciliation", "reconciliation", "foreign"}
)  # fmt: skip
# How a ministry of portfolio P is named: "Department of Defense", "Defense Ministry".
MINISTRY_FORMS = ("Department of {}", "{} Department", "Ministry of {}", "{} Ministry")


def portfolio_of(text: str, person: EntityRef, body: EntityRef) -> bool:
    """Whether ``body`` is the portfolio in the person's title before his full name:
    "Secretary of Defense Ashton Carter", "Minister of the Interior Mohammed Shaar"."""
    if EntityKind.PERSON in body.kinds or body.known or fold(body.label) not in PORTFOLIOS:
        return False
    titles = "|".join(PORTFOLIO_TITLES)
    pattern = (
        rf"\b(?:{titles}) of (?:the )?{re.escape(body.label)}\W{{1,2}}{re.escape(person.label)}\b"
    )
    return re.search(pattern, text) is not None


def ministry_named(portfolio: str, mentions: Sequence[Mention]) -> EntityRef | None:
    """The ministry of ``portfolio`` as the article names it ("Department of Defense" is
    the gazetteer's Pentagon; "the Defense Ministry", "Russian Defense Ministry"); None
    when the article names none."""
    forms = [fold(form.format(portfolio)) for form in MINISTRY_FORMS]
    gazetteer = load_gazetteer()
    known = {entry.key for form in forms if (entry := gazetteer.lookup(form)) is not None}
    for mention in mentions:
        entity = mention.entity
        if EntityKind.PERSON in entity.kinds:
            continue
        name = fold(entity.label)
        if entity.key in known or any(name == f or name.endswith(" " + f) for f in forms):
            return entity
    return None


def ministry_for(
    text: str, person: EntityRef, chain: tuple[EntityRef, ...], mentions: Sequence[Mention]
) -> tuple[EntityRef, ...]:
    """The relay ``chain`` of a person's claim with a portfolio as its first hop replaced
    by his ministry as the article names it, or dropped when it names none."""
    if not chain or not portfolio_of(text, person, chain[0]):
        return chain
    ministry = ministry_named(chain[0].label, mentions)
    rest = tuple(hop for hop in chain[1:] if ministry is None or hop.key != ministry.key)
    return (ministry, *rest) if ministry is not None else rest
