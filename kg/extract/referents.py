"""Which named source a definite description stands for ("the group said").

A definite description points back: "… were in two ambulances that had been called to
the clinic the group said", after "the Union of Syrian Medical Relief Organisations
(UOSSM)" in the same sentence, is that union, not the Observatory the article names
only further down.  So ``named_before`` tries each sort the description may be (in the
order ``kg.nlp.sources.DESCRIPTION_HEADS`` lists) among the names before it, and only
when none before fits does ``kg.extract.speakers.resolve_description`` look after it
too.  An indefinite one ("a civil defence group said") may introduce a source named
later, and a headline's "…: monitor" has no name before it: both keep that order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Span

from kg.nlp.sources import DESCRIPTION_HEADS
from kg.records import EntityRef, Mention


def named_before(
    span: Span,
    description: str,
    mentions: Sequence[Mention],
    fits: Callable[[EntityRef, str], bool],
    bare: Callable[[Mention], bool],
) -> EntityRef | None:
    """For a phrase opening on "the", the nearest mention before it fitting the first sort
    of ``description`` that any mention before fits; ``bare`` mentions never."""
    words = [t for t in span if not t.is_space]
    if not words or words[0].lower_ != "the":
        return None
    before = [m for m in mentions if m.span.end <= span.start_char and not bare(m)]
    for want in DESCRIPTION_HEADS.get(description, ()):
        fitting = [m for m in before if fits(m.entity, want)]
        if fitting:
            return fitting[-1].entity
    return None
