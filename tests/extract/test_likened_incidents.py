"""Counts of an incident named as like, or before, the news (``nkg:otherIncident``:
"similar attacks … killed 10", "killed in earlier shelling"): not the news's own dead."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.records import Outcome
from tests.extract.test_claims import claims_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the verb's subject is a similar or earlier attack
        (
            "Similar rocket attacks that took place in the western districts on Sunday killed"
            " 10 people and injured dozens.",
            [(10, True)],
        ),
        ("A previous strike on the market killed 14 people.", [(14, True)]),
        # the count is killed in a similar or earlier attack
        (
            "Two other people were killed in a similar attack on a nearby neighbourhood.",
            [(2, True)],
        ),
        (
            "Rescuers found the bodies of three men killed in earlier army shelling.",
            [(3, True)],
        ),
        (
            "Workers were hurt in the attack, the group said, with four children and one man"
            " killed in earlier regime shelling.",
            [(1, True)],
        ),
        # the news itself: no likening word, or the likening is not of the killing event
        ("A rocket attack on the market killed 14 people on Monday.", [(14, False)]),
        ("Jets killed 12 people in a strike on the town, activists said.", [(12, False)]),
        (
            "Jets killed 12 people in the town, in scenes similar to last year's siege.",
            [(12, False)],
        ),
    ],
)
def test_counts_of_a_likened_incident(
    nlp: Language, text: str, expected: list[tuple[int, bool]]
) -> None:
    """A count whose verb's subject, or whose "in"/"by" attack, is "similar", "previous",
    "earlier" or "prior" belongs to another incident than the news."""
    killed = [c for c in claims_of(nlp, text) if c.outcome is Outcome.KILLED]
    assert [(c.count, c.other_incident) for c in killed] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rebels also fired rockets into the government-held port killing one person and"
            " wounding six.",
            [(1, True)],
        ),
        (
            "The bombers had also targeted army troops near the city leaving over 90 soldiers"
            " dead.",
            [(90, True)],
        ),
        # no "also": the news's own dead
        ("Rebels fired rockets into the port killing one person.", [(1, False)]),
        # the "also" of the report, not of the verb the killing hangs on
        ("It also said that rebels fired rockets killing two people.", [(2, False)]),
        ("State media also reported a rocket attack on the port killing two people.", [(2, False)]),
    ],
)
def test_killing_clause_of_an_also_verb(
    nlp: Language, text: str, expected: list[tuple[int, bool]]
) -> None:
    """ "X also fired rockets …, killing N": more dead beside a count given before
    (``nkg:additional``), read through the "killing" clause to the verb that says "also"."""
    killed = [c for c in claims_of(nlp, text) if c.outcome is Outcome.KILLED]
    assert [(c.count, c.additional) for c in killed] == expected
