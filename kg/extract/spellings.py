"""A known source under a misspelt or variant name: "the Syrian Obervatory for Human
Rights said", "World Heath Organization", "National Coalition for Syrian Revolution and
Opposition Forces" are the gazetteer's entries, not new sources.

Only long names (``MIN_LETTERS``) that fold to within a few letters of one of an
entry's labels (``SIMILAR``), word by word, are taken: a name with another whole word
("Iraqi Ministry of Foreign Affairs" beside the Iranian one) is another body.  Places
are never matched.
"""

from __future__ import annotations

import difflib
from functools import lru_cache

from kg.nlp.gazetteer import fold, load_gazetteer
from kg.records import EntityRef

MIN_LETTERS = 10
SIMILAR = 0.94
SIMILAR_WORD = 0.8  # a word's letters, for the word-by-word check
# Words a variant may add or drop: "Syrian Observatory of Human Rights", "Islamic State of
# Iraq and Sham", "(UN) Office for the Coordination of Humanitarian Affairs".
SMALL_WORDS = frozenset({"the", "of", "for", "and", "in", "at", "on", "a", "an", "al", "un"})


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
    close = difflib.get_close_matches(folded, list(labels), n=3, cutoff=SIMILAR)
    return next((labels[label] for label in close if _word_by_word(folded, label)), None)


def _word_by_word(name: str, label: str) -> bool:
    """Whether ``name`` differs from ``label`` only by misspelt words ("obervatory",
    "heath") or small words: a whole other word is another body ("Iraqi Ministry of
    Foreign Affairs" is not the Iranian one)."""
    words, known = name.split(), label.split()
    matcher = difflib.SequenceMatcher(None, words, known, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if op == "replace" and i2 - i1 == j2 - j1:
            pairs = zip(words[i1:i2], known[j1:j2], strict=True)
            if all(_misspelt(a, b) for a, b in pairs):
                continue
        if op == "replace" and _misspelt("".join(words[i1:i2]), "".join(known[j1:j2])):
            continue  # "abdelrahman" for "abdel rahman"
        if not set(words[i1:i2]) | set(known[j1:j2]) <= SMALL_WORDS:
            return False
    return True


def _misspelt(word: str, known: str) -> bool:
    """ "obervatory" for "observatory", "armys" for "army"; not "iraqi" for "iranian"."""
    return difflib.SequenceMatcher(None, word, known).ratio() >= SIMILAR_WORD


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
