"""The gazetteer (``ontology/gazetteer.ttl``) and its entity ruler ``newskg_gazetteer``.

``load_gazetteer()`` reads the Turtle file once per process into a frozen ``Gazetteer``:
entries by key with their labels, kinds, containing places, governorate, country and
point.  ``fold()`` is the one name-folding rule used for lookups (and, by
``kg.extract.entities``, for the keys of new entities).

The ``newskg_gazetteer`` component goes before ``ner``: it marks every known name as an
entity (``ent_id_`` = the entry's key), so the statistical NER keeps them.  Names are
matched case-insensitively, except short all-caps acronyms ("IS", "SAA", "AP", "US"),
which must match exactly; a case-insensitive match written all in lowercase is ignored
("is" is a verb, "trump" a card).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.config import ONTOLOGY_DIR
from kg.records import EntityKind, Side

GAZETTEER_PATH = ONTOLOGY_DIR / "gazetteer.ttl"
DEFAULT_BASE_IRI = "https://w3id.org/newskg/id/"

_NKG = "https://w3id.org/newskg/ontology#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_PREF = _SKOS + "prefLabel"
_ALT = _SKOS + "altLabel"
_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
_CONTAINED = "https://schema.org/containedInPlace"
_GEOMETRY = "http://www.opengis.net/ont/geosparql#hasGeometry"
_WKT = "http://www.opengis.net/ont/geosparql#asWKT"
_WIKIDATA = "http://www.wikidata.org/entity/"
_SIDE = _NKG + "side"

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "–": "-", "—": "-"})
_POINT = re.compile(r"POINT\s*\(\s*(-?[\d.]+)\s+(-?[\d.]+)\s*\)")
ACRONYM = re.compile(r"[A-Z][A-Z.\-]{0,5}")


def fold(name: str) -> str:
    """The lookup form of a name: ``"the Syrian Observatory's"`` → ``"syrian observatory"``.

    Folds accents, case, a leading "the", possessives, apostrophes, hyphens,
    punctuation and whitespace.
    """
    text = unicodedata.normalize("NFKD", name.translate(_QUOTES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"'s\b", "", text)
    text = text.replace("'", "")
    text = re.sub(r"[^\w]+|_", " ", text).strip()
    return re.sub(r"^the ", "", text)


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One known entity.  ``governorate``/``country`` are keys (None when not known)."""

    key: str
    label: str
    alt_labels: tuple[str, ...]
    kinds: tuple[EntityKind, ...]
    parents: tuple[str, ...] = ()
    governorate: str | None = None
    country: str | None = None
    point: tuple[float, float] | None = None  # (lon, lat)
    wikidata: str | None = None  # "Q2429253"
    side: Side | None = None  # the side of the war it fights on (nkg:side)

    @property
    def is_place(self) -> bool:
        return EntityKind.PLACE in self.kinds

    @property
    def ner_label(self) -> str:
        """The spaCy label the ruler gives its mentions."""
        kinds = set(self.kinds)
        if EntityKind.PERSON in kinds:
            return "PERSON"
        if kinds & {EntityKind.COUNTRY, EntityKind.REGION, EntityKind.SETTLEMENT}:
            return "GPE"
        if EntityKind.SITE in kinds:
            return "FAC"
        return "LOC" if EntityKind.PLACE in kinds else "ORG"


