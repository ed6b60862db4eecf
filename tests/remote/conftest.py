"""Real SPARQL servers on 127.0.0.1, started by the tests: Oxigraph's ``oxigraph serve``
(PyPI ``oxigraph``) and Virtuoso (Debian ``virtuoso-opensource-7-bin``, ``make
virtuoso-deps``), with the seeds built into them once per session through ``kg build``."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from kg.store import open_store
from tests.conftest import SEEDS

BIN = Path(sys.executable).parent
KG = str(BIN / "kg")
OXIGRAPH = str(BIN / "oxigraph")
VIRTUOSO = shutil.which("virtuoso-t")
ISQL = shutil.which("isql-vt")
BASE = "https://w3id.org/newskg/id/"


def free_port() -> int:
    """A port nothing listens on now (the server binds it right after)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, seconds: float, log: Path) -> None:
    """Until ``url`` answers an ASK, or fail with the server's log."""
    deadline = time.monotonic() + seconds
    query = urllib.parse.urlencode({"query": "ASK {}"})
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited ({process.returncode}): {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"{url}?{query}", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer in {seconds} s: {log.read_text()[-2000:]}")


def stop(process: subprocess.Popen) -> None:
    """Terminate a server this test session started (by its own pid)."""
    process.terminate()
    try:
        process.wait(15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(5)


@dataclass(frozen=True)
class Server:
    """A running server: its store spec for ``--store``, its HTTP base and folder."""

    spec: str
    url: str
    folder: Path
    options: tuple[str, ...] = ()


def start_oxigraph(
    folder: Path, *extra: str, union: bool = True
) -> tuple[subprocess.Popen, Server]:
    """``oxigraph serve`` on a free loopback port (with the union default graph)."""
    port = free_port()
    log = folder / "oxigraph.log"
    process = subprocess.Popen(
        [
            OXIGRAPH,
            "serve",
            "--location",
            str(folder / "db"),
            "--bind",
            f"127.0.0.1:{port}",
            *(["--union-default-graph"] if union else []),
            *extra,
        ],
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    wait_for(f"{url}/query", process, 30, log)
    return process, Server(f"sparql+http://127.0.0.1:{port}/", url, folder)


VIRTUOSO_INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = ., {d}, {shards}
CheckpointInterval = 60

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {d}
ServerThreads = 4
MaxClientConnections = 4

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 60
"""


def start_virtuoso(folder: Path, shards: Path) -> tuple[subprocess.Popen, Server, int]:
    """Virtuoso with a minimal ini on loopback ports; (process, server, SQL port)."""
    assert VIRTUOSO is not None
    sql_port, http_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(
        VIRTUOSO_INI.format(d=folder, shards=shards, sql_port=sql_port, http_port=http_port)
    )
    log = folder / "virtuoso-run.log"
    process = subprocess.Popen(
        [VIRTUOSO, "-f", "-c", str(ini)],
        cwd=folder,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{http_port}"
    wait_for(f"{url}/sparql", process, 120, log)
    options = ("--store-profile", "virtuoso", "--store-password", "dba")
    return process, Server(f"sparql+http://127.0.0.1:{http_port}/", url, folder, options), sql_port


def kg(*args: str, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    """The real ``kg`` command."""
    return subprocess.run([KG, *args], capture_output=True, text=True, timeout=timeout)


def local_graphs(store_path: Path) -> dict[str, rdflib.Graph]:
    """Graph IRI → rdflib graph of a local (embedded Oxigraph) store."""
    store = open_store(store_path, read_only=True)
    by_graph: dict[str, list[ox.Quad]] = {}
    for quad in store:
        by_graph.setdefault(quad.graph_name.value, []).append(quad)
    return {graph: to_rdflib([q.triple for q in quads]) for graph, quads in by_graph.items()}


def to_rdflib(triples: list[ox.Triple]) -> rdflib.Graph:
    """Triples as an rdflib graph (through N-Triples)."""
    graph = rdflib.Graph()
    graph.parse(
        data=(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode(), format="nt"
    )
    return graph


def assert_isomorphic_by_graph(
    expected: dict[str, rdflib.Graph], found: dict[str, rdflib.Graph]
) -> None:
    """The same graph names, and each graph isomorphic (blank nodes included)."""
    assert sorted(found) == sorted(expected)
    differing = [g for g in expected if not isomorphic(expected[g], found[g])]
    assert not differing, f"{len(differing)} graph(s) differ, e.g. {differing[:3]}"


def normalised_rows(body: bytes) -> list[tuple]:
    """SPARQL JSON results as a sorted multiset of rows; blank node labels blanked."""
    data = json.loads(body)
    if "boolean" in data:
        return [("boolean", data["boolean"])]
    variables = data["head"]["vars"]
    rows = []
    for binding in data["results"]["bindings"]:
        row = []
        for name in variables:
            term = binding.get(name)
            if term is None:
                row.append(None)
            elif term["type"] == "bnode":
                row.append(("bnode",))
            else:
                kind = "literal" if term["type"] == "typed-literal" else term["type"]
                row.append((kind, term["value"], term.get("datatype"), term.get("xml:lang")))
        rows.append(tuple(row))
    return sorted(rows, key=repr)


@pytest.fixture(scope="session")
def oxigraph_seeds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """An Oxigraph server with the seeds built into it by `kg build --store sparql+http://`."""
    folder = tmp_path_factory.mktemp("oxigraph")
    process, server = start_oxigraph(folder, "--timeout-s", "20")
    try:
        result = kg("build", str(SEEDS), "--store", server.spec, "-q")
        assert result.returncode == 0, result.stderr
        assert "Built 5 article(s)" in result.stderr
        yield server
    finally:
        stop(process)
