"""The SERVICE/LOAD check (kg.serve.policy, kg.serve.remote): the canonical text, the
parse, the allowlist after normalisation, internal addresses in every spelling, and a
fuzz test through the real app with a real listener on 127.0.0.1 that records hits."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pyoxigraph as ox
import pytest
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.config import Settings
from kg.serve import create_app, policy, remote
from kg.serve.executor import LocalExecutor
from tests.serve.recorder import ROW, Recorder

ALLOW = ("http://127.0.0.1:9999/sparql",)
TOKEN = "s3cret"


def refused(text: str, *, update: bool = False, allowlist: tuple[str, ...] = ALLOW) -> str:
    with pytest.raises(policy.Refused) as caught:
        policy.vet(text, allowlist, update=update)
    return str(caught.value)


# --- the canonical text is what Oxigraph reads ----------------------------------------------


def test_the_issue_query_is_read_as_oxigraph_reads_it() -> None:
    """``<urn:x\\u0041'>`` is one IRI: its ``'`` opens no string, so the SERVICE after it is
    seen (the old tokenizer took it for the start of a string)."""
    lexed = policy.lex(
        "SELECT * WHERE { BIND(<urn:x\\u0041'> AS ?q) SERVICE <http://127.0.0.1:1/x> "
        "{ ?x ?p ?o } BIND('' AS ?z) }"
    )
    assert "<urn:xA\\u0027>" in lexed.text and "<urn:xA'>" in lexed.for_parser
    assert "SERVICE" in lexed.code and 'BIND("" AS ?z)' in lexed.text


STORE_TRIPLES = [
    ("urn:xA'", "urn:p", 'a"b'),
    ("urn:s#1", "urn:p", "x\ny"),
    ("urn:s", "urn:p", "\\u0041"),
]


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?s WHERE { ?s ?p ?o FILTER(?s = <urn:x\\u0041'>) }",
        "SELECT ?s WHERE { ?s ?p 'a\\u0022b' }",
        'SELECT ?s WHERE { ?s ?p """x\ny""" } # a comment with \' and " and <',
        "SELECT ?s WHERE { ?s ?p '''x\\ny''' . FILTER(?s = <urn:s\\u00231>) }",
        "SELECT ?s WHERE { ?s ?p '\\\\u0041' }",  # an escaped backslash, then u0041
        "SELECT ?s WHERE {\r?s ?p ?o # comment ends at CR\r FILTER(?s = <urn:s\\U00000023\\u0031>) }",
        'PREFIX e: <urn:> SELECT ?s WHERE { ?s e:p "a\\"b" }',
    ],
)
def test_canonical_text_means_what_the_original_means(query: str) -> None:
    """Oxigraph answers the canonical text exactly as it answers the original."""
    store = ox.Store()
    for s, p, o in STORE_TRIPLES:
        store.add(ox.Quad(ox.NamedNode(s), ox.NamedNode(p), ox.Literal(o)))
    canonical = policy.vet(query, ())
    original = sorted(str(row["s"]) for row in store.query(query))
    assert original, "the query should match a stored triple"
    assert sorted(str(row["s"]) for row in store.query(canonical)) == original
    assert policy.lex(canonical).text == canonical  # checking twice changes nothing


TRICKY = st.sampled_from(
    [
        "'",
        '"',
        "'''",
        '"""',
        "<",
        ">",
        "#",
        "\\",
        "\\u0022",
        "\\u0027",
        "\\u0023",
        "\\u003E",
        "\\U00000041",
        "\r",
        "\n",
        " ",
        "(",
        ")",
        "{",
        "}",
        "[",
        "]",
        "a",
        "SERVICE",
        "ex:",
        ".",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(TRICKY, max_size=12).map("".join))
def test_the_canonical_text_reads_back_as_itself(text: str) -> None:
    """Whatever the lexer makes of a text, reading its canonical text again gives the same
    text, code and depth: what the checks looked at is what the canonical text holds."""
    try:
        first = policy.lex(text)
    except policy.Refused:
        return
    again = policy.lex(first.text)
    assert (again.text, again.code, again.depth) == (first.text, first.code, first.depth)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("SELECT * { ?s ?p 'open }", "Unterminated string"),
        ("SELECT * { \\u003Fs ?p ?o }", "only allowed inside IRIs and strings"),
        ("SELECT * { ?s ?p '\\q' }", "Unknown escape"),
        ("SELECT * { ?s ?p '\\uD800' }", "is not a character"),
        ("SELECT * { ?s ?p <urn:a\\u003E> }", "which an IRI cannot hold"),
    ],
)
def test_unreadable_text_is_refused(text: str, message: str) -> None:
    assert message in refused(text)