class Gazetteer:
    """Frozen entries of ``gazetteer.ttl``; build with ``load_gazetteer()``."""

    def __init__(self, entries: Iterable[GazetteerEntry], base_iri: str = DEFAULT_BASE_IRI):
        self.base_iri = base_iri
        self._entries = {entry.key: entry for entry in entries}
        self._by_name: dict[str, str] = {}
        for entry in self._entries.values():
            for label in (entry.label, *entry.alt_labels):
                self._by_name.setdefault(fold(label), entry.key)

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[GazetteerEntry]:
        return iter(self._entries.values())

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def get(self, key: str) -> GazetteerEntry | None:
        return self._entries.get(key)

    def lookup(self, name: str) -> GazetteerEntry | None:
        """The entry one of whose labels folds like ``name`` ("Deyr ez Zor" → deir-ez-zor)."""
        key = self._by_name.get(fold(name))
        return self._entries[key] if key else None

    def governorate_of(self, key: str) -> GazetteerEntry | None:
        """The first-level division (a Syrian governorate) a place lies in, or is."""
        entry = self._entries.get(key)
        return self._entries.get(entry.governorate) if entry and entry.governorate else None

    def country_of(self, key: str) -> GazetteerEntry | None:
        """The country a place lies in (a country is its own country)."""
        entry = self._entries.get(key)
        return self._entries.get(entry.country) if entry and entry.country else None

    def iri(self, key: str) -> str:
        return f"{self.base_iri}entity/{key}"


@lru_cache(maxsize=4)
def load_gazetteer(path: Path = GAZETTEER_PATH, base_iri: str = DEFAULT_BASE_IRI) -> Gazetteer:
    """Parse ``gazetteer.ttl`` (relative IRIs resolved against ``base_iri``), once."""
    import pyoxigraph  # local: only the loader needs it

    base = base_iri if base_iri.endswith(("/", "#")) else base_iri + "/"
    prefix = base + "entity/"
    try:
        triples = list(
            pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE, base_iri=base)
        )
    except (OSError, SyntaxError) as error:
        raise ValueError(f"{path}: cannot read the gazetteer: {error}") from error

    def key_of(node: object) -> str | None:
        value = getattr(node, "value", "")
        return value[len(prefix) :] if value.startswith(prefix) else None

    labels: dict[str, str] = {}
    alts: dict[str, list[str]] = {}
    kinds: dict[str, list[EntityKind]] = {}
    parents: dict[str, list[str]] = {}
    geometry: dict[str, str] = {}
    wkt: dict[str, str] = {}
    wikidata: dict[str, str] = {}
    sides: dict[str, Side] = {}
    valid_sides = {side.value for side in Side}
    valid_kinds = {kind.value for kind in EntityKind}
    for s, p, o in ((t.subject, t.predicate.value, t.object) for t in triples):
        key = key_of(s)
        if key is None:
            continue
        if p == _WKT:
            wkt[key] = o.value
        elif p == _PREF:
            labels[key] = o.value
        elif p == _ALT:
            alts.setdefault(key, []).append(o.value)
        elif p == _RDF_TYPE and o.value.startswith(_NKG) and o.value[len(_NKG) :] in valid_kinds:
            kinds.setdefault(key, []).append(EntityKind(o.value[len(_NKG) :]))
        elif p == _CONTAINED and (parent := key_of(o)):
            parents.setdefault(key, []).append(parent)
        elif p == _GEOMETRY:
            geometry[key] = o.value
        elif p == _SAME_AS and o.value.startswith(_WIKIDATA):
            wikidata[key] = o.value[len(_WIKIDATA) :]
        elif p == _SIDE and o.value[len(_NKG) :] in valid_sides:
            sides[key] = Side(o.value[len(_NKG) :])

    order = list(EntityKind)

    def ancestors(key: str) -> Iterator[str]:
        seen: set[str] = set()
        todo = [key]
        while todo:
            current = todo.pop(0)
            if current in seen:
                continue
            seen.add(current)
            yield current
            todo.extend(parents.get(current, ()))

    def first_of_kind(key: str, kind: EntityKind) -> str | None:
        return next((k for k in ancestors(key) if kind in kinds.get(k, ())), None)

    entries = []
    for key, label in labels.items():
        point = None
        if match := _POINT.search(wkt.get(key_of_iri(geometry.get(key), prefix) or "", "")):
            point = (float(match.group(1)), float(match.group(2)))
        entries.append(
            GazetteerEntry(
                key=key,
                label=label,
                alt_labels=tuple(sorted(alts.get(key, ()))),
                kinds=tuple(sorted(set(kinds.get(key, ())), key=order.index)),
                parents=tuple(parents.get(key, ())),
                governorate=first_of_kind(key, EntityKind.REGION),
                country=first_of_kind(key, EntityKind.COUNTRY),
                point=point,
                wikidata=wikidata.get(key),
                side=sides.get(key),
            )
        )
    return Gazetteer(sorted(entries, key=lambda e: e.key), base)


