"""How bench/eval_attribution.py pairs reference claims with graph claims.

Folding (lowercase ASCII, no leading article, no possessive), the candidates of a
reference claim, and the one-to-one assignment: greedily by affinity, then augmenting
paths so that as many reference claims as possible are matched, then crossed pairs put
back in text order.  It reads only values, words and text order, never whether a
claimant, thing or relay is right.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from eval_attribution import GraphClaim, RefClaim


def fold(text: str) -> str:
    """Lowercase ASCII, no leading article, no possessive, dashes and punctuation as spaces."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"['’‘`]s\b", "", text)
    text = re.sub(r"[^a-z0-9.,]+|(?<![0-9])[.,]|[.,](?![0-9])", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^(?:the|a|an) ", "", text)


def _words(text: str) -> set[str]:
    return set(fold(text).split())


def candidates(ref: RefClaim, claim: GraphClaim) -> bool:
    """Values agree and the reference's number words lie in the phrase or sentence."""
    if ref.value is not None:
        if abs(claim.count - ref.value) > 1e-9:
            return False
    elif not (claim.vague or (ref.vague_word and fold(ref.vague_word) in fold(claim.phrase))):
        return False
    words = fold(ref.number_words)
    return words in fold(claim.phrase) or words in fold(claim.sentence)


def _affinity(ref: RefClaim, claim: GraphClaim) -> tuple[int, float, int]:
    place = int((ref.where == "title") == claim.title)
    ref_words, graph_words = _words(ref.sentence), _words(claim.sentence)
    overlap = len(ref_words & graph_words) / max(1, len(ref_words | graph_words))
    return (place, overlap, -claim.phrase_start)


def match(refs: Sequence[RefClaim], graph: Sequence[GraphClaim]) -> dict[int, GraphClaim]:
    """Reference index → its graph claim, one-to-one: greedily, best affinity first, then
    as many more as augmenting paths can pair (a greedy pairing can leave a reference
    claim unmatched although a graph claim for it is free)."""
    options: dict[int, list[tuple[tuple[int, float, int], int]]] = defaultdict(list)
    for r, ref in enumerate(refs):
        for g, claim in enumerate(graph):
            if ref.unit_id == claim.unit_id and candidates(ref, claim):
                options[r].append((_affinity(ref, claim), g))
    for choices in options.values():
        choices.sort(key=lambda item: item[0], reverse=True)
    pairs = sorted(
        ((score, r, g) for r, choices in options.items() for score, g in choices),
        key=lambda item: item[0],
        reverse=True,
    )
    owner: dict[int, int] = {}  # graph index → reference index
    paired: dict[int, int] = {}  # reference index → graph index
    for _, r, g in pairs:
        if r not in paired and g not in owner:
            paired[r], owner[g] = g, r
    for r in options:
        if r not in paired:
            _augment(r, options, owner, paired, set())
    _keep_text_order(refs, graph, paired)
    return {r: graph[g] for r, g in paired.items()}


def _keep_text_order(
    refs: Sequence[RefClaim], graph: Sequence[GraphClaim], paired: dict[int, int]
) -> None:
    """Swap two pairs that cross (the earlier reference claim on the later graph claim)
    where each graph claim is a candidate of the other reference: the reference lists
    claims in text order, so "Thirty Killed …" (the headline's copy) and "Thirty
    civilians were killed" (the lead, same sentence) pair in order."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for r in sorted(paired):
        groups[(refs[r].unit_id, refs[r].where)].append(r)
    changed = True
    while changed:  # each swap removes a crossing: the loop ends
        changed = False
        for group in groups.values():
            for a, r1 in enumerate(group):
                for r2 in group[a + 1 :]:
                    g1, g2 = paired[r1], paired[r2]  # as swapped so far, not a stale copy
                    if graph[g1].phrase_start <= graph[g2].phrase_start:
                        continue
                    if candidates(refs[r1], graph[g2]) and candidates(refs[r2], graph[g1]):
                        paired[r1], paired[r2] = g2, g1
                        changed = True


def _augment(
    r: int,
    options: dict[int, list[tuple[tuple[int, float, int], int]]],
    owner: dict[int, int],
    paired: dict[int, int],
    seen: set[int],
) -> bool:
    """Pair reference ``r``, moving already paired references to other graph claims if
    that frees one (Kuhn's augmenting path)."""
    for _, g in options[r]:
        if g in seen:
            continue
        seen.add(g)
        if g not in owner or _augment(owner[g], options, owner, paired, seen):
            owner[g], paired[r] = r, g
            return True
    return False
