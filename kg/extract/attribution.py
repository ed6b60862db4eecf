"""Attribution lookups over the frames of the ``newskg_attribution`` component.

``attribute`` answers "who does the text say these words come from": the frames whose
scope holds the words, innermost first; the innermost frame's speaker is the claimant,
its relays and the speakers of the enclosing frames make the chain, nearest first.

Speakers resolve (``speaker_ref``), in this order:

* an unnamed source ("a military source", "local activists", "medical sources",
  "residents", "state media") → an ``UnnamedSource`` ref keyed by its kind
  (``unnamed-military`` …; the RDF stage makes it one node per article and kind);
* a person ("its director Rami Abdel Rahman", "Observatory head Rami Abdel Rahman")
  → the person, and the organisation the phrase names or describes becomes the first
  relay hop (as the reference guide reads "people speaking for an organisation");
* someone speaking for a named organisation ("a Pentagon spokesman", "a source at
  Aleppo Police Command", "an AFP photographer") → the organisation;
* an entity mention covering the phrase's head → that entity;
* a description ("the Britain-based monitor", "the monitoring group", "the war
  monitor", "the Observatory", "the agency") → the source of that sort the article
  names, nearest before, else first after; "a monitor" no article names → unnamed
  (activist);
* otherwise a new entity keyed by the folded phrase — unless the phrase is no source
  at all (an event, a count, a common word), which gives no claimant.

``carried`` extends a report over the sentences that continue it ("The Observatory
said … At least 12 civilians were killed"), ``headline_source`` reads a headline's
tail ("Air strikes kill 20 in Idlib: monitor", "…, Pentagon says").
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache

from pyoxigraph import RdfFormat, parse
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from kg.extract.dates import before_the_news
from kg.nlp import text_of
from kg.nlp.attribution import Frame, frames_of, paragraphs, sentence_units
from kg.nlp.gazetteer import DEFAULT_BASE_IRI, GAZETTEER_PATH, fold, load_gazetteer
from kg.nlp.sources import (
    ACTIVIST,
    DESCRIPTION_HEADS,
    MEMBER_NOUNS,
    OFFICIAL,
    ROLE_NOUNS,
    description_head,
    description_kind,
    head_of,
    unnamed_kind,
)
from kg.rdf.iris import slug
from kg.records import Attribution, CountClaim, EntityKind, EntityRef, Mention, Span

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
# Words that make a phrase no source: events, counted things, common nouns.
NOT_SOURCE_WORDS = frozenset(
    {"attack", "attacks", "strike", "strikes", "airstrike", "airstrikes", "raid", "raids",
     "bombing", "bombings", "bomb", "explosion", "blast", "shelling", "shells", "massacre",
     "claim", "claims", "civilians", "people", "others", "children", "women", "fighters",
     "rebels", "soldiers", "toll", "deaths", "victims", "casualties", "bodies", "group",
     "analysts", "charity", "monday", "tuesday", "wednesday", "thursday", "friday",
     "saturday", "sunday", "missile", "missiles", "rocket", "rockets", "mortar", "mortars",
     "jets", "warplanes", "aircraft", "helicopters", "drones", "planes", "weapons"}
)  # fmt: skip
# Capitals that speak for their state ("Moscow said", "Ankara says"): capital → country.
CAPITALS: dict[str, str] = {
    "moscow": "russia", "damascus": "syria", "ankara": "turkey", "washington": "united-states",
    "tehran": "iran", "beirut": "lebanon", "baghdad": "iraq", "amman": "jordan",
    "riyadh": "saudi-arabia", "doha": "qatar", "paris": "france", "london": "united-kingdom",
    "cairo": "egypt", "tel-aviv": "israel",
}  # fmt: skip
# Event nouns anywhere in a phrase make it an event, not a source.
EVENT_WORDS = frozenset(
    {"attack", "attacks", "strike", "strikes", "airstrike", "airstrikes", "raid", "raids",
     "bombing", "bombings", "explosion", "explosions", "blast", "blasts", "shelling",
     "offensive", "offensives", "assault", "assaults", "massacre", "ambush", "clashes",
     "bombardment"}
)  # fmt: skip
HEADLINE_TAIL_VERBS = frozenset({"says", "said", "say", "reports", "claims", "confirms"})
TAIL_MARKS = frozenset({":", ",", "-", "–", "—", "|"})
# How many sentences a report runs on without its source being named again.
CARRY_SENTENCES = 2
UNNAMED_PREFIX = "unnamed-"
MEMBER_OF = "https://schema.org/memberOf"


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

    def innermost_first(item: tuple[Frame, tuple[int, int]]) -> tuple[bool, bool, int]:
        """The frame cued in the words' sentence, one naming a speaker before a bare hedge
        ("25 children were reportedly killed …, UNICEF said"), the narrowest."""
        frame, scope = item
        cue_here = sentence is not None and sentence.start <= frame.cue[0] < sentence.end
        return (not cue_here, frame.speaker is None, scope[1] - scope[0])

    containing.sort(key=innermost_first)
    inner, _ = containing[0]
    outers = [outer for outer, _ in containing[1:] if _encloses(doc, outer, inner)]
    return _from_frame(doc, inner, outers, mentions)


def _from_frame(
    doc: Doc, inner: Frame, outers: Sequence[Frame], mentions: Sequence[Mention]
) -> Attribution | None:
    """The attribution one frame gives (and the frames enclosing it, as relays); None
    when its speaker is no source at all ("the attack said": a misparse)."""
    claimant: EntityRef | None = None
    chain: list[EntityRef] = []
    if inner.speaker is not None:
        claimant, via = speaker_ref(doc, inner.speaker, mentions)
        chain.extend(via)
    for relay in inner.relays:
        chain.extend(_refs(doc, relay, mentions))
    for outer in outers:
        if outer.speaker is not None:
            chain.extend(_refs(doc, outer.speaker, mentions))
            for relay in outer.relays:
                chain.extend(_refs(doc, relay, mentions))
    seen = {claimant.key} if claimant else set()
    unique: list[EntityRef] = []
    for ref in chain:
        if ref.key not in seen and not is_unnamed(ref):
            seen.add(ref.key)
            unique.append(ref)
    cue_span = doc[inner.cue[0] : inner.cue[1]]
    cue = Span(cue_span.start_char, cue_span.end_char,
               text_of(doc)[cue_span.start_char : cue_span.end_char], "cue")  # fmt: skip
    unnamed = claimant is None or is_unnamed(claimant)
    if claimant is None and not inner.unnamed:
        return None
    return Attribution(claimant=claimant, chain=tuple(unique), cue=cue, unnamed=unnamed)


def _refs(doc: Doc, bounds: tuple[int, int], mentions: Sequence[Mention]) -> list[EntityRef]:
    ref, via = speaker_ref(doc, bounds, mentions)
    return ([ref] if ref is not None else []) + via


def is_unnamed(ref: EntityRef) -> bool:
    """Whether a ref is an unnamed source ("a military source")."""
    return EntityKind.UNNAMED_SOURCE in ref.kinds


def carried(doc: Doc, start: int, mentions: Sequence[Mention]) -> Attribution | None:
    """A report running on: a number in a sentence with no source of its own, after a
    sentence whose source reports ("The Observatory said 12 were killed. Another 30
    were wounded."), up to ``CARRY_SENTENCES`` sentences on, in the same paragraph and
    never into or out of the headline; another source's sentence ends it."""
    units = sentence_units(doc)
    index = next((i for i, u in enumerate(units) if u.start_char <= start < u.end_char), None)
    if index is None:
        return None
    frames = frames_of(doc)
    paragraph = _paragraph_of(doc, units[index].start)
    for back in range(0, CARRY_SENTENCES + 1):
        if index - back < 0:
            return None
        unit = units[index - back]
        if _paragraph_of(doc, unit.start) != paragraph:
            return None
        own = [f for f in frames if unit.start <= f.cue[0] < unit.end]
        if back == 0:
            if own or _opens_with_date(unit):
                return None  # a source of its own; a new date ("In recent days 57 …")
            continue
        speaking = [f for f in own if f.speaker is not None]
        if speaking:
            frame = max(speaking, key=lambda f: f.cue[0])
            return _from_frame(doc, frame, (), mentions)
        if own:
            return None
    return None


def carry_claims(
    doc: Doc, published: date | None, mentions: Sequence[Mention], claims: list[CountClaim]
) -> list[CountClaim]:
    """Counts with no source of their own get the report they continue (``carried``),
    unless they are background in the article's own voice: a period total ("killed
    since 2011") or a count its sentence dates before the news ("In March two blasts
    killed 40", "last December")."""
    result: list[CountClaim] = []
    for claim in claims:
        if claim.attribution is None:
            start = claim.evidence[0].start
            found = sentence_tail(doc, start, mentions)
            if (
                found is None
                and not claim.cumulative
                and not before_the_news(claim.when, published)
            ):
                found = carried(doc, start, mentions)
            claim = replace(claim, attribution=found)
        result.append(claim)
    return result


def headline_claims(
    doc: Doc, headline: str, mentions: Sequence[Mention], claims: list[CountClaim]
) -> list[CountClaim]:
    """The headline's numbers get the source its tail names ("…: monitor", "…, Pentagon
    says"), else the source the body gives the same count of the same thing."""
    text = text_of(doc)
    at = text.find(headline) if headline else -1
    if at < 0 or at > 400:
        return claims
    end = at + len(headline)
    tail = headline_source(doc, headline, mentions)
    body = [c for c in claims if c.evidence[0].start >= end and c.attribution is not None]
    result: list[CountClaim] = []
    for claim in claims:
        phrase = claim.evidence[0]
        if claim.attribution is None and at <= phrase.start < end:
            if tail is not None:
                claim = replace(claim, attribution=tail)
            else:
                same = next(
                    (c for c in body if c.count == claim.count and c.counted == claim.counted),
                    None,
                )
                if same is not None:
                    claim = replace(claim, attribution=same.attribution)
        result.append(claim)
    return result


def _opens_with_date(unit: SpacySpan) -> bool:
    """ "In recent days …", "Last month …", "On March 3 …": a sentence opening on a date
    turns to another moment, which ends the report before it."""
    return any(t.ent_type_ in {"DATE", "TIME"} for t in unit[:4])


def _paragraph_of(doc: Doc, token: int) -> int:
    for index, (start, end) in enumerate(paragraphs(doc)):
        if start <= token < end:
            return index
    return -1


def headline_source(doc: Doc, headline: str, mentions: Sequence[Mention]) -> Attribution | None:
    """A headline's tail names who says its numbers: "Air strikes kill 20 in Idlib:
    monitor", "Strike kills 9 allied fighters, Pentagon says", "… bombing UNICEF" (a
    tail whose punctuation was lost): a source phrase ending the headline, after a
    mark, or a named source or a source noun even without one.  A description
    ("monitor") resolves through the body."""
    text = text_of(doc)
    at = text.find(headline) if headline else -1
    if at < 0 or at > 400:
        return None
    span = doc.char_span(at, at + len(headline), alignment_mode="contract")
    if span is None:
        return None
    return tail_source(doc, span, mentions)


def sentence_tail(doc: Doc, char: int, mentions: Sequence[Mention]) -> Attribution | None:
    """A body sentence ending with its source, its verb lost: "… near the border with
    Turkey the UK-based Syrian Observatory.", "… in southern Syria SANA news agency reports."
    """
    sentence = _sentence_at(doc, char)
    return tail_source(doc, sentence, mentions) if sentence is not None else None


def tail_source(doc: Doc, span: SpacySpan, mentions: Sequence[Mention]) -> Attribution | None:
    """The source phrase ending ``span`` (a headline or a sentence): after a mark (":",
    ",", "-") any named actor, a description or an unnamed source; with no mark only an
    outlet, a monitor or a source noun, of at most three words."""
    if len(span) < 3:
        return None
    end = span.end
    while end > span.start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end > span.start and doc[end - 1].lower_ in HEADLINE_TAIL_VERBS:
        end -= 1
    for start in range(end - 1, max(span.start, end - 10), -1):
        mark = doc[start - 1]
        marked = mark.text in TAIL_MARKS and (
            mark.text not in {"-", "–"} or bool(doc[start - 2].whitespace_)
        )  # "… Idlib - monitor", not "UK-based"
        phrase = doc[start:end]
        if not marked and start - 1 > span.start and not doc[start - 1].is_punct:
            whole_name = any(
                m.span.start == phrase.start_char and m.span.end == phrase.end_char
                for m in mentions
            )
            if (
                (start > end - 4 or whole_name)
                and _is_source_phrase(phrase, mentions, strict=True)
                and not _extends_left(doc, start, span.start)
            ):
                return _tail(doc, phrase, mentions)
            continue
        if marked and _is_source_phrase(phrase, mentions, strict=False):
            return _tail(doc, phrase, mentions)
        if marked:
            return None
    return None


def _extends_left(doc: Doc, start: int, limit: int) -> bool:
    """Whether the tail's first word continues a name to its left ("Syrian Observatory")."""
    before = doc[start - 1]
    return start - 1 >= limit and before.ent_iob_ in {"B", "I"} and doc[start].ent_iob_ == "I"


def _is_source_phrase(phrase: SpacySpan, mentions: Sequence[Mention], strict: bool) -> bool:
    """A named non-place actor, a description of a source, or an unnamed source; with
    ``strict`` (no mark before it) only an outlet, a monitor or a source noun."""
    if unnamed_kind(phrase) is not None or description_head(phrase) in {
        "monitor",
        "observatory",
        "watchdog",
    }:
        return True
    start, end = phrase.start_char, phrase.end_char
    inside = [m for m in mentions if start <= m.span.start and m.span.end <= end]
    if not inside or any(set(m.entity.kinds) & PLACE_KINDS for m in inside):
        return False
    if len(inside) != 1 or inside[0].span.end - inside[0].span.start < end - start - 4:
        return False
    entity = inside[0].entity
    if strict:
        return EntityKind.OUTLET in entity.kinds or _compatible(entity, "monitor")
    return EntityKind.ACTOR in entity.kinds


def _tail(doc: Doc, phrase: SpacySpan, mentions: Sequence[Mention]) -> Attribution | None:
    claimant, via = speaker_ref(doc, (phrase.start, phrase.end), mentions)
    if claimant is None:
        return None
    begin, finish = phrase.start_char, phrase.end_char
    cue = Span(begin, finish, text_of(doc)[begin:finish], "cue")
    return Attribution(claimant=claimant, chain=tuple(via), cue=cue, unnamed=is_unnamed(claimant))


def cited_sources(doc: Doc, mentions: Sequence[Mention]) -> Iterator[EntityRef]:
    """Every outlet, agency, official or body the article attributes something to
    (deduplicated, in order; unnamed sources are not cited by name)."""
    seen: set[str] = set()
    for frame, _ in sorted(_frames(doc), key=lambda item: item[0].cue[0]):
        parts = ([frame.speaker] if frame.speaker else []) + list(frame.relays)
        for part in sorted(parts):
            for ref in _refs(doc, part, mentions):
                if ref.key not in seen and not is_unnamed(ref):
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


# --- who a speaker phrase is ------------------------------------------------------------------


def speaker_ref(
    doc: Doc, bounds: tuple[int, int], mentions: Sequence[Mention]
) -> tuple[EntityRef | None, list[EntityRef]]:
    """The source a speaker phrase names, and the organisation it speaks for when that
    is a relay hop (a named person's organisation); see the module docstring."""
    span = doc[bounds[0] : bounds[1]]
    start, end = span.start_char, span.end_char
    kind = unnamed_kind(span)
    if kind is not None:
        return unnamed_ref(kind, _words(span)), []
    head = head_of(span)
    overlapping = [m for m in mentions if m.span.start < end and start < m.span.end]
    named = [
        m
        for m in overlapping
        if not (set(m.entity.kinds) & PLACE_KINDS)
        and m.entity.ner_label not in {"NORP", "GPE", "LOC", "FAC"}
        and start <= m.span.start
        and m.span.end <= end
    ]
    head_start, head_end = head.idx, head.idx + len(head.text)
    covering = next(
        (m for m in overlapping if m.span.start <= head_start and head_end <= m.span.end), None
    )
    if covering is not None and EntityKind.PERSON in covering.entity.kinds:
        via = _organisation_of(doc, span, covering, named, mentions)
        member_of = members().get(covering.entity.key)
        if not via and member_of and any(m.entity.key == member_of for m in mentions):
            via = [next(m.entity for m in mentions if m.entity.key == member_of)]
        return covering.entity, via
    if head.lower_ in MEMBER_NOUNS or head.lemma_.lower() in MEMBER_NOUNS:
        bodies = [m for m in named if EntityKind.PERSON not in m.entity.kinds]
        if bodies:  # "a Pentagon spokesman", "an AFP photographer"
            return max(bodies, key=lambda m: (m.entity.known, m.span.end - m.span.start)).entity, []
        body = _body_named_after(head, span)
        if body is not None:  # "a source at Aleppo Police Command"
            return body, []
    if covering is not None:
        return _actor_or_none(covering.entity), []
    described = description_head(span)
    if described is not None:
        found = resolve_description(described, start, mentions) or _named_description(
            doc, described
        )
        if found is not None:
            return found, []
        if described in {"monitor", "observatory", "watchdog"} and not head.is_title:
            return unnamed_ref(ACTIVIST, _words(span)), []  # "a monitor", none named
    if named and not _head_is_common_noun_after(head, named):
        return max(named, key=lambda m: (m.entity.known, m.span.end - m.span.start)).entity, []
    folded = _folded(span)
    if _not_a_source(folded.label):
        return None, []
    if head.lemma_.lower() == "ministry" and len(folded.label.split()) > 1:
        label = folded.label.title()  # "the interior ministry": named by its portfolio
        return EntityRef(key=slug(label), label=label, kinds=(EntityKind.ACTOR,)), []
    if folded.label == folded.label.lower():  # no name: a description nothing resolves
        kind = description_kind(span)
        return (unnamed_ref(kind, _words(span)) if kind else None), []
    return folded, []


def _actor_or_none(ref: EntityRef) -> EntityRef | None:
    """A claimant is an actor: "Moscow said" is Russia; another place says nothing."""
    if EntityKind.ACTOR in ref.kinds or not set(ref.kinds) & PLACE_KINDS:
        return ref
    country = CAPITALS.get(ref.key)
    entry = load_gazetteer().get(country) if country else None
    if entry is None:
        return None
    return EntityRef(entry.key, entry.label, entry.kinds, known=True, ner_label="GPE")


def _body_named_after(head: object, span: SpacySpan) -> EntityRef | None:
    """ "a source at Aleppo Police Command", "a spokesman for the Interior Ministry": the
    body a member noun's "at/for/of/from/in" names, when that holds a name of no place."""
    for prep in getattr(head, "children", ()):
        if prep.dep_ != "prep" or prep.lower_ not in {"at", "for", "of", "from", "in", "with"}:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or not (span.start <= obj.i < span.end):
                continue
            words = span.doc[obj.left_edge.i : min(obj.right_edge.i + 1, span.end)]
            names = [t for t in words if t.pos_ == "PROPN"]
            if names and any(t.ent_type_ not in {"GPE", "LOC", "FAC"} for t in names):
                return _folded(words)
            if names:  # "a source at Aleppo province": the province's authorities
                return unnamed_ref(OFFICIAL, _words(span))
    return None


@lru_cache(maxsize=1)
def members() -> dict[str, str]:
    """Person key → the key of the organisation the gazetteer says they speak for
    (``schema:memberOf``: "Rami Abdel Rahman" → the Syrian Observatory)."""
    prefix = DEFAULT_BASE_IRI + "entity/"
    triples = parse(path=str(GAZETTEER_PATH), format=RdfFormat.TURTLE, base_iri=DEFAULT_BASE_IRI)
    return {
        t.subject.value.removeprefix(prefix): t.object.value.removeprefix(prefix)
        for t in triples
        if t.predicate.value == MEMBER_OF
    }


def unnamed_ref(kind: str, words: str) -> EntityRef:
    """An unnamed source of one kind, labelled with the words used."""
    return EntityRef(key=UNNAMED_PREFIX + kind, label=words, kinds=(EntityKind.UNNAMED_SOURCE,))


def _words(span: SpacySpan) -> str:
    words = [t.text for t in span if not t.is_space]
    while words and words[-1] in {",", ":", "'s", "’s"}:
        words.pop()
    return " ".join(words)


def _organisation_of(
    doc: Doc,
    span: SpacySpan,
    person: Mention,
    named: Sequence[Mention],
    mentions: Sequence[Mention],
) -> list[EntityRef]:
    """The organisation a named person speaks for, as the phrase gives it: a name in
    the phrase ("SOHR director Rami Abdel Rahman") or a description of a named source
    ("its director", "Observatory head", "the monitor's chief")."""
    bodies = [m for m in named if m is not person and EntityKind.PERSON not in m.entity.kinds]
    if bodies:
        return [bodies[0].entity]
    roles = [t for t in span if t.lower_ in ROLE_NOUNS and t.idx < person.span.start]
    if not roles:
        return []
    for token in span:
        if token.idx >= person.span.start:
            break
        word = token.lemma_.lower()
        if word in DESCRIPTION_HEADS or token.lower_ in DESCRIPTION_HEADS:
            found = resolve_description(token.lower_ if token.lower_ in DESCRIPTION_HEADS
                                        else word, span.start_char, mentions)  # fmt: skip
            return [found] if found is not None else []
        if token.lower_ in {"its", "their"}:
            found = _nearest_source_before(span.start_char, mentions)
            return [found] if found is not None else []
    return []


def _nearest_source_before(char: int, mentions: Sequence[Mention]) -> EntityRef | None:
    """ "its director": the nearest organisation named before."""
    before = [
        m
        for m in mentions
        if m.span.end <= char
        and EntityKind.ORGANIZATION in m.entity.kinds
        and not (set(m.entity.kinds) & PLACE_KINDS)
    ]
    return before[-1].entity if before else None


def _labels(ref: EntityRef) -> list[str]:
    entry = load_gazetteer().get(ref.key) if ref.known else None
    labels = [ref.label, *(entry.alt_labels if entry else ())]
    return [fold(label) for label in labels]


def _compatible(ref: EntityRef, description: str) -> bool:
    """Whether a named source fits a description: a label holding one of its words, or
    the kind it asks for ("the agency" → an Outlet)."""
    return any(_compatible_one(ref, want) for want in DESCRIPTION_HEADS.get(description, ()))


def resolve_description(
    description: str, char: int, mentions: Sequence[Mention]
) -> EntityRef | None:
    """The named source a description stands for: for each sort it may be (in the order
    ``DESCRIPTION_HEADS`` lists), the nearest fitting mention before ``char``, else the
    first after it ("Air strikes kill 20: monitor" → the body's Observatory)."""
    for want in DESCRIPTION_HEADS.get(description, ()):
        fitting = [m for m in mentions if _compatible_one(m.entity, want)]
        before = [m for m in fitting if m.span.end <= char]
        if before:
            return before[-1].entity
        after = [m for m in fitting if m.span.start >= char]
        if after:
            return after[0].entity
    return None


def _named_description(doc: Doc, description: str) -> EntityRef | None:
    """A description the article also writes as a name, capitalised, with no fuller
    name anywhere: "the Observatory said" (and no "Syrian Observatory …") → Observatory."""
    wants = {w for w in DESCRIPTION_HEADS.get(description, ()) if w.islower() and " " not in w}
    for token in doc:
        if (
            token.lower_ in wants
            and token.is_title
            and token.i > 0
            and (not doc[token.i - 1].is_sent_start or doc[token.i - 1].lower_ == "the")
        ):
            return EntityRef(key=slug(token.text), label=token.text, kinds=(EntityKind.ACTOR,))
    return None


def _compatible_one(ref: EntityRef, want: str) -> bool:
    if set(ref.kinds) & PLACE_KINDS or EntityKind.PERSON in ref.kinds:
        return False
    if want[0].isupper():
        return want in {kind.value for kind in ref.kinds}
    return any(want in label.split() or (" " in want and want in label) for label in _labels(ref))


def _head_is_common_noun_after(head: object, named: Sequence[Mention]) -> bool:
    """ "Homs governor Talal al-Barazi" links the name; "ISIS fighters" does not."""
    head_idx = getattr(head, "idx", 0)
    return all(m.span.end <= head_idx for m in named) and getattr(head, "pos_", "") == "NOUN"


def _not_a_source(label: str) -> bool:
    """An event, a count or a common word: "suicide bomb attack", "2,000 people", "claim"."""
    words = fold(label).split()
    if not words or any(ch.isdigit() for ch in label):
        return True
    if words[-1] in NOT_SOURCE_WORDS or words[0] in NOT_SOURCE_WORDS:
        return True
    if any(word in EVENT_WORDS for word in words):
        return True  # "tank-backed assault", "the latest in a spate of blasts"
    return len(words) == 1 and label.islower() and words[0] not in {"activists", "residents"}


def _folded(span: object) -> EntityRef:
    """A new entity for a phrase no mention covers: determiners and 'statement' dropped."""
    words = [t.text for t in span]  # type: ignore[attr-defined]
    while len(words) > 1 and words[0].lower() in FOLD_DROP_LEADING:
        words.pop(0)
    while len(words) > 1 and words[-1].lower() in FOLD_DROP_TRAILING:
        words.pop()
    label = " ".join(words).replace(" - ", "-").replace(" -", "-").replace("- ", "-")
    return EntityRef(key=slug(label), label=label, kinds=(EntityKind.ACTOR,))
