"""Entity mentions from ``doc.ents``: gazetteer entries, or new entities named by the NER.

Known entities come from the ``newskg_gazetteer`` ruler (``ent_id_`` = key) or from a
folded-name lookup in the gazetteer.  Other PERSON/ORG/GPE/LOC/FAC entities become new
entities keyed by their folded name, so one name is one node across articles:
"the Syrian Observatory" and "Syrian Observatory's" are both ``syrian-observatory``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

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
# A possessive whose apostrophe FA-KES lost: "ISISs statement", "SANAs reporter", "the
# Observatorys director" (a consonant before "ys" is never a plural: "armies").
_ACRONYM_S = re.compile(r"[A-Z]{2,}s")
_CONSONANT_YS = re.compile(r"[A-Z][a-z]*[b-df-hj-np-tv-xz]ys")


def mentions(doc: Doc, gazetteer: Gazetteer | None = None) -> Iterator[Mention]:
    """Every entity mention of ``doc`` worth a node, in text order."""
    gazetteer = gazetteer or load_gazetteer()
    found: list[Mention] = []
    for ent in doc.ents:
        ref = entity_ref(ent, gazetteer)
        if ref is None or glued_common_word(ent):
            continue
        start, end = trimmed_bounds(ent)
        if end <= start:
            continue
        found.append(Mention(ref, Span(start, end, text_of(doc)[start:end], "mention")))
    found.extend(_possessive_acronyms(doc, gazetteer))
    yield from sorted(found, key=lambda m: (m.span.start, m.span.end))


def glued_common_word(ent: SpacySpan) -> bool:
    """ "… in the nearby town of al-Bulel the Observatory said": where a comma was lost
    the NER may glue a place to "the" and a common word after it ("Observatory"), which
    names nothing itself; such a span is no one name ("Save the Children", "Omar the
    Chechen" end in words of their own)."""
    words = [t for t in ent if not t.is_space]
    inner = [t for t in words[1:-1] if t.lower_ == "the" and t.nbor(-1).pos_ == "PROPN"]
    if not inner:
        return False
    return fold(ent.doc[inner[-1].i + 1 : ent.end].text) in BOILERPLATE


def _possessive_acronyms(doc: Doc, gazetteer: Gazetteer) -> Iterator[Mention]:
    """ "ISISs statement said", "the Free Syrian Armys spokesman": a known name whose
    possessive lost its apostrophe, which the NER then misses, is a mention of its
    entity (the longest name, of up to four words, ending in the word)."""
    text = text_of(doc)
    for token in doc:
        if token.ent_type_ or not (
            _ACRONYM_S.fullmatch(token.text) or _CONSONANT_YS.fullmatch(token.text)
        ):
            continue
        for first in range(max(token.i - 3, 0), token.i + 1):
            if any(t.ent_type_ or not t.is_title for t in doc[first : token.i]):
                continue
            start, end = doc[first].idx, token.idx + len(token.text) - 1
            entry = gazetteer.lookup(text[start:end])
            if entry is not None and not entry.is_place:
                ref = EntityRef(entry.key, entry.label, entry.kinds, known=True, ner_label="ORG")
                yield Mention(ref, Span(start, end, text[start:end], "mention"))
                break


def entity_ref(ent: SpacySpan, gazetteer: Gazetteer) -> EntityRef | None:
    """The node an entity span names, or None for junk and unwanted labels."""
    entry = gazetteer.get(ent.ent_id_) if ent.ent_id_ else None
    if entry is None and ent.label_ in (*KINDS_BY_LABEL, "NORP"):
        entry = gazetteer.lookup(ent.text)
    stem = lost_possessive(clean_name(ent.text), gazetteer)
    if entry is None and stem is not None and ent.label_ in (*KINDS_BY_LABEL, "NORP"):
        entry = gazetteer.lookup(stem)
    if entry is not None:
        return EntityRef(entry.key, entry.label, entry.kinds, known=True, ner_label=ent.label_)
    kinds = KINDS_BY_LABEL.get(ent.label_)
    if kinds is None or is_junk(stem or ent.text):
        return None
    name = stem or clean_name(ent.text)
    if ent.label_ == "PERSON":
        name = name[title_length(name) :]
    return EntityRef(entity_key(name), name, kinds, known=False, ner_label=ent.label_)


def clean_name(text: str) -> str:
    """The display name of a new entity: no leading article, no possessive, one space."""
    name = re.sub(r"\s+", " ", text).strip()
    name = _LEADING.sub("", name)
    return _TRAILING_POSSESSIVE.sub("", name).strip(" -–,.;:")


# Titles the NER may take into a person's name: "Activist Ahed Sileybi", "Lt. Gen. X".
TITLES = re.compile(
    r"(?:(?:activist|journalist|doctor|dr|lt|lieutenant|gen|general|col|colonel|maj|major"
    r"|brig|brigadier|mr|mrs|ms)\b\.?\s*)+",
    re.IGNORECASE,
)


def title_length(name: str) -> int:
    """How many leading characters of a person's name are titles ("Lt. Gen. Mohammad
    al-Shaar" → 9), when a name follows them."""
    found = TITLES.match(name)
    if found is None or not name[found.end() :][:1].isupper():
        return 0
    return found.end()


def lost_possessive(name: str, gazetteer: Gazetteer | None = None) -> str | None:
    """The name of a possessive whose apostrophe was lost ("ISISs statement" → "ISIS",
    "the Observatorys director" → "Observatory"), else None.  An acronym plural ("NGOs",
    "SUVs") stays: an acronym counts only when the gazetteer knows it without the "s"."""
    words = name.split()
    if not words:
        return None
    last = words[-1]
    stem = " ".join([*words[:-1], last[:-1]])
    if _CONSONANT_YS.fullmatch(last):
        return stem
    if _ACRONYM_S.fullmatch(last) and (gazetteer or load_gazetteer()).lookup(stem) is not None:
        return stem
    return None


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
    if ent.label_ == "PERSON":
        start += title_length(text)
    if tail := _TRAILING_POSSESSIVE.search(text):
        end -= len(tail.group())
    elif lost_possessive(clean_name(text)) is not None:
        end -= 1  # "ISISs" → "ISIS"
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


def nearest_mention(found: Sequence[Mention], char: int) -> Mention | None:
    """The mention a description at ``char`` stands for: the nearest ending before it,
    else the first starting after it ("Air strikes kill 20: monitor" → the body's)."""
    before = [m for m in found if m.span.end <= char]
    if before:
        return before[-1]
    return next((m for m in found if m.span.start >= char), None)


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
