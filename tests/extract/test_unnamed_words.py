"""An unnamed source's label keeps its own words, not the place or event a lost comma
glued before them (``kg.extract.unnamed_words``); real-model parses."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract import entity_mentions
from kg.extract.speakers import speaker_ref
from kg.nlp.attribution import frames_of


def _label(nlp: Language, text: str) -> str | None:
    doc = nlp(text)
    mentions = list(entity_mentions(doc))
    frame = next(f for f in frames_of(doc) if f.speaker is not None)
    ref, _ = speaker_ref(doc, frame.speaker, mentions)
    return ref.label if ref is not None else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shells killed 12 people in the city state media said.", "state media"),
        ("Shells killed 12 people in southern Syria state media reported.", "state media"),
        ("In the meantime other sources said 12 people were killed.", "other sources"),
        ("Aleppo A military source said 12 people were killed.", "A military source"),
    ],
)
def test_glued_words_stay_out(nlp: Language, text: str, expected: str) -> None:
    assert _label(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # the source's own description and place stay
        ("Twelve people were killed a Quneitra-based activist said.", "a Quneitra-based activist"),
        ("Activists in rural Idlib said 12 people were killed.", "Activists in rural Idlib"),
        ("A pro-government military source said 12 people were killed.",
         "A pro-government military source"),
        ("Twelve people were killed Civil defence emergency workers said.",
         "Civil defence emergency workers"),
        ("Local and media sources said 12 people were killed.", "Local and media sources"),
        ("Twelve people were killed The Homs governor said.", "The Homs governor"),
    ],
)  # fmt: skip
def test_own_words_stay(nlp: Language, text: str, expected: str) -> None:
    assert _label(nlp, text) == expected