# --- SERVICE and LOAD from the parse ------------------------------------------------------------

EVIL = "http://127.0.0.1:1/x"


@pytest.mark.parametrize(
    ("text", "update"),
    [
        # the issue's reproducer and its LOAD twin
        (
            f"SELECT * WHERE {{ BIND(<urn:x\\u0041'> AS ?q) SERVICE <{EVIL}> {{ ?x ?p ?o }} BIND('' AS ?z) }}",
            False,
        ),
        (
            f"INSERT DATA {{ <urn:x\\u0041'> <urn:p> '' }} ; LOAD <{EVIL}> ; INSERT DATA {{ <urn:a> <urn:b> '' }}",
            True,
        ),
        # rdflib alone would decode \u0022 first and read a """ string over the SERVICE
        (
            f'SELECT * {{ BIND("\\u0022" AS ?a) SERVICE <{EVIL}> {{ ?x ?p ?o }} BIND("\\u0022" AS ?b) }}',
            False,
        ),
        # Oxigraph ends a comment at CR, rdflib's grammar only at LF
        (f"SELECT * {{ ?s ?p ?o # c\r SERVICE <{EVIL}> {{ ?x ?p ?o }}\n}}", False),
        # escapes in the endpoint IRI
        ("SELECT * { SERVICE <http\\u003A//127.0.0.\\u0031:1/x> { ?s ?p ?o } }", False),
        ("SELECT * { SERVICE <\\U00000068ttp://127.0.0.1:1/x> { ?s ?p ?o } }", False),
        # prefixed names, BASE, variables, SILENT, case, nesting
        ("PREFIX e: <http://127.0.0.1:1/> SELECT * { SERVICE SILENT e:x { ?s ?p ?o } }", False),
        ("BASE <http://127.0.0.1:9999/> SELECT * { SERVICE <sparql> { ?s ?p ?o } }", False),
        (
            "SELECT * { VALUES ?e { <http://127.0.0.1:9999/sparql> } SERVICE ?e { ?s ?p ?o } }",
            False,
        ),
        (
            f"select * {{ {{ select * {{ filter exists {{ optional {{ graph ?g {{ minus {{ {{}} union {{ service <{EVIL}> {{}} }} }} }} }} }} }} }} }}",
            False,
        ),
        (f"LOAD SILENT <{EVIL}> INTO GRAPH <urn:g>", True),
        ("LOAD <file:///etc/passwd>", True),
        (f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{EVIL}> {{ ?s ?p ?o }} }}", True),
    ],
)
def test_calls_outside_the_allowlist_are_refused(text: str, update: bool) -> None:
    message = refused(text, update=update)
    assert "service_allowlist" in message or "absolute http(s) IRI" in message


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * { SERVICE <http://127.0.0.1:9999/sparql> { ?s ?p ?o } }",
        "SELECT * { SERVICE <HTTP://127.0.0.1:9999/a/../sparql> { ?s ?p ?o } }",
        "SELECT * { SERVICE <http://127.0.0.1:9999/\\u0073parql> { ?s ?p ?o } }",
        "SELECT * { SERVICE <http://127.0.0.1:9999/%73parql#frag> { ?s ?p ?o } }",
        "PREFIX e: <http://127.0.0.1:9999/> SELECT * { SERVICE SILENT e:sparql { ?s ?p ?o } }",
        "SELECT * { ?s ?p 'SERVICE <http://evil.example/> {' } # SERVICE <http://evil/>",
        "PREFIX ex: <urn:x:> SELECT ?service { ?service ex:data.load ?o }",
    ],
)
def test_allowlisted_or_harmless_texts_pass(text: str) -> None:
    policy.vet(text, ALLOW)


def test_text_that_cannot_be_parsed_is_refused_when_it_mentions_service() -> None:
    message = refused("SELECT * { SERVICE <http://127.0.0.1:9999/sparql> { ?s ?p ?o }")
    assert "full SPARQL 1.1 parse" in message and "line 1" in message


