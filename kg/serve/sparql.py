"""The SPARQL 1.1 Protocol endpoint at ``/sparql`` (query, update, service description).

GET with ``query=``, POST form, POST direct; ``default-graph-uri``/``named-graph-uri``
for queries and ``using-graph-uri``/``using-named-graph-uri`` for updates. Without a
query, GET answers the SPARQL 1.1 Service Description. Reads carry
``Access-Control-Allow-Origin: *``; updates need the bearer token and get no CORS.

``format=`` (``json``, ``xml``, ``csv``, ``tsv``, ``turtle``, ``ntriples``, ``nquads``,
``trig``, ``jsonld``, ``rdfxml``, or a media type) overrides the Accept header, so a plain
link can ask for a download format (``json``/``xml`` mean JSON-LD/RDF/XML for
CONSTRUCT and DESCRIBE).

Everything a request gets is decided by :func:`answer`, a function of the request's
parts. Two thin callers use it: :class:`SparqlFastPath`, a plain WSGI callable in
front of Flask that takes GET/POST ``/sparql`` (the hot path: no Flask request, routing
or response objects), and the Flask view, which takes what the fast path passes on
(HEAD, OPTIONS, bodies without a Content-Length).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, request
from werkzeug.wsgi import get_current_url

from kg.serve import protocol
from kg.serve.executor import QueryService, QueryTask, QueryTimeout, Reply, UpdateTask

log = logging.getLogger(__name__)

bp = Blueprint("sparql", __name__)

READ_CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "X-Newskg-Truncated, Warning, Content-Type",
}
SD_FORMATS = (protocol.TURTLE, protocol.RDF_XML, protocol.JSON_LD, protocol.N_TRIPLES)
PLAIN = "text/plain; charset=utf-8"


@dataclass(frozen=True)
class Answer:
    """What /sparql answers: status, content type, body and headers (no Flask in it)."""

    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


def plain_answer(status: int, message: str, headers: dict[str, str] | None = None) -> Answer:
    """A short text/plain answer (errors, refusals)."""
    return Answer(status, PLAIN, message.rstrip().encode("utf-8") + b"\n", headers or {})


def too_large_message(max_body_bytes: int) -> str:
    """The 413 message."""
    return f"Request body over {max_body_bytes} bytes (max_body_bytes setting)."


def timeout_answer(error: QueryTimeout, query_timeout: float) -> Answer:
    """The 503 for a query stopped by the timeout."""
    return plain_answer(
        503,
        f"Query stopped: it ran longer than the query timeout of {query_timeout:g} s "
        f"({error}; kg serve --query-timeout). Other requests are unaffected.",
        {"Retry-After": "1"},
    )


INTERNAL_ERROR = "Internal server error (details are in the server log)."


def reply_answer(reply: Reply, *, cors: bool) -> Answer:
    """An answer from an executor reply (reads get CORS, all vary on Accept)."""
    headers = dict(reply.headers)
    if cors:
        headers.update(READ_CORS)
    headers["Vary"] = "Accept"
    return Answer(reply.status, reply.content_type, reply.body, headers)


def answer(
    service: QueryService,
    method: str,
    url_params: Sequence[tuple[str, str]],
    content_type: str | None,
    body: bytes,
    accept: str | None,
    authorization: str | None,
    base_url: str,
) -> Answer:
    """Answer one SPARQL Protocol request (GET or POST); protocol errors and timeouts
    become their plain-text answers, anything else propagates (a 500 for the caller)."""
    settings = service.settings
    try:
        operation = protocol.parse_sparql_request(method, url_params, content_type, body)
        accept = operation.accept or accept
        if operation.kind == "description":
            return service_description(accept, base_url, update=bool(settings.update_token))
        allowlist = settings.service_allowlist
        if operation.kind == "query":
            task = QueryTask(
                protocol.check_remote_access(operation.text, allowlist),
                tuple(protocol.check_iri(g, "default-graph-uri") for g in operation.default_graphs),
                tuple(protocol.check_iri(g, "named-graph-uri") for g in operation.named_graphs),
                accept,
                base_url,
            )
            return reply_answer(service.executor.run(task), cors=True)
        protocol.check_bearer(settings.update_token, authorization)
        for iri in (*operation.default_graphs, *operation.named_graphs):
            protocol.check_iri(iri, "using-graph-uri")
        checked = protocol.check_remote_access(operation.text, allowlist, update=True)
        text = protocol.apply_using(checked, operation.default_graphs, operation.named_graphs)
        if text != checked:  # check what runs
            text = protocol.check_remote_access(text, allowlist, update=True)
        return reply_answer(service.executor.run(UpdateTask(text, base_url)), cors=False)
    except protocol.ProtocolError as error:
        return plain_answer(error.status, error.message, error.headers)
    except QueryTimeout as error:
        return timeout_answer(error, settings.query_timeout)


# --- the fast path: plain WSGI ------------------------------------------------------------

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
STATUS_LINES = {status.value: f"{status.value} {status.phrase}" for status in HTTPStatus}


class SparqlFastPath:
    """WSGI middleware answering GET/POST ``/sparql`` with :func:`answer` directly; every
    other request goes to the wrapped (Flask) app."""

    def __init__(self, app: WSGIApp, service: QueryService) -> None:
        self.app, self.service = app, service

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        method = environ.get("REQUEST_METHOD", "GET")
        length_header = environ.get("CONTENT_LENGTH") or ""
        length = int(length_header) if length_header.isascii() and length_header.isdigit() else None
        if (
            environ.get("PATH_INFO") != "/sparql"
            or method not in ("GET", "POST")
            or (method == "POST" and length is None)  # chunked or odd: Flask reads it
        ):
            return self.app(environ, start_response)
        try:
            result = self._answer(environ, method, length or 0)
        except Exception:
            log.exception("unhandled error on %s /sparql", method)
            result = plain_answer(500, INTERNAL_ERROR)
        headers = [
            ("Content-Type", result.content_type),
            ("Content-Length", str(len(result.body))),
            *result.headers.items(),
        ]
        start_response(STATUS_LINES.get(result.status, str(result.status)), headers)
        return [result.body]

    def _answer(self, environ: dict[str, Any], method: str, length: int) -> Answer:
        limit = self.service.settings.max_body_bytes
        if length > limit:
            return plain_answer(413, too_large_message(limit))
        body = environ["wsgi.input"].read(length) if length else b""
        try:
            params = protocol.url_params(environ.get("QUERY_STRING", ""))
        except protocol.ProtocolError as error:
            return plain_answer(error.status, error.message)
        return answer(
            self.service,
            method,
            params,
            environ.get("CONTENT_TYPE"),
            body,
            environ.get("HTTP_ACCEPT"),
            environ.get("HTTP_AUTHORIZATION"),
            get_current_url(environ, strip_querystring=True),
        )


# --- the Flask view (HEAD, OPTIONS and what the fast path passes on) ----------------------


def endpoint() -> QueryService:
    """The app's query service (executor and settings)."""
    return current_app.extensions["newskg"]


