"""Expand fresh3/annotations.txt into fresh3/reference.jsonl and check it.

Runs bench/attribution/fresh/build.py (the mechanical steps of expand.py and the checks
of check_reference.py) pointed at this directory; every judgement is the annotator's.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_SPEC = importlib.util.spec_from_file_location("fresh_build", HERE.parent / "fresh" / "build.py")
assert _SPEC and _SPEC.loader
fresh_build = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(fresh_build)


if __name__ == "__main__":
    sys.exit(fresh_build.main(HERE))