def test_nesting_is_bounded_before_any_parse() -> None:
    deep = "SELECT * WHERE " + "{ " * 3000 + "?s ?p ?o" + " }" * 3000
    assert "3000 deep" in refused(deep)
    parens = "SELECT * WHERE { FILTER(" + "(" * 3000 + "1" + ")" * 3000 + ") }"
    assert "at most 128 levels" in refused(parens)
    # deep enough for rdflib's recursion limit but under the bound: still a clean refusal
    nested = "SELECT * WHERE { FILTER(" + "(" * 100 + "1" + ")" * 100 + ") SERVICE <urn:x> {} }"
    assert "nested too deeply" in refused(nested)
    policy.vet("SELECT * WHERE " + "{ " * 100 + "?s ?p ?o" + " }" * 100, ())


def test_operator_chains_are_bounded() -> None:
    """Oxigraph recurses along UNION and || chains too (a worker died at ~6,000 UNIONs)."""
    assert "operators" in refused("SELECT * WHERE { " + " UNION ".join(["{}"] * 7000) + " }")
    assert "operators" in refused("ASK { FILTER(" + "||".join(["true"] * 3000) + ") }")
    in_strings_and_comments = "ASK { ?s ?p '" + "!" * 5000 + "' } # " + "|" * 5000
    policy.vet(in_strings_and_comments, ())


def test_brackets_in_an_iri_count_towards_the_depth() -> None:
    """If Oxigraph read ``<`` as "less than", the ( in the "IRI" would nest."""
    chunk = "?a<((((1>2&&3"
    assert "levels" in refused("SELECT * { FILTER(" + chunk * 40 + ") }")


# --- endpoints: normalisation and internal addresses -----------------------------------------


@pytest.mark.parametrize(
    ("iri", "normal"),
    [
        ("HTTP://Example.ORG:80/a/./b/../c", "http://example.org/a/c"),
        ("https://example.org:443", "https://example.org/"),
        ("http://example.org/%7euser/%2e%2e/x%2fy", "http://example.org/x%2Fy"),
        ("http://[::1]:8080/s", "http://[::1]:8080/s"),
        ("http://127.0.0.%31/", "http://127.0.0.1/"),
    ],
)
def test_endpoints_are_normalised(iri: str, normal: str) -> None:
    assert str(remote.parse_endpoint(iri)) == normal


@pytest.mark.parametrize(
    "iri",
    [
        "http://user@127.0.0.1/",
        "ftp://example.org/",
        "http:x",
        "http://h:99999/",
        "http://exämple.org/",
    ],
)
def test_endpoints_that_cannot_be_called(iri: str) -> None:
    with pytest.raises(remote.EndpointError):
        remote.parse_endpoint(iri)


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "127.1",
        "2130706433",
        "0x7f.1",
        "017700000001",
        "0177.0.0.1",
        "localhost",
        "::1",
        "::ffff:127.0.0.1",
        "::127.0.0.1",
        "0.0.0.0",
        "169.254.169.254",
        "10.1.2.3",
        "192.168.0.1",
        "172.16.0.1",
        "100.64.0.1",
        "224.0.0.1",
        "fe80::1",
        "fc00::1",
        "2002:7f00:1::",
        "64:ff9b::7f00:1",
    ],
)
def test_internal_addresses_in_every_spelling(host: str) -> None:
    assert remote.internal_addresses(host, 80)


@pytest.mark.parametrize("host", ["8.8.8.8", "::ffff:8.8.8.8", "2001:4860:4860::8888"])
def test_public_addresses(host: str) -> None:
    assert remote.internal_addresses(host, 80) == []


@pytest.mark.parametrize(
    "target",
    [
        "http://localhost:9/x",
        "http://127.0.0.1:9/x",
        "http://[::ffff:127.0.0.1]:9/x",
        "http://2130706433:9/x",
        "http://0x7f.1:9/x",
    ],
)
def test_a_prefix_entry_never_reaches_an_internal_address(target: str) -> None:
    host_part = target.rsplit("/", 1)[0]
    allowlist = (host_part + "/",)  # the whole host allowed as a prefix
    reason = remote.check_endpoint(target, allowlist)
    assert reason is not None and "internal address" in reason
    assert remote.check_endpoint(target, (target,)) is None  # listed exactly: allowed


