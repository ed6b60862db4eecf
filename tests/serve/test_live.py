"""A real server on 127.0.0.1 and real clients: SPARQLWrapper, timeouts, store sharing,
federation from Oxigraph's own server, and ``serve()`` started and stopped as ``kg serve``."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import psutil
import pyoxigraph as ox
import pytest
from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper

from kg.config import Settings
from kg.serve.executor import WorkerPool
from kg.serve.server import running

ID = "https://w3id.org/newskg/id/"
SKOS_LABEL = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
# Counted, so the whole product must be computed: a streamed SELECT * would reach the
# row limit within the timeout on a fast machine and answer 200 with a cut result.
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def build_store(path: Path, entities: int, *, first: int = 0) -> None:
    """Write ``entities`` labelled entities into per-article named graphs."""
    store = ox.Store(str(path))
    store.extend(
        ox.Quad(
            ox.NamedNode(f"{ID}entity/{i}"),
            SKOS_LABEL,
            ox.Literal(f"Entity {i}", language="en"),
            ox.NamedNode(f"{ID}article/{i % 20}"),
        )
        for i in range(first, first + entities)
    )
    store.flush()
    del store


def get(url: str, query: str, accept: str = "application/sparql-results+json") -> tuple[int, bytes]:
    request = urllib.request.Request(
        f"{url}/sparql?query={urllib.parse.quote(query)}", headers={"Accept": accept}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def count(url: str) -> int:
    status, body = get(url, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, WorkerPool, Path]]:
    store = tmp_path_factory.mktemp("live") / "store"
    build_store(store, 3000)
    settings = Settings(store=store, port=0, workers=2, query_timeout=2.0)
    with running(settings) as (url, pool):
        yield url, pool, store


def test_sparqlwrapper_select_construct_ask(served: tuple[str, WorkerPool, Path]) -> None:
    url = served[0]
    client = SPARQLWrapper(f"{url}/sparql")
    client.setQuery(f"SELECT ?label WHERE {{ <{ID}entity/7> ?p ?label }}")
    client.setReturnFormat(JSON)
    bindings = client.query().convert()["results"]["bindings"]  # type: ignore[index]
    assert [b["label"]["value"] for b in bindings] == ["Entity 7"]
    client.setQuery(f"CONSTRUCT WHERE {{ <{ID}entity/7> ?p ?o }}")
    client.setReturnFormat(TURTLE)
    turtle = client.query().convert()
    assert len(list(ox.parse(turtle, format=ox.RdfFormat.TURTLE))) == 1
    client.setQuery(f"ASK {{ <{ID}entity/7> ?p ?o }}")
    client.setReturnFormat(JSON)
    assert client.query().convert()["boolean"] is True  # type: ignore[index]


def test_runaway_query_is_stopped_while_others_are_served(
    served: tuple[str, WorkerPool, Path],
) -> None:
    url, pool, _ = served
    before = set(pool.worker_pids())
    outcome: dict[str, object] = {}

    def runaway() -> None:
        started = time.monotonic()
        outcome["status"], outcome["body"] = get(url, CARTESIAN)
        outcome["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.3)
    started = time.monotonic()
    assert count(url) == 3000
    assert time.monotonic() - started < 1.0
    thread.join(30)
    assert outcome["status"] == 503
    assert b"query timeout" in outcome["body"]  # type: ignore[operator]
    assert 1.9 < outcome["seconds"] < 6  # type: ignore[operator]
    killed = before - set(pool.worker_pids())
    assert len(killed) == 1
    for pid in killed:
        assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    assert count(url) == 3000


def test_new_build_is_picked_up_without_a_restart(served: tuple[str, WorkerPool, Path]) -> None:
    url, _, store = served
    build_store(store, 10, first=3000)  # a `kg build` on the served directory
    deadline = time.monotonic() + 10
    while count(url) != 3010:
        assert time.monotonic() < deadline, "the new data never showed up"
        time.sleep(0.3)


def test_read_only_server_leaves_the_store_writable(served: tuple[str, WorkerPool, Path]) -> None:
    writer = ox.Store(str(served[2]))  # would fail if the server held the write lock
    del writer


def test_update_token_server_is_the_single_writer(tmp_path: Path) -> None:
    store = tmp_path / "store"
    build_store(store, 10)
    settings = Settings(store=store, port=0, workers=1, update_token="t")
    with running(settings) as (url, _):
        with pytest.raises(OSError):
            ox.Store(str(store))
        request = urllib.request.Request(
            f"{url}/sparql",
            data=f"INSERT DATA {{ GRAPH <{ID}article/x> {{ <{ID}e> <{ID}p> 1 }} }}".encode(),
            headers={"Content-Type": "application/sparql-update", "Authorization": "Bearer t"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.status == 204
        assert count(url) == 11  # the next query sees the update


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_oxigraph_federates_into_our_endpoint(
    served: tuple[str, WorkerPool, Path], tmp_path: Path
) -> None:
    oxigraph = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(oxigraph).exists():
        pytest.skip("the oxigraph server CLI (PyPI oxigraph) is not installed")
    url = served[0]
    port = free_port()
    process = subprocess.Popen(
        [oxigraph, "serve", "--location", str(tmp_path / "ox"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D")
        query = f"SELECT ?label WHERE {{ SERVICE <{url}/sparql> {{ <{ID}entity/42> ?p ?label }} }}"
        status, body = _oxigraph_query(port, query)
        assert status == 200, body
        labels = [b["label"]["value"] for b in json.loads(body)["results"]["bindings"]]
        assert labels == ["Entity 42"]
    finally:
        process.terminate()
        process.wait(10)


def _oxigraph_query(port: int, query: str) -> tuple[int, bytes]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/query?query={urllib.parse.quote(query)}",
        headers={"Accept": "application/sparql-results+json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_kg_serve_prints_its_url_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    store = tmp_path / "store"
    build_store(store, 5)
    port = free_port()
    code = (
        "from pathlib import Path\n"
        "from kg.config import Settings\n"
        "from kg.serve.server import serve\n"
        "import faulthandler, signal\n"
        "faulthandler.register(signal.SIGUSR1, all_threads=True)  # where it hangs, if it does\n"
        # Ctrl-C as in a terminal: a shell that ran the tests in the background (`make
        # test &`) ignores SIGINT, and a child started so keeps ignoring it
        "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
        "if __name__ == '__main__':\n"
        f"    serve(Settings(store=Path({str(store)!r}), port={port}, workers=1))\n"
    )
    script = tmp_path / "run_serve.py"
    script.write_text(code)
    process = subprocess.Popen(
        [sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        line = process.stdout.readline()  # type: ignore[union-attr]
        assert f"http://127.0.0.1:{port}/" in line
        assert count(f"http://127.0.0.1:{port}") == 5
        children = psutil.Process(process.pid).children(recursive=True)
        process.send_signal(signal.SIGINT)
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:  # say where it hangs: every thread's stack
            process.send_signal(signal.SIGUSR1)
            time.sleep(1)
            process.kill()
            pytest.fail(f"kg serve did not stop on Ctrl-C: {process.stdout.read()}")  # type: ignore[union-attr]
        assert process.returncode == 0
        psutil.wait_procs(children, timeout=5)
        assert not [c for c in children if c.is_running() and c.status() != psutil.STATUS_ZOMBIE]
    finally:
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
