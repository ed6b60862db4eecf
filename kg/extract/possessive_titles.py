"""A person introduced by his body's title with the possessive's apostrophe lost, as
FA-KES prints it: "… said the Observatorys head Rami Abdulrahman", "said the Civil
Defences chief …".  The parse takes the glued possessive ("the Observatorys") for the
speaker and leaves the title and name outside the phrase; the person named after the
role noun speaks, and the body named before whose name holds the possessive's word is
his first relay hop (the guide's "Observatory head Rami Abdel Rahman told AFP" →
claimant the person, relay the Observatory).  A possessive inside the parsed phrase
("The coalitions spokesman Colonel Ryan Dillon said") is read by the person rules.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from kg.nlp.gazetteer import fold, load_gazetteer
from kg.nlp.sources import ROLE_NOUNS
from kg.records import PLACE_KINDS, EntityKind, EntityRef, Mention

# Ranks and honorifics between a role noun and the name ("spokesman Colonel Ryan Dillon").
RANKS = frozenset(
    {"colonel", "col.", "col", "general", "gen.", "major", "maj.", "lieutenant", "lt.",
     "captain", "capt.", "brigadier", "commander", "dr.", "dr", "sheikh", "mr.", "mr"}
)  # fmt: skip


def titled_person(
    span: SpacySpan, mentions: Sequence[Mention]
) -> tuple[EntityRef, list[EntityRef]] | None:
    """ "… said the Observatorys | head Rami Abdulrahman": the person the title after a
    phrase ending in a glued possessive introduces and, as his first relay hop, the body
    named before whose name holds the possessive's word; None when no such person.  (A
    possessive inside the phrase, "The coalitions spokesman … said", is read already.)"""
    glued = span[-1] if len(span) else None
    if glued is None or not _glued_possessive(glued.text):
        return None
    person = _person_after(glued, mentions)
    if person is None:
        return None
    body = _body_named(glued.text[:-1], span.start_char, mentions)
    return person.entity, [body] if body is not None else []


def _body_named(word: str, before: int, mentions: Sequence[Mention]) -> EntityRef | None:
    """The nearest organisation named before ``before`` whose name or known short name
    holds ``word`` ("Observatory", "SOHR", "coalition"); "It" and plain "group" name none."""
    wanted = fold(word)
    gazetteer = load_gazetteer()
    for mention in reversed(mentions):
        entity = mention.entity
        if mention.span.end > before or set(entity.kinds) & PLACE_KINDS:
            continue
        if EntityKind.PERSON in entity.kinds:
            continue
        entry = gazetteer.get(entity.key) if entity.known else None
        labels = [entity.label, *(entry.alt_labels if entry else ())]
        if any(wanted in fold(label).split() for label in labels):
            return entity
    return None


def _person_after(glued: Token, mentions: Sequence[Mention]) -> Mention | None:
    """ "Observatorys head Rami Abdulrahman": the person named right after a role noun
    (and optional ranks) that follows a word with its possessive's apostrophe lost."""
    doc = glued.doc
    at = glued.i + 1
    if at >= len(doc) or doc[at].lower_ not in ROLE_NOUNS:
        return None
    at += 1
    while at < len(doc) and doc[at].lower_ in RANKS:
        at += 1
    if at >= len(doc):
        return None
    start = doc[at].idx
    return next(
        (m for m in mentions if m.span.start == start and EntityKind.PERSON in m.entity.kinds),
        None,
    )


def _glued_possessive(word: str) -> bool:
    """ "Observatorys", "SOHRs", "coalitions", "Its": a word ending in the possessive's
    "s" with no apostrophe (a written "'s" is its own token and no such word)."""
    return (
        len(word) > 2 and word.endswith("s") and word.isalpha() and word.lower() not in ROLE_NOUNS
    )
