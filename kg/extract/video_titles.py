"""A video's title embedded in the text: "… a haze of smoke. Dozens killed in Idlib
market air strikes Ediz Tiyansan reports - YouTube Syrian regime forces … have
intensified attacks …", "The War In Syria At least 26 people killed in eastern Aleppo
following bombings by Russian jets - YouTube A brief ceasefire …".

Such a title is page furniture, the article's own voice: its numbers get no source (not
the report before it, not the "Source TRT World" after it), and a source named inside it
("Ediz Tiyansan reports") or before it gives no report for the story after it, which
the lost line break glued on (the reference guide: page furniture ends a source's
scope).  ``kg.extract.attribution.carry_claims`` ends with ``without_video_titles``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.records import CountClaim

# The mark a page leaves after an embedded video's title.
VIDEO_MARK = re.compile(r"\s[-–—]\s?YouTube\b")
# Where the sentence before the title ended.
SENTENCE_END = re.compile(r"""[.!?]["”)]?\s""")


def video_titles(text: str) -> list[tuple[int, int]]:
    """The embedded video titles of ``text`` as (start, end) character offsets: from
    the end of the sentence before to the end of the "- YouTube" mark."""
    found: list[tuple[int, int]] = []
    for mark in VIDEO_MARK.finditer(text):
        ends = list(SENTENCE_END.finditer(text, 0, mark.start()))
        start = ends[-1].end() if ends else 0
        found.append((start, mark.end()))
    return found


def without_video_titles(text: str, claims: list[CountClaim]) -> list[CountClaim]:
    """The counts with the sources video titles end: none for a number inside a title,
    none for one after a title whose source's cue lies before it."""
    titles = video_titles(text)
    if not titles:
        return claims
    result: list[CountClaim] = []
    for claim in claims:
        start, found = claim.evidence[0].start, claim.attribution
        inside = any(begin <= start < end for begin, end in titles)
        cued_before = (
            found is not None
            and found.cue is not None
            and any(found.cue.start < end <= start for _, end in titles)
        )
        if found is not None and (inside or cued_before):
            claim = replace(claim, attribution=None)
        result.append(claim)
    return result
