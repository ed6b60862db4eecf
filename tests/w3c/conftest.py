"""Runner for the W3C SPARQL 1.1 Protocol and Graph Store Protocol suites.

Reads the manifests from ``../shared/w3c/sparql11/`` (never copied into the repo) and
replays each test's HTTP requests against a live ``kg serve`` on 127.0.0.1 started
with an update token (the update tests and Graph Store writes need it). Before each
test the store is emptied and the test's ``ut:graphData`` loaded into named graphs.
"""

from __future__ import annotations

import http.client
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
import rdflib
from rdflib import RDF, RDFS, Namespace
from rdflib.collection import Collection
from rdflib.compare import isomorphic

from kg.config import Settings
from kg.serve.server import running

SUITES = Path(__file__).resolve().parents[2].parent / "shared" / "w3c" / "sparql11"
TOKEN = "w3c-suite-token"

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")

STATUS = {"OK": {200}, "Created": {201}, "NoContent": {204}, "NotFound": {404}}
RESULT_TYPES = {
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
}
RDF_TYPES = {
    "text/turtle",
    "application/n-triples",
    "application/rdf+xml",
    "application/ld+json",
    "application/n-quads",
    "application/trig",
}


@dataclass
class Request:
    """One HTTP request of a test and what its response must be."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None
    statuses: set[int]
    expected_boolean: bool | None = None
    expected_format: str | None = None
    expected_content_type: str | None = None
    expected_body: str | None = None
    location_variable: str | None = None


@dataclass
class SuiteTest:
    """One manifest entry."""

    name: str
    requests: list[Request]
    graph_data: list[tuple[Path, str]] = field(default_factory=list)


def _statuses(graph: rdflib.Graph, response: rdflib.term.Node) -> set[int]:
    codes: set[int] = set()
    for status in graph.objects(response, MF.expectedStatus):
        name = str(status).rsplit("#", 1)[-1]
        if name.startswith("StatusCode") and name.endswith("xx"):
            base = int(name[len("StatusCode")]) * 100
            codes.update(range(base, base + 100))
        else:
            codes.update(STATUS[name])
    return codes


def _headers(graph: rdflib.Graph, node: rdflib.term.Node | None) -> dict[str, str]:
    if node is None:
        return {}
    return {
        str(graph.value(h, HT.fieldName)).lower(): str(graph.value(h, HT.fieldValue))
        for h in Collection(graph, node)
    }


def _request(graph: rdflib.Graph, node: rdflib.term.Node) -> Request:
    response = graph.value(node, HT.resp)
    body_node = graph.value(node, HT.body)
    body = None
    if body_node is not None:
        encoding = str(graph.value(body_node, CNT.characterEncoding) or "UTF-8")
        body = str(graph.value(body_node, CNT.chars)).encode(encoding.lower())
    expected_body = graph.value(graph.value(response, HT.body), CNT.chars)
    boolean = graph.value(response, MF.expectedBoolean)
    fmt = graph.value(response, MF.expectedFormat)
    location = graph.value(response, MF.expectedLocation)
    return Request(
        method=str(graph.value(node, HT.methodName)),
        path=str(graph.value(node, HT.absolutePath)),
        headers=_headers(graph, graph.value(node, HT.headers)),
        body=body,
        statuses=_statuses(graph, response),
        expected_boolean=None if boolean is None else bool(boolean.toPython()),
        expected_format=None if fmt is None else str(fmt),
        expected_content_type=_headers(graph, graph.value(response, HT.headers)).get(
            "content-type"
        ),
        expected_body=None if expected_body is None else str(expected_body),
        location_variable=None if location is None else str(location),
    )


def load_manifest(path: Path) -> list[SuiteTest]:
    """The tests of a manifest, in manifest order."""
    graph = rdflib.Graph().parse(path, format="turtle")
    manifest = next(graph.subjects(RDF.type, MF.Manifest))
    tests = []
    for entry in Collection(graph, graph.value(manifest, MF.entries)):
        action = graph.value(entry, MF.action)
        requests = [
            _request(graph, node) for node in Collection(graph, graph.value(action, HT.requests))
        ]
        data = [
            (
                path.parent / Path(str(graph.value(d, UT.graph))).name,
                str(graph.value(d, RDFS.label)),
            )
            for d in graph.objects(entry, UT.graphData)
        ]
        tests.append(SuiteTest(str(entry).rsplit("#", 1)[-1], requests, data))
    return tests


def suite_params(relative: str) -> list:  # type: ignore[type-arg]
    """pytest params for a manifest's tests, or one skipped param when it is absent."""
    path = SUITES / relative
    if not path.exists():
        reason = f"W3C manifest {path} is absent (../shared/w3c is not beside the repo)"
        return [pytest.param(None, marks=pytest.mark.skip(reason=reason), id="absent")]
    return [pytest.param(t, id=t.name) for t in load_manifest(path)]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A live server with an update token on a free loopback port."""
    settings = Settings(
        store=tmp_path_factory.mktemp("w3c") / "store",
        port=0,
        workers=2,
        query_timeout=20.0,
        update_token=TOKEN,
    )
    with running(settings) as (url, _pool):
        yield url


def send(
    base_url: str, method: str, path: str, headers: dict[str, str], body: bytes | None
) -> tuple[http.client.HTTPResponse, bytes]:
    """Send one raw request (the path exactly as given); the response and its body."""
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=60)
    connection.request(
        method, path, body=body, headers={"Authorization": f"Bearer {TOKEN}", **headers}
    )
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response, data


def reset(base_url: str, test: SuiteTest) -> None:
    """Empty the store and load the test's graph data."""
    update = {"Content-Type": "application/sparql-update"}
    response, data = send(base_url, "POST", "/sparql", update, b"DROP ALL")
    assert response.status == 204, data
    for file, graph in test.graph_data:
        response, data = send(
            base_url,
            "PUT",
            f"/store?graph={quote(graph, safe='')}",
            {"Content-Type": "application/n-triples"},
            file.read_bytes(),
        )
        assert response.status in (201, 204), data


