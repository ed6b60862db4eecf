"""The pages for people: query page, bundled assets, entity pages, name lookup, escaping.

The real app (``create_app``) over a real in-memory Oxigraph store, run in-process by
``LocalExecutor``, loaded with a hand-built graph in the contract's shape
(tests/browser/sample.trig).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pyoxigraph as ox
import pytest
from flask.testing import FlaskClient
from rdflib import Graph, URIRef

from kg.config import Settings
from kg.questions import load_questions
from kg.serve import create_app
from kg.serve.executor import LocalExecutor
from kg.serve.pages import sparql_string

SAMPLE = Path(__file__).resolve().parents[1] / "browser" / "sample.trig"
STATIC = Path(__file__).resolve().parents[2] / "kg" / "serve" / "static"
BASE = "https://w3id.org/newskg/id/"
ISIS = BASE + "entity/islamic-state"


FIGHTERS_QUERY = """# title: Which sources report fighter counts?
# description: Numbers of fighters, who says so, and in which words.
PREFIX nkg: <https://w3id.org/newskg/ontology#>
SELECT ?claim ?count WHERE { ?claim nkg:countedThing nkg:Fighters ; nkg:count ?count }
"""


@pytest.fixture
def queries_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "queries"
    folder.mkdir()
    (folder / "fighter-counts.rq").write_text(FIGHTERS_QUERY, encoding="utf-8")
    (folder / "no-title.rq").write_text("SELECT * WHERE { ?s ?p ?o } LIMIT 1\n", encoding="utf-8")
    (folder / "bad-<b>.rq").write_text("# title: A <b>bold</b> title\nASK {}\n", encoding="utf-8")
    return folder


@pytest.fixture
def client(queries_dir: Path) -> FlaskClient:
    store = ox.Store()
    store.load(path=str(SAMPLE), format=ox.RdfFormat.TRIG)
    app = create_app(Settings.from_env(environ={}), LocalExecutor(store, writable=False))
    app.config.update(NEWSKG_QUERIES_DIR=str(queries_dir), TESTING=True)
    return app.test_client()


def test_examples_read_title_and_description(queries_dir: Path) -> None:
    examples = {example.id: example for example in load_questions(queries_dir)}
    assert examples["fighter-counts"].title == "Which sources report fighter counts?"
    assert examples["fighter-counts"].description.startswith("Numbers of fighters")
    assert examples["no-title"].title == "no title"
    assert examples["fighter-counts"].query == FIGHTERS_QUERY


def test_examples_of_a_missing_folder_are_empty(tmp_path: Path) -> None:
    assert load_questions(tmp_path / "absent") == []


def test_sparql_string_escapes_quotes_and_backslashes() -> None:
    assert sparql_string('a "b" \\ c\n') == '"a \\"b\\" \\\\ c\\n"'


def test_index_has_editor_and_examples(client: FlaskClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'id="query"' in html and "codemirror.js" in html
    assert 'data-example="fighter-counts"' in html
    assert "Which sources report fighter counts?" in html
    assert "A &lt;b&gt;bold&lt;/b&gt; title" in html
    config = json.loads(re.search(r'id="newskg-config">(.*?)</script>', html, re.S).group(1))
    assert config["base"] == BASE
    assert {e["id"] for e in config["examples"]} == {"fighter-counts", "no-title", "bad-<b>"}
    assert "<b>" not in re.search(r'id="newskg-config">(.*?)</script>', html, re.S).group(1)
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]


def _asset_urls(html: str) -> list[str]:
    return re.findall(r'<(?:script|link|img)\b[^>]*?\b(?:src|href)="([^"]+)"', html)


def test_every_asset_is_served_from_the_package(client: FlaskClient) -> None:
    html = client.get("/").get_data(as_text=True)
    urls = _asset_urls(html)
    assert len(urls) >= 7
    for url in urls:
        assert not urlsplit(url).netloc, url
        response = client.get(url)
        assert response.status_code == 200, url
        if url.endswith(".css"):
            for ref in re.findall(r"url\(\s*['\"]?([^'\")]+)", response.get_data(as_text=True)):
                if ref.startswith(("data:", "#")):
                    continue
                assert not urlsplit(ref).netloc, (url, ref)
                target = url.rsplit("/", 1)[0] + "/" + ref
                assert client.get(target).status_code == 200, target


# Absolute URLs that may appear in shipped code because nothing is fetched from them:
# XML namespaces, and Leaflet's attribution prefix link (the page turns the prefix off).
NOT_FETCHED = ("http://www.w3.org/", "https://leafletjs.com")


def _without_comments(code: str) -> str:
    code = re.sub(r"/\*.*?\*/", " ", code, flags=re.S)
    return re.sub(r"(^|[\s;{}(,])//[^\n]*", r"\1", code)


def test_shipped_code_names_no_other_host() -> None:
    shipped = [p for p in STATIC.rglob("*") if p.suffix in {".js", ".mjs", ".css", ".svg", ".html"}]
    assert shipped
    for path in shipped:
        code = _without_comments(path.read_text(encoding="utf-8"))
        for url in re.findall(r"https?://[^\s\"'`)<>]+", code):
            assert url.startswith(NOT_FETCHED), f"{path.relative_to(STATIC)}: {url}"


def test_index_loads_fonts_from_nowhere(client: FlaskClient) -> None:
    css = client.get("/assets/pages.css").get_data(as_text=True)
    assert "@font-face" not in css and "@import" not in css


def test_entity_page_html(client: FlaskClient) -> None:
    response = client.get("/id/entity/islamic-state", headers={"Accept": "text/html"})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<h1>Islamic State</h1>" in html
    for alias in ("ISIS", "Daesh", "ISIL"):
        assert f'<span class="alias">{alias}</span>' in html
    assert "https://www.wikidata.org/wiki/Q2429253" in html
    assert "Islamic State Forces Retake Historic City of Palmyra" in html
    assert 'href="/id/article/000_sample"' in html
    # the claim about its fighters: count, qualifier, claimant and the quoted words
    assert "<strong>4000</strong>" in html and ">more than<" in html and ">fighters<" in html
    assert ">Russian Defence Ministry</a>" in html
    assert "more than 4,000 ISIS fighters" in html
    # the event it takes part in
    assert ">capture<" in html and "2016-12-11" in html
    assert "Named in 1 span" in html


def test_an_event_dated_by_its_month_shows_the_month(queries_dir: Path) -> None:
    """ "ISIS first took Palmyra in May 2015": SEM's bounds, shown as the month, not blank."""
    store = ox.Store()
    store.load(path=str(SAMPLE), format=ox.RdfFormat.TRIG)
    store.update(
        """PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
        PREFIX nkg: <https://w3id.org/newskg/ontology#>
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        INSERT DATA { GRAPH <https://w3id.org/newskg/id/article/000_sample> {
          <https://w3id.org/newskg/id/event/000_sample/1> a sem:Event , nkg:Capture ;
            sem:hasActor <https://w3id.org/newskg/id/entity/islamic-state> ;
            sem:hasEarliestBeginTimeStamp "2015-05-01"^^xsd:date ;
            sem:hasLatestEndTimeStamp "2015-05-31"^^xsd:date ;
            nkg:datePrecision "month" ;
            nkg:reportedIn <https://w3id.org/newskg/id/article/000_sample> } }"""
    )
    app = create_app(Settings.from_env(environ={}), LocalExecutor(store, writable=False))
    app.config.update(NEWSKG_QUERIES_DIR=str(queries_dir), TESTING=True)
    html = app.test_client().get("/id/entity/islamic-state").get_data(as_text=True)
    assert "2015-05" in html and "2015-05-01" not in html
    assert "2016-12-11" in html


