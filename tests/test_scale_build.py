"""Builds past one process: Dask workers, relative sources, incremental rebuilds.

Real parts: the real model, real Oxigraph stores on disk, a real Dask LocalCluster
with two worker processes on 127.0.0.1, the real `kg` command.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import BNode, Graph
from rdflib.compare import isomorphic

from kg.config import Settings
from kg.pipeline import build
from kg.store import iter_quads, open_store, select_rows
from tests.conftest import FAKES_CSV, SEEDS

KG = str(Path(sys.executable).with_name("kg"))
FAKES_COLUMNS = {
    "id": "unit_id",
    "title": "article_title",
    "text": "article_content",
    "date": "date",
}
SLICE = 60


def dataset(store: Path) -> dict[str, Graph]:
    """Named graph → an rdflib graph of its triples (blank nodes kept as such)."""
    lines: dict[str, list[str]] = {}
    for quad in iter_quads(open_store(store, read_only=True)):
        lines.setdefault(quad.graph_name.value, []).append(f"{quad.triple} .")
    return {
        name: Graph().parse(data="\n".join(triples), format="nt") for name, triples in lines.items()
    }


def assert_same_dataset(built: Path, reference: Path) -> None:
    """The two stores hold the same graph names and isomorphic graphs, graph by graph."""
    ours, theirs = dataset(built), dataset(reference)
    assert sorted(ours) == sorted(theirs)
    for name, graph in ours.items():
        if any(isinstance(term, BNode) for triple in graph for term in triple):
            assert isomorphic(graph, theirs[name]), f"{name} differs"
        else:  # no blank nodes: isomorphic means equal
            assert set(graph) == set(theirs[name]), f"{name} differs"


def article_quads(store: Path) -> dict[str, set[str]]:
    graphs: dict[str, set[str]] = {}
    for quad in iter_quads(open_store(store, read_only=True)):
        if "/article/" in quad.graph_name.value:
            graphs.setdefault(quad.graph_name.value, set()).add(str(quad))
    return graphs


@pytest.fixture(scope="module")
def cluster() -> Iterator[object]:
    """A Dask LocalCluster: two worker processes, one thread each, on 127.0.0.1."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as local:
        yield local


