"""The body a named person's title gives before his name: "Member of the Syrian Coalition
Hussein Albuseis condemned … Albuseis pointed out that nearly 200 000 civilians …",
"President of the Syrian Coalition Anas Abdah …", "Director of Daraa Health Directorate
Abdel Wadoud al-Homsi said".

The guide reads a named person speaking for an organisation as the claimant and his
organisation as the first relay hop ("Observatory head Rami Abdel Rahman told AFP" →
relay Observatory, AFP).  Where the title stands before the name as "ROLE of (the) BODY"
and the speech verb names him only by name (or surname), the frame's speaker phrase
does not hold the body: the claims of that person with no relay take it, in the
sentence that names him speaking or the next (not a number carried further on).  "Secretary of
State John Kerry" names no body (no organisation mention after "of"); "Secretary of Defense
Ashton Carter": his ministry as the article names it (kg.extract.portfolios).

A body may also stand before a title of several words, the person named bare in a later
sentence: "UN Under-Secretary-General for Humanitarian Affairs and Emergency Relief
Coordinator Valerie Amos said. Amos stressed that …" (not in the sentence whose speaker
phrase holds the title: the frame has read that one).  The title may also follow the
name, its comma lost: "Nasr al-Hariri Secretary General of
the Syrian Coalition decries … Hariri also said …", "Hamza Khatib the manager of …".
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from kg.extract.portfolios import ministry_for, ministry_named, portfolio_of
from kg.nlp import text_of
from kg.nlp.attribution import sentence_units
from kg.nlp.sources import ROLE_NOUNS
from kg.records import PLACE_KINDS, CountClaim, EntityKind, EntityRef, Mention

# Bodies a person speaks for: not a place, not another person, not an unnamed source.
NOT_BODIES = PLACE_KINDS | {EntityKind.PERSON, EntityKind.UNNAMED_SOURCE}
# A body a person speaks for after his role ("the Syrian Coalition"), not a sect or people.
ORGANISATIONS = frozenset(
    {EntityKind.ORGANIZATION, EntityKind.ARMED_GROUP, EntityKind.STATE_BODY, EntityKind.OUTLET}
)
# The most tokens a title before a name runs to ("Under-Secretary-General for … Coordinator").
MAX_TITLE = 14
# The word between a role after a name and its body: "head of", "a spokesman for".
LINKS = frozenset({"of", "for"})


def titled_bodies(
    doc: Doc, mentions: Sequence[Mention], claims: Sequence[CountClaim]
) -> list[CountClaim]:
    """The claims, those of a person whose title names his body given that body as relay."""
    text = text_of(doc)
    starts = [unit.start_char for unit in sentence_units(doc)]
    bodies: dict[str, tuple[EntityRef | None, int]] = {}
    result: list[CountClaim] = []
    for claim in claims:
        found = claim.attribution
        if found is not None and found.claimant is not None and found.chain:
            chain = ministry_for(text, found.claimant, found.chain, mentions)  # not "Defense"
            if chain != found.chain:
                claim = replace(claim, attribution=(found := replace(found, chain=chain)))
        if (
            found is not None
            and found.claimant is not None
            and found.cue is not None
            and not found.chain
            and not found.unnamed
            and EntityKind.PERSON in found.claimant.kinds
            and _unit(starts, claim.evidence[0].start) - _unit(starts, found.cue.start) <= 1
        ):
            person = found.claimant
            if person.key not in bodies:
                bodies[person.key] = _title_body(doc, text, person, mentions)
            body, _ = bodies[person.key]
            if body is not None and body.key != person.key:
                claim = replace(claim, attribution=replace(found, chain=(body,)))
        result.append(claim)
    return result


def _title_body(
    doc: Doc, text: str, person: EntityRef, mentions: Sequence[Mention]
) -> tuple[EntityRef | None, int]:
    """ "ROLE of (the) BODY PERSON": a body mention ending right before the person's full
    name, at its first place in the text that has one; with the start of a prefixed
    title's body ("UN … Coordinator PERSON"), -1 for the other forms."""
    name = person.label
    if " " not in name:
        return None, -1  # a surname alone may be anyone's
    at = text.find(name)
    while at >= 0:
        for body in mentions:
            if not 0 <= at - body.span.end <= 1 or set(body.entity.kinds) & NOT_BODIES:
                continue
            first = _token_at(doc, body.span.start)
            if first is None:
                continue
            before = first - 1 if first > 0 and doc[first - 1].lower_ == "the" else first
            if before < 2 or doc[before - 1].lower_ != "of":
                continue
            role = doc[before - 2].lower_
            if portfolio_of(text, person, body.entity):  # "Secretary of Defense …"
                return ministry_named(body.entity.label, mentions), -1
            if role in ROLE_NOUNS or role.rsplit("-", 1)[-1] in ROLE_NOUNS:
                return body.entity, -1
        if (trailing := _trailing_body(doc, at + len(name), mentions)) is not None:
            return trailing, -1
        if (prefixed := _prefixed_body(doc, at, mentions)) is not None:
            return prefixed.entity, prefixed.span.start
        at = text.find(name, at + 1)
    return None, -1


