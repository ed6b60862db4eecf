"""The body a named person speaks for when the words before his role describe it and
no name gives it: "local civil defense official Leys al-Faris told Anadolu Agency" →
the person speaks and "local civil defense" is the first relay hop, as the reference
guide reads people speaking for an organisation ("Observatory head Rami Abdel Rahman
told AFP" → relay Observatory, AFP).  A body no name gives is an unnamed source of the
kind its words say (civil defence: medical), labelled with those words.

Also the parse that splits such a phrase in two subjects ("A local civil defence
official | Leys al-Faris said"): the role noun then stands for the name after it.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kg.nlp.sources import ROLE_NOUNS, description_kind
from kg.records import EntityKind, EntityRef, Mention, unnamed_ref

# Head nouns of a body described in lower case: "civil defense", "the health directorate".
BODY_NOUNS = frozenset(
    {"defense", "defence", "ministry", "council", "committee", "command", "directorate",
     "department", "police", "authority", "authorities", "administration", "office",
     "service", "services", "crescent", "coalition"}
)  # fmt: skip

OWN_PHRASE = frozenset({"det", "poss", "nummod", "prep", "case"})


def described_body(doc: Doc, person: Mention) -> EntityRef | None:
    """ "local civil defense official Leys al-Faris": the lower-case words before the
    role noun right before the name, when they end in a body noun ("civil defense")."""
    name = doc.char_span(person.span.start, person.span.end, alignment_mode="expand")
    if name is None or name.start < 2:
        return None
    role = doc[name.start - 1]
    if role.lower_ not in ROLE_NOUNS:
        return None
    words = []
    at = role.i - 1
    while at >= name.sent.start and _describes(doc[at]) and at < doc[at].head.i <= role.i:
        if words and doc[at].pos_ == "NOUN" and words[0].pos_ == "ADJ":
            break  # "the town local health directorate": adjectives come before nouns
        words.insert(0, doc[at])
        at -= 1
    while words and words[-1].lower_ not in BODY_NOUNS:
        words.pop()  # "civil defense senior official": the body ends at its noun
    if not words:
        return None
    kind = description_kind(doc[words[0].i : role.i + 1])
    if kind is None:
        return None
    label = " ".join(t.text for t in words)  # a body no name gives: an unnamed source
    return unnamed_ref(kind, label)


def _describes(token: Token) -> bool:
    """A lower-case modifier of a role noun ("local", "civil", "defense", "health"); the
    caller keeps only those hung on a word up to the role.  A noun with its own
    determiner, number or other modifier heads a phrase of its own the lost comma glued on
    ("killing 12 people civil defense official …", "the opposition-held province local
    civil defense official …")."""
    return (
        token.is_lower
        and token.is_alpha
        and token.pos_ in {"ADJ", "NOUN"}
        and token.dep_ in {"amod", "compound", "nmod"}
        and not any(
            c.dep_ in OWN_PHRASE or (c.i < token.i and not _describes(c)) for c in token.children
        )
    )


def person_after_role(span: SpacySpan, mentions: Sequence[Mention]) -> Mention | None:
    """ "A local civil defence official Leys al-Faris said": a speaker phrase ending in a
    role noun that the parse cut from the name right after it; the name speaks."""
    if not len(span) or span[-1].lower_ not in ROLE_NOUNS or span.end >= len(span.doc):
        return None
    after = span.doc[span.end]
    return next(
        (m for m in mentions if m.span.start == after.idx and EntityKind.PERSON in m.entity.kinds),
        None,
    )
