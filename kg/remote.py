"""A SPARQL 1.1 server as the store: ``--store sparql+http://HOST:PORT/``.

The server is reached over the SPARQL 1.1 Protocol (queries), SPARQL 1.1 Update
(writes) and the Graph Store HTTP Protocol (reading one graph whole). A *profile* names
the paths of those three endpoints and how writes authenticate:

* ``oxigraph`` (``oxigraph serve --location DIR --union-default-graph``): ``/query``,
  ``/update``, ``/store``, no authentication. One update request is one transaction.
* ``virtuoso``: ``/sparql``, ``/sparql-auth`` (HTTP digest, user ``dba`` by default),
  ``/sparql-graph-crud-auth``. Virtuoso refuses blank nodes in ``INSERT DATA``, so the
  profile writes ``INSERT { … } WHERE {}``; it applies the operations of one request one
  after another and keeps those done when a later one fails (see README).

:class:`SparqlServerTarget` is the build's write side (the ``GraphTarget`` interface:
``replace_graphs`` / ``stored_hashes`` / ``finish``); :class:`SparqlClient` is the
HTTP client that it and the read side (:mod:`kg.remote_read`, :mod:`kg.serve.upstream`)
share.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox
import requests
from requests.auth import HTTPDigestAuth

from kg.config import Settings
from kg.nquads import graph_lines, relabel
from kg.store import StoreError

SERVER_SCHEMES = ("sparql+http://", "sparql+https://")
CONTENT_HASH = "https://w3id.org/newskg/ontology#contentHash"
SPARQL_JSON = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"


def is_server_spec(store: object) -> bool:
    """Whether a ``--store`` value names a SPARQL server rather than a directory."""
    return isinstance(store, str) and store.startswith(SERVER_SCHEMES)


@dataclass(frozen=True)
class ServerProfile:
    """The endpoint paths and write conventions of one kind of SPARQL server."""

    name: str
    query_path: str
    update_path: str
    graph_path: str
    digest_auth: bool  # writes and graph-store reads need HTTP digest authentication
    default_user: str | None
    insert_template: bool  # INSERT { … } WHERE {} instead of INSERT DATA (blank nodes)
    atomic_request: bool  # one update request is one transaction
    max_insert_triples: int | None = None  # most triples in one INSERT operation
    graph_param: str = "graph"


PROFILES: dict[str, ServerProfile] = {
    "oxigraph": ServerProfile("oxigraph", "/query", "/update", "/store", False, None, False, True),
    "virtuoso": ServerProfile(
        "virtuoso",
        "/sparql",
        "/sparql-auth",
        "/sparql-graph-crud-auth",
        True,
        "dba",
        True,
        False,
        max_insert_triples=2000,
    ),
}


class RemoteError(StoreError):
    """The server could not be reached or refused a request; the message says which."""


class RemoteTimeout(RemoteError):
    """A request ran past its deadline; the connection was closed."""


@dataclass(frozen=True)
class ServerEndpoints:
    """Where one server store is reached, resolved from the spec, profile and settings."""

    spec: str
    profile: ServerProfile
    query_url: str
    update_url: str
    graph_url: str
    user: str | None
    password: str | None

    @classmethod
    def resolve(cls, spec: str, settings: Settings) -> ServerEndpoints:
        """``sparql+http://127.0.0.1:7878/`` with the profile's paths, overridable."""
        if not is_server_spec(spec):
            raise RemoteError(f"{spec}: not a server store (expected sparql+http://HOST:PORT/)")
        profile = PROFILES.get(settings.store_profile)
        if profile is None:
            names = ", ".join(PROFILES)
            raise RemoteError(f"unknown --store-profile {settings.store_profile!r}: use {names}")
        base = spec.removeprefix("sparql+").rstrip("/")

        def url(path: str | None, default: str) -> str:
            chosen = path or default
            return chosen if "://" in chosen else base + "/" + chosen.lstrip("/")

        return cls(
            spec,
            profile,
            url(settings.store_query_path, profile.query_path),
            url(settings.store_update_path, profile.update_path),
            url(settings.store_graph_path, profile.graph_path),
            settings.store_user or profile.default_user,
            settings.store_password,
        )


