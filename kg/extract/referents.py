"""Which named source a description stands for ("the group said", "the monitor said").

``referent`` tries each sort the description may be (in the order
``kg.nlp.sources.DESCRIPTION_HEADS`` lists) among the names before it first, and only
then among names after it: "… were in two ambulances that had been called to the clinic
the group said", after "the Union of Syrian Medical Relief Organisations (UOSSM)" in the
same sentence, is that union, not the Observatory the article names only further down.
A headline's "…: monitor", with no name before it, is still the body's monitor.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kg.extract.entities import nearest_mention
from kg.nlp.sources import DESCRIPTION_HEADS
from kg.records import EntityRef, Mention


def referent(
    description: str,
    char: int,
    mentions: Sequence[Mention],
    fits: Callable[[EntityRef, str], bool],
    bare: Callable[[Mention], bool],
) -> EntityRef | None:
    """The named source a description at ``char`` stands for: the nearest mention before
    it fitting the first sort that any mention before fits, else the first after it
    fitting the first sort that any mention after fits; ``bare`` mentions never."""
    wants = DESCRIPTION_HEADS.get(description, ())
    named = [m for m in mentions if not bare(m)]
    before = [m for m in named if m.span.end <= char]
    for want in wants:
        fitting = [m for m in before if fits(m.entity, want)]
        if fitting:
            return fitting[-1].entity
    for want in wants:
        found = nearest_mention([m for m in named if fits(m.entity, want)], char)
        if found is not None:
            return found.entity
    return None
