"""``kg validate``: the store's graphs checked against ``ontology/shapes.ttl`` with pyshacl.

Article graphs are validated in chunks, each chunk together with what its nodes
point to in the ontology and gazetteer graphs (the closure of their IRIs there:
an entity's labels and types, the places containing it, the classes above its
types), so ``sh:class`` sees every type it needs while a chunk stays small.  The
ontology and gazetteer graphs are validated once, on their own.  No inference
(``inference="none"``): the graph states every type the shapes ask for.

pyshacl runs a shape's SPARQL constraint once per focus node and rdflib parses
its text each time; here each text is prepared once (see :class:`_Data`).
"""

from __future__ import annotations

import functools
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import ModuleType
from typing import Any

from pyoxigraph import BlankNode as OxBlank
from pyoxigraph import Literal as OxLiteral
from pyoxigraph import NamedNode, Store
from rdflib import BNode, Graph, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.namespace import SH
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result
from rdflib.term import Node

from kg.config import ONTOLOGY_DIR
from kg.rdf.iris import Iris

SHAPES = ONTOLOGY_DIR / "shapes.ttl"
CHUNK = 20  # article graphs per pyshacl run


@dataclass(frozen=True)
class Violation:
    """One SHACL result: the node, the path, what is wrong, and the offending value."""

    focus: str
    path: str
    message: str
    component: str
    shape: str
    value: str = ""
    graph: str = ""

    @property
    def kind(self) -> tuple[str, str, str]:
        """Violations of one kind: same shape, same path, same constraint."""
        return (self.shape, self.path, self.component)


@dataclass
class ValidationReport:
    """What ``kg validate`` found."""

    graphs: int = 0
    triples: int = 0
    seconds: float = 0.0
    violations: list[Violation] = field(default_factory=list)

    def kinds(self) -> Counter[tuple[str, str, str]]:
        """How many violations of each kind, commonest first."""
        return Counter(violation.kind for violation in self.violations)


class ValidatorMissing(RuntimeError):
    """pyshacl is not installed."""


def _pyshacl() -> ModuleType:
    try:
        import pyshacl
    except ImportError as error:
        raise ValidatorMissing(
            "kg validate needs pyshacl: pip install 'newskg[validate]' (or pyshacl)"
        ) from error
    return pyshacl


@functools.lru_cache(maxsize=256)
def _prepared(text: str, namespaces: tuple[tuple[str, str], ...]) -> Query:
    return prepareQuery(text, initNs=dict(namespaces))


class _Data(Graph):
    """A data graph that parses each distinct SPARQL text once.

    pyshacl asks a shape's SPARQL constraint once per focus node, as text; rdflib
    would parse it each time (about 0.1 s), which is most of a validation's time.
    A prepared query is rdflib's own way to run one query with other bindings.
    """

    def query(self, query_object: str | Query, *args: Any, **kwargs: Any) -> Result:  # type: ignore[override]
        if isinstance(query_object, str):  # with the prefixes rdflib would give it
            namespaces = tuple((prefix, str(iri)) for prefix, iri in self.namespaces())
            query_object = _prepared(query_object, namespaces)
        return super().query(query_object, *args, **kwargs)


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class _Terms:
    """pyoxigraph terms → rdflib terms, each IRI converted once."""

    def __init__(self) -> None:
        self.iris: dict[str, URIRef] = {}
        self.blanks: dict[str, BNode] = {}

    def __call__(self, term: object) -> Node:
        if isinstance(term, NamedNode):
            found = self.iris.get(term.value)
            if found is None:
                found = self.iris[term.value] = URIRef(term.value)
            return found
        if isinstance(term, OxBlank):
            return self.blanks.setdefault(term.value, BNode())
        assert isinstance(term, OxLiteral)
        if term.language:
            return RdfLiteral(term.value, lang=term.language)
        datatype = term.datatype.value
        return RdfLiteral(term.value, datatype=None if datatype == _XSD_STRING else datatype)


