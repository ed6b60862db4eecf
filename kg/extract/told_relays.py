"""A source the article shows speaking to an outlet speaks to it throughout.

"At least ten people have been killed …, a source in the Syrian militia said. … "…"
the source told RIA Novosti.", "A source at Aleppo Police Command said that eight
civilians were killed … The source told SANA's correspondent that …": the outlet the
source spoke to carries all its report, the sentences before the one that says so
included (the guide: "an activist told AFP" → relay ["AFP"]).  So a claimant's claims
with no relay take the one relay chain the article gives that claimant elsewhere; a
claimant given two different chains keeps each claim's own.  Unnamed sources share a
node per kind, so for them the words must be the same too ("a military source" and "the
source" resolved to it are; "local activists" and "a different activist" are not).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kg.nlp.gazetteer import fold
from kg.records import Attribution, CountClaim, EntityRef


def told_relays(claims: Sequence[CountClaim]) -> list[CountClaim]:
    """The claims, those of a claimant the article relays one way only given that relay."""
    chains: dict[str, set[tuple[str, ...]]] = {}
    chain_of: dict[str, tuple[EntityRef, ...]] = {}
    for claim in claims:
        found = claim.attribution
        if found is None or found.claimant is None or not found.chain:
            continue
        key = _who(found)
        chains.setdefault(key, set()).add(tuple(ref.key for ref in found.chain))
        chain_of[key] = found.chain
    result: list[CountClaim] = []
    for claim in claims:
        found = claim.attribution
        if (
            found is not None
            and found.claimant is not None
            and not found.chain
            and len(chains.get(_who(found), ())) == 1
        ):
            chain = chain_of[_who(found)]
            if found.claimant.key not in {ref.key for ref in chain}:
                claim = replace(claim, attribution=replace(found, chain=chain))
        result.append(claim)
    return result


def _who(found: Attribution) -> str:
    """The claimant's node, and for an unnamed source the words naming it."""
    claimant = found.claimant
    assert claimant is not None
    if not found.unnamed:
        return claimant.key
    return f"{claimant.key}|{fold(claimant.label)}"
