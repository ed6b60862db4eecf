"""The tasks a server runs and how each runs against an open ``pyoxigraph.Store``.

Writes are one transaction each, so a timeout, a crash or a ``kill -9`` leaves a graph
either as it was or as asked, never half-written: a Graph Store PUT, POST or DELETE
parses its whole payload first (in the writer process, under its timeout and memory
limit) and then applies one SPARQL Update (``DROP``/``CREATE``/``INSERT DATA``), which
Oxigraph runs as a single transaction; a SPARQL Update request is one ``Store.update``.

Row limits: a SELECT or CONSTRUCT/DESCRIBE result is cut at ``max_rows`` and the reply
carries ``X-Newskg-Truncated: true`` (and a ``Warning`` saying the limit); counting is
done on the serialized bytes as pyoxigraph writes them (JSON binding separators, XML
``<result>`` tags, TSV/CSV/N-Triples lines), so there is no per-row Python work. Graph
results in other formats than N-Triples are first written as N-Triples (line-countable)
and converted by pyoxigraph.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import pyoxigraph as ox

from kg.serve import protocol

log = logging.getLogger(__name__)

TRUNCATED_HEADER = "X-Newskg-Truncated"


class Reply(NamedTuple):
    """What a task answers: HTTP status, content type, body and extra headers."""

    status: int
    content_type: str
    body: bytes
    headers: dict[str, str]


def text_reply(status: int, message: str, headers: dict[str, str] | None = None) -> Reply:
    """A short text/plain reply (errors, refusals)."""
    body = message.encode("utf-8") + b"\n"
    return Reply(status, "text/plain; charset=utf-8", body, dict(headers or {}))


# --- tasks -----------------------------------------------------------------------------

DEFAULT_GRAPH = ""  # the graph target of ``?default`` in the Graph Store Protocol


@dataclass(frozen=True)
class QueryTask:
    """A SPARQL query, its protocol dataset and the client's Accept header."""

    text: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    accept: str | None = None
    base_iri: str | None = None


@dataclass(frozen=True)
class UpdateTask:
    """A SPARQL update (needs the writer)."""

    text: str
    base_iri: str | None = None


@dataclass(frozen=True)
class GraphGetTask:
    """Graph Store GET: one graph (IRI or DEFAULT_GRAPH) or, with None, the whole dataset."""

    graph: str | None
    accept: str | None = None


@dataclass(frozen=True)
class GraphWriteTask:
    """Graph Store PUT (replace) or POST (merge) of RDF bodies into one graph."""

    graph: str
    parts: tuple[tuple[bytes, str], ...]  # (body, media type)
    replace: bool


@dataclass(frozen=True)
class GraphDeleteTask:
    """Graph Store DELETE of one graph."""

    graph: str


Task = QueryTask | UpdateTask | GraphGetTask | GraphWriteTask | GraphDeleteTask
WRITE_TASKS = (UpdateTask, GraphWriteTask, GraphDeleteTask)


# --- running one task against a store ----------------------------------------------------


class _LimitReached(Exception):
    pass


@dataclass(frozen=True)
class _RowMarker:
    """How to count rows in a serialization: ``marker`` occurrences; more than
    ``max_rows`` rows once ``max_rows + extra`` are seen; cut at the ``max_rows + cut``-th
    marker, moving the end by ``shift``, then append ``closing``."""

    marker: bytes
    extra: int
    cut: int
    shift: int
    closing: bytes = b""


_ROW_MARKERS: dict[str, _RowMarker] = {
    "JSON": _RowMarker(b'},{"', 0, 0, 1, b"]}}"),  # separators between bindings
    "XML": _RowMarker(b"<result>", 1, 1, 0, b"</results></sparql>"),
    "TSV": _RowMarker(b"\n", 2, 1, 1),  # one header line
    "CSV": _RowMarker(b"\r\n", 2, 1, 2),
    "N_TRIPLES": _RowMarker(b"\n", 1, 0, 1),
}


class _Capped:
    """A file-like sink for pyoxigraph that counts row markers and stops past the cap."""

    def __init__(self, rows: _RowMarker, max_rows: int) -> None:
        self.rows, self.max_rows = rows, max_rows
        self.chunks: list[bytes] = []
        self.count = 0
        self._tail = b""

    def write(self, data: bytes) -> int:
        data = bytes(data)
        marker = self.rows.marker
        window = self._tail + data
        self.count += window.count(marker) - self._tail.count(marker)
        self._tail = window[-(len(marker) - 1) :] if len(marker) > 1 else b""
        self.chunks.append(data)
        if self.count >= self.max_rows + self.rows.extra:
            raise _LimitReached
        return len(data)

    def flush(self) -> None:
        """Nothing buffered here."""

    def cut(self) -> bytes:
        """The first ``max_rows`` rows, closed."""
        body = b"".join(self.chunks)
        position = -1
        for _ in range(self.max_rows + self.rows.cut):
            position = body.find(self.rows.marker, position + 1)
        return body[: position + self.rows.shift] + self.rows.closing


