"""A body named by its country's possessive, the apostrophe kept or lost ("Turkeys
military said"): ``kg.extract.possessor_bodies`` on real-model parses, through
``analyse``.  An earlier sentence's army of another country is not the one speaking."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.extract.test_sources import analysed, claim_of, source


@pytest.mark.parametrize(
    ("body", "words", "expected"),
    [
        (  # a lost apostrophe: the country's body the gazetteer knows
            "Syrian troops shelled the village on Monday. Turkeys military said six "
            "people were killed on Sunday.",
            "six people",
            "Turkish Armed Forces",
        ),
        (
            "The Syrian army advanced on the town. Israels army said four soldiers were "
            "wounded in the attack.",
            "four soldiers",
            "Israel Defense Forces",
        ),
        (  # the apostrophe kept; no gazetteer entry: the phrase as written
            "Syrian troops shelled the village on Monday. Jordan's army said two "
            "soldiers were wounded at the border.",
            "two soldiers",
            "Jordan's army",
        ),
    ],
)
def test_body_of_the_possessive_country(
    nlp: Language, body: str, words: str, expected: str
) -> None:
    found = source(claim_of(analysed(nlp, body), words))
    assert found is not None
    assert found[0] == expected
