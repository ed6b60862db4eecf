"""Merging: the mentions of one event in an article become one record.

Mentions merge when they have the same kind and compatible place, actor and date
(troop movements also compatible origins), keeping the date, the most specific
place, a known actor and the first named claimant a mention gives.  A mention past
the lead does not give a country-placed or unplaced event its place, and one sentence setting
two events one after the other ("… two weeks after IS killed 270 guards") keeps
them apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from spacy.tokens import Token

from kg.extract.events.arguments import Found
from kg.extract.events.rules import rule
from kg.extract.events.scene import is_country
from kg.extract.events.words import SEQUENCE_MARKERS
from kg.nlp.sentences import ancestors, kids
from kg.records import Attribution, EntityRef, Precision, TimeStamp


def place_compatible(a: EntityRef | None, b: EntityRef | None) -> bool:
    """Same place, or one unknown, or one only the country ("in Syria" + "in Armanaz")."""
    return a is None or b is None or a == b or is_country(a) or is_country(b)


def actor_compatible(a: EntityRef | None, b: EntityRef | None) -> bool:
    """Same actor, one unknown, or new entities whose keys contain each other."""
    if a is None or b is None:
        return True
    return a.key == b.key or (not a.known and not b.known and (a.key in b.key or b.key in a.key))


def when_compatible(a: TimeStamp | None, b: TimeStamp | None, published: date | None) -> bool:
    """Same date; or one undated mention of a recent (day-precise, ≤ 7 days old) event."""
    if a is None and b is None:
        return True
    if a is not None and b is not None:
        return a == b
    dated = a or b
    assert dated is not None
    return _recent(dated, published)


@rule("recent-undated", '"Jets bombed Douma on Sunday" + "Jets bombed Douma": one strike')
def _recent(dated: TimeStamp, published: date | None) -> bool:
    if dated.precision is not Precision.DAY:
        return False
    return published is None or abs((published - dated.value).days) <= 7


def claimant_rank(attribution: Attribution | None) -> int:
    """0: the author's own voice; 1: "reportedly" (no claimant); 2: a named claimant."""
    if attribution is None:
        return 0
    return 1 if attribution.claimant is None else 2


@rule("origins-differ", "troops moved from Mosul and from Raqqa: two movements", off=True)
def _origins_compatible(a: tuple[EntityRef, ...], b: tuple[EntityRef, ...]) -> bool:
    """Troop movements from different places are different movements."""
    return not a or not b or bool(set(a) & set(b))


def _sequence_clause(token: Token) -> Token | None:
    """The "after …"/"before …" clause ``token`` sits in, if any."""
    for node in [token, *ancestors(token)]:
        if node.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "mark" and c.lower_ in SEQUENCE_MARKERS for c in kids(node)
        ):
            return node
    return None


@rule("told-apart", '"the assault comes two weeks after IS killed 270 guards in an assault"')
def told_apart(a: Token, b: Token) -> bool:
    """One sentence setting two events one after the other: "the assault comes two
    weeks after IS killed 270 guards in an assault on a gas field"."""
    if a.sent != b.sent:
        return False
    return _sequence_clause(a) is not _sequence_clause(b)


@rule("lead-places-only", '"Related news: a car bomb in Daraa" does not place the headline event')
def _refines_place(existing: Found, item: Found) -> bool:
    """Whether ``item`` would give ``existing``, placed only in a country, its first
    specific place."""
    return (
        item.place is not None
        and not is_country(item.place)
        and existing.place is not None
        and is_country(existing.place)
    )


@rule("lead-places-unplaced", '"Jet strikes hit the cities" + later "strikes on Idlib have '
      'killed 24": a later, other strike does not place the lead\'s', off=False)  # fmt: skip
def _unplaced_past_lead(existing: Found, item: Found, lead_end: int) -> bool:
    """Whether ``item``, past the lead, would place an event the headline and lead gave
    no place: it still merges (its actor, date and words join), but its place may be
    another strike's; the article's own place (``kg.extract.places``) stands in."""
    return existing.place is None and existing.trigger.idx < lead_end <= item.trigger.idx


def merge(
    found: Sequence[Found], published: date | None = None, lead_end: int | None = None
) -> list[Found]:
    """One record per event: same kind, compatible place, actor and date (and, for
    troop movements, origins).  A mention past the lead (``lead_end``, a character
    offset) does not place an event the headline and lead placed only in a country:
    "a car bomb in Daraa" under "Related news", or "a week after a bombing in Idlib",
    is another event.  The merged record keeps every argument a mention gives:
    the date, the most specific place, a known actor, and the first named claimant
    ("Palmyra Reportedly Seized" + the Amaq claim relayed by AMN → claimant Amaq).
    Mentions attributed to different sources are merged when everything else agrees
    (news reports one strike through several voices); the first named one is kept."""
    merged: list[Found] = []
    for item in found:
        for existing in merged:
            if (
                existing.kind is item.kind
                and place_compatible(existing.place, item.place)
                and actor_compatible(existing.actor, item.actor)
                and when_compatible(existing.when, item.when, published)
                and _origins_compatible(existing.origins, item.origins)
                and not (
                    lead_end is not None
                    and item.trigger.idx >= lead_end
                    and _refines_place(existing, item)
                )
                and not told_apart(existing.trigger, item.trigger)
            ):
                if claimant_rank(item.attribution) > claimant_rank(existing.attribution):
                    existing.attribution = item.attribution
                existing.actor = existing.actor or item.actor
                if existing.actor is not None and item.actor is not None and item.actor.known:
                    existing.actor = item.actor if not existing.actor.known else existing.actor
                existing.target = existing.target or item.target
                if (existing.place is None or is_country(existing.place)) and not (
                    lead_end is not None and _unplaced_past_lead(existing, item, lead_end)
                ):
                    existing.place = item.place or existing.place
                existing.origins = tuple(dict.fromkeys(existing.origins + item.origins))
                existing.when = existing.when or item.when
                for span in item.evidence:
                    if span not in existing.evidence:
                        existing.evidence.append(span)
                existing.triggers.add(item.trigger.i)
                break
        else:
            merged.append(replace(item, evidence=list(item.evidence), triggers={item.trigger.i}))
    return merged
