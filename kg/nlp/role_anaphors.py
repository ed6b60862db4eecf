"""A role noun that points back at a person named with it before.

"Defense Minister Ali Hassan said on Monday … The minister added that 30 militants were
killed", "… Col. Gen. Sergei Rudskoi said … The general reiterated that …": "the
minister", "the general" is the nearest earlier speaker (else the nearest earlier
person) the article named with that title, abbreviations included ("Gen.", "Col.").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

# Titles and posts a person is named with, and what an abbreviated title stands for.
ROLE_TITLES = frozenset(
    {"general", "colonel", "major", "lieutenant", "brigadier", "commander", "minister",
     "spokesman", "spokeswoman", "spokesperson", "governor", "envoy", "ambassador",
     "director", "president", "secretary", "chief", "chairman", "mayor", "doctor",
     "official", "prosecutor", "senator"}
)  # fmt: skip
ABBREVIATIONS = {
    "gen.": "general",
    "gen": "general",
    "col.": "colonel",
    "col": "colonel",
    "maj.": "major",
    "lt.": "lieutenant",
    "brig.": "brigadier",
    "dr.": "doctor",
    "dr": "doctor",
    "sec.": "secretary",
}
# Posts a person holds in a body named with them: "the PYD spokesman", "the head of …".
BODY_ROLES = ROLE_TITLES | {"head", "founder", "leader", "coordinator"}
# How far before a person's name the title may stand ("Russian Defense Minister Sergei Shoigu").
TITLE_REACH = 5


def role_of(span: Span) -> str | None:
    """ "the general", "The minister": the title a bare definite role noun names."""
    words = [t for t in span if not t.is_punct]
    if len(words) != 2 or words[0].lower_ not in {"the", "this"}:
        return None
    role = words[1].lower_
    return role if role in ROLE_TITLES and words[1].pos_ == "NOUN" else None


def body_role_of(span: Span) -> tuple[str, list[str]] | None:
    """ "the PYD spokesman", "the head of the Syrian Observatory": a definite role noun
    with the body it holds the post in, by name ("PYD", "Syrian Observatory"); the role
    and the body's words, else None."""
    words = [t for t in span if not t.is_punct and t.lower_ not in {"'s", "’s"}]
    if len(words) < 3 or words[0].lower_ != "the":
        return None
    roles = [i for i, t in enumerate(words) if t.lower_ in BODY_ROLES and t.pos_ == "NOUN"]
    if not roles:
        return None
    at = roles[0]
    before, after = words[1:at], words[at + 1 :]
    if after:  # "the head of the Syrian Observatory"
        if before or after[0].lower_ != "of":
            return None
        after = [t for t in after[1:] if t.lower_ != "the"]
    body = before + after
    if not body or not all(t.pos_ == "PROPN" for t in body):
        return None  # "the military spokesperson": no body named
    return words[at].lower_, [t.text for t in body]


def _title(token: Token) -> str:
    word = token.lower_
    return ABBREVIATIONS.get(word, word)


def _titled_person(doc: Doc, bounds: tuple[int, int], role: str) -> bool:
    """Whether the phrase names a person and gives them the title ("Col. Gen. Sergei
    Rudskoi", "Defense Minister Ali Hassan")."""
    phrase = doc[bounds[0] : bounds[1]]
    return any(t.ent_type_ == "PERSON" for t in phrase) and any(_title(t) == role for t in phrase)


def role_holder(
    doc: Doc, span: Span, speakers: Sequence[tuple[int, int]]
) -> tuple[int, int] | None:
    """The earlier speaker (nearest first) or, failing one, the earlier person the title
    of "the minister" / "the general" belongs to; None when no one named before has it."""
    role = role_of(span)
    if role is None:
        return _body_role_holder(doc, span, speakers)
    for bounds in reversed(speakers):
        if bounds[1] <= span.start and _titled_person(doc, bounds, role):
            return bounds
    for ent in reversed([e for e in doc.ents if e.end <= span.start]):
        if ent.label_ != "PERSON":
            continue
        for token in doc[max(0, ent.start - TITLE_REACH) : ent.start]:
            if _title(token) == role and token.sent == ent.sent:
                return (token.i, ent.end)
    return None


def _body_role_holder(
    doc: Doc, span: Span, speakers: Sequence[tuple[int, int]]
) -> tuple[int, int] | None:
    """ "the PYD spokesman said" after "PYD spokesman Nawaf Khalil said", "the head of
    the Syrian Observatory said" after "said Rami Abdel Rahman head of the Syrian
    Observatory for Human Rights": the nearest earlier speaker named as a person with
    that post and that body's words."""
    found = body_role_of(span)
    if found is None:
        return None
    role, body = found
    for bounds in reversed(speakers):
        if bounds[1] > span.start:
            continue
        phrase = doc[bounds[0] : bounds[1]]
        words = {t.text for t in phrase}
        if (
            any(t.ent_type_ == "PERSON" for t in phrase)
            and any(_title(t) == role for t in phrase)
            and all(word in words for word in body)
        ):
            return bounds
    return None
