"""An armed group described, not named ("the hard-line militant group said it killed 50
fighters"): ``kg.extract.armed_descriptions`` on real-model parses, through ``analyse``.
Not the monitor "the monitoring group" stands for, nor a state's army."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.extract.test_sources import analysed, claim_of, source


@pytest.mark.parametrize(
    ("body", "words", "expected"),
    [
        (  # the militant group named before, not the monitor named nearer
            "Jabhat al-Nusra fighters stormed the village on Monday. The Syrian Observatory "
            "for Human Rights said the fighting went on. The jihadist group said it killed "
            "12 soldiers.",
            "12 soldiers",
            "Al-Nusra Front",
        ),
        (  # a state's army is no militant group; with none named, the description
            "The Syrian army shelled the town on Monday. The militant group said it killed "
            "12 soldiers in an ambush.",
            "12 soldiers",
            "militant group",
        ),
        (  # "the monitoring group" still stands for the monitor
            "The Syrian Observatory for Human Rights reported clashes. Islamic State "
            "fighters attacked the town. The monitoring group said 20 people were killed.",
            "20 people",
            "Syrian Observatory for Human Rights",
        ),
    ],
)
def test_a_described_armed_group(nlp: Language, body: str, words: str, expected: str) -> None:
    found = source(claim_of(analysed(nlp, body), words))
    assert found is not None
    assert found[0] == expected


def test_the_first_of_coordinated_sources_still_speaks(nlp: Language) -> None:
    body = (
        "Islamic State fighters attacked the town. Air strikes killed at least 85 civilians "
        "on Tuesday as intense fighting was underway between the militants and U.S-backed "
        "fighters Syrian opposition activists and the extremist group said."
    )
    found = source(claim_of(analysed(nlp, body), "85 civilians"))
    assert found == ("unnamed activist", [])
