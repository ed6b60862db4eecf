"""Query worker processes with a real timeout, admission, and the read-only/read-write design.

Why processes: pyoxigraph has no query timeout and a Python thread cannot be stopped,
so every query runs in a worker *process* (:mod:`kg.serve.workers`); the web process
waits on the worker's pipe for at most ``query_timeout`` seconds and, on overrun, kills
the worker (SIGKILL: the work itself stops), starts a fresh one and answers 503 with
``Retry-After``. Each worker's address space is capped (``max_memory``): a query over
it stops its worker and answers 503 naming the limit.

Per request the web process does as little as it can: take a free worker from a LIFO
queue (a lone client keeps one cache-warm worker busy), ``send_bytes`` the task, wait
with ``Connection.poll(timeout)`` (that *is* the timeout: no watchdog thread) and
``recv_bytes`` the reply. A read-only pool takes no lock at all, and the
store-directory fingerprint is checked at most once a second, not per request.

Admission (:mod:`kg.serve.admission`): ``workers + 1`` query processes, at most
``workers`` of them on long queries, so a one-row lookup never waits behind heavy ones.

Sharing the store directory (one writer per directory, pyoxigraph's rule):

* Read-only server (no ``--update-token``): every worker opens ``Store.read_only``; the
  server never takes the write lock, so ``kg build`` can write the same directory while
  serving. The web process fingerprints the directory's files (names, sizes, mtimes) at
  most once a second; when it changes, the *generation* goes up and each worker reopens
  its read-only handle before its next task (a read-only handle sees the state of the
  moment it was opened, so a reopen is how new data shows up). If a reopen or a query
  meets a file that the build's compaction just removed, the worker retries the open.
* Read-write server (``--update-token``): one extra *writer* process holds the only
  read-write handle for the server's lifetime (so ``kg build`` on that directory fails
  clearly). Each write is one transaction (:mod:`kg.serve.tasks`); writes run one at a
  time. Queries run in read-only workers on the newest checkpoint
  (:mod:`kg.serve.snapshots`), never on the live directory, and never wait for a write:
  after every write the writer checkpoints the store and the next query reads the new
  checkpoint, so a client sees its own update as soon as it is answered.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import queue
import threading
import time
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from kg.config import Settings
from kg.serve.admission import RETRY, Admission
from kg.serve.snapshots import Snapshots, remove_leftovers
from kg.serve.tasks import (
    DEFAULT_GRAPH,
    TRUNCATED_HEADER,
    WRITE_TASKS,
    GraphDeleteTask,
    GraphGetTask,
    GraphWriteTask,
    QueryTask,
    Reply,
    Task,
    UpdateTask,
    execute,
    safe_execute,
    text_reply,
)
from kg.serve.workers import (
    STOP,
    SnapshotTask,
    Worker,
    decode_reply,
    decode_task,
    encode_reply,
    encode_task,
    memory_message,
)

__all__ = [  # the names other modules and tests import from here
    "DEFAULT_GRAPH",
    "TRUNCATED_HEADER",
    "Executor",
    "GraphDeleteTask",
    "GraphGetTask",
    "GraphWriteTask",
    "LocalExecutor",
    "QueryError",
    "QueryService",
    "QueryTask",
    "QueryTimeout",
    "Reply",
    "SnapshotTask",
    "Task",
    "UpdateTask",
    "WorkerPool",
    "decode_reply",
    "decode_task",
    "encode_reply",
    "encode_task",
    "execute",
]

log = logging.getLogger(__name__)


SNAPSHOT_SECONDS = 120.0  # most a checkpoint may take, a writer restart included


class QueryTimeout(Exception):
    """The task ran longer than the query timeout and its worker was stopped."""


class _Refused(Exception):
    """A query that ran long and found every long-query slot taken."""


class Executor(Protocol):
    """What the Flask app needs: run a task, say whether writes are possible."""

    writable: bool

    def run(self, task: Task) -> Reply:
        """Run a task; raise QueryTimeout when it overran."""
        ...

    def close(self) -> None:
        """Stop workers."""
        ...


class LocalExecutor:
    """Runs tasks in this process on a given store (tests, embedding); no timeout."""

    def __init__(self, store: ox.Store, *, max_rows: int = 100_000, writable: bool = True) -> None:
        self.store, self.max_rows, self.writable = store, max_rows, writable
        self._lock = threading.Lock()

    def run(self, task: Task) -> Reply:
        """Run the task under one lock."""
        with self._lock:
            return safe_execute(self.store, task, self.max_rows)

    def close(self) -> None:
        """Nothing to stop."""


def store_fingerprint(path: Path) -> tuple[tuple[str, int, int], ...]:
    """Names, sizes and mtimes of the store directory's files: changes when data does."""
    try:
        entries = list(os.scandir(path))
    except OSError:
        return ()
    stamp = []
    for entry in entries:
        with contextlib.suppress(OSError):
            info = entry.stat()
            stamp.append((entry.name, info.st_size, info.st_mtime_ns))
    return tuple(sorted(stamp))


