"""The Flask app on an in-memory store (LocalExecutor): status codes, headers, auth."""

from __future__ import annotations

import io
import json
import re

import pyoxigraph as ox
import pytest
from flask.testing import FlaskClient

from kg.config import Settings
from kg.serve import create_app
from kg.serve.executor import (
    GraphDeleteTask,
    GraphGetTask,
    GraphWriteTask,
    LocalExecutor,
    QueryTask,
    Reply,
    SnapshotTask,
    UpdateTask,
    decode_reply,
    decode_task,
    encode_reply,
    encode_task,
)
from kg.serve.sparql import SparqlFastPath

ID = "https://w3id.org/newskg/id/"
TOKEN = "s3cret"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def small_store(rows: int = 5) -> ox.Store:
    store = ox.Store()
    for i in range(rows):
        store.add(
            ox.Quad(
                ox.NamedNode(f"{ID}entity/{i}"),
                ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"),
                ox.Literal(f"Entity {i}", language="en"),
                ox.NamedNode(f"{ID}article/{i % 2}"),
            )
        )
    return store


def client(token: str | None = TOKEN, rows: int = 5, **options: object) -> FlaskClient:
    settings = Settings(update_token=token, **options)  # type: ignore[arg-type]
    executor = LocalExecutor(small_store(rows), max_rows=settings.max_rows)
    return create_app(settings, executor).test_client()


def test_default_graph_is_the_union_of_article_graphs() -> None:
    response = client().get(
        "/sparql", query_string={"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"}
    )
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert json.loads(response.data)["results"]["bindings"][0]["n"]["value"] == "5"


