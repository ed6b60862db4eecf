"""Named rules: every exception the event reader makes, with the sentence it handles.

A rule is a predicate decorated with ``@rule(name, handles, off=…)``.  The registry
``RULES`` lists them (name → module, the sentence handled, the words it is keyed to),
so a newcomer sees every exception in one place and each has a test on a hand-built
Doc (``tests/extract/test_event_rules.py``).  A rule is checked when added: its name
is new, it says which sentence it handles, and every word it is keyed to is in the
vocabulary given (a rule keyed to a word nothing ever looks up would be dead).

``NEWSKG_RULES_OFF`` (comma-separated rule names, read at import) switches rules off:
a switched-off rule returns its ``off`` value, as if the guard were not there.  With
``NEWSKG_RULES_SWITCHABLE`` set at import, ``OFF`` can also be changed while running
(``bench/rule_ablation.py`` does, to check that every rule has a test that fails
without it).  Otherwise rules are plain functions: no cost at run time.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import wraps
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

OFF_VARIABLE = "NEWSKG_RULES_OFF"
SWITCHABLE_VARIABLE = "NEWSKG_RULES_SWITCHABLE"


@dataclass(frozen=True, slots=True)
class Rule:
    """One exception of the event reader."""

    name: str
    handles: str  # the sentence the rule is for, quoted
    module: str
    words: frozenset[str] = frozenset()


RULES: dict[str, Rule] = {}


def switched_off() -> frozenset[str]:
    """The rules ``NEWSKG_RULES_OFF`` names."""
    return frozenset(n.strip() for n in os.environ.get(OFF_VARIABLE, "").split(",") if n.strip())


OFF: set[str] = set(switched_off())  # the rules switched off
_SWITCHABLE = bool(OFF) or bool(os.environ.get(SWITCHABLE_VARIABLE))


def rule(
    name: str,
    handles: str,
    *,
    off: Any = False,
    words: Collection[str] = (),
    within: Collection[str] | None = None,
) -> Callable[[F], F]:
    """Register the decorated predicate as rule ``name``; ``off`` is what it returns when
    switched off; ``words`` (checked against ``within``) are the lemmas it is keyed to."""

    def register(function: F) -> F:
        if name in RULES:
            raise ValueError(f"event rule {name!r} is defined twice")
        if not handles.strip():
            raise ValueError(f"event rule {name!r} does not say which sentence it handles")
        unknown = sorted(set(words) - set(within)) if within is not None else []
        if unknown:
            raise ValueError(f"event rule {name!r} is keyed to words never looked up: {unknown}")
        RULES[name] = Rule(name, handles, function.__module__, frozenset(words))
        function.__doc__ = function.__doc__ or f"Rule {name!r}: {handles}."
        if not _SWITCHABLE:
            return function

        @wraps(function)
        def switchable(*args: Any, **kwargs: Any) -> Any:
            return off if name in OFF else function(*args, **kwargs)

        return switchable  # type: ignore[return-value]

    return register