class SparqlClient:
    """HTTP keep-alive client of one server: queries, updates, graph-store reads."""

    def __init__(self, endpoints: ServerEndpoints, timeout: float) -> None:
        self.endpoints, self.timeout = endpoints, timeout
        self.session = requests.Session()
        self._auth: HTTPDigestAuth | None = None
        if endpoints.profile.digest_auth and endpoints.user:
            self._auth = HTTPDigestAuth(endpoints.user, endpoints.password or "")

    def close(self) -> None:
        """Close the pooled connections."""
        self.session.close()

    def _send(
        self, method: str, url: str, *, auth: bool, timeout: float, **kwargs: Any
    ) -> requests.Response:
        if auth and self.endpoints.profile.digest_auth and not self.endpoints.password:
            raise RemoteError(
                f"{self.endpoints.spec}: the {self.endpoints.profile.name} profile writes "
                "with digest auth: give --store-password or set NEWSKG_STORE_PASSWORD"
            )
        try:
            return self.session.request(
                method,
                url,
                auth=self._auth if auth else None,
                timeout=(min(10.0, timeout), timeout),
                **kwargs,
            )
        except requests.Timeout as error:
            raise RemoteTimeout(f"{url}: no answer within {timeout:g} s") from error
        except requests.RequestException as error:
            raise RemoteError(
                f"{self.endpoints.spec}: cannot reach the SPARQL server at {url} ({error}); "
                "is it running, and are --store-profile and the endpoint paths right?"
            ) from error

    @staticmethod
    def _check(response: requests.Response, what: str) -> None:
        if response.status_code >= 300:
            message = response.text.strip()[:2000]
            raise RemoteError(f"{what}: the server answered {response.status_code}: {message}")

    def update(self, text: str) -> None:
        """POST one SPARQL Update request (application/sparql-update)."""
        response = self._send(
            "POST",
            self.endpoints.update_url,
            auth=True,
            timeout=self.timeout,
            data=text.encode("utf-8"),
            headers={"Content-Type": "application/sparql-update; charset=utf-8"},
        )
        self._check(response, f"update at {self.endpoints.update_url}")

    def open_query(
        self,
        text: str,
        accept: str,
        *,
        timeout: float | None = None,
        default_graphs: Sequence[str] = (),
        named_graphs: Sequence[str] = (),
    ) -> requests.Response:
        """POST a query (form-encoded) and return the streaming response, unread."""
        form = [("query", text)]
        form += [("default-graph-uri", iri) for iri in default_graphs]
        form += [("named-graph-uri", iri) for iri in named_graphs]
        return self._send(
            "POST",
            self.endpoints.query_url,
            auth=False,
            timeout=self.timeout if timeout is None else timeout,
            data=form,
            headers={"Accept": accept},
            stream=True,
        )

    def select(self, text: str) -> ox.QuerySolutions | ox.QueryBoolean:
        """A SELECT or ASK, parsed into pyoxigraph's result objects."""
        response = self.open_query(text, SPARQL_JSON)
        body = read_body(response, time.monotonic() + self.timeout)
        self._check_body(response, body, "query")
        return ox.parse_query_results(ask_fixed(body), format=ox.QueryResultsFormat.JSON)

    def construct(self, text: str) -> list[ox.Triple]:
        """A CONSTRUCT or DESCRIBE, parsed into triples."""
        response = self.open_query(text, N_TRIPLES)
        body = read_body(response, time.monotonic() + self.timeout)
        self._check_body(response, body, "query")
        return list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))

    def _check_body(self, response: requests.Response, body: bytes, what: str) -> None:
        if response.status_code >= 300:
            message = body.decode("utf-8", "replace").strip()[:2000]
            raise RemoteError(
                f"{what} at {response.url}: the server answered {response.status_code}: {message}"
            )

    def graph_ntriples(self, graph: str) -> bytes:
        """One graph as N-Triples, from the Graph Store endpoint (empty if missing)."""
        profile = self.endpoints.profile
        response = self._send(
            "GET",
            self.endpoints.graph_url,
            auth=profile.digest_auth,
            timeout=self.timeout,
            params={profile.graph_param: graph},
            headers={"Accept": N_TRIPLES},
            stream=True,
        )
        body = read_body(response, time.monotonic() + self.timeout)
        if response.status_code == 404:
            return b""
        self._check_body(response, body, "graph store GET")
        return body


ASK_RETVAL = "__ASK_RETVAL"


def ask_fixed(body: bytes) -> bytes:
    """SPARQL JSON results, with Virtuoso's answer to an ASK (a one-row SELECT of
    ``__ASK_RETVAL`` 1 or 0) turned into the boolean result it stands for."""
    if ASK_RETVAL.encode() not in body[:200]:
        return body
    data = json.loads(body)
    if data.get("head", {}).get("vars") != [ASK_RETVAL]:
        return body
    rows = data.get("results", {}).get("bindings", [])
    value = bool(rows) and rows[0].get(ASK_RETVAL, {}).get("value") not in ("0", "false")
    return json.dumps({"head": {}, "boolean": value}).encode()


