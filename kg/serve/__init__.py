"""The newskg web app: ``create_app(settings, executor)`` (Flask's app-factory pattern).

Blueprints: ``/sparql`` (SPARQL 1.1 Protocol, :mod:`kg.serve.sparql`), ``/store``
(Graph Store Protocol, :mod:`kg.serve.graph_store`) and the pages (``/``, entity
pages, static assets) from :mod:`kg.serve.pages`. GET/POST ``/sparql`` is answered by
:class:`kg.serve.sparql.SparqlFastPath`, plain WSGI in front of Flask (``app.wsgi_app``),
with the same :func:`kg.serve.sparql.answer` as the Flask view.

Server-side query API for pages: ``current_app.extensions["newskg"]`` is a
:class:`kg.serve.executor.QueryService` with

    query(sparql: str, accept: str = "application/sparql-results+json") -> tuple[bytes, str]

returning (body, content type); it runs through the same worker processes, timeout and
row limit as /sparql (default graph = union of all graphs) and raises
:class:`kg.serve.executor.QueryError` (``.status``, ``.message``) on a bad query (400) or a
timeout (503). It also has ``.settings`` and ``.executor``.

With a SPARQL server as the store (``sparql+http://…``), the default executor is
:class:`kg.serve.upstream.RemoteExecutor` (read-only, forwards to the server).
Pass an executor to build isolated apps in tests: ``LocalExecutor(pyoxigraph.Store())``
runs in-process; by default a :class:`kg.serve.executor.WorkerPool` over
``settings.store`` is started (see that module for the read-only/read-write design).
"""

from __future__ import annotations

import logging

from flask import Flask, Response, request
from werkzeug.exceptions import HTTPException, InternalServerError

from kg.config import Settings
from kg.serve import graph_store, protocol, sparql
from kg.serve.executor import Executor, QueryService, QueryTimeout, WorkerPool

log = logging.getLogger(__name__)


def create_app(settings: Settings, executor: Executor | None = None) -> Flask:
    """The Flask app serving ``settings.store`` through ``executor``."""
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = settings.max_body_bytes
    if executor is None and str(settings.store).startswith("sparql+"):  # kg/serve/upstream.py
        from kg.serve.upstream import make_executor

        executor = make_executor(settings)
    if executor is None:
        executor = WorkerPool.from_settings(settings)
    app.extensions["newskg"] = QueryService(executor, settings=settings)
    app.register_blueprint(sparql.bp)
    app.register_blueprint(graph_store.bp)
    _register_pages(app)
    _register_errors(app, settings)
    app.wsgi_app = sparql.SparqlFastPath(app.wsgi_app, app.extensions["newskg"])  # type: ignore[method-assign]
    return app


def _register_pages(app: Flask) -> None:
    from kg.serve.pages import bp as pages_bp

    app.register_blueprint(pages_bp)


def _register_errors(app: Flask, settings: Settings) -> None:
    @app.before_request
    def refuse_large_bodies() -> Response | None:
        if (request.content_length or 0) > settings.max_body_bytes:
            return sparql.plain(413, sparql.too_large_message(settings.max_body_bytes))
        return None

    @app.errorhandler(protocol.ProtocolError)
    def protocol_error(error: protocol.ProtocolError) -> Response:
        return sparql.plain(error.status, error.message, error.headers)

    @app.errorhandler(QueryTimeout)
    def timeout(error: QueryTimeout) -> Response:
        return sparql.flask_response(sparql.timeout_answer(error, settings.query_timeout))

    @app.errorhandler(413)
    def too_large(error: HTTPException) -> Response:
        return sparql.plain(413, sparql.too_large_message(settings.max_body_bytes))

    @app.errorhandler(InternalServerError)
    def internal(error: InternalServerError) -> Response:
        original = getattr(error, "original_exception", None)
        if original is not None:
            log.error("unhandled error on %s %s", request.method, request.path, exc_info=original)
        return sparql.plain(500, sparql.INTERNAL_ERROR)
