"""Attribution lookups over the frames of the ``newskg_attribution`` component.

``attribute`` answers "who does the text say these words come from": the frames whose
scope holds the words, innermost first; the innermost frame's speaker is the claimant,
its relays and the speakers of the enclosing frames make the chain, nearest first.

Speakers resolve through ``kg.extract.speakers.speaker_ref``: unnamed sources,
persons and the body they speak for, named bodies, descriptions of the source the
article names; an event, a count or a common word is no claimant.

``carry_claims`` extends a report over the sentences that continue it ("The
Observatory said … At least 12 civilians were killed") and reads a sentence ending
with its source; ``headline_claims`` reads a headline's tail ("Air strikes kill 20 in
Idlib: monitor", "…, Pentagon says") or the body's source of a count it repeats.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from kg.extract.carriers import carried_on, closing_source
from kg.extract.dates import before_the_news
from kg.extract.headline_repeats import sourced_repeats
from kg.extract.speakers import compatible, is_unnamed, speaker_ref
from kg.extract.story_breaks import breaks_report, new_moment, opens_story, without_glued_headings
from kg.extract.video_titles import without_video_titles
from kg.nlp import text_of
from kg.nlp.attribution import Frame, frames_of, paragraphs, sentence_units
from kg.nlp.credits import credits
from kg.nlp.lexicon import OUTCOME_WORDS
from kg.nlp.relays import VISUAL_NOUNS
from kg.nlp.sentences import copy_paragraph_end, words
from kg.nlp.sources import (
    description_head,
    head_of,
    unnamed_kind,
)
from kg.records import (
    PLACE_KINDS,
    Attribution,
    CountClaim,
    Counted,
    EntityKind,
    EntityRef,
    Mention,
    Outcome,
    Span,
)

HEADLINE_TAIL_VERBS = frozenset({"says", "said", "say", "reports", "claims", "confirms"})
TAIL_MARKS = frozenset({":", ",", "-", "–", "—", "|"})
TOPIC_SHIFTS = frozenset({"meanwhile", "separately", "elsewhere", "earlier", "previously"})
# What a headline's bare "kill 11" may count in the body.
PERSON_THINGS = frozenset(
    {Counted.PEOPLE, Counted.CIVILIANS, Counted.FIGHTERS, Counted.SOLDIERS, Counted.CHILDREN,
     Counted.WOMEN, Counted.RESIDENTS, Counted.REFUGEES}
)  # fmt: skip
BARE_REPORTS = frozenset({"report", "reports", "news", "information", "account", "accounts"})
# How many sentences a report runs on without its source being named again.
CARRY_SENTENCES = 2
BACK_POINTERS = frozenset({"these", "those", "they", "he", "she"})
PRESENT_BE = frozenset({"is", "are", "am"})
SHOWING_VERBS = frozenset({"show", "depict", "capture"})
# How far into the body (characters after the headline) a copy of the headline may start
# ("Thu Feb 5 2015 title: …").
HEADLINE_COPY_WITHIN = 60


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

    def innermost_first(item: tuple[Frame, tuple[int, int]]) -> tuple[bool, ...]:
        """The frame cued in the words' sentence, one naming a speaker before a bare hedge
        ("25 children were reportedly killed …, UNICEF said") and before bare reports
        ("Reports confirmed that five were killed, said the source"), one another frame
        holds ("SANA reported that a military source said …": the military source), a
        named one before an unnamed one, then the narrowest."""
        frame, scope = item
        cue_here = sentence is not None and sentence.start <= frame.cue[0] < sentence.end
        nested = any(_encloses(doc, outer, frame) for outer in frames_here)
        return (not cue_here, frame.speaker is None, _bare_report(doc, frame), not nested,
                frame.unnamed, scope[1] - scope[0])  # fmt: skip

    frames_here = [frame for frame, _ in containing]  # (a list is empty while it sorts)
    containing.sort(key=innermost_first)
    for index, (inner, _) in enumerate(containing):
        outers = [outer for outer, _ in containing[index + 1 :] if _encloses(doc, outer, inner)]
        found = _from_frame(doc, inner, outers, mentions)
        if found is not None:  # "the army confirmed …" no one resolves: the next frame
            return found
    return None


def _bare_report(doc: Doc, frame: Frame) -> bool:
    """ "Reports confirmed …", "news said …": a speaker that is only a report, no source."""
    if frame.speaker is None:
        return False
    head = head_of(doc[frame.speaker[0] : frame.speaker[1]])
    return head.lemma_.lower() in BARE_REPORTS or head.lower_ in BARE_REPORTS


def _from_frame(
    doc: Doc, inner: Frame, outers: Sequence[Frame], mentions: Sequence[Mention]
) -> Attribution | None:
    """The attribution one frame gives (and the frames enclosing it, as relays); None
    when its speaker is no source at all ("the attack said": a misparse)."""
    claimant: EntityRef | None = None
    chain: list[EntityRef] = []
    body: tuple[EntityRef, ...] = ()  # a named speaker's body, even unnamed ("civil defense")
    if inner.speaker is not None:
        claimant, via = speaker_ref(doc, inner.speaker, mentions)
        chain.extend(via)
        body = tuple(via) if claimant is not None and not is_unnamed(claimant) else ()
    for relay in inner.relays:  # "quoted by local media": a passer-on kept even unnamed
        chain.extend(_refs(doc, relay, mentions))
        body += tuple(chain[-len(_refs(doc, relay, mentions)) or len(chain) :])
    for outer in outers:
        if outer.speaker is not None:
            chain.extend(_refs(doc, outer.speaker, mentions))
            for relay in outer.relays:
                chain.extend(_refs(doc, relay, mentions))
    seen = {claimant.key} if claimant else set()
    unique: list[EntityRef] = []
    for ref in chain:
        if ref.key not in seen and (not is_unnamed(ref) or ref in body):
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


def carried(doc: Doc, start: int, mentions: Sequence[Mention]) -> Attribution | None:
    """A report running on: a number in a sentence with no source of its own, after a
    sentence whose source reports ("The Observatory said 12 were killed. Another 30
    were wounded."), up to ``CARRY_SENTENCES`` sentences on, in the same paragraph and
    never into or out of the headline; another source's sentence, or background
    between ("Regime forces have lately intensified …"), ends it."""
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
            if own or _opens_with_date(unit) or _background(unit) or _shown(unit):
                return None  # a source of its own; a new date ("In recent days 57 …")
            if opens_story(unit, start):
                return None  # "… peace talks Civilians flee … Meanwhile hundreds escaped …"
            if news_item_heading(unit):
                return None  # "Two civilians injured in mortar attack on Bab Touma": a new item
            continue
        speaking = [f for f in own if f.speaker is not None]
        if speaking:  # the latest report not inside another ("… when Russia announced …")
            outer = [f for f in speaking if not any(_encloses(doc, o, f) for o in speaking)]
            frame = max(outer or speaking, key=lambda f: f.cue[0])
            if any(frame.cue[1] <= m[0] < units[index].start for m in credits(doc)):
                return None  # "… rebels said … (Reuters) Two people were killed": a caption's
            return _from_frame(doc, frame, (), mentions)
        if own or breaks_report(unit) or _background(unit):  # "Meanwhile …", background
            return None
        if new_moment(unit) and _opens_with_date(unit):  # "Last Monday forces attacked …"
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
    result = without_glued_headings(doc, result)  # "… in Idleb Meanwhile civil sources told"
    return without_video_titles(text_of(doc), result)  # "… Dozens killed … - YouTube"


def headline_claims(
    doc: Doc, headline: str, mentions: Sequence[Mention], claims: list[CountClaim]
) -> list[CountClaim]:
    """The headline's numbers get the source its tail names ("…: monitor", "…, Pentagon
    says"), else the source the body gives the same count of the same thing (a named
    source before an unnamed one, when the body gives it twice); when the body gives
    that count with a fuller chain holding the tail's source ("Observatory head Rami
    Abdel Rahman told AFP …"), the body's chain."""
    text = text_of(doc)
    at = text.find(headline) if headline else -1
    if at < 0 or at > 400:
        return claims
    end = at + len(headline)
    tail = headline_source(doc, headline, mentions)
    copy = _headline_copy(text, at, end)  # the headline again is no report of the body's
    told = [
        c
        for c in claims
        if c.evidence[0].start >= end
        and not (copy is not None and copy[0] <= c.evidence[0].start < copy[1])
    ]
    body = [c for c in told if c.attribution is not None]
    result: list[CountClaim] = []
    for claim in claims:
        phrase = claim.evidence[0]
        if at <= phrase.start < end:
            own = claim.attribution or tail
            own_voice = [c for c in told if c.attribution is None and _repeats(claim, c)]
            repeats = sourced_repeats(doc, [c for c in body if _repeats(claim, c)], own_voice)
            named = [c for c in repeats if c.attribution and not c.attribution.unnamed]
            same = (named or repeats or [None])[0]  # "… 40 people … reports say", then
            # "At least 40 people … were killed … the Observatory claimed": the Observatory
            if same is not None and (own is None or _holds(same.attribution, own)):
                own = same.attribution
            claim = replace(claim, attribution=own)
        result.append(claim)
    return _as_in_headline(text, at, end, copy, result)


