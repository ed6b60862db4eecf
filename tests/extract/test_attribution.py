"""``attribute`` and ``cited_sources`` with the real model: tables, then the seeds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from spacy.language import Language

from kg.extract.attribution import attribute, cited_sources
from kg.extract.entities import mentions
from kg.records import Attribution

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def attribution_of(nlp: Language, text: str, words: str) -> Attribution | None:
    doc = nlp(text)
    start = text.index(words)
    found = attribute(doc, start, start + len(words), tuple(mentions(doc)))
    if found is not None and found.cue is not None:
        assert found.cue.text == text[found.cue.start : found.cue.end]
    return found


def who(found: Attribution | None) -> tuple[str | None, list[str], bool] | None:
    if found is None:
        return None
    name = found.claimant.label.lower() if found.claimant else None
    return (name, [ref.label.lower() for ref in found.chain], found.unnamed)


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        (
            "According to the local council, 30 homes were destroyed.",
            "30 homes",
            ("the local council", [], True),  # no name: an unnamed (official) source
        ),
        (
            "Government jets bombed the market, killing nine people, the monitor said.",
            "nine people",
            ("the monitor", [], True),  # no monitor named: an unnamed (activist) source
        ),
        (
            "Media reports suggest that 50 gunmen crossed the border.",
            "50 gunmen",
            ("media reports", [], True),
        ),
        (
            "The army retook the hill. Later that day the town was quiet.",
            "the town was quiet",
            None,
        ),
        (
            "Kurdish commanders said that rebels had lost 40 fighters.",
            "40 fighters",
            ("kurdish commanders", [], True),  # unnamed, military
        ),
    ],
)
def test_attribute(nlp: Language, text: str, words: str, expected: tuple | None) -> None:
    assert who(attribution_of(nlp, text, words)) == expected


def seed_text(prefix: str) -> str:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", path.read_text(encoding="utf-8"))


def test_seed_000(nlp: Language) -> None:
    text = seed_text("000")
    lendman = who(attribution_of(nlp, text, "Thousands of fighters transferred"))
    assert lendman is not None and lendman[0] == "stephen lendman"
    assert who(attribution_of(nlp, text, "4000 ISIS fighters")) == ("reports", [], True)


def test_seed_001_relayed_article(nlp: Language) -> None:
    text = seed_text("001")
    captured = attribution_of(nlp, text, "have captured the ancient city of Palmyra")
    assert captured is not None and captured.claimant is not None
    assert "amaq" in captured.claimant.label.lower()
    assert any(ref.label.lower() in {"amn news", "al-masdar news"} for ref in captured.chain)
    masdar = attribution_of(nlp, text, "confirmed this information")
    assert masdar is not None and masdar.claimant is not None
    assert masdar.claimant.label.lower() == "military sources"
    assert masdar.chain[0].label.lower().startswith("al-masdar")
    later = attribution_of(nlp, text, "The militants consequently captured")
    assert later is not None and later.claimant is not None
    assert later.claimant.label.lower() in {"amn news", "al-masdar news"}
    assert attribution_of(nlp, text, "If the city is again lost") is None


def test_seed_004(nlp: Language) -> None:
    text = seed_text("004")
    footholds = attribution_of(nlp, text, "jihadists gained footholds")
    assert footholds is not None and footholds.claimant is not None
    assert "palmyra coordination" in footholds.claimant.label.lower()
    assert footholds.chain[0].label in {"AP", "Associated Press"}
    reads = attribution_of(nlp, text, "the terrorists seek to come as close as possible")
    assert reads is not None and "russian" in reads.claimant.label.lower()  # type: ignore[union-attr]
    entered = attribution_of(nlp, text, "terrorists reportedly entered")
    assert entered is not None and entered.unnamed and entered.claimant is None


def test_cited_sources_seed_001(nlp: Language) -> None:
    doc = nlp(seed_text("001"))
    cited = [ref.label.lower() for ref in cited_sources(doc, tuple(mentions(doc)))]
    for name in ("tass", "amaq", "al-masdar"):
        assert any(name in label for label in cited), cited
    assert "military sources" not in cited  # unnamed: cited by kind, not as a name
    assert len(cited) == len(set(cited))
