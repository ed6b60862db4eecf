"""A person named before his role, where the comma was lost and the NER missed him:
"Riad Hijab coordinator of the opposition HNC wrote", "Jens Laerke spokesman for the
UN humanitarian aid agency OCHA said", "Mohammad al-Shaar Syria's interior minister told
reporters".  The guide reads "people speaking for an organisation": the person is the
claimant and the body his role names is the first relay hop.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from kg.extract.entities import TITLES, entity_key
from kg.nlp.sources import DESCRIPTION_HEADS, MEMBER_NOUNS, ROLE_NOUNS, head_of
from kg.records import PLACE_KINDS, EntityKind, EntityRef, Mention

# Roles a named person speaks in, after his name.
SPEAKING_ROLES = ROLE_NOUNS | frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "correspondent", "reporter", "envoy"}
)
# Particles inside Arabic names ("Mohammad al-Shaar", "Abu Malik", "Rami Abdel Rahman").
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "abdel", "abdul", "-"})
# Words of a body's name, never of a person's ("State Department official").
BODY_WORDS = frozenset(
    {"ministry", "department", "council", "committee", "agency", "army", "forces", "front",
     "group", "network", "center", "centre", "coalition", "command", "organization",
     "organisation", "union", "office", "commission", "observatory", "media", "news",
     "state", "tv", "television", "government", "regime", "brigade", "brigades",
     "movement", "party", "authority", "police", "defence", "defense", "rights", "watch",
     "crescent", "cross", "nations", "international", "foundation", "institute", "service"}
)  # fmt: skip
# Portfolios a minister holds: "the interior minister" speaks for the interior ministry.
PORTFOLIOS = frozenset(
    {"interior", "foreign", "defence", "defense", "health", "information", "justice"}
)
# At most this many words between the name and the role ("Syria's interior minister").
ROLE_GAP = 4

Resolver = Callable[[str, int, Sequence[Mention]], EntityRef | None]


def name_before_role(
    span: SpacySpan, mentions: Sequence[Mention], resolve: Resolver
) -> tuple[EntityRef, list[EntityRef]] | None:
    """The person a speaker phrase opens with, before his role (or after a title alone:
    "Activist Ahed Sileybi"), and the body the role names (``resolve`` finds the body a
    description such as "the monitor" stands for); None when the phrase does not read
    so, or when the NER found the person and the role is no member noun (the usual
    reading of persons handles "Hamza al-Khatib director of the Observatory")."""
    doc = span.doc
    head = head_of(span)
    if head.lower_ not in MEMBER_NOUNS and any(
        m.span.start < span.end_char
        and span.start_char < m.span.end
        and EntityKind.PERSON in m.entity.kinds
        for m in mentions
    ):
        return None
    first = span.start
    while first < span.end - 1 and (
        TITLES.fullmatch(doc[first].text_with_ws) or doc[first].text == "."
    ):
        first += 1  # "Lt. Gen. Mohammad al-Shaar": the titles are no part of the name
    end = first
    while end < span.end:
        if end > first and end + 2 < span.end and _family_name(doc[end : end + 3]):
            end += 3  # "Mohammad al-Shaar": a family name, even one a place also bears
        elif _name_word(doc[end], mentions):
            end += 1
        else:
            break
    words = [t for t in doc[first:end] if t.lower_ not in NAME_PARTICLES]
    if not 2 <= len(words) <= 4 or words[-1].pos_ != "PROPN" or words[-1].i != end - 1:
        return None  # "Anas Hijab" (the tagger may take a first name for a noun)
    if first > span.start and end == span.end:  # "Activist Ahed Sileybi said": no role after
        return _person(doc[first:end]), []
    role = next(
        (t for t in span.doc[end : min(end + ROLE_GAP + 1, span.end)]
         if t.lower_ in SPEAKING_ROLES),
        None,
    )  # fmt: skip
    if role is None or (role.i + 1 < span.end and span.doc[role.i + 1].pos_ == "PROPN"):
        return None  # "… director Rami Abdel Rahman": the person comes after the role
    name = doc[first:end]
    body = _body(span, name, role, mentions, resolve)
    return _person(name), [body] if body is not None else []


def _person(name: SpacySpan) -> EntityRef:
    label = "".join(t.text_with_ws for t in name).strip().replace(" - ", "-")
    kinds = (EntityKind.ACTOR, EntityKind.PERSON)
    return EntityRef(key=entity_key(label), label=label, kinds=kinds)


def _name_word(token: Token, mentions: Sequence[Mention]) -> bool:
    """A word of a person's name: a capitalised word no place, nation or known body
    claims, or a particle ("al", "-", "Abu")."""
    if token.lower_ in NAME_PARTICLES:
        return token.lower_ != "-" or not token.whitespace_
    if token.pos_ not in {"PROPN", "NOUN"} or not token.is_title or not token.is_alpha:
        return False
    if token.ent_type_ in {"GPE", "LOC", "NORP", "DATE", "TIME"} or token.lower_ in BODY_WORDS:
        return False
    at = token.idx
    return not any(
        m.span.start <= at < m.span.end and (m.entity.known or m.entity.ner_label in {"GPE", "LOC"})
        for m in mentions
        if EntityKind.PERSON not in m.entity.kinds
    )  # an unknown "site" may be a name the NER misread: "Mohammad al-Shaar"


def _family_name(words: SpacySpan) -> bool:
    """ "al-Shaar", "el-Sayed": a particle glued to a capitalised word."""
    particle, dash, word = words
    return (
        particle.lower_ in {"al", "el"}
        and dash.text == "-"
        and not particle.whitespace_
        and not dash.whitespace_
        and word.is_title
        and word.is_alpha
    )


def _body(
    span: SpacySpan,
    name: SpacySpan,
    role: Token,
    mentions: Sequence[Mention],
    resolve: Resolver,
) -> EntityRef | None:
    """The body a role names: a name after the person ("coordinator of the opposition
    HNC"; the one the role's preposition governs), a description of a named source ("the
    monitor group"), or a minister's portfolio ("interior minister")."""
    bodies = [
        m
        for m in mentions
        if name.end_char <= m.span.start
        and m.span.end <= span.end_char
        and EntityKind.PERSON not in m.entity.kinds
        and not set(m.entity.kinds) & PLACE_KINDS
    ]
    objects = [o for p in role.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    for obj in objects:
        governed = [m for m in bodies if m.span.start <= obj.idx < m.span.end]
        if governed:
            return governed[0].entity
    if bodies:
        return bodies[-1].entity
    for token in span.doc[name.end : span.end]:
        word = token.lower_ if token.lower_ in DESCRIPTION_HEADS else token.lemma_.lower()
        if word in DESCRIPTION_HEADS and token.tag_ != "NNS" and token.i != role.i:
            return resolve(word, span.start_char, mentions)
    portfolio = span.doc[role.i - 1] if role.i > name.end else None
    if role.lower_ == "minister" and portfolio is not None and portfolio.lower_ in PORTFOLIOS:
        label = f"{portfolio.lower_.title()} Ministry"
        return EntityRef(key=entity_key(label), label=label, kinds=(EntityKind.ACTOR,))
    return None