def _graph_of(store: Store, graph: str, terms: _Terms) -> Graph:
    """One named graph of the store as an rdflib graph."""
    parsed = _Data()
    for quad in store.quads_for_pattern(None, None, None, NamedNode(graph)):
        parsed.add((terms(quad.subject), terms(quad.predicate), terms(quad.object)))
    return parsed


def _with_closure(chunk: Graph, vocabularies: Graph) -> Graph:
    """``chunk`` plus every vocabulary triple reachable from its nodes."""
    todo: list[Node] = [node for triple in chunk for node in (triple[0], triple[2])]
    seen: set[Node] = set()
    while todo:
        node = todo.pop()
        if node in seen or not isinstance(node, URIRef | BNode):
            continue
        seen.add(node)
        for predicate, value in vocabularies.predicate_objects(node):
            chunk.add((node, predicate, value))
            todo.append(value)
    return chunk


def _violations(results: Graph, shapes: Graph, graph: str) -> Iterator[Violation]:
    def text(node: Node | None) -> str:
        return "" if node is None else str(node)

    for result in results.subjects(SH.resultSeverity, SH.Violation):
        shape = results.value(result, SH.sourceShape)
        owner = shapes.value(None, SH.property, shape) if isinstance(shape, BNode) else None
        yield Violation(
            focus=text(results.value(result, SH.focusNode)),
            path=text(results.value(result, SH.resultPath)),
            message=text(results.value(result, SH.resultMessage)),
            component=text(results.value(result, SH.sourceConstraintComponent)),
            shape=text(owner or shape),  # a property shape is named by its node shape
            value=text(results.value(result, SH.value)),
            graph=graph,
        )


def validate_graph(data: Graph, shapes: Graph, where: str = "") -> list[Violation]:
    """The violations of ``shapes`` in ``data`` (no inference)."""
    pyshacl = _pyshacl()
    conforms, results, _ = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", inplace=True
    )
    return [] if conforms else list(_violations(results, shapes, where))


def _graph_holding(store: Store, focus: str, among: list[str]) -> str:
    """The graph of ``among`` in which ``focus`` is a subject (the first such)."""
    if "://" not in focus:
        return among[0]
    for quad in store.quads_for_pattern(NamedNode(focus), None, None, None):
        if quad.graph_name.value in among:  # type: ignore[union-attr]
            return quad.graph_name.value  # type: ignore[union-attr]
    return among[0]


def _identity(violation: Violation) -> tuple[str, ...]:
    return (*violation.kind, violation.focus, violation.value, violation.message)


def _chunks(names: list[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(names), size):
        yield names[start : start + size]


def validate_store(
    store: Store,
    base_iri: str,
    shapes_path: Path = SHAPES,
    chunk: int = CHUNK,
) -> ValidationReport:
    """Validate every graph of ``store`` against the shapes at ``shapes_path``."""
    started = time.perf_counter()
    _pyshacl()
    shapes = Graph().parse(shapes_path, format="turtle")
    iris = Iris(base_iri)
    vocabulary_graphs = [iris.ontology_graph, iris.gazetteer_graph]
    names = sorted(graph.value for graph in store.named_graphs())
    articles = [name for name in names if name not in vocabulary_graphs]
    report = ValidationReport(graphs=len(names))
    terms = _Terms()
    vocabularies = _Data()
    for name in vocabulary_graphs:
        if name in names:
            vocabularies += _graph_of(store, name, terms)
    report.triples += len(vocabularies)
    report.violations += validate_graph(vocabularies, shapes, "the ontology and gazetteer")
    seen = {_identity(violation) for violation in report.violations}
    for group in _chunks(articles, chunk):
        data = _Data()
        for name in group:
            data += _graph_of(store, name, terms)
        report.triples += len(data)
        for violation in validate_graph(_with_closure(data, vocabularies), shapes):
            if _identity(violation) in seen:
                continue  # a gazetteer node checked again with another chunk
            seen.add(_identity(violation))
            where = _graph_holding(store, violation.focus, group)
            report.violations.append(replace(violation, graph=where))
    report.seconds = time.perf_counter() - started
    return report
