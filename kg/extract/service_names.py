"""A rescue service described by its common name, which the article also names: "…
killed 31 civilians Friday including 10 when their bus was hit the civil defence said",
"civil defence workers said", "one civil defence volunteer said", where the article
writes "the White Helmets" or "the Syrian Civil Defence" somewhere.

The guide gives names at their fullest as the article gives them, and an unnamed
member of a named organisation is that organisation.  "Civil defence" in war news is
the rescue service, a body of its own, so a phrase that is only "civil defence" (with
a determiner, a place or a word of its standing, "local", "pro-opposition", and at
most a noun of its members after it) stands for the body the article names whose name
or other names hold "civil defence" ("White Helmets", known as "Syria Civil Defence"):
the nearest before, else the first after.  When the article names none, the phrase
keeps its reading as an unnamed medical source (``kg.nlp.sources``).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from kg.extract.entities import nearest_mention
from kg.nlp.gazetteer import fold, load_gazetteer
from kg.nlp.lexicon import SERVICE_WORDS
from kg.records import PLACE_KINDS, EntityKind, EntityRef, Mention

# Nouns of the service's members or units that speak for it: "civil defence workers".
MEMBER_WORDS = frozenset(
    {"worker", "workers", "volunteer", "volunteers", "official", "officials", "source",
     "sources", "member", "members", "team", "teams", "personnel", "staff", "spokesman",
     "spokeswoman", "spokesperson", "rescuer", "rescuers", "service", "corps", "group"}
)  # fmt: skip
# Words that may come before the service's name in such a phrase.
LEADING_WORDS = frozenset(
    {"the", "a", "an", "one", "another", "local", "pro-opposition", "opposition", "syrian",
     "syria", "its", "their"}
)  # fmt: skip
SERVICE_LABELS = tuple(" ".join(pair) for pair in SERVICE_WORDS)


def named_service(span: Span, mentions: Sequence[Mention]) -> EntityRef | None:
    """The body the article names for a phrase that is only "civil defence" and words
    of its standing or members ("the civil defence", "local civil defense officials"),
    else None."""
    words = [t for t in span if not (t.is_space or t.is_punct)]
    at = next(
        (
            i
            for i in range(len(words) - 1)
            if (words[i].lower_, words[i + 1].lower_) in SERVICE_WORDS
        ),
        None,
    )
    if at is None or not all(_leading(t) for t in words[:at]):
        return None
    after = words[at + 2 :]
    if len(after) > 1 or any(t.lower_ not in MEMBER_WORDS for t in after):
        return None  # "civil defence official Leys al-Faris": the person speaks
    if span.end < len(span.doc) and _person_at(span.doc[span.end], mentions):
        return None  # "A local civil defence official | Leys al-Faris said": cut by the parse
    bodies = [m for m in mentions if _is_service(m.entity)]
    bodies = [m for m in bodies if m.entity.known] or bodies  # "White Helmets" first
    found = nearest_mention(bodies, span.start_char)
    return found.entity if found is not None else None


def _person_at(token: Token, mentions: Sequence[Mention]) -> bool:
    """Whether a person's name starts at the token."""
    return any(m.span.start == token.idx and EntityKind.PERSON in m.entity.kinds for m in mentions)


def _leading(token: Token) -> bool:
    """A word before "civil defence" that names no one else: a determiner, a word of
    its standing, a place ("Aleppo civil defence")."""
    return token.lower_ in LEADING_WORDS or token.ent_type_ in {"GPE", "LOC"}


def _is_service(ref: EntityRef) -> bool:
    """A body (no place, no person) whose name or other names hold "civil defence"."""
    if set(ref.kinds) & PLACE_KINDS or EntityKind.PERSON in ref.kinds:
        return False
    entry = load_gazetteer().get(ref.key) if ref.known else None
    labels = [ref.label, *(entry.alt_labels if entry else ())]
    return any(word in fold(label) for label in labels for word in SERVICE_LABELS)
