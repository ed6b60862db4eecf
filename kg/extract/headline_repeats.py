"""Which body count a headline's count repeats when the body opens with it in its own
voice: "Terrorist Bombing Claims 5 in Syrias Latakia" + "A terrorist motorcycle bomb
attack took place … leaving 5 martyrs." … (a round-up's later item: "Aleppo In the same
context …") "… injuring three persons from the medical staff in addition to five
patients".

The lede retells the headline; a later count of the same value with a source repeats
the headline only inside the lede's story, not in a round-up's later item (after a
sentence that ``kg.extract.story_breaks.breaks_report``).  The guide's "the title takes
the source" still holds within the story ("At least 40 people were killed …" then
"… 40 people …, the Observatory said").  ``kg.extract.attribution.headline_claims``
asks ``sourced_repeats``.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from kg.extract.story_breaks import breaks_report
from kg.nlp.attribution import sentence_units
from kg.records import CountClaim


def sourced_repeats(
    doc: Doc,
    repeats: Sequence[CountClaim],
    own_voice: Sequence[CountClaim],
) -> list[CountClaim]:
    """Of ``repeats`` (body counts with a source that repeat a headline's, in text order)
    those in the story of the earliest repeat, when that one (of ``own_voice``, the
    body's own-voice repeats) is the article's own voice and comes first."""
    if not own_voice or not repeats:
        return list(repeats)
    first = own_voice[0].evidence[0].start
    if first > repeats[0].evidence[0].start:
        return list(repeats)
    return [c for c in repeats if not _break_between(doc, first, c.evidence[0].start)]


def _break_between(doc: Doc, start: int, end: int) -> bool:
    """Whether a sentence after the one at ``start``, up to the one holding ``end``,
    turns to another item or story ("Aleppo In the same context …", "Meanwhile …")."""
    return any(
        start < unit.start_char <= end and breaks_report(unit) for unit in sentence_units(doc)
    )
