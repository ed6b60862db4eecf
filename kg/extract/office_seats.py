"""A local office named with its place: "medical sources at the Directorate of Health in
Aleppo said", "The Unified Medical Office in Eastern Ghouta said", "the Directorate of
Health in east Aleppo reported", "the Department of Education in Idlib announced".

There is a Directorate of Health in every governorate and a medical or media office in
every besieged area: "in Aleppo" tells which one speaks, so it belongs to the name, as
the reference guide names sources at their fullest.  A body the gazetteer knows ("the
Security Council in New York", "the Russian Coordination Center in Hmeimim") is one of a
kind: its place is where it sits, not part of its name.  So is a ministry or a
government ("the Health Ministry in Damascus").  Only a new name whose head is an
office noun takes the place, and only a place the text names right after it ("in",
optionally a direction or "rural", then a place).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from kg.rdf.iris import slug
from kg.records import PLACE_KINDS, EntityKind, EntityRef, Mention

# Heads of the names of local offices, one per town or governorate.
OFFICE_NOUNS = frozenset(
    {"directorate", "office", "department", "council", "committee", "command", "authority"}
)
# Words that may stand between "in" and the place: "in east Aleppo", "in rural Idlib".
PLACE_MODIFIERS = frozenset(
    {"east", "eastern", "west", "western", "north", "northern", "south", "southern",
     "rural", "besieged", "the"}
)  # fmt: skip


def _office_head(label: str) -> bool:
    """ "Directorate of Health", "Unified Medical Office": the noun before "of", else the
    last word, is an office noun."""
    words = label.split()
    head = words[: words.index("of")][-1:] if "of" in words[1:] else words[-1:]
    return bool(head) and head[0].lower() in OFFICE_NOUNS and head[0][:1].isupper()


def with_seat(
    doc: Doc, bounds: tuple[int, int], ref: EntityRef | None, mentions: Sequence[Mention]
) -> EntityRef | None:
    """The office ``ref`` with the place written after its name inside the speaker
    phrase ("Directorate of Health" + "in Aleppo"); ``ref`` itself otherwise."""
    if ref is None or ref.known or EntityKind.PERSON in ref.kinds:
        return ref
    name = ref.label.removesuffix(" in")  # the NER may take "in" into the name
    if not _office_head(name):
        return ref
    span = doc[bounds[0] : bounds[1]]
    names = [
        m
        for m in mentions
        if m.entity.key == ref.key and span.start_char <= m.span.start < span.end_char
    ]
    if not names:
        return ref
    name_end = names[-1].span.start + len(names[-1].span.text.removesuffix(" in"))
    after = [t for t in span if t.idx >= name_end and not t.is_space]
    if len(after) < 2 or after[0].lower_ != "in":
        return ref
    for at in range(1, len(after)):
        place = next(
            (
                m
                for m in mentions
                if m.span.start == after[at].idx
                and (set(m.entity.kinds) & PLACE_KINDS or m.entity.ner_label in {"GPE", "LOC"})
            ),
            None,
        )
        if place is not None:
            break
        if after[at].lower_ not in PLACE_MODIFIERS:
            return ref
    else:
        return ref
    words = [t.text for t in after[:at]] + [place.span.text]
    label = f"{name} {' '.join(words)}"
    return EntityRef(key=slug(label), label=label, kinds=ref.kinds, ner_label=ref.ner_label)
