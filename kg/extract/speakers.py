"""Who a speaker phrase is: an unnamed source, a person and the body he speaks for, a
named body, a description of the source the article names, or no source at all.

``speaker_ref`` resolves, in this order:

* an unnamed source ("a military source", "local activists", "medical sources",
  "residents", "state media") → an ``UnnamedSource`` ref keyed by its kind
  (``unnamed-military`` …; the RDF stage makes it one node per article and kind);
* a person ("its director Rami Abdel Rahman", "Observatory head Rami Abdel Rahman")
  → the person, and the organisation the phrase names or describes (else the one the
  gazetteer's ``schema:memberOf`` gives, when the article names it) becomes the first
  relay hop, as the reference guide reads "people speaking for an organisation";
* someone speaking for a named organisation ("a Pentagon spokesman", "a source at
  Aleppo Police Command", "an AFP photographer") → the organisation; "a source at
  Aleppo province" → the province's authorities (an actor labelled "Aleppo province");
* an entity mention covering the phrase's head → that entity ("Moscow said" → Russia;
  another place says nothing: a claimant is an actor);
* a description ("the Britain-based monitor", "the monitoring group", "the war
  monitor", "the Observatory", "the agency") → the source of that sort the article
  names, nearest before, else first after; "a monitor" no article names → unnamed
  (activist);
* otherwise a new entity keyed by the folded phrase when it holds a name; a nameless
  description of a speaker ("a military spokesperson") is unnamed; an event, a count or
  a common word ("the tank-backed assault", "2,000 people", "the claim") is no claimant.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from pyoxigraph import RdfFormat, parse
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kg.extract.entities import nearest_mention
from kg.extract.person_bodies import earlier_body
from kg.extract.referents import named_before
from kg.extract.role_bodies import described_body, person_after_role
from kg.extract.roles import name_before_role
from kg.extract.source_names import fuller_name, source_read
from kg.extract.spellings import known_spelling
from kg.extract.unnamed_words import source_words
from kg.nlp.gazetteer import DEFAULT_BASE_IRI, GAZETTEER_PATH, fold, load_gazetteer
from kg.nlp.sources import (
    ACTIVIST,
    DESCRIPTION_HEADS,
    MEMBER_NOUNS,
    ROLE_NOUNS,
    description_head,
    description_kind,
    head_of,
    unnamed_kind,
)
from kg.rdf.iris import slug
from kg.records import (
    PLACE_KINDS,
    EntityKind,
    EntityRef,
    Mention,
    unnamed_ref,
)

FOLD_DROP_LEADING = frozenset(
    {"the", "a", "an", "its", "his", "her", "their", "this", "that", "these", "those",
     "several", "some", "other", "so-called", "aforementioned", "one", "many"}
)  # fmt: skip
FOLD_DROP_TRAILING = frozenset(
    {"statement", "statements", "report", "reports", "communique", "announcement", "release"}
)
# Words that make a phrase no source: events, counted things, common nouns.
NOT_SOURCE_WORDS = frozenset(
    {"attack", "attacks", "strike", "strikes", "airstrike", "airstrikes", "raid", "raids",
     "bombing", "bombings", "bomb", "explosion", "blast", "shelling", "shells", "massacre",
     "claim", "claims", "civilians", "people", "others", "children", "women", "fighters",
     "rebels", "soldiers", "toll", "deaths", "victims", "casualties", "bodies", "group",
     "monday", "tuesday", "wednesday", "thursday", "friday",
     "saturday", "sunday", "missile", "missiles", "rocket", "rockets", "mortar", "mortars",
     "jets", "warplanes", "aircraft", "helicopters", "drones", "planes", "weapons"}
)  # fmt: skip
# Capitals that speak for their state ("Moscow said", "Ankara says"): capital → country.
CAPITALS: dict[str, str] = {
    "moscow": "russia", "damascus": "syria", "ankara": "turkey", "washington": "united-states",
    "tehran": "iran", "beirut": "lebanon", "baghdad": "iraq", "amman": "jordan",
    "riyadh": "saudi-arabia", "doha": "qatar", "paris": "france", "london": "united-kingdom",
    "cairo": "egypt", "tel-aviv": "israel",
}  # fmt: skip
# Event nouns anywhere in a phrase make it an event, not a source.
EVENT_WORDS = frozenset(
    {"attack", "attacks", "strike", "strikes", "airstrike", "airstrikes", "raid", "raids",
     "bombing", "bombings", "explosion", "explosions", "blast", "blasts", "shelling",
     "offensive", "offensives", "assault", "assaults", "massacre", "ambush", "clashes",
     "bombardment"}
)  # fmt: skip
# Nouns an outlet's name comes with ("SANA news agency", "the Al-Watan daily").
OUTLET_NOUNS = frozenset(
    {
        "agency",
        "television",
        "tv",
        "channel",
        "newspaper",
        "daily",
        "network",
        "website",
        "radio",
        "station",
        "broadcaster",
    }
)
# Words setting plural monitors apart from the one the article names.
OTHER_WORDS = frozenset({"independent", "other", "international", "several", "various"})
MEMBER_OF = "https://schema.org/memberOf"


def speaker_ref(
    doc: Doc, bounds: tuple[int, int], mentions: Sequence[Mention]
) -> tuple[EntityRef | None, list[EntityRef]]:
    """The source a speaker phrase names, and the organisation it speaks for when that
    is a relay hop (a named person's organisation); see the module docstring.  A known
    source under a misspelt name is the known one ("the Syrian Obervatory …")."""
    ref, via = _speaker_ref(doc, bounds, mentions)
    ref = fuller_name(doc, bounds, known_spelling(ref), mentions)  # kg.extract.source_names
    return ref, [known_spelling(v) or v for v in via]


def _speaker_ref(
    doc: Doc, bounds: tuple[int, int], mentions: Sequence[Mention]
) -> tuple[EntityRef | None, list[EntityRef]]:
    span = doc[bounds[0] : bounds[1]]
    start, end = span.start_char, span.end_char
    head = head_of(span)
    mentions = [m for m in mentions if not bare_description(m)]  # "… in east Syria Monitor"
    if read := source_read(span, mentions, resolve_description, compatible, speaker_ref):
        return read  # "… Damascus the Syrian Observatory for Human Rights monitor said"
    if role_read := name_before_role(span, mentions, resolve_description):
        return role_read  # "Riad Hijab coordinator of the opposition HNC wrote"
    if head.lower_ in MEMBER_NOUNS and (body := _body_named_after(head, span, mentions)):
        return body, []  # "a source at Aleppo Police Command", "… at Aleppo province"
    if cut := person_after_role(span, mentions):  # "official | Leys al-Faris said"
        return _fuller_person(cut, mentions), [b] if (b := described_body(doc, cut)) else []
    identified = _identified_as(head, mentions)
    if identified is not None:  # "an opposition activist identified as Abu Omar al-Golani"
        return identified.entity, []
    kind = unnamed_kind(span)
    if kind is not None:
        return unnamed_ref(kind, _words(source_words(span))), []
    overlapping = [m for m in mentions if m.span.start < end and start < m.span.end]
    named = [
        m
        for m in overlapping
        if not (set(m.entity.kinds) & PLACE_KINDS)
        and m.entity.ner_label not in {"NORP", "GPE", "LOC", "FAC"}
        and start <= m.span.start
        and m.span.end <= end
    ]
    head_start, head_end = head.idx, head.idx + len(head.text)
    covering = next(
        (m for m in overlapping if m.span.start <= head_start and head_end <= m.span.end), None
    )
    if (covering is None or EntityKind.PERSON not in covering.entity.kinds) and (
        head.lower_ in ROLE_NOUNS
    ):  # "Rami Abdel Rahman director of the Syrian Observatory …": the person speaks
        covering = next((m for m in named if EntityKind.PERSON in m.entity.kinds), covering)
    if covering is not None and EntityKind.PERSON in covering.entity.kinds:
        person = _fuller_person(covering, mentions)
        via = _organisation_of(doc, span, covering, named, mentions)
        if not via and person is not covering.entity:
            fuller = next((m for m in mentions if m.entity.key == person.key), None)
            body = _role_body(doc, fuller, mentions) if fuller is not None else None
            via = [body] if body is not None else _member_body(person, mentions)
            return person, via or earlier_body(doc, person, start, mentions, speaker_ref)
        member_of = members().get(covering.entity.key)
        if not via and member_of and any(m.entity.key == member_of for m in mentions):
            via = [next(m.entity for m in mentions if m.entity.key == member_of)]
        if not via and (described := described_body(doc, covering)):
            via = [described]  # "local civil defense official Leys al-Faris"
        if not via:  # "Later Xelil said …" after "Xelil, a spokesman for the YPG, said …"
            via = earlier_body(doc, covering.entity, start, mentions, speaker_ref)
        return covering.entity, via
    if head.lower_ in MEMBER_NOUNS or head.lemma_.lower() in MEMBER_NOUNS:
        bodies = [m for m in named if EntityKind.PERSON not in m.entity.kinds]
        if bodies:  # "a Pentagon spokesman", "an AFP photographer"
            return max(bodies, key=lambda m: (m.entity.known, m.span.end - m.span.start)).entity, []
        body = (
            _body_named_after(head, span, mentions)
            or _body_described_after(head, span, mentions)
            or _outlet_of_reporter(head, span, mentions)
        )
        if body is not None:  # "a source at Aleppo Police Command", "… for the ministry"
            return body, []
    if covering is not None:
        return _actor_or_none(covering.entity), []
    described = description_head(span)
    if described in {"monitor", "observatory", "watchdog"} and _other_monitors(head):
        return unnamed_ref(ACTIVIST, _words(span)), []  # "independent monitors": no one named
    if described is not None:
        found = named_before(span, described, mentions, _compatible_one, bare_description)
        found = found or resolve_description(described, start, mentions)  # "the group said"
        found = found or _named_description(doc, described)
        if found is not None:
            return found, []
        if described in {"monitor", "observatory", "watchdog"} and not head.is_title:
            # "a monitor", "the Britain-based group" no article names
            return unnamed_ref(ACTIVIST, _words(span)), []  # "a monitor", none named
    if named and not _head_is_common_noun_after(head, named):
        return max(named, key=lambda m: (m.entity.known, m.span.end - m.span.start)).entity, []
    surname = _earlier_person(span, mentions)
    if surname is not None:  # "… in Al-Atareb Fahd said" after "Abdul Ilah al-Fahd"
        return surname, ([body] if (body := _role_body(doc, _first(surname, mentions),
                                                         mentions)) else [])  # fmt: skip
    folded = _folded(span)
    if _not_a_source(folded.label):
        return None, []
    if head.lemma_.lower() == "ministry" and len(folded.label.split()) > 1:
        label = folded.label.title()  # "the interior ministry": named by its portfolio
        return EntityRef(key=slug(label), label=label, kinds=(EntityKind.ACTOR,)), []
    if folded.label == folded.label.lower():  # no name: a description nothing resolves
        kind = description_kind(span)
        return (unnamed_ref(kind, _words(span)) if kind else None), []
    return folded, []


def _other_monitors(head: Token) -> bool:
    """ "independent monitors", "other monitors": monitors set apart from any one the
    article names (plain "monitors" may still mean the named one)."""
    return head.tag_ == "NNS" and any(
        c.dep_ == "amod" and c.lower_ in OTHER_WORDS for c in head.children
    )


def _identified_as(head: object, mentions: Sequence[Mention]) -> Mention | None:
    """ "an opposition activist identified as Abu Omar al-Golani", "a commander named
    Abu Ali": the person a described speaker is then named as."""
    for acl in getattr(head, "children", ()):
        if acl.dep_ != "acl" or acl.lemma_.lower() not in {"identify", "name", "call"}:
            continue
        words = list(acl.subtree)
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        for mention in mentions:
            if EntityKind.PERSON in mention.entity.kinds and (
                start <= mention.span.start and mention.span.end <= end
            ):
                return mention
    return None


def _fuller_person(person: Mention, mentions: Sequence[Mention]) -> EntityRef:
    """ "Abu Hussein told AFP" after "Ahmed Abu Hussein", "Fahd said" after "Abdul Ilah
    al-Fahd": a person named by the end of a fuller name the article gave before is that
    person."""
    words = _name_words(person.entity.label)
    if not words:
        return person.entity
    for mention in mentions:
        if mention.span.start >= person.span.start:
            break
        fuller = mention.entity
        if EntityKind.PERSON in fuller.kinds and _ends_with(fuller.label, words):
            return fuller
    return person.entity


def _earlier_person(span: SpacySpan, mentions: Sequence[Mention]) -> EntityRef | None:
    """A name no mention covers whose last words end a person's fuller name the article
    gave before ("Fahd" after "Abdul Ilah al-Fahd"); a place glued before it is dropped."""
    words = [t for t in span if t.pos_ == "PROPN" and t.ent_type_ not in {"GPE", "LOC", "FAC"}]
    if not words or words[-1].i != span.end - 1:
        return None
    tail = _name_words(" ".join(t.text for t in words))
    for mention in mentions:
        if mention.span.start >= span.start_char:
            break
        if EntityKind.PERSON in mention.entity.kinds and _ends_with(mention.entity.label, tail):
            return mention.entity
    return None


def _first(ref: EntityRef, mentions: Sequence[Mention]) -> Mention:
    return next(m for m in mentions if m.entity.key == ref.key)


def _name_words(label: str) -> list[str]:
    return [w.removeprefix("al-") for w in fold(label).replace("-", " - ").split() if w != "-"]


def _ends_with(label: str, words: list[str]) -> bool:
    """Whether a fuller name ends with these words ("Abdul Ilah al-Fahd" ← "Fahd")."""
    full = _name_words(label)
    return len(full) > len(words) and full[-len(words) :] == words


def _member_body(person: EntityRef, mentions: Sequence[Mention]) -> list[EntityRef]:
    """The organisation the gazetteer says a person speaks for, when the article names it."""
    body = members().get(person.key)
    return (
        [next(m.entity for m in mentions if m.entity.key == body)]
        if body and any(m.entity.key == body for m in mentions)
        else []
    )


def _actor_or_none(ref: EntityRef) -> EntityRef | None:
    """A claimant is an actor: "Moscow said" is Russia; another place says nothing."""
    if EntityKind.ACTOR in ref.kinds or not set(ref.kinds) & PLACE_KINDS:
        return ref
    country = CAPITALS.get(ref.key)
    entry = load_gazetteer().get(country) if country else None
    if entry is None:
        return None
    return EntityRef(entry.key, entry.label, entry.kinds, known=True, ner_label="GPE")


def _body_named_after(
    head: object, span: SpacySpan, mentions: Sequence[Mention] = ()
) -> EntityRef | None:
    """ "a source at Aleppo Police Command", "a spokesman for the Interior Ministry": the
    body a member noun's "at/for/of/from/in" names, when that holds a name of no place."""
    preps = list(getattr(head, "children", ()))
    after = getattr(head, "i", -1) + 1
    if span.start <= after < span.end and span.doc[after].dep_ == "prep":
        preps.append(span.doc[after])  # "quoted a source at X as saying": hung on the verb
    for prep in preps:
        if prep.dep_ != "prep" or prep.lower_ not in {"at", "for", "of", "from", "in", "with"}:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or not (span.start <= obj.i < span.end):
                continue
            words = span.doc[obj.left_edge.i : min(obj.right_edge.i + 1, span.end)]
            known = _known_body(words, mentions)
            if known is not None:  # "a source in the Syrian army"
                return known
            names = [t for t in words if t.pos_ == "PROPN"]
            if names and any(t.ent_type_ not in {"GPE", "LOC", "FAC"} for t in names):
                return _folded(words)
            if names and prep.lower_ == "at":  # "a source at Aleppo province": its authorities
                label = _folded(words).label
                return EntityRef(slug(label) + "-authorities", label,
                                 (EntityKind.ACTOR, EntityKind.ORGANIZATION))  # fmt: skip
    return None


def _outlet_of_reporter(
    head: Token, span: SpacySpan, mentions: Sequence[Mention]
) -> EntityRef | None:
    """ "told the correspondent", "the reporter added": the outlet the article named
    before (its "SANA's correspondent")."""
    if head.lower_ not in {"correspondent", "reporter", "correspondents", "reporters"}:
        return None
    if span[0].lower_ not in {"the", "its", "our"} or any(t.pos_ == "PROPN" for t in span):
        return None
    before = [m for m in mentions if m.span.end <= span.start_char
              and EntityKind.OUTLET in m.entity.kinds]  # fmt: skip
    return before[-1].entity if before else None


def _known_body(words: SpacySpan, mentions: Sequence[Mention]) -> EntityRef | None:
    """A known organisation (no place, no person) a mention finds in the words."""
    start, end = words.start_char, words.end_char
    for mention in mentions:
        entity = mention.entity
        if (
            start <= mention.span.start
            and mention.span.end <= end
            and entity.known
            and EntityKind.ORGANIZATION in entity.kinds
            and _speaks_as_body(entity)
        ):
            return entity
    return None


def _body_described_after(
    head: object, span: SpacySpan, mentions: Sequence[Mention]
) -> EntityRef | None:
    """ "a spokesman for the ministry", "a source at the monitor": the named body a
    description after a member noun stands for (the one the article names nearest)."""
    for prep in getattr(head, "children", ()):
        if prep.dep_ != "prep" or prep.lower_ not in {"at", "for", "of", "from", "in", "with"}:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or not (span.start <= obj.i < span.end):
                continue
            words = span.doc[obj.left_edge.i : min(obj.right_edge.i + 1, span.end)]
            described = description_head(words)
            if described is not None and words[0].lower_ in {"the", "its", "this"}:
                return resolve_description(described, words.start_char, mentions)
    return None


@lru_cache(maxsize=1)
def members() -> dict[str, str]:
    """Person key → the key of the organisation the gazetteer says they speak for
    (``schema:memberOf``: "Rami Abdel Rahman" → the Syrian Observatory)."""
    prefix = DEFAULT_BASE_IRI + "entity/"
    triples = parse(path=str(GAZETTEER_PATH), format=RdfFormat.TURTLE, base_iri=DEFAULT_BASE_IRI)
    return {
        t.subject.value.removeprefix(prefix): t.object.value.removeprefix(prefix)
        for t in triples
        if t.predicate.value == MEMBER_OF
    }


def _words(span: SpacySpan) -> str:
    """The words as written ("a Quneitra-based activist", not "Quneitra - based")."""
    tokens = [t for t in span if not t.is_space]
    while tokens and tokens[-1].text in {",", ":", "'s", "’s"}:
        tokens.pop()
    text = "".join(t.text_with_ws for t in tokens[:-1]) + (tokens[-1].text if tokens else "")
    return " ".join(text.split())


def _organisation_of(
    doc: Doc,
    span: SpacySpan,
    person: Mention,
    named: Sequence[Mention],
    mentions: Sequence[Mention],
) -> list[EntityRef]:
    """The organisation a named person speaks for, as the phrase gives it: a name in
    the phrase ("SOHR director Rami Abdel Rahman") or a description of a named source
    ("its director", "Observatory head", "the monitor's chief")."""
    bodies = [m for m in named if m is not person and EntityKind.PERSON not in m.entity.kinds]
    if bodies:
        return [bodies[0].entity]
    body = _appositive_body(doc, person, mentions)
    if body is not None:  # "Ibrahim Abu Laith, a spokesman for the group, said"
        return [body]
    roles = [t for t in span if t.lower_ in ROLE_NOUNS and t.idx < person.span.start]
    roles += [t for t in span if t.dep_ == "case" and t.idx < person.span.start]  # "…'s Rami"
    if not roles:
        return []
    for token in span:
        if token.idx >= person.span.start:
            break
        word = token.lemma_.lower()
        if word in DESCRIPTION_HEADS or token.lower_ in DESCRIPTION_HEADS:
            found = resolve_description(token.lower_ if token.lower_ in DESCRIPTION_HEADS
                                        else word, span.start_char, mentions)  # fmt: skip
            return [found] if found is not None else []
        if token.lower_ in {"its", "their"}:
            found = _nearest_source_before(span.start_char, mentions)
            return [found] if found is not None else []
    return []


def _appositive_body(doc: Doc, person: Mention, mentions: Sequence[Mention]) -> EntityRef | None:
    """ "Ibrahim Abu Laith, a spokesman for the group", "Hamza al-Khatib, director of the
    Observatory", "Rami Abdulrahman, who heads the Observatory": the body a role after
    the name speaks for, named or described."""
    name = doc.char_span(person.span.start, person.span.end, alignment_mode="expand")
    if name is None:
        return None
    root = head_of(name)
    for clause in root.children:
        if clause.dep_ not in {"appos", "relcl"}:
            continue
        words = list(clause.subtree)
        if not any(t.lower_ in ROLE_NOUNS or t.lemma_.lower() in {"head", "lead", "run"}
                   for t in words):  # fmt: skip
            continue
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        inside = [m for m in mentions if start <= m.span.start and m.span.end <= end
                  and _speaks_as_body(m.entity)]  # fmt: skip
        if inside:
            return inside[0].entity
        for token in words:
            word = token.lower_ if token.lower_ in DESCRIPTION_HEADS else token.lemma_.lower()
            if word in DESCRIPTION_HEADS and token.tag_ != "NNS":
                return resolve_description(word, start, mentions)
    return None


def _role_body(doc: Doc, person: Mention, mentions: Sequence[Mention]) -> EntityRef | None:
    """The body a person's first mention gives him: "Secretary-General of the Syrian
    Coalition Abdul Ilah al-Fahd", "SOHR director Rami Abdel Rahman", or an appositive
    ("…, a spokesman for the group")."""
    name = doc.char_span(person.span.start, person.span.end, alignment_mode="expand")
    if name is None:
        return None
    window = doc[max(name.start - 8, name.sent.start) : name.start]
    roles = [t for t in window if t.lower_ in ROLE_NOUNS or t.lemma_.lower() in ROLE_NOUNS]
    if roles:
        start = roles[0].idx
        bodies = [m for m in mentions if start <= m.span.start and m.span.end <= name.start_char
                  and _speaks_as_body(m.entity)]  # fmt: skip
        if bodies:
            return bodies[-1].entity
    return _appositive_body(doc, person, mentions) or described_body(doc, person)


def _speaks_as_body(ref: EntityRef) -> bool:
    return EntityKind.PERSON not in ref.kinds and not set(ref.kinds) & PLACE_KINDS


def _nearest_source_before(char: int, mentions: Sequence[Mention]) -> EntityRef | None:
    """ "its director": the nearest organisation named before."""
    before = [
        m
        for m in mentions
        if m.span.end <= char
        and EntityKind.ORGANIZATION in m.entity.kinds
        and not (set(m.entity.kinds) & PLACE_KINDS)
    ]
    return before[-1].entity if before else None


def _labels(ref: EntityRef) -> list[str]:
    entry = load_gazetteer().get(ref.key) if ref.known else None
    labels = [ref.label, *(entry.alt_labels if entry else ())]
    return [fold(label) for label in labels]


def compatible(ref: EntityRef, description: str) -> bool:
    """Whether a named source fits a description: a label holding one of its words, or
    the kind it asks for ("the agency" → an Outlet)."""
    return any(_compatible_one(ref, want) for want in DESCRIPTION_HEADS.get(description, ()))


def resolve_description(
    description: str, char: int, mentions: Sequence[Mention]
) -> EntityRef | None:
    """The named source a description stands for: for each sort it may be (in the order
    ``DESCRIPTION_HEADS`` lists), the nearest fitting mention before ``char``, else the
    first after it ("Air strikes kill 20: monitor" → the body's Observatory)."""
    for want in DESCRIPTION_HEADS.get(description, ()):
        fitting = [
            m for m in mentions if _compatible_one(m.entity, want) and not bare_description(m)
        ]
        if (found := nearest_mention(fitting, char)) is not None:
            return found.entity
    return None


def bare_description(mention: Mention) -> bool:
    """A capitalised description the NER took for a name ("Air raids kill 11 civilians in
    east Syria Monitor", "… killed NGO"): no name of its own, unless the gazetteer has it."""
    words = fold(mention.entity.label).split()
    return not mention.entity.known and len(words) == 1 and words[0] in DESCRIPTION_HEADS


def _named_description(doc: Doc, description: str) -> EntityRef | None:
    """A description the article also writes as a name, capitalised, with no fuller
    name anywhere: "the Observatory said" (and no "Syrian Observatory …") → Observatory."""
    wants = {w for w in DESCRIPTION_HEADS.get(description, ()) if w.islower() and " " not in w}
    for token in doc:
        if (
            token.lower_ in wants
            and token.is_title
            and token.i > 0
            and (not doc[token.i - 1].is_sent_start or doc[token.i - 1].lower_ == "the")
            and not (token.i + 1 < len(doc) and "\n" in doc[token.i + 1].text)  # "… Monitor"
        ):
            return EntityRef(key=slug(token.text), label=token.text, kinds=(EntityKind.ACTOR,))
    return None


def _compatible_one(ref: EntityRef, want: str) -> bool:
    if set(ref.kinds) & PLACE_KINDS or EntityKind.PERSON in ref.kinds:
        return False
    if want[0].isupper():
        return want in {kind.value for kind in ref.kinds}
    return any(want in label.split() or (" " in want and want in label) for label in _labels(ref))


def _head_is_common_noun_after(head: object, named: Sequence[Mention]) -> bool:
    """ "Homs governor Talal al-Barazi" links the name; "ISIS fighters" does not."""
    head_idx = getattr(head, "idx", 0)
    if getattr(head, "lower_", "") in OUTLET_NOUNS:
        return False  # "Syria's SANA regime news agency": the outlet's own noun
    return all(m.span.end <= head_idx for m in named) and getattr(head, "pos_", "") == "NOUN"


def _not_a_source(label: str) -> bool:
    """An event, a count or a common word: "suicide bomb attack", "2,000 people", "claim"."""
    words = fold(label).split()
    if not words or any(ch.isdigit() for ch in label):
        return True
    if words[-1] in NOT_SOURCE_WORDS or words[0] in NOT_SOURCE_WORDS:
        return True
    if any(word in EVENT_WORDS for word in words):
        return True  # "tank-backed assault", "the latest in a spate of blasts"
    return len(words) == 1 and label.islower() and words[0] not in {"activists", "residents"}


def _folded(span: object) -> EntityRef:
    """A new entity for a phrase no mention covers: determiners and 'statement' dropped."""
    words = [t.text for t in span]  # type: ignore[attr-defined]
    while len(words) > 1 and words[0].lower() in FOLD_DROP_LEADING:
        words.pop(0)
    while len(words) > 1 and words[-1].lower() in FOLD_DROP_TRAILING:
        words.pop()
    label = " ".join(words).replace(" - ", "-").replace(" -", "-").replace("- ", "-")
    return EntityRef(key=slug(label), label=label, kinds=(EntityKind.ACTOR,))


def is_unnamed(ref: EntityRef) -> bool:
    """Whether a ref is an unnamed source ("a military source")."""
    return EntityKind.UNNAMED_SOURCE in ref.kinds
