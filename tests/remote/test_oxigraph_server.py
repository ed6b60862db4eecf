"""`kg build/query/export/stats/serve --store sparql+http://…` against a real
``oxigraph serve`` process on 127.0.0.1, compared with a local build of the same seeds."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import rdflib

from kg.config import QUERIES_DIR, Settings
from kg.remote import CONTENT_HASH, open_server_target
from kg.serve.upstream import running_remote
from tests.conftest import SEEDS
from tests.remote.conftest import (
    BASE,
    BIN,
    Server,
    assert_isomorphic_by_graph,
    kg,
    local_graphs,
    normalised_rows,
    to_rdflib,
)

QUESTIONS = sorted(QUERIES_DIR.glob("*.rq"))


def nquads(quads: list[ox.Quad]) -> bytes:
    """Quads as N-Quads bytes."""
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""


def http(
    url: str,
    data: bytes | None = None,
    headers: dict[str, str] | None = None,
    method: str | None = None,
) -> tuple[int, bytes, dict[str, str]]:
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


def server_select(server: Server, query: str) -> bytes:
    status, body, _ = http(
        f"{server.url}/query",
        urllib.parse.urlencode({"query": query}).encode(),
        {
            "Accept": "application/sparql-results+json",
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    assert status == 200, body
    return body


def server_graphs(server: Server) -> dict[str, rdflib.Graph]:
    """Every named graph of the server, read with a plain HTTP client from its Graph Store."""
    names = [
        row["g"]["value"]
        for row in json.loads(
            server_select(server, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        )["results"]["bindings"]
    ]
    graphs = {}
    for name in names:
        status, body, _ = http(
            f"{server.url}/store?{urllib.parse.urlencode({'graph': name})}",
            headers={"Accept": "application/n-triples"},
        )
        assert status == 200, body
        graphs[name] = to_rdflib(list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES)))
    return graphs


def test_seeds_on_the_server_are_the_local_build_graph_by_graph(
    oxigraph_seeds: Server, seeds_store: Path
) -> None:
    expected = local_graphs(seeds_store)
    assert len(expected) == 7  # five articles, the ontology and the gazetteer
    assert_isomorphic_by_graph(expected, server_graphs(oxigraph_seeds))


def test_every_question_answers_the_same_on_the_server(
    oxigraph_seeds: Server, seeds_graph: ox.Store
) -> None:
    assert len(QUESTIONS) >= 8
    for path in QUESTIONS:
        result = kg("query", path.stem, "--store", oxigraph_seeds.spec, "-f", "json")
        assert result.returncode == 0, (path.stem, result.stderr)
        local = seeds_graph.query(path.read_text(), use_default_graph_as_union=True)
        expected = local.serialize(format=ox.QueryResultsFormat.JSON)
        assert normalised_rows(result.stdout.encode()) == normalised_rows(expected), path.stem
    fighters = kg("query", "fighter-counts", "--store", oxigraph_seeds.spec, "-f", "json")
    assert len(json.loads(fighters.stdout)["results"]["bindings"]) >= 10


def test_rebuilding_replaces_the_graphs_without_duplicates(
    oxigraph_seeds: Server, seeds_store: Path
) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    before = json.loads(server_select(oxigraph_seeds, count))["results"]["bindings"][0]["n"]
    result = kg("build", str(SEEDS), "--store", oxigraph_seeds.spec, "-q")
    assert result.returncode == 0, result.stderr
    after = json.loads(server_select(oxigraph_seeds, count))["results"]["bindings"][0]["n"]
    assert after == before
    assert_isomorphic_by_graph(local_graphs(seeds_store), server_graphs(oxigraph_seeds))


def test_stats_and_export_read_the_server(
    oxigraph_seeds: Server, seeds_store: Path, tmp_path: Path
) -> None:
    remote = kg("stats", "--store", oxigraph_seeds.spec)
    local = kg("stats", "--store", str(seeds_store))
    assert remote.returncode == 0, remote.stderr
    assert remote.stdout == local.stdout
    assert "articles                        5" in remote.stdout
    exported = tmp_path / "server.nq"
    result = kg("export", "--store", oxigraph_seeds.spec, "-f", "nquads", "-o", str(exported))
    assert result.returncode == 0, result.stderr
    dataset = ox.Store()
    dataset.load(path=str(exported), format=ox.RdfFormat.N_QUADS)
    found: dict[str, list[ox.Triple]] = {}
    for quad in dataset:
        found.setdefault(quad.graph_name.value, []).append(quad.triple)
    assert_isomorphic_by_graph(
        local_graphs(seeds_store), {g: to_rdflib(t) for g, t in found.items()}
    )


def test_a_batch_replaces_its_graphs_and_drops_empty_ones(tmp_path: Path) -> None:
    from tests.remote.conftest import start_oxigraph, stop

    process, server = start_oxigraph(tmp_path)
    try:
        target = open_server_target(server.spec, Settings.from_env(environ={}))
        a, b = f"{BASE}article/a", f"{BASE}article/b"

        def graph(iri: str, label: str, digest: str) -> bytes:
            node = ox.NamedNode(iri)
            return nquads(
                [
                    ox.Quad(
                        node,
                        ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                        ox.Literal(label),
                        node,
                    ),
                    ox.Quad(node, ox.NamedNode(CONTENT_HASH), ox.Literal(digest), node),
                    ox.Quad(
                        node, ox.NamedNode("https://schema.org/about"), ox.BlankNode("b0"), node
                    ),
                ]
            )

        target.replace_graphs({a: graph(a, "first", "h1"), b: graph(b, "other", "h2")})
        assert target.requests == 1  # the batch is one update request: one transaction
        target.replace_graphs({a: graph(a, "second", "h3"), b: b""})
        assert target.stored_hashes([a, b, f"{BASE}article/none"]) == {a: "h3"}
        labels = json.loads(
            server_select(
                server,
                "SELECT ?g ?l WHERE { GRAPH ?g { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } }",
            )
        )
        assert [(r["g"]["value"], r["l"]["value"]) for r in labels["results"]["bindings"]] == [
            (a, "second")
        ]
        # the two graphs' `_:b0` stay two nodes
        target.replace_graphs({a: graph(a, "x", "h4"), b: graph(b, "y", "h5")})
        nodes = json.loads(
            server_select(
                server,
                "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { GRAPH ?g { ?s <https://schema.org/about> ?o } }",
            )
        )
        assert nodes["results"]["bindings"][0]["n"]["value"] == "2"
        target.finish()
    finally:
        stop(process)


def test_one_update_request_is_one_transaction_on_oxigraph(oxigraph_seeds: Server) -> None:
    """The README's claim: a request whose last operation fails applies none of its others."""
    text = (
        f"DROP GRAPH <{BASE}graph/ontology> ; "
        "LOAD <http://127.0.0.1:9/none> INTO GRAPH <http://example.org/x>"
    )
    status, _, _ = http(
        f"{oxigraph_seeds.url}/update", text.encode(), {"Content-Type": "application/sparql-update"}
    )
    assert status >= 400
    ask = f"ASK {{ GRAPH <{BASE}graph/ontology> {{ ?s ?p ?o }} }}"
    assert json.loads(server_select(oxigraph_seeds, ask))["boolean"] is True


