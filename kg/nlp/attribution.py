"""The ``newskg_attribution`` component: who says so, and over which words.

It finds attribution *frames* — a cue ("according to X", "X said", "reports
suggest", "reportedly", "X said the following:") with its speaker, the relays the
cue names ("According to AP, citing Y": speaker Y, relay AP; "sources speaking to
Al-Masdar News": relay Al-Masdar News) and the scope of text the cue governs:

* "according to X" and "reportedly" scope over their sentence;
* "X said/claimed/…" scopes over the sentence when the speech verb heads it, else over
  the verb's own clause; a quotation the cue opens or closes extends the scope to the
  whole quotation, even across sentences;
* "claimed this", "confirmed this information" also scope over the previous sentence;
* a cue whose paragraph ends with ":" ("X said the following:") and any attributed
  paragraph scope over the following paragraphs that open with a quote mark, until
  a paragraph does not (or carries its own cue outside its quotation).

Pronoun and definite speakers ("he added", "the statement reads", "the observatory
said") are resolved to the nearest earlier speaker that fits.

Output, all token-aligned ``Span`` objects:

* ``doc.spans["attributions"]``: for frame *i*, spans with ``span.id_ == str(i)`` and a
  label naming their role — ``scope``, ``cue`` (or ``unnamed_cue`` when no one is
  named), ``speaker`` (absent when unnamed), then ``relay`` spans, nearest first;
* ``doc.spans["quotes"]``: every quotation (quote marks included).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.nlp import text_of
from kg.nlp.closing_sources import lost_subject, whom_it_cites
from kg.nlp.credits import clear_of_credits, credits
from kg.nlp.lexicon import (
    ANAPHORIC_SPEAKERS,
    PRONOUNS,
    QUOTE_CLOSE,
    QUOTE_OPEN,
    RELAY_VERBS,
    SPEECH_VERBS,
    WEAK_SPEECH_VERBS,
)
from kg.nlp.relay_hops import reported_as_saying, statement_to_before
from kg.nlp.relays import (
    VISUAL_NOUNS,
    carried_by,
    citing,
    citing_after_verb,
    claims_a_deed,
    name_first,
    quoted_by,
    split_speaking_to,
    spoken_to,
    subject_after,
    told_to,
    with_body,
)
from kg.nlp.report_authors import report_author
from kg.nlp.role_anaphors import role_holder
from kg.nlp.sentences import cut_at_prefix, cut_before_lower, glued_count
from kg.nlp.sources import unnamed_kind
from kg.nlp.speakers import (
    appositive,
    author_of_report,
    communicates,
    known_as,
    lexical_phrase,
    not_a_source,
    noun_before,
    noun_phrase,
    said_in,
    sourcey,
)

ATTRIBUTIONS = "attributions"
QUOTES = "quotes"
UNITS = "sentence_units"
UNNAMED_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly"})
ANAPHORIC_OBJECTS = frozenset({"this", "that", "it", "information", "news", "claim", "report"})
TOLL_VERBS = frozenset({"put", "give", "raise", "bring", "set", "place", "revise", "update"})
TOLL_OBJECTS = frozenset({"toll", "figure", "tally", "number", "count"})
# Objects of "claim" that make it a deed: "claimed responsibility for", "claims the attack".
CLAIMED_NOT_SAID = frozenset(
    {"responsibility", "attack", "attacks", "bombing", "bombings", "blast", "explosion",
     "killing", "killings", "assassination", "life", "lives"}
)  # fmt: skip


@dataclass
class Frame:
    """One attribution: token ranges [start, end) into the doc."""

    cue: tuple[int, int]
    scope: tuple[int, int]
    speaker: tuple[int, int] | None = None
    relays: list[tuple[int, int]] = field(default_factory=list)
    unnamed: bool = False  # the speaker, if any, names no one ("a military source")


@Language.component("newskg_attribution")
def attribution_component(doc: Doc) -> Doc:
    """Write attribution frames and quotations to ``doc.spans``."""
    doc.spans[UNITS] = split_sentence_units(doc)
    quotes = list(quotations(doc))
    frames = find_frames(doc, quotes)
    parts: list[Span] = []
    for index, frame in enumerate(frames):
        ident = str(index)
        parts.append(Span(doc, *frame.scope, label="scope", span_id=ident))
        cue_label = "unnamed_cue" if frame.unnamed or not frame.speaker else "cue"
        parts.append(Span(doc, *frame.cue, label=cue_label, span_id=ident))
        if frame.speaker:
            parts.append(Span(doc, *frame.speaker, label="speaker", span_id=ident))
        parts.extend(Span(doc, *relay, label="relay", span_id=ident) for relay in frame.relays)
    doc.spans[ATTRIBUTIONS] = parts
    doc.spans[QUOTES] = [Span(doc, start, end, label="quote") for start, end in quotes]
    return doc


def frames_of(doc: Doc) -> list[Frame]:
    """The frames the component wrote (computed now when it did not run)."""
    if ATTRIBUTIONS not in doc.spans:
        return find_frames(doc, list(quotations(doc)))
    by_id: dict[str, Frame] = {}
    for span in doc.spans[ATTRIBUTIONS]:
        frame = by_id.setdefault(span.id_, Frame(cue=(0, 0), scope=(0, 0)))
        bounds = (span.start, span.end)
        if span.label_ == "scope":
            frame.scope = bounds
        elif span.label_ in {"cue", "unnamed_cue"}:
            frame.cue = bounds
            frame.unnamed = span.label_ == "unnamed_cue"
        elif span.label_ == "speaker":
            frame.speaker = bounds
        elif span.label_ == "relay":
            frame.relays.append(bounds)
    return list(by_id.values())


# --- paragraphs and quotations ------------------------------------------------------------


def paragraphs(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of paragraphs (blank-line separated; single newlines if none)."""
    text = text_of(doc)
    breaks = [m.end() for m in re.finditer(r"\n[ \t]*\n\s*", text)]
    if not breaks:
        breaks = [m.end() for m in re.finditer(r"\n\s*", text)]
    bounds = [0, *breaks, len(text)]
    result: list[tuple[int, int]] = []
    for start_char, end_char in pairwise(bounds):
        span = doc.char_span(start_char, end_char, alignment_mode="expand")
        if span is not None and len(span) and any(not t.is_space for t in span):
            tokens = [t for t in span if not t.is_space]
            result.append((tokens[0].i, tokens[-1].i + 1))
    return result


