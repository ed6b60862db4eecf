"""Attribution lookups over the frames of the ``newskg_attribution`` component.

``attribute`` answers "who does the text say these words come from": the frames whose
scope holds the words, innermost first; the innermost frame's speaker is the claimant,
its relays and the speakers of the enclosing frames make the chain, nearest first.
Speakers are resolved to entity mentions; a speaker phrase no mention covers
("the Russian military", "military sources") becomes a new entity keyed by its folded
phrase.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from kg.nlp import text_of
from kg.nlp.attribution import Frame, frames_of, sentence_units
from kg.nlp.gazetteer import load_gazetteer
from kg.rdf.iris import slug
from kg.records import Attribution, EntityKind, EntityRef, Mention, Span

PLACE_KINDS = frozenset(
    {EntityKind.PLACE, EntityKind.SETTLEMENT, EntityKind.REGION, EntityKind.COUNTRY,
     EntityKind.SITE}
)  # fmt: skip
FOLD_DROP_LEADING = frozenset(
    {"the", "a", "an", "its", "his", "her", "their", "this", "that", "these", "those",
     "several", "some", "other", "so-called", "aforementioned", "one", "many"}
)  # fmt: skip
FOLD_DROP_TRAILING = frozenset(
    {"statement", "statements", "report", "reports", "communique", "announcement", "release"}
)


def attribute(doc: Doc, start: int, end: int, mentions: Sequence[Mention]) -> Attribution | None:
    """Who the text says the words between char offsets start..end come from
    (None: the author's own voice)."""
    frames = _frames(doc)
    containing = [
        (frame, span)
        for frame, span in frames
        if span[0] <= start < span[1] and not _inside_cue(doc, frame, start, end)
    ]
    if not containing:
        return None
    sentence = _sentence_at(doc, start)

    def innermost_first(item: tuple[Frame, tuple[int, int]]) -> tuple[bool, int, bool]:
        frame, scope = item
        cue_here = sentence is not None and sentence.start <= frame.cue[0] < sentence.end
        return (not cue_here, scope[1] - scope[0], frame.speaker is None)

    containing.sort(key=innermost_first)
    inner, _ = containing[0]
    claimant = _speaker_ref(doc, inner.speaker, mentions) if inner.speaker else None
    chain: list[EntityRef] = [_speaker_ref(doc, relay, mentions) for relay in inner.relays]
    for outer, _ in containing[1:]:
        if outer.speaker is not None and _encloses(doc, outer, inner):
            chain.append(_speaker_ref(doc, outer.speaker, mentions))
            chain.extend(_speaker_ref(doc, relay, mentions) for relay in outer.relays)
    seen = {claimant.key} if claimant else set()
    unique: list[EntityRef] = []
    for ref in chain:
        if ref.key not in seen:
            seen.add(ref.key)
            unique.append(ref)
    cue_start, cue_end = doc[inner.cue[0] : inner.cue[1]].start_char, doc[
        inner.cue[0] : inner.cue[1]
    ].end_char
    cue = Span(cue_start, cue_end, text_of(doc)[cue_start:cue_end], "cue")
    return Attribution(
        claimant=claimant, chain=tuple(unique), cue=cue, unnamed=inner.speaker is None
    )


def cited_sources(doc: Doc, mentions: Sequence[Mention]) -> Iterator[EntityRef]:
    """Every outlet, agency, official or body the article attributes something to
    (deduplicated, in order)."""
    seen: set[str] = set()
    for frame, _ in sorted(_frames(doc), key=lambda item: item[0].cue[0]):
        parts = ([frame.speaker] if frame.speaker else []) + list(frame.relays)
        for part in sorted(parts):
            ref = _speaker_ref(doc, part, mentions)
            if ref.key not in seen:
                seen.add(ref.key)
                yield ref


def _frames(doc: Doc) -> list[tuple[Frame, tuple[int, int]]]:
    """Frames with their scopes as char ranges."""
    result = []
    for frame in frames_of(doc):
        scope = doc[frame.scope[0] : frame.scope[1]]
        result.append((frame, (scope.start_char, scope.end_char)))
    return result


def _sentence_at(doc: Doc, char: int) -> SpacySpan | None:
    for unit in sentence_units(doc):
        if unit.start_char <= char < unit.end_char:
            return unit
    return None


def _inside_cue(doc: Doc, frame: Frame, start: int, end: int) -> bool:
    cue = doc[frame.cue[0] : frame.cue[1]]
    return cue.start_char <= start and end <= cue.end_char


def _encloses(doc: Doc, outer: Frame, inner: Frame) -> bool:
    """The outer frame's scope holds the inner frame's cue (so the inner is relayed)."""
    return (
        outer is not inner
        and outer.scope[0] <= inner.scope[0]
        and inner.scope[1] <= outer.scope[1]
        and outer.scope != inner.scope
    )


def _speaker_ref(doc: Doc, bounds: tuple[int, int], mentions: Sequence[Mention]) -> EntityRef:
    """The entity a speaker phrase names: a mention covering its head, else a folded phrase."""
    span = doc[bounds[0] : bounds[1]]
    start, end = span.start_char, span.end_char
    overlapping = [m for m in mentions if m.span.start < end and start < m.span.end]
    heads = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head == t]
    head = heads[0] if heads else span[-1]
    head_start, head_end = head.idx, head.idx + len(head.text)
    for mention in overlapping:
        if mention.span.start <= head_start and head_end <= mention.span.end:
            return _speaking_for(mention.entity)
    named = [
        m
        for m in overlapping
        if not (set(m.entity.kinds) & PLACE_KINDS)
        and m.entity.ner_label not in {"NORP", "GPE", "LOC", "FAC"}
        and start <= m.span.start
        and m.span.end <= end
    ]
    if named and not _head_is_common_noun_after(doc, head, named):
        return max(named, key=lambda m: (m.entity.known, m.span.end - m.span.start)).entity
    return _folded(span)


def _speaking_for(entity: EntityRef) -> EntityRef:
    """Who a place named as the speaker stands for: "Washington said" is the United States
    speaking, "Ankara accused" Turkey; a name the NER took for an unknown place
    ("Furati said") is someone who speaks."""
    kinds = set(entity.kinds)
    if EntityKind.ACTOR in kinds or not kinds & PLACE_KINDS:
        return entity
    if not entity.known:
        return replace(entity, kinds=(EntityKind.ACTOR,))
    country = load_gazetteer().country_of(entity.key)
    if country is None or EntityKind.ACTOR not in country.kinds:
        return entity
    return EntityRef(country.key, country.label, country.kinds, known=True)


def _head_is_common_noun_after(doc: Doc, head: object, named: Sequence[Mention]) -> bool:
    """"Homs governor Talal al-Barazi" links the name; "ISIS fighters" does not."""
    head_idx = getattr(head, "idx", 0)
    return all(m.span.end <= head_idx for m in named) and getattr(head, "pos_", "") == "NOUN"


def _folded(span: object) -> EntityRef:
    """A new entity for a phrase no mention covers: determiners and 'statement' dropped."""
    words = [t.text for t in span]  # type: ignore[attr-defined]
    while len(words) > 1 and words[0].lower() in FOLD_DROP_LEADING:
        words.pop(0)
    while len(words) > 1 and words[-1].lower() in FOLD_DROP_TRAILING:
        words.pop()
    label = " ".join(words).replace(" - ", "-").replace(" -", "-").replace("- ", "-")
    return EntityRef(key=slug(label), label=label, kinds=(EntityKind.ACTOR,))
