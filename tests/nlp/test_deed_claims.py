"""A claim of a deed the parse does not hang as the verb's object ("The Islamic State
group claims the double suicide bomb attack that hit a police station … killing at
least 17 people"): no report of the deed's counts (``kg.nlp.deed_claims``)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.extract.test_sources import analysed, claim_of, source


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (
            "The Islamic State group claims the car bomb attack that hit a market in Homs "
            "on Sunday killing at least 12 people.",
            "at least 12",
        ),
        (
            "The group claims the suicide bombing that struck a bus station in Tartus on "
            "Monday killing at least 30 people.",
            "at least 30",
        ),
    ],
)
def test_a_claimed_deed_is_no_report(nlp: Language, body: str, words: str) -> None:
    assert source(claim_of(analysed(nlp, body), words)) is None


def test_a_claimed_count_is_a_report(nlp: Language) -> None:
    body = "The Observatory claimed 30 people were killed in the strikes on the town."
    found = source(claim_of(analysed(nlp, body), "30 people"))
    assert found is not None and found[0] == "Observatory"