def read_body(response: requests.Response, deadline: float, max_lines: int | None = None) -> bytes:
    """The body, read in chunks until ``deadline`` (then :class:`RemoteTimeout`, the
    connection closed); with ``max_lines``, stop after that many lines (the rest unread)."""
    chunks: list[bytes] = []
    lines = 0
    try:
        for chunk in response.iter_content(chunk_size=65536):
            chunks.append(chunk)
            if max_lines is not None:
                lines += chunk.count(b"\n")
                if lines > max_lines:
                    break
            if time.monotonic() > deadline:
                raise RemoteTimeout(f"{response.url}: the answer took longer than the deadline")
    except requests.RequestException as error:
        raise RemoteTimeout(f"{response.url}: the answer stopped: {error}") from error
    finally:
        response.close()
    return b"".join(chunks)


# --- the build's write side ----------------------------------------------------------------


@dataclass
class GraphBlock:
    """One graph's part of an update: its triple lines, those that name a blank node kept
    together (one ``INSERT`` scopes its blank node labels), and its content-hash triples."""

    graph: str
    plain: list[str]
    blank: list[str]
    hashes: list[str]

    @property
    def quads(self) -> int:
        return len(self.plain) + len(self.blank) + len(self.hashes)

    @property
    def size(self) -> int:
        lines = (*self.plain, *self.blank, *self.hashes)
        return 3 * len(self.graph) + sum(len(line) + 1 for line in lines) + 80


def graph_block(graph: str, nquads: bytes, index: int) -> GraphBlock:
    """One graph's N-Quads as its update block (quads of other graphs are an error).

    The workers' lines are cut into terms (:func:`kg.nquads.graph_lines`); any other
    N-Quads are parsed.
    """
    block = GraphBlock(graph, [], [], [])
    prefix = f"g{index}x"
    lines = graph_lines(graph, nquads)
    if lines is None:
        lines = []
        for quad in ox.parse(nquads, format=ox.RdfFormat.N_QUADS):
            name = quad.graph_name
            if not isinstance(name, ox.DefaultGraph) and name.value != graph:
                raise ValueError(f"a quad of graph <{name.value}> among the quads of <{graph}>")
            lines.append((str(quad.subject), str(quad.predicate), str(quad.object)))
    hash_predicate = f"<{CONTENT_HASH}>"
    for subject, predicate, obj in lines:
        subject, obj = relabel(subject, prefix), relabel(obj, prefix)
        line = f"{subject} {predicate} {obj} ."
        if predicate == hash_predicate:
            block.hashes.append(line)
        elif subject.startswith("_:") or obj.startswith("_:"):
            block.blank.append(line)
        else:
            block.plain.append(line)
    return block


def _units(block: GraphBlock, max_triples: int | None) -> Iterator[tuple[str, list[str]]]:
    """(graph, lines) pieces of a block's blank-node-free lines, ``max_triples`` at most."""
    step = max_triples or max(1, len(block.plain))
    for start in range(0, len(block.plain), step):
        yield block.graph, block.plain[start : start + step]


def _insert(units: Sequence[tuple[str, list[str]]], template: bool) -> str:
    by_graph: dict[str, list[str]] = {}
    for graph, lines in units:
        by_graph.setdefault(graph, []).extend(lines)
    inner = "\n".join(
        f"GRAPH <{graph}> {{\n" + "\n".join(lines) + "\n}" for graph, lines in by_graph.items()
    )
    return f"INSERT {{\n{inner}\n}} WHERE {{}}" if template else f"INSERT DATA {{\n{inner}\n}}"


def _packed(
    units: Iterator[tuple[str, list[str]]], max_triples: int | None, template: bool
) -> Iterator[str]:
    """INSERT operations holding whole units, ``max_triples`` at most each (a larger unit
    goes alone)."""
    pending: list[tuple[str, list[str]]] = []
    count = 0
    for graph, lines in units:
        if pending and max_triples and count + len(lines) > max_triples:
            yield _insert(pending, template)
            pending, count = [], 0
        pending.append((graph, lines))
        count += len(lines)
    if pending:
        yield _insert(pending, template)


