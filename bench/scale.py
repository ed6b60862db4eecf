"""How `kg build` scales: executors and workers, the main process's own time, growth, load rate.

    python bench/scale.py [--quick] [--source FAKES.csv] [--servers oxigraph virtuoso]

Prints, in one run, on the same texts (default: the FA-KES dev half, 381 rows):

1. articles/s of spaCy's own ``nlp.pipe`` (1 and 2 processes: the floor) and of
   ``kg build`` with 1 and 2 local processes and Dask with 1 and 2 workers, each a
   fresh process into an empty store, side by side;
2. the main process's own CPU time per article of each build (goal ≤ 4 ms), and of
   the 2-process build into each target: ``--shards`` and each server (started here
   on 127.0.0.1: ``oxigraph serve``, and Virtuoso where installed), with the server's
   own CPU time per article beside it;
3. the growth curve: the corpus duplicated 1×, 4× and 16× with new ids, built with
   2 local processes: time per article and peak memory of the main process and of
   the largest worker;
4. the load rate of the 1× article graphs into each target, batches of 16 (a fresh
   embedded store, shards, each server), with the writing process's and the server's
   CPU time per graph.

``--quick`` checks that it all runs: 24 articles, growth 1× and 2×.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

REPO = Path(__file__).resolve().parents[1]
FAKES = REPO.parent / "shared" / "data" / "fakes-dev.csv"
COLUMNS = {"id": "unit_id", "title": "article_title", "text": "article_content", "date": "date"}
FLOOR = """
import json, sys, spacy
texts = json.load(open(sys.argv[1], encoding="utf-8"))
nlp = spacy.load(sys.argv[2])
n = sum(len(doc) for doc in nlp.pipe(texts, n_process=int(sys.argv[3])))
print(json.dumps({"articles": len(texts)}))
"""
BUILD = """
import json, sys
from dataclasses import replace
from pathlib import Path
from kg.config import Settings
from kg.ingest import TableColumns
from kg.pipeline import build
args = json.loads(sys.argv[1])
settings = replace(Settings.from_env(), store=Path(args["store"]), processes=args["processes"])
target, spec = None, args.get("target")
if spec == "shards":
    from kg.shards import ShardTarget
    target = ShardTarget(Path(args["store"]))
elif spec:
    from kg.remote import open_server_target
    settings = replace(settings, **args["server_settings"])
    target = open_server_target(spec, settings)
report = build([Path(args["source"])], settings, TableColumns(**args["columns"]),
               executor=args["executor"], target=target)
print(json.dumps({"articles": report.articles, "seconds": report.seconds,
                  "ready": report.ready_seconds, "main_cpu": report.main_cpu_seconds,
                  "store_cpu": report.store_cpu_seconds,
                  "quads": report.quads}))
"""


@dataclass
class Run:
    """One measured process: wall time, its JSON output, peak memory of main and workers."""

    seconds: float
    output: dict
    main_peak: int
    worker_peak: int


def run_measured(command: list[str]) -> Run:
    """Run ``command``, sampling the resident memory of it and of each descendant."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    root = psutil.Process(process.pid)
    main_peak = worker_peak = 0
    while process.poll() is None:
        try:
            main_peak = max(main_peak, root.memory_info().rss)
            for child in root.children(recursive=True):
                worker_peak = max(worker_peak, child.memory_info().rss)
        except psutil.Error:
            pass
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    out, err = process.communicate()
    if process.returncode != 0:
        sys.exit(f"{command[:3]} failed:\n{err.decode()[-3000:]}")
    return Run(seconds, json.loads(out.decode().strip().splitlines()[-1]), main_peak, worker_peak)


def write_corpus(rows: list[dict], fields: list[str], copies: int, path: Path) -> int:
    """The rows ``copies`` times, each copy under new ids; returns the row count."""
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=fields)
        writer.writeheader()
        for copy in range(copies):
            for row in rows:
                writer.writerow(
                    {**row, "unit_id": f"{row['unit_id']}-{copy}" if copy else row["unit_id"]}
                )
    return len(rows) * copies


def build_run(
    source: Path,
    store: Path,
    executor: str,
    processes: int,
    target: str | None = None,
    server_settings: dict[str, str] | None = None,
) -> Run:
    """A ``kg build`` in a fresh process into ``store`` (a directory), or into ``target``
    (``shards``: gzipped shards in ``store``; else a ``sparql+http://`` server spec)."""
    args = {
        "source": str(source),
        "store": str(store),
        "executor": executor,
        "processes": processes,
        "columns": COLUMNS,
        "target": target,
        "server_settings": server_settings or {},
    }
    return run_measured([sys.executable, "-c", BUILD, json.dumps(args)])


