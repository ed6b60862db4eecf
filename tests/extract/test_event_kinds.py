"""The event kinds' specs cover exactly the ontology's event classes, and the trigger
tables derived from them claim each word for one kind."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDFS

from kg.extract.events.kinds import (
    MAIN_PRIORITY,
    NOUN_TRIGGERS,
    SPECS,
    VERB_TRIGGERS,
    EventSpec,
    _table,
)
from kg.records import EventKind

ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology" / "newskg.ttl"
NKG = Namespace("https://w3id.org/newskg/ontology#")
SEM_EVENT = URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/Event")


def ontology_event_classes() -> set[URIRef]:
    """Every class the ontology puts under sem:Event (at any depth)."""
    graph = Graph().parse(ONTOLOGY, format="turtle")
    return {c for c in graph.transitive_subjects(RDFS.subClassOf, SEM_EVENT) if c != SEM_EVENT}


def test_specs_cover_exactly_the_ontology_event_classes() -> None:
    classes = ontology_event_classes()
    assert classes, "no subclass of sem:Event in the ontology"
    assert {NKG[spec.kind.value] for spec in SPECS} == classes


def test_one_spec_per_kind() -> None:
    kinds = [spec.kind for spec in SPECS]
    assert len(kinds) == len(set(kinds)) == len(EventKind)
    assert set(MAIN_PRIORITY) == set(EventKind)


def test_every_kind_has_a_trigger_word() -> None:
    with_words = set(VERB_TRIGGERS.values()) | set(NOUN_TRIGGERS.values())
    assert with_words == set(EventKind)


def test_a_word_two_kinds_claim_is_refused() -> None:
    specs = (
        EventSpec(EventKind.SHELLING, priority=2, nouns=("rocket",)),
        EventSpec(EventKind.AIRSTRIKE, priority=2, nouns=("rocket",)),
    )
    with pytest.raises(ValueError, match="rocket"):
        _table(((w, s.kind) for s in specs for w in s.nouns), "nouns")
