"""A real ``kg serve`` under timeouts, ``kill -9``, heavy queries, memory hogs and stalled
sockets: writes are whole or absent, reads never wait for a write, quick queries get
through, and every 503 says when to come back."""

from __future__ import annotations

import contextlib
import json
import os
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
from contextlib import contextmanager
from pathlib import Path

import psutil
import pyoxigraph as ox
import pytest

from kg.config import Settings
from kg.serve.server import running
from tests.serve.test_live import CARTESIAN, ID, build_store, count, free_port, get, wait_for

TOKEN = "s3cret"
GRAPH = f"{ID}article/big"
LABEL = "http://www.w3.org/2004/02/skos/core#prefLabel"


def ntriples(n: int, tag: str) -> bytes:
    """``n`` labelled entities as N-Triples (about 130 bytes a line: 70,000 fit in the
    10 MiB body limit)."""
    return "".join(
        f'<{ID}entity/{tag}/{i}> <{LABEL}> "Entity {i} of the {tag} upload"@en .\n'
        for i in range(n)
    ).encode()


def fill_graph(store: Path, n: int) -> None:
    """Write ``n`` triples into GRAPH before any server opens the store."""
    db = ox.Store(str(store))
    db.bulk_load(ntriples(n, "old"), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(GRAPH))
    db.flush()
    del db