def _as_in_headline(
    text: str, at: int, end: int, found: tuple[int, int] | None, claims: list[CountClaim]
) -> list[CountClaim]:
    """ "title: Terrorist Attack on Damascus kill 5 injure 50. Rocket attacks killed …":
    a copy of the headline the body opens with (ingest keeps it: "Title" + "Title.")
    says what the headline says, from the same source: its numbers take the attribution
    of the headline's number at the same place in the words ("Turkeys Nightmare; Kurds …"
    copied as "Turkeys Nightmare Kurds …" too). ``found``: the copy's bounds, if any."""
    if found is None:
        return claims
    copy, copy_end = found
    by_place = {
        (len(words(text[at : c.evidence[0].start])), c.count): c
        for c in claims
        if at <= c.evidence[0].start < end
    }
    result: list[CountClaim] = []
    for claim in claims:
        start = claim.evidence[0].start
        if copy <= start < copy_end:
            title = by_place.get((len(words(text[copy:start])), claim.count))
            if title is not None:
                claim = replace(claim, attribution=title.attribution)
        result.append(claim)
    return result


def _headline_copy(text: str, at: int, end: int) -> tuple[int, int] | None:
    """Where the body opens with the headline again ("Title" + "03-08-2016 Title."), as
    char offsets; None when it does not (or the headline is under three words)."""
    headline = text[at:end].rstrip(" .")
    copy = text.lower().find(headline.lower(), end, end + HEADLINE_COPY_WITHIN + len(headline))
    copy_end = copy + len(headline)
    if copy < 0 and (paragraph_end := copy_paragraph_end(text, end, headline)) is not None:
        copy, copy_end = end + 2, paragraph_end
    if len(headline.split()) < 3 or copy < 0:
        return None
    return copy, copy_end