def test_kg_serve_in_front_of_the_server(oxigraph_seeds: Server, seeds_graph: ox.Store) -> None:
    settings = replace(
        Settings.from_env(environ={}),
        store=oxigraph_seeds.spec,
        port=0,
        query_timeout=2.0,
        max_rows=7,
    )
    question = (QUERIES_DIR / "fighter-counts.rq").read_text()
    with running_remote(settings) as (url, _):
        query = urllib.parse.urlencode({"query": question})
        status, body, headers = http(
            f"{url}/sparql?{query}", headers={"Accept": "application/sparql-results+json"}
        )
        assert status == 200, body
        local = seeds_graph.query(question, use_default_graph_as_union=True)
        expected = json.loads(local.serialize(format=ox.QueryResultsFormat.JSON))
        rows = json.loads(body)["results"]["bindings"]
        assert len(rows) == 7 and len(expected["results"]["bindings"]) > 7  # cut at max_rows
        assert headers.get("X-Newskg-Truncated") == "true"
        assert all(row in expected["results"]["bindings"] for row in rows)
        # CSV, by Accept
        status, csv_body, _ = http(f"{url}/sparql?{query}", headers={"Accept": "text/csv"})
        assert status == 200 and csv_body.startswith(b"article,")
        # the page and the questions
        status, page, _ = http(f"{url}/")
        assert status == 200 and b"fighter" in page.lower()
        # read-only, SERVICE refused, bad queries are the client's fault
        update = urllib.parse.urlencode({"update": "DROP ALL"}).encode()
        status, _, _ = http(
            f"{url}/sparql", update, {"Content-Type": "application/x-www-form-urlencoded"}
        )
        assert status in (401, 403)
        service = urllib.parse.urlencode(
            {"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"}
        )
        assert http(f"{url}/sparql?{service}")[0] == 400
        assert http(f"{url}/sparql?{urllib.parse.urlencode({'query': 'SELEC nonsense'})}")[0] == 400
        # the timeout: 503, and the next query is answered
        cartesian = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
        started = time.monotonic()
        status, body, _ = http(f"{url}/sparql?{urllib.parse.urlencode({'query': cartesian})}")
        assert status == 503, body
        assert time.monotonic() - started < 10  # ours (2 s), not the server's (--timeout-s 20)
        ask = urllib.parse.urlencode({"query": "ASK { ?s a <https://schema.org/NewsArticle> }"})
        status, body, _ = http(
            f"{url}/sparql?{ask}", headers={"Accept": "application/sparql-results+json"}
        )
        assert status == 200 and json.loads(body)["boolean"] is True
        # a graph of the Graph Store, through the server
        graph = urllib.parse.urlencode({"graph": f"{BASE}graph/ontology"})
        status, body, _ = http(f"{url}/store?{graph}", headers={"Accept": "application/n-triples"})
        assert status == 200 and b"CountClaim" in body


