"""One worker process: its loop, its pipe messages, its memory limit and its stderr.

A worker opens the store (read-write for the writer, ``Store.read_only`` for a query
worker), says "ready" and answers tasks on one persistent pipe: ``send_bytes`` of the
task as plain tuples, ``recv_bytes`` of the reply (the body already serialized by
pyoxigraph). Nothing is allocated per request but the message itself.

Memory: with ``max_memory_mb`` the worker caps its own address space
(``RLIMIT_AS``) once the store is open. Past the cap a Python allocation raises
``MemoryError`` (answered here as 503) and a Rust one aborts the process with
"memory allocation of N bytes failed"; the worker's stderr is a pipe that the web
process reads (and passes on to its own stderr), so it can tell that death from a
crash and answer 503 naming the limit.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import resource
import sys
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

import pyoxigraph as ox

from kg.serve.tasks import (
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


@dataclass(frozen=True)
class SnapshotTask:
    """Writer only: write a consistent read-only copy of the store (RocksDB checkpoint:
    hard links) into ``target``."""

    target: str


_TASK_TYPES: dict[str, type] = {  # for decode_task
    cls.__name__: cls
    for cls in (QueryTask, UpdateTask, GraphGetTask, GraphWriteTask, GraphDeleteTask, SnapshotTask)
}


def encode_task(generation: int, path: str, task: Task | SnapshotTask) -> bytes:
    """One pipe message: the task as plain tuples (cheaper to (un)pickle than dataclasses)."""
    fields = tuple(vars(task).values())
    return pickle.dumps((generation, path, type(task).__name__, fields), pickle.HIGHEST_PROTOCOL)


def decode_task(message: bytes) -> tuple[int, str, Task | SnapshotTask]:
    """The (generation, store path, task) of a pipe message."""
    generation, path, name, fields = pickle.loads(message)
    return generation, path, _TASK_TYPES[name](*fields)


def encode_reply(reply: Reply) -> bytes:
    """A reply as one pipe message (its body already serialized by pyoxigraph)."""
    return pickle.dumps(tuple(reply), pickle.HIGHEST_PROTOCOL)


def decode_reply(message: bytes) -> Reply:
    """The reply of a pipe message."""
    return Reply._make(pickle.loads(message))


def open_read_only(path: str, attempts: int = 20) -> ox.Store:
    """Open read-only, retrying while a concurrent writer's compaction moves files."""
    for attempt in range(attempts):
        try:
            return ox.Store.read_only(path)
        except (OSError, RuntimeError):
            if attempt == attempts - 1:
                raise
            time.sleep(0.05)
    raise AssertionError("unreachable")


def memory_message(max_memory_mb: int) -> str:
    """The 503 text of a request stopped by the memory limit."""
    return (
        f"Request stopped: it needed more than the memory limit of {max_memory_mb} MiB per "
        "worker (kg serve --max-memory). Narrow it (LIMIT, fewer joins, no ORDER BY over "
        "everything); other requests are unaffected."
    )


def limit_memory(max_memory_mb: int) -> None:
    """Cap this process's address space at ``max_memory_mb`` MiB (0: no cap)."""
    if max_memory_mb > 0:
        cap = max_memory_mb * 1024 * 1024
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


READY = b"ready"
STOP = b""


def worker_main(
    conn: Connection,
    stderr: Connection,
    store_path: str,
    writable: bool,
    max_rows: int,
    max_memory_mb: int,
) -> None:
    """The loop of a worker process: receive (generation, path, task), answer a Reply.

    A reader reopens ``Store.read_only(path)`` whenever the generation or path changes;
    if a query hits a file a concurrent writer removed, it reopens and retries once.
    """
    os.dup2(stderr.fileno(), 2)  # the web process reads it: how a worker died
    stderr.close()
    logging.basicConfig(level=logging.INFO)
    store: ox.Store | None
    if writable:
        store = ox.Store(store_path)
    else:  # the checkpoint it was started on may be gone by now: open at the first task
        try:
            store = open_read_only(store_path)
        except (OSError, RuntimeError):
            store = None
    opened = (0, store_path)
    limit_memory(max_memory_mb)
    conn.send_bytes(READY)
    while True:
        try:
            message = conn.recv_bytes()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        if message == STOP:
            return
        generation, path, task = decode_task(message)
        try:
            if isinstance(task, SnapshotTask):
                assert store is not None  # the writer's store is always open
                store.flush()
                store.backup(task.target)
                reply = Reply(204, "text/plain", b"", {})
            else:
                if store is None or (not writable and (generation, path) != opened):
                    store = None  # let go of the old checkpoint before opening the new one
                    store = open_read_only(path)
                    opened = (generation, path)
                reply = _run(store, task, path, writable, max_rows)
        except MemoryError:
            reply = text_reply(503, memory_message(max_memory_mb), {"Retry-After": "1"})
        conn.send_bytes(encode_reply(reply))


def _run(store: ox.Store, task: Task, path: str, writable: bool, max_rows: int) -> Reply:
    try:
        return execute(store, task, max_rows)
    except MemoryError:
        raise
    except (OSError, RuntimeError):
        if writable:
            return safe_execute(store, task, max_rows)
        return safe_execute(open_read_only(path), task, max_rows)
    except Exception:
        return safe_execute(store, task, max_rows)


_OUT_OF_MEMORY = (b"memory allocation of", b"MemoryError", b"std::bad_alloc")


class Worker:
    """One worker process, the parent's end of its pipe and the tail of its stderr."""

    def __init__(
        self, context: Any, store_path: str, writable: bool, max_rows: int, max_memory_mb: int
    ) -> None:
        self.conn, child = context.Pipe()
        err_read, err_write = context.Pipe(duplex=False)
        self.process = context.Process(
            target=worker_main,
            args=(child, err_write, store_path, writable, max_rows, max_memory_mb),
            daemon=True,
            name="newskg-writer" if writable else "newskg-query-worker",
        )
        self.process.start()
        child.close()
        err_write.close()
        self.ready = False
        self.long = False  # holds one of the pool's long-query slots
        self.tail = b""
        self._stderr = threading.Thread(
            target=self._relay, args=(err_read,), name="newskg-worker-stderr", daemon=True
        )
        self._stderr.start()

    def _relay(self, err: Connection) -> None:
        """Pass the worker's stderr on to ours, keeping its last lines."""
        fd = err.fileno()
        while True:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            self.tail = (self.tail + chunk)[-4096:]
            with contextlib.suppress(Exception):
                sys.stderr.buffer.write(chunk)
                sys.stderr.flush()
        err.close()

    def wait_ready(self, timeout: float) -> bool:
        """Wait for the worker's "ready" (store opened); False if it did not come in time."""
        try:
            if not self.ready and self.conn.poll(timeout):
                self.ready = self.conn.recv_bytes() == READY
        except (EOFError, OSError):
            return False
        return self.ready

    def ran_out_of_memory(self) -> bool:
        """Whether the (dead) worker said an allocation failed before it stopped."""
        self.process.join(2)
        self._stderr.join(2)
        return any(marker in self.tail for marker in _OUT_OF_MEMORY)

    def stop(self) -> None:
        """Kill the process (the running work stops with it) and reap it."""
        with contextlib.suppress(Exception):
            self.process.kill()
        self.process.join(5)
        self.conn.close()
