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
from kg.nlp.lexicon import (
    ANAPHORIC_SPEAKERS,
    PRONOUNS,
    QUOTE_CLOSE,
    QUOTE_OPEN,
    RELAY_VERBS,
    SPEECH_VERBS,
    WEAK_SPEECH_VERBS,
)
from kg.nlp.sources import unnamed_kind
from kg.nlp.speakers import (
    appositive,
    author_of_report,
    communicates,
    lexical_phrase,
    named,
    not_a_source,
    noun_before,
    noun_phrase,
    sourcey,
)

ATTRIBUTIONS = "attributions"
QUOTES = "quotes"
UNITS = "sentence_units"
UNNAMED_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly"})
# "in a statement carried by SANA": the words a speaker gives, and the verbs that pass them on.
CARRIED_NOUNS = frozenset({"statement", "interview", "remarks", "comments", "report", "message"})
CARRYING_VERBS = frozenset({"carry", "publish", "broadcast", "air", "run", "post", "quote"})
# What a speaker shows rather than says ("a video shows", "posted footage showing").
VISUAL_NOUNS = frozenset(
    {"video", "footage", "photo", "photograph", "image", "picture", "film", "clip", "recording"}
)
# "said it was behind / responsible for …": a deed claimed.
DEED_WORDS = frozenset({"behind", "responsible"})
# What "citing" may name that is no source of its own ("citing figures compiled …").
CITED_WORKS = frozenset(
    {
        "figure",
        "figures",
        "data",
        "statistics",
        "number",
        "numbers",
        "estimate",
        "estimates",
        "document",
        "documents",
        "record",
    }
)
ANAPHORIC_OBJECTS = frozenset({"this", "that", "it", "information", "news", "claim", "report"})
TOLL_VERBS = frozenset({"put", "give", "raise", "bring", "set", "place", "revise", "update"})
TOLL_OBJECTS = frozenset({"toll", "figure", "tally", "number", "count"})
NAMING_DEPS = frozenset({"poss", "compound", "nmod", "amod"})
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
            else:
                units.append(doc[start:end])
    return units


def _same_paragraph(doc: Doc, end: int, start: int) -> bool:
    return "\n\n" not in doc[end:start].text_with_ws if start > end else True


# --- frames ----------------------------------------------------------------------------------


def find_frames(doc: Doc, quotes: list[tuple[int, int]]) -> list[Frame]:
    """Every attribution frame of the doc, in text order, with resolved scopes."""
    frames: list[Frame] = []
    sentences = sentence_units(doc)
    for index, sentence in enumerate(sentences):
        previous = sentences[index - 1] if index else None
        for frame in _sentence_frames(sentence, previous):
            frame.scope = _extend_by_quotes(frame, quotes)
            if frame.speaker is not None:
                resolved = _resolve_anaphor(doc, frame.speaker, frames)
                if resolved is None:
                    continue
                if resolved != frame.speaker:  # "The source added": the chain it came by
                    earlier = next(f for f in reversed(frames) if f.speaker == resolved)
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
        speaker = _name_first(sentence, noun_phrase(objects[0], stop_after=sentence.end))
    else:
        speaker = lexical_phrase(sentence, to.i + 1)
    if speaker is None:
        return None
    end = speaker[1]
    relays: list[tuple[int, int]] = []
    cue_end = end
    cited = _citing(sentence, end)
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


def _name_first(sentence: Span, phrase: tuple[int, int]) -> tuple[int, int]:
    """ "According to SANA news agency terrorists fired …": where the comma was lost the
    parse glues the report's subject to the source; the source is the name at the start
    (with its "news agency"), when the phrase's head is no source."""
    doc = sentence.doc
    start, end = phrase
    first = doc[start]
    if first.lower_ == "the" and start + 1 < end:
        first = doc[start + 1]
    if first.ent_type_ not in {"ORG", "PERSON"} or first.ent_iob_ != "B":
        return phrase
    stop = first.i + 1
    while stop < end and doc[stop].ent_iob_ == "I":
        stop += 1
    while stop < end and doc[stop].lower_ in {"news", "agency", "tv", "television", "channel"}:
        stop += 1
    head = doc[end - 1]
    if stop < end and not sourcey(head) and head.pos_ in {"NOUN", "PROPN"}:
        return (start, stop)
    return phrase


def _citing(sentence: Span, after: int) -> tuple[int, int] | None:
    """ "X, citing Y": the Y right after a speaker."""
    doc = sentence.doc
    for i in range(after, min(after + 3, sentence.end)):
        token = doc[i]
        if token.lemma_.lower() in RELAY_VERBS and token.tag_ == "VBG":
            return _cited(sentence, token)
    return None


