"""Build speed against spaCy's own ``nlp.pipe``, side by side in one run.

    python bench/build.py [SOURCE ...] [--rounds 2] [table column options]

Default source: ../shared/data/fakes-dev.csv (381 articles).  Each round runs,
as fresh processes, the floor (load the same model, ``nlp.pipe`` over the same
cleaned texts, single process, spaCy's defaults) and ``kg build`` into an empty
store; it prints each one's wall time and peak memory (the whole process tree),
the best-of-rounds ratio build/floor (goal ≤ 1.25), and the store's size.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
FAKES = REPO.parent / "shared" / "data" / "fakes-dev.csv"
FAKES_COLUMNS = [
    "--id-column",
    "unit_id",
    "--title-column",
    "article_title",
    "--text-column",
    "article_content",
    "--date-column",
    "date",
]
FLOOR = """
import json, sys, spacy
texts = json.load(open(sys.argv[1], encoding="utf-8"))
nlp = spacy.load(sys.argv[2])
n = sum(len(doc) for doc in nlp.pipe(texts))
print(n)
"""


def run_measured(command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak resident memory (bytes) of a command and its children."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    root = psutil.Process(process.pid)
    peak = 0
    while process.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        sys.exit(f"{command[0]} failed:\n{process.stderr.read().decode()[-2000:]}")
    return seconds, peak


def directory_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("sources", nargs="*", type=Path)
    parser.add_argument("--rounds", type=int, default=2)
    args, column_options = parser.parse_known_args()
    sources = args.sources or [FAKES]
    if not args.sources:
        column_options = FAKES_COLUMNS
    if not all(s.exists() for s in sources):
        sys.exit(f"missing input: {[str(s) for s in sources if not s.exists()]}")

    from kg.config import Settings
    from kg.ingest import TableColumns, read_sources
    from kg.records import Article

    options = dict(zip(column_options[::2], column_options[1::2], strict=True))
    columns = TableColumns(
        id=options.get("--id-column"),
        title=options.get("--title-column"),
        text=options.get("--text-column"),
        date=options.get("--date-column"),
    )
    texts = [a.text for a in read_sources(sources, columns) if isinstance(a, Article)]
    settings = Settings.from_env()
    kg = str(Path(sys.executable).with_name("kg"))
    print(
        f"{len(texts)} articles, {sum(map(len, texts)):,} characters, model {settings.model}, "
        f"{settings.processes} build process(es), {psutil.cpu_count()} cores"
    )

    with tempfile.TemporaryDirectory() as tmp:
        texts_file = Path(tmp) / "texts.json"
        texts_file.write_text(json.dumps(texts), encoding="utf-8")
        floor_runs, build_runs, store = [], [], Path(tmp) / "store"
        for round_number in range(1, args.rounds + 1):
            floor_runs.append(
                run_measured([sys.executable, "-c", FLOOR, str(texts_file), settings.model])
            )
            if store.exists():
                subprocess.run(["rm", "-rf", str(store)], check=True)
            build_runs.append(
                run_measured(
                    [
                        kg,
                        "build",
                        *map(str, sources),
                        *column_options,
                        "--store",
                        str(store),
                        "--quiet",
                    ]
                )
            )
            print(
                f"round {round_number}: nlp.pipe {floor_runs[-1][0]:6.1f} s  "
                f"kg build {build_runs[-1][0]:6.1f} s"
            )
        floor_s, floor_mem = min(floor_runs)
        build_s, build_mem = min(build_runs)
        print()
        print(f"{'':18}{'seconds':>10}{'peak MiB':>10}")
        print(f"{'spaCy nlp.pipe':18}{floor_s:10.1f}{floor_mem / 2**20:10.0f}")
        print(f"{'kg build':18}{build_s:10.1f}{build_mem / 2**20:10.0f}")
        print(f"ratio build/floor: {build_s / floor_s:.2f}x (goal <= 1.25x)")
        print(f"store size: {directory_size(store) / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
