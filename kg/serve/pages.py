"""The pages for people: the query page at ``/``, entity pages at ``/id/…``, name lookup.

Every query goes through ``current_app.extensions["newskg"].query(sparql, accept)``,
so the pages obey the same timeout and limits as ``/sparql``.  Labels come from news
text: the templates escape everything and the page's scripts only set ``textContent``.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    url_for,
)

from kg.config import QUERIES_DIR, Settings
from kg.questions import load_questions
from kg.rdf.terms import PREFIXES
from kg.serve.executor import QueryError

log = logging.getLogger(__name__)

bp = Blueprint(
    "pages",
    __name__,
    static_folder="static",
    static_url_path="/assets",
    template_folder="templates",
)

JSON_RESULTS = "application/sparql-results+json"
TURTLE = "text/turtle"
JSON_LD = "application/ld+json"
HTML = "text/html"

# Only our own scripts, styles and images; data: for Leaflet's inline images.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "object-src 'none'; base-uri 'self'; frame-ancestors 'self'"
)

SPARQL_PROLOGUE = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_SAFE_PATH_CHARS = "/:@!$&'()*+,;=-._~%#"

Binding = dict[str, dict[str, str]]


def sparql_string(text: str) -> str:
    """``text`` as a SPARQL string literal."""
    escaped = (
        text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    )
    return f'"{escaped}"'


def base_iri() -> str:
    """The base under which our instance IRIs live."""
    service = current_app.extensions.get("newskg")
    if isinstance(getattr(service, "base_iri", None), str):
        return service.base_iri
    settings = getattr(service, "settings", None)
    if isinstance(settings, Settings):
        return settings.base_iri
    return current_app.config.get("NEWSKG_BASE_IRI") or Settings().base_iri


def queries_dir() -> Path:
    """Where the example questions are read from (``NEWSKG_QUERIES_DIR`` in app.config)."""
    return Path(current_app.config.get("NEWSKG_QUERIES_DIR") or QUERIES_DIR)


def select(sparql: str) -> list[Binding]:
    """Run a SELECT through the app's executor; the bindings of its JSON results."""
    body, _ = current_app.extensions["newskg"].query(SPARQL_PROLOGUE + sparql, JSON_RESULTS)
    return json.loads(body)["results"]["bindings"]


def local_href(iri: str) -> str:
    """The entity page of one of our IRIs; any other http(s) IRI unchanged; "" for the
    rest (``javascript:alert(1)``, ``data:``, ``file:``…), which must not become a link."""
    base = base_iri()
    if iri.startswith(base) and len(iri) > len(base):
        return url_for("pages.resource", rest=iri[len(base) :])
    return iri if re.match(r"https?://", iri, re.IGNORECASE) else ""


def short_name(iri: str) -> str:
    """``nkg:Fighters`` for a known namespace, ``entity/isis`` under the base, else the IRI."""
    base = base_iri()
    if iri.startswith(base):
        return iri[len(base) :]
    for name, namespace in PREFIXES.items():
        if iri.startswith(namespace) and re.fullmatch(r"[\w.-]*", iri[len(namespace) :]):
            return f"{name}:{iri[len(namespace) :]}"
    return iri


@bp.app_template_filter("local_href")
def _local_href_filter(iri: str) -> str:
    return local_href(iri)


@bp.app_template_filter("short_name")
def _short_name_filter(iri: str) -> str:
    return short_name(iri)


@bp.app_template_filter("vocab_words")
def vocab_words(iri: str) -> str:
    """``nkg:MoreThan`` → ``more than``; ``nkg:Capture`` → ``capture``; other IRIs shortened."""
    if not iri.startswith(PREFIXES["nkg"]):
        return short_name(iri)
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", iri[len(PREFIXES["nkg"]) :]).lower()


@bp.after_request
def _page_headers(response: Response) -> Response:
    if response.mimetype == HTML:
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    return response


@bp.errorhandler(QueryError)
def _query_failed(error: QueryError) -> tuple[str, int]:
    """A page whose query failed (400: our bug; 503: the graph is too big for the timeout)."""
    page = render_template("pages_error.html", status=error.status, message=error.message)
    return page, error.status


