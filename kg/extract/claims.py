"""STUB (to be replaced): count claims."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc

from kg.records import Article, CountClaim, Event, Mention


def count_claims(
    doc: Doc, article: Article, mentions: Sequence[Mention], events: Sequence[Event]
) -> Iterator[CountClaim]:
    yield from ()
