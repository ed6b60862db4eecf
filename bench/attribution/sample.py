"""Draw the attribution reference sample: 64 distinct FA-KES dev articles, seed 2026.

Reads ../shared/data/fakes-dev.csv (relative to the repository root), dedupes by
unit_id (first row kept), sorts the distinct ids and draws 64 with
random.Random(2026).sample; writes bench/attribution/sample.txt in drawn order.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "fakes-dev.csv"
OUT = Path(__file__).resolve().parent / "sample.txt"
SEED = 2026
SIZE = 64


def distinct_ids(path: Path) -> list[str]:
    """The sorted distinct unit_ids of the CSV (first row of a repeated id kept)."""
    seen: dict[str, None] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            seen.setdefault(row["unit_id"], None)
    return sorted(seen)


def draw_fresh(out: Path, earlier: Sequence[Path], seed: int, size: int) -> None:
    """Write to ``out``, in drawn order, ``size`` dev ids in none of the ``earlier``
    samples, drawn with ``random.Random(seed).sample`` from the sorted rest."""
    old = {uid for path in earlier for uid in path.read_text(encoding="utf-8").split()}
    rest = [uid for uid in distinct_ids(DATA) if uid not in old]
    drawn = random.Random(seed).sample(rest, size)
    out.write_text("\n".join(drawn) + "\n", encoding="utf-8")
    print(f"{len(rest)} articles outside the earlier samples, drew {len(drawn)} -> {out}")


def main() -> None:
    ids = distinct_ids(DATA)
    drawn = random.Random(SEED).sample(ids, SIZE)
    OUT.write_text("\n".join(drawn) + "\n", encoding="utf-8")
    print(f"{len(ids)} distinct articles, drew {len(drawn)} -> {OUT}")


if __name__ == "__main__":
    main()