def quotations(doc: Doc) -> Iterator[tuple[int, int]]:
    """Token ranges of quotations: curly pairs, or straight quotes paired within a paragraph."""
    for start, end in paragraphs(doc):
        open_at: int | None = None
        for token in doc[start:end]:
            text = token.text
            if open_at is None:
                if text in QUOTE_OPEN and text not in {"'", "’"} and _opens(token):
                    open_at = token.i
            elif text in QUOTE_CLOSE and text not in {"'", "‘"} and token.i > open_at:
                yield (open_at, token.i + 1)
                open_at = None
        if open_at is not None and open_at == start:
            # a quotation running to the paragraph's end (continued in the next one)
            yield (open_at, end)


def _opens(token: Token) -> bool:
    """A straight quote opens when it is not glued to the previous word."""
    if token.text != '"':
        return token.text in {"“", "«", "„"}
    if token.i == 0:
        return True
    before = token.doc[token.i - 1]
    return bool(before.whitespace_) or before.is_space or before.text in {"(", "[", ":"}


def sentence_units(doc: Doc) -> list[Span]:
    """The sentence units the component stored (computed now when it did not run)."""
    if UNITS in doc.spans:
        return list(doc.spans[UNITS])
    return split_sentence_units(doc)


def split_sentence_units(doc: Doc) -> list[Span]:
    """Sentences, split again at paragraph breaks (the parser runs over them), without
    leading or trailing whitespace tokens."""
    sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    cuts = sorted({start for start, _ in paragraphs(doc)})
    units: list[Span] = []
    for sentence in sentences:
        bounds = [sentence.start]
        bounds += [c for c in cuts if sentence.start < c < sentence.end]
        bounds.append(sentence.end)
        for start, end in pairwise(bounds):
            while start < end and doc[start].is_space:
                start += 1
            while end > start and doc[end - 1].is_space:
                end -= 1
            if start >= end:
                continue
            if (
                units
                and units[-1].end == start - 0
                and not any(t.is_alpha or t.like_num for t in doc[start:end])
            ):
                units[-1] = doc[units[-1].start : end]  # a stray closing quote
            elif (
                units
                and not any(t.is_alpha or t.like_num for t in doc[start:end])
                and (_same_paragraph(doc, units[-1].end, start))
            ):
                units[-1] = doc[units[-1].start : end]
            elif units and (
                glued_count(units[-1], doc[start:end])
                or cut_at_prefix(units[-1], doc[start:end])
                or cut_before_lower(units[-1], doc[start:end])
            ):
                units[-1] = doc[units[-1].start : end]  # "9" | "injured …", "in al-" | "Mogambo"
            else:
                units.append(doc[start:end])
    return units


