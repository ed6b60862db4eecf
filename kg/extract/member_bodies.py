"""Unnamed members of a named organisation, speaking: "U.N. investigators said", "U.N.
experts investigating war crimes on Friday said", "Syrian Arab Red Crescent paramedics
who told him that at least 22 bodies …", "MSF doctors said".

The guide reads an unnamed spokesman or official of a named organisation as that
organisation ("a Pentagon spokesman said" → Pentagon).  Its staff at work are the same:
a phrase that is a known organisation's name (no place, no person) and a plural or
singular noun for its people at work, nothing but lower-case words between, is the
organisation.  Without such a rule the phrase became a new "name" ("U.N.
investigators").  Members whose noun already says they speak for it ("spokesman",
"official", "source") go through ``kg.extract.speakers``'s member nouns.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span

from kg.nlp.sources import head_of
from kg.records import PLACE_KINDS, EntityKind, EntityRef, Mention

# Nouns for an organisation's people at work.
STAFF_NOUNS = frozenset(
    {"investigator", "investigators", "expert", "experts", "inspector", "inspectors",
     "doctor", "doctors", "medic", "medics", "paramedic", "paramedics", "nurse", "nurses",
     "physician", "physicians", "staff", "team", "teams", "rescuer", "rescuers",
     "monitor", "monitors", "researcher", "researchers"}
)  # fmt: skip
DETERMINERS = frozenset({"the", "a", "an", "its", "their"})


def organisation_of_staff(span: Span, mentions: Sequence[Mention]) -> EntityRef | None:
    """The known organisation whose staff the phrase names ("U.N. investigators",
    "Syrian Arab Red Crescent paramedics"), else None."""
    words = [t for t in span if not t.is_space]
    while words and words[0].lower_ in DETERMINERS:
        words.pop(0)
    head = head_of(span)
    if not words or words[-1].i != head.i or head.lower_ not in STAFF_NOUNS:
        return None
    start = words[0].idx
    for mention in mentions:
        entity = mention.entity
        if mention.span.start != start or not entity.known:
            continue
        if set(entity.kinds) & PLACE_KINDS or EntityKind.PERSON in entity.kinds:
            continue
        between = [t for t in words if mention.span.end <= t.idx < head.idx]
        if all(t.is_lower for t in between):  # "UN chemical weapons experts"
            return entity
    return None
