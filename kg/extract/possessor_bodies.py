"""A body named by its country's possessive: "Russia's military said", and, where FA-KES
lost the apostrophe, "Russias military said", "Turkeys military had determined",
"Israels army declined to comment", "Syrias army".

The country says whose body speaks: "Russia's military" is the Russian military, never
the Syrian army an earlier sentence named (the resolver of a bare "the military" would
take that one).  The body is the gazetteer's entry named with the country's adjective
("Russian military"), else the one the speaker phrase already resolved to when that is
of the same country, else a new name: the phrase as written, from the country on.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.nlp.gazetteer import fold, load_gazetteer
from kg.rdf.iris import slug
from kg.records import PLACE_KINDS, EntityKind, EntityRef

# Country (gazetteer key) → the adjective its bodies are named with.
ADJECTIVES = {
    "russia": "Russian",
    "syria": "Syrian",
    "turkey": "Turkish",
    "iran": "Iranian",
    "iraq": "Iraqi",
    "israel": "Israeli",
    "lebanon": "Lebanese",
    "jordan": "Jordanian",
    "united-states": "US",
    "united-kingdom": "British",
    "france": "French",
    "saudi-arabia": "Saudi",
    "qatar": "Qatari",
}
# Heads of a state body: "military", "army", "defence ministry", "air force".
BODY_HEADS = frozenset(
    {"military", "army", "forces", "force", "navy", "ministry", "government", "regime",
     "troops"}
)  # fmt: skip


def _country(token: Token) -> str | None:
    """The gazetteer key of a country in possessive: "Russia" before "'s", or a lost
    possessive "Russias", "Turkeys" (the country's name and an "s")."""
    gazetteer = load_gazetteer()
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    if following is not None and following.lower_ in {"'s", "’s"}:
        entry = gazetteer.get(token.ent_id_) if token.ent_id_ else gazetteer.lookup(token.text)
    elif token.text.endswith("s") and token.text[:1].isupper():
        entry = gazetteer.lookup(token.text[:-1])
    else:
        return None
    if entry is None or EntityKind.COUNTRY not in entry.kinds or entry.key not in ADJECTIVES:
        return None
    return entry.key


def of_its_country(doc: Doc, bounds: tuple[int, int], ref: EntityRef | None) -> EntityRef | None:
    """The body of the country whose possessive opens the speaker phrase; ``ref``
    itself when the phrase opens otherwise or ``ref`` is that country's."""
    words = [t for t in doc[bounds[0] : bounds[1]] if t.lower_ not in {"the", "'s", "’s"}]
    if len(words) < 2 or words[-1].lower_ not in BODY_HEADS:
        return ref
    if any(not t.is_alpha or (t.ent_id_ and t.i > words[0].i) for t in words[1:]):
        return ref  # "Russia's Defence Minister Sergei Shoigu", "Syria's state news agency SANA"
    country = _country(words[0])
    if country is None:
        return ref
    adjective = ADJECTIVES[country]
    rest = " ".join(t.text for t in words[1:])
    entry = load_gazetteer().lookup(f"{adjective} {rest}")
    if entry is not None and not entry.is_place:
        return EntityRef(entry.key, entry.label, entry.kinds, known=True, ner_label="ORG")
    if ref is not None and not set(ref.kinds) & PLACE_KINDS and _of(ref, country, adjective):
        return ref
    label = " ".join(doc[words[0].i : bounds[1]].text.split())
    return EntityRef(key=slug(label), label=label, kinds=(EntityKind.ACTOR,), ner_label="ORG")


def _of(ref: EntityRef, country: str, adjective: str) -> bool:
    """Whether a body's name says it is the country's ("Russian Aerospace Forces")."""
    name = fold(ref.label)
    country_name = fold(load_gazetteer().get(country).label)  # type: ignore[union-attr]
    return name.startswith(fold(adjective) + " ") or name.startswith(country_name)
