"""ontology/newskg.ttl agrees with kg/rdf/terms.py and kg/records.py; shapes.ttl validates."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF

from kg.config import ONTOLOGY_DIR
from kg.rdf.terms import NKG
from kg.records import Counted, EntityKind, EventKind, Outcome, Qualifier, Unit

NS = str(NKG._NS)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "newskg.ttl")


def declared(graph: Graph) -> set[str]:
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual}
    return {
        str(s)[len(NS) :]
        for s, _, o in graph.triples((None, RDF.type, None))
        if o in kinds and isinstance(s, URIRef) and str(s).startswith(NS)
    }


def test_terms_and_ontology_agree(ontology: Graph) -> None:
    in_code = set(NKG.__annotations__)
    assert in_code == declared(ontology)


def test_every_term_has_label_and_comment(ontology: Graph) -> None:
    from rdflib.namespace import RDFS

    for name in declared(ontology):
        term = URIRef(NS + name)
        assert ontology.value(term, RDFS.label) is not None, name
        assert ontology.value(term, RDFS.comment) is not None, name


@pytest.mark.parametrize("enum", [Qualifier, Counted, Outcome, Unit, EventKind, EntityKind])
def test_enum_values_are_nkg_terms(enum: type) -> None:
    for member in enum:
        assert member.value in NKG.__annotations__, member


def test_individuals_are_typed_by_their_class(ontology: Graph) -> None:
    for enum, cls in [
        (Qualifier, NKG.Qualifier),
        (Counted, NKG.CountedThing),
        (Outcome, NKG.Outcome),
        (Unit, NKG.Unit),
    ]:
        for member in enum:
            assert (URIRef(NS + member.value), RDF.type, cls) in ontology


DATA = """
@prefix nkg: <https://w3id.org/newskg/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix geo: <http://www.opengis.net/ont/geosparql#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <https://example.org/id/> .

ex:a a schema:NewsArticle, nif:Context ;
    schema:identifier "a1" ; schema:headline "ISIS retakes Palmyra" ;
    schema:datePublished "2016-12-12"^^xsd:date ;
    nif:isString "More than 300 ISIS fighters were killed near Palmyra." ;
    schema:about ex:e0 ; nkg:cites ex:mod .
ex:isis a nkg:Actor, nkg:ArmedGroup ; skos:prefLabel "Islamic State"@en ; nkg:mentionedIn ex:a .
ex:mod a nkg:Actor, nkg:StateBody ; skos:prefLabel "Russian Ministry of Defence"@en .
ex:palmyra a nkg:Place, nkg:Settlement ; skos:prefLabel "Palmyra"@en ;
    schema:containedInPlace ex:homs ; geo:hasGeometry ex:palmyra-geometry .
ex:palmyra-geometry a geo:Geometry ; geo:asWKT "POINT(38.27 34.56)"^^geo:wktLiteral .
ex:homs a nkg:Place, nkg:Region ; skos:prefLabel "Homs Governorate"@en .
ex:e0 a sem:Event, nkg:Capture ; sem:hasActor ex:isis ; sem:hasPlace ex:palmyra ;
    sem:hasTimeStamp "2016-12-11"^^xsd:date ; nkg:reportedIn ex:a ; nkg:evidence ex:s1 ;
    prov:wasAttributedTo ex:mod ;
    prov:qualifiedAttribution [ a prov:Attribution ; prov:agent ex:mod ; nkg:hop 0 ] .
ex:c0 a nkg:CountClaim ; nkg:count 300 ; nkg:qualifier nkg:MoreThan ;
    nkg:countedThing nkg:Fighters ; nkg:outcome nkg:Killed ; nkg:of ex:isis ;
    nkg:event ex:e0 ; nkg:reportedIn ex:a ; nkg:evidence ex:s0 ; prov:wasAttributedTo ex:mod .
ex:s0 a nif:String ; nif:beginIndex 0 ; nif:endIndex 27 ;
    nif:anchorOf "More than 300 ISIS fighters" ; nif:referenceContext ex:a .
ex:s1 a nif:String ; nif:beginIndex 45 ; nif:endIndex 52 ;
    nif:anchorOf "Palmyra" ; nif:referenceContext ex:a .
"""


def validate(data: str) -> tuple[bool, str]:
    pyshacl = pytest.importorskip("pyshacl")
    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl")
    conforms, _graph, report = pyshacl.validate(
        Graph().parse(data=data, format="turtle"), shacl_graph=shapes, advanced=True
    )
    return conforms, report


def test_conforming_graph_validates() -> None:
    conforms, report = validate(DATA)
    assert conforms, report


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('nif:anchorOf "Palmyra"', 'nif:anchorOf "Palmyr"'),  # anchor ≠ text at offsets
        ("nkg:qualifier nkg:MoreThan", "nkg:qualifier nkg:Killed"),  # not a qualifier
        ("nkg:count 300 ;", ""),  # no count
        ('"POINT(38.27 34.56)"^^geo:wktLiteral', '"38.27 34.56"'),  # not a WKT point
        ("nkg:reportedIn ex:a ; nkg:evidence ex:s1 ;", ""),  # event without article/evidence
        ("nif:beginIndex 0 ;", 'nif:beginIndex "zero" ;'),
    ],
)
def test_broken_graphs_fail(old: str, new: str) -> None:
    assert old in DATA
    conforms, _report = validate(DATA.replace(old, new, 1))
    assert not conforms
