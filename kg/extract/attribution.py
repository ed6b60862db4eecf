"""STUB (to be replaced): attribution."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc

from kg.records import Attribution, EntityRef, Mention


def attribute(doc: Doc, start: int, end: int, mentions: Sequence[Mention]) -> Attribution | None:
    """Who the text says the words between ``start`` and ``end`` come from."""
    return None


def cited_sources(doc: Doc, mentions: Sequence[Mention]) -> Iterator[EntityRef]:
    yield from ()
