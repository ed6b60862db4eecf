"""The SPARQL 1.1 Graph Store HTTP Protocol at ``/store`` (indirect graph naming).

``?graph=IRI`` names a graph, ``?default`` the store's default graph; GET without
either dumps the whole dataset (TriG/N-Quads). GET and HEAD need no token (404 for a
missing graph); PUT (replace; 201 new, 204 existing), POST (merge, also
``multipart/form-data``; without a graph a new graph is minted and 201 + Location
returned) and DELETE (204; 404 when missing) need the bearer token.
"""

from __future__ import annotations

from uuid import uuid4

from flask import Blueprint, Response, request

from kg.serve import protocol
from kg.serve.executor import DEFAULT_GRAPH, GraphDeleteTask, GraphGetTask, GraphWriteTask
from kg.serve.sparql import endpoint, preflight, reply_response

bp = Blueprint("graph_store", __name__)


def graph_target() -> str | None:
    """The graph a request names: an IRI, DEFAULT_GRAPH, or None (none named)."""
    named = request.args.getlist("graph")
    default = "default" in request.args
    if len(named) > 1 or (named and default):
        raise protocol.ProtocolError(400, "Name one graph: either ?graph=IRI or ?default.")
    if default:
        return DEFAULT_GRAPH
    return protocol.check_iri(named[0], "graph") if named else None


def _body_parts() -> tuple[tuple[bytes, str], ...]:
    if request.mimetype == "multipart/form-data":
        parts = tuple((f.read(), f.content_type or "") for f in request.files.values())
        if not parts:
            raise protocol.ProtocolError(400, "The multipart body holds no file part.")
        return parts
    if not request.mimetype:
        raise protocol.ProtocolError(415, "Say what the body is with a Content-Type header.")
    return ((request.get_data(cache=False), request.mimetype),)


@bp.route("/store", methods=["GET", "PUT", "POST", "DELETE", "OPTIONS"], strict_slashes=False)
def store() -> Response:
    """Answer one Graph Store Protocol request."""
    if request.method == "OPTIONS":
        return preflight("GET, HEAD, OPTIONS")
    service = endpoint()
    graph = graph_target()
    if request.method in ("GET", "HEAD"):  # Flask strips the body of HEAD
        task = GraphGetTask(graph, request.headers.get("Accept"))
        return reply_response(service.executor.run(task), cors=True)
    protocol.check_bearer(service.settings.update_token, request.headers.get("Authorization"))
    if request.method == "DELETE":
        if graph is None:
            raise protocol.ProtocolError(400, "DELETE needs ?graph=IRI or ?default.")
        return reply_response(service.executor.run(GraphDeleteTask(graph)), cors=False)
    created = graph is None
    if graph is None:
        if request.method == "PUT":
            raise protocol.ProtocolError(400, "PUT needs ?graph=IRI or ?default.")
        graph = f"{service.settings.base_iri}graph/{uuid4().hex}"
    task = GraphWriteTask(graph, _body_parts(), replace=request.method == "PUT")
    response = reply_response(service.executor.run(task), cors=False)
    if created and response.status_code == 201:
        response.headers["Location"] = graph
    return response
