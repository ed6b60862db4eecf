"""``kg serve``: the app on waitress, a threaded pure-Python production WSGI server.

Why waitress: requests are mostly waiting on a query worker's pipe, so a thread per
request is the right shape; waitress is pure Python (no compiler, works where Python
does), production-grade (unlike Werkzeug's dev server) and keeps one web process, so
the query worker pool is shared by all threads (gunicorn would fork web processes,
each with its own pool).

Connections: waitress stops accepting at ``connection_limit`` open sockets, and a
socket idle or half-sent for ``read_timeout`` seconds is closed (checked every second
or two), so a crowd of stalled clients is dropped long before it can block others. The
loop uses ``select`` (waitress's ``poll`` loop costs about 90 µs more CPU a request)
unless the limit needs more sockets than ``select`` can watch (1024 descriptors); the
open-file limit is raised to fit. Every 503 carries ``Retry-After``.
"""

from __future__ import annotations

import contextlib
import resource
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from types import FrameType
from typing import Any

from waitress.server import create_server

from kg.config import Settings
from kg.serve import create_app
from kg.serve.executor import Executor, WorkerPool


def make_pool(settings: Settings) -> WorkerPool:
    """The worker pool ``settings`` ask for (writer included when a token is set)."""
    return WorkerPool.from_settings(settings)


class RetryAfter:
    """WSGI middleware: every 503 (pages included) says when to come back."""

    def __init__(self, app: Callable[..., Iterable[bytes]]) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        def start(status: str, headers: list[tuple[str, str]], *rest: Any) -> Any:
            if status.startswith("503") and not any(k.lower() == "retry-after" for k, _ in headers):
                headers = [*headers, ("Retry-After", "1")]
            return start_response(status, headers, *rest)

        return self.app(environ, start)


def _room_for_connections(limit: int) -> int:
    """Raise the open-file limit to fit ``limit`` sockets (and the workers' pipes); the
    connection limit that fits."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = limit + 256
    if soft != resource.RLIM_INFINITY and soft < wanted:
        target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
        soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    return limit if soft == resource.RLIM_INFINITY else max(1, min(limit, soft - 256))


SELECT_CONNECTIONS = 900  # select() watches descriptors below 1024: room for the rest


def make_server(settings: Settings, executor: Executor) -> Any:
    """A bound (not yet running) waitress server for the app; ``.effective_port`` tells
    the port when ``settings.port`` is 0."""
    app = create_app(settings, executor)
    connections = _room_for_connections(settings.connection_limit)
    return create_server(
        RetryAfter(app),
        host=settings.host,
        port=settings.port,
        threads=max(8, 2 * (settings.workers + 1)),
        max_request_body_size=settings.max_body_bytes + 1,
        ident="newskg",
        clear_untrusted_proxy_headers=True,
        connection_limit=connections,
        channel_timeout=settings.read_timeout,
        cleanup_interval=max(1, min(30, settings.read_timeout // 4)),
        asyncore_use_poll=connections > SELECT_CONNECTIONS,
    )


@contextlib.contextmanager
def running(settings: Settings, executor: Executor | None = None) -> Iterator[tuple[str, Any]]:
    """Serve in a background thread (tests, benchmarks): yield (base URL, executor), by
    default a worker pool over the store; the executor is closed at the end."""
    pool = executor if executor is not None else make_pool(settings)
    server = make_server(settings, pool)
    thread = threading.Thread(target=server.run, name="newskg-server", daemon=True)
    thread.start()
    try:
        yield f"http://{settings.host}:{server.effective_port}", pool
    finally:
        server.task_dispatcher.shutdown(timeout=5)
        # close every socket from the loop's own thread (closing them from here races
        # its select): with nothing left to watch, the loop returns
        with contextlib.suppress(OSError):  # the loop already closed its trigger: it is stopping
            server.trigger.pull_trigger(lambda: [d.close() for d in list(server._map.values())])
        thread.join(5)
        if thread.is_alive():
            server.close()
        pool.close()


def _stop(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def serve(settings: Settings, executor: Executor | None = None, what: str = "") -> None:
    """Serve ``settings.store`` (or ``executor``, described as ``what``) until Ctrl-C or
    SIGTERM, then stop the workers."""
    pool = executor if executor is not None else make_pool(settings)
    try:
        server = make_server(settings, pool)
    except OSError as error:
        pool.close()
        raise SystemExit(
            f"kg serve: cannot listen on {settings.host}:{settings.port}: {error}"
        ) from None
    host = f"[{settings.host}]" if ":" in settings.host else settings.host
    url = f"http://{host}:{server.effective_port}/"
    mode = "read-write (update token set)" if settings.update_token else "read-only"
    print(
        f"newskg: serving {what or f'{settings.store} ({mode})'} at {url}  SPARQL: {url}sparql"
        "  — Ctrl-C stops",
        flush=True,
    )
    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.task_dispatcher.shutdown(timeout=5)
        server.close()
        pool.close()
        print("newskg: stopped", flush=True)