def test_shards_load_with_the_printed_oxigraph_command(seeds_store: Path, tmp_path: Path) -> None:
    import glob
    import shlex
    import subprocess

    from tests.remote.conftest import OXIGRAPH

    shards = tmp_path / "shards"
    result = kg("build", str(SEEDS), "--shards", str(shards), "-q")
    assert result.returncode == 0, result.stderr
    files = sorted(shards.glob("part-*.nq.gz"))
    assert len(files) >= 2  # the vocabularies, then the articles' batch
    command = next(
        line.strip()
        for line in result.stdout.splitlines()
        if line.strip().startswith("oxigraph load")
    )
    words = shlex.split(command.replace("OXIGRAPH_DIR", str(tmp_path / "loaded")))
    words = [OXIGRAPH] + [w for word in words[1:] for w in (sorted(glob.glob(word)) or [word])]
    loaded = subprocess.run(words, capture_output=True, text=True, timeout=300)
    assert loaded.returncode == 0, loaded.stderr
    store = ox.Store.read_only(str(tmp_path / "loaded"))
    found: dict[str, list[ox.Triple]] = {}
    for quad in store:
        found.setdefault(quad.graph_name.value, []).append(quad.triple)
    assert_isomorphic_by_graph(
        local_graphs(seeds_store), {g: to_rdflib(t) for g, t in found.items()}
    )
    again = kg("build", str(SEEDS), "--shards", str(shards), "-q")
    assert again.returncode != 0 and "already holds shards" in again.stderr
    assert sorted(shards.glob("part-*.nq.gz")) == files  # nothing added


def test_kg_serve_warns_when_the_default_graph_is_not_the_union(
    oxigraph_seeds: Server, tmp_path: Path
) -> None:
    from kg.serve.upstream import check_server, make_executor
    from tests.remote.conftest import start_oxigraph, stop

    settings = Settings.from_env(environ={})
    union = make_executor(replace(settings, store=oxigraph_seeds.spec))
    assert check_server(union) is None
    union.close()
    process, server = start_oxigraph(tmp_path, union=False)
    try:
        target = open_server_target(server.spec, settings)
        node = ox.NamedNode(f"{BASE}article/x")
        target.replace_graphs({node.value: nquads([ox.Quad(node, node, node, node)])})
        executor = make_executor(replace(settings, store=server.spec))
        warning = check_server(executor)
        executor.close()
        assert warning is not None and "--union-default-graph" in warning
    finally:
        stop(process)


def test_create_app_serves_a_server_store_read_only(oxigraph_seeds: Server) -> None:
    from kg.serve import create_app

    settings = replace(Settings.from_env(environ={}), store=oxigraph_seeds.spec)
    app = create_app(settings)
    client = app.test_client()
    ask = "ASK { ?a a <https://schema.org/NewsArticle> }"
    response = client.get(
        "/sparql",
        query_string={"query": ask},
        headers={"Accept": "application/sparql-results+json"},
    )
    assert response.status_code == 200 and response.get_json()["boolean"] is True
    response = client.put(
        "/store",
        query_string={"graph": f"{BASE}article/x"},
        data=b"<a:b> <a:c> <a:d> .",
        content_type="application/n-triples",
    )
    assert response.status_code in (401, 403)
    app.extensions["newskg"].executor.close()


def test_the_kg_serve_command_fronts_the_server_and_stops_on_sigterm(
    oxigraph_seeds: Server,
) -> None:
    """`kg serve --store sparql+http://…` as a user runs it: it says where it serves,
    answers the fighter-count question from the server, and stops cleanly."""
    import signal
    import subprocess

    command = [str(BIN / "kg"), "serve", "--store", oxigraph_seeds.spec, "--port", "0"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        while line and "serving" not in line:
            line = process.stdout.readline()
        assert "(read-only)" in line and oxigraph_seeds.url.split("//")[1] in line, line
        url = line.split(" at ", 1)[1].split()[0].rstrip("/")
        question = (QUERIES_DIR / "fighter-counts.rq").read_text()
        status, body, _ = http(
            f"{url}/sparql?{urllib.parse.urlencode({'query': question})}",
            headers={"Accept": "application/sparql-results+json"},
        )
        assert status == 200, body
        counts = {row["count"]["value"] for row in json.loads(body)["results"]["bindings"]}
        assert {"300", "4000"} <= counts
    finally:
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=30)
    assert process.returncode == 0 and "newskg: stopped" in output
