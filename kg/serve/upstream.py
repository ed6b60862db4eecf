"""``kg serve --store sparql+http://…``: the page, the questions and the safe defaults in
front of a SPARQL server.

:class:`RemoteExecutor` has the calling interface of the local executors
(``run(task) -> Reply``, ``writable``, ``close()``), so the app, ``/sparql`` and the pages
are the same; the checks in front of it are too (``SERVICE`` only to allowed endpoints,
request size, read-only). A query is forwarded to the server's query endpoint and read
until ``query_timeout`` (then the connection is closed and the answer is 503); results
are cut at ``max_rows`` and re-serialised by pyoxigraph in the format the client asked
for. The server's own limit should match: ``oxigraph serve --timeout-s``, Virtuoso's
``MaxQueryExecutionTime``. Writes are refused (403): a server store is written by
``kg build`` or by the server's own endpoints.
"""

from __future__ import annotations

import contextlib
import json
import logging
import time
from collections.abc import Iterator
from typing import Any

import pyoxigraph as ox

from kg.config import Settings
from kg.remote import (
    N_TRIPLES,
    SPARQL_JSON,
    RemoteError,
    RemoteTimeout,
    SparqlClient,
    ask_fixed,
    describe,
    open_client,
    read_body,
)
from kg.remote_read import ask_union_default, iter_dataset, query_form
from kg.serve import protocol
from kg.serve.executor import (
    DEFAULT_GRAPH,
    TRUNCATED_HEADER,
    GraphGetTask,
    QueryTask,
    QueryTimeout,
    Reply,
    Task,
)

log = logging.getLogger(__name__)
PLAIN = "text/plain; charset=utf-8"


def _text(status: int, message: str) -> Reply:
    return Reply(status, PLAIN, message.encode("utf-8") + b"\n", {})


def _not_acceptable(offers: tuple[protocol.Format, ...] | list[protocol.Format]) -> Reply:
    names = ", ".join(f.media_type for f in offers)
    return _text(406, f"Not acceptable: this result can be given as {names}.")


