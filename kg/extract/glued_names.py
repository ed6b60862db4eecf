"""A person's name glued to the description after it, the comma lost: "… said Tarek a
police officer", "Rami an Aleppo resident said", "Manal a 28-year-old teacher living in
Midan said", "said Mahmoud al-Hassan a resident of the town".

Reporters name a witness by a given name and describe him: "Name, a 28-year-old
teacher, said".  FA-KES lost the commas, and the NER often misses a lone given name
or takes it for a body ("Tarek" ORG), so the phrase reads as one name ("Tarek a police
officer"), as a place inside it ("Midan"), or as no one.  Here, when the speaker
phrase opens on capitalised words and goes on with "a"/"an" and a description whose
head is a noun for a person ("officer", "resident", "teacher", "man"), the capitalised
words are the person who speaks (the NER's person when it tags those words, else a new
one); the description is no part of his name.  A place glued before a source ("…
Nusaybin a witness said") or a known body ("… Hezbollah a fighter said") is no
person; a body's name before an indefinite description ("The Local Coordination
Committees an activist network") is ``kg.extract.appositive_names``'s.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from kg.extract.entities import entity_key
from kg.nlp.gazetteer import load_gazetteer
from kg.nlp.sources import DESCRIPTION_HEADS, ROLE_NOUNS, UNNAMED_HEADS
from kg.records import PLACE_KINDS, EntityKind, EntityRef, Mention

INDEFINITE = frozenset({"a", "an"})
# Nouns for one person a description may end on: roles, witnesses, trades, kin.
PERSON_NOUNS = (
    ROLE_NOUNS
    | {w for w in UNNAMED_HEADS if not w.endswith("s") or w in {"witness", "eyewitness"}}
    | {"officer", "teacher", "man", "woman", "father", "mother", "farmer", "student",
       "nurse", "volunteer", "worker", "journalist", "survivor", "driver", "engineer",
       "lawyer", "pharmacist", "shopkeeper", "trader", "mechanic", "fighter", "rebel",
       "soldier", "policeman", "paramedic", "doctor", "rescuer", "photographer",
       "spokesman", "spokeswoman", "representative", "mayor", "cleric", "imam", "priest",
       "housewife", "widow", "grandfather", "grandmother", "son", "daughter", "brother",
       "sister", "neighbour", "neighbor", "vendor", "baker", "tailor", "businessman"}
)  # fmt: skip
# Lower-case words inside Arabic names: "Mahmoud al-Hassan", "Abu Omar", "bin Ali".
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "abdel", "abdul", "-"})


def person_before_description(span: Span, mentions: Sequence[Mention]) -> EntityRef | None:
    """The person the capitalised words opening the phrase name, when "a"/"an" and a
    description of a person follow them ("Tarek a police officer"), else None."""
    words = [t for t in span if not t.is_space]
    cut = next((i for i, t in enumerate(words) if t.lower_ in INDEFINITE), None)
    if not cut or not _describes_person(words[cut:]):
        return None
    name = words[:cut]
    if not _name_words(name):
        return None
    start, end = name[0].idx, name[-1].idx + len(name[-1].text)
    tagged = [m for m in mentions if (m.span.start, m.span.end) == (start, end)]
    person = next((m.entity for m in tagged if EntityKind.PERSON in m.entity.kinds), None)
    if person is not None:  # "said Hadi Abdullah a Syrian activist"
        return person
    label = " ".join(span.doc[name[0].i : name[-1].i + 1].text.split())
    entry = load_gazetteer().lookup(label)
    if any(set(m.entity.kinds) & PLACE_KINDS for m in tagged) or (entry and entry.is_place):
        return None  # "Nusaybin a witness said": a place glued before the source
    if any(m.entity.known for m in tagged) or (entry and EntityKind.PERSON not in entry.kinds):
        return None  # "… the town Hezbollah took a fighter said": a known body, no person
    return EntityRef(entity_key(label), label, (EntityKind.ACTOR, EntityKind.PERSON))


def _describes_person(words: list[Token]) -> bool:
    """ "a police officer", "a 28-year-old teacher living in Midan", "an Aleppo
    resident": the description's own head (before any preposition or clause) is a noun
    for one person, not a body ("an activist network")."""
    head = None
    for token in words[1:]:
        if token.pos_ in {"ADP", "VERB", "PRON", "SCONJ", "CCONJ"}:
            break
        if token.is_punct and token.text not in {"-", "‐"}:  # "28-year-old" goes on
            break
        if token.pos_ in {"NOUN", "PROPN"}:
            head = token
    if head is None:
        return False
    word = head.lower_
    return word in PERSON_NOUNS and word not in DESCRIPTION_HEADS


def _name_words(name: list[Token]) -> bool:
    """Capitalised words of a name, no determiner, place, date or common source word
    ("Tarek", "Mahmoud al-Hassan"; not "The Aleppo Media Center", "Activists")."""
    if not name or len(name) > 5 or not name[0].is_title or name[0].is_stop:
        return False
    if any(t.ent_type_ in {"GPE", "LOC", "DATE", "TIME", "NORP", "CARDINAL"} for t in name):
        return False
    if len(name) == 1 and name[0].lower_ in UNNAMED_HEADS | DESCRIPTION_HEADS.keys():
        return False
    return all(
        (t.is_title and t.is_alpha) or t.lower_ in NAME_PARTICLES or t.text == "-" for t in name
    )