def test_place_page_has_its_point_and_a_local_map(client: FlaskClient) -> None:
    html = client.get("/id/entity/palmyra").get_data(as_text=True)
    assert "POINT(38.2684 34.5604)" in html
    assert 'id="entity-map"' in html and "entity.js" in html
    assert ">Homs Governorate</a>" in html


def test_article_page_shows_text_and_claims(client: FlaskClient) -> None:
    html = client.get("/id/article/000_sample").get_data(as_text=True)
    assert "<h1>Islamic State Forces Retake Historic City of Palmyra</h1>" in html
    assert "Fighters came from Mosul." in html
    assert "reported here" in html


def test_entity_as_turtle(client: FlaskClient) -> None:
    response = client.get("/id/entity/islamic-state", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    assert response.mimetype == "text/turtle"
    graph = Graph().parse(data=response.get_data(as_text=True), format="turtle")
    labels = {str(o) for o in graph.objects(URIRef(ISIS), URIRef(SKOS_ALT))}
    assert labels == {"ISIS", "Daesh", "ISIL"}
    # links to it come along: the claim whose fighters they are
    assert (URIRef(BASE + "claim/000_sample/0"), URIRef(NKG + "of"), URIRef(ISIS)) in graph


SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
NKG = "https://w3id.org/newskg/ontology#"


def test_entity_as_json_ld(client: FlaskClient) -> None:
    response = client.get("/id/entity/palmyra", headers={"Accept": "application/ld+json"})
    assert response.status_code == 200
    assert response.mimetype == "application/ld+json"
    graph = Graph().parse(data=response.get_data(as_text=True), format="json-ld")
    geometry = URIRef(BASE + "entity/palmyra/geometry")
    wkt = URIRef("http://www.opengis.net/ont/geosparql#asWKT")
    assert str(graph.value(geometry, wkt)) == "POINT(38.2684 34.5604)"


def test_format_parameter_overrides_accept(client: FlaskClient) -> None:
    response = client.get("/id/entity/palmyra?format=ttl", headers={"Accept": "text/html"})
    assert response.mimetype == "text/turtle"


def test_unknown_resource_is_404(client: FlaskClient) -> None:
    assert client.get("/id/entity/nowhere").status_code == 404
    assert client.get("/id/entity/nowhere", headers={"Accept": "text/turtle"}).status_code == 404


@pytest.mark.parametrize(
    "path", ["/id?name=Daesh", "/entity?name=daesh", "/entity?name=ISLAMIC%20STATE"]
)
def test_lookup_by_name_redirects(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 303
    assert response.headers["Location"].endswith("/id/entity/islamic-state")


def test_lookup_of_an_unknown_name_is_404(client: FlaskClient) -> None:
    response = client.get('/entity?name=Nobody"}')
    assert response.status_code == 404
    assert "No entity named" in response.get_data(as_text=True)


def test_labels_from_news_text_are_escaped(client: FlaskClient) -> None:
    html = client.get("/id/entity/script").get_data(as_text=True)
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    article = client.get("/id/article/000_sample").get_data(as_text=True)
    assert "<script>alert" not in article
    lookup = client.get("/entity?name=%3Cscript%3Ealert('x')%3C/script%3E")
    assert lookup.status_code == 303


def test_evidence_span_has_a_page_titled_by_its_words(client: FlaskClient) -> None:
    response = client.get("/id/article/000_sample%23char%3D34%2C63")
    assert response.status_code == 200
    assert "<h1>more than 4,000 ISIS fighters</h1>" in response.get_data(as_text=True)


def test_only_web_iris_become_links(client: FlaskClient) -> None:
    """A stored ``javascript:`` (or ``data:``) IRI object is shown as text, never as a link;
    an https IRI beside it stays a link."""
    store = client.application.extensions["newskg"].executor.store
    see_also = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#seeAlso")
    graph = ox.NamedNode(BASE + "article/000_sample")
    for target in (
        "javascript:alert(1)",
        "JaVaScRiPt:alert(2)",
        "data:text/html,x",
        "https://example.org/isis",
    ):
        store.add(ox.Quad(ox.NamedNode(ISIS), see_also, ox.NamedNode(target), graph))
    html = client.get("/id/entity/islamic-state", headers={"Accept": "text/html"}).get_data(
        as_text=True
    )
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert "https://example.org/isis" in hrefs
    assert not [h for h in hrefs if h.lower().startswith(("javascript:", "data:"))]
    for shown in ("javascript:alert(1)", "JaVaScRiPt:alert(2)", "data:text/html,x"):
        assert f'<span class="iri" title="{shown}">' in html