def _serialize_capped(result: Any, name: str, max_rows: int) -> tuple[bytes, bool]:
    """Serialize a result with pyoxigraph, cut after ``max_rows`` rows (and say so)."""
    fmt = ox.RdfFormat.N_TRIPLES if name == "N_TRIPLES" else getattr(ox.QueryResultsFormat, name)
    sink = _Capped(_ROW_MARKERS[name], max_rows)
    try:
        result.serialize(sink, format=fmt)
    except _LimitReached:
        return sink.cut(), True
    return b"".join(sink.chunks), False


def _rdf_format(fmt: protocol.Format) -> ox.RdfFormat:
    return getattr(ox.RdfFormat, fmt.name)


def _graphs(iris: Sequence[str]) -> list[ox.NamedNode]:
    return [ox.NamedNode(iri) for iri in iris]


def _not_acceptable(offers: Sequence[protocol.Format]) -> Reply:
    names = ", ".join(f.media_type for f in offers)
    return text_reply(406, f"Not acceptable: this result can be given as {names}.")


def run_query(store: ox.Store, task: QueryTask, max_rows: int) -> Reply:
    """Execute a query and serialize it in the negotiated format; a SERVICE endpoint
    that cannot be reached, or fails, is the upstream's fault: 502, not a crash."""
    try:
        return _answer_query(store, task, max_rows)
    except OSError as error:
        return text_reply(502, f"A SERVICE endpoint of the query failed: {error}")


def _answer_query(store: ox.Store, task: QueryTask, max_rows: int) -> Reply:
    options: dict[str, Any] = {"base_iri": task.base_iri}
    if task.default_graphs or task.named_graphs:
        options["default_graph"] = _graphs(task.default_graphs)
        if task.named_graphs:
            options["named_graphs"] = _graphs(task.named_graphs)
    else:
        options["use_default_graph_as_union"] = True
    try:
        result = store.query(task.text, **options)
    except SyntaxError as error:
        return text_reply(400, f"Bad query: {error}")
    except ValueError as error:
        return text_reply(400, f"Bad request: {error}")
    headers: dict[str, str] = {}
    truncated = False
    if isinstance(result, ox.QueryBoolean):
        fmt = protocol.negotiate(task.accept, protocol.RESULT_FORMATS)
        if fmt is None:
            return _not_acceptable(protocol.RESULT_FORMATS)
        body = result.serialize(format=getattr(ox.QueryResultsFormat, fmt.name))
    elif isinstance(result, ox.QuerySolutions):
        fmt = protocol.negotiate(task.accept, protocol.RESULT_FORMATS)
        if fmt is None:
            return _not_acceptable(protocol.RESULT_FORMATS)
        body, truncated = _serialize_capped(result, fmt.name, max_rows)
    else:
        fmt = protocol.negotiate(task.accept, protocol.GRAPH_FORMATS)
        if fmt is None:
            return _not_acceptable(protocol.GRAPH_FORMATS)
        body, truncated = _serialize_capped(result, "N_TRIPLES", max_rows)
        if fmt is not protocol.N_TRIPLES:
            triples = ox.parse(body, format=ox.RdfFormat.N_TRIPLES)
            body = ox.serialize(triples, format=_rdf_format(fmt)) or b""
    if truncated:
        headers[TRUNCATED_HEADER] = "true"
        headers["Warning"] = f'199 newskg "result cut at max_rows={max_rows} rows"'
    return Reply(200, fmt.content_type, body, headers)


def _graph_exists(store: ox.Store, graph: str) -> bool:
    return graph == DEFAULT_GRAPH or store.contains_named_graph(ox.NamedNode(graph))


def _graph_name(graph: str) -> ox.NamedNode | ox.DefaultGraph:
    return ox.DefaultGraph() if graph == DEFAULT_GRAPH else ox.NamedNode(graph)


