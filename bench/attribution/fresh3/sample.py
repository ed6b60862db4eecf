"""Draw a third fresh blind attribution sample: 24 dev articles in no earlier sample.

Reads ../shared/data/fakes-dev.csv (relative to the repository root), dedupes by
unit_id (first row kept) and sorts the distinct ids, exactly as
bench/attribution/sample.py does; removes the 64 ids of bench/attribution/sample.txt,
the 16 of bench/attribution/fresh/sample.txt and the 20 of
bench/attribution/fresh2/sample.txt, and draws 24 of the rest with
random.Random(2029).sample; writes bench/attribution/fresh3/sample.txt in drawn order.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from sample import distinct_ids  # noqa: E402  (bench/attribution/sample.py: the same ids)

ROOT = HERE.parents[2]
DATA = ROOT.parent / "shared" / "data" / "fakes-dev.csv"
OLD = (
    HERE.parent / "sample.txt",
    HERE.parent / "fresh" / "sample.txt",
    HERE.parent / "fresh2" / "sample.txt",
)
OUT = HERE / "sample.txt"
SEED = 2029
SIZE = 24


def main() -> None:
    """Write the 24 fresh ids, in drawn order, to sample.txt."""
    old = {uid for path in OLD for uid in path.read_text(encoding="utf-8").split()}
    rest = [uid for uid in distinct_ids(DATA) if uid not in old]
    drawn = random.Random(SEED).sample(rest, SIZE)
    OUT.write_text("\n".join(drawn) + "\n", encoding="utf-8")
    print(f"{len(rest)} articles outside the earlier samples, drew {len(drawn)} -> {OUT}")


if __name__ == "__main__":
    main()