class RemoteExecutor:
    """Runs read tasks on a SPARQL server with a deadline and a row cap; refuses writes."""

    writable = False

    def __init__(
        self, client: SparqlClient, *, timeout: float, max_rows: int, base_iri: str
    ) -> None:
        self.client, self.timeout, self.max_rows = client, timeout, max_rows
        self.base_iri = base_iri  # newskg's graphs are those under it

    def run(self, task: Task) -> Reply:
        """Answer a query or a Graph Store GET; raise QueryTimeout past the deadline."""
        try:
            if isinstance(task, QueryTask):
                return self._query(task)
            if isinstance(task, GraphGetTask):
                return self._graph_get(task)
        except RemoteTimeout as error:
            raise QueryTimeout(str(error)) from None
        except RemoteError as error:
            log.error("server store: %s", error)
            return _text(502, f"The SPARQL server behind this endpoint failed: {error}")
        return _text(
            403,
            "This server is read-only: it serves the SPARQL server "
            f"{self.client.endpoints.spec}; write to that server (or rebuild with kg build).",
        )

    def close(self) -> None:
        """Close the connections to the server."""
        self.client.close()

    def _forward(self, task: QueryTask, accept: str, max_lines: int | None) -> bytes:
        deadline = time.monotonic() + self.timeout
        response = self.client.open_query(
            task.text,
            accept,
            timeout=self.timeout,
            default_graphs=task.default_graphs,
            named_graphs=task.named_graphs,
        )
        body = read_body(response, deadline, max_lines)
        if response.status_code >= 300:
            message = body.decode("utf-8", "replace").strip()[:2000]
            if response.status_code in (503, 504) or "timeout" in message.lower():
                raise RemoteTimeout(f"the server stopped the query: {message}")
            if 400 <= response.status_code < 500:
                raise _BadQuery(message)
            raise RemoteError(f"the server answered {response.status_code}: {message}")
        return body

    def _query(self, task: QueryTask) -> Reply:
        try:
            form = query_form(task.text)
            if form in ("CONSTRUCT", "DESCRIBE"):
                return self._graph_query(task)
            return self._solutions_query(task)
        except _BadQuery as error:
            return _text(400, f"Bad query: {error}")
        except RemoteError as error:
            if str(error).startswith("bad query"):
                return _text(400, f"Bad query: {error}")
            raise

    def _solutions_query(self, task: QueryTask) -> Reply:
        fmt = protocol.negotiate(task.accept, protocol.RESULT_FORMATS)
        if fmt is None:
            return _not_acceptable(protocol.RESULT_FORMATS)
        data: dict[str, Any] = json.loads(ask_fixed(self._forward(task, SPARQL_JSON, None)))
        headers: dict[str, str] = {}
        bindings = data.get("results", {}).get("bindings")
        if bindings is not None and len(bindings) > self.max_rows:
            data["results"]["bindings"] = bindings[: self.max_rows]
            headers = _truncated(self.max_rows)
        capped = json.dumps(data).encode("utf-8")
        results = ox.parse_query_results(capped, format=ox.QueryResultsFormat.JSON)
        body = results.serialize(format=getattr(ox.QueryResultsFormat, fmt.name)) or b""
        return Reply(200, fmt.content_type, body, headers)

    def _graph_query(self, task: QueryTask) -> Reply:
        fmt = protocol.negotiate(task.accept, protocol.GRAPH_FORMATS)
        if fmt is None:
            return _not_acceptable(protocol.GRAPH_FORMATS)
        body = self._forward(task, N_TRIPLES, self.max_rows)
        lines = [line for line in body.split(b"\n") if line.strip()]
        headers: dict[str, str] = {}
        if len(lines) > self.max_rows:  # the last line read may be partial: cut before it
            body = b"\n".join(lines[: self.max_rows]) + b"\n"
            headers = _truncated(self.max_rows)
        triples = list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))
        out = ox.serialize(triples, format=getattr(ox.RdfFormat, fmt.name)) or b""
        return Reply(200, fmt.content_type, out, headers)

    def _graph_get(self, task: GraphGetTask) -> Reply:
        if task.graph is None:
            fmt = protocol.negotiate(task.accept, protocol.DATASET_FORMATS)
            if fmt is None:
                return _not_acceptable(protocol.DATASET_FORMATS)
            quads = [q for _, graph in iter_dataset(self.client, self.base_iri) for q in graph]
            body = ox.serialize(quads, format=getattr(ox.RdfFormat, fmt.name)) or b""
            return Reply(200, fmt.content_type, body, {})
        offers = protocol.GRAPH_FORMATS[:4]
        fmt = protocol.negotiate(task.accept, offers)
        if fmt is None:
            return _not_acceptable(offers)
        if task.graph == DEFAULT_GRAPH:  # newskg writes named graphs only
            return Reply(200, fmt.content_type, b"", {})
        data = self.client.graph_ntriples(task.graph)
        if not data.strip():
            return _text(404, f"No graph <{task.graph}> in {self.client.endpoints.spec}.")
        triples = ox.parse(data, format=ox.RdfFormat.N_TRIPLES)
        body = ox.serialize(triples, format=getattr(ox.RdfFormat, fmt.name)) or b""
        return Reply(200, fmt.content_type, body, {})


class _BadQuery(RemoteError):
    """The server refused the query as malformed (its 4xx)."""


def _truncated(max_rows: int) -> dict[str, str]:
    return {
        TRUNCATED_HEADER: "true",
        "Warning": f'199 newskg "result cut at max_rows={max_rows} rows"',
    }


def make_executor(settings: Settings) -> RemoteExecutor:
    """The executor for ``settings.store`` (a server spec), reads only."""
    client = open_client(str(settings.store), settings)
    return RemoteExecutor(
        client,
        timeout=settings.query_timeout,
        max_rows=settings.max_rows,
        base_iri=settings.base_iri,
    )


def check_server(executor: RemoteExecutor) -> str | None:
    """None when the server answers with its graphs in the default graph, else a warning."""
    try:
        if executor.client.select("ASK { GRAPH ?g { ?s ?p ?o } }") and not ask_union_default(
            executor.client
        ):
            return (
                "the server's default graph does not see its named graphs: start Oxigraph "
                "with `oxigraph serve --union-default-graph` (the questions query the union)"
            )
    except RemoteError as error:
        return f"cannot query {describe(executor.client.endpoints)}: {error}"
    return None


@contextlib.contextmanager
def running_remote(settings: Settings) -> Iterator[tuple[str, RemoteExecutor]]:
    """Serve in a background thread (tests, benchmarks): yield (base URL, executor)."""
    from kg.serve.server import running

    with running(settings, make_executor(settings)) as served:
        yield served


def serve_remote(settings: Settings) -> None:
    """``kg serve`` for a server store, until Ctrl-C or SIGTERM."""
    from kg.serve.server import serve

    executor = make_executor(settings)
    warning = check_server(executor)
    if warning:
        print(f"newskg: warning: {warning}", flush=True)
    serve(settings, executor, f"{describe(executor.client.endpoints)} (read-only)")