def _boolean(content_type: str, data: bytes) -> bool:
    if content_type == "application/sparql-results+json":
        return bool(json.loads(data)["boolean"])
    assert content_type == "application/sparql-results+xml", content_type
    return b"<boolean>true</boolean>" in data


def run_test(base_url: str, test: SuiteTest, path_prefix: tuple[str, str]) -> None:
    """Replay a test's requests in order and check each response."""
    reset(base_url, test)
    variables: dict[str, str] = {}
    for request in test.requests:
        path = request.path
        if path.startswith(path_prefix[0]):
            path = path_prefix[1] + path[len(path_prefix[0]) :]
        for name, value in variables.items():
            path = path.replace(name, quote(value, safe=""))
        response, data = send(base_url, request.method, path, request.headers, request.body)
        where = f"{test.name}: {request.method} {path} → {response.status} {data[:300]!r}"
        assert response.status in request.statuses, where
        content_type = (response.getheader("Content-Type") or "").split(";")[0].strip()
        if request.expected_format in ("boolean", "tabular"):
            assert content_type in RESULT_TYPES, where
        if request.expected_boolean is not None:
            assert _boolean(content_type, data) is request.expected_boolean, where
        if request.expected_format == "RDF":
            assert content_type in RDF_TYPES, where
        if request.expected_content_type:
            got = (response.getheader("Content-Type") or "").replace(" ", "").lower()
            assert got == request.expected_content_type.replace(" ", "").lower(), where
        if request.expected_body is not None and request.method != "HEAD":
            expected = rdflib.Graph().parse(data=request.expected_body, format="turtle")
            actual = rdflib.Graph().parse(data=data.decode("utf-8"), format="turtle")
            assert isomorphic(expected, actual), where
        if request.location_variable:
            location = response.getheader("Location")
            assert location, where
            variables[request.location_variable] = location
