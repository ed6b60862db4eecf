"""A speaker named by surname alone whose full name the article gave before, where the
NER missed that full name: "In a letter sent by President of the Syrian Coalition Anas
Abdah … Abdah noted that … killed more than 670" → "Anas Abdah"; "UN human rights chief
Navi Pillay … Pillay said".

The guide gives names at their fullest, as the article gives them.  When the NER tags
the full name, ``kg.extract.speakers`` already finds it (a mention); this reads the text
instead: the surname written earlier right after a capitalised given name — a proper
noun of no entity but a person, no role or title ("President", "Minister"), no common
source word — is that person.  Acronyms ("WHO") and common words ("the Observatory") are
never a surname.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.entities import entity_key
from kg.nlp.sources import DESCRIPTION_HEADS, MEMBER_NOUNS, ROLE_NOUNS, UNNAMED_HEADS
from kg.records import EntityKind, EntityRef

# Words before a surname that are a title, never a given name: "Minister Fabius".
TITLE_WORDS = frozenset(
    {"mr", "mrs", "ms", "dr", "president", "minister", "general", "colonel", "secretary",
     "chief", "envoy", "sheikh", "king", "prince", "premier", "senator", "ambassador"}
)  # fmt: skip
NOT_SURNAMES = ROLE_NOUNS | MEMBER_NOUNS | DESCRIPTION_HEADS.keys() | UNNAMED_HEADS.keys()


def full_name_before(doc: Doc, bounds: tuple[int, int], ref: EntityRef | None) -> EntityRef | None:
    """The speaker ``ref`` read for the phrase at ``bounds``, or, when it is a bare
    surname ("Abdah noted …"), the person the article named in full before ("Anas
    Abdah")."""
    if ref is None or ref.known or " " in ref.label or not _surname_like(ref.label):
        return ref
    if set(ref.kinds) - {EntityKind.ACTOR, EntityKind.PERSON} or ref.ner_label == "ORG":
        return ref  # "Ahrar said" after "Harakat Ahrar": a body's short name, not a surname
    for token in doc[: bounds[0]]:
        if token.text != ref.label or token.i == 0:
            continue
        given = doc[token.i - 1]
        if _given_name(given, token):
            label = f"{given.text} {token.text}"
            return EntityRef(entity_key(label), label, (EntityKind.ACTOR, EntityKind.PERSON))
    return ref


def _surname_like(word: str) -> bool:
    """A capitalised word that is no acronym and no common word for a source."""
    return word[:1].isupper() and not word.isupper() and word.lower() not in NOT_SURNAMES


def _given_name(token: Token, surname: Token) -> bool:
    """A given name before a surname: a capitalised proper noun of no other entity (the
    NER may tag the two words alone as one, "Muwaffaq Nyrabia" ORG), no title and no
    sentence-opening or stop word ("The Syrian Institute")."""
    doc = token.doc
    whole = (  # the entity is the two words and no more
        token.ent_iob_ == "B"
        and surname.ent_iob_ == "I"
        and (surname.i + 1 == len(doc) or doc[surname.i + 1].ent_iob_ != "I")
    )
    return (
        token.is_title
        and token.pos_ == "PROPN"
        and not token.is_stop
        and (token.ent_type_ in {"", "PERSON"} or whole)
        and token.lower_ not in TITLE_WORDS | NOT_SURNAMES
        and not token.is_sent_start
    )