def after_ready(run: Run) -> float:
    """Seconds of a build after its executor was ready (its own timing)."""
    return run.output["seconds"] - run.output["ready"]


def mib(n: int) -> str:
    return f"{n / 2**20:,.0f} MiB"


@dataclass
class Load:
    """Article graphs written into one target."""

    graphs: int
    quads: int
    nquads_bytes: int
    writing: float  # seconds in replace_graphs
    finishing: float  # seconds in finish (flush, compaction)
    writer_cpu: float  # CPU seconds of this process (all threads) in replace_graphs
    server_cpu: float | None  # CPU seconds of the server's process meanwhile, if a server


def article_graphs(store: Path) -> dict[str, bytes]:
    """The article graphs of a built store, as N-Quads per graph."""
    from pyoxigraph import RdfFormat, serialize

    from kg.store import iter_quads, open_store

    graphs: dict[str, list] = {}
    for quad in iter_quads(open_store(store, read_only=True)):
        if "/article/" in quad.graph_name.value:
            graphs.setdefault(quad.graph_name.value, []).append(quad)
    return {name: serialize(quads, format=RdfFormat.N_QUADS) for name, quads in graphs.items()}


def open_bench_target(server: Server | None, path: Path) -> Any:
    """The target a load-rate row writes to: a server, shards in ``path`` or a fresh store."""
    from kg.remote import open_server_target
    from kg.shards import ShardTarget
    from kg.store import EmbeddedTarget

    if server is not None:
        return open_server_target(server.spec, server.settings)
    if path.name == "shards":
        return ShardTarget(path)
    return EmbeddedTarget(path)


def load_rate(data: dict[str, bytes], target: Any, server: Server | None, batch: int = 16) -> Load:
    """Write the article graphs ``data`` into ``target``, batch by batch, and time it."""
    names = list(data)
    before = server.cpu() if server else 0.0
    started, cpu = time.perf_counter(), time.process_time()
    for start in range(0, len(names), batch):
        target.replace_graphs({name: data[name] for name in names[start : start + batch]})
    writing, writer_cpu = time.perf_counter() - started, time.process_time() - cpu
    server_cpu = server.cpu() - before if server else None
    target.finish()
    finishing = time.perf_counter() - started - writing
    quads = sum(graph.count(b"\n") for graph in data.values())
    return Load(
        len(names), quads, sum(map(len, data.values())), writing, finishing, writer_cpu, server_cpu
    )


@dataclass
class Server:
    """A triplestore server this run started: its ``--store`` spec, settings and process."""

    name: str
    spec: str
    settings: Any
    process: subprocess.Popen
    options: dict[str, str]  # the settings that differ from the defaults, for a build

    def cpu(self) -> float:
        """CPU seconds the server's process (and its children) used so far."""
        process = psutil.Process(self.process.pid)
        times = [process.cpu_times()]
        times += [child.cpu_times() for child in process.children(recursive=True)]
        return sum(t.user + t.system for t in times)


