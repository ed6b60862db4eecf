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
``told_back`` reads the same from the frames, for a source that says whom it told only
in a sentence with no count: "… according to a source at Aleppo Police Command. The
source told SANA's correspondent that …" (the report the source's words come from).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from kg.extract.speakers import is_unnamed, speaker_ref
from kg.nlp.attribution import frames_of, sentence_units
from kg.nlp.gazetteer import fold
from kg.records import Attribution, CountClaim, EntityRef, Mention


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


def told_back(
    doc: Doc, mentions: Sequence[Mention], claims: Sequence[CountClaim]
) -> list[CountClaim]:
    """ "Five civilians were killed … according to a source at Aleppo Police Command. The
    source told SANA's correspondent that …": the outlet a source is said to speak to
    after its report carries that report too.  The later frame's speaker ("the source")
    resolves to the earlier frame's speaker words; the claims cued by a frame speaking
    with those very words, with no relay of their own, take the later frame's relays
    (after the body a named speaker speaks for: "Observatory chief Rami Abdel Rahman
    said … "…" he told AFP" → the Observatory, AFP).  Run after ``told_relays``: the
    same source's other reports ("A source at Aleppo Police Command said …" earlier)
    keep theirs."""
    frames, units = frames_of(doc), [(u.start, u.end) for u in sentence_units(doc)]
    relays_of: dict[int, tuple[EntityRef, ...]] = {}  # first cue char → body, told relays
    for told in frames:
        if told.speaker is None or not told.relays:
            continue
        refs = [r for bounds in told.relays for r in _refs(doc, bounds, mentions)]
        named = tuple(r for r in refs if not is_unnamed(r))
        if not named:
            continue
        for said in frames:
            if said.speaker != told.speaker or said.relays or said.cue[0] >= told.cue[0]:
                continue
            if _sentence(units, said.cue[0]) != _sentence(units, said.speaker[0]):
                continue  # itself "the source added": its words are an earlier frame's
            body = tuple(speaker_ref(doc, said.speaker, mentions)[1])
            relays_of.setdefault(doc[said.cue[0]].idx, body + named)
    result: list[CountClaim] = []
    for claim in claims:
        found = claim.attribution
        if found is not None and found.claimant is not None and found.cue is not None:
            chain = _unique(relays_of.get(found.cue.start, ()), found.claimant)
            if len(chain) > len(found.chain) and chain[: len(found.chain)] == found.chain:
                claim = replace(claim, attribution=replace(found, chain=chain))
        result.append(claim)
    return result


def _refs(doc: Doc, bounds: tuple[int, int], mentions: Sequence[Mention]) -> list[EntityRef]:
    ref, via = speaker_ref(doc, bounds, mentions)
    return ([ref] if ref is not None else []) + via


def _sentence(units: Sequence[tuple[int, int]], token: int) -> int:
    return next((i for i, (start, end) in enumerate(units) if start <= token < end), -1)


def _unique(chain: Sequence[EntityRef], claimant: EntityRef) -> tuple[EntityRef, ...]:
    """The hops once each, without the claimant."""
    seen = {claimant.key}
    return tuple(r for r in chain if r.key not in seen and not seen.add(r.key))
