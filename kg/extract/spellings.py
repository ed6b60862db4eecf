"""A known source under a misspelt or variant name: "the Syrian Obervatory for Human
Rights said", "World Heath Organization", "National Coalition for Syrian Revolution and
Opposition Forces" are the gazetteer's entries, not new sources.

Only long names (``MIN_LETTERS``) that fold to within a few letters of one of an
entry's labels (``SIMILAR``) are taken; places are never matched.
"""

from __future__ import annotations

import difflib
from functools import lru_cache

from kg.nlp.gazetteer import fold, load_gazetteer
from kg.records import EntityRef

MIN_LETTERS = 10
SIMILAR = 0.94


@lru_cache(maxsize=1)
def _labels() -> dict[str, str]:
    """Folded labels of the gazetteer's sources (no places) → entry key."""
    found: dict[str, str] = {}
    for entry in load_gazetteer():
        if entry.is_place:
            continue
        for label in (entry.label, *entry.alt_labels):
            if len(fold(label)) >= MIN_LETTERS:
                found.setdefault(fold(label), entry.key)
    return found


@lru_cache(maxsize=4096)
def _closest(folded: str) -> str | None:
    labels = _labels()
    if folded in labels or len(folded) < MIN_LETTERS:
        return None
    best = difflib.get_close_matches(folded, list(labels), n=1, cutoff=SIMILAR)
    return labels[best[0]] if best else None


def known_spelling(ref: EntityRef | None) -> EntityRef | None:
    """The gazetteer's entity when ``ref`` is a new entity spelt almost like one of its
    sources; else ``ref``."""
    if ref is None or ref.known:
        return ref
    key = _closest(fold(ref.label))
    entry = load_gazetteer().get(key) if key else None
    if entry is None:
        return ref
    return EntityRef(entry.key, entry.label, entry.kinds, known=True)
