"""Draw a fresh blind attribution sample: 16 dev articles not in the first reference.

Reads ../shared/data/fakes-dev.csv (relative to the repository root), dedupes by
unit_id (first row kept) and sorts the distinct ids, exactly as
bench/attribution/sample.py does; removes the 64 ids of bench/attribution/sample.txt
and draws 16 of the rest with random.Random(2027).sample; writes
bench/attribution/fresh/sample.txt in drawn order.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from sample import draw_fresh  # noqa: E402  (bench/attribution/sample.py: the same ids)

if __name__ == "__main__":
    draw_fresh(HERE / "sample.txt", [HERE.parent / "sample.txt"], seed=2027, size=16)