def _trailing_body(doc: Doc, end: int, mentions: Sequence[Mention]) -> EntityRef | None:
    """ "PERSON (the) ROLE of/for (the) BODY", the comma FA-KES drops after the name:
    "Nasr al-Hariri Secretary General of the Syrian Coalition decries …", "Hamza Khatib
    the manager of Al-Quds hospital told …": a body mention right after the role."""
    at = _token_at(doc, end + 1) if end < len(doc.text) and doc.text[end] == " " else None
    if at is None:
        return None
    if doc[at].lower_ in {"the", "a", "an"}:
        at += 1
    words = 0
    while at < len(doc) and words < 3 and doc[at].is_alpha and doc[at].lower_ not in LINKS:
        at, words = at + 1, words + 1
    if not words or at >= len(doc) - 1 or doc[at].lower_ not in LINKS:
        return None
    role = doc[at - 1].lower_
    if role not in ROLE_NOUNS:
        return None
    first = at + 1 + (doc[at + 1].lower_ == "the")
    if first >= len(doc):
        return None
    start = doc[first].idx
    body = next(
        (
            m
            for m in mentions
            if m.span.start == start
            and not set(m.entity.kinds) & NOT_BODIES
            and set(m.entity.kinds) & ORGANISATIONS
            and m.entity.ner_label != "NORP"
        ),
        None,
    )
    return body.entity if body is not None and _ends_phrase(doc, body.span.end) else None


def _prefixed_body(doc: Doc, at: int, mentions: Sequence[Mention]) -> Mention | None:
    """ "BODY TITLE PERSON", a title of several capitalised words: "UN Under-Secretary-General
    for Humanitarian Affairs and Emergency Relief Coordinator Valerie Amos said"."""
    first = _token_at(doc, at)
    if first is None:
        return None
    start = first
    while start > 0 and first - start < MAX_TITLE and _title_word(doc[start - 1]):
        start -= 1
    title = doc[start:first]
    if not any(_role_word(t.lower_) for t in title) or not title[0].is_title:
        return None
    end = doc[start - 1].idx + len(doc[start - 1].text) if start > 0 else -1
    body = next((m for m in mentions if m.span.end == end), None)
    if body is None or set(body.entity.kinds) & NOT_BODIES:
        return None
    return body if set(body.entity.kinds) & ORGANISATIONS else None


def _title_word(token: Token) -> bool:
    """A word of a title written out before a name: "Under-Secretary-General", "for"."""
    return token.is_title or token.text == "-" or token.lower_ in {"for", "and", "of", "the"}


def _role_word(word: str) -> bool:
    return word in ROLE_NOUNS or word.rsplit("-", 1)[-1] in ROLE_NOUNS


def _ends_phrase(doc: Doc, end: int) -> bool:
    """Whether a body's name ends its noun phrase: not "head of QRCSs health program"
    (the head of something of the body's: the lost possessive glued on, a noun after)."""
    last = doc.char_span(end - 1, end, alignment_mode="expand")
    if last is None or last.end_char != end:
        return False
    after = doc[last.end] if last.end < len(doc) else None
    return after is None or not (after.is_lower and after.pos_ in {"NOUN", "PROPN"})


def _unit(starts: Sequence[int], char: int) -> int:
    """The index of the sentence unit holding a character offset."""
    return bisect_right(starts, char) - 1


def _token_at(doc: Doc, char: int) -> int | None:
    """The token starting at a character offset."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None and doc[span.start].idx == char else None
