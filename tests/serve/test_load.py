"""A bounded load test of a real ``kg serve`` on 127.0.0.1 (about 40 s in all).

16 client threads for ``LOAD_SECONDS``: 14 send good queries mixed with malformed ones,
2 send heavy cartesian counts without pause, and 50 sockets sit idle with half a request
sent (reopened when the server drops them). Every good query must answer 2xx, no
malformed one may get a 5xx; the figures are printed (``pytest -s`` shows them).
"""

from __future__ import annotations

import http.client
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import pytest

from tests.serve.test_live import CARTESIAN, ID, build_store, free_port, wait_for

pytestmark = pytest.mark.load

LOAD_SECONDS = 26.0
LIMITS = ("--query-timeout", "5", "--read-timeout", "5")
CLIENTS = 16
HEAVY_CLIENTS = 2
IDLE_SOCKETS = 50
SKOS = "http://www.w3.org/2004/02/skos/core#"

GOOD = [
    ("GET", f"/sparql?query={urllib.parse.quote(f'SELECT ?l WHERE {{ <{ID}entity/7> ?p ?l }}')}"),
    ("GET", "/sparql?query=" + urllib.parse.quote("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")),
    ("GET", f"/sparql?query={urllib.parse.quote(f'ASK {{ <{ID}entity/9> ?p ?o }}')}"),
    (
        "GET",
        "/sparql?query="
        + urllib.parse.quote(
            f'SELECT ?e WHERE {{ ?e <{SKOS}prefLabel> ?l FILTER(STRSTARTS(?l, "Entity 12")) }} LIMIT 20'
        ),
    ),
    (
        "GET",
        f"/sparql?format=ntriples&query={urllib.parse.quote(f'CONSTRUCT WHERE {{ <{ID}entity/3> ?p ?o }}')}",
    ),
    ("GET", f"/store?graph={urllib.parse.quote(f'{ID}article/4', safe='')}"),
]
MALFORMED = [
    ("GET", "/sparql?query=" + urllib.parse.quote("SELEC * WHERE { ?s ?p ?o }")),
    ("GET", "/sparql?query=" + urllib.parse.quote("SELECT * WHERE { ?s ?p ?o ")),
    ("GET", "/sparql?query=" + urllib.parse.quote("SELECT * WHERE { ?s nope:p ?o }")),
    ("GET", "/sparql?format=bogus&query=" + urllib.parse.quote("ASK {}")),
    ("GET", "/sparql?default-graph-uri=not%20an%20iri&query=" + urllib.parse.quote("ASK {}")),
    ("GET", "/sparql?query=ASK%7B%7D&query=ASK%7B%7D"),
    ("POST", "/sparql"),  # a form without a query
    ("GET", "/store?graph=nope"),
]


@dataclass
class Tally:
    """What the clients saw."""

    good: list[float] = field(default_factory=list)
    good_errors: list[str] = field(default_factory=list)
    malformed: int = 0
    malformed_5xx: list[str] = field(default_factory=list)
    heavy: dict[int, int] = field(default_factory=dict)
    idle_reopened: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


