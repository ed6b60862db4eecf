"""A known source under a misspelt name is the known source
(``kg.extract.spellings.known_spelling``); real-model parses through ``analyse``."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract.spellings import known_spelling
from kg.records import EntityKind, EntityRef
from tests.extract.test_sources import analysed, claim_of, source


@pytest.mark.parametrize(
    ("body", "words", "expected"),
    [
        (
            "The Syrian Obervatory for Human Rights says more than 300 people have been "
            "killed in air strikes on Aleppo since April.",
            "more than 300",
            "Syrian Observatory for Human Rights",
        ),
        (
            "The World Heath Organization said 20 hospitals were destroyed in the strikes.",
            "20 hospitals",
            "World Health Organization",
        ),
    ],
)
def test_a_misspelt_known_source(nlp: Language, body: str, words: str, expected: str) -> None:
    found = source(claim_of(analysed(nlp, body), words))
    assert found is not None and found[0] == expected, found


def test_a_short_or_distant_name_stays_new() -> None:
    for label in ("Syrian Network for Human Rights Watchers", "Obervatory", "Syrian Free Army"):
        ref = EntityRef(key="x", label=label, kinds=(EntityKind.ACTOR,))
        assert known_spelling(ref) is ref, label


@pytest.mark.parametrize(
    "label",
    [
        "Iraqi Ministry of Foreign Affairs",  # beside "Iranian Ministry of Foreign Affairs"
        "Jordanian Ministry of Foreign Affairs",
        "London-based Iranian Observatory for Human Rights",
    ],
)
def test_another_country_s_body_is_not_a_misspelling(label: str) -> None:
    """A whole other word (another country) names another body, however close the letters."""
    ref = EntityRef(key="x", label=label, kinds=(EntityKind.ACTOR,))
    assert known_spelling(ref) is ref


def test_a_variant_name_word_by_word_is_known() -> None:
    """Misspelt words, a word written as one ("Abdelrahman"), a dropped small word."""
    for label, key in (
        ("Syrian Obervatorty for Human Rights", "sohr"),
        ("Islamic State of Iraq and Sham", "islamic-state"),
        ("Office for the Coordination of Humanitarian Affairs", "ocha"),
    ):
        ref = known_spelling(EntityRef(key="x", label=label, kinds=(EntityKind.ACTOR,)))
        assert ref is not None and ref.key == key, label