@bp.get("/")
def index() -> str:
    """The query page: editor, examples, results as table, map and timeline."""
    examples = load_questions(queries_dir())
    config = {
        "base": base_iri(),
        "entityPath": request.script_root + "/id/",
        "endpoint": request.script_root + "/sparql",
        "prefixes": PREFIXES,
        "geojson": url_for("pages.static", filename="vendor/geo/middle-east.geojson"),
        "examples": [example.__dict__ for example in examples],
    }
    return render_template("pages_index.html", examples=examples, config=config)


@bp.get("/id")
@bp.get("/entity")
def lookup() -> Response | str | tuple[str, int]:
    """Find an entity by any of its names (case-insensitive) and redirect to its page."""
    name = request.args.get("name", "").strip()
    if not name:
        return render_template("pages_lookup.html", name="", matches=[])
    rows = select(
        f"""SELECT DISTINCT ?x ?rank ?label WHERE {{
          {{ ?x skos:prefLabel ?name BIND(0 AS ?rank) }}
          UNION {{ ?x skos:altLabel ?name BIND(1 AS ?rank) }}
          FILTER(LCASE(STR(?name)) = LCASE({sparql_string(name)}))
          OPTIONAL {{ ?x skos:prefLabel ?label }}
        }} ORDER BY ?rank ?x LIMIT 100"""
    )
    matches: dict[str, tuple[int, str]] = {}
    for row in rows:
        iri = row["x"]["value"]
        if row["x"]["type"] == "uri" and iri not in matches:
            label = row.get("label", {}).get("value", short_name(iri))
            matches[iri] = (int(row["rank"]["value"]), label)
    preferred = [iri for iri, (rank, _) in matches.items() if rank == 0]
    if len(matches) == 1 or len(preferred) == 1:
        target = next(iter(matches)) if len(matches) == 1 else preferred[0]
        return redirect(local_href(target), code=303)
    listed = [(iri, label) for iri, (_, label) in matches.items()]
    page = render_template("pages_lookup.html", name=name, matches=listed)
    return (page, 200) if listed else (page, 404)


def _requested_format() -> str:
    """HTML, Turtle or JSON-LD, from ``?format=`` or the Accept header."""
    explicit = {"html": HTML, "ttl": TURTLE, "turtle": TURTLE, "jsonld": JSON_LD}
    chosen = explicit.get(request.args.get("format", "").lower().replace("-", ""))
    if chosen:
        return chosen
    best = request.accept_mimetypes.best_match(
        [HTML, TURTLE, JSON_LD, "application/json", "application/xhtml+xml"], default=HTML
    )
    return {"application/json": JSON_LD, "application/xhtml+xml": HTML}.get(best, best)


@bp.get("/id/<path:rest>")
def resource(rest: str) -> Response | tuple[str, int] | str:
    """One of our resources: HTML for browsers, Turtle or JSON-LD for clients."""
    iri = base_iri() + quote(rest, safe=_SAFE_PATH_CHARS)
    if _IRI_FORBIDDEN.search(iri):
        abort(404)
    wanted = _requested_format()
    if wanted != HTML:
        return _rdf_response(iri, wanted)
    view = ResourceView.load(iri)
    status = 200 if view.exists else 404
    response = current_app.make_response(
        (render_template("pages_resource.html", view=view), status)
    )
    response.headers["Vary"] = "Accept"
    return response


def describe(iri: str) -> str:
    """A CONSTRUCT of the resource: its triples, its own sub-resources, and links to it."""
    return f"""CONSTRUCT {{ <{iri}> ?p ?o . ?o ?p2 ?o2 . ?s ?q <{iri}> }} WHERE {{
      {{ <{iri}> ?p ?o
         OPTIONAL {{ ?o ?p2 ?o2
           FILTER(isBlank(?o) || STRSTARTS(STR(?o), CONCAT(STR(<{iri}>), "/"))) }} }}
      UNION
      {{ ?s ?q <{iri}> FILTER(?q NOT IN (itsrdf:taIdentRef, nif:referenceContext)) }}
    }}"""