def update_text(blocks: Sequence[GraphBlock], profile: ServerProfile) -> str:
    """Drop every graph, insert their data, then (last) their content hashes.

    The hashes go last so that on a server that is not transactional across the
    operations of a request (Virtuoso), a graph whose hash is stored is whole. A graph's
    blank-node triples stay in one ``INSERT`` (it scopes the labels); on Virtuoso, which
    refuses blank nodes in ``INSERT DATA``, that one is ``INSERT { … } WHERE {}``, and
    operations are kept under its parser's limits (``max_insert_triples``).
    """
    limit = profile.max_insert_triples
    parts = [f"DROP SILENT GRAPH <{block.graph}>" for block in blocks]
    plain = (unit for block in blocks for unit in _units(block, limit))
    blank = ((block.graph, block.blank) for block in blocks if block.blank)
    if profile.insert_template:
        parts += _packed(plain, limit, template=False)
        parts += _packed(blank, limit and limit // 4, template=True)
    else:  # one INSERT DATA may hold blank nodes: keep a graph's lines together
        parts += _packed(
            ((b.graph, b.blank + b.plain) for b in blocks if b.blank or b.plain),
            limit,
            template=False,
        )
    parts += _packed(((b.graph, b.hashes) for b in blocks if b.hashes), limit, template=False)
    return " ;\n".join(parts)


def plan_requests(
    graphs: Mapping[str, bytes], request_bytes: int, profile: ServerProfile
) -> Iterator[tuple[str, int]]:
    """(update text, quads) per request: whole graphs, as many as fit in ``request_bytes``
    (a graph larger than that goes alone: a graph is never split)."""
    pending: list[GraphBlock] = []
    size = 0
    for index, (graph, nquads) in enumerate(graphs.items()):
        block = graph_block(graph, nquads, index)
        if pending and size + block.size > request_bytes:
            yield update_text(pending, profile), sum(b.quads for b in pending)
            pending, size = [], 0
        pending.append(block)
        size += block.size
    if pending:
        yield update_text(pending, profile), sum(b.quads for b in pending)


class SparqlServerTarget:
    """Writes a build into a SPARQL 1.1 server: each batch replaces its graphs whole.

    A batch is one update request (one transaction on Oxigraph) unless it is larger than
    ``store_request_bytes``; then it is split between graphs and each request is atomic.
    """

    def __init__(self, client: SparqlClient, request_bytes: int) -> None:
        self.client, self.request_bytes = client, request_bytes
        self.requests = 0
        self.quads = 0

    @property
    def spec(self) -> str:
        """The ``--store`` value this target writes to."""
        return self.client.endpoints.spec

    def replace_graphs(self, graphs: Mapping[str, bytes]) -> None:
        """Replace each named graph whole (an empty value drops it)."""
        profile = self.client.endpoints.profile
        for text, quads in plan_requests(graphs, self.request_bytes, profile):
            self.client.update(text)
            self.requests += 1
            self.quads += quads

    def stored_hashes(self, graph_iris: Sequence[str]) -> dict[str, str]:
        """graph IRI → the ``nkg:contentHash`` its own subject carries in it, by SPARQL."""
        found: dict[str, str] = {}
        for start in range(0, len(graph_iris), 200):
            chunk = graph_iris[start : start + 200]
            if not chunk:
                continue
            values = " ".join(f"<{iri}>" for iri in chunk)
            results = self.client.select(
                f"SELECT ?g ?h WHERE {{ VALUES ?g {{ {values} }} "
                f"GRAPH ?g {{ ?g <{CONTENT_HASH}> ?h }} }}"
            )
            assert isinstance(results, ox.QuerySolutions)
            for row in results:
                graph, value = row["g"], row["h"]
                if isinstance(graph, ox.NamedNode) and value is not None:
                    found[graph.value] = value.value
        return found

    def finish(self) -> None:
        """Close the connections (the server has committed each request already)."""
        self.client.close()


def open_client(spec: str, settings: Settings) -> SparqlClient:
    """A client for the server named by ``spec`` with ``settings``' profile and paths."""
    return SparqlClient(ServerEndpoints.resolve(spec, settings), settings.store_timeout)


def open_server_target(spec: str, settings: Settings) -> SparqlServerTarget:
    """The build target for ``--store sparql+http://…``; fails early if the server is down."""
    client = open_client(spec, settings)
    client.select("ASK { }")
    return SparqlServerTarget(client, settings.store_request_bytes)


def describe(endpoints: ServerEndpoints) -> str:
    """One line naming the server and its endpoints, for messages."""
    atomic = (
        "one transaction per request"
        if endpoints.profile.atomic_request
        else "updates not transactional across operations"
    )
    return (
        f"{endpoints.spec} ({endpoints.profile.name}: query {endpoints.query_url}, "
        f"update {endpoints.update_url}, graph store {endpoints.graph_url}; {atomic})"
    )