def _same_paragraph(doc: Doc, end: int, start: int) -> bool:
    return "\n\n" not in doc[end:start].text_with_ws if start > end else True


# --- frames ----------------------------------------------------------------------------------


def find_frames(doc: Doc, quotes: list[tuple[int, int]]) -> list[Frame]:
    """Every attribution frame of the doc, in text order, with resolved scopes."""
    frames: list[Frame] = []
    sentences, marks = sentence_units(doc), credits(doc)
    for index, sentence in enumerate(sentences):
        previous = sentences[index - 1] if index else None
        for frame in _sentence_frames(sentence, previous):
            frame.scope = _extend_by_quotes(frame, quotes)
            frame.cue, frame.speaker = clear_of_credits(frame.cue, frame.speaker, marks)
            if frame.speaker is not None:
                resolved = _resolve_anaphor(doc, frame.speaker, frames)
                if resolved is None:
                    continue
                if resolved != frame.speaker:  # "The source added": the chain it came by
                    for earlier in [f for f in frames if f.speaker == resolved][-1:]:
                        frame.unnamed = earlier.unnamed
                        frame.relays = frame.relays or list(earlier.relays)
                frame.speaker = resolved
            frames.append(frame)
    _extend_over_quoted_paragraphs(doc, frames, quotes)
    return frames


def _sentence_frames(sentence: Span, previous: Span | None) -> Iterator[Frame]:
    seen_cues: set[int] = set()
    for token in sentence:
        if (
            token.lower_ == "according"
            and token.i + 1 < sentence.end
            and (token.nbor(1).lower_ == "to")
        ):
            frame = _according_to(sentence, token)
            if frame:
                seen_cues.add(token.i)
                yield frame
        elif token.lower_ in UNNAMED_ADVERBS:
            yield Frame(
                cue=(token.i, token.i + 1), scope=(sentence.start, sentence.end), unnamed=True
            )
        elif token.pos_ in {"VERB", "AUX"} and (
            token.lemma_.lower() in SPEECH_VERBS or _gives_toll(token)
        ):
            frame = _speech_verb(sentence, token, previous)
            if frame:
                yield frame


def _gives_toll(verb: Token) -> bool:
    """ "The monitor put the death toll at 58", "raised the toll to 40": a report."""
    return verb.lemma_.lower() in TOLL_VERBS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in TOLL_OBJECTS for c in verb.children
    )


def _according_to(sentence: Span, according: Token) -> Frame | None:
    to = according.nbor(1)
    objects = [child for child in to.children if child.dep_ == "pobj"]
    if objects:
        author = report_author(objects[0])  # "according to an Observatory toll"
        speaker = name_first(sentence, noun_phrase(author, stop_after=sentence.end))
    else:
        speaker = lexical_phrase(sentence, to.i + 1)
    if speaker is None:
        return None
    end = speaker[1]
    relays: list[tuple[int, int]] = []
    cue_end = end
    cited = citing(sentence, end)
    if cited is not None:
        relays = [speaker]
        speaker = cited
        cue_end = cited[1]
    doc = sentence.doc
    scope = (sentence.start, sentence.end)
    unnamed = _is_unnamed(doc[speaker[0] : speaker[1]])
    return Frame(
        cue=(according.i, cue_end), scope=scope, speaker=speaker, relays=relays, unnamed=unnamed
    )


