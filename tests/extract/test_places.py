"""The place an article reports from, on hand-built mentions (no spaCy)."""

from __future__ import annotations

from kg.extract.places import focus_place
from kg.records import EntityKind, EntityRef, Mention, Span

PLACE = (EntityKind.PLACE, EntityKind.SETTLEMENT)
COUNTRY = (EntityKind.PLACE, EntityKind.COUNTRY)


def mention(text: str, key: str, at: int, kinds: tuple[EntityKind, ...] = PLACE) -> Mention:
    return Mention(EntityRef(key, text, kinds, known=True, ner_label="GPE"),
                   Span(at, at + len(text), text, "mention"))  # fmt: skip


def test_the_first_located_place_of_the_lead() -> None:
    text = "Air raid kills 19 in Syria. Strikes hit Maskanah and then Raqqa."
    mentions = [mention("Syria", "syria", 21, COUNTRY), mention("Maskanah", "maskanah", 40),
                mention("Raqqa", "raqqa", 58)]  # fmt: skip
    assert focus_place(text, mentions, lead_end=len(text)).key == "maskanah"  # type: ignore[union-attr]


def test_else_the_governorate_named_most() -> None:
    text = "Headline. Lead.  Idlib x. Aleppo y. Azaz z. Manbij w."
    mentions = [mention("Idlib", "idlib", 17), mention("Aleppo", "aleppo", 26),
                mention("Azaz", "azaz", 36), mention("Manbij", "manbij", 44)]  # fmt: skip
    focus = focus_place(text, mentions, lead_end=16)
    assert focus is not None and focus.key == "aleppo"  # Aleppo, Azaz, Manbij: Aleppo province


def test_datelines_countries_and_based_are_not_candidates() -> None:
    text = "Beirut: Britain-based monitor reports clashes in Syria."
    mentions = [mention("Beirut", "beirut", 0), mention("Britain", "united-kingdom", 8, COUNTRY),
                mention("Syria", "syria", 49, COUNTRY)]  # fmt: skip
    assert focus_place(text, mentions, lead_end=len(text)) is None