def test_spelling_an_allowlisted_endpoint_differently_does_not_widen_it() -> None:
    for other in (
        "http://127.1:9999/sparql",
        "http://[::ffff:127.0.0.1]:9999/sparql",
        "http://localhost:9999/sparql",
        "http://127.0.0.1:9999/sparql?x",
        "http://127.0.0.1:9999/sparql2",
    ):
        assert remote.check_endpoint(other, ALLOW) is not None


def test_keyword_words_skip_variables_and_prefixed_names() -> None:
    code = "SELECT ?service { ex:load ?p ex:a.service } SERVICE <x> {} .LOAD"
    assert policy.keyword_words(code) == {"SERVICE": 1, "LOAD": 1}


# --- fuzz: no call leaves the allowlist --------------------------------------------------------


@pytest.fixture(scope="module")
def recorder() -> Iterator[Recorder]:
    with Recorder() as running:
        yield running


@pytest.fixture(scope="module")
def app_client(recorder: Recorder) -> FlaskClient:
    settings = Settings(update_token=TOKEN, service_allowlist=(recorder.url("/allowed"),))
    return create_app(settings, LocalExecutor(ox.Store())).test_client()


def test_the_allowlisted_listener_is_called(recorder: Recorder, app_client: FlaskClient) -> None:
    """The control for the fuzz: an allowed SERVICE does reach the recorder."""
    recorder.hits.clear()
    query = f"SELECT ?x WHERE {{ SERVICE <{recorder.url('/allowed')}> {{ ?x ?p ?o }} }}"
    response = app_client.post("/sparql", data={"query": query})
    assert response.status_code == 200, response.data
    assert json.loads(response.data)["results"]["bindings"][0]["x"]["value"] == ROW
    assert recorder.hits == ["/allowed"]


FILLERS = [
    "BIND(<urn:x\\u0041'> AS ?{v})",
    "BIND('' AS ?{v})",
    'BIND("" AS ?{v})',
    'BIND("\\u0022" AS ?{v})',
    "BIND('\\u0027' AS ?{v})",
    'BIND("""a"b""" AS ?{v})',
    "BIND('''a'b''' AS ?{v})",
    "BIND('a\\\\' AS ?{v})",
    "BIND(<urn:a#b> AS ?{v})",
    "BIND(<urn:'> AS ?{v})",
    'BIND("#" AS ?{v})',
    "# comment \r",
    "# comment with ' \n",
    '# comment with """ \n',
    "# comment \\u000A\n",
    "'",
    '"',
    "'''",
    '"""',
    "<urn:",
    ">",
    "\\u0022",
    "\\u0027",
    "#",
    "\r",
    "\n",
]
KEYWORDS = [
    "SERVICE",
    "service",
    "SeRvIcE",
    "SERVICE SILENT",
    "SERVICE\r",
    "SERVICE#c\n",
    "SERVICE\\u0020",
]
WRAPPERS = [
    "{}",
    "{ { {} } }",
    "OPTIONAL {}",
    "FILTER EXISTS {}",
    "FILTER NOT EXISTS {}",
    "{} UNION {}",
    "{ ?a ?b ?c } UNION {}",
    "MINUS {}",
    "GRAPH ?g {}",
    "{ SELECT * WHERE {} }",
]