def graph_size(url: str) -> int:
    status, body = get(url, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH}> {{ ?s ?p ?o }} }}")
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def send(
    url: str, method: str, path: str, body: bytes, content_type: str, timeout: float = 60
) -> tuple[int, bytes, dict[str, str]]:
    request = urllib.request.Request(
        f"{url}{path}",
        data=body,
        method=method,
        headers={"Content-Type": content_type, "Authorization": f"Bearer {TOKEN}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


def put_graph(url: str, body: bytes) -> tuple[int, bytes, dict[str, str]]:
    path = f"/store?graph={urllib.parse.quote(GRAPH, safe='')}"
    return send(url, "PUT", path, body, "application/n-triples")


@contextmanager
def kg_serve(store: Path, *options: str) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """A real ``kg serve --update-token`` process on a free loopback port."""
    port = free_port()
    kg = Path(sys.executable).parent / "kg"
    command = [str(kg), "serve", "--store", str(store), "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--update-token", TOKEN, *options],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{url}/sparql?query=ASK%7B%7D", 60)
        yield url, process
    finally:
        if process.poll() is None:
            children = psutil.Process(process.pid).children(recursive=True)
            process.terminate()
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)
            psutil.wait_procs(children, timeout=5)


def quiet_put(url: str, body: bytes) -> None:
    """A PUT whose server may die under it."""
    with contextlib.suppress(OSError):
        put_graph(url, body)


def kill_9(process: subprocess.Popen[bytes]) -> None:
    """SIGKILL the server and its worker processes at once, as a crash would."""
    family = [psutil.Process(process.pid), *psutil.Process(process.pid).children(recursive=True)]
    for member in family:
        os.kill(member.pid, signal.SIGKILL)
    process.wait(10)
    psutil.wait_procs(family, timeout=10)


def snapshot_folders(store: Path) -> list[Path]:
    return sorted(store.parent.glob(f".{store.name}-snapshots-*"))


def test_put_under_a_timeout_leaves_the_old_graph_or_the_new(tmp_path: Path) -> None:
    """A PUT stopped by --query-timeout must not leave the graph empty or half-written."""
    store = tmp_path / "store"
    fill_graph(store, 20_000)
    # 70,000 triples take longer than the timeout to store; 500 do not (the old graph
    # is small by then), so both a stopped and a finished PUT are met
    sizes = [70_000, 500, 70_000, 500, 65_000, 700]
    outcomes = []
    with kg_serve(store, "--query-timeout", "1.5", "--workers", "1") as (url, _):
        expected = 20_000
        for round_, n in enumerate(sizes):
            status, body, headers = put_graph(url, ntriples(n, f"r{round_}"))
            assert status in (204, 503), body
            size = graph_size(url)
            if status == 204:
                expected = n
            else:
                assert headers.get("Retry-After"), headers
            # a 503 may come after the commit (kill at the last moment): old or new, never other
            assert size in (expected, n), (round_, status, size, expected, n)
            expected = size
            outcomes.append(status)
    assert 503 in outcomes and 204 in outcomes, outcomes  # both sides of the window were met


def wal_bytes(store: Path) -> int:
    """Bytes in the store's write-ahead logs: they grow the moment a write commits."""
    return sum(path.stat().st_size for path in store.glob("*.log"))


def kill_at(moment: float | None, store: Path) -> None:
    """Wait ``moment`` seconds or, with None, until a first write has reached the log
    whole (it grew, then stayed still for 0.3 s): the old three-step PUT's clear is
    committed then and its insert is not yet."""
    if moment is not None:
        time.sleep(moment)
        return
    deadline = time.monotonic() + 60
    size, still_since, grew = wal_bytes(store), time.monotonic(), False
    while time.monotonic() < deadline:
        time.sleep(0.01)
        now = wal_bytes(store)
        if now != size:
            size, still_since, grew = now, time.monotonic(), True
        elif grew and time.monotonic() - still_since > 0.3:
            return


def test_kill_9_mid_put_then_a_restart_finds_a_whole_graph_and_no_leftovers(
    tmp_path: Path,
) -> None:
    """kill -9 of the server during a PUT: reopened, the graph is the old or the new one,
    and the next server removes the checkpoint folder the dead one left."""
    store = tmp_path / "store"
    fill_graph(store, 60_000)
    old = 60_000
    for moment, new in ((None, 70_000), (1.0, 65_000)):
        with kg_serve(store, "--query-timeout", "60", "--workers", "1") as (url, process):
            assert graph_size(url) == old
            writer = threading.Thread(target=quiet_put, args=(url, ntriples(new, f"n{new}")))
            writer.start()
            kill_at(moment, store)
            leftovers = snapshot_folders(store)
            assert leftovers
            kill_9(process)
            writer.join(30)
        assert snapshot_folders(store) == leftovers  # nobody cleaned up after the kill
        reopened = ox.Store(str(store))  # the lock is free: every process is gone
        size = sum(1 for _ in reopened.quads_for_pattern(None, None, None, ox.NamedNode(GRAPH)))
        del reopened
        assert size in (old, new), (moment, size, old, new)
        with kg_serve(store, "--workers", "1") as (url, _):
            assert graph_size(url) == size
            assert not set(snapshot_folders(store)) & set(leftovers)
            assert len(snapshot_folders(store)) == 1  # its own
        old = size


SLOW_UPDATE = (  # one request, two operations: the DROP must not survive the stop alone
    f"DROP GRAPH <{ID}article/3> ; "
    f"INSERT {{ GRAPH <{ID}article/x> {{ <{ID}e> <{ID}count> ?n }} }} WHERE {{ "
    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?w { ?a ?b ?c } GRAPH ?x { ?d ?e ?f } "
    "GRAPH ?y { ?g ?h ?i } GRAPH ?z { ?j ?k ?l } } }"  # updates read the real default graph
)


def test_reads_do_not_wait_for_a_slow_update(tmp_path: Path) -> None:
    store = tmp_path / "store"
    build_store(store, 3000)
    settings = Settings(store=store, port=0, workers=1, query_timeout=4.0, update_token=TOKEN)
    with running(settings) as (url, _):
        outcome: dict[str, object] = {}

        def update() -> None:
            outcome["reply"] = send(
                url, "POST", "/sparql", SLOW_UPDATE.encode(), "application/sparql-update"
            )

        thread = threading.Thread(target=update)
        thread.start()
        time.sleep(0.5)
        started = time.monotonic()
        assert count(url) == 3000
        assert time.monotonic() - started < 1.5  # today: until the update's timeout
        thread.join(30)
        status, body, headers = outcome["reply"]  # type: ignore[misc]
        assert status == 503 and headers.get("Retry-After"), body
        assert count(url) == 3000  # the stopped update wrote nothing, its DROP included


def test_a_lookup_answers_while_two_heavy_queries_run(tmp_path: Path) -> None:
    store = tmp_path / "store"
    build_store(store, 3000)
    settings = Settings(store=store, port=0, workers=2, query_timeout=8.0)
    with running(settings) as (url, _):
        replies: list[tuple[int, bytes, float]] = []

        def heavy() -> None:
            started = time.monotonic()
            status, body = get(url, CARTESIAN)
            replies.append((status, body, time.monotonic() - started))

        threads = [threading.Thread(target=heavy) for _ in range(2)]
        for thread in threads:
            thread.start()
        time.sleep(1.5)  # both heavy queries are long ones by now
        started = time.monotonic()
        status, body = get(url, f"SELECT ?l WHERE {{ <{ID}entity/7> ?p ?l }}")
        assert status == 200, body
        assert time.monotonic() - started < 2.0  # today: until a heavy one times out
        # a third heavy query gets no long-query slot: stopped early, told to retry
        third_started = time.monotonic()
        request = urllib.request.Request(f"{url}/sparql?query={urllib.parse.quote(CARTESIAN)}")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=30)
        assert refused.value.code == 503
        assert refused.value.headers["Retry-After"]
        assert b"long queries" in refused.value.read()
        assert time.monotonic() - third_started < 5.0
        for thread in threads:
            thread.join(30)
        assert [r[0] for r in replies] == [503, 503]


