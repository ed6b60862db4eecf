"""Draw a fifth fresh blind attribution sample: 24 dev articles in no earlier sample.

Reads ../shared/data/fakes-dev.csv (relative to the repository root), dedupes by
unit_id (first row kept) and sorts the distinct ids, exactly as
bench/attribution/sample.py does; removes the ids of bench/attribution/sample.txt and of
the fresh, fresh2, fresh3 and fresh4 samples, and draws 24 of the rest with
random.Random(2031).sample; writes bench/attribution/fresh5/sample.txt in drawn order.
It is annotated blind and scored once, at the end of the round that drew it.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from sample import draw_fresh  # noqa: E402  (bench/attribution/sample.py: the same ids)

if __name__ == "__main__":
    draw_fresh(
        HERE / "sample.txt",
        [HERE.parent / name / "sample.txt" for name in ("", "fresh", "fresh2", "fresh3", "fresh4")],
        seed=2031,
        size=24,
    )