@contextmanager
def start_server(name: str, folder: Path) -> Iterator[Server | None]:
    """``oxigraph serve`` or Virtuoso on 127.0.0.1 (None where Virtuoso is not installed)."""
    from dataclasses import replace

    from kg.config import Settings
    from tests.remote.conftest import VIRTUOSO, start_oxigraph, start_virtuoso, stop

    plain = Settings.from_env(environ={})
    folder.mkdir(parents=True)
    if name == "oxigraph":
        process, server = start_oxigraph(folder)
        settings, options = plain, {}
    elif VIRTUOSO is None:
        yield None
        return
    else:
        process, server, _ = start_virtuoso(folder, folder)
        options = {"store_profile": "virtuoso", "store_password": "dba"}
        settings = replace(plain, **options)
    try:
        yield Server(name, server.spec, settings, process, options)
    finally:
        stop(process)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="24 articles, growth 1× and 2×")
    parser.add_argument("--source", type=Path, default=FAKES)
    parser.add_argument(
        "--servers",
        nargs="*",
        default=["oxigraph", "virtuoso"],
        help="servers to start for the server rows (virtuoso: skipped if not installed)",
    )
    parser.add_argument(
        "--sections",
        nargs="+",
        choices=["throughput", "growth", "load"],
        default=["throughput", "growth", "load"],
        help="run only these sections (load needs throughput's 2-process store)",
    )
    args = parser.parse_args()
    if not args.source.exists():
        sys.exit(f"missing input: {args.source}")
    with args.source.open(encoding="utf-8", newline="") as table:
        reader = csv.DictReader(table)
        rows = list(reader)
        fields = list(reader.fieldnames or [])
    if args.quick:
        rows = rows[:24]
    growth = (1, 2) if args.quick else (1, 4, 16)

    from kg.config import Settings
    from kg.ingest import TableColumns, read_sources
    from kg.records import Article

    model = Settings.from_env().model
    print(
        f"{len(rows)} articles ({args.source.name}{', --quick' if args.quick else ''}), "
        f"model {model}, {psutil.cpu_count()} cores"
    )
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        corpus = base / "x1.csv"
        write_corpus(rows, fields, 1, corpus)
        texts = [
            a.text
            for a in read_sources([corpus], TableColumns(**COLUMNS))
            if isinstance(a, Article)
        ]
        texts_file = base / "texts.json"
        texts_file.write_text(json.dumps(texts), encoding="utf-8")
        if "throughput" in args.sections:
            throughput(base, corpus, texts, texts_file, model, args.servers)
        if "growth" in args.sections:
            grow(base, rows, fields, growth)
        if "load" in args.sections and "throughput" in args.sections:
            loads(base, len(texts), args.servers)


def throughput(
    base: Path, corpus: Path, texts: list[str], texts_file: Path, model: str, servers: list[str]
) -> None:
    """Section 1: the spaCy floor, each executor, and the 2-process build into each target."""
    print("\n== throughput (wall time of a fresh process, model load included) ==")
    print(
        f"{'run':26} {'seconds':>8} {'art/s':>7} {'× floor':>8} {'main ms/art':>12} "
        f"{'of it store':>12} {'ready s':>8} {'art/s after ready':>18}"
    )
    floors: dict[int, float] = {}
    runs: dict[str, Run] = {}
    for label, executor, processes in [
        ("local 1 process", "local", 1),
        ("local 2 processes", "local", 2),
        ("dask 1 worker", "dask", 1),
        ("dask 2 workers", "dask", 2),
    ]:
        if processes not in floors:
            floor = run_measured(
                [sys.executable, "-c", FLOOR, str(texts_file), model, str(processes)]
            )
            floors[processes] = floor.seconds
            print(
                f"{'spaCy nlp.pipe ×' + str(processes):26} {floor.seconds:8.1f} "
                f"{len(texts) / floor.seconds:7.1f} {1.0:8.2f}"
            )
        store = base / f"store-{executor}-{processes}"
        runs[label] = build_run(corpus, store, executor, processes)
        print_run(label, runs[label], min(floors.values()))
    print(
        "(× floor: against the best spaCy floor so far; main ms/art: the build "
        "process's own CPU time, all its threads, from the first article read to the "
        "last batch written: reading and cleaning the input, hashing, writing the store, "
        "and for Dask the scheduler and client; with 1 local process it includes the NLP; "
        "of it store: the part spent inside the target's writes, all threads (for the "
        "embedded store, Oxigraph's transactional load: each quad goes into six indexes); "
        "ready s: in the build's own timing, until its executor's workers were up with "
        "the model loaded and the first batches read, which for Dask overlap)"
    )
    local, dask = runs["local 2 processes"], runs["dask 2 workers"]
    print(
        f"dask 2 workers against local 2 processes (throughput): "
        f"{local.seconds / dask.seconds:.2f}× in full wall time (startup included), "
        f"{after_ready(local) / after_ready(dask):.2f}× after each was ready"
    )
    print("\n-- the local 2-process build into each target (main ms/art: the build process) --")
    print(f"{'target':26} {'seconds':>8} {'art/s':>7} {'× floor':>8} {'main ms/art':>12} "
          f"{'of it store':>12} {'server ms/art':>14}")  # fmt: skip
    shards = build_run(corpus, base / "shards", "local", 2, target="shards")
    print_run("shards (--shards)", shards, min(floors.values()), ready=False)
    for name in servers:
        with start_server(name, base / f"server-{name}") as server:
            if server is None:
                print(f"{name + ' server':26} skipped (not installed: make virtuoso-deps)")
                continue
            before = server.cpu()
            run = build_run(corpus, base / "unused", "local", 2, server.spec, server.options)
            used = server.cpu() - before
            print_run(f"{name} server", run, min(floors.values()), ready=False, server=used)


