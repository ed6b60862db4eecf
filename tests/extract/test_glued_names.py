"""A person's name glued to the description after it, the comma lost ("… said Tarek a
police officer"): the name speaks (``kg.extract.glued_names``); real-model parses
through ``analyse``."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.records import EntityKind
from tests.extract.test_sources import analysed, claim_of, source


@pytest.mark.parametrize(
    ("body", "words", "expected"),
    [
        (  # a given name and "a <place> resident"
            "Walid a Douma resident said 12 people were killed in the strike on the market.",
            "12 people",
            ("Walid", []),
        ),
        (  # a given name and "an <place> resident"
            "Omar an Idlib resident said 12 people were killed in the strike on the market.",
            "12 people",
            ("Omar", []),
        ),
    ],
)
def test_the_name_before_the_description_speaks(
    nlp: Language, body: str, words: str, expected: tuple
) -> None:
    assert source(claim_of(analysed(nlp, body), words)) == expected


@pytest.mark.parametrize(
    ("body", "words", "expected"),
    [
        (  # a body's name before an indefinite description is the body, not a person
            "The Local Coordination Committees an activist network said 12 people were "
            "killed in Douma.",
            "12 people",
            ("Local Coordination Committees", []),
        ),
        (  # a description with no name before it stays an unnamed source
            "Shells hit the market in Hasakeh on Monday and an official said 12 people were "
            "killed.",
            "12 people",
            ("unnamed official", []),
        ),
    ],
)
def test_no_name_before_the_description(
    nlp: Language, body: str, words: str, expected: tuple
) -> None:
    assert source(claim_of(analysed(nlp, body), words)) == expected


def test_a_known_body_before_the_description_is_no_person(nlp: Language) -> None:
    """ "… on the market Hezbollah a fighter said": the capitalised words are a known
    body's name, never a new person of that name (nor its node typed a person)."""
    body = "Twelve people were killed in the strike on the market Hezbollah a fighter said."
    found = claim_of(analysed(nlp, body), "Twelve people").attribution
    assert found is not None and found.claimant is not None
    assert EntityKind.PERSON not in found.claimant.kinds