def _speech_verb(sentence: Span, verb: Token, previous: Span | None) -> Frame | None:
    lemma = verb.lemma_.lower()
    subjects = [
        c
        for c in verb.children
        if c.dep_ in {"nsubj", "nsubjpass"} and sentence.start <= c.i < sentence.end
    ]
    agents = [
        grandchild
        for child in verb.children
        if child.dep_ == "agent"
        for grandchild in child.children
        if grandchild.dep_ == "pobj"
    ] or quoted_by(verb)
    if not subjects and not agents:
        subjects = subject_after(sentence, verb)
    if not subjects and verb.dep_ == "conj" and verb.head.lemma_.lower() in SPEECH_VERBS:
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    # "… and 12 others injured" said Rami Abdel Rahman director …: the parse gives the
    # verb two subjects; the one that can speak comes first
    subjects.sort(key=lambda c: (not_a_source(c), not sourcey(c)))
    missed = not subjects and not agents
    if missed:
        subject_before = lost_subject(sentence, verb)
        if subject_before is None:
            return None
        subjects = [subject_before]
    # a subject the parse missed: it missed the clause too ("… Aleppo Syrian state
    # television reported on Wednesday without giving details")
    scope = (sentence.start, sentence.end) if missed else _verb_scope(sentence, verb)
    doc = sentence.doc
    passive_relay: Token | None = None
    if agents and lemma in RELAY_VERBS and subjects and subjects[0].dep_ == "nsubjpass":
        # "the Russian military was quoted as saying by local media": the subject speaks
        subject, passive_relay = subjects[0], agents[0]
    elif agents:
        subject = agents[0]
    else:
        subject = subjects[0]
        passive = subject.dep_ == "nsubjpass"
        if passive and subject.lower_ == "it":  # "it is reported that …"
            return Frame(cue=(subject.i, verb.i + 1), scope=scope, unnamed=True)
        if passive and lemma not in {"quote", "cite"}:
            return None
    if (
        subject.i > verb.i + 1
        and verb.i > sentence.start
        and doc[verb.i - 1].lower_
        in {
            "as",
            "when",
            "if",
        }
    ):
        return None
    if lemma in WEAK_SPEECH_VERBS and not communicates(subject):
        return None
    if subject.lemma_.lower() in VISUAL_NOUNS or any(
        c.dep_ == "dobj" and c.lemma_.lower() in VISUAL_NOUNS for c in verb.children
    ):
        return None  # "a video shows …", "IS posted a video showing …": no one reports
    if claims_a_deed(verb):
        return None  # "Al-Nusra Front said it was behind a twin bombing that killed 12"
    if lemma == "deny":
        return None  # "Russia denied its jets killed 20": the 20 is not Russia's report
    if lemma == "claim" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in CLAIMED_NOT_SAID for c in verb.children
    ):
        return None  # "IS claimed the attack", "claimed responsibility": a deed, not a report
    if subject.lower_ in {"i", "we", "you"} or subject.pos_ == "NUM":
        return None
    if not_a_source(subject):  # "… killed six civilians the observatory said"
        subject = noun_before(sentence, verb)
        if subject is None or not_a_source(subject):
            return None
    stop = verb.i if subject.i < verb.i else sentence.end
    said_by = noun_phrase(subject, stop_after=stop)
    subject = known_as(author_of_report(subject))
    speaker = noun_phrase(subject, stop_after=stop)
    relays: list[tuple[int, int]] = []
    speaker, relay = split_speaking_to(doc, subject, speaker)
    if relay:
        relays.append(relay)
    for child in verb.children:
        if lemma == "tell" and told_to(child):  # "told AFP", "told SANA's correspondent"
            relays.insert(0, noun_phrase(child, stop_after=sentence.end))
        if child.dep_ == "advcl" and child.lemma_.lower() in {"speak", "talk"}:
            relay = spoken_to(child)  # "Speaking to AFP on Wednesday, the governor said"
            if relay is not None:
                relays.insert(0, relay)
        if child.dep_ == "prep" and child.lower_ in {"through", "via"}:
            via = [c for c in child.children if c.dep_ == "pobj"]
            if via:
                speaker = noun_phrase(appositive(via[0]), stop_after=sentence.end)
    if passive_relay is not None:
        relays.insert(0, noun_phrase(passive_relay, stop_after=sentence.end))
    if lemma in RELAY_VERBS or reported_as_saying(verb):  # "X quoted Y as saying": Y speaks
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if objects and subject.dep_ == "nsubj":
            relays.insert(0, speaker)
            speaker = with_body(verb, noun_phrase(objects[0], stop_after=sentence.end))
    carrier = carried_by(verb) or statement_to_before(doc, speaker[0])
    if carrier is not None:
        relays.append(carrier)
    cited = citing(sentence, speaker[1]) or citing_after_verb(sentence, verb)
    if cited is not None:
        relays.insert(0, speaker)
        speaker = cited
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if previous is not None and objects and objects[0].lemma_.lower() in ANAPHORIC_OBJECTS:
        scope = (previous.start, scope[1])
    cue_start = min(speaker[0], said_by[0], verb.i)
    cue_end = max(speaker[1], said_by[1], verb.i + 1)
    if cue_end - cue_start > 14:
        cue_start, cue_end = (verb.i, verb.i + 1) if verb.i > speaker[0] else (verb.i, speaker[1])
    if any(t.like_num and not speaker[0] <= t.i < speaker[1] for t in doc[cue_start:cue_end]):
        # "Anadolu Agency reported 15 deaths citing …": the count is no part of the cue
        cue_start, cue_end = min(said_by[0], verb.i), max(said_by[1], verb.i + 1)
    unnamed = _is_unnamed(doc[speaker[0] : speaker[1]])
    return Frame(
        cue=(cue_start, cue_end), scope=scope, speaker=speaker, relays=relays, unnamed=unnamed
    )


