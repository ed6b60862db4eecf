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
``told_onward`` reads the same for a named source whose telling sentence has no count,
before or after its report ("… commander Kamal Kirkuki told Rudaw. … said Kirkuki." →
relay Rudaw).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from kg.extract.speakers import is_unnamed, speaker_ref
from kg.nlp.attribution import frames_of, sentence_units
from kg.nlp.gazetteer import fold
from kg.records import Attribution, CountClaim, EntityKind, EntityRef, Mention

# "told Rudaw", "speaking to AFP", "talking to Reuters": the words went to an outlet.
TELLING_LEMMAS = frozenset({"tell", "speak", "talk"})


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


def told_onward(
    doc: Doc, mentions: Sequence[Mention], claims: Sequence[CountClaim]
) -> list[CountClaim]:
    """ "The militants were gunned down … commander Kamal Kirkuki told Rudaw. "Six ISIS
    suicide bombers attacked …" said Kirkuki.": the later claims of a named source the
    article has shown telling one outlet (one chain: its body, then the outlets) take
    that chain, where theirs is a start of it (none, or the body alone).  Forward only:
    a report given before the telling keeps its own ("said Observatory director Rami
    Abdel Rahman. … Abdel Rahman told AFP").  A source told two ways, or with a claim
    relayed otherwise, keeps each claim's own."""
    told = told_chains(doc, mentions)
    for claim in claims:
        found = claim.attribution
        if found is None or found.claimant is None or found.claimant.key not in told:
            continue
        chain = told[found.claimant.key][1]
        if found.chain != chain[: len(found.chain)]:
            del told[found.claimant.key]  # "… told AFP" here, "… told Reuters" there
    result: list[CountClaim] = []
    for claim in claims:
        found = claim.attribution
        if (
            found is not None
            and found.claimant is not None
            and found.cue is not None
            and found.claimant.key in told
        ):
            after, chain = told[found.claimant.key]
            if found.cue.start > after and len(found.chain) < len(chain):
                claim = replace(claim, attribution=replace(found, chain=chain))
        result.append(claim)
    return result


def told_chains(
    doc: Doc, mentions: Sequence[Mention]
) -> dict[str, tuple[int, tuple[EntityRef, ...]]]:
    """A named source (not an unnamed one, whose node is shared per kind) telling an
    outlet (no person, no other body), by its node: where it first does (a character
    offset), its body, then the outlets told; a source told two ways gives none."""
    chains: dict[str, set[tuple[EntityRef, ...]]] = {}
    first: dict[str, int] = {}
    for frame in frames_of(doc):
        if frame.speaker is None or not frame.relays or frame.unnamed:
            continue
        cue = doc[frame.cue[0] : frame.cue[1]]
        if not any(t.lemma_.lower() in TELLING_LEMMAS for t in cue):
            continue
        ref, body = speaker_ref(doc, frame.speaker, mentions)
        if ref is None or is_unnamed(ref):
            continue
        told = [r for bounds in frame.relays for r in _refs(doc, bounds, mentions)]
        if not told or any(is_unnamed(r) or EntityKind.OUTLET not in r.kinds for r in told):
            continue  # "told Sergei Lavrov", "told the UN Security Council": no outlet
        chains.setdefault(ref.key, set()).add(_unique([*body, *told], ref))
        first.setdefault(ref.key, cue.start_char)
    return {
        key: (first[key], next(iter(found))) for key, found in chains.items() if len(found) == 1
    }


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
