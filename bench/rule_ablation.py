"""Switch each named event rule off in turn and check that some test fails.

    .venv/bin/python bench/rule_ablation.py [--tests PATH ...] [--rule NAME ...]

For every rule of ``kg.extract.events.rules.RULES`` (or the ones named), runs pytest
on the given tests (default: the hand-built-Doc rule tests) with that rule switched
off, and prints one line per rule: ``caught`` and the first failing test, or
``MISSED`` when the tests stayed green.  Exits 1 if any rule was missed.  One process
for all runs: the rules are switchable at run time, and the spaCy model, when the
tests use it, is loaded once.
"""

from __future__ import annotations

import argparse
import os
import sys
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ["NEWSKG_RULES_SWITCHABLE"] = "1"  # before kg.extract.events is imported

import pytest  # noqa: E402

import kg.nlp  # noqa: E402
from kg.extract.events.rules import OFF, RULES  # noqa: E402

DEFAULT_TESTS = ["tests/extract/test_event_rules.py", "tests/extract/test_event_argument_rules.py"]


class FirstFailure:
    """A pytest plugin that remembers the first failing test."""

    def __init__(self) -> None:
        self.failed: str | None = None

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.failed and self.failed is None:
            self.failed = report.nodeid


def run(rule: str | None, tests: list[str]) -> str | None:
    """The first test that fails with ``rule`` switched off (None: all pass)."""
    OFF.clear()
    if rule is not None:
        OFF.add(rule)
    plugin = FirstFailure()
    args = ["-x", "-q", "-p", "no:cacheprovider", "--no-header", "-p", "no:warnings", *tests]
    pytest.main(args, plugins=[plugin])
    OFF.clear()
    return plugin.failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tests", nargs="+", default=DEFAULT_TESTS)
    parser.add_argument("--rule", nargs="*", default=None, help="rules to try (default: all)")
    args = parser.parse_args(argv)
    names = args.rule or sorted(RULES)
    unknown = [n for n in names if n not in RULES]
    if unknown:
        parser.error(f"no such rule: {', '.join(unknown)}")
    kg.nlp.load_pipeline = lru_cache(maxsize=1)(kg.nlp.load_pipeline)  # once for all runs
    results: dict[str, str | None] = {}
    if run(None, args.tests) is not None:
        print(f"{' '.join(args.tests)} fail with every rule on: fix them first")
        return 2
    for name in names:
        results[name] = run(name, args.tests)
    print()
    for name in names:
        failed = results[name]
        print(f"{name:34} {'caught by ' + failed if failed else 'MISSED'}")
    missed = [n for n in names if results[n] is None]
    print(f"{len(names) - len(missed)} of {len(names)} rules caught by {' '.join(args.tests)}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