def test_dataset_parameters_restrict_the_default_graph() -> None:
    response = client().get(
        "/sparql",
        query_string={
            "query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
            "default-graph-uri": f"{ID}article/0",
        },
    )
    assert json.loads(response.data)["results"]["bindings"][0]["n"]["value"] == "3"


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("text/csv", "text/csv"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/html,application/xml;q=0.9,*/*;q=0.8", "application/sparql-results+json"),
    ],
)
def test_select_negotiation(accept: str, media_type: str) -> None:
    response = client().get(
        "/sparql", query_string={"query": "SELECT * { ?s ?p ?o }"}, headers={"Accept": accept}
    )
    assert response.mimetype == media_type


@pytest.mark.parametrize(
    "accept",
    [
        "text/turtle",
        "application/n-triples",
        "application/ld+json",
        "application/rdf+xml",
        "application/trig",
        "application/n-quads",
    ],
)
def test_construct_formats_parse_back(accept: str) -> None:
    response = client().get(
        "/sparql",
        query_string={"query": "CONSTRUCT WHERE { ?s ?p ?o }"},
        headers={"Accept": accept},
    )
    assert response.mimetype == accept
    assert len(list(ox.parse(response.data, format=ox.RdfFormat.from_media_type(accept)))) == 5


def test_not_acceptable_and_bad_query() -> None:
    c = client()
    assert (
        c.get(
            "/sparql", query_string={"query": "ASK {}"}, headers={"Accept": "image/png"}
        ).status_code
        == 406
    )
    bad = c.get("/sparql", query_string={"query": "SELECT * WHERE { ?s "})
    assert bad.status_code == 400
    assert b"error at" in bad.data


def test_truncation_is_announced() -> None:
    response = client(rows=50, max_rows=10).get(
        "/sparql", query_string={"query": "SELECT * { ?s ?p ?o }"}
    )
    assert response.headers["X-Newskg-Truncated"] == "true"
    assert len(json.loads(response.data)["results"]["bindings"]) == 10
    whole = client(rows=10, max_rows=10).get(
        "/sparql", query_string={"query": "SELECT * { ?s ?p ?o }"}
    )
    assert "X-Newskg-Truncated" not in whole.headers


def test_service_description() -> None:
    response = client().get("/sparql", headers={"Accept": "text/turtle"})
    assert response.mimetype == "text/turtle"
    triples = list(ox.parse(response.data, format=ox.RdfFormat.TURTLE))
    sd = "http://www.w3.org/ns/sparql-service-description#"
    objects = {(t.predicate.value, t.object.value) for t in triples}
    assert (f"{sd}endpoint", "http://localhost/sparql") in objects
    assert (f"{sd}feature", f"{sd}UnionDefaultGraph") in objects
    assert (f"{sd}supportedLanguage", f"{sd}SPARQL11Update") in objects
    read_only = client(token=None).get("/sparql", headers={"Accept": "application/ld+json"})
    assert read_only.mimetype == "application/ld+json"
    assert b"SPARQL11Update" not in read_only.data


def test_updates_need_the_token() -> None:
    update = {
        "data": "INSERT DATA { <http://a> <http://b> <http://c> }",
        "content_type": "application/sparql-update",
    }
    assert client(token=None).post("/sparql", **update, headers=AUTH).status_code == 403
    missing = client().post("/sparql", **update)
    assert missing.status_code == 401
    assert missing.headers["WWW-Authenticate"].startswith("Bearer")
    assert (
        client().post("/sparql", **update, headers={"Authorization": "Bearer nope"}).status_code
        == 401
    )
    ok = client().post("/sparql", **update, headers=AUTH)
    assert ok.status_code == 204
    assert "Access-Control-Allow-Origin" not in ok.headers


def test_cors_preflight_allows_reads_only() -> None:
    response = client().options("/sparql")
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "Authorization" not in response.headers["Access-Control-Allow-Headers"]


def test_service_and_load_refused() -> None:
    c = client()
    q = c.get(
        "/sparql",
        query_string={"query": "SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"},
    )
    assert q.status_code == 400
    assert b"service_allowlist" in q.data
    load = c.post(
        "/sparql",
        data="LOAD <file:///etc/passwd>",
        content_type="application/sparql-update",
        headers=AUTH,
    )
    assert load.status_code == 400


def test_body_too_large() -> None:
    response = client(max_body_bytes=100).post(
        "/sparql", data="ASK {} #" + "x" * 200, content_type="application/sparql-query"
    )
    assert response.status_code == 413


def test_graph_store_round_trip() -> None:
    c = client()
    graph = "/store?graph=http%3A%2F%2Fexample.org%2Fg"
    assert c.get(graph).status_code == 404
    put = c.put(graph, data='<http://a> <http://b> "c" .', content_type="text/turtle", headers=AUTH)
    assert put.status_code == 201
    assert (
        c.put(
            graph, data='<http://a> <http://b> "d" .', content_type="text/turtle", headers=AUTH
        ).status_code
        == 204
    )
    assert (
        c.post(
            graph,
            data='<http://a> <http://b> "e" .',
            content_type="application/n-triples",
            headers=AUTH,
        ).status_code
        == 204
    )
    body = c.get(graph, headers={"Accept": "application/n-triples"}).data
    assert body.count(b"\n") == 2
    assert c.head(graph).status_code == 200
    assert (
        c.put(graph, data="not turtle <", content_type="text/turtle", headers=AUTH).status_code
        == 400
    )
    assert c.put(graph, data="x", content_type="image/png", headers=AUTH).status_code == 415
    assert c.delete(graph).status_code == 401
    assert c.delete(graph, headers=AUTH).status_code == 204
    assert c.delete(graph, headers=AUTH).status_code == 404
    created = c.post(
        "/store", data='<http://a> <http://b> "c" .', content_type="text/turtle", headers=AUTH
    )
    assert created.status_code == 201
    assert created.headers["Location"].startswith(ID)


def test_no_stack_trace_reaches_the_client() -> None:
    class Broken(LocalExecutor):
        def run(self, task):  # type: ignore[no-untyped-def]
            raise RuntimeError("secret internals")

    app = create_app(Settings(), Broken(ox.Store()))
    response = app.test_client().get("/sparql", query_string={"query": "ASK {}"})
    assert response.status_code == 500
    assert b"secret" not in response.data
    assert b"Traceback" not in response.data


@pytest.mark.parametrize(
    ("query", "fmt", "media_type"),
    [
        ("SELECT * { ?s ?p ?o }", "csv", "text/csv"),
        ("SELECT * { ?s ?p ?o }", "tsv", "text/tab-separated-values"),
        ("SELECT * { ?s ?p ?o }", "xml", "application/sparql-results+xml"),
        ("ASK { ?s ?p ?o }", "json", "application/sparql-results+json"),
        ("CONSTRUCT WHERE { ?s ?p ?o }", "json", "application/ld+json"),
        ("CONSTRUCT WHERE { ?s ?p ?o }", "ntriples", "application/n-triples"),
        ("CONSTRUCT WHERE { ?s ?p ?o }", "rdfxml", "application/rdf+xml"),
    ],
)
def test_format_parameter_overrides_accept(query: str, fmt: str, media_type: str) -> None:
    response = client().get(
        "/sparql",
        query_string={"query": query, "format": fmt},
        headers={"Accept": "application/trig, image/png"},  # ignored
    )
    assert response.status_code == 200
    assert response.mimetype == media_type


def test_format_parameter_refusals() -> None:
    c = client()
    unknown = c.get("/sparql", query_string={"query": "ASK {}", "format": "pdf"})
    assert unknown.status_code == 400
    assert b"csv" in unknown.data  # says which names work
    no_csv_triples = c.get(
        "/sparql", query_string={"query": "CONSTRUCT WHERE { ?s ?p ?o }", "format": "csv"}
    )
    assert no_csv_triples.status_code == 406
    posted = c.post(
        "/sparql",
        data={"query": "SELECT * { ?s ?p ?o }", "format": "csv"},
        content_type="application/x-www-form-urlencoded",
    )
    assert posted.mimetype == "text/csv"
    description = c.get("/sparql", query_string={"format": "ntriples"})
    assert description.mimetype == "application/n-triples"


FAST_PATH_CASES = [
    ("GET", {"query": "SELECT * { ?s ?p ?o }"}, None, "application/sparql-results+xml"),
    ("GET", {"query": "SELECT * { ?s ?p ?o }", "format": "csv"}, None, None),
    ("GET", {"query": "SELECT * WHERE { ?s "}, None, None),
    ("GET", {"query": "SELECT * { SERVICE <http://example.org/s> { ?s ?p ?o } }"}, None, None),
    ("GET", {"query": "ASK {}", "default-graph-uri": "not an iri"}, None, None),
    ("GET", {}, None, "text/turtle"),
    ("GET", {"update": "CLEAR ALL"}, None, None),
    ("POST", {}, ("application/sparql-query", "ASK { ?s ?p ?o }"), None),
    ("POST", {}, ("application/x-www-form-urlencoded", "query=ASK+%7B%7D"), None),
    ("POST", {}, ("application/sparql-update", "CLEAR ALL"), None),  # no token: 401
    ("POST", {}, ("image/png", "x"), None),
    ("PUT", {}, None, None),
]


@pytest.mark.parametrize(("method", "args", "body", "accept"), FAST_PATH_CASES)
def test_fast_path_answers_like_the_flask_view(
    method: str, args: dict[str, str], body: tuple[str, str] | None, accept: str | None
) -> None:
    """The WSGI fast path in front of Flask and the Flask view give the same answer."""
    from werkzeug.test import EnvironBuilder, run_wsgi_app

    app = create_app(Settings(update_token=TOKEN), LocalExecutor(small_store()))
    fast = app.wsgi_app
    assert isinstance(fast, SparqlFastPath)
    answers = []
    for wsgi in (fast, fast.app):  # fast path, then Flask alone
        builder = EnvironBuilder(
            path="/sparql",
            method=method,
            query_string=args,
            headers={"Accept": accept} if accept else {},
            content_type=body[0] if body else None,
            data=body[1] if body else None,
        )
        chunks, status, headers = run_wsgi_app(wsgi, builder.get_environ(), buffered=True)
        content = re.sub(rb"_:\w+", b"_:b", b"".join(chunks))  # blank node labels are random
        named = sorted((k, v) for k, v in headers.items() if k != "Content-Length")
        assert int(headers["Content-Length"]) == sum(map(len, chunks))
        answers.append((status.split()[0], named, content))
    assert answers[0] == answers[1]


def test_fast_path_hands_other_requests_to_flask() -> None:
    c = client()
    assert c.head("/sparql", query_string={"query": "ASK {}"}).status_code == 200
    assert c.options("/sparql").status_code == 204
    chunked = c.post(  # no Content-Length: Flask reads the body
        "/sparql",
        input_stream=io.BytesIO(b"ASK {}"),
        headers={"Content-Type": "application/sparql-query", "Transfer-Encoding": "chunked"},
    )
    assert chunked.status_code == 200


def test_pipe_messages_round_trip() -> None:
    tasks = [
        QueryTask("ASK {}", ("http://g",), (), "text/csv", "http://x/sparql"),
        UpdateTask("CLEAR ALL", None),
        GraphGetTask(None, "application/trig"),
        GraphWriteTask("http://g", ((b"<a> <b> <c> .", "text/turtle"),), replace=True),
        GraphDeleteTask(""),
        SnapshotTask("/tmp/x"),
    ]
    for task in tasks:
        assert decode_task(encode_task(3, "/store", task)) == (3, "/store", task)
    reply = Reply(200, "text/csv", b"a\r\n", {"Warning": "w"})
    assert decode_reply(encode_reply(reply)) == reply