def _rdf_response(iri: str, mimetype: str) -> Response:
    from rdflib import Graph

    body, _ = current_app.extensions["newskg"].query(SPARQL_PROLOGUE + describe(iri), TURTLE)
    graph = Graph()
    for name, namespace in PREFIXES.items():
        graph.bind(name, namespace, replace=True)
    graph.parse(data=body, format="turtle")
    if not len(graph):
        return Response(f"Nothing is known about <{iri}>.\n", 404, mimetype="text/plain")
    if mimetype == JSON_LD:
        context = {name: namespace for name, namespace in PREFIXES.items()}
        text = graph.serialize(format="json-ld", context=context, indent=2)
    else:
        text = graph.serialize(format="turtle")
    response = Response(text, mimetype=mimetype)
    response.headers["Vary"] = "Accept"
    return response


def _grouped(rows: Iterable[Binding], key: str) -> list[dict[str, list[dict[str, str]]]]:
    """Rows merged by ``key``: each variable's distinct values, in order of first sight."""
    groups: dict[str, dict[str, list[dict[str, str]]]] = {}
    for row in rows:
        group = groups.setdefault(row[key]["value"], {})
        for var, term in row.items():
            values = group.setdefault(var, [])
            if term not in values:
                values.append(term)
    return list(groups.values())


