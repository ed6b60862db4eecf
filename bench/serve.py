"""Benchmark ``kg serve`` against ``oxigraph serve`` on the same quads, side by side.

    .venv/bin/python bench/serve.py                 # ~100k generated quads shaped like ours
    .venv/bin/python bench/serve.py --nquads FILE   # your own data

Prints the median latency of four queries (lookup, join, aggregate, a fighter-count
question over CountClaims) and the throughput of 8 concurrent clients (bounded in
requests and seconds), each as a ratio to Oxigraph's. Goals: latency ≤ 1.5×,
throughput ≥ 0.5×. Both servers use the union default graph and run on loopback.

The two servers are measured in alternating slices (``--rounds``), so a change in the
machine's load (it is shared) falls on both sides alike instead of on the ratio.
"""

from __future__ import annotations

import argparse
import http.client
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

ID = "https://w3id.org/newskg/id/"
NKG = "https://w3id.org/newskg/ontology#"
SCHEMA = "https://schema.org/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"

PREFIXES = f"""PREFIX nkg: <{NKG}> PREFIX schema: <{SCHEMA}> PREFIX skos: <{SKOS}>
PREFIX prov: <{PROV}> PREFIX nif: <{NIF}>
"""
QUERIES = {
    "lookup": PREFIXES + f"SELECT ?label WHERE {{ <{ID}actor/17> skos:prefLabel ?label }}",
    "join": PREFIXES
    + """SELECT ?article ?headline WHERE {
  ?actor skos:prefLabel "Actor 17"@en . ?actor nkg:mentionedIn ?article .
  ?article schema:headline ?headline } LIMIT 100""",
    "aggregate": PREFIXES
    + """SELECT ?actor (COUNT(?article) AS ?n) WHERE { ?actor a nkg:Actor ;
  nkg:mentionedIn ?article } GROUP BY ?actor ORDER BY DESC(?n) LIMIT 10""",
    "fighter_count": PREFIXES
    + """SELECT ?count ?qualifier ?claimant ?anchor WHERE {
  ?c a nkg:CountClaim ; nkg:countedThing nkg:Fighters ; nkg:count ?count ;
     nkg:qualifier ?qualifier ; prov:wasAttributedTo ?claimant ; nkg:evidence ?span .
  ?span nif:anchorOf ?anchor } ORDER BY DESC(?count) LIMIT 20""",
}


def generate(quads: int, seed: int = 7) -> Iterator[ox.Quad]:
    """Deterministic news-shaped quads: per-article graphs with actors, claims, spans."""
    rng = random.Random(seed)
    n = ox.NamedNode
    things = [n(f"{NKG}{t}") for t in ("Fighters", "Civilians", "People", "Children")]
    qualifiers = [n(f"{NKG}{q}") for q in ("Exact", "MoreThan", "Approximately", "AtLeast")]
    actors = [n(f"{ID}actor/{i}") for i in range(500)]
    emitted, article = 0, 0
    while emitted < quads:
        a = n(f"{ID}article/{article}")
        graph = a
        batch = [
            ox.Quad(a, n(RDF_TYPE), n(f"{SCHEMA}NewsArticle"), graph),
            ox.Quad(a, n(f"{SCHEMA}headline"), ox.Literal(f"Headline {article}"), graph),
        ]
        for actor in rng.sample(actors, 5):
            label = ox.Literal(f"Actor {actor.value.rsplit('/', 1)[1]}", language="en")
            batch += [
                ox.Quad(actor, n(RDF_TYPE), n(f"{NKG}Actor"), graph),
                ox.Quad(actor, n(f"{SKOS}prefLabel"), label, graph),
                ox.Quad(actor, n(f"{NKG}mentionedIn"), a, graph),
            ]
        for c in range(3):
            claim = n(f"{ID}claim/{article}-{c}")
            span = n(f"{ID}span/{article}-{c}")
            start = rng.randrange(0, 3000)
            batch += [
                ox.Quad(claim, n(RDF_TYPE), n(f"{NKG}CountClaim"), graph),
                ox.Quad(
                    claim,
                    n(f"{NKG}count"),
                    ox.Literal(str(rng.randrange(1, 5000)), datatype=n(f"{XSD}integer")),
                    graph,
                ),
                ox.Quad(claim, n(f"{NKG}qualifier"), rng.choice(qualifiers), graph),
                ox.Quad(claim, n(f"{NKG}countedThing"), rng.choice(things), graph),
                ox.Quad(claim, n(f"{PROV}wasAttributedTo"), rng.choice(actors), graph),
                ox.Quad(claim, n(f"{NKG}reportedIn"), a, graph),
                ox.Quad(claim, n(f"{NKG}evidence"), span, graph),
                ox.Quad(
                    span,
                    n(f"{NIF}beginIndex"),
                    ox.Literal(str(start), datatype=n(f"{XSD}integer")),
                    graph,
                ),
                ox.Quad(
                    span, n(f"{NIF}anchorOf"), ox.Literal(f"killing of {start} fighters"), graph
                ),
            ]
        yield from batch
        emitted += len(batch)
        article += 1


