"""Query worker processes with a real timeout, and the read-only/read-write design.

Why processes: pyoxigraph has no query timeout and a Python thread cannot be stopped,
so every query runs in a worker *process*; the web process waits on the worker's pipe
for at most ``query_timeout`` seconds and, on overrun, kills the worker (SIGKILL: the
work itself stops), starts a fresh one and answers 503. Results are serialized inside
the worker straight from pyoxigraph (Rust) and only bytes cross the pipe.

Per request the web process does as little as it can: take a free worker from a LIFO
queue (a lone client keeps one cache-warm worker busy), ``send_bytes`` the task as plain
tuples, wait with ``Connection.poll(timeout)`` (that *is* the timeout: no watchdog
thread) and ``recv_bytes`` the reply; one persistent pipe per worker, no per-request
queues, events or Manager proxies. A read-only pool takes no lock at all, and the
store-directory fingerprint is checked at most once a second, not per request.

Sharing the store directory (one writer per directory, pyoxigraph's rule):

* Read-only server (no ``--update-token``): every worker opens ``Store.read_only``; the
  server never takes the write lock, so ``kg build`` can write the same directory while
  serving. The web process fingerprints the directory's files (names, sizes, mtimes) at
  most once a second; when it changes, the *generation* goes up and each worker reopens
  its read-only handle before its next task (a read-only handle sees the state of the
  moment it was opened, so a reopen is how new data shows up).
  If a reopen or a query meets a file that the build's compaction just removed, the
  worker retries the open (RocksDB read-only opens are not safe against a live writer;
  this is the best a separate process can do).
* Read-write server (``--update-token``): one extra *writer* process holds the only
  read-write handle for the server's lifetime (so ``kg build`` on that directory fails
  clearly). Queries still run in read-only workers, but never on the live directory:
  after every write the writer takes a RocksDB checkpoint (``Store.backup``: hard links,
  cheap) into a sibling ``.<store>-snapshots-*`` folder, the generation goes up and the
  readers reopen on the newest checkpoint before their next query (a checkpoint is never
  written again, so reading it is well defined). A write takes the exclusive side of a
  readers-writer lock in the web process: it waits for running queries to end, holds
  new ones back, runs in the writer, snapshots, and releases, so the next query answers
  with the update applied.

Row limits: a SELECT or CONSTRUCT/DESCRIBE result is cut at ``max_rows`` and the reply
carries ``X-Newskg-Truncated: true`` (and a ``Warning`` saying the limit); counting is
done on the serialized bytes as pyoxigraph writes them (JSON binding separators, XML
``<result>`` tags, TSV/CSV/N-Triples lines), so there is no per-row Python work. Graph
results in other formats than N-Triples are first written as N-Triples (line-countable)
and converted by pyoxigraph.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import pickle
import queue
import shutil
import tempfile
import threading
import time
import traceback
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, NamedTuple, Protocol

import pyoxigraph as ox

from kg.config import Settings
from kg.serve import protocol

log = logging.getLogger(__name__)

TRUNCATED_HEADER = "X-Newskg-Truncated"


class Reply(NamedTuple):
    """What a task answers: HTTP status, content type, body and extra headers."""

    status: int
    content_type: str
    body: bytes
    headers: dict[str, str]


def _text(status: int, message: str) -> Reply:
    return Reply(status, "text/plain; charset=utf-8", message.encode("utf-8") + b"\n", {})


# --- tasks -----------------------------------------------------------------------------

DEFAULT_GRAPH = ""  # the graph target of ``?default`` in the Graph Store Protocol


@dataclass(frozen=True)
class QueryTask:
    """A SPARQL query, its protocol dataset and the client's Accept header."""

    text: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    accept: str | None = None
    base_iri: str | None = None


@dataclass(frozen=True)
class UpdateTask:
    """A SPARQL update (needs the writer)."""

    text: str
    base_iri: str | None = None


@dataclass(frozen=True)
class GraphGetTask:
    """Graph Store GET: one graph (IRI or DEFAULT_GRAPH) or, with None, the whole dataset."""

    graph: str | None
    accept: str | None = None


@dataclass(frozen=True)
class GraphWriteTask:
    """Graph Store PUT (replace) or POST (merge) of RDF bodies into one graph."""

    graph: str
    parts: tuple[tuple[bytes, str], ...]  # (body, media type)
    replace: bool


@dataclass(frozen=True)
class GraphDeleteTask:
    """Graph Store DELETE of one graph."""

    graph: str