def _repeats(title: CountClaim, body: CountClaim) -> bool:
    """Whether a body count repeats a headline's: the same number of the same thing
    ("Barrel bombs kill 11" — people — and "At least 11 civilians were killed"), with the
    same fate when both give one ("35 Dead Dozens Wounded" is not "dozens were killed")."""
    if title.count != body.count:
        return False
    same_thing = title.counted == body.counted or (
        title.counted == Counted.PEOPLE and body.counted in PERSON_THINGS
    )
    fates = (title.outcome, body.outcome)
    return same_thing and (None in fates or fates[0] == fates[1])


def _holds(fuller: Attribution | None, short: Attribution) -> bool:
    """Whether a chain names the short attribution's claimant (as claimant or relay)."""
    if fuller is None or short.claimant is None:
        return False
    keys = {ref.key for ref in (fuller.claimant, *fuller.chain) if ref is not None}
    return short.claimant.key in keys


def news_item_heading(unit: SpacySpan) -> bool:
    """ "Four civilians injured in terrorist rocket attacks in Aleppo": a round-up's next
    item opens on its own heading, a count of people and a bare participle of harm (no
    auxiliary), the way a headline is written; the report before it has ended."""
    if len(unit) < 4:
        return False
    count, people, harmed = unit[0], unit[1], unit[2]
    return (
        count.tag_ == "CD"
        and people.tag_ == "NNS"
        and harmed.tag_ == "VBN"
        and OUTCOME_WORDS.get(harmed.lemma_.lower()) in {Outcome.KILLED, Outcome.WOUNDED}
        and not any(c.dep_ in {"aux", "auxpass"} for c in harmed.children)
    )


def _opens_with_date(unit: SpacySpan) -> bool:
    """ "In recent days …", "Last month …", "On March 3 …": a sentence opening on a date
    turns to another moment, and "Meanwhile …", "Separately …" to another story; either
    ends the report before it."""
    if any(t.lower_ in TOPIC_SHIFTS for t in unit[:2]):
        return True
    return any(t.ent_type_ in {"DATE", "TIME"} for t in unit[:4])


def _background(unit: SpacySpan) -> bool:
    """ "The conflict has killed more than 280000 people", "ISIL has swept across the
    north driving tens of thousands from their homes", "Volunteers are the first on the
    scene", "Up to 300000 people are running low on supplies": a sentence whose main verb
    is in the present (simple or progressive) or the active perfect states
    background in the article's own voice, not the next step of a report told in the
    past ("… were killed", "30 others have been wounded" go on), nor one whose subject
    points back to it ("These include 38 cluster bombs")."""
    root = unit.root
    if root.pos_ not in {"VERB", "AUX"} or any(
        c.dep_ == "auxpass" or (c.dep_ == "nsubj" and c.lower_ in BACK_POINTERS)
        for c in root.children
    ):
        return False
    if root.tag_ in {"VBZ", "VBP"}:
        return True
    if root.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lower_ in PRESENT_BE for c in root.children
    ):
        return True  # "Up to 300000 people … are running low on supplies"
    return root.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in {"has", "have"} for c in root.children
    )


