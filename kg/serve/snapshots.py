"""The read-only checkpoints a read-write server's query workers read.

After every write the writer takes a RocksDB checkpoint (``Store.backup``: hard links,
cheap) into ``<parent>/.<store>-snapshots-XXXXXXXX/g<N>``; queries run on the newest
one, so a long write never makes a read wait, and a checkpoint is removed once it is
superseded and no running query reads it.

A server killed with ``kill -9`` cannot remove its folder; the next server on the same
store removes every such leftover when it starts (a read-write server holds the store's
lock, so no other live server can own one; a read-only server removes only folders whose
owner process, written in the folder, is gone).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import threading
from pathlib import Path

OWNER_FILE = "owner.pid"


def _pattern(store: Path) -> re.Pattern[str]:
    return re.compile(rf"\.{re.escape(store.name)}-snapshots-[A-Za-z0-9_]{{8}}")


def _owner_alive(folder: Path) -> bool:
    try:
        pid = int((folder / OWNER_FILE).read_text().strip())
    except (OSError, ValueError):
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_leftovers(store: Path, *, holding_lock: bool, keep: Path | None = None) -> list[Path]:
    """Remove the snapshot folders a killed server left beside ``store``; return them.

    With ``holding_lock`` (this process owns the store for writing) every such folder
    but ``keep`` is stale; otherwise only those whose owner process is gone.
    """
    pattern = _pattern(store)
    removed = []
    with contextlib.suppress(OSError):
        for entry in store.parent.iterdir():
            if not pattern.fullmatch(entry.name) or not entry.is_dir() or entry == keep:
                continue
            if not holding_lock and _owner_alive(entry):
                continue
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    return removed


class Snapshots:
    """The checkpoint folder of one server: which checkpoint is current, who reads which."""

    def __init__(self, store: Path) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix=f".{store.name}-snapshots-", dir=store.parent))
        (self.folder / OWNER_FILE).write_text(f"{os.getpid()}\n")
        self.generation = 0
        self.current = ""
        self._readers: dict[str, int] = {}
        self._lock = threading.Lock()

    def next_target(self) -> Path:
        """Where the next checkpoint goes."""
        return self.folder / f"g{self.generation + 1}"

    def publish(self, target: Path) -> None:
        """Make ``target`` the checkpoint new queries read; drop the previous one if unread."""
        with self._lock:
            previous, self.current = self.current, str(target)
            self.generation += 1
            stale = previous and not self._readers.get(previous)
        if stale:
            shutil.rmtree(previous, ignore_errors=True)

    def acquire(self) -> tuple[int, str]:
        """The (generation, path) a query reads; it stays on disk until :meth:`release`."""
        with self._lock:
            path = self.current
            self._readers[path] = self._readers.get(path, 0) + 1
            return self.generation, path

    def release(self, path: str) -> None:
        """A query on ``path`` ended; remove it if it has been superseded and is unread."""
        with self._lock:
            left = self._readers[path] - 1
            if left:
                self._readers[path] = left
                return
            del self._readers[path]
            stale = path != self.current
        if stale:
            shutil.rmtree(path, ignore_errors=True)

    def remove(self) -> None:
        """Remove the whole folder (server stopping)."""
        shutil.rmtree(self.folder, ignore_errors=True)
