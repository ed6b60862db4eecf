"""Expand the second annotator's compact file (annotations-12.txt) into annotations-12.jsonl.

Same format and the same mechanical steps as ../expand.py (find the number from a cursor,
copy its sentence, read value/vague word/qualifier); every judgement is the annotator's.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from expand import expand, load, write  # noqa: E402


def main() -> int:
    """Write annotations-12.jsonl; print the number of lines and errors."""
    lines = (HERE / "annotations-12.txt").read_text(encoding="utf-8").splitlines()
    out, errors = expand("annotations-12.txt", lines, load())
    write(out, HERE / "annotations-12.jsonl")
    print(f"{len(out)} lines, {errors} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