def print_run(
    label: str, run: Run, floor: float, ready: bool = True, server: float | None = None
) -> None:
    """One row of the throughput table."""
    done = max(run.output["articles"], 1)
    main, store = (1000 * run.output[key] / done for key in ("main_cpu", "store_cpu"))
    row = (
        f"{label:26} {run.seconds:8.1f} {done / run.seconds:7.1f} {run.seconds / floor:8.2f} "
        f"{main:12.2f} {store:12.2f}"
    )
    if ready:
        row += f" {run.output['ready']:8.1f} {done / after_ready(run):18.1f}"
    if server is not None:
        row += f" {1000 * server / done:14.2f}"
    print(row)


def grow(base: Path, rows: list[dict], fields: list[str], growth: tuple[int, ...]) -> None:
    """Section 2: the corpus duplicated with new ids, built with 2 local processes."""
    print("\n== growth (2 local processes, corpus duplicated with new ids) ==")
    print(
        f"{'copies':>6} {'articles':>8} {'seconds':>8} {'ms/art':>7} {'main ms/art':>12} "
        f"{'main peak':>10} {'worker peak':>12}"
    )
    for copies in growth:
        grown = base / f"x{copies}.csv"
        count = write_corpus(rows, fields, copies, grown)
        run = build_run(grown, base / f"growth-{copies}", "local", 2)
        done = run.output["articles"]
        print(
            f"{copies:6} {count:8} {run.seconds:8.1f} {1000 * run.seconds / done:7.1f} "
            f"{1000 * run.output['main_cpu'] / done:12.2f} {mib(run.main_peak):>10} "
            f"{mib(run.worker_peak):>12}"
        )


def loads(base: Path, articles: int, servers: list[str]) -> None:
    """Section 3: the 1× article graphs written into each target, batches of 16."""
    print("\n== load rate of the 1× article graphs into each target (batches of 16) ==")
    built = base / "store-local-2"
    size = sum(f.stat().st_size for f in built.rglob("*") if f.is_file())
    print(f"store of {articles} articles: {mib(size)} on disk")
    data = article_graphs(built)
    print(
        f"{'target':28} {'graphs/s':>9} {'quads/s':>9} {'ms/graph':>9} {'writer cpu':>11} "
        f"{'server cpu':>11} {'× embedded':>11}"
    )
    embedded_rate = 0.0
    rows: list[tuple[str, Server | None, Path]] = [
        ("embedded (fresh directory)", None, base / "load-embedded"),
        ("shards", None, base / "load" / "shards"),
    ]
    for label, server, path in rows:
        load = load_rate(data, open_bench_target(server, path), server)
        embedded_rate = embedded_rate or load.graphs / load.writing
        print_load(label, load, embedded_rate)
    for name in servers:
        with start_server(name, base / f"load-{name}") as server:
            if server is None:
                print(f"{name + ' server':28} skipped (not installed: make virtuoso-deps)")
                continue
            load = load_rate(data, open_bench_target(server, base), server)
            print_load(f"{name} server", load, embedded_rate)
    print(
        "(ms/graph: wall; writer cpu / server cpu: CPU ms per graph of the writing process "
        "and of the server's process)"
    )
    print(
        f"per article graph: {load.quads / load.graphs:,.0f} quads, "
        f"{load.nquads_bytes / load.graphs:,.0f} bytes of N-Quads, "
        f"{size / load.graphs:,.0f} bytes of store"
    )


def print_load(label: str, load: Load, embedded_rate: float) -> None:
    """One row of the load-rate table."""
    rate = load.graphs / load.writing
    server = f"{1000 * load.server_cpu / load.graphs:11.2f}" if load.server_cpu is not None else ""
    print(
        f"{label:28} {rate:9.1f} {load.quads / load.writing:9,.0f} "
        f"{1000 * load.writing / load.graphs:9.2f} "
        f"{1000 * load.writer_cpu / load.graphs:11.2f} {server:>11} "
        f"{rate / embedded_rate:10.2f}×"
    )


if __name__ == "__main__":
    main()
