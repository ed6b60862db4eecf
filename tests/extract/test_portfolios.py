"""A minister's portfolio ("Secretary of Defense") is not his body; his ministry, as the
article names it, is: rows on real-model parses, through ``analyse``, and the helpers on
their own."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract.portfolios import ministry_named, portfolio_of
from kg.records import EntityKind, EntityRef, Mention, Span
from tests.extract.test_sources import analysed, claim_of, source

CARTER = (
    "The coalition has killed more than 30 militants who were plotting attacks abroad"
    " US Secretary of Defense Ashton Carter said on Wednesday."
)


@pytest.mark.parametrize(
    ("rule", "body", "expected"),
    [
        (  # the article names his ministry (the gazetteer's Pentagon)
            "ministry named",
            CARTER + " Carter spoke at a meeting hosted by the Pentagon.",
            ("Ashton Carter", ["Pentagon"]),
        ),
        (  # no ministry named: no body, never the portfolio "Defense"
            "no ministry named",
            CARTER + " He spoke at a meeting in Brussels.",
            ("Ashton Carter", []),
        ),
    ],
)
def test_portfolio_ministry(
    nlp: Language, rule: str, body: str, expected: tuple[str, list[str]]
) -> None:
    assert source(claim_of(analysed(nlp, body), "30 militants")) == expected, rule


def _ref(label: str, *kinds: EntityKind) -> EntityRef:
    return EntityRef(key=label.lower().replace(" ", "-"), label=label, kinds=kinds)


def test_portfolio_of_needs_the_title_before_the_name() -> None:
    carter = _ref("Ashton Carter", EntityKind.ACTOR, EntityKind.PERSON)
    defense = _ref("Defense", EntityKind.ACTOR)
    assert portfolio_of("US Secretary of Defense Ashton Carter said", carter, defense)
    assert portfolio_of("Minister of the Defense Ashton Carter said", carter, defense)
    assert not portfolio_of("Defense official Ashton Carter said", carter, defense)
    coalition = _ref("Syrian Coalition", EntityKind.ACTOR)
    assert not portfolio_of("Secretary of Syrian Coalition Ashton Carter", carter, coalition)


def test_ministry_named_by_its_forms() -> None:
    def mention(label: str) -> Mention:
        return Mention(
            span=Span(0, len(label), label, "mention"), entity=_ref(label, EntityKind.ACTOR)
        )

    assert ministry_named("Interior", [mention("Syrian Interior Ministry")]) is not None
    assert ministry_named("Interior", [mention("Ministry of Interior")]) is not None
    assert ministry_named("Interior", [mention("Ministry of Health")]) is None
