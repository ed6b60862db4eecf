"""Unnamed members of a named organisation at work ("U.N. investigators said") are the
organisation (``kg.extract.member_bodies``); real-model parses through ``analyse``."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.extract.test_sources import analysed, claim_of, source


@pytest.mark.parametrize(
    ("body", "words", "expected"),
    [
        (
            "U.N. investigators said on Tuesday that at least 40 people were executed in the "
            "prison last year.",
            "40 people",
            ("United Nations", []),
        ),
        (
            "Syrian Arab Red Crescent paramedics said at least 22 bodies were taken to the "
            "hospitals of Douma.",
            "22 bodies",
            ("Syrian Arab Red Crescent", []),
        ),
    ],
)
def test_staff_of_a_named_body_are_the_body(
    nlp: Language, body: str, words: str, expected: tuple
) -> None:
    assert source(claim_of(analysed(nlp, body), words)) == expected


def test_staff_of_no_named_body_stay_unnamed(nlp: Language) -> None:
    body = "Hospital doctors said at least 22 bodies were brought in after the strike on Douma."
    assert source(claim_of(analysed(nlp, body), "22 bodies")) == ("unnamed medical", [])