class Client:
    """A keep-alive client that reconnects once when the server closed the connection."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def request(self, method: str, path: str) -> tuple[int, bytes]:
        body = b"default-graph-uri=x" if method == "POST" else None
        headers = {"Accept": "application/sparql-results+json, */*;q=0.1"}
        if method == "POST":
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in range(2):
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                return response.status, response.read()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self.connection.close()
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                if attempt:
                    raise
        raise AssertionError("unreachable")


def mixed_client(port: int, seed: int, deadline: float, tally: Tally) -> None:
    rng = random.Random(seed)
    client = Client(port)
    while time.monotonic() < deadline:
        good = rng.random() < 0.75
        method, path = rng.choice(GOOD if good else MALFORMED)
        started = time.monotonic()
        try:
            status, body = client.request(method, path)
        except OSError as error:
            status, body = 0, repr(error).encode()
        elapsed = time.monotonic() - started
        with tally.lock:
            if good and 200 <= status < 300:
                tally.good.append(elapsed)
            elif good:
                tally.good_errors.append(f"{status} {path[:60]} {body[:120]!r}")
            else:
                tally.malformed += 1
                if status >= 500 or status == 0:
                    tally.malformed_5xx.append(f"{status} {path[:60]} {body[:120]!r}")


def heavy_client(port: int, deadline: float, tally: Tally) -> None:
    client = Client(port)
    path = f"/sparql?query={urllib.parse.quote(CARTESIAN)}"
    while time.monotonic() < deadline:
        try:
            status, _ = client.request("GET", path)
        except OSError:
            status = 0
        with tally.lock:
            tally.heavy[status] = tally.heavy.get(status, 0) + 1


def idle_sockets(port: int, deadline: float, tally: Tally) -> None:
    """Keep IDLE_SOCKETS connections open with half a request each."""

    def open_one() -> socket.socket:
        sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        sock.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        sock.setblocking(False)
        return sock

    sockets = [open_one() for _ in range(IDLE_SOCKETS)]
    try:
        while time.monotonic() < deadline:
            time.sleep(0.5)
            for index, sock in enumerate(sockets):
                try:
                    closed = sock.recv(1) == b""
                except BlockingIOError:
                    closed = False
                except OSError:
                    closed = True
                if closed:
                    sock.close()
                    sockets[index] = open_one()
                    with tally.lock:
                        tally.idle_reopened += 1
    finally:
        for sock in sockets:
            sock.close()


def rss(process: psutil.Process) -> tuple[int, int]:
    """MiB resident: the server process, and its worker processes together."""
    workers = sum(child.memory_info().rss for child in process.children(recursive=True))
    return process.memory_info().rss // 2**20, workers // 2**20


def test_sixteen_clients_with_heavy_queries_and_idle_sockets(tmp_path: Path) -> None:
    store = tmp_path / "store"
    build_store(store, 3000)
    port = free_port()
    kg = Path(sys.executable).parent / "kg"
    server = subprocess.Popen(
        [str(kg), "serve", "--store", str(store), "--port", str(port), "--workers", "2", *LIMITS],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D", 60)
        process = psutil.Process(server.pid)
        before = rss(process)
        tally = Tally()
        started = time.monotonic()
        deadline = started + LOAD_SECONDS
        threads = [threading.Thread(target=idle_sockets, args=(port, deadline, tally))]
        threads += [
            threading.Thread(target=heavy_client, args=(port, deadline, tally))
            for _ in range(HEAVY_CLIENTS)
        ]
        threads += [
            threading.Thread(target=mixed_client, args=(port, seed, deadline, tally))
            for seed in range(CLIENTS - HEAVY_CLIENTS)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(LOAD_SECONDS + 30)
        elapsed = time.monotonic() - started
        after = rss(process)
    finally:
        server.terminate()
        server.wait(20)
    latencies = sorted(tally.good)
    requests = len(latencies) + len(tally.good_errors) + tally.malformed + sum(tally.heavy.values())
    p50 = statistics.median(latencies) * 1000 if latencies else float("nan")
    p99 = latencies[int(0.99 * (len(latencies) - 1))] * 1000 if latencies else float("nan")
    print(
        f"\nload: {requests} requests in {elapsed:.1f} s ({CLIENTS} clients, {IDLE_SOCKETS} idle "
        f"sockets, reopened {tally.idle_reopened} times); good {len(latencies)}, errors "
        f"{len(tally.good_errors)}; malformed {tally.malformed}, 5xx {len(tally.malformed_5xx)}; "
        f"heavy {dict(sorted(tally.heavy.items()))}\n"
        f"load: good p50 {p50:.1f} ms, p99 {p99:.1f} ms; RSS MiB server/workers before "
        f"{before[0]}/{before[1]}, after {after[0]}/{after[1]}"
    )
    assert not tally.good_errors, tally.good_errors[:5]
    assert not tally.malformed_5xx, tally.malformed_5xx[:5]
    assert len(latencies) > 200 and tally.malformed > 50  # the load really ran
    assert tally.heavy and set(tally.heavy) <= {503}  # heavy ones stopped, told to retry
    assert tally.idle_reopened >= IDLE_SOCKETS  # the server dropped the stalled sockets
