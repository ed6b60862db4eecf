"""Admission: two heavy queries must not stop a one-row lookup.

The pool runs ``workers + 1`` query processes, and a query still running after
``long_query_seconds`` is *long*. At most ``workers`` long queries hold a slot at once;
a query that would be one more is stopped at that moment (503, ``Retry-After``), so one
process is always back for quick queries within ``long_query_seconds``. A stopped
worker keeps its slot until its replacement is ready, so the processes left for quick
queries never shrink while one restarts.

A query text stopped for running long (refused or timed out) is remembered for a minute:
sent again, it takes a long slot up front or is refused at once, without borrowing the
process kept for quick queries. A quick query costs nothing here but one dict lookup.
"""

from __future__ import annotations

import threading
import time

from kg.serve.tasks import Reply, text_reply

RETRY = {"Retry-After": "1"}


class Admission:
    """The long-query slots and the query texts recently stopped for running long."""

    def __init__(
        self, slots: int, long_query_seconds: float, *, remember_seconds: float = 60.0
    ) -> None:
        self.slots, self.mark = max(1, slots), long_query_seconds
        self.remember_seconds = remember_seconds
        self._free = threading.BoundedSemaphore(self.slots)
        self._heavy: dict[str, float] = {}
        self._lock = threading.Lock()

    def take_slot(self) -> bool:
        """A long-query slot if one is free (never waits)."""
        return self._free.acquire(blocking=False)

    def give_slot(self) -> None:
        """Give a long-query slot back."""
        self._free.release()

    def known_heavy(self, text: str) -> bool:
        """Whether this query text was stopped for running long in the last minute."""
        stopped = self._heavy.get(text)
        return stopped is not None and time.monotonic() - stopped < self.remember_seconds

    def remember(self, text: str, most: int = 256) -> None:
        """Note a query text stopped for running long (the oldest notes go first)."""
        with self._lock:
            self._heavy.pop(text, None)
            self._heavy[text] = time.monotonic()
            while len(self._heavy) > most:
                del self._heavy[next(iter(self._heavy))]

    def busy(self, *, known: bool) -> Reply:
        """The 503 of a long query that found every long-query slot taken."""
        what = (
            "this query ran long a moment ago and was not started"
            if known
            else f"this one ran past {self.mark:g} s (--long-query-seconds) and was stopped"
        )
        return text_reply(
            503,
            f"Server busy: {self.slots} long queries are running, the most at once "
            f"(kg serve --workers); {what}. Retry later; quick queries are still answered.",
            RETRY,
        )