@dataclass
class ResourceView:
    """Everything the entity page shows about one IRI."""

    iri: str
    properties: list[Binding] = field(default_factory=list)
    incoming: list[Binding] = field(default_factory=list)
    mention_count: int = 0
    articles: list[Binding] = field(default_factory=list)
    claims: list[dict[str, list[dict[str, str]]]] = field(default_factory=list)
    events: list[dict[str, list[dict[str, str]]]] = field(default_factory=list)
    points: list[Binding] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)

    @property
    def exists(self) -> bool:
        return bool(self.properties or self.incoming or self.mention_count)

    def values(self, predicate: str) -> list[dict[str, str]]:
        """The objects of one outgoing predicate (a prefixed name)."""
        prefix, _, local = predicate.partition(":")
        wanted = PREFIXES[prefix] + local
        return [row["o"] for row in self.properties if row["p"]["value"] == wanted]

    @property
    def title(self) -> str:
        for predicate in ("skos:prefLabel", "schema:headline", "rdfs:label", "nif:anchorOf"):
            found = self.values(predicate)
            if found:
                english = [v for v in found if v.get("xml:lang", "").startswith("en")]
                return (english or found)[0]["value"]
        return short_name(self.iri)

    @property
    def long_text(self) -> list[dict[str, str]]:
        return self.values("nif:isString")

    @property
    def other_properties(self) -> list[Binding]:
        """Outgoing triples not already shown in the header."""
        shown = {PREFIXES["skos"] + "prefLabel", PREFIXES["skos"] + "altLabel"}
        shown |= {
            PREFIXES["rdf"] + "type",
            PREFIXES["owl"] + "sameAs",
            PREFIXES["nif"] + "isString",
        }
        shown |= {PREFIXES["nkg"] + "mentionedIn"}
        return [row for row in self.properties if row["p"]["value"] not in shown]

    def label(self, iri: str) -> str:
        return self.labels.get(iri) or short_name(iri)

    @classmethod
    def load(cls, iri: str) -> ResourceView:
        node = f"<{iri}>"
        view = cls(iri=iri)
        view.properties = select(f"SELECT ?p ?o WHERE {{ {node} ?p ?o }} ORDER BY ?p ?o LIMIT 1000")
        view.incoming = select(
            f"""SELECT ?s ?p WHERE {{ ?s ?p {node}
              FILTER(?p NOT IN (itsrdf:taIdentRef, nif:referenceContext, nkg:reportedIn,
                                nkg:of, sem:hasActor, sem:hasPlace, prov:wasAttributedTo))
            }} ORDER BY ?p ?s LIMIT 500"""
        )
        counted = select(f"SELECT (COUNT(*) AS ?n) WHERE {{ ?m itsrdf:taIdentRef {node} }}")
        view.mention_count = int(counted[0]["n"]["value"]) if counted else 0
        view.articles = select(
            f"""SELECT ?a (SAMPLE(?h) AS ?headline) (SAMPLE(?d) AS ?date) WHERE {{
              {node} nkg:mentionedIn ?a
              OPTIONAL {{ ?a schema:headline ?h }} OPTIONAL {{ ?a schema:datePublished ?d }}
            }} GROUP BY ?a ORDER BY ?date ?a"""
        )
        view.claims = _grouped(
            select(
                f"""SELECT ?c ?role ?count ?qualifier ?thing ?outcome ?of ?claimant ?quote
                       ?a ?headline WHERE {{
                  {{ ?c nkg:of {node} BIND("whose" AS ?role) }}
                  UNION {{ ?c prov:wasAttributedTo {node} BIND("claimant" AS ?role) }}
                  UNION {{ ?c nkg:reportedIn {node} BIND("reported here" AS ?role) }}
                  UNION {{ ?c nkg:event {node} BIND("about this event" AS ?role) }}
                  ?c a nkg:CountClaim .
                  OPTIONAL {{ ?c nkg:count ?count }} OPTIONAL {{ ?c nkg:qualifier ?qualifier }}
                  OPTIONAL {{ ?c nkg:countedThing ?thing }} OPTIONAL {{ ?c nkg:outcome ?outcome }}
                  OPTIONAL {{ ?c nkg:of ?of }} OPTIONAL {{ ?c prov:wasAttributedTo ?claimant }}
                  OPTIONAL {{ ?c nkg:evidence/nif:anchorOf ?quote }}
                  OPTIONAL {{ ?c nkg:reportedIn ?a OPTIONAL {{ ?a schema:headline ?headline }} }}
                }} ORDER BY ?a ?c LIMIT 2000"""
            ),
            "c",
        )
        view.events = _grouped(
            select(
                f"""SELECT ?e ?role ?type ?date ?actor ?place ?claimant ?quote ?a ?headline WHERE {{
                  {{ ?e sem:hasActor {node} BIND("actor" AS ?role) }}
                  UNION {{ ?e sem:hasPlace {node} BIND("place" AS ?role) }}
                  UNION {{ ?e prov:wasAttributedTo {node} BIND("claimant" AS ?role) }}
                  UNION {{ ?e nkg:reportedIn {node} BIND("reported here" AS ?role) }}
                  ?e a sem:Event .
                  OPTIONAL {{ ?e a ?type FILTER(?type != sem:Event) }}
                  OPTIONAL {{ ?e sem:hasActor ?actor }}
                  # A day is sem:hasTimeStamp; a month or a year is SEM's bounds (2016-03, 2015).
                  OPTIONAL {{ ?e sem:hasTimeStamp ?day }}
                  OPTIONAL {{ ?e sem:hasEarliestBeginTimeStamp ?begin ; nkg:datePrecision ?prec }}
                  BIND(IF(?prec = "year", STRDT(SUBSTR(STR(?begin), 1, 4), xsd:gYear),
                          STRDT(SUBSTR(STR(?begin), 1, 7), xsd:gYearMonth)) AS ?bounded)
                  BIND(COALESCE(?day, ?bounded) AS ?date)
                  OPTIONAL {{ ?e sem:hasPlace ?place }}
                  OPTIONAL {{ ?e prov:wasAttributedTo ?claimant }}
                  OPTIONAL {{ ?e nkg:evidence/nif:anchorOf ?quote }}
                  OPTIONAL {{ ?e nkg:reportedIn ?a OPTIONAL {{ ?a schema:headline ?headline }} }}
                }} ORDER BY ?date ?e LIMIT 2000"""
            ),
            "e",
        )
        view.points = select(
            f"SELECT ?wkt WHERE {{ {node} geo:hasGeometry/geo:asWKT ?wkt }} LIMIT 10"
        )
        view.labels = _labels(view._mentioned_iris())
        return view

    def _mentioned_iris(self) -> set[str]:
        terms: list[dict[str, str]] = [row["o"] for row in self.properties]
        terms += [row["s"] for row in self.incoming]
        for group in self.claims + self.events:
            for values in group.values():
                terms += values
        return {term["value"] for term in terms if term["type"] == "uri"}


def _labels(iris: set[str]) -> dict[str, str]:
    """A display label (prefLabel, else headline) for each IRI that has one."""
    if not iris:
        return {}
    values = " ".join(f"<{iri}>" for iri in sorted(iris) if not _IRI_FORBIDDEN.search(iri))
    rows = select(
        f"""SELECT ?x (SAMPLE(?l) AS ?label) WHERE {{
          VALUES ?x {{ {values} }}
          {{ ?x skos:prefLabel ?l }} UNION {{ ?x schema:headline ?l }}
        }} GROUP BY ?x"""
    )
    return {row["x"]["value"]: row["label"]["value"] for row in rows if "label" in row}
