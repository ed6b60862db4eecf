"""Do two threads loading batches into one embedded store at once finish sooner?

Usage: ``.venv/bin/python bench/parallel_load.py --store DIR [--runs 3] [--batch 16]``
with DIR a store already built (``kg build … --store DIR``).  It reads DIR's article
graphs as N-Quads, then writes them into a fresh store in batches, each batch one
``Store.load`` transaction (what ``kg build`` does), from 1 thread and from 2 threads
of one process, in turn, and prints wall and process CPU time per article.  If the
transactions ran side by side, 2 threads would take about half the wall time per
article on 2 idle cores (docs/scaling.md, "Writing from two threads").
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pyoxigraph import RdfFormat, Store, serialize


def article_nquads(store_dir: Path) -> list[bytes]:
    """Each article graph of the built store, as N-Quads."""
    source = Store.read_only(str(store_dir))
    graphs = [g for g in source.named_graphs() if "/article/" in g.value]
    return [
        serialize(source.quads_for_pattern(None, None, None, g), format=RdfFormat.N_QUADS) or b""
        for g in graphs
    ]


def write(batches: list[bytes], threads: int, where: Path) -> tuple[float, float, int]:
    """Seconds of wall and process CPU time to load ``batches`` from ``threads``."""
    store = Store(str(where))
    wall, cpu = time.perf_counter(), time.process_time()
    if threads == 1:
        for batch in batches:
            store.load(batch, RdfFormat.N_QUADS, lenient=True)
    else:
        with ThreadPoolExecutor(threads) as pool:
            list(pool.map(lambda b: store.load(b, RdfFormat.N_QUADS, lenient=True), batches))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return wall, cpu, len(store)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, required=True, help="a store kg build wrote")
    parser.add_argument("--runs", type=int, default=3, help="rounds of 1 then 2 threads")
    parser.add_argument("--batch", type=int, default=16, help="articles per transaction")
    args = parser.parse_args()
    items = article_nquads(args.store)
    batches = [b"".join(items[i : i + args.batch]) for i in range(0, len(items), args.batch)]
    print(f"{len(items)} article graphs, {len(batches)} batches of {args.batch}")
    for _ in range(args.runs):
        for threads in (1, 2):
            where = Path(tempfile.mkdtemp(prefix="parallel-load-"))
            try:
                wall, cpu, quads = write(batches, threads, where)
            finally:
                shutil.rmtree(where, ignore_errors=True)
            print(
                f"threads {threads}: wall {1000 * wall / len(items):.2f} ms/article, "
                f"process CPU {1000 * cpu / len(items):.2f} ms/article ({quads} quads)"
            )


if __name__ == "__main__":
    main()
