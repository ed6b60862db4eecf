"""Reading a server store: ``kg query``, ``kg export`` and ``kg stats`` over HTTP.

Queries go to the server's query endpoint, whose default graph must be the union of
the graphs (``oxigraph serve --union-default-graph``; Virtuoso's default graph is
already every graph). Export reads each of newskg's graphs (those under the base IRI:
a server may hold graphs of its own, as Virtuoso does) from the Graph Store endpoint,
so quad formats keep the article graphs.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from kg.remote import SPARQL_JSON, RemoteError, SparqlClient, read_body
from kg.serve.protocol import tokenize
from kg.store import EXPORT_FORMATS, QUAD_FORMATS

GEO_WKT = "http://www.opengis.net/ont/geosparql#wktLiteral"
VIRTUOSO_GEOMETRY = "http://www.openlinksw.com/schemas/virtrdf#Geometry"
# Datatypes a server rewrites on load, and the one newskg wrote (Virtuoso stores
# geo:wktLiteral points as its own geometry type and answers with that type).
DATATYPE_FIXES = {VIRTUOSO_GEOMETRY: GEO_WKT}
FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")


def query_form(text: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first form keyword after the prologue."""
    for token in tokenize(text):
        if token.kind == "word" and token.text.upper() in FORMS:
            return token.text.upper()
    raise RemoteError("bad query: no SELECT, ASK, CONSTRUCT or DESCRIBE in it")


def run_query(
    client: SparqlClient, text: str
) -> ox.QuerySolutions | ox.QueryBoolean | list[ox.Triple]:
    """Run a query on the server: solutions or a boolean, or the triples of a graph result."""
    if query_form(text) in ("CONSTRUCT", "DESCRIBE"):
        return client.construct(text)
    return client.select(text)


def render_triples(triples: list[ox.Triple], fmt: str) -> bytes:
    """A graph result in an RDF format (Turtle for a table)."""
    rdf_format = EXPORT_FORMATS.get(fmt, ox.RdfFormat.TURTLE)
    if rdf_format in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
        rdf_format = ox.RdfFormat.N_TRIPLES if fmt == "nquads" else ox.RdfFormat.TURTLE
    return ox.serialize(triples, format=rdf_format) or b""


def newskg_graphs(client: SparqlClient, base_iri: str) -> list[str]:
    """The named graphs under ``base_iri`` (articles, ontology, gazetteer), sorted."""
    results = client.select(
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
        f'FILTER(STRSTARTS(STR(?g), "{_escape(base_iri)}")) }}'
    )
    assert isinstance(results, ox.QuerySolutions)
    return sorted(row["g"].value for row in results if isinstance(row["g"], ox.NamedNode))


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _fixed(term: ox.Literal) -> ox.Literal:
    datatype = DATATYPE_FIXES.get(term.datatype.value)
    return ox.Literal(term.value, datatype=ox.NamedNode(datatype)) if datatype else term


def graph_quads(client: SparqlClient, graph: str, index: int) -> list[ox.Quad]:
    """One graph's quads as newskg wrote them: blank nodes labelled per graph, server
    datatypes mapped back (:data:`DATATYPE_FIXES`)."""
    name = ox.NamedNode(graph)
    prefix = f"g{index}x"

    def term(node: object) -> object:
        if isinstance(node, ox.BlankNode):
            return ox.BlankNode(prefix + node.value)
        if isinstance(node, ox.Literal):
            return _fixed(node)
        return node

    body = client.graph_ntriples(graph)
    return [
        ox.Quad(term(t.subject), t.predicate, term(t.object), name)  # type: ignore[arg-type]
        for t in ox.parse(body, format=ox.RdfFormat.N_TRIPLES)
    ]


def iter_dataset(client: SparqlClient, base_iri: str) -> Iterator[tuple[str, list[ox.Quad]]]:
    """(graph, quads) for each of newskg's graphs on the server."""
    for index, graph in enumerate(newskg_graphs(client, base_iri)):
        yield graph, graph_quads(client, graph, index)


def export(client: SparqlClient, base_iri: str, fmt: str, destination: Path) -> int:
    """Write newskg's graphs in ``fmt``; quad formats keep the graphs. Returns the quads."""
    rdf_format = EXPORT_FORMATS[fmt]
    written = 0
    with destination.open("wb") as out:
        if fmt == "nquads":  # line-based: stream graph by graph
            for _, quads in iter_dataset(client, base_iri):
                out.write(ox.serialize(quads, format=rdf_format) or b"")
                written += len(quads)
            return written
        if fmt in QUAD_FORMATS:
            everything = [quad for _, quads in iter_dataset(client, base_iri) for quad in quads]
            out.write(ox.serialize(everything, format=rdf_format) or b"")
            return len(everything)
        triples = {quad.triple for _, quads in iter_dataset(client, base_iri) for quad in quads}
        out.write(ox.serialize(list(triples), format=rdf_format) or b"")
        return len(triples)


def scoped_stats_query(query: str, base_iri: str) -> str:
    """The stats query with its quad count limited to newskg's graphs (a server may hold
    graphs of its own)."""
    pattern = "GRAPH ?g { ?s ?p ?o }"
    if pattern not in query:
        return query
    scoped = f'{pattern} FILTER(STRSTARTS(STR(?g), "{_escape(base_iri)}"))'
    return query.replace(pattern, scoped)


def ask_union_default(client: SparqlClient) -> bool:
    """Whether the server's default graph sees the named graphs (the union)."""
    response = client.open_query(
        "ASK { { SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1 } ?s ?p2 ?o2 }", SPARQL_JSON
    )
    body = read_body(response, time.monotonic() + client.timeout)
    if response.status_code >= 300:
        raise RemoteError(body.decode("utf-8", "replace")[:500])
    result = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
    return bool(result)
