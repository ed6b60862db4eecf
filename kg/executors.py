"""Where a build's parse-and-extract work runs: in this process, a local pool, or Dask.

One interface, :class:`Executor`: ``map(work, batches)`` calls ``work(nlp, batch)``
for each batch on a worker that has the spaCy pipeline loaded once, and yields the
results as they land, with a bounded number of batches in flight (the batches are
read from a stream, never listed).  Work returns plain data (N-Quads bytes), never
Docs.

- :class:`InProcess`: ``--processes 1``.
- :class:`LocalPool`: forked processes that share the pipeline loaded before the fork.
- :class:`DaskExecutor`: a Dask ``LocalCluster`` (``--executor dask``) or a running
  scheduler (``--scheduler tcp://HOST:8786``).  Each worker loads the pipeline once,
  through :class:`PipelinePlugin` (``client.register_plugin``); on a real cluster
  ``dask worker --preload kg.executors`` loads it when the worker starts
  (:func:`dask_setup`, settings from ``NEWSKG_*``).  A worker that dies has its
  batch run again elsewhere (Dask reschedules lost tasks), which is safe because
  every write replaces whole graphs.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from spacy.language import Language

from kg.config import Settings

if TYPE_CHECKING:
    from distributed import Client, LocalCluster

B = TypeVar("B")
R = TypeVar("R")
Work = Callable[[Language, B], R]
EXECUTORS = ("local", "dask")


class Executor(Protocol):
    """Runs ``work(nlp, batch)`` for each batch and yields the results as they land."""

    workers: int

    def map(self, work: Work, batches: Iterable[B]) -> Iterator[R]:
        """Results of each batch, at most a few batches per worker in flight."""
        ...

    def close(self) -> None:
        """Stop the workers this executor started."""
        ...


@lru_cache(maxsize=2)
def worker_pipeline(model: str, base_iri: str) -> Language:
    """The pipeline of this worker process, loaded once per model and base IRI."""
    from kg.nlp import load_pipeline

    return load_pipeline(replace(Settings(), model=model, base_iri=base_iri))


class InProcess:
    """The work runs here, one batch after the other."""

    workers = 1

    def __init__(self, settings: Settings) -> None:
        self.nlp = worker_pipeline(settings.model, settings.base_iri)

    def map(self, work: Work, batches: Iterable[B]) -> Iterator[R]:
        for batch in batches:
            yield work(self.nlp, batch)

    def close(self) -> None:
        pass


_FORKED: dict[str, Any] = {}  # what the forked workers inherit: the pipeline and the work


def _forked_work(batch: Any) -> Any:
    return _FORKED["work"](_FORKED["nlp"], batch)


class LocalPool:
    """Forked worker processes sharing the pipeline loaded before the fork.

    Created before the store is opened, so no storage threads are forked.
    """

    def __init__(self, settings: Settings, work: Work) -> None:
        self.workers = settings.processes
        _FORKED.update(nlp=worker_pipeline(settings.model, settings.base_iri), work=work)
        self.pool = multiprocessing.get_context("fork").Pool(self.workers)

    def map(self, work: Work, batches: Iterable[B]) -> Iterator[R]:
        if work is not _FORKED["work"]:
            raise ValueError("a LocalPool runs the work it was created with")
        in_flight: deque = deque()
        pending = iter(batches)
        for batch in islice(pending, 2 * self.workers):
            in_flight.append(self.pool.apply_async(_forked_work, (batch,)))
        while in_flight:
            result = in_flight.popleft().get()
            for batch in islice(pending, 1):
                in_flight.append(self.pool.apply_async(_forked_work, (batch,)))
            yield result

    def close(self) -> None:
        self.pool.close()
        self.pool.join()


try:  # Dask is optional at import time so that `--preload kg.executors` and tests work alike
    from distributed import WorkerPlugin
except ImportError:  # pragma: no cover - distributed is a dependency
    WorkerPlugin = object  # type: ignore[assignment,misc]


class PipelinePlugin(WorkerPlugin):  # type: ignore[misc,valid-type]
    """Loads the spaCy pipeline once in each Dask worker, when the worker starts."""

    name = "newskg-pipeline"

    def __init__(self, model: str, base_iri: str) -> None:
        self.model, self.base_iri = model, base_iri

    def setup(self, worker: Any) -> None:
        worker_pipeline(self.model, self.base_iri)


def dask_setup(worker: Any) -> None:
    """``dask worker --preload kg.executors``: load the pipeline of ``NEWSKG_*`` settings."""
    settings = Settings.from_env()
    worker_pipeline(settings.model, settings.base_iri)


def _on_dask_worker(work: Work, batch: Any, model: str, base_iri: str) -> Any:
    """A Dask task: the batch's work with this worker's own pipeline."""
    return work(worker_pipeline(model, base_iri), batch)


class DaskExecutor:
    """Batches on Dask workers: a LocalCluster here, or a running scheduler."""

    def __init__(self, settings: Settings, scheduler: str | None = None) -> None:
        from distributed import Client, LocalCluster

        self.settings = settings
        self.cluster: LocalCluster | None = None
        self.forking: Any = None  # the Dask config of this LocalCluster, while open
        if scheduler:
            self.client: Client = Client(scheduler, timeout="30s")
            try:
                self.client.wait_for_workers(1, timeout=120)
            except TimeoutError as error:
                self.client.close()
                raise TimeoutError(f"no Dask worker joined {scheduler} within 120 s") from error
        else:
            self.forking = _cluster_config(settings)
            with _pipeline_environment(settings):
                self.cluster = LocalCluster(
                    n_workers=settings.processes,
                    threads_per_worker=1,  # one spaCy pipeline per process, never shared
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
            self.client = Client(self.cluster)
        self.client.register_plugin(PipelinePlugin(settings.model, settings.base_iri))
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))

    def map(self, work: Work, batches: Iterable[B]) -> Iterator[R]:
        from distributed import as_completed

        model, base_iri = self.settings.model, self.settings.base_iri

        def submit(batch: B) -> Any:
            return self.client.submit(
                _on_dask_worker, work, batch, model, base_iri, pure=False, retries=2
            )

        pending = iter(batches)
        landed = as_completed([submit(batch) for batch in islice(pending, 2 * self.workers)])
        for future in landed:
            result = future.result()
            future.release()
            for batch in islice(pending, 1):
                landed.add(submit(batch))
            yield result

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        if self.forking is not None:
            self.forking.__exit__(None, None, None)
            self.forking = None


def _cluster_config(settings: Settings) -> Any:
    """Dask config of this build's LocalCluster: forkserver workers, no task profiler.

    Dask spawns each worker by default: every one imports spaCy and loads the model
    (~4 s of CPU each, while the others load theirs on the same cores).  A
    forkserver that imported :mod:`kg.warm` has loaded it once; the workers forked
    from it (and a worker the nanny restarts) start with it.

    Each worker samples its task thread's stack every 10 ms for the dashboard's
    profile, which this cluster does not serve: measured in CPU time on 64 FA-KES
    articles, the worker's threads other than the task's took ~9 ms per article
    with it and ~3 ms without (the task ~120 ms), so it is off.

    The scheduler lives in the build's process, whose main thread writes the store
    (~9 ms per article, holding the GIL for much of it).  With Dask's task queuing
    (``worker-saturation`` 1.1) a worker that finishes a batch waits for the
    scheduler to send the next; with ``inf`` each worker holds its next batch (the
    build keeps two per worker in flight) and starts it at once.

    Dask's nanny starts each worker with ``MALLOC_TRIM_THRESHOLD_=65536``, so that a
    worker hands freed memory back to the system at once; spaCy and the extraction
    then fault the same pages back in, article after article.  Measured on 160 FA-KES
    articles on two workers, the task threads took 910,000 minor page faults and 2.0 s
    of system time with it, 87,000 and 0.46 s without (about 8% of their CPU time),
    so this cluster's workers start without it (its other settings kept).  A batch's
    strings are freed by ``nlp.memory_zone()`` either way.

    Each worker's event loop also wakes every 20 ms to time itself (``tick``), every
    100 ms to read its memory and every 500 ms for the dashboard's system figures; it
    took the GIL from the task thread each time.  At 1 s, 1 s and 2 s, measured on 160
    articles over two workers, a worker's loop thread went from 0.52 to 0.15 s of CPU
    and its task thread's waits for the GIL from ~220 to ~35 (the memory limit is
    still enforced, a second apart at most).

    Returns the entered ``dask.config.set`` (left on close).
    """
    import dask
    from distributed.utils import get_mp_context

    spawn_environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ", {}))
    spawn_environ.pop("MALLOC_TRIM_THRESHOLD_", None)
    config: dict[str, Any] = {
        "distributed.worker.profile.enabled": False,
        "distributed.nanny.pre-spawn-environ": spawn_environ,
        "distributed.admin.tick.interval": "1s",
        "distributed.worker.memory.monitor-interval": "1s",
        "distributed.admin.system-monitor.interval": "2s",
        "distributed.scheduler.worker-saturation": float("inf"),
    }
    forkserver = "forkserver" in multiprocessing.get_all_start_methods()
    if forkserver:
        config["distributed.worker.multiprocessing-method"] = "forkserver"
    forking = dask.config.set(config)
    forking.__enter__()
    if forkserver:
        context = get_mp_context()  # Dask sets its own preload list the first time
        context.set_forkserver_preload(["distributed", "kg.warm"])  # used if none runs yet
    return forking


@contextmanager
def _pipeline_environment(settings: Settings) -> Iterator[None]:
    """``NEWSKG_MODEL`` and ``NEWSKG_BASE_IRI`` of this build, for the forkserver to read."""
    names = {"NEWSKG_MODEL": settings.model, "NEWSKG_BASE_IRI": settings.base_iri}
    before = {name: os.environ.get(name) for name in names}
    os.environ.update(names)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def open_executor(
    settings: Settings, work: Work, kind: str = "local", scheduler: str | None = None
) -> Executor:
    """The executor a build asked for (``--executor``, ``--processes``, ``--scheduler``)."""
    if scheduler or kind == "dask":
        return DaskExecutor(settings, scheduler)
    if kind != "local":
        raise ValueError(f"unknown executor {kind!r}; expected one of {', '.join(EXECUTORS)}")
    if settings.processes <= 1:
        return InProcess(settings)
    return LocalPool(settings, work)
