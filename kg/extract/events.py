"""STUB (to be replaced): events."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc

from kg.records import Article, Event, Mention


def events(doc: Doc, article: Article, mentions: Sequence[Mention]) -> Iterator[Event]:
    yield from ()