def _verb_scope(sentence: Span, verb: Token) -> tuple[int, int]:
    """The sentence when the speech verb heads it or closes it ("… in the clashes it
    added.", where a text without commas misleads the parse), else the verb's own clause."""
    token = verb
    while token.dep_ in {"conj", "parataxis", "ccomp"} and token.head != token:
        if _reported_by(token):
            break  # "Al-Manar reported that Hezbollah said …": a report inside a report
        token = token.head
    if (token.dep_ == "ROOT" and not _reported_by(token)) or _closes(sentence, verb):
        return (sentence.start, sentence.end)
    subtree = list(verb.subtree)
    return (subtree[0].i, subtree[-1].i + 1)


def _reported_by(verb: Token) -> bool:
    """ "Al-Manar reported that Hezbollah said 11 gunmen were killed": a speech verb in
    the complement that follows another speech verb is a report that one relays."""
    head = verb.head
    return (
        verb.dep_ == "ccomp"
        and head.i < verb.i
        and head.pos_ in {"VERB", "AUX"}
        and head.lemma_.lower() in SPEECH_VERBS
        and verb.lemma_.lower() in SPEECH_VERBS
    )


def _closes(sentence: Span, verb: Token) -> bool:
    """ "… the group said." / "… it added on Sunday.": a speech verb whose subject comes
    right before it and after which only punctuation, a date or "on Sunday" follows."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < verb.i]
    between = sentence.doc[subjects[0].right_edge.i + 1 : verb.i] if subjects else []
    if (
        not subjects
        or any(t.dep_ not in {"aux", "auxpass"} for t in between)  # "… was quoted"
        or subjects[0].i == sentence.start
    ):
        return False
    rest = [t for t in sentence.doc[verb.i + 1 : sentence.end] if not (t.is_punct or t.is_space)]
    medium = said_in(verb)
    if all(t.ent_type_ in {"DATE", "TIME"} or t.lower_ in {"on", "in", "late", "early"}
           or t.i in medium for t in rest):  # fmt: skip
        return True
    return verb.dep_ in {"relcl", "acl", "advcl", "conj"} and _passes_on(verb, rest)


def _passes_on(verb: Token, rest: list[Token]) -> bool:
    """ "… 3000 new militants AP quoted SOHR as saying.", "… and 40 others NNA
    correspondent added quoting the Syrian National Television.": a speech verb the
    parse hung on a noun, followed only by whom it cites, closes the sentence it reports."""
    own = {t.i for t in verb.subtree}
    after = [c for c in verb.children if c.i > verb.i and not c.is_punct]
    return (
        bool(rest)
        and all(t.i in own for t in rest)
        and all(
            (c.dep_ in {"dobj", "dative"} and whom_it_cites(verb, c))  # not "… a deal"
            or (c.dep_ == "prep" and c.lower_ in {"as", "by"})  # "… as saying", "by Y"
            or (c.dep_ in {"xcomp", "advcl"} and c.lemma_.lower() in RELAY_VERBS)
            for c in after
        )
    )


def _is_unnamed(speaker: Span) -> bool:
    """ "reports", "media reports", "a military source", "local activists": nobody named."""
    return unnamed_kind(speaker) is not None


def _resolve_anaphor(
    doc: Doc, speaker: tuple[int, int], earlier: Iterable[Frame]
) -> tuple[int, int] | None:
    """Pronouns and definite descriptions → the nearest earlier speaker that fits."""
    span = doc[speaker[0] : speaker[1]]
    if holder := role_holder(doc, span, [f.speaker for f in earlier if f.speaker]):
        return holder  # "The general reiterated" ← "Col. Gen. Sergei Rudskoi said"
    words = [t for t in span if t.lower_ not in {"the", "a", "an", "this", "that"}]
    if not words or any(t.pos_ == "PROPN" for t in words):
        return speaker
    head = words[-1].lower_
    is_pronoun = len(words) == 1 and head in PRONOUNS
    definite = span[0].lower_ in {"the", "this", "that"} and len(words) == 1
    if not is_pronoun and not (definite and head in ANAPHORIC_SPEAKERS):
        return speaker
    frames = [f for f in earlier if f.speaker is not None]
    if is_pronoun:
        for frame in reversed(frames):
            text = doc[frame.speaker[0] : frame.speaker[1]]  # type: ignore[index]
            if head in {"he", "she"} and not any(t.ent_type_ == "PERSON" for t in text):
                continue
            return frame.speaker
        return None
    if not frames:
        return speaker
    recent = frames[-3:]
    for frame in reversed(recent if head in {"statement", "report"} else frames):
        if head in {"statement", "report"}:
            if head in doc[frame.cue[0] : frame.cue[1]].text.lower():
                return frame.speaker
            continue
        named = doc[frame.speaker[0] : frame.speaker[1]]  # type: ignore[index]
        heads = [t for t in named if t.head.i < named.start or t.head.i >= named.end]
        if heads and head in {heads[0].lower_, heads[0].lemma_.lower()}:
            return frame.speaker  # "the ministry" ← "the Russian Defence Ministry"
    if head in {"statement", "report", "it", "source", "sources"}:
        return frames[-1].speaker
    return speaker  # "the monitor": kg.extract.attribution resolves descriptions


def _extend_by_quotes(frame: Frame, quotes: list[tuple[int, int]]) -> tuple[int, int]:
    """A quotation the cue introduces or closes belongs to the cue's scope."""
    start, end = frame.scope
    cue_start, cue_end = frame.cue
    for q_start, q_end in quotes:
        if q_start < start < q_end and q_end <= cue_start + 2:
            start = q_start
        if q_start < end < q_end and q_start >= cue_end - 1:
            end = q_end
    return (start, end)


def _extend_over_quoted_paragraphs(
    doc: Doc, frames: list[Frame], quotes: list[tuple[int, int]]
) -> None:
    """Paragraphs opening with a quote mark after an attributed paragraph continue it."""
    paras = paragraphs(doc)
    for index, (p_start, p_end) in enumerate(paras):
        owners = [
            f
            for f in frames
            if f.speaker
            and p_start <= f.cue[0] < p_end
            and not any(qs < f.cue[0] < qe for qs, qe in quotes)  # a cue inside a quotation
        ]
        if not owners:
            continue
        frame = owners[-1]
        last_text = doc[p_end - 1].text
        if frame.scope[1] < p_end and last_text != ":":
            continue
        for q_start, q_end in paras[index + 1 :]:
            if doc[q_start].text not in QUOTE_OPEN:
                break
            own = [f for f in frames if f.speaker and q_start <= f.cue[0] < q_end]
            closing = next((qe for qs, qe in quotes if qs == q_start), q_end)
            if any(f.cue[0] >= closing for f in own):
                break
            frame.scope = (frame.scope[0], q_end)