Task = QueryTask | UpdateTask | GraphGetTask | GraphWriteTask | GraphDeleteTask
WRITE_TASKS = (UpdateTask, GraphWriteTask, GraphDeleteTask)


# --- running one task against a store ----------------------------------------------------


class _LimitReached(Exception):
    pass


@dataclass(frozen=True)
class _RowMarker:
    """How to count rows in a serialization: ``marker`` occurrences; more than
    ``max_rows`` rows once ``max_rows + extra`` are seen; cut at the ``max_rows + cut``-th
    marker, moving the end by ``shift``, then append ``closing``."""

    marker: bytes
    extra: int
    cut: int
    shift: int
    closing: bytes = b""


_ROW_MARKERS: dict[str, _RowMarker] = {
    "JSON": _RowMarker(b'},{"', 0, 0, 1, b"]}}"),  # separators between bindings
    "XML": _RowMarker(b"<result>", 1, 1, 0, b"</results></sparql>"),
    "TSV": _RowMarker(b"\n", 2, 1, 1),  # one header line
    "CSV": _RowMarker(b"\r\n", 2, 1, 2),
    "N_TRIPLES": _RowMarker(b"\n", 1, 0, 1),
}


class _Capped:
    """A file-like sink for pyoxigraph that counts row markers and stops past the cap."""

    def __init__(self, rows: _RowMarker, max_rows: int) -> None:
        self.rows, self.max_rows = rows, max_rows
        self.chunks: list[bytes] = []
        self.count = 0
        self._tail = b""

    def write(self, data: bytes) -> int:
        data = bytes(data)
        marker = self.rows.marker
        window = self._tail + data
        self.count += window.count(marker) - self._tail.count(marker)
        self._tail = window[-(len(marker) - 1) :] if len(marker) > 1 else b""
        self.chunks.append(data)
        if self.count >= self.max_rows + self.rows.extra:
            raise _LimitReached
        return len(data)

    def flush(self) -> None:
        """Nothing buffered here."""

    def cut(self) -> bytes:
        """The first ``max_rows`` rows, closed."""
        body = b"".join(self.chunks)
        position = -1
        for _ in range(self.max_rows + self.rows.cut):
            position = body.find(self.rows.marker, position + 1)
        return body[: position + self.rows.shift] + self.rows.closing


def _serialize_capped(result: Any, name: str, max_rows: int) -> tuple[bytes, bool]:
    """Serialize a result with pyoxigraph, cut after ``max_rows`` rows (and say so)."""
    fmt = ox.RdfFormat.N_TRIPLES if name == "N_TRIPLES" else getattr(ox.QueryResultsFormat, name)
    sink = _Capped(_ROW_MARKERS[name], max_rows)
    try:
        result.serialize(sink, format=fmt)
    except _LimitReached:
        return sink.cut(), True
    return b"".join(sink.chunks), False


def _rdf_format(fmt: protocol.Format) -> ox.RdfFormat:
    return getattr(ox.RdfFormat, fmt.name)


def _graphs(iris: Sequence[str]) -> list[ox.NamedNode]:
    return [ox.NamedNode(iri) for iri in iris]


def _not_acceptable(offers: Sequence[protocol.Format]) -> Reply:
    names = ", ".join(f.media_type for f in offers)
    return _text(406, f"Not acceptable: this result can be given as {names}.")


def run_query(store: ox.Store, task: QueryTask, max_rows: int) -> Reply:
    """Execute a query and serialize it in the negotiated format."""
    options: dict[str, Any] = {"base_iri": task.base_iri}
    if task.default_graphs or task.named_graphs:
        options["default_graph"] = _graphs(task.default_graphs)
        if task.named_graphs:
            options["named_graphs"] = _graphs(task.named_graphs)
    else:
        options["use_default_graph_as_union"] = True
    try:
        result = store.query(task.text, **options)
    except SyntaxError as error:
        return _text(400, f"Bad query: {error}")
    except ValueError as error:
        return _text(400, f"Bad request: {error}")
    headers: dict[str, str] = {}
    truncated = False
    if isinstance(result, ox.QueryBoolean):
        fmt = protocol.negotiate(task.accept, protocol.RESULT_FORMATS)
        if fmt is None:
            return _not_acceptable(protocol.RESULT_FORMATS)
        body = result.serialize(format=getattr(ox.QueryResultsFormat, fmt.name))
    elif isinstance(result, ox.QuerySolutions):
        fmt = protocol.negotiate(task.accept, protocol.RESULT_FORMATS)
        if fmt is None:
            return _not_acceptable(protocol.RESULT_FORMATS)
        body, truncated = _serialize_capped(result, fmt.name, max_rows)
    else:
        fmt = protocol.negotiate(task.accept, protocol.GRAPH_FORMATS)
        if fmt is None:
            return _not_acceptable(protocol.GRAPH_FORMATS)
        body, truncated = _serialize_capped(result, "N_TRIPLES", max_rows)
        if fmt is not protocol.N_TRIPLES:
            triples = ox.parse(body, format=ox.RdfFormat.N_TRIPLES)
            body = ox.serialize(triples, format=_rdf_format(fmt)) or b""
    if truncated:
        headers[TRUNCATED_HEADER] = "true"
        headers["Warning"] = f'199 newskg "result cut at max_rows={max_rows} rows"'
    return Reply(200, fmt.content_type, body, headers)


