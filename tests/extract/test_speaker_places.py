"""A place named as the speaker stands for its state; the claimant is always an actor."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract.attribution import attribute
from kg.extract.entities import mentions
from kg.records import EntityKind


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        ("Washington said that 12 civilians were killed in the strike on Raqqa.", "12 civilians",
         "united-states"),
        ("Moscow said 30 militants were killed near Palmyra on Sunday.", "30 militants", "russia"),
        ("Damascus said 40 rebels had surrendered in Daraa.", "40 rebels", "syria"),
    ],
)  # fmt: skip
def test_a_city_named_as_the_speaker_is_its_country(
    nlp: Language, text: str, words: str, speaker: str
) -> None:
    doc = nlp(text)
    start = text.index(words)
    found = attribute(doc, start, start + len(words), tuple(mentions(doc)))
    assert found is not None and found.claimant is not None
    assert found.claimant.key == speaker
    assert EntityKind.ACTOR in found.claimant.kinds
