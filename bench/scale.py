"""How `kg build` scales: executors and workers, the main process's own time, growth, load rate.

    python bench/scale.py [--quick] [--source FAKES.csv] [--target SPEC ...]

Prints, in one run, on the same texts (default: the FA-KES dev half, 381 rows):

1. articles/s of spaCy's own ``nlp.pipe`` (1 and 2 processes: the floor) and of
   ``kg build`` with 1 and 2 local processes and Dask with 1 and 2 workers, each a
   fresh process into an empty store, side by side;
2. the main process's own CPU time per article of each build (goal ≤ 4 ms);
3. the growth curve: the corpus duplicated 1×, 4× and 16× with new ids, built with
   2 local processes: time per article and peak memory of the main process and of
   the largest worker;
4. the load rate of the 1× graphs into each target (``--target``, repeatable, any
   ``--store`` spec that :func:`kg.store.open_target` takes; default: a fresh
   embedded store).

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
from dataclasses import dataclass
from pathlib import Path

import psutil

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
report = build([Path(args["source"])], settings, TableColumns(**args["columns"]),
               executor=args["executor"])
print(json.dumps({"articles": report.articles, "seconds": report.seconds,
                  "ready": report.ready_seconds, "main_cpu": report.main_cpu_seconds,
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


def build_run(source: Path, store: Path, executor: str, processes: int) -> Run:
    args = {
        "source": str(source),
        "store": str(store),
        "executor": executor,
        "processes": processes,
        "columns": COLUMNS,
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


def load_rate(spec: str, store: Path, batch: int = 16) -> Load:
    """Write the article graphs of ``store`` into the target ``spec``, batch by batch."""
    from pyoxigraph import RdfFormat, serialize

    from kg.config import Settings
    from kg.store import iter_quads, open_store, open_target

    graphs: dict[str, list] = {}
    for quad in iter_quads(open_store(store, read_only=True)):
        if "/article/" in quad.graph_name.value:
            graphs.setdefault(quad.graph_name.value, []).append(quad)
    data = {name: serialize(quads, format=RdfFormat.N_QUADS) for name, quads in graphs.items()}
    names = list(data)
    target = open_target(spec, Settings.from_env())
    started = time.perf_counter()
    for start in range(0, len(names), batch):
        target.replace_graphs({name: data[name] for name in names[start : start + batch]})
    writing = time.perf_counter() - started
    target.finish()
    finishing = time.perf_counter() - started - writing
    quads = sum(map(len, graphs.values()))
    return Load(len(names), quads, sum(map(len, data.values())), writing, finishing)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="24 articles, growth 1× and 2×")
    parser.add_argument("--source", type=Path, default=FAKES)
    parser.add_argument("--target", action="append", default=[], help="a --store spec to load")
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

        print("\n== throughput (wall time of a fresh process, model load included) ==")
        print(
            f"{'run':26} {'seconds':>8} {'art/s':>7} {'× floor':>8} {'main ms/art':>12} "
            f"{'ready s':>8} {'art/s after ready':>18}"
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
            run = runs[label] = build_run(corpus, store, executor, processes)
            done = run.output["articles"]
            best_floor = min(floors.values())
            after = after_ready(run)
            print(
                f"{label:26} {run.seconds:8.1f} {done / run.seconds:7.1f} "
                f"{run.seconds / best_floor:8.2f} "
                f"{1000 * run.output['main_cpu'] / max(done, 1):12.2f} "
                f"{run.output['ready']:8.1f} {done / after:18.1f}"
            )
        print(
            "(× floor: against the best spaCy floor so far; main ms/art: the build "
            "process's own CPU time, all its threads, from the first article read to the "
            "last batch written: reading and cleaning the input, hashing, writing the store, "
            "and for Dask the scheduler and client; with 1 local process it includes the NLP; "
            "ready s: in the build's own timing, until its executor's workers were up with "
            "the model loaded and the first batches read, which for Dask overlap)"
        )
        local, dask = runs["local 2 processes"], runs["dask 2 workers"]
        print(
            f"dask 2 workers against local 2 processes (throughput): "
            f"{local.seconds / dask.seconds:.2f}× in full wall time (startup included), "
            f"{after_ready(local) / after_ready(dask):.2f}× after each was ready"
        )

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

        print("\n== load rate of the 1× article graphs into each target ==")
        built = base / "store-local-2"
        size = sum(f.stat().st_size for f in built.rglob("*") if f.is_file())
        print(f"store of {len(texts)} articles: {mib(size)} on disk")
        for spec in [str(base / "load-embedded"), *args.target]:
            load = load_rate(spec, built)
            shown = "embedded (fresh directory)" if spec.startswith(tmp) else spec
            print(
                f"{shown:28} {load.graphs / load.writing:7.1f} graphs/s "
                f"{load.quads / load.writing:9,.0f} quads/s "
                f"{1000 * load.writing / load.graphs:6.2f} ms/graph; finish {load.finishing:.1f} s"
            )
        print(
            f"per article graph: {load.quads / load.graphs:,.0f} quads, "
            f"{load.nquads_bytes / load.graphs:,.0f} bytes of N-Quads, "
            f"{size / load.graphs:,.0f} bytes of store"
        )


if __name__ == "__main__":
    main()