def _graph_exists(store: ox.Store, graph: str) -> bool:
    return graph == DEFAULT_GRAPH or store.contains_named_graph(ox.NamedNode(graph))


def _graph_name(graph: str) -> ox.NamedNode | ox.DefaultGraph:
    return ox.DefaultGraph() if graph == DEFAULT_GRAPH else ox.NamedNode(graph)


def run_graph_get(store: ox.Store, task: GraphGetTask) -> Reply:
    """Serialize one graph, or the whole dataset, in the negotiated format."""
    if task.graph is None:
        fmt = protocol.negotiate(task.accept, protocol.DATASET_FORMATS)
        if fmt is None:
            return _not_acceptable(protocol.DATASET_FORMATS)
        return Reply(200, fmt.content_type, store.dump(format=_rdf_format(fmt)) or b"", {})
    if not _graph_exists(store, task.graph):
        return _text(404, f"No graph <{task.graph}> in this store.")
    offers = protocol.GRAPH_FORMATS[:4]  # triples formats
    fmt = protocol.negotiate(task.accept, offers)
    if fmt is None:
        return _not_acceptable(offers)
    body = store.dump(format=_rdf_format(fmt), from_graph=_graph_name(task.graph)) or b""
    return Reply(200, fmt.content_type, body, {})


def run_update(store: ox.Store, task: UpdateTask) -> Reply:
    """Execute a SPARQL update."""
    try:
        store.update(task.text, base_iri=task.base_iri)
    except SyntaxError as error:
        return _text(400, f"Bad update: {error}")
    except (ValueError, OSError) as error:
        return _text(400, f"Update failed: {error}")
    store.flush()
    return Reply(204, "text/plain; charset=utf-8", b"", {})


def run_graph_write(store: ox.Store, task: GraphWriteTask) -> Reply:
    """Replace (PUT) or merge into (POST) a graph; 201 when the graph is new."""
    name = _graph_name(task.graph)
    quads: list[ox.Quad] = []
    for body, media_type in task.parts:
        fmt = protocol.format_for_media_type(media_type, protocol.UPLOAD_FORMATS)
        if fmt is None:
            accepted = ", ".join(f.media_type for f in protocol.UPLOAD_FORMATS)
            return _text(415, f"Unsupported media type {media_type!r}: send one of {accepted}.")
        base = task.graph or None
        try:
            for triple in ox.parse(body, format=_rdf_format(fmt), base_iri=base):
                quads.append(ox.Quad(triple.subject, triple.predicate, triple.object, name))
        except SyntaxError as error:
            return _text(400, f"Bad {fmt.media_type} body: {error}")
    existed = _graph_exists(store, task.graph)
    if task.replace and existed:
        store.clear_graph(name)
    if isinstance(name, ox.NamedNode):
        store.add_graph(name)
    store.extend(quads)
    store.flush()
    status = 204 if existed else 201
    return Reply(status, "text/plain; charset=utf-8", b"", {})


def run_graph_delete(store: ox.Store, task: GraphDeleteTask) -> Reply:
    """Remove a graph (or empty the default graph); 404 when it does not exist."""
    if not _graph_exists(store, task.graph):
        return _text(404, f"No graph <{task.graph}> in this store.")
    name = _graph_name(task.graph)
    if isinstance(name, ox.NamedNode):
        store.remove_graph(name)
    else:
        store.clear_graph(name)
    store.flush()
    return Reply(204, "text/plain; charset=utf-8", b"", {})


def execute(store: ox.Store, task: Task, max_rows: int) -> Reply:
    """Run one task against an open store."""
    if isinstance(task, QueryTask):
        return run_query(store, task, max_rows)
    if isinstance(task, GraphGetTask):
        return run_graph_get(store, task)
    if isinstance(task, UpdateTask):
        return run_update(store, task)
    if isinstance(task, GraphWriteTask):
        return run_graph_write(store, task)
    return run_graph_delete(store, task)


