"""Switch each named event rule off in turn and check that some test fails.

    .venv/bin/python bench/rule_ablation.py [--tests PATH ...] [--rule NAME ...]

For every rule of ``kg.extract.events.rules.RULES`` (or the ones named), runs pytest
on the given tests (default: the hand-built-Doc rule tests) with
``NEWSKG_RULES_OFF=<rule>`` and prints one line per rule: ``caught`` when a test
failed, ``MISSED`` when the suite stayed green.  Exits 1 if any rule was missed.
Each run is a fresh process (rules are switched at import), a few seconds each.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kg.extract.events.rules import OFF_VARIABLE, RULES  # noqa: E402

DEFAULT_TESTS = ["tests/extract/test_event_rules.py"]


def run(rule: str, tests: list[str]) -> bool:
    """Whether some test fails with ``rule`` switched off."""
    env = {**os.environ, OFF_VARIABLE: rule}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests],
        cwd=REPO, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    return result.returncode != 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tests", nargs="+", default=DEFAULT_TESTS)
    parser.add_argument("--rule", nargs="*", default=None, help="rules to try (default: all)")
    args = parser.parse_args(argv)
    names = args.rule or sorted(RULES)
    unknown = [n for n in names if n not in RULES]
    if unknown:
        parser.error(f"no such rule: {', '.join(unknown)}")
    if run("", args.tests):
        print(f"{' '.join(args.tests)} fail with every rule on: fix them first")
        return 2
    missed = []
    for name in names:
        caught = run(name, args.tests)
        print(f"{name:34} {'caught' if caught else 'MISSED'}", flush=True)
        if not caught:
            missed.append(name)
    print(f"{len(names) - len(missed)} of {len(names)} rules caught by {' '.join(args.tests)}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
