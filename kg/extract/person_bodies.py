"""The body a person named again speaks for, as his earlier mention in the article gave it.

"Xelil, a spokesman for the YPG, said the truce held. … Later Xelil said 12 fighters were
killed", "… said U.N. spokesman Martin Nesirky. … Nesirky said": journalists give a
spokesman's or official's organisation once, at his first mention, and name him bare (or
by surname) after; the guide's first relay hop (his organisation) stays his.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextvars import ContextVar

from spacy.tokens import Doc

from kg.nlp.gazetteer import fold
from kg.nlp.sources import head_of
from kg.nlp.speakers import noun_phrase
from kg.records import EntityKind, EntityRef, Mention

SpeakerRef = Callable[
    [Doc, tuple[int, int], Sequence[Mention]], tuple[EntityRef | None, list[EntityRef]]
]
# Set while an earlier mention is read: its own phrase only, not the mentions before it
# again (this loop reads those itself; re-reading them nests once per mention, 2**n reads
# for a person named n times with no body).
_READING_EARLIER: ContextVar[bool] = ContextVar("reading_earlier", default=False)


def earlier_body(
    doc: Doc, person: EntityRef, before: int, mentions: Sequence[Mention], speaker_ref: SpeakerRef
) -> list[EntityRef]:
    """The organisation an earlier mention of ``person`` (before char ``before``) names or
    describes for him ("U.N. spokesman Martin Nesirky", "Xelil, a spokesman for the YPG"),
    read as that mention's own phrase would be; [] when none gives one."""
    if _READING_EARLIER.get():
        return []
    reading = _READING_EARLIER.set(True)
    try:
        return _earlier_body(doc, person, before, mentions, speaker_ref)
    finally:
        _READING_EARLIER.reset(reading)


def _earlier_body(
    doc: Doc, person: EntityRef, before: int, mentions: Sequence[Mention], speaker_ref: SpeakerRef
) -> list[EntityRef]:
    words = _words(person.label)
    for mention in mentions:
        if mention.span.start >= before:
            break
        if EntityKind.PERSON not in mention.entity.kinds:
            continue
        if mention.entity.key != person.key and not _same_name(_words(mention.entity.label), words):
            continue
        name = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        if name is None:
            continue
        phrase = noun_phrase(head_of(name), stop_after=name.sent.end)
        if not phrase[0] <= name.start < phrase[1]:
            phrase = (name.start, name.end)
        ref, via = speaker_ref(doc, phrase, [m for m in mentions if m.span.start < before])
        if ref is not None and EntityKind.PERSON in ref.kinds and via:
            return via
    return []


def _words(label: str) -> list[str]:
    return [w.removeprefix("al-") for w in fold(label).split()]


def _same_name(one: list[str], other: list[str]) -> bool:
    """ "Nesirky" and "Martin Nesirky", "Abdul Rahman" and "Rami Abdel Rahman": the shorter
    name ends the longer one ("Bashar al-Assad" and "Hafez al-Assad" are two people)."""
    short, long = sorted((one, other), key=len)
    return bool(short) and all(
        _spelt_alike(a, b) for a, b in zip(short, long[-len(short) :], strict=True)
    )


def _spelt_alike(one: str, other: str) -> bool:
    """ "abdul" / "abdel": the same word in another transliteration (one letter apart)."""
    if one == other:
        return True
    if len(one) != len(other) or len(one) < 4:
        return False
    return sum(a != b for a, b in zip(one, other, strict=True)) == 1