def _targets(port: int) -> list[tuple[str, str]]:
    """(prologue, endpoint term) pairs that all lead to the recorder, none allowlisted."""
    host = f"127.0.0.1:{port}"
    return [
        ("", f"<http://{host}/x>"),
        ("", f"<http://{host}/allowed/../x>"),
        ("", f"<http://{host}/allowedx>"),
        ("", f"<http://{host}/allowed?x>"),
        ("", f"<http\\u003A//{host}/x>"),
        ("", f"<\\u0068ttp://{host}/x>"),
        ("", f"<http://{host}/\\u0078>"),
        ("", f"<HTTP://{host}/x>"),
        ("", f"<http://localhost:{port}/x>"),
        ("", f"<http://127.1:{port}/x>"),
        ("", f"<http://2130706433:{port}/x>"),
        ("", f"<http://0x7f.1:{port}/x>"),
        ("", f"<http://[::ffff:127.0.0.1]:{port}/x>"),
        (f"PREFIX e: <http://{host}/> ", "e:x"),
        (f"PREFIX : <http://{host}/x> ", ":"),
        (f"BASE <http://{host}/> ", "<x>"),
        (f"PREFIX e: <http://{host}/allowed> ", "e:\\/..\\/x"),
        ("", "?endpoint"),
    ]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_fuzz_no_query_reaches_the_listener_unless_allowlisted(
    data: st.DataObject, recorder: Recorder, app_client: FlaskClient
) -> None:
    prologue, target = data.draw(st.sampled_from(_targets(recorder.port)))
    before = data.draw(st.lists(st.sampled_from(FILLERS), min_size=1, max_size=3))
    # the same trick on both sides closes what it opened (e.g. two "\u0022")
    after = data.draw(st.one_of(st.just(before), st.lists(st.sampled_from(FILLERS), max_size=3)))
    keyword = data.draw(st.sampled_from(KEYWORDS))
    wrapper = data.draw(st.sampled_from(WRAPPERS))
    before = [piece.replace("{v}", f"b{n}") for n, piece in enumerate(before)]
    after = [piece.replace("{v}", f"a{n}") for n, piece in enumerate(after)]
    call = f"{keyword} {target} {{ ?x ?p ?o }}"
    body = wrapper[:-1] + call + "}" if wrapper.endswith("}") else call
    values = f"VALUES ?endpoint {{ <http://127.0.0.1:{recorder.port}/x> }} "
    query = f"{prologue}SELECT * WHERE {{ {values}{' '.join(before)} {body} {' '.join(after)} }}"
    as_update = data.draw(st.booleans())
    recorder.hits.clear()
    if as_update:
        text = f"{prologue}INSERT {{ <urn:s> <urn:p> ?x }} WHERE {{ {' '.join(before)} {body} {' '.join(after)} }}"
        response = app_client.post(
            "/sparql", data={"update": text}, headers={"Authorization": f"Bearer {TOKEN}"}
        )
    else:
        response = app_client.post("/sparql", data={"query": query})
    assert response.status_code < 500, response.data
    assert recorder.hits == [], (query, response.data)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_fuzz_no_load_reaches_the_listener(
    data: st.DataObject, recorder: Recorder, app_client: FlaskClient
) -> None:
    prologue, target = data.draw(st.sampled_from(_targets(recorder.port)[:-1]))
    before = data.draw(st.lists(st.sampled_from(FILLERS), min_size=1, max_size=3))
    after = data.draw(st.one_of(st.just(before), st.lists(st.sampled_from(FILLERS), max_size=3)))
    before = [piece.replace("{v}", f"b{n}") for n, piece in enumerate(before)]
    after = [piece.replace("{v}", f"a{n}") for n, piece in enumerate(after)]
    keyword = data.draw(st.sampled_from(["LOAD", "load", "LOAD SILENT", "LoAd\r", "LOAD#c\n"]))
    text = (
        f"{prologue}INSERT {{ <urn:a> <urn:b> <urn:c> }} WHERE {{ {' '.join(before)} }} ; "
        f"{keyword} {target} INTO GRAPH <urn:g> ; "
        f"INSERT {{ <urn:a> <urn:b> <urn:c> }} WHERE {{ {' '.join(after)} }}"
    )
    recorder.hits.clear()
    response = app_client.post(
        "/sparql", data={"update": text}, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert response.status_code < 500, response.data
    assert recorder.hits == [], (text, response.data)


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("SELECT * WHERE { ?s ?p (1 2 3) }", 3),
        ("SELECT * WHERE { ?s ?p (<a> 'b' \"c d\" 4) }", 4),
        ("SELECT * WHERE { ?s ?p ?o FILTER(?o IN (1, 2, 3, 4, 5)) }", 2),
        ("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", 3),
    ],
)
def test_collections_are_counted_by_their_terms(text: str, terms: int) -> None:
    """Strings and IRIs are terms too; a comma makes an argument list, not a collection."""
    from kg.serve.policy import largest_collection, lex

    assert largest_collection(lex(text).code) == terms


def test_a_collection_too_long_for_oxigraphs_parser_is_refused() -> None:
    """20,000 items crash Oxigraph's parser (a segfault in the worker): refused first."""
    from kg.serve.policy import MAX_COLLECTION, Refused, vet

    items = " ".join(f"<urn:{i}>" for i in range(20_000))
    with pytest.raises(Refused, match="collection"):
        vet(f"SELECT * WHERE {{ ?s ?p ( {items} ) }}", ())
    listed = ", ".join(str(i) for i in range(5 * MAX_COLLECTION))
    assert vet(f"SELECT * WHERE {{ ?s ?p ?o FILTER(?o IN ({listed})) }}", ())