def key_of_iri(iri: str | None, prefix: str) -> str | None:
    return iri[len(prefix) :] if iri and iri.startswith(prefix) else None


# ---------------------------------------------------------------- the entity ruler


def is_acronym(label: str) -> bool:
    """Short all-caps names ("IS", "SAA", "U.S.") that must match case-sensitively."""
    return ACRONYM.fullmatch(label) is not None


def name_variants(label: str) -> set[str]:
    """Spellings of one label the tokenizer may see: hyphens as spaces, no apostrophes."""
    base = label.translate(_QUOTES)
    variants = {base, base.replace("-", " "), base.replace("'", ""), base.replace("'", "’")}
    variants |= {v.replace("-", " ") for v in list(variants)}
    return {re.sub(r"\s+", " ", v).strip() for v in variants if v.strip()}


@lru_cache(maxsize=4)
def _pattern_texts(path: Path, base_iri: str) -> tuple[tuple[str, str, bool], ...]:
    """(key, text, case_sensitive) for every label variant, computed once per process."""
    gazetteer = load_gazetteer(path, base_iri)
    patterns: list[tuple[str, str, bool]] = []
    for entry in gazetteer:
        for label in (entry.label, *entry.alt_labels):
            exact = is_acronym(label)
            for text in sorted(name_variants(label)):
                patterns.append((entry.key, text, exact))
    return tuple(patterns)


class GazetteerRuler:
    """Marks gazetteer names as entities, before ``ner``."""

    def __init__(
        self, nlp: Language, base_iri: str = DEFAULT_BASE_IRI, path: Path = GAZETTEER_PATH
    ) -> None:
        self.gazetteer = load_gazetteer(path, base_iri)
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        by_key: dict[tuple[str, bool], list[Doc]] = {}
        patterns = _pattern_texts(path, base_iri)
        docs = nlp.tokenizer.pipe(text for _key, text, _exact in patterns)
        for (key, _text, exact), doc in zip(patterns, docs, strict=True):
            by_key.setdefault((key, exact), []).append(doc)
        for (key, exact), pattern_docs in by_key.items():
            (self.exact if exact else self.lower).add(key, pattern_docs)

    def spans(self, doc: Doc) -> list[Span]:
        """Gazetteer matches, longest first where they overlap."""
        found: list[Span] = []
        for matcher, exact in ((self.exact, True), (self.lower, False)):
            for match_id, start, end in matcher(doc):
                text = doc[start:end].text
                if not exact and not any(ch.isupper() for ch in text):
                    continue
                key = doc.vocab.strings[match_id]
                entry = self.gazetteer.get(key)
                if entry is None:
                    continue
                found.append(Span(doc, start, end, label=entry.ner_label, kb_id=key, span_id=key))
        return filter_spans(found)

    def __call__(self, doc: Doc) -> Doc:
        mine = self.spans(doc)
        taken = {i for span in mine for i in range(span.start, span.end)}
        kept = [e for e in doc.ents if not taken.intersection(range(e.start, e.end))]
        doc.set_ents(sorted([*kept, *mine], key=lambda s: s.start))
        return doc


@Language.factory("newskg_gazetteer", default_config={"base_iri": DEFAULT_BASE_IRI})
def make_gazetteer(nlp: Language, name: str, base_iri: str) -> GazetteerRuler:
    """The entity ruler over ``ontology/gazetteer.ttl``."""
    return GazetteerRuler(nlp, base_iri)