def flask_response(result: Answer) -> Response:
    """A Flask response from an answer."""
    response = Response(result.body, status=result.status, content_type=result.content_type)
    response.headers.update(result.headers)
    return response


def reply_response(reply: Reply, *, cors: bool) -> Response:
    """A Flask response from an executor reply."""
    return flask_response(reply_answer(reply, cors=cors))


def plain(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """A short text/plain answer (errors, refusals)."""
    return flask_response(plain_answer(status, message, headers))


def preflight(methods: str) -> Response:
    """A CORS preflight answer allowing reads only."""
    response = Response(status=204)
    response.headers.update(
        {
            "Access-Control-Allow-Origin": "*",
            "Access-Control-Allow-Methods": methods,
            "Access-Control-Allow-Headers": "Accept, Content-Type",
            "Access-Control-Max-Age": "86400",
        }
    )
    return response


@bp.route("/sparql", methods=["GET", "POST", "OPTIONS"], strict_slashes=False)
def sparql() -> Response:
    """Answer one SPARQL Protocol request."""
    if request.method == "OPTIONS":
        return preflight("GET, POST, OPTIONS")
    return flask_response(
        answer(
            endpoint(),
            "GET" if request.method == "HEAD" else request.method,  # Flask drops HEAD bodies
            list(request.args.items(multi=True)),
            request.headers.get("Content-Type"),
            request.get_data(cache=True),
            request.headers.get("Accept"),
            request.headers.get("Authorization"),
            request.base_url,
        )
    )


RESULT_FORMAT_IRIS = (
    "SPARQL_Results_JSON",
    "SPARQL_Results_XML",
    "SPARQL_Results_CSV",
    "SPARQL_Results_TSV",
    "Turtle",
    "N-Triples",
    "JSON-LD",
    "RDF_XML",
    "N-Quads",
    "TriG",
)


def service_description_turtle(endpoint_url: str, *, update: bool) -> str:
    """The SPARQL 1.1 Service Description of this endpoint, as Turtle."""
    languages = "sd:SPARQL11Query" + (", sd:SPARQL11Update" if update else "")
    formats = ", ".join(f"<http://www.w3.org/ns/formats/{name}>" for name in RESULT_FORMAT_IRIS)
    return f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix ent: <http://www.w3.org/ns/entailment/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
[] a sd:Service ;
   rdfs:label "newskg SPARQL endpoint" ;
   sd:endpoint <{endpoint_url}> ;
   sd:supportedLanguage {languages} ;
   sd:defaultEntailmentRegime ent:Simple ;
   sd:feature sd:UnionDefaultGraph, sd:BasicFederatedQuery ;
   sd:resultFormat {formats} ;
   sd:defaultDataset [ a sd:Dataset ; sd:defaultGraph [ a sd:Graph ] ] .
"""


def service_description(accept: str | None, endpoint_url: str, *, update: bool) -> Answer:
    """GET /sparql without a query: the service description, negotiated."""
    fmt = protocol.negotiate(accept, SD_FORMATS)
    if fmt is None:
        names = ", ".join(f.media_type for f in SD_FORMATS)
        return plain_answer(
            406, f"Not acceptable: the service description is available as {names}."
        )
    turtle = service_description_turtle(endpoint_url, update=update)
    triples = ox.parse(turtle.encode("utf-8"), format=ox.RdfFormat.TURTLE)
    prefixes = {"sd": "http://www.w3.org/ns/sparql-service-description#"}
    body = ox.serialize(triples, format=getattr(ox.RdfFormat, fmt.name), prefixes=prefixes) or b""
    return Answer(200, fmt.content_type, body, {**READ_CORS, "Vary": "Accept"})
