"""A local office named with its place ("the Directorate of Health in Aleppo said"):
``kg.extract.office_seats`` on real-model parses, through ``analyse``.  A body one of a
kind keeps its own name: its place is where it sits ("the Security Council in New York").
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.extract.test_sources import analysed, claim_of, source


@pytest.mark.parametrize(
    ("body", "words", "expected"),
    [
        (  # the place after "in" tells which directorate: one in every governorate
            "The Directorate of Health in Idlib said that 12 people were killed in airstrikes.",
            "12 people",
            "Directorate of Health in Idlib",
        ),
        (  # a direction word before the place
            "The Medical Office in eastern Daraa said that nine people were killed in "
            "shelling on the town.",
            "nine people",
            "Medical Office in eastern Daraa",
        ),
        (  # a body the gazetteer knows: the place is where it sits
            "The Security Council in New York said 20 people were killed in the attack.",
            "20 people",
            "UN Security Council",
        ),
    ],
)
def test_office_named_with_its_place(nlp: Language, body: str, words: str, expected: str) -> None:
    found = source(claim_of(analysed(nlp, body), words))
    assert found is not None
    assert found[0] == expected
