"""The SPARQL 1.1 Protocol endpoint at ``/sparql`` (query, update, service description).

GET with ``query=``, POST form, POST direct; ``default-graph-uri``/``named-graph-uri``
for queries and ``using-graph-uri``/``using-named-graph-uri`` for updates. Without a
query, GET answers the SPARQL 1.1 Service Description. Reads carry
``Access-Control-Allow-Origin: *``; updates need the bearer token and get no CORS.
"""

from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, request

from kg.serve import protocol
from kg.serve.executor import QueryService, QueryTask, Reply, UpdateTask

bp = Blueprint("sparql", __name__)

READ_CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "X-Newskg-Truncated, Warning, Content-Type",
}
SD_FORMATS = (protocol.TURTLE, protocol.RDF_XML, protocol.JSON_LD, protocol.N_TRIPLES)


def endpoint() -> QueryService:
    """The app's query service (executor and settings)."""
    return current_app.extensions["newskg"]


def reply_response(reply: Reply, *, cors: bool) -> Response:
    """A Flask response from an executor reply."""
    response = Response(reply.body, status=reply.status, content_type=reply.content_type)
    response.headers.update(reply.headers)
    if cors:
        response.headers.update(READ_CORS)
    response.vary.add("Accept")
    return response


def plain(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """A short text/plain answer (errors, refusals)."""
    response = Response(
        message.rstrip() + "\n", status=status, content_type="text/plain; charset=utf-8"
    )
    response.headers.update(headers or {})
    return response


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
    service = endpoint()
    settings = service.settings
    operation = protocol.parse_sparql_request(
        request.method,
        list(request.args.items(multi=True)),
        request.headers.get("Content-Type"),
        request.get_data(cache=True),
    )
    if operation.kind == "description":
        return service_description()
    protocol.check_remote_access(operation.text, settings.service_allowlist)
    if operation.kind == "query":
        task = QueryTask(
            operation.text,
            tuple(protocol.check_iri(g, "default-graph-uri") for g in operation.default_graphs),
            tuple(protocol.check_iri(g, "named-graph-uri") for g in operation.named_graphs),
            request.headers.get("Accept"),
            request.base_url,
        )
        return reply_response(service.executor.run(task), cors=True)
    protocol.check_bearer(settings.update_token, request.headers.get("Authorization"))
    for iri in (*operation.default_graphs, *operation.named_graphs):
        protocol.check_iri(iri, "using-graph-uri")
    text = protocol.apply_using(operation.text, operation.default_graphs, operation.named_graphs)
    return reply_response(service.executor.run(UpdateTask(text, request.base_url)), cors=False)


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


def service_description() -> Response:
    """GET /sparql without a query: the service description, negotiated."""
    fmt = protocol.negotiate(request.headers.get("Accept"), SD_FORMATS)
    if fmt is None:
        names = ", ".join(f.media_type for f in SD_FORMATS)
        return plain(406, f"Not acceptable: the service description is available as {names}.")
    turtle = service_description_turtle(
        request.base_url, update=bool(endpoint().settings.update_token)
    )
    triples = ox.parse(turtle.encode("utf-8"), format=ox.RdfFormat.TURTLE)
    prefixes = {"sd": "http://www.w3.org/ns/sparql-service-description#"}
    body = ox.serialize(triples, format=getattr(ox.RdfFormat, fmt.name), prefixes=prefixes) or b""
    response = Response(body, content_type=fmt.content_type)
    response.headers.update(READ_CORS)
    response.vary.add("Accept")
    return response
