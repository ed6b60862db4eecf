"""Where a lost line break glued a subheading or a round-up's section name to the next
story: "… amid faltering peace talks Civilians flee Daesh bastion Meanwhile hundreds of
civilians escaped …", "… to citizens properties. Damascus Countryside Earlier on the day
four people were injured …", "… Homs Meanwhile two civilians were killed …".

A capitalised "Meanwhile", "Separately", "Elsewhere", "Earlier", "Previously" inside a
sentence stands where a new sentence, and a new story, began: the report told before it
does not run on past it (the reference guide's scope: a new date or topic ends a source's
report).  ``carried`` asks ``opens_story`` of the sentence it fills (numbers after the
word get no carried source) and ``breaks_report`` of each sentence it would carry a
report across (one such sentence with no source of its own ends the report, also for
the sentences after it: "Meanwhile hundreds escaped … Tens of thousands had been trapped").
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

# Words that turn to another story (as ``kg.extract.attribution.TOPIC_SHIFTS``).
SHIFT_WORDS = frozenset({"meanwhile", "separately", "elsewhere", "earlier", "previously"})


def glued_shift(unit: SpacySpan) -> Token | None:
    """The capitalised shift word a lost break left inside ``unit``, after a word (not a
    comma or a quote: "…, Meanwhile" is a writer's, not a lost break), else None."""
    for token in unit[1:]:
        before = token.doc[token.i - 1]
        if (
            token.lower_ in SHIFT_WORDS
            and token.text[:1].isupper()
            and before.is_alpha
            and not before.is_sent_start
        ):
            return token
    return None


def opens_story(unit: SpacySpan, char: int) -> bool:
    """Whether the number at ``char`` comes after a glued shift word of its sentence."""
    shift = glued_shift(unit)
    return shift is not None and shift.idx <= char


def breaks_report(unit: SpacySpan) -> bool:
    """Whether a sentence turns to another story: it opens on a shift word ("Meanwhile
    …") or holds one a lost break glued on."""
    opening = [t for t in unit[:2] if t.lower_ in SHIFT_WORDS]
    return bool(opening) or glued_shift(unit) is not None
