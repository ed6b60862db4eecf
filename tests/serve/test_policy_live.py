"""Issue 8, items 1 and 4, against a real ``kg serve`` (waitress, worker processes, an
Oxigraph store on disk) on 127.0.0.1 with real HTTP clients, and a real listener that
records every call a SERVICE or LOAD makes."""

from __future__ import annotations

import json
import logging
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator

import psutil
import pytest

from kg.config import Settings
from kg.serve.server import running
from tests.serve.recorder import ROW, Recorder
from tests.serve.test_live import build_store

TOKEN = "s3cret"
DEEP = "SELECT * WHERE " + "{ " * 3000 + "?s ?p ?o" + " }" * 3000
UNIONS = "SELECT * WHERE { " + " UNION ".join(["{}"] * 7000) + " }"
DEEP_UPDATE = "INSERT { <urn:a> <urn:b> <urn:c> } WHERE " + "{ " * 3000 + "}" * 3000


def _closed_port() -> str:
    """An endpoint on 127.0.0.1 where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}/sparql"


CLOSED = _closed_port()


@pytest.fixture(scope="module")
def recorder() -> Iterator[Recorder]:
    with Recorder() as listening:
        yield listening


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, recorder: Recorder) -> Iterator[str]:
    store = tmp_path_factory.mktemp("policy") / "store"
    build_store(store, 50)
    allow = (recorder.url("/allowed"), recorder.url("/redirect"), CLOSED)
    settings = Settings(store=store, port=0, workers=2, update_token=TOKEN, service_allowlist=allow)
    with running(settings) as (url, _pool):
        yield url


def call(
    url: str,
    *,
    params: dict[str, str] | None = None,
    raw_query: str = "",
    body: bytes | None = None,
    content_type: str | None = None,
    token: bool = False,
) -> tuple[int, str]:
    """One request to /sparql; (status, body text)."""
    query = raw_query or (urllib.parse.urlencode(params) if params else "")
    request = urllib.request.Request(f"{url}/sparql" + (f"?{query}" if query else ""), data=body)
    request.add_header("Accept", "application/sparql-results+json")
    if content_type:
        request.add_header("Content-Type", content_type)
    if token:
        request.add_header("Authorization", f"Bearer {TOKEN}")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def form(**fields: str) -> bytes:
    return urllib.parse.urlencode(fields).encode("ascii")


FORM = "application/x-www-form-urlencoded"


def test_the_issue_reproducer_is_refused(server: str, recorder: Recorder) -> None:
    """Issue 8 item 1, exactly as filed: answered 200 with the listener's rows."""
    recorder.hits.clear()
    query = (
        f"SELECT * WHERE {{ BIND(<urn:x\\u0041'> AS ?q) SERVICE <{recorder.url('/x')}> "
        "{ ?x ?p ?o } BIND('' AS ?z) }"
    )
    status, text = call(server, params={"query": query})
    assert status == 400, text
    assert "not in the allowlist" in text and "--allow-service" in text
    assert recorder.hits == []


def test_an_allowlisted_endpoint_is_called(server: str, recorder: Recorder) -> None:
    recorder.hits.clear()
    query = f"SELECT ?x WHERE {{ SERVICE <{recorder.url('/allowed')}> {{ ?x ?p ?o }} }}"
    status, text = call(server, params={"query": query})
    assert status == 200, text
    assert [b["x"]["value"] for b in json.loads(text)["results"]["bindings"]] == [ROW]
    assert recorder.hits == ["/allowed"]


def test_an_allowlisted_endpoint_that_is_down_is_a_502_not_a_500(server: str) -> None:
    query = f"SELECT ?x WHERE {{ SERVICE <{CLOSED}> {{ ?x ?p ?o }} }}"
    status, text = call(server, params={"query": query})
    assert status == 502, text
    assert "SERVICE endpoint" in text


