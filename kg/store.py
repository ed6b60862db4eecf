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

A build writes through a :class:`GraphTarget` (:func:`open_target`): N-Quads bytes
per named graph, each batch one transaction.  :class:`EmbeddedTarget` is the
Oxigraph directory.
"""

from __future__ import annotations

import errno
import gc
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from pyoxigraph import NamedNode, Quad, RdfFormat, Store, parse, serialize

if TYPE_CHECKING:
    from kg.config import Settings

CONTENT_HASH = "https://w3id.org/newskg/ontology#contentHash"

EXPORT_FORMATS: dict[str, RdfFormat] = {
    "nquads": RdfFormat.N_QUADS,
    "trig": RdfFormat.TRIG,
    "turtle": RdfFormat.TURTLE,
    "ntriples": RdfFormat.N_TRIPLES,
    "jsonld": RdfFormat.JSON_LD,
    "rdfxml": RdfFormat.RDF_XML,
}
QUAD_FORMATS = {"nquads", "trig", "jsonld"}
FLUSH_BYTES = 16 * 2**20  # N-Quads a build writes between two flushes of the embedded store


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


class GraphTarget(Protocol):
    """Where a build writes: whole named graphs, a batch at a time.

    The content hash of a graph ``G`` is recorded inside ``G`` as the triple
    ``<G> nkg:contentHash "sha256:<hex>"`` (``nkg:`` is
    ``https://w3id.org/newskg/ontology#``; an article's IRI names its graph, so
    for articles the subject is the ``schema:NewsArticle``; the ontology and
    gazetteer graphs state it of their graph IRI).  A server target reads them with::

        SELECT ?g ?h WHERE { VALUES ?g { <G1> <G2> } GRAPH ?g { ?g nkg:contentHash ?h } }
    """

    def replace_graphs(self, graphs: Mapping[str, bytes]) -> None:
        """Graph IRI → N-Quads of all its quads: replace each graph whole, the batch in
        ONE transaction (an empty value drops the graph)."""
        ...

    def stored_hashes(self, graph_iris: Sequence[str]) -> dict[str, str]:
        """Graph IRI → the ``nkg:contentHash`` recorded in that graph (absent: not stored)."""
        ...

    def finish(self) -> None:
        """Flush, compact and close at the end of a build."""
        ...


def nquads_to_update(graphs: Mapping[str, bytes]) -> str:
    """One SPARQL Update, ``DROP SILENT GRAPH …; INSERT DATA { GRAPH … }``, for a batch."""
    drops = [f"DROP SILENT GRAPH <{graph}> ;" for graph in graphs]
    body = []
    for graph, data in graphs.items():
        if data:
            triples = (quad.triple for quad in parse(data, RdfFormat.N_QUADS))
            text = serialize(triples, format=RdfFormat.N_TRIPLES).decode("utf-8")
            body.append(f"GRAPH <{graph}> {{\n{text}}}")
    if body:
        drops.append("INSERT DATA {\n" + "\n".join(body) + "\n}")
    return "\n".join(drops)


class EmbeddedTarget:
    """The embedded Oxigraph directory, opened read-write for the length of a build.

    A batch whose graphs are all new goes in with ``Store.load`` of the N-Quads (one
    transaction, parsed in Rust, ``lenient``: the workers serialized them from
    terms pyoxigraph had already checked); a batch that replaces stored graphs goes
    in as one SPARQL Update, ``DROP SILENT GRAPH …; INSERT DATA …`` (also one
    transaction, slower: pyoxigraph has no transaction that both drops and loads).
    ``Store.bulk_load`` is not used: it writes files outside any transaction.

    RocksDB keeps what a build writes in memtables (up to 64 MiB for each of
    Oxigraph's column families, more while one is flushed): a build's process grew
    from 417 MiB at 381 articles to 2.2 GiB at 6,096.  Every
    :data:`FLUSH_BYTES` of N-Quads written, the store is flushed to disk before the
    next batch, which keeps that memory flat.  The flush comes before the batch, so
    a flush that fails (a full disk) leaves that batch unwritten, as its error says.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.store: Store | None = open_store(path)
        self.written = 0  # graphs written by this build
        self.unflushed = 0  # bytes of N-Quads written since the last flush

    def _open(self) -> Store:
        if self.store is None:
            raise StoreError(f"{self.path}: the build has finished writing to this store")
        return self.store

    def _has_quads(self, graph: str) -> bool:
        pattern = self._open().quads_for_pattern(None, None, None, NamedNode(graph))
        return next(iter(pattern), None) is not None

    def replace_graphs(self, graphs: Mapping[str, bytes]) -> None:
        """Replace each graph by its N-Quads, all in one transaction."""
        if not graphs:
            return
        store = self._open()
        if self.unflushed >= FLUSH_BYTES:
            store.flush()
            self.unflushed = 0
        if all(graphs.values()) and not any(self._has_quads(graph) for graph in graphs):
            store.load(b"".join(graphs.values()), RdfFormat.N_QUADS, lenient=True)
        else:
            store.update(nquads_to_update(graphs))
        self.written += len(graphs)
        self.unflushed += sum(map(len, graphs.values()))

    def stored_hashes(self, graph_iris: Sequence[str]) -> dict[str, str]:
        """Graph IRI → its recorded ``nkg:contentHash``, for those that have one."""
        store = self._open()
        predicate = NamedNode(CONTENT_HASH)
        hashes: dict[str, str] = {}
        for iri in graph_iris:
            node = NamedNode(iri)
            for quad in store.quads_for_pattern(node, predicate, None, node):
                hashes[iri] = quad.object.value
                break
        return hashes

    def finish(self) -> None:
        """Flush, close, and compact when this build wrote anything."""
        if self.store is None:
            return
        self.store.flush()
        self.store = None
        gc.collect()
        if self.written:
            compact(self.path)


def open_target(spec: str, settings: Settings) -> GraphTarget:
    """The target a ``--store`` value names: for now an Oxigraph directory."""
    del settings  # server targets read their paths and credentials from it
    return EmbeddedTarget(Path(spec))
