"""Switch each named event rule off in turn and check that some test fails.

    .venv/bin/python bench/rule_ablation.py [--tests PATH ...] [--rule NAME ...]

For every rule of ``kg.extract.events.rules.RULES`` (or the ones named), runs pytest
on the given tests (default: the hand-built-Doc rule tests) with that rule switched
off, and prints one line per rule: ``caught by`` its own test (the test whose
docstring says ``rule "NAME"``), ``only by`` another test, or ``MISSED`` when the
tests stayed green.  Exits 1 unless every rule is caught by its own test.  One process
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

DEFAULT_TESTS = ["tests/extract/test_event_rules.py", "tests/extract/test_event_argument_rules.py",
                 "tests/extract/test_event_headline_rules.py",
                 "tests/extract/test_event_lead_rules.py",
                 "tests/extract/test_unlisted_places.py",
                 "tests/extract/test_headline_tolls.py"]  # fmt: skip


class Failures:
    """A pytest plugin that records the failing tests and their docstrings."""

    def __init__(self) -> None:
        self.failed: dict[str, str] = {}

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo) -> object:
        outcome = yield
        report = outcome.get_result()  # type: ignore[attr-defined]
        if report.failed:
            self.failed[item.nodeid] = getattr(item, "function", None).__doc__ or ""
        return None


def run(rule: str | None, tests: list[str]) -> dict[str, str]:
    """The tests that fail with ``rule`` switched off: node id → docstring."""
    OFF.clear()
    if rule is not None:
        OFF.add(rule)
    plugin = Failures()
    args = ["-q", "-p", "no:cacheprovider", "--no-header", "-p", "no:warnings", *tests]
    pytest.main(args, plugins=[plugin])
    OFF.clear()
    return plugin.failed


def verdict(name: str, failed: dict[str, str]) -> str:
    """``caught by`` the rule's own test (its docstring says ``rule "name"``), ``only by``
    other tests, or ``MISSED``."""
    own = [test for test, doc in failed.items() if f'rule "{name}"' in doc]
    if own:
        return "caught by " + own[0]
    if failed:
        return "only by " + next(iter(failed))
    return "MISSED"


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
    results: dict[str, str] = {}
    if run(None, args.tests):
        print(f"{' '.join(args.tests)} fail with every rule on: fix them first")
        return 2
    for name in names:
        results[name] = verdict(name, run(name, args.tests))
    print()
    for name in names:
        print(f"{name:34} {results[name]}")
    own = [n for n in names if results[n].startswith("caught")]
    print(f"{len(own)} of {len(names)} rules caught by their own test in {' '.join(args.tests)}")
    return 0 if len(own) == len(names) else 1


if __name__ == "__main__":
    sys.exit(main())
