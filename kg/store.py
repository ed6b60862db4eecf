"""Open the embedded Oxigraph store and replace whole graphs atomically.

Sharing one store directory: Oxigraph (RocksDB) lets one process open it
read-write.  ``kg build`` opens it read-write for the length of a build; a
read-only ``kg serve`` opens it with ``Store.read_only`` and reopens after a build,
so both can run at once.  A server started with ``--update-token`` is the writer,
and a build against its directory fails with :class:`StoreLocked`.

Every article lives in its own named graph.  :func:`replace_graphs` drops and
re-inserts a batch of graphs in a single SPARQL Update, which Oxigraph applies as
one transaction: an interrupted build leaves each article either as it was or
fully rebuilt, never half-written.
"""

from __future__ import annotations

import errno
import gc
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from pyoxigraph import NamedNode, Quad, RdfFormat, Store, parse

EXPORT_FORMATS: dict[str, RdfFormat] = {
    "nquads": RdfFormat.N_QUADS,
    "trig": RdfFormat.TRIG,
    "turtle": RdfFormat.TURTLE,
    "ntriples": RdfFormat.N_TRIPLES,
    "jsonld": RdfFormat.JSON_LD,
    "rdfxml": RdfFormat.RDF_XML,
}
QUAD_FORMATS = {"nquads", "trig", "jsonld"}


class StoreError(RuntimeError):
    """A store that cannot be opened or used; the message says why and what to do."""


class StoreLocked(StoreError):
    """Another process holds the store directory for writing."""


class StoreWriteFailed(StoreError):
    """A write the store could not make (a full disk, an I/O error); says what is stored."""


def write_failed(error: OSError, path: Path, doing: str, stored: str) -> StoreWriteFailed:
    """The error to raise when ``doing`` failed with ``error``: what happened, what is stored."""
    full = error.errno == errno.ENOSPC or "no space left on device" in str(error).lower()
    what = "disk full" if full else "cannot write"
    return StoreWriteFailed(f"{path}: {what} while {doing} ({error}). {stored}")


def open_store(path: Path, *, read_only: bool = False) -> Store:
    """Open (creating when writable) the Oxigraph store at ``path``."""
    if read_only:
        if not (path / "CURRENT").exists():
            raise StoreError(
                f"{path}: no store here; build one first with `kg build SOURCE --store {path}`"
            )
        try:
            return Store.read_only(str(path))
        except OSError as error:
            raise StoreError(f"{path}: cannot open the store read-only: {error}") from error
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path}: exists and is not a directory")
    try:
        return Store(str(path))
    except OSError as error:
        if "lock" in str(error).lower():
            raise StoreLocked(
                f"{path}: the store is held by another process (a running build, or "
                "`kg serve --update-token`, which writes to it). Stop it, or build into another "
                "--store and serve that one."
            ) from error
        raise StoreError(f"{path}: cannot open the store: {error}") from error


def compact(path: Path) -> None:
    """Compact a store no other handle of this process holds, and drop its old log.

    RocksDB keeps the write-ahead log of a build (often larger than the data)
    until the store is next opened; opening it here replays and drops it.
    """
    store = open_store(path)
    try:
        store.optimize()
        store.flush()
    except OSError as error:
        raise write_failed(
            error, path, "compacting the store", "Every article written before is stored whole."
        ) from error
    del store
    gc.collect()


def insert_data(graphs: Mapping[str, Sequence[Quad]]) -> str:
    """The SPARQL Update that replaces each graph with its quads."""
    parts = [f"DROP SILENT GRAPH <{graph}> ;" for graph in graphs]
    body = []
    for graph, quads in graphs.items():
        if quads:
            triples = " .\n".join(str(quad.triple) for quad in quads)
            body.append(f"GRAPH <{graph}> {{\n{triples} .\n}}")
    if body:
        parts.append("INSERT DATA {\n" + "\n".join(body) + "\n}")
    return "\n".join(parts)


def replace_graphs(store: Store, graphs: Mapping[str, Sequence[Quad]]) -> None:
    """Replace each named graph by the given quads, all in one transaction."""
    if graphs:
        store.update(insert_data(graphs))


def load_file_as_graph(store: Store, path: Path, graph: str, base_iri: str) -> int:
    """Replace ``graph`` with the triples of an RDF file (Turtle etc.); returns their count."""
    quads = [
        Quad(triple.subject, triple.predicate, triple.object, NamedNode(graph))
        for triple in parse(path=str(path), base_iri=base_iri)
    ]
    replace_graphs(store, {graph: quads})
    return len(quads)


def export(store: Store, fmt: str, destination: Path) -> None:
    """Write the whole store in one of :data:`EXPORT_FORMATS`.

    Triple formats (Turtle, N-Triples, RDF/XML) get the union of all graphs.
    """
    rdf_format = EXPORT_FORMATS[fmt]
    with destination.open("wb") as out:
        if fmt in QUAD_FORMATS:
            store.dump(out, rdf_format)
        else:
            triples = store.query(
                "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True
            )
            triples.serialize(out, rdf_format)


def select_rows(store: Store, query: str) -> tuple[list[str], list[list[str]]]:
    """Run a SELECT over the union of all graphs; plain strings, for tables and tests."""
    results = store.query(query, use_default_graph_as_union=True)
    names = [variable.value for variable in results.variables]
    rows = [[_plain(solution[name]) for name in names] for solution in results]
    return names, rows


def _plain(term: object) -> str:
    if term is None:
        return ""
    return str(getattr(term, "value", term))


def iter_quads(store: Store) -> Iterable[Quad]:
    """Every quad of the store."""
    return store.quads_for_pattern(None, None, None, None)
