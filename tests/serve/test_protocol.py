"""Unit tests of the pure protocol functions: negotiation, request parsing, scanning."""

from __future__ import annotations

import pytest

from kg.serve import protocol as p

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"


@pytest.mark.parametrize(
    ("accept", "offers", "expected"),
    [
        (None, p.RESULT_FORMATS, p.SPARQL_JSON),
        ("", p.RESULT_FORMATS, p.SPARQL_JSON),
        ("*/*", p.RESULT_FORMATS, p.SPARQL_JSON),
        ("application/sparql-results+xml", p.RESULT_FORMATS, p.SPARQL_XML),
        ("text/csv;q=0.5, text/tab-separated-values", p.RESULT_FORMATS, p.SPARQL_TSV),
        ("text/*;q=0.9, application/sparql-results+json;q=0.1", p.RESULT_FORMATS, p.SPARQL_CSV),
        ("application/json", p.RESULT_FORMATS, p.SPARQL_JSON),
        ("application/sparql-results+json;q=0, */*", p.RESULT_FORMATS, p.SPARQL_XML),
        ("image/png", p.RESULT_FORMATS, None),
        ("text/turtle;q=0, */*", p.GRAPH_FORMATS, p.N_TRIPLES),
        ("text/turtle;q=0", p.GRAPH_FORMATS, None),
        (BROWSER, p.RESULT_FORMATS, p.SPARQL_JSON),
        (BROWSER, p.GRAPH_FORMATS, p.TURTLE),
        ("application/ld+json", p.GRAPH_FORMATS, p.JSON_LD),
        ("application/rdf+xml, text/turtle;q=0.5", p.GRAPH_FORMATS, p.RDF_XML),
        ("application/n-quads", p.GRAPH_FORMATS, p.N_QUADS),
        ("application/trig", p.GRAPH_FORMATS, p.TRIG),
        ("application/sparql-results+json", p.GRAPH_FORMATS, None),
        ("text/html", p.RESULT_FORMATS, p.SPARQL_JSON),
    ],
)
def test_negotiate(accept: str | None, offers: tuple[p.Format, ...], expected: p.Format) -> None:
    assert p.negotiate(accept, offers) == expected


def test_parse_accept_reads_q_values_and_wildcards() -> None:
    ranges = p.parse_accept("text/*;q=0.3, */*;q=0.1, application/json")
    assert [(r.type, r.subtype, r.q) for r in ranges] == [
        ("text", "*", 0.3),
        ("*", "*", 0.1),
        ("application", "json", 1.0),
    ]


FORM = "application/x-www-form-urlencoded"


@pytest.mark.parametrize(
    ("method", "params", "ctype", "body", "expected"),
    [
        ("GET", [("query", "ASK {}")], None, b"", p.Operation("query", "ASK {}")),
        ("GET", [], None, b"", p.Operation("description")),
        (
            "GET",
            [
                ("query", "ASK {}"),
                ("default-graph-uri", "http://a"),
                ("named-graph-uri", "http://b"),
            ],
            None,
            b"",
            p.Operation("query", "ASK {}", ("http://a",), ("http://b",)),
        ),
        ("POST", [], FORM, b"query=ASK%20%7B%7D", p.Operation("query", "ASK {}")),
        ("POST", [], FORM, b"update=CLEAR+ALL", p.Operation("update", "CLEAR ALL")),
        ("POST", [], "application/sparql-query", b"ASK {}", p.Operation("query", "ASK {}")),
        (
            "POST",
            [("using-graph-uri", "http://g")],
            "application/sparql-update; charset=utf-8",
            b"CLEAR ALL",
            p.Operation("update", "CLEAR ALL", ("http://g",)),
        ),
    ],
)
def test_parse_request(method, params, ctype, body, expected) -> None:  # type: ignore[no-untyped-def]
    assert p.parse_sparql_request(method, params, ctype, body) == expected


@pytest.mark.parametrize(
    ("method", "params", "ctype", "body", "status"),
    [
        ("GET", [("query", "ASK {}"), ("query", "SELECT * {}")], None, b"", 400),
        ("GET", [("update", "CLEAR ALL")], None, b"", 400),
        ("POST", [], FORM, b"query=ASK+%7B%7D&update=CLEAR+ALL", 400),
        ("POST", [], FORM, b"update=CLEAR+ALL&update=CLEAR+ALL", 400),
        ("POST", [], "text/plain", b"ASK {}", 415),
        ("POST", [], None, b"ASK {}", 400),
        ("POST", [], "application/sparql-query; charset=UTF-16", "ASK {}".encode("utf-16"), 415),
        ("POST", [], "application/sparql-query", b"\xff\xfe", 400),
        ("POST", [("query", "ASK {}")], "application/sparql-query", b"ASK {}", 400),
        ("PUT", [("query", "ASK {}")], FORM, b"", 405),
        ("POST", [], FORM, b"", 400),
    ],
)
def test_malformed_requests(method, params, ctype, body, status) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(p.ProtocolError) as caught:
        p.parse_sparql_request(method, params, ctype, body)
    assert caught.value.status == status