def run_graph_get(store: ox.Store, task: GraphGetTask) -> Reply:
    """Serialize one graph, or the whole dataset, in the negotiated format."""
    if task.graph is None:
        fmt = protocol.negotiate(task.accept, protocol.DATASET_FORMATS)
        if fmt is None:
            return _not_acceptable(protocol.DATASET_FORMATS)
        return Reply(200, fmt.content_type, store.dump(format=_rdf_format(fmt)) or b"", {})
    if not _graph_exists(store, task.graph):
        return text_reply(404, f"No graph <{task.graph}> in this store.")
    offers = protocol.GRAPH_FORMATS[:4]  # triples formats
    fmt = protocol.negotiate(task.accept, offers)
    if fmt is None:
        return _not_acceptable(offers)
    body = store.dump(format=_rdf_format(fmt), from_graph=_graph_name(task.graph)) or b""
    return Reply(200, fmt.content_type, body, {})


def run_update(store: ox.Store, task: UpdateTask) -> Reply:
    """Execute a SPARQL update."""
    try:
        store.update(task.text, base_iri=task.base_iri)
    except SyntaxError as error:
        return text_reply(400, f"Bad update: {error}")
    except (ValueError, OSError) as error:
        return text_reply(400, f"Update failed: {error}")
    store.flush()
    return Reply(204, "text/plain; charset=utf-8", b"", {})


def _graph_target(graph: str) -> str:
    """The SPARQL spelling of a graph for DROP and CREATE."""
    return "DEFAULT" if graph == DEFAULT_GRAPH else f"GRAPH <{graph}>"


def graph_write_update(graph: str, ntriples: str, *, replace: bool, existed: bool) -> str:
    """The one SPARQL Update that replaces (PUT) or merges into (POST) ``graph``.

    ``ntriples`` is pyoxigraph's own N-Triples serialization of the parsed payload,
    which is valid inside INSERT DATA (blank nodes stay distinct from the store's).
    """
    operations = []
    if replace and existed:
        operations.append(f"DROP SILENT {_graph_target(graph)}")
    if graph != DEFAULT_GRAPH:
        operations.append(f"CREATE SILENT {_graph_target(graph)}")
    if ntriples:
        data = ntriples if graph == DEFAULT_GRAPH else f"GRAPH <{graph}> {{\n{ntriples}\n}}"
        operations.append(f"INSERT DATA {{\n{data}\n}}")
    return " ;\n".join(operations)


def run_graph_write(store: ox.Store, task: GraphWriteTask) -> Reply:
    """Replace (PUT) or merge into (POST) a graph in one transaction; 201 when it is new.

    Every part is parsed before anything is written, so a bad part changes nothing.
    """
    triples: list[ox.Triple] = []
    for body, media_type in task.parts:
        fmt = protocol.format_for_media_type(media_type, protocol.UPLOAD_FORMATS)
        if fmt is None:
            accepted = ", ".join(f.media_type for f in protocol.UPLOAD_FORMATS)
            return text_reply(
                415, f"Unsupported media type {media_type!r}: send one of {accepted}."
            )
        try:
            parsed = ox.parse(body, format=_rdf_format(fmt), base_iri=task.graph or None)
            triples.extend(quad.triple for quad in parsed)  # JSON-LD graphs: into this one
        except SyntaxError as error:
            return text_reply(400, f"Bad {fmt.media_type} body: {error}")
    existed = _graph_exists(store, task.graph)
    ntriples = (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
    del triples
    update = graph_write_update(task.graph, ntriples, replace=task.replace, existed=existed)
    del ntriples
    if update:
        try:
            store.update(update)
        except SyntaxError as error:  # a term N-Triples can say and SPARQL cannot
            return text_reply(400, f"Cannot store this body: {error}")
    store.flush()
    return Reply(204 if existed else 201, "text/plain; charset=utf-8", b"", {})


def run_graph_delete(store: ox.Store, task: GraphDeleteTask) -> Reply:
    """Remove a graph (or empty the default graph) in one transaction; 404 when missing."""
    if not _graph_exists(store, task.graph):
        return text_reply(404, f"No graph <{task.graph}> in this store.")
    store.update(f"DROP {_graph_target(task.graph)}")
    store.flush()
    return Reply(204, "text/plain; charset=utf-8", b"", {})


def execute(store: ox.Store, task: Task, max_rows: int) -> Reply:
    """Run one task against an open store."""
    if isinstance(task, QueryTask):
        return run_query(store, task, max_rows)
    if isinstance(task, GraphGetTask):
        return run_graph_get(store, task)
    if isinstance(task, UpdateTask):
        return run_update(store, task)
    if isinstance(task, GraphWriteTask):
        return run_graph_write(store, task)
    return run_graph_delete(store, task)


def safe_execute(store: ox.Store, task: Task, max_rows: int) -> Reply:
    """Run one task; an unexpected error is logged and answers 500."""
    try:
        return execute(store, task, max_rows)
    except Exception:
        log.error("task %r failed:\n%s", type(task).__name__, traceback.format_exc())
        return text_reply(500, "Internal error while running the request (logged on the server).")