def test_a_memory_hog_is_stopped_with_503_naming_the_limit(tmp_path: Path) -> None:
    store = tmp_path / "store"
    build_store(store, 3000)
    settings = Settings(store=store, port=0, workers=1, query_timeout=60.0, max_memory=1024)
    with running(settings) as (url, pool):
        hog = "SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f ?a ?d"
        started = time.monotonic()
        request = urllib.request.Request(f"{url}/sparql?query={urllib.parse.quote(hog)}")
        with pytest.raises(urllib.error.HTTPError) as stopped:
            urllib.request.urlopen(request, timeout=90)
        assert stopped.value.code == 503
        assert stopped.value.headers["Retry-After"]
        assert b"memory limit of 1024 MiB" in stopped.value.read()
        assert time.monotonic() - started < 50  # the limit stopped it, not the timeout
        assert count(url) == 3000  # and the server goes on
        cap = 1024 * 1024 * 1024
        deadline = time.monotonic() + 30  # the replacement caps itself once its store is open
        while {psutil.Process(pid).rlimit(psutil.RLIMIT_AS)[0] for pid in pool.worker_pids()} != {
            cap
        }:
            assert time.monotonic() < deadline, "a worker runs without the memory limit"
            time.sleep(0.2)


def test_stalled_sockets_do_not_block_others_and_are_dropped(tmp_path: Path) -> None:
    store = tmp_path / "store"
    build_store(store, 50)
    settings = Settings(store=store, port=0, workers=1, read_timeout=3)
    with running(settings) as (url, _):
        port = int(url.rsplit(":", 1)[1])
        stalled = []
        for _ in range(150):  # more than waitress's default connection limit (100)
            sock = socket.create_connection(("127.0.0.1", port), timeout=10)
            sock.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n")  # never ends
            stalled.append(sock)
        try:
            time.sleep(0.5)
            started = time.monotonic()
            assert count(url) == 50
            assert time.monotonic() - started < 2.0
            time.sleep(4.0)  # read_timeout (3 s) and one clean-up round
            for sock in stalled:
                sock.settimeout(5)
                assert sock.recv(1024) == b""  # closed by the server
        finally:
            for sock in stalled:
                sock.close()