def _safe_execute(store: ox.Store, task: Task, max_rows: int) -> Reply:
    try:
        return execute(store, task, max_rows)
    except Exception:
        log.error("task %r failed:\n%s", type(task).__name__, traceback.format_exc())
        return _text(500, "Internal error while running the request (logged on the server).")


# --- executors ---------------------------------------------------------------------------


class QueryTimeout(Exception):
    """The task ran longer than the query timeout and its worker was stopped."""


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
            return _safe_execute(self.store, task, self.max_rows)

    def close(self) -> None:
        """Nothing to stop."""


@dataclass(frozen=True)
class SnapshotTask:
    """Writer only: write a consistent read-only copy of the store (RocksDB checkpoint:
    hard links) into ``target``."""

    target: str


_TASK_TYPES: dict[str, type] = {  # for decode_task
    cls.__name__: cls
    for cls in (QueryTask, UpdateTask, GraphGetTask, GraphWriteTask, GraphDeleteTask, SnapshotTask)
}


def _open_read_only(path: str, attempts: int = 20) -> ox.Store:
    """Open read-only, retrying while a concurrent writer's compaction moves files."""
    for attempt in range(attempts):
        try:
            return ox.Store.read_only(path)
        except (OSError, RuntimeError):
            if attempt == attempts - 1:
                raise
            time.sleep(0.05)
    raise AssertionError("unreachable")


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


_READY = b"ready"
_STOP = b""


def _worker_main(conn: Connection, store_path: str, writable: bool, max_rows: int) -> None:
    """The loop of a worker process: receive (generation, path, task), answer a Reply.

    A reader reopens ``Store.read_only(path)`` whenever the generation or path changes;
    if a query hits a file a concurrent writer removed, it reopens and retries once.
    Messages are ``send_bytes``/``recv_bytes`` of :func:`encode_task`/:func:`encode_reply`
    on one persistent pipe: nothing is allocated per request but the message itself.
    """
    logging.basicConfig(level=logging.INFO)
    store = ox.Store(store_path) if writable else _open_read_only(store_path)
    opened = (0, store_path)
    conn.send_bytes(_READY)
    while True:
        try:
            message = conn.recv_bytes()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        if message == _STOP:
            return
        generation, path, task = decode_task(message)
        if isinstance(task, SnapshotTask):
            store.flush()
            store.backup(task.target)
            conn.send_bytes(encode_reply(Reply(204, "text/plain", b"", {})))
            continue
        if not writable and (generation, path) != opened:
            del store
            store = _open_read_only(path)
            opened = (generation, path)
        try:
            reply = execute(store, task, max_rows)
        except (OSError, RuntimeError):
            if writable:
                reply = _safe_execute(store, task, max_rows)
            else:
                del store
                store = _open_read_only(path)
                reply = _safe_execute(store, task, max_rows)
        except Exception:
            reply = _safe_execute(store, task, max_rows)
        conn.send_bytes(encode_reply(reply))