def _shown(unit: SpacySpan) -> bool:
    """ "Images supplied to Reuters showed scores of bodies …", "A video purportedly shot
    in the neighborhood showed a room filled with more than 90 bodies": what pictures
    show is the article's own account of them, no report that runs on."""
    return any(
        verb.lemma_.lower() in SHOWING_VERBS
        and any(c.dep_ == "nsubj" and c.lemma_.lower() in VISUAL_NOUNS for c in verb.children)
        for verb in unit
    )


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
    if sentence is None:
        return None
    return tail_source(doc, sentence, mentions) or closing_source(doc, sentence, mentions)


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
        if _counted(phrase):
            return None  # "IS video shows murder of 2 Syrian activists": what is counted
        if not marked and start - 1 > span.start and not doc[start - 1].is_punct:
            whole_name = any(
                m.span.start == phrase.start_char and m.span.end == phrase.end_char
                for m in mentions
            )
            if (
                (start > end - 4 or whole_name)
                and (whole_name or head_of(phrase).i == end - 1)  # not "groups Raqqa …"
                and _is_source_phrase(phrase, mentions, strict=True)
                and not _extends_left(doc, start, span.start)
                and not _object_of_preposition(phrase)
            ):
                earlier = _before_dateline(doc, span, phrase, mentions)
                return _tail(doc, earlier or phrase, mentions)
            continue
        if marked and _is_source_phrase(phrase, mentions, strict=False):
            return _tail(doc, phrase, mentions)
        if marked:
            return None
    return None


def _object_of_preposition(phrase: SpacySpan) -> bool:
    """ "… has gone viral on social media.", "… the territory controlled by the armed
    opposition groups.": a common noun closing the sentence, with no verb after it, that
    the sentence's own preposition governs right before its words is where or by whom
    something happened, not a source whose verb was lost."""
    doc = phrase.doc
    head = head_of(phrase)
    if head.dep_ not in {"pobj", "pcomp"} or head.pos_ not in {"NOUN", "PROPN"} or head.ent_type_:
        return False
    if head.head.lower_ == "to" and head.head.head.lower_ == "according":
        return False  # "… according to the report."
    if description_head(phrase) in {"monitor", "observatory", "watchdog"}:
        return False  # "… origin of explosion unknown monitoring group": a lost mark
    before = doc[phrase.start - 1] if phrase.start > 0 else None
    glued = before is not None and (before.pos_ == "PROPN" or before.like_num)
    placed = any(t.ent_type_ in {"GPE", "LOC", "FAC"} for t in phrase)  # "Aleppo Hospital"
    if glued and phrase[0].is_title and len(phrase) > 1 and not placed:
        return False  # "… at Damascus Opera House State media", "… wounds 50 State media"
    after = [t for t in doc[phrase.end : head.sent.end] if not (t.is_punct or t.is_space)]
    return not after and head.head.i == min(head.left_edge.i, phrase.start) - 1


def _before_dateline(
    doc: Doc, span: SpacySpan, phrase: SpacySpan, mentions: Sequence[Mention]
) -> SpacySpan | None:
    """ "… kills 11 children in Aleppo Monitor AFP": a bare outlet after the headline's
    own tail is the wire's dateline; the source is the tail before it."""
    if not any(
        m.span.start >= phrase.start_char and EntityKind.OUTLET in m.entity.kinds
        for m in mentions
        if m.span.end <= phrase.end_char
    ):
        return None
    end = phrase.start
    for start in range(end - 1, max(span.start, end - 4), -1):
        before = doc[start:end]
        if head_of(before).i == end - 1 and _is_source_phrase(before, mentions, strict=True):
            return before
    return None


def _counted(phrase: SpacySpan) -> bool:
    """A phrase a number counts ("2 Syrian activists", "dozens of residents") is what the
    headline counts, not who says so."""
    doc = phrase.doc
    head = head_of(phrase)
    before = doc[phrase.start - 1] if phrase.start > 0 else None
    return any(c.dep_ == "nummod" or c.like_num for c in head.children) or (
        before is not None and (before.like_num or before.ent_type_ == "CARDINAL")
    )


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
        return EntityKind.OUTLET in entity.kinds or compatible(entity, "monitor")
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
    ) or carried_on(doc, outer, inner)  # "X said five died …, the SANA news agency reported."