def _cited(sentence: Span, citing: Token) -> tuple[int, int] | None:
    """Whom "citing"/"quoting" names: "citing a source in the YPG" (the parse may hang
    "in the YPG" on the verb), "citing a statement from the Revolution Commission" (the
    statement's author); "citing figures compiled from clinics" names no one (None)."""
    objects = [c for c in citing.children if c.dep_ in {"dobj", "pobj"}]
    if not objects:
        return lexical_phrase(sentence, citing.i + 1)
    cited = objects[0]
    author = author_of_report(cited)
    if author is not cited:
        return noun_phrase(author, stop_after=sentence.end)
    if cited.lemma_.lower() in CITED_WORKS:
        return None
    return _with_body(citing, noun_phrase(cited, stop_after=sentence.end))


def _with_body(verb: Token, phrase: tuple[int, int]) -> tuple[int, int]:
    """ "citing a source in the YPG", "quoted a source at Aleppo Police Command as
    saying": the parse may hang the body on the verb; it belongs to the source."""
    start, end = phrase
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.i == end and prep.lower_ in {"in", "at", "from", "with"}:
            body = [c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
            if body and body[0].ent_type_ not in {"GPE", "LOC"}:
                end = noun_phrase(body[0], stop_after=len(verb.doc))[1]
    return (start, end)


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
    ] or _quoted_by(verb)
    if not subjects and not agents:
        subjects = _subject_after(sentence, verb)
    if not subjects and verb.dep_ == "conj" and verb.head.lemma_.lower() in SPEECH_VERBS:
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    # "… and 12 others injured" said Rami Abdel Rahman director …: the parse gives the
    # verb two subjects; the one that can speak comes first
    subjects.sort(key=not_a_source)
    missed = not subjects and not agents
    if missed:
        subject_before = noun_before(sentence, verb)
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
    if _claims_a_deed(verb):
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
    subject = author_of_report(subject)
    speaker = noun_phrase(subject, stop_after=stop)
    relays: list[tuple[int, int]] = []
    speaker, relay = _split_speaking_to(doc, subject, speaker)
    if relay:
        relays.append(relay)
    for child in verb.children:
        if (
            lemma == "tell"
            and child.dep_ in {"dobj", "dative"}
            and (
                named(child)
                or any(named(c) for c in child.children if c.dep_ in NAMING_DEPS)
                or _reporter(child)
            )
        ):  # "told AFP", "told SANA's correspondent", "told the correspondent"
            relays.insert(0, noun_phrase(child, stop_after=sentence.end))
        if child.dep_ == "advcl" and child.lemma_.lower() in {"speak", "talk"}:
            relay = _spoken_to(child)  # "Speaking to AFP on Wednesday, the governor said"
            if relay is not None:
                relays.insert(0, relay)
        if child.dep_ == "prep" and child.lower_ in {"through", "via"}:
            via = [c for c in child.children if c.dep_ == "pobj"]
            if via:
                speaker = noun_phrase(appositive(via[0]), stop_after=sentence.end)
    if passive_relay is not None:
        relays.insert(0, noun_phrase(passive_relay, stop_after=sentence.end))
    if lemma in RELAY_VERBS:  # "X quoted Y as saying": Y speaks, X relays
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if objects and subject.dep_ == "nsubj":
            relays.insert(0, speaker)
            speaker = _with_body(verb, noun_phrase(objects[0], stop_after=sentence.end))
    carrier = _carried_by(verb)
    if carrier is not None:
        relays.append(carrier)
    cited = _citing(sentence, speaker[1]) or _citing_after_verb(sentence, verb)
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


def _reporter(token: Token) -> bool:
    """ "the correspondent", "the reporter": an outlet's reporter named before."""
    return token.lower_ in {"correspondent", "reporter"} and any(
        c.dep_ in {"det", "poss"} for c in token.children
    )