ALLOW = ("http://127.0.0.1:9999/sparql",)


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * { SERVICE <http://evil.example/sparql> { ?s ?p ?o } }",
        "select * { service silent <http://evil.example/sparql> { ?s ?p ?o } }",
        "PREFIX e: <http://evil.example/> SELECT * { SERVICE e:sparql { ?s ?p ?o } }",
        "SELECT * { SERVICE ?endpoint { ?s ?p ?o } }",
        "SELECT * { # comment\n SERVICE\n<http://127.0.0.1:9999/sparql2> { ?s ?p ?o } }",
        "LOAD <file:///etc/passwd>",
        "LOAD SILENT <http://evil.example/data.ttl> INTO GRAPH <http://g>",
    ],
)
def test_remote_access_refused(query: str) -> None:
    with pytest.raises(p.ProtocolError) as caught:
        p.check_remote_access(query, ALLOW, update=query.startswith("LOAD"))
    assert caught.value.status == 400
    assert "service_allowlist" in caught.value.message


@pytest.mark.parametrize(
    "query",
    [
        'SELECT * { ?s ?p "SERVICE <http://evil.example/> {" }',
        "SELECT * { ?s <http://x/SERVICE> ?o } # SERVICE <http://evil/>",
        "PREFIX ex: <http://x/> SELECT ?service { ?service ex:service ?o }",
        "SELECT * { SERVICE <http://127.0.0.1:9999/sparql> { ?s ?p ?o } }",
        "SELECT * { FILTER(?a < 3 && ?b > 2) }",
    ],
)
def test_remote_access_allowed(query: str) -> None:
    p.check_remote_access(query, ALLOW)


def test_apply_using_inserts_clauses_before_where() -> None:
    update = "CLEAR ALL ; INSERT { GRAPH <http://o> { ?s a <http://T> } } WHERE { ?s ?p ?o }"
    rewritten = p.apply_using(update, ["http://g1"], ["http://g2"])
    assert "USING <http://g1> USING NAMED <http://g2> WHERE" in rewritten
    assert p.apply_using(update, [], []) == update


def test_apply_using_conflicts_with_with() -> None:
    update = "WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }"
    with pytest.raises(p.ProtocolError):
        p.apply_using(update, [], ["http://n"])


def test_bearer() -> None:
    p.check_bearer("secret", "Bearer secret")
    for configured, header, status in [
        (None, "Bearer secret", 403),
        ("secret", None, 401),
        ("secret", "Bearer wrong", 401),
        ("secret", "Basic c2VjcmV0", 401),
    ]:
        with pytest.raises(p.ProtocolError) as caught:
            p.check_bearer(configured, header)
        assert caught.value.status == status


@pytest.mark.parametrize(
    ("value", "offers", "expected"),
    [
        ("csv", p.RESULT_FORMATS, p.SPARQL_CSV),
        ("TSV", p.RESULT_FORMATS, p.SPARQL_TSV),
        ("json", p.RESULT_FORMATS, p.SPARQL_JSON),
        ("json", p.GRAPH_FORMATS, p.JSON_LD),  # the JSON flavour of a graph result
        ("xml", p.RESULT_FORMATS, p.SPARQL_XML),
        ("xml", p.GRAPH_FORMATS, p.RDF_XML),
        ("turtle", p.GRAPH_FORMATS, p.TURTLE),
        ("ntriples", p.GRAPH_FORMATS, p.N_TRIPLES),
        ("nquads", p.GRAPH_FORMATS, p.N_QUADS),
        ("trig", p.GRAPH_FORMATS, p.TRIG),
        ("jsonld", p.GRAPH_FORMATS, p.JSON_LD),
        ("rdfxml", p.GRAPH_FORMATS, p.RDF_XML),
        ("text/csv", p.RESULT_FORMATS, p.SPARQL_CSV),  # a media type works too
        ("csv", p.GRAPH_FORMATS, None),  # no CSV of triples: 406
    ],
)
def test_format_parameter_stands_for_an_accept(
    value: str, offers: tuple[p.Format, ...], expected: p.Format | None
) -> None:
    assert p.negotiate(p.format_override([value]), offers) == expected


def test_format_parameter_errors() -> None:
    assert p.format_override([]) is None
    for values in (["bogus"], ["csv", "json"], ["text/csv<script>"]):
        with pytest.raises(p.ProtocolError) as caught:
            p.format_override(values)
        assert caught.value.status == 400


def test_format_parameter_read_from_url_and_form() -> None:
    get = p.parse_sparql_request("GET", [("query", "ASK {}"), ("format", "csv")], None, b"")
    assert get.accept == "text/csv"
    form = p.parse_sparql_request(
        "POST", [], "application/x-www-form-urlencoded", b"query=ASK+%7B%7D&format=tsv"
    )
    assert form.accept == "text/tab-separated-values"
    description = p.parse_sparql_request("GET", [("format", "turtle")], None, b"")
    assert (description.kind, description.accept) == ("description", "text/turtle")
    assert p.parse_sparql_request("GET", [("query", "ASK {}")], None, b"").accept is None