def load(directory: Path, nquads: Path | None, size: int) -> int:
    store = ox.Store(str(directory))
    if nquads:
        store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    else:
        store.bulk_extend(generate(size))
    store.flush()
    total = len(store)
    del store
    return total


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(port: int, path: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", path + "?query=ASK%7B%7D")
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server on port {port} did not come up")


class Client:
    """A keep-alive HTTP client for one endpoint."""

    def __init__(self, port: int, path: str) -> None:
        self.port, self.path = port, path
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def query(self, sparql: str) -> float:
        started = time.perf_counter()
        self.connection.request(
            "GET",
            f"{self.path}?query={urllib.parse.quote(sparql)}",
            headers={"Accept": "application/sparql-results+json"},
        )
        response = self.connection.getresponse()
        body = response.read()
        if response.status != 200:
            raise SystemExit(f"port {self.port}: {response.status} {body[:200]!r}")
        return time.perf_counter() - started


def latencies(client: Client, sparql: str, runs: int) -> list[float]:
    return [client.query(sparql) for _ in range(runs)]


def interleaved_latency(
    ports: tuple[tuple[int, str], tuple[int, str]], sparql: str, runs: int, rounds: int
) -> tuple[float, float]:
    """Median latency on each server, measured in alternating batches."""
    clients = [Client(port, path) for port, path in ports]
    samples: list[list[float]] = [[], []]
    for client in clients:
        latencies(client, sparql, 3)  # warm-up
    for round_ in range(rounds):
        order = (0, 1) if round_ % 2 == 0 else (1, 0)
        for side in order:
            samples[side] += latencies(clients[side], sparql, max(1, runs // rounds))
    return statistics.median(samples[0]), statistics.median(samples[1])


def throughput(port: int, path: str, sparql: str, clients: int, seconds: float, cap: int) -> int:
    """Requests answered by ``clients`` concurrent keep-alive clients in ``seconds``."""
    done = [0] * clients
    deadline = time.monotonic() + seconds

    def work(index: int) -> None:
        client = Client(port, path)
        while time.monotonic() < deadline and done[index] < cap:
            client.query(sparql)
            done[index] += 1

    threads = [threading.Thread(target=work, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done)


def interleaved_throughput(
    ports: tuple[tuple[int, str], tuple[int, str]], sparql: str, seconds: float, rounds: int
) -> tuple[float, float]:
    """Requests per second on each server, in alternating slices of ``seconds / rounds``."""
    done, spent = [0, 0], [0.0, 0.0]
    for round_ in range(rounds):
        order = (0, 1) if round_ % 2 == 0 else (1, 0)
        for side in order:
            started = time.monotonic()
            port, path = ports[side]
            done[side] += throughput(port, path, sparql, 8, seconds / rounds, 5000)
            spent[side] += time.monotonic() - started
    return done[0] / spent[0], done[1] / spent[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nquads", type=Path, help="an N-Quads file to load instead")
    parser.add_argument("--quads", type=int, default=100_000, help="generated quads")
    parser.add_argument("--runs", type=int, default=30, help="requests per latency median")
    parser.add_argument("--seconds", type=float, default=5.0, help="throughput duration")
    parser.add_argument("--rounds", type=int, default=5, help="alternations between servers")
    args = parser.parse_args()
    oxigraph = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    kg = shutil.which("kg") or str(Path(sys.executable).parent / "kg")
    work = Path(tempfile.mkdtemp(prefix="newskg-bench-"))
    processes: list[subprocess.Popen[bytes]] = []
    try:
        total = load(work / "kg", args.nquads, args.quads)
        load(work / "ox", args.nquads, args.quads)
        print(f"{total} quads")
        kg_port, ox_port = free_port(), free_port()
        processes.append(
            subprocess.Popen(
                [kg, "serve", "--store", str(work / "kg"), "--port", str(kg_port)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        processes.append(
            subprocess.Popen(
                [
                    oxigraph,
                    "serve",
                    "--location",
                    str(work / "ox"),
                    "--bind",
                    f"127.0.0.1:{ox_port}",
                    "--union-default-graph",
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        wait_until_up(kg_port, "/sparql")
        wait_until_up(ox_port, "/query")
        print(f"{'query':<15}{'kg serve':>12}{'oxigraph':>12}{'ratio':>8}  (goal ≤ 1.5)")
        ports = ((kg_port, "/sparql"), (ox_port, "/query"))
        for name, sparql in QUERIES.items():
            ours, theirs = interleaved_latency(ports, sparql, args.runs, args.rounds)
            print(f"{name:<15}{ours * 1000:>10.2f}ms{theirs * 1000:>10.2f}ms{ours / theirs:>8.2f}")
        ours, theirs = interleaved_throughput(ports, QUERIES["join"], args.seconds, args.rounds)
        print(
            f"{'throughput x8':<15}{ours:>9.0f}/s{theirs:>9.0f}/s"
            f"{ours / theirs:>8.2f}  (goal ≥ 0.5)"
        )
    finally:
        for process in processes:
            process.terminate()
            process.wait(10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
