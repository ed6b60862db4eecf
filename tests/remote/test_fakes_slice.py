"""The 60-article FA-KES slice built locally and into a real ``oxigraph serve``: the same
graphs (isomorphic, graph by graph) and the same answers to every question."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.config import QUERIES_DIR
from tests.conftest import FAKES_CSV
from tests.remote.conftest import (
    ISQL,
    VIRTUOSO,
    Server,
    assert_isomorphic_by_graph,
    kg,
    local_graphs,
    normalised_rows,
    start_oxigraph,
    start_virtuoso,
    stop,
)
from tests.remote.test_oxigraph_server import server_graphs, server_select

COLUMNS = [
    "--id-column",
    "unit_id",
    "--title-column",
    "article_title",
    "--text-column",
    "article_content",
    "--date-column",
    "date",
]
SLICE = 60

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not FAKES_CSV.exists(), reason=f"{FAKES_CSV} is not here (../shared)"),
]


@dataclass(frozen=True)
class Slice:
    """The slice's table, its local build and its distinct article ids."""

    table: Path
    local: Path
    ids: frozenset[str]


@pytest.fixture(scope="module")
def fakes_local(tmp_path_factory: pytest.TempPathFactory) -> Slice:
    """The first 60 rows as a table, built into a local store."""
    folder = tmp_path_factory.mktemp("fakes-slice")
    table = folder / "fakes-60.csv"
    ids = set()
    with (
        FAKES_CSV.open(encoding="utf-8", newline="") as source,
        table.open("w", encoding="utf-8", newline="") as out,
    ):
        reader = csv.DictReader(source)
        writer = csv.DictWriter(out, fieldnames=reader.fieldnames or [])
        writer.writeheader()
        for index, row in enumerate(reader):
            if index == SLICE:
                break
            writer.writerow(row)
            ids.add(row["unit_id"])
    local = folder / "local"
    built = kg("build", str(table), *COLUMNS, "--store", str(local), "-q")
    assert built.returncode == 0, built.stderr
    return Slice(table, local, frozenset(ids))


@pytest.fixture(scope="module")
def fakes_slice(
    fakes_local: Slice, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Path, Server]]:
    """The slice built into an Oxigraph server too."""
    process, server = start_oxigraph(tmp_path_factory.mktemp("fakes-oxigraph"), "--timeout-s", "30")
    try:
        built = kg("build", str(fakes_local.table), *COLUMNS, "--store", server.spec, "-q")
        assert built.returncode == 0, built.stderr
        assert f"Built {SLICE} article(s)" in built.stderr
        yield fakes_local.local, server
    finally:
        stop(process)


def test_the_slice_on_the_server_is_the_local_build(
    fakes_local: Slice, fakes_slice: tuple[Path, Server]
) -> None:
    local, server = fakes_slice
    expected = local_graphs(local)
    assert len(expected) == len(fakes_local.ids) + 2  # one graph per id; + vocabularies
    assert_isomorphic_by_graph(expected, server_graphs(server))


def test_the_slice_answers_every_question_the_same(fakes_slice: tuple[Path, Server]) -> None:
    local, server = fakes_slice
    store = ox.Store.read_only(str(local))
    answered = 0
    for path in sorted(QUERIES_DIR.glob("*.rq")):  # at the server's endpoint (kg query: seeds)
        found = server_select(server, path.read_text())
        expected = store.query(path.read_text(), use_default_graph_as_union=True).serialize(
            format=ox.QueryResultsFormat.JSON
        )
        assert normalised_rows(found) == normalised_rows(expected), path.stem
        answered += bool(json.loads(found).get("results", {}).get("bindings"))
    assert answered >= 5  # most questions have rows on real articles


@pytest.mark.skipif(
    VIRTUOSO is None or ISQL is None, reason="virtuoso-t/isql-vt not installed (make virtuoso-deps)"
)
def test_the_slice_on_virtuoso_is_the_local_build(
    fakes_local: Slice, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Graph by graph, with the two changes Virtuoso makes (see test_virtuoso)."""
    from tests.remote.test_virtuoso import server_graphs as virtuoso_graphs
    from tests.remote.test_virtuoso import with_rounded_points

    folder = tmp_path_factory.mktemp("fakes-virtuoso")
    process, server, _ = start_virtuoso(folder, folder)
    try:
        built = kg(
            "build", str(fakes_local.table), *COLUMNS, "--store", server.spec, *server.options, "-q"
        )
        assert built.returncode == 0, built.stderr
        expected = {
            g: with_rounded_points(graph) for g, graph in local_graphs(fakes_local.local).items()
        }
        assert_isomorphic_by_graph(expected, virtuoso_graphs(server))
    finally:
        stop(process)
