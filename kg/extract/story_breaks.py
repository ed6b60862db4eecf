"""Where a lost line break glued a subheading or a round-up's section name to the next
story: "… amid faltering peace talks Civilians flee Daesh bastion Meanwhile hundreds of
civilians escaped …", "… to citizens properties. Damascus Countryside Earlier on the day
four people were injured …", "… Homs Meanwhile two civilians were killed …".

So does a round-up's heading ("One civilian killed due to terrorist rocket attack on
al-Fouaa town in Idleb In the same context a civilian was killed …", "2 persons killed 13
injured in terrorist rocket attacks on Harasta suburb Damascus Countryside Terrorist
organizations …"), beside the one ``kg.extract.attribution.news_item_heading`` reads.

A capitalised "Meanwhile", "Separately", "Elsewhere", "Earlier", "Previously" inside a
sentence stands where a new sentence, and a new story, began: the report told before it
does not run on past it (the reference guide's scope: a new date or topic ends a source's
report).  ``carried`` asks ``opens_story`` of the sentence it fills (numbers after the
word get no carried source) and ``breaks_report`` of each sentence it would carry a
report across (one such sentence with no source of its own ends the report, also for
the sentences after it: "Meanwhile hundreds escaped … Tens of thousands had been trapped").

A round-up's next item also opens on a phrase ("Aleppo In the same context a woman was
killed …", "In another incident at least five people …"); and a number before a glued
shift is the heading's, not the source's named after it ("Eight persons wounded in Foua
and Kafyra in Idleb Meanwhile civil sources told SANA …": ``without_glued_headings``).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kg.nlp.attribution import sentence_units
from kg.nlp.lexicon import OUTCOME_WORDS
from kg.records import CountClaim, Outcome

# Words that turn to another story (as ``kg.extract.attribution.TOPIC_SHIFTS``).
SHIFT_WORDS = frozenset({"meanwhile", "separately", "elsewhere", "earlier", "previously"})
# Phrases a round-up opens its next item with ("Aleppo In the same context a woman was
# killed …", "In another incident at least five people …", "… west of Kirkuk In a
# separate event A major suicide attack …"), lowercased, after "in".
SHIFT_PHRASES = (
    ("the", "same", "context"),
    ("a", "related", "context"),
    ("another", "context"),
    ("a", "related", "development"),
    ("another", "development"),
    ("another", "incident"),
    ("a", "separate", "incident"),
    ("a", "separate", "event"),
    ("a", "separate", "development"),
)
QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d"})


def glued_shift(unit: SpacySpan) -> Token | None:
    """The capitalised shift word a lost break left inside ``unit``, after a word (not a
    comma or a quote: "…, Meanwhile" is a writer's, not a lost break), else None."""
    for token in unit[1:]:
        before = token.doc[token.i - 1]
        if (
            (token.lower_ in SHIFT_WORDS or shift_phrase(token))
            and token.text[:1].isupper()
            and before.is_alpha
            and not before.is_sent_start
        ):
            return token
    return None


def shift_phrase(token: Token) -> bool:
    """Whether ``token`` is the "In" of "In the same context", "In another incident" …"""
    if token.lower_ != "in":
        return False
    after = tuple(t.lower_ for t in token.doc[token.i + 1 : token.i + 4])
    return any(after[: len(phrase)] == phrase for phrase in SHIFT_PHRASES)


def _opening_shift(unit: SpacySpan) -> bool:
    """ "In the same context …", "Aleppo In the same context …" (a section name a lost
    break glued on), "In another incident …": the sentence opens another item."""
    head = [t for t in unit[:4] if not t.is_space]
    return any(
        shift_phrase(token) and all(t.text[:1].isupper() for t in head[:index])
        for index, token in enumerate(head[:3])
    )


def item_heading(unit: SpacySpan) -> bool:
    """ "One civilian killed due to terrorist rocket attack on al-Fouaa …", "2 persons
    killed 13 injured in terrorist rocket attacks on Harasta …": a round-up's next item
    opens on a heading, a count of people and a headline's bare participle of harm (no
    auxiliary) with a preposition or a second count of harm right after, no object ("A
    man killed his neighbour", "Two gunmen killed 13 civilians" are sentences)."""
    if len(unit) < 5:
        return False
    count, people, harmed, after = unit[0], unit[1], unit[2], unit[3]
    one = count.lower_ in {"a", "an", "one", "1"} and people.tag_ == "NN"
    several = count.tag_ == "CD" and people.tag_ == "NNS"
    return (
        (one or several)
        and _harm(harmed)
        and not any(c.dep_ in {"aux", "auxpass"} for c in harmed.children)
        and (after.tag_ == "IN" or after.lower_ == "due" or _second_count(unit))
    )


def _harm(token: Token) -> bool:
    return token.tag_ in {"VBN", "VBD"} and OUTCOME_WORDS.get(token.lemma_.lower()) in {
        Outcome.KILLED,
        Outcome.WOUNDED,
    }


def _second_count(unit: SpacySpan) -> bool:
    """ "… killed 13 injured", "… killed 58 others injured": a count then its harm."""
    rest = [t for t in unit[3:6] if t.lower_ not in {"others", "other", "people", "persons"}]
    return len(rest) >= 2 and rest[0].tag_ == "CD" and _harm(rest[1])


def opens_story(unit: SpacySpan, char: int) -> bool:
    """Whether the number at ``char`` opens another story: its sentence is a round-up
    item's heading, or the number comes after a glued shift word."""
    if item_heading(unit) or _opening_shift(unit):
        return True
    shift = glued_shift(unit)
    return shift is not None and shift.idx <= char


def breaks_report(unit: SpacySpan) -> bool:
    """Whether a sentence turns to another story: it opens on a shift word ("Meanwhile
    …") or an item's heading, or holds a shift word a lost break glued on."""
    opening = [t for t in unit[:2] if t.lower_ in SHIFT_WORDS]
    return (
        bool(opening) or _opening_shift(unit) or item_heading(unit) or glued_shift(unit) is not None
    )


def new_moment(unit: SpacySpan) -> bool:
    """ "Last Monday regime forces attacked Saraqeb …": a sentence with no source that
    opens on another moment than the news's (not "Today …", not inside a quote) ends the
    report told before it (``carried`` asks it of a sentence opening on a date)."""
    opening = next((t for t in unit if not t.is_space), None)
    if opening is None or opening.text in QUOTE_MARKS:
        return False
    return not any(t.lower_ in {"today", "tonight"} for t in unit[:4])


def without_glued_headings(doc: Doc, claims: list[CountClaim]) -> list[CountClaim]:
    """ "Eight persons wounded in Foua and Kafyra in Idleb Meanwhile civil sources told
    SANA that 8 persons …", "… six ISIS suicide bombers west of Kirkuk In a separate event
    A major suicide attack … was foiled said the frontline commander": a number before a
    glued shift is the heading's, the article's own voice; the source named after the
    shift tells the next story only."""
    units = sentence_units(doc)
    result: list[CountClaim] = []
    for claim in claims:
        found, start = claim.attribution, claim.evidence[0].start
        if found is not None and found.cue is not None:
            unit = next((u for u in units if u.start_char <= start < u.end_char), None)
            shift = glued_shift(unit) if unit is not None else None
            if shift is not None and start < shift.idx <= found.cue.start:
                claim = replace(claim, attribution=None)
        result.append(claim)
    return result