@pytest.fixture(scope="module")
def fakes_slice(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first 60 rows of the FA-KES dev table, as a table of their own."""
    if not FAKES_CSV.exists():
        pytest.skip(f"{FAKES_CSV} is not here (../shared)")
    folder = tmp_path_factory.mktemp("fakes")
    with FAKES_CSV.open(encoding="utf-8", newline="") as table:
        reader = csv.DictReader(table)
        rows = [row for _, row in zip(range(SLICE), reader, strict=False)]
        fields = reader.fieldnames
    assert fields is not None and len(rows) == SLICE
    with (folder / "slice.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return folder / "slice.csv"


def test_source_paths_are_relative_so_two_places_build_the_same_graph(
    seeds_store: Path, settings: Settings, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "some" / "other" / "place" / "seeds"
    shutil.copytree(SEEDS, elsewhere)
    store = tmp_path / "store"
    build([elsewhere], replace(settings, store=store, processes=1))
    assert_same_dataset(store, seeds_store)
    _, rows = select_rows(
        open_store(store, read_only=True),
        """
        SELECT ?file WHERE { ?a <https://w3id.org/newskg/ontology#sourceFile> ?file }""",
    )
    assert sorted(row[0] for row in rows) == sorted(p.name for p in SEEDS.glob("*.txt"))


def test_rebuild_skips_unchanged_articles_and_replaces_changed_ones(
    seeds_store: Path, tmp_path: Path
) -> None:
    corpus, store = tmp_path / "seeds", tmp_path / "store"
    shutil.copytree(SEEDS, corpus)
    shutil.copytree(seeds_store, store)  # the seeds as built from the repository's own folder
    before = {str(quad) for quad in iter_quads(open_store(store, read_only=True))}

    again = subprocess.run(
        [KG, "build", str(corpus), "--store", str(store), "-q"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert again.returncode == 0, again.stderr
    assert "Built 0 article(s)" in again.stderr and "5 unchanged, skipped" in again.stderr
    assert {str(quad) for quad in iter_quads(open_store(store, read_only=True))} == before

    changed = sorted(corpus.glob("*.txt"))[1]
    sentence = "Local officials said the bridge over the river reopened on Monday."
    paragraphs = changed.read_text(encoding="utf-8").split("\n\n")
    paragraphs.insert(3, sentence)  # in the body, ahead of any closing boilerplate
    changed.write_text("\n\n".join(paragraphs), encoding="utf-8")
    graphs_before = article_quads(store)
    once_more = subprocess.run(
        [KG, "build", str(corpus), "--store", str(store), "-q"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert once_more.returncode == 0, once_more.stderr
    assert "Built 1 article(s)" in once_more.stderr and "4 unchanged, skipped" in once_more.stderr
    graphs_after = article_quads(store)
    replaced = {name for name in graphs_after if graphs_after[name] != graphs_before[name]}
    assert len(replaced) == 1 and replaced.pop().endswith("/" + changed.stem)
    _, rows = select_rows(
        open_store(store, read_only=True),
        f"""
        SELECT ?id WHERE {{ ?a <https://schema.org/identifier> ?id ;
          <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString> ?text
          FILTER(CONTAINS(?text, "{sentence}")) }}""",
    )
    assert rows == [[changed.stem]]


@pytest.mark.slow
def test_dask_build_of_the_seeds_matches_the_local_build(seeds_store: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    result = subprocess.run(
        [
            KG,
            "build",
            str(SEEDS),
            "--store",
            str(store),
            "--executor",
            "dask",
            "--processes",
            "2",
            "-q",
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr
    assert "Built 5 article(s)" in result.stderr
    assert_same_dataset(store, seeds_store)


@pytest.mark.slow
def test_dask_build_of_a_fakes_slice_matches_the_local_build(
    cluster, fakes_slice: Path, settings: Settings, tmp_path: Path
) -> None:
    from kg.ingest import TableColumns

    columns = TableColumns(**FAKES_COLUMNS)
    local, on_dask = tmp_path / "local", tmp_path / "dask"
    built = build([fakes_slice], replace(settings, store=local), columns)
    assert built.articles >= SLICE - 2 and not built.problems  # a few ids repeat with one text
    distributed = build(
        [fakes_slice],
        replace(settings, store=on_dask),
        columns,
        scheduler=cluster.scheduler_address,
    )
    assert distributed.articles == built.articles
    assert_same_dataset(on_dask, local)


@pytest.mark.slow
def test_a_killed_dask_worker_loses_no_article(
    cluster, settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from distributed import Client

    corpus = tmp_path_factory.mktemp("corpus")
    for copy in range(4):
        for seed in sorted(SEEDS.glob("*.txt")):
            shutil.copy(seed, corpus / f"copy{copy}_{seed.name}")
    small = replace(settings, batch_size=4, processes=1)  # batches of 4: several in flight
    reference = tmp_path_factory.mktemp("reference") / "store"
    build([corpus], replace(small, store=reference))

    client = Client(cluster.scheduler_address)
    pids = client.run(os.getpid)
    killed: list[int] = []

    def kill_one_worker(done: int) -> None:
        if not killed:  # the first batch has landed; the others are on the workers
            busy = {
                pid for address, pid in pids.items() if client.processing().get(address)
            } or set(pids.values())
            killed.append(next(iter(busy)))
            os.kill(killed[0], signal.SIGKILL)

    store = tmp_path_factory.mktemp("killed") / "store"
    report = build(
        [corpus],
        replace(small, store=store),
        on_progress=kill_one_worker,
        scheduler=cluster.scheduler_address,
    )
    client.close()
    assert killed
    assert report.articles == 20
    assert article_quads(store) == article_quads(reference)


def test_an_article_read_twice_is_built_once_and_then_skipped(
    settings: Settings, tmp_path: Path
) -> None:
    """FA-KES labels some articles twice: the same id and text on two rows."""
    table = tmp_path / "twice.csv"
    capture = "Rebels captured the town of Deir Hafer on Monday, a monitor said."
    table.write_text(
        f'id,text\na1,"{capture}"\na2,"Troops withdrew from Tal Rifaat on Tuesday."\n'
        f'a1,"{capture}"\n',
        encoding="utf-8",
    )
    once = replace(settings, store=tmp_path / "store", processes=1)
    first = build([table], once)
    assert (first.articles, first.skipped) == (3, 0)
    before = {str(quad) for quad in iter_quads(open_store(once.store, read_only=True))}
    second = build([table], once)
    assert (second.articles, second.skipped) == (0, 3)
    assert {str(quad) for quad in iter_quads(open_store(once.store, read_only=True))} == before


WORKER_PROBE = """
import json, os
from dataclasses import replace
from kg.config import Settings
from kg.executors import DaskExecutor

def probe():
    import dask
    return {
        "trim": os.environ.get("MALLOC_TRIM_THRESHOLD_"),
        "omp": os.environ.get("OMP_NUM_THREADS"),
        "profile": dask.config.get("distributed.worker.profile.enabled"),
        "tick": dask.config.get("distributed.admin.tick.interval"),
        "memory": dask.config.get("distributed.worker.memory.monitor-interval"),
        "system": dask.config.get("distributed.admin.system-monitor.interval"),
    }

if __name__ == "__main__":
    executor = DaskExecutor(replace(Settings(), processes=2))
    try:
        print(json.dumps(list(executor.client.run(probe).values())))
    finally:
        executor.close()
"""


@pytest.mark.slow
def test_the_build_cluster_workers_keep_freed_memory_and_leave_the_task_thread_alone(
    tmp_path: Path,
) -> None:
    """Dask's nanny would start workers with MALLOC_TRIM_THRESHOLD_=65536 (page faults on
    every article), a task profiler and a loop that wakes every 20 ms; the build's
    LocalCluster starts them without (a loop tick of 1 s)."""
    script = tmp_path / "probe.py"
    script.write_text(WORKER_PROBE, encoding="utf-8")
    environ = {k: v for k, v in os.environ.items() if k != "MALLOC_TRIM_THRESHOLD_"}
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=300, env=environ
    )
    assert result.returncode == 0, result.stderr
    workers = json.loads(result.stdout.strip().splitlines()[-1])
    assert len(workers) == 2
    for worker in workers:
        assert worker == {
            "trim": None,
            "omp": "1",
            "profile": False,
            "tick": "1s",
            "memory": "1s",
            "system": "2s",
        }


def test_the_build_reports_its_own_cpu_and_the_share_spent_writing_the_store(
    settings: Settings, tmp_path: Path
) -> None:
    """What bench/scale.py prints as main ms/art and its store part: both measured, the
    store part within the whole, and nothing spent writing when nothing is written."""
    store = tmp_path / "store"
    first = build([SEEDS], replace(settings, store=store, processes=1))
    assert first.articles == 5
    assert 0 < first.store_cpu_seconds < first.main_cpu_seconds
    again = build([SEEDS], replace(settings, store=store, processes=1))
    assert again.skipped == 5 and again.store_cpu_seconds == 0
