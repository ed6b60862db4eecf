"""Entity mentions from ``doc.ents``: gazetteer entries, or new entities named by the NER.

Known entities come from the ``newskg_gazetteer`` ruler (``ent_id_`` = key) or from a
folded-name lookup in the gazetteer.  Other PERSON/ORG/GPE/LOC/FAC entities become new
entities keyed by their folded name, so one name is one node across articles:
"the Syrian Observatory" and "Syrian Observatory's" are both ``syrian-observatory``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from kg.nlp import text_of
from kg.nlp.gazetteer import Gazetteer, fold, load_gazetteer
from kg.rdf.iris import slug
from kg.records import PLACE_KINDS, EntityKind, EntityRef, Mention, Span

KINDS_BY_LABEL: dict[str, tuple[EntityKind, ...]] = {
    "PERSON": (EntityKind.ACTOR, EntityKind.PERSON),
    "ORG": (EntityKind.ACTOR, EntityKind.ORGANIZATION),
    "GPE": (EntityKind.PLACE,),
    "LOC": (EntityKind.PLACE,),
    "FAC": (EntityKind.PLACE,),
}
# Words that are page furniture or generic nouns, never a named entity on their own.
BOILERPLATE = {
    "comment",
    "facebook",
    "twitter",
    "youtube",
    "instagram",
    "telegram",
    "subscribe",
    "share",
    "email",
    "print",
    "photo",
    "video",
    "copyright",
    "disclaimer",
    "reuters staff",
    "related news",
    "read more",
    "tags",
    "gmt",
    "army",
    "state",
    "eastern",
    "western",
    "northern",
    "southern",
    "west",
    "east",
    "north",
    "south",
    "episode",
    "writing",
    "barrel",
    "takfiri",
    "civilians",
    "mosques",
    "observatory",
    "coalition",
    "ministry",
    "government",
    "regime",
    "media",
    "news",
    "agency",
    "police",
    "forces",
}
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_TRAILING_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


def mentions(doc: Doc, gazetteer: Gazetteer | None = None) -> Iterator[Mention]:
    """Every entity mention of ``doc`` worth a node, in text order."""
    gazetteer = gazetteer or load_gazetteer()
    for ent in doc.ents:
        ref = entity_ref(ent, gazetteer)
        if ref is None:
            continue
        start, end = trimmed_bounds(ent)
        if end <= start:
            continue
        yield Mention(ref, Span(start, end, text_of(doc)[start:end], "mention"))


def entity_ref(ent: SpacySpan, gazetteer: Gazetteer) -> EntityRef | None:
    """The node an entity span names, or None for junk and unwanted labels."""
    entry = gazetteer.get(ent.ent_id_) if ent.ent_id_ else None
    if entry is None and ent.label_ in (*KINDS_BY_LABEL, "NORP"):
        entry = gazetteer.lookup(ent.text)
    if entry is not None:
        return EntityRef(entry.key, entry.label, entry.kinds, known=True, ner_label=ent.label_)
    kinds = KINDS_BY_LABEL.get(ent.label_)
    if kinds is None or is_junk(ent.text):
        return None
    name = clean_name(ent.text)
    return EntityRef(entity_key(name), name, kinds, known=False, ner_label=ent.label_)


def clean_name(text: str) -> str:
    """The display name of a new entity: no leading article, no possessive, one space."""
    name = re.sub(r"\s+", " ", text).strip()
    name = _LEADING.sub("", name)
    return _TRAILING_POSSESSIVE.sub("", name).strip(" -–,.;:")


def entity_key(name: str) -> str:
    """The key of a new entity: its folded name as a slug."""
    return slug(fold(name))


# Words of events, never of names: a new entity holding one is a misread headline
# ("Escalating Bombardment", "New Terrorist Mortar Shell Attacks").
EVENT_WORDS = frozenset(
    {"attack", "attacks", "bombardment", "bombardments", "shelling", "airstrike", "airstrikes",
     "strikes", "raids", "bombing", "bombings", "blast", "explosion", "massacre", "ambush",
     "clashes", "killed", "kills", "injured", "wounded"}
)  # fmt: skip


def is_junk(text: str) -> bool:
    """Numbers, dates, one letter, lowercase-only words, page furniture."""
    name = clean_name(text)
    letters = [ch for ch in name if ch.isalpha()]
    if len(letters) < 2 or not any(ch.isupper() for ch in letters):
        return True
    if sum(ch.isdigit() for ch in name) > len(letters):
        return True
    if any(word in EVENT_WORDS for word in fold(name).split()):
        return True  # a title-case headline read as a name: "Missile Attack Northwest"
    return fold(name) in BOILERPLATE or len(fold(name)) < 2


def trimmed_bounds(ent: SpacySpan) -> tuple[int, int]:
    """Character bounds of ``ent`` without a leading "the" or a trailing possessive."""
    text = ent.text
    start, end = ent.start_char, ent.end_char
    if (lead := _LEADING.match(text)) and ent.label_ != "PERSON":
        start += lead.end()
    if tail := _TRAILING_POSSESSIVE.search(text):
        end -= len(tail.group())
    return start, end


def mention_at(found: Iterable[Mention], start: int, end: int) -> Mention | None:
    """The mention inside ``[start, end)``, else the one overlapping it most (ties: first)."""
    best: Mention | None = None
    best_overlap = 0
    for mention in found:
        span = mention.span
        if start <= span.start and span.end <= end:
            return mention
        overlap = min(end, span.end) - max(start, span.start)
        if overlap > best_overlap:
            best, best_overlap = mention, overlap
    return best


def mentions_in(found: Iterable[Mention], start: int, end: int) -> list[Mention]:
    """Mentions lying wholly inside ``[start, end)``, in text order."""
    return [m for m in found if start <= m.span.start and m.span.end <= end]


# --- what a mention names ------------------------------------------------------------

PLACE_NER = frozenset({"GPE", "LOC", "FAC"})


def is_place(mention: Mention) -> bool:
    """A mention of a place: typed so by the gazetteer, or a GPE/LOC/FAC of the NER."""
    kinds = set(mention.entity.kinds)
    if kinds & PLACE_KINDS:
        return True
    return not mention.entity.known and mention.entity.ner_label in PLACE_NER


def is_based(text: str, mention: Mention) -> bool:
    """ "Britain" in "Britain-based monitor" is not where anything happened."""
    end = mention.span.end
    return text[end : end + 6].lower() == "-based"


def is_actor(mention: Mention) -> bool:
    """A mention of someone who can act (not a place)."""
    if is_place(mention):
        return EntityKind.COUNTRY in mention.entity.kinds  # states act: "Russia bombed"
    return True