def _carried_by(verb: Token) -> tuple[int, int] | None:
    """ "The army said in a statement carried by SANA …", "In a statement published by
    NTV, the army said …", "In a statement to SANA, a source … said": the outlet carrying
    the speaker's words relays them."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"in", "through", "via"}:
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj" or noun.lemma_.lower() not in CARRIED_NOUNS:
                continue
            outlet = _name_after_to(noun)
            if outlet is not None:  # read without the parse: it may take "to SANA" for a verb
                return outlet
            for acl in noun.children:
                if acl.dep_ != "acl" or acl.lemma_.lower() not in CARRYING_VERBS:
                    continue
                for agent in acl.children:
                    by = [c for c in agent.children if c.dep_ == "pobj"]
                    if agent.dep_ in {"agent", "prep"} and agent.lower_ == "by" and by:
                        return noun_phrase(by[0], stop_after=len(verb.doc))
    return None


def _quoted_by(verb: Token) -> list[Token]:
    """ "X was quoted as saying by Interfax": the "by" the parse hangs on "saying"."""
    if verb.lemma_.lower() not in RELAY_VERBS or verb.tag_ != "VBN":
        return []
    return [
        obj
        for as_ in verb.children
        if as_.dep_ == "prep" and as_.lower_ == "as"
        for saying in as_.children
        for by in saying.children
        if by.dep_ in {"prep", "agent"} and by.lower_ == "by"
        for obj in by.children
        if obj.dep_ == "pobj"
    ]


def _claims_a_deed(verb: Token) -> bool:
    """ "X said it was behind the bombing", "… that it was responsible for the attack": a
    claim of responsibility, not a report of the counts in the deed."""
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.lemma_.lower() != "be":
            continue
        if any(c.lower_ in DEED_WORDS and c.dep_ in {"prep", "acomp", "attr"}
               for c in clause.children):  # fmt: skip
            return True
    return False


def _name_after_to(noun: Token) -> tuple[int, int] | None:
    """ "a statement to SANA", "a statement to Reuters": the name right after "to"."""
    doc = noun.doc
    at = noun.i + 2
    if at >= len(doc) or doc[noun.i + 1].lower_ != "to" or doc[at].ent_iob_ != "B":
        return None
    if doc[at].ent_type_ not in {"ORG", "PERSON"}:
        return None
    end = at + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return (at, end)


def _subject_after(sentence: Span, verb: Token) -> list[Token]:
    """ "… many others were injured said the source noting …": a speaker right after a
    speech verb that has no subject of its own (the parse hung it elsewhere)."""
    at = verb.i + 1
    doc = sentence.doc
    if at < sentence.end and doc[at].dep_ == "det":
        at += 1
    while at + 1 < sentence.end and doc[at].dep_ in {"amod", "compound"}:
        at += 1
    if at >= sentence.end or verb.tag_ not in {"VBD", "VBZ", "VBP"}:
        return []
    token = doc[at]
    if token.pos_ in {"NOUN", "PROPN"} and token.head != verb and sourcey(token):
        return [token]
    return []


def _spoken_to(verb: Token) -> tuple[int, int] | None:
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in {"to", "with"}:
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if objects:
                return noun_phrase(objects[0], stop_after=len(verb.doc))
    return None


def _citing_after_verb(sentence: Span, verb: Token) -> tuple[int, int] | None:
    """ "SANA reported on Sunday, citing a military source, …": a citing clause after the
    speech verb (the parse may hang it on the reported verb)."""
    for child in sentence.doc[verb.i + 1 : sentence.end]:
        if child.lemma_.lower() in RELAY_VERBS and child.tag_ == "VBG":
            return _cited(sentence, child)
    return None


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
    if all(t.ent_type_ in {"DATE", "TIME"} or t.lower_ in {"on", "in", "late", "early"}
           for t in rest):  # fmt: skip
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
            c.dep_ in {"dobj", "dative"}
            or (c.dep_ == "prep" and c.lower_ in {"as", "by"})  # "… as saying", "by Y"
            or (c.dep_ in {"xcomp", "advcl"} and c.lemma_.lower() in RELAY_VERBS)
            for c in after
        )
    )


def _split_speaking_to(
    doc: Doc, subject: Token, speaker: tuple[int, int]
) -> tuple[tuple[int, int], tuple[int, int] | None]:
    """ "military sources speaking to Al-Masdar News": speaker, relay."""
    for child in subject.children:
        if child.dep_ in {"acl", "relcl"} and child.lemma_.lower() in {"speak", "talk"}:
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in {"to", "with"}:
                    objects = [c for c in prep.children if c.dep_ == "pobj"]
                    if objects:
                        relay = noun_phrase(objects[0], stop_after=len(doc))
                        return (speaker[0], child.i), relay
    return speaker, None


def _is_unnamed(speaker: Span) -> bool:
    """ "reports", "media reports", "a military source", "local activists": nobody named."""
    return unnamed_kind(speaker) is not None


def _resolve_anaphor(
    doc: Doc, speaker: tuple[int, int], earlier: Iterable[Frame]
) -> tuple[int, int] | None:
    """Pronouns and definite descriptions → the nearest earlier speaker that fits."""
    span = doc[speaker[0] : speaker[1]]
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
