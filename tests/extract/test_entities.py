"""Entity mentions: gazetteer entities, new entities with folded keys, junk dropped."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.entities import clean_name, entity_key, is_junk, mention_at, mentions
from kg.records import EntityKind, EntityRef, Mention
from kg.records import Span as TextSpan

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def doc_with_ents(text: str, ents: list[tuple[str, str]]) -> Doc:
    """A blank-model Doc whose entities are given as (surface text, NER label)."""
    doc = spacy.blank("en")(text)
    spans = []
    for surface, label in ents:
        start = text.index(surface)
        spans.append(doc.char_span(start, start + len(surface), label=label))
    doc.ents = [s for s in spans if isinstance(s, Span)]
    return doc


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("the Syrian Observatory", "Syrian Observatory's"),
        ("The Syrian Center for Policy Research", "Syrian Center for Policy Research"),
        ("Mehmet  Ersoy", "Mehmet Ersoy"),
        ("Jaish al-Muhajireen", "Jaish al Muhajireen"),
        ("Abu Omar", "ABU OMAR"),
    ],
)
def test_new_entity_folding(a: str, b: str) -> None:
    assert entity_key(clean_name(a)) == entity_key(clean_name(b))


@pytest.mark.parametrize(
    ("text", "junk"),
    [
        ("2016", True),
        ("December 12", False),
        ("x", True),
        ("fighters", True),
        ("Facebook", True),
        ("the Observatory", True),
        ("Hazem Sabbagh", False),
        ("1,000", True),
        ("Syrian Center for Policy Research", False),
        ("Missile Attack Northwest", True),
        ("Escalating Bombardment", True),
    ],
)
def test_is_junk(text: str, junk: bool) -> None:
    assert is_junk(text) is junk


def test_known_and_new_entities_on_hand_built_doc() -> None:
    text = "The Euphrates Observatory's director Hazem Sabbagh said Daesh left Raqqa in 2017."
    doc = doc_with_ents(
        text,
        [
            ("The Euphrates Observatory's", "ORG"),
            ("Hazem Sabbagh", "PERSON"),
            ("Daesh", "NORP"),
            ("Raqqa", "GPE"),
            ("2017", "DATE"),
        ],
    )
    found = list(mentions(doc))
    assert [(m.entity.key, m.entity.known, m.span.text) for m in found] == [
        ("euphrates-observatory", False, "Euphrates Observatory"),
        ("hazem-sabbagh", False, "Hazem Sabbagh"),
        ("islamic-state", True, "Daesh"),
        ("raqqa", True, "Raqqa"),
    ]
    assert found[1].entity.kinds == (EntityKind.ACTOR, EntityKind.PERSON)
    assert found[0].entity.kinds == (EntityKind.ACTOR, EntityKind.ORGANIZATION)
    assert EntityKind.PLACE in found[3].entity.kinds
    for m in found:
        assert m.span.text == text[m.span.start : m.span.end]
        assert m.span.kind == "mention"


def test_unknown_norp_is_dropped() -> None:
    doc = doc_with_ents("Syrian troops advanced.", [("Syrian", "NORP")])
    assert list(mentions(doc)) == []


def test_mention_at() -> None:
    ref = EntityRef("x", "X")
    a = Mention(ref, TextSpan(0, 5, "Alpha", "mention"))
    b = Mention(ref, TextSpan(10, 15, "Bravo", "mention"))
    assert mention_at([a, b], 9, 20) is b
    assert mention_at([a, b], 3, 12) is a  # overlaps a by 2, b by 2: the first wins
    assert mention_at([a, b], 6, 9) is None


def test_seed_mentions_with_real_model(nlp: Language) -> None:
    paths = sorted(SEEDS.glob("*.txt"))
    if not paths:
        pytest.skip(f"no seed articles in {SEEDS}")
    for path in paths:
        text = path.read_text(encoding="utf-8")
        found = list(mentions(nlp(text)))
        for m in found:
            assert m.span.text == text[m.span.start : m.span.end], path
        palmyra = [m for m in found if m.span.text == "Palmyra"]
        assert palmyra and all(m.entity.key == "palmyra" and m.entity.known for m in palmyra)
        assert all(EntityKind.PLACE in m.entity.kinds for m in palmyra)
