"""STUB (to be replaced): entity mentions from doc.ents."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from kg.rdf.iris import slug
from kg.records import EntityKind, EntityRef, Mention, Span

PLACE_LABELS = {"GPE", "LOC", "FAC"}
ACTOR_LABELS = {"PERSON", "ORG", "NORP"}


def mentions(doc: Doc) -> Iterator[Mention]:
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            kinds: tuple[EntityKind, ...] = (EntityKind.PLACE,)
        elif ent.label_ in ACTOR_LABELS:
            kinds = (EntityKind.ACTOR,)
        else:
            continue
        ref = EntityRef(key=slug(ent.text), label=ent.text, kinds=kinds, ner_label=ent.label_)
        start, end = ent.start_char, ent.end_char
        yield Mention(ref, Span(start, end, doc.text[start:end], "mention"))
