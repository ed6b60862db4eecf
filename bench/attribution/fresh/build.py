"""Expand a fresh sample's annotations.txt into its reference.jsonl and check it.

    python3 bench/attribution/fresh/build.py [SAMPLE_DIR] [--stats]

SAMPLE_DIR is fresh/ (the default), fresh2/, fresh3/ …: a folder holding sample.txt and
annotations.txt.

Reuses the mechanical steps of bench/attribution/expand.py (find each number, copy its
sentence, read value, vague word and qualifier) and the checks of
bench/attribution/check_reference.py, pointed at the fresh sample; every judgement is
the annotator's.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import check_reference  # noqa: E402
import expand  # noqa: E402


def main(here: Path = HERE) -> int:
    """Write here/reference.jsonl (default fresh/), then run the reference checks on it."""
    lines = (here / "annotations.txt").read_text(encoding="utf-8").splitlines()
    records, errors = expand.expand("annotations.txt", lines, expand.load())
    expand.write(records, here / "reference.jsonl")
    print(f"{len(records)} lines, {errors} errors")
    check_reference.REF = here / "reference.jsonl"
    check_reference.SAMPLE = here / "sample.txt"
    return 1 if errors else check_reference.main()


if __name__ == "__main__":
    folders = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
    sys.exit(main(Path(folders[0]).resolve() if folders else HERE))