def test_the_load_trick_with_a_token_is_refused_and_writes_nothing(
    server: str, recorder: Recorder
) -> None:
    recorder.hits.clear()
    update = (
        "INSERT DATA { <urn:x\\u0041'> <urn:p> <urn:o> } ; "
        f"LOAD <{recorder.url('/data.nt')}> INTO GRAPH <urn:loaded> ; "
        "INSERT DATA { <urn:a> <urn:b> '' }"
    )
    status, text = call(server, body=form(update=update), content_type=FORM, token=True)
    assert status == 400, text
    assert "LOAD" in text and "not in the allowlist" in text
    assert recorder.hits == []
    ask = "ASK { { <urn:xA'> ?p ?o } UNION { GRAPH <urn:loaded> { ?s ?p ?o } } }"
    status, text = call(server, params={"query": ask})
    assert status == 200 and json.loads(text)["boolean"] is False


def test_a_redirect_from_an_allowlisted_endpoint_is_not_followed(
    server: str, recorder: Recorder
) -> None:
    """pyoxigraph follows no redirect on SERVICE: the 302 to /internal goes nowhere."""
    recorder.hits.clear()
    query = f"SELECT * WHERE {{ SERVICE SILENT <{recorder.url('/redirect')}> {{ ?x ?p ?o }} }}"
    status, text = call(server, params={"query": query})
    assert status == 200, text
    assert json.loads(text)["results"]["bindings"] in ([], [{}])
    assert recorder.hits == ["/redirect"]


def _workers() -> set[int]:
    return {child.pid for child in psutil.Process().children(recursive=True)}


def test_a_huge_collection_is_a_400_and_costs_no_worker(server: str) -> None:
    """Oxigraph's parser dies on a 20,000-item collection; the server refuses it first."""
    items = " ".join(str(i) for i in range(20_000))
    status, text = call(server, body=form(query=f"SELECT * WHERE {{ ?s ?p ( {items} ) }}"),
                        content_type=FORM)  # fmt: skip
    assert status == 400, text
    assert "collection" in text
    status, text = call(server, params={"query": "ASK { ?s ?p ?o }"})
    assert status == 200 and json.loads(text)["boolean"] is True


@pytest.mark.parametrize(
    ("how", "message"),
    [
        ("get", "3000 deep"),
        ("form", "3000 deep"),
        ("direct", "3000 deep"),
        ("update-form", "3000 deep"),
        ("update-direct", "3000 deep"),
        ("unions", "6999 operators"),
        ("ff-form", "not UTF-8"),
        ("ff-get", "not UTF-8"),
        ("ff-update", "not UTF-8"),
        ("ff-direct", "not valid UTF-8"),
    ],
)
def test_malformed_requests_are_400_cost_no_worker_and_log_nothing(
    server: str, how: str, message: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Issue 8 item 4: a query nested 3,000 deep crashed a worker (500) and ``query=%FF``
    answered 500 with a traceback in the log."""
    before = _workers()
    requests = {
        "get": {"params": {"query": DEEP}},
        "form": {"body": form(query=DEEP), "content_type": FORM},
        "direct": {"body": DEEP.encode(), "content_type": "application/sparql-query"},
        "update-form": {"body": form(update=DEEP_UPDATE), "content_type": FORM, "token": True},
        "update-direct": {
            "body": DEEP_UPDATE.encode(),
            "content_type": "application/sparql-update",
            "token": True,
        },
        "unions": {"body": form(query=UNIONS), "content_type": FORM},
        "ff-form": {"body": b"query=%FF", "content_type": FORM},
        "ff-get": {"raw_query": "query=%FF"},
        "ff-update": {"body": b"update=%FF", "content_type": FORM, "token": True},
        "ff-direct": {"body": b"ASK { \xff }", "content_type": "application/sparql-query"},
    }
    with caplog.at_level(logging.WARNING):
        status, text = call(server, **requests[how])  # type: ignore[arg-type]
    assert status == 400, text
    assert message in text
    assert not [r for r in caplog.records if r.exc_info or "Traceback" in r.getMessage()]
    assert _workers() == before  # no worker died or was replaced
    status, text = call(server, params={"query": "ASK { ?s ?p ?o }"})
    assert status == 200 and json.loads(text)["boolean"] is True


def test_the_checked_text_is_what_runs(server: str) -> None:
    """The text that runs is the checked canonical text: escapes and comments are read
    once, as Oxigraph reads them, and the answer is the same."""
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o # counted\r FILTER(?o != 'x\\u0022' && isLITERAL(?o)) }"
    status, text = call(server, params={"query": query})
    assert status == 200, text
    assert json.loads(text)["results"]["bindings"][0]["n"]["value"] == "50"