class _Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, context: Any, store_path: str, writable: bool, max_rows: int) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_worker_main,
            args=(child, store_path, writable, max_rows),
            daemon=True,
            name="newskg-writer" if writable else "newskg-query-worker",
        )
        self.process.start()
        child.close()
        self.ready = False

    def wait_ready(self, timeout: float) -> bool:
        """Wait for the worker's "ready" (store opened); False if it did not come in time."""
        try:
            if not self.ready and self.conn.poll(timeout):
                self.ready = self.conn.recv_bytes() == _READY
        except (EOFError, OSError):
            return False
        return self.ready

    def stop(self) -> None:
        """Kill the process (the running work stops with it) and reap it."""
        with contextlib.suppress(Exception):
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class _ReadWriteLock:
    """Many readers or one writer; a waiting writer holds new readers back."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0

    @contextlib.contextmanager
    def reading(self) -> Iterator[None]:
        with self._cond:
            while self._writing or self._writers_waiting:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        with self._cond:
            self._writers_waiting += 1
            while self._writing or self._readers:
                self._cond.wait()
            self._writers_waiting -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


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
    """``workers`` read-only query processes (+ one writer when ``writable``), with a timeout."""

    def __init__(
        self,
        store_path: Path,
        *,
        workers: int,
        timeout: float,
        max_rows: int,
        writable: bool,
        recheck_seconds: float = 1.0,
    ) -> None:
        self.store_path, self.timeout, self.max_rows = Path(store_path), timeout, max_rows
        self.writable = writable
        self._context = multiprocessing.get_context("spawn")
        ensure_store(self.store_path)
        self._lock = _ReadWriteLock()
        self._state = threading.Lock()
        self._all: set[_Worker] = set()
        self._generation = 0
        self._read_path = str(self.store_path)
        self._fingerprint = store_fingerprint(self.store_path)
        self._checked = time.monotonic()
        self._recheck = recheck_seconds
        self._closed = False
        self._snapshots: Path | None = None
        self._writer: queue.Queue[_Worker] = queue.Queue()
        if writable:  # the writer first; readers open its checkpoints, never the live store
            try:
                probe = ox.Store(str(self.store_path))
                del probe
            except OSError as error:
                raise OSError(
                    f"cannot open {self.store_path} for writing (is a `kg build` running on "
                    f"it?): {error}"
                ) from None
            self._writer.put(self._spawn(writable=True))
            self._snapshots = Path(
                tempfile.mkdtemp(
                    prefix=f".{self.store_path.name}-snapshots-", dir=self.store_path.parent
                )
            )
            self._take_snapshot()
        # LIFO: a lone client keeps hitting the same (cache-warm) worker
        self._idle: queue.Queue[_Worker] = queue.LifoQueue()
        for _ in range(max(1, workers)):
            self._idle.put(self._spawn(writable=False))
        for worker in [*self._idle.queue, *self._writer.queue]:
            worker.wait_ready(60.0)

    def _spawn(self, *, writable: bool) -> _Worker:
        path = str(self.store_path) if writable else self._read_path
        worker = _Worker(self._context, path, writable, self.max_rows)
        with self._state:
            self._all.add(worker)
        return worker

    def _take_snapshot(self) -> None:
        """Writer: checkpoint the store; readers move to it, the previous one is removed."""
        assert self._snapshots is not None
        target = self._snapshots / f"g{self._generation + 1}"
        reply = self._run_on(self._writer, SnapshotTask(str(target)), writable=True)
        if reply.status >= 300:
            raise RuntimeError("could not snapshot the store for the query workers")
        previous, self._read_path = self._read_path, str(target)
        self._generation += 1
        if Path(previous).parent == self._snapshots:
            shutil.rmtree(previous, ignore_errors=True)

    @property
    def generation(self) -> int:
        """Bumped whenever the store's data changed; workers reopen on a new one."""
        if not self.writable and time.monotonic() - self._checked >= self._recheck:
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
            return _text(503, "The server is shutting down.")
        if isinstance(task, WRITE_TASKS):
            if not self.writable:
                return _text(403, "This server is read-only.")
            with self._lock.writing():
                try:
                    return self._run_on(self._writer, task, writable=True)
                finally:
                    self._take_snapshot()
        if not self.writable:  # no writes to wait for: no lock
            return self._run_on(self._idle, task, writable=False)
        with self._lock.reading():
            return self._run_on(self._idle, task, writable=False)

    def _run_on(
        self, pool: queue.Queue[_Worker], task: Task | SnapshotTask, *, writable: bool
    ) -> Reply:
        started = time.monotonic()
        try:
            worker = pool.get(timeout=self.timeout)
        except queue.Empty:
            raise QueryTimeout("every worker stayed busy for the whole query timeout") from None
        remaining = max(0.05, self.timeout - (time.monotonic() - started))
        try:
            if not worker.wait_ready(remaining):
                self._replace(worker, pool, writable=writable)
                raise QueryTimeout("no query worker became ready in time")
            remaining = max(0.05, self.timeout - (time.monotonic() - started))
            generation = self._generation if writable else self.generation
            worker.conn.send_bytes(encode_task(generation, self._read_path, task))
            if worker.conn.poll(remaining):  # the timeout: no watchdog thread
                reply = decode_reply(worker.conn.recv_bytes())
                pool.put(worker)
                return reply
        except (EOFError, OSError):
            log.error("a worker process died; starting a new one")
            self._replace(worker, pool, writable=writable)
            return _text(500, "Internal error: the query worker stopped (logged on the server).")
        self._replace(worker, pool, writable=writable)
        raise QueryTimeout(f"stopped after {self.timeout:g} s")

    def _replace(self, worker: _Worker, pool: queue.Queue[_Worker], *, writable: bool) -> None:
        worker.stop()
        with self._state:
            self._all.discard(worker)
        if not self._closed:
            pool.put(self._spawn(writable=writable))

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
                worker.conn.send_bytes(_STOP)
        for worker in workers:
            worker.process.join(2)
            worker.stop()
        if self._snapshots is not None:
            shutil.rmtree(self._snapshots, ignore_errors=True)


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
