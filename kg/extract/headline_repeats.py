"""Which body count a headline's count repeats when the body opens with it in its own
voice: "Terrorist Bombing Claims 5 in Syrias Latakia" + "A terrorist motorcycle bomb
attack took place … leaving 5 martyrs." … (a later item) "… injuring three persons from
the medical staff in addition to five patients".

The lede retells the headline; a later count of the same value with a source repeats
the headline only when it says the same fate (killed, wounded …) as the headline, not
when its fate is unknown (``kg.extract.attribution.headline_claims`` asks
``sourced_repeats``).
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from kg.records import CountClaim

VARIANT = os.environ.get("KG_HEADLINE_VARIANT", "B")


def sourced_repeats(
    title: CountClaim,
    repeats: Sequence[CountClaim],
    own_voice: Sequence[CountClaim],
    body: Sequence[CountClaim] = (),
) -> list[CountClaim]:
    """The body counts with a source that ``title`` repeats, of ``repeats`` (in text
    order), given the body's own-voice counts that repeat it (``own_voice``): when the
    earliest repeat is in the article's own voice, only those later ones that give the
    headline's fate."""
    if not own_voice or not repeats:
        return list(repeats)
    first = own_voice[0].evidence[0].start
    if first > repeats[0].evidence[0].start:
        return list(repeats)
    if VARIANT == "A":
        return []
    if VARIANT == "off":
        return list(repeats)
    fated = [c for c in repeats if title.outcome is not None and c.outcome == title.outcome]
    if VARIANT == "B":
        return fated
    return [c for c in repeats if c in fated or not _other_report_between(first, c, body)]


def _other_report_between(first: int, repeat: CountClaim, body: Sequence[CountClaim]) -> bool:
    """Whether a count with another source lies between the lede and ``repeat``."""
    key = _key(repeat)
    return any(
        first < c.evidence[0].start < repeat.evidence[0].start and _key(c) != key
        for c in body
    )


def _key(claim: CountClaim) -> str | None:
    found = claim.attribution
    if found is None or found.claimant is None:
        return None
    return found.claimant.key