def ensure_store(path: Path) -> None:
    """Create an empty store at ``path`` if there is none, so read-only opens work."""
    if (path / "CURRENT").exists():
        return
    path.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        store = ox.Store(str(path))
        store.flush()
        del store


class WorkerPool:
    """``workers + 1`` read-only query processes (+ one writer when ``writable``)."""

    def __init__(
        self,
        store_path: Path,
        *,
        workers: int,
        timeout: float,
        max_rows: int,
        writable: bool,
        max_memory_mb: int = 0,
        long_query_seconds: float = 1.0,
        recheck_seconds: float = 1.0,
    ) -> None:
        self.store_path, self.timeout, self.max_rows = Path(store_path), timeout, max_rows
        self.writable, self.max_memory_mb = writable, max_memory_mb
        self._context = multiprocessing.get_context("spawn")
        ensure_store(self.store_path)
        self._state = threading.Lock()
        self._all: set[Worker] = set()
        self.admission = Admission(workers, long_query_seconds)
        self._write_lock = threading.Lock()
        self._generation = 0
        self._fingerprint = store_fingerprint(self.store_path)
        self._checked = time.monotonic()
        self._recheck = recheck_seconds
        self._closed = False
        self._snapshots: Snapshots | None = None
        self._writer: queue.Queue[Worker] = queue.Queue()
        if writable:  # the writer first; readers open its checkpoints, never the live store
            self._start_writer()
        else:
            remove_leftovers(self.store_path, holding_lock=False)
        # LIFO: a lone client keeps hitting the same (cache-warm) worker
        self._idle: queue.Queue[Worker] = queue.LifoQueue()
        for _ in range(max(1, workers) + 1):
            self._idle.put(self._spawn(writable=False))
        for worker in [*self._idle.queue, *self._writer.queue]:
            worker.wait_ready(60.0)

    @classmethod
    def from_settings(cls, settings: Settings) -> WorkerPool:
        """The pool ``settings`` ask for (the writer included when a token is set)."""
        return cls(
            settings.store,
            workers=settings.workers,
            timeout=settings.query_timeout,
            max_rows=settings.max_rows,
            writable=settings.update_token is not None,
            max_memory_mb=settings.max_memory,
            long_query_seconds=settings.long_query_seconds,
        )

    def _start_writer(self) -> None:
        try:
            probe = ox.Store(str(self.store_path))
            del probe
        except OSError as error:
            raise OSError(
                f"cannot open {self.store_path} for writing (is a `kg build` running on "
                f"it?): {error}"
            ) from None
        writer = self._spawn(writable=True)
        self._writer.put(writer)
        if not writer.wait_ready(60.0):
            raise OSError(f"cannot open {self.store_path} for writing: the writer did not start")
        self._snapshots = Snapshots(self.store_path)
        # the writer holds the lock now: any other snapshot folder is a killed server's
        remove_leftovers(self.store_path, holding_lock=True, keep=self._snapshots.folder)
        self._take_snapshot()

    def _spawn(self, *, writable: bool) -> Worker:
        if writable or self._snapshots is None:
            path = str(self.store_path)
        else:
            path = self._snapshots.current
        worker = Worker(self._context, path, writable, self.max_rows, self.max_memory_mb)
        with self._state:
            self._all.add(worker)
        return worker

    def _take_snapshot(self) -> None:
        """Writer: checkpoint the store; new queries read it, the previous one goes."""
        assert self._snapshots is not None
        target = self._snapshots.next_target()
        # not bound by the query timeout: a writer just restarted may take a while to open
        reply = self._run_on(
            self._writer, SnapshotTask(str(target)), writable=True, budget=SNAPSHOT_SECONDS
        )
        if reply.status >= 300:
            raise RuntimeError("could not snapshot the store for the query workers")
        self._snapshots.publish(target)

    @property
    def generation(self) -> int:
        """Bumped whenever the store's data changed; workers reopen on a new one."""
        if self._snapshots is not None:
            return self._snapshots.generation
        if time.monotonic() - self._checked >= self._recheck:
            with self._state:
                self._checked = time.monotonic()
                stamp = store_fingerprint(self.store_path)
                if stamp != self._fingerprint:
                    self._fingerprint = stamp
                    self._generation += 1
        return self._generation

    def run(self, task: Task) -> Reply:
        """Run a task in a worker; raise QueryTimeout (worker killed and replaced) on overrun."""
        if self._closed:
            return text_reply(503, "The server is shutting down.", RETRY)
        if isinstance(task, WRITE_TASKS):
            return self._write(task)
        if self._snapshots is None:  # read-only: no writes to wait for, no lock
            return self._run_on(self._idle, task, writable=False)
        generation, path = self._snapshots.acquire()
        try:
            return self._run_on(self._idle, task, writable=False, read=(generation, path))
        finally:
            self._snapshots.release(path)

    def _write(self, task: Task) -> Reply:
        """One write at a time, in the writer; then a checkpoint for the readers."""
        if not self.writable:
            return text_reply(403, "This server is read-only.")
        if not self._write_lock.acquire(timeout=self.timeout):
            raise QueryTimeout("another write held the store for the whole timeout")
        try:
            reply: Reply | None = None
            try:
                reply = self._run_on(self._writer, task, writable=True)
                return reply
            finally:
                if reply is None or not 400 <= reply.status < 500:  # 4xx: nothing written
                    self._checkpoint_after_write()
        finally:
            self._write_lock.release()

    def _checkpoint_after_write(self) -> None:
        """Checkpoint for the readers; a failure is logged (reads stay on the last one
        until the next write) rather than turned into an error for a committed write."""
        try:
            self._take_snapshot()
        except (QueryTimeout, RuntimeError, OSError):
            log.exception("could not checkpoint the store after a write")

    def _run_on(
        self,
        pool: queue.Queue[Worker],
        task: Task | SnapshotTask,
        *,
        writable: bool,
        read: tuple[int, str] | None = None,
        budget: float | None = None,
    ) -> Reply:
        started = time.monotonic()
        timeout = budget or self.timeout
        text = task.text if not writable and isinstance(task, QueryTask) else None
        heavy = text is not None and self.admission.known_heavy(text)
        if heavy and not self.admission.take_slot():
            return self.admission.busy(known=True)
        try:
            worker = pool.get(timeout=timeout)
        except queue.Empty:
            if heavy:
                self.admission.give_slot()
            raise QueryTimeout("every worker stayed busy for the whole query timeout") from None
        worker.long = heavy
        remaining = max(0.05, timeout - (time.monotonic() - started))
        try:
            if not worker.wait_ready(remaining):
                self._replace(worker, pool, writable=writable)
                raise QueryTimeout("no query worker became ready in time")
            if read is None:
                generation = self._generation if writable else self.generation
                read = (generation, str(self.store_path))
            worker.tail = b""
            worker.conn.send_bytes(encode_task(*read, task))
            answered = self._wait(worker, started, timeout, admit=not writable)
            if answered is not None:
                if worker.long:
                    worker.long = False
                    self.admission.give_slot()
                pool.put(worker)
                return answered
        except _Refused:
            self._replace(worker, pool, writable=writable)
            if text is not None:
                self.admission.remember(text)
            return self.admission.busy(known=False)
        except (EOFError, OSError):
            return self._died(worker, pool, writable=writable)
        self._replace(worker, pool, writable=writable)
        if text is not None:
            self.admission.remember(text)
        raise QueryTimeout(f"stopped after {timeout:g} s")

    def _wait(self, worker: Worker, started: float, timeout: float, *, admit: bool) -> Reply | None:
        """The worker's reply, or None at the timeout. With ``admit``, a query still
        running at ``long_query_seconds`` needs a long-query slot or is refused."""
        remaining = timeout - (time.monotonic() - started)
        mark = self.admission.mark
        if not admit or worker.long or remaining <= mark:
            return decode_reply(worker.conn.recv_bytes()) if worker.conn.poll(remaining) else None
        if worker.conn.poll(mark):  # a quick query: the only poll
            return decode_reply(worker.conn.recv_bytes())
        if not self.admission.take_slot():
            raise _Refused
        worker.long = True  # given back when it answers, or once its replacement is ready
        remaining = max(0.0, timeout - (time.monotonic() - started))
        return decode_reply(worker.conn.recv_bytes()) if worker.conn.poll(remaining) else None

    def _died(self, worker: Worker, pool: queue.Queue[Worker], *, writable: bool) -> Reply:
        """A worker stopped mid-task: out of memory (503 naming the limit) or a crash."""
        out_of_memory = worker.ran_out_of_memory()
        self._replace(worker, pool, writable=writable)
        if out_of_memory:
            return text_reply(503, memory_message(self.max_memory_mb), RETRY)
        log.error("a worker process died; starting a new one")
        return text_reply(500, "Internal error: the query worker stopped (logged on the server).")

    def _replace(self, worker: Worker, pool: queue.Queue[Worker], *, writable: bool) -> None:
        worker.stop()
        with self._state:
            self._all.discard(worker)
        if self._closed:
            return
        # into the pool once ready, so no request waits on its start; a long query's slot
        # is held until then, so the processes left free for quick queries never shrink
        fresh = self._spawn(writable=writable)
        threading.Thread(
            target=self._when_ready,
            args=(fresh, pool, worker.long),
            name="newskg-spawn",
            daemon=True,
        ).start()

    def _when_ready(self, worker: Worker, pool: queue.Queue[Worker], slot: bool) -> None:
        worker.wait_ready(60.0)
        pool.put(worker)
        if slot:
            self.admission.give_slot()

    def worker_pids(self) -> list[int]:
        """Process ids of the live workers (for tests and monitoring)."""
        with self._state:
            return [w.process.pid for w in self._all if w.process.pid and w.process.is_alive()]

    def close(self) -> None:
        """Stop every worker and remove the snapshots."""
        self._closed = True
        with self._state:
            workers = list(self._all)
        for worker in workers:
            with contextlib.suppress(Exception):
                worker.conn.send_bytes(STOP)
        for worker in workers:
            worker.process.join(2)
            worker.stop()
        if self._snapshots is not None:
            self._snapshots.remove()


class QueryService:
    """The server-side query API for pages: ``current_app.extensions["newskg"]``."""

    def __init__(
        self, executor: Executor, settings: Settings | None = None, base_iri: str | None = None
    ) -> None:
        self.executor, self.base_iri = executor, base_iri
        self.settings = settings if settings is not None else Settings()

    def query(
        self, sparql: str, accept: str = "application/sparql-results+json"
    ) -> tuple[bytes, str]:
        """Run ``sparql`` through the same workers and timeout; return (body, content type).

        Raises :class:`QueryError` for a non-200 answer (bad query: 400, timeout: 503).
        """
        try:
            reply = self.executor.run(QueryTask(sparql, accept=accept, base_iri=self.base_iri))
        except QueryTimeout as error:
            raise QueryError(503, f"Query timeout: {error}") from None
        if reply.status != 200:
            raise QueryError(reply.status, reply.body.decode("utf-8", "replace").strip())
        return reply.body, reply.content_type


class QueryError(Exception):
    """A query the server could not answer: the HTTP status and message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message
