"""Draw the attribution reference sample and the fresh blind samples.

    python3 bench/attribution/sample.py            # the reference: 64 articles, seed 2026
    python3 bench/attribution/sample.py fresh4     # a fresh sample, as FRESH says

Reads ../shared/data/fakes-dev.csv (relative to the repository root), dedupes by
unit_id (first row kept) and sorts the distinct ids. The reference draws 64 of them
with random.Random(2026).sample into bench/attribution/sample.txt; each fresh sample
draws from the ids no earlier sample holds (the reference and the fresh samples before
it in FRESH) into its folder's sample.txt, in drawn order. Rerunning gives the same file.
"""

from __future__ import annotations

import csv
import random
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "fakes-dev.csv"
OUT = Path(__file__).resolve().parent / "sample.txt"
SEED = 2026
SIZE = 64
# The fresh blind samples in the order drawn: folder → (seed, size).
FRESH: dict[str, tuple[int, int]] = {
    "fresh": (2027, 16),
    "fresh2": (2028, 20),
    "fresh3": (2029, 24),
    "fresh4": (2030, 24),
    "fresh5": (2031, 24),
    "fresh6": (2032, 24),
    "fresh7": (2033, 24),
}


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
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(drawn) + "\n", encoding="utf-8")
    print(f"{len(rest)} articles outside the earlier samples, drew {len(drawn)} -> {out}")


def draw_named(name: str) -> None:
    """Draw the fresh sample ``name`` of ``FRESH``, excluding every sample before it."""
    here = OUT.parent
    seed, size = FRESH[name]
    earlier = [OUT] + [
        here / before / "sample.txt" for before in list(FRESH)[: list(FRESH).index(name)]
    ]
    draw_fresh(here / name / "sample.txt", earlier, seed=seed, size=size)


def main() -> None:
    if len(sys.argv) > 1:
        if sys.argv[1] not in FRESH:
            raise SystemExit(f"no fresh sample {sys.argv[1]!r}; known: {', '.join(FRESH)}")
        draw_named(sys.argv[1])
        return
    ids = distinct_ids(DATA)
    drawn = random.Random(SEED).sample(ids, SIZE)
    OUT.write_text("\n".join(drawn) + "\n", encoding="utf-8")
    print(f"{len(ids)} distinct articles, drew {len(drawn)} -> {OUT}")


if __name__ == "__main__":
    main()
