"""The SPARQL 1.1 Protocol and Graph Store Protocol, as pure functions.

Nothing here touches Flask, a store or a socket: request parsing (GET, POST form,
POST direct; dataset parameters), q-value content negotiation over the format tables,
the safety check of a query or update (:func:`check_remote_access`, decided by
:mod:`kg.serve.policy` from a real parse) and a small SPARQL tokenizer used only to place
``using-graph-uri`` / ``using-named-graph-uri`` clauses into an update.
"""

from __future__ import annotations

import hmac
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import parse_qsl

from kg.serve import policy

# --- formats -------------------------------------------------------------------------


@dataclass(frozen=True)
class Format:
    """One serialization the endpoint can produce: its media type and pyoxigraph name."""

    media_type: str
    name: str  # attribute name on pyoxigraph.QueryResultsFormat / RdfFormat
    aliases: tuple[str, ...] = ()

    @property
    def content_type(self) -> str:
        """The Content-Type header value (text formats say UTF-8)."""
        return f"{self.media_type}; charset=utf-8"


SPARQL_JSON = Format("application/sparql-results+json", "JSON", ("application/json",))
SPARQL_XML = Format("application/sparql-results+xml", "XML", ("application/xml", "text/xml"))
SPARQL_CSV = Format("text/csv", "CSV")
SPARQL_TSV = Format("text/tab-separated-values", "TSV")
TURTLE = Format("text/turtle", "TURTLE", ("application/x-turtle",))
N_TRIPLES = Format("application/n-triples", "N_TRIPLES", ("text/plain",))
JSON_LD = Format("application/ld+json", "JSON_LD", ("application/json",))
RDF_XML = Format("application/rdf+xml", "RDF_XML", ("application/xml", "text/xml"))
N_QUADS = Format("application/n-quads", "N_QUADS")
TRIG = Format("application/trig", "TRIG")

#: SELECT and ASK results, first = default.
RESULT_FORMATS: tuple[Format, ...] = (SPARQL_JSON, SPARQL_XML, SPARQL_CSV, SPARQL_TSV)
#: CONSTRUCT and DESCRIBE results (triples), first = default.
GRAPH_FORMATS: tuple[Format, ...] = (TURTLE, N_TRIPLES, JSON_LD, RDF_XML, N_QUADS, TRIG)
#: Whole-dataset dumps (Graph Store GET without a graph).
DATASET_FORMATS: tuple[Format, ...] = (TRIG, N_QUADS)
#: What a Graph Store PUT/POST body may be (a graph: triples only).
UPLOAD_FORMATS: tuple[Format, ...] = (TURTLE, N_TRIPLES, JSON_LD, RDF_XML)


@dataclass(frozen=True)
class MediaRange:
    """One entry of an Accept header."""

    type: str
    subtype: str
    q: float
    order: int

    @property
    def specificity(self) -> int:
        """2 for type/subtype, 1 for type/*, 0 for */*."""
        return (self.type != "*") + (self.subtype != "*")

    def matches(self, media_type: str) -> bool:
        """Whether this range covers ``media_type``."""
        main, _, sub = media_type.partition("/")
        return self.type in ("*", main) and self.subtype in ("*", sub)


def parse_accept(header: str | None) -> list[MediaRange]:
    """The media ranges of an Accept header; an absent or empty header means ``*/*``."""
    if not header or not header.strip():
        return [MediaRange("*", "*", 1.0, 0)]
    ranges = []
    for order, item in enumerate(header.split(",")):
        media, *params = (part.strip() for part in item.split(";"))
        if "/" not in media:
            if media == "*":
                media = "*/*"
            else:
                continue
        main, _, sub = media.lower().partition("/")
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value.strip())))
                except ValueError:
                    q = 0.0
        ranges.append(MediaRange(main, sub, q, order))
    return ranges


def _quality(ranges: Sequence[MediaRange], media_type: str) -> tuple[float, int]:
    """The q of the most specific range matching ``media_type`` and that specificity."""
    best: MediaRange | None = None
    for media_range in ranges:
        if media_range.matches(media_type) and (
            best is None or media_range.specificity > best.specificity
        ):
            best = media_range
    return (best.q, best.specificity) if best else (0.0, -1)


def negotiate(accept: str | None, offers: Sequence[Format]) -> Format | None:
    """The offered format the client prefers most, or None (→ 406).

    Highest q wins; on a tie the more specific match, then the server's order (the
    first offer is the default). A browser (``text/html`` accepted, no SPARQL or RDF
    type named explicitly) gets the default, not ``application/xml`` picked up by a
    lower-q entry of its generic header.
    """
    ranges = parse_accept(accept)
    named = {f"{r.type}/{r.subtype}" for r in ranges if r.q > 0}
    if "text/html" in named and not named & {f.media_type for f in offers}:
        return offers[0]
    best: tuple[float, int, int] | None = None
    chosen: Format | None = None
    for position, offer in enumerate(offers):
        candidates = [_quality(ranges, offer.media_type)]
        # an alias (application/json, application/xml…) counts only when named exactly
        candidates += [
            (q, specificity)
            for q, specificity in map(lambda alias: _quality(ranges, alias), offer.aliases)
            if specificity == 2
        ]
        for q, specificity in candidates:
            if q <= 0:
                continue
            key = (q, specificity, -position)
            if best is None or key > best:
                best, chosen = key, offer
    return chosen


def format_for_media_type(media_type: str, table: Iterable[Format]) -> Format | None:
    """The format of ``table`` named by a Content-Type value (parameters ignored)."""
    bare = media_type.split(";")[0].strip().lower()
    for candidate in table:
        if bare == candidate.media_type or bare in candidate.aliases:
            return candidate
    return None


# --- requests --------------------------------------------------------------------------


class ProtocolError(Exception):
    """A malformed protocol request: the HTTP status and a message for the client."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


@dataclass(frozen=True)
class Operation:
    """What a /sparql request asks for."""

    kind: Literal["query", "update", "description"]
    text: str = ""
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    accept: str | None = None  # from a ``format=`` parameter: overrides the Accept header


#: ``format=`` names → the Accept they stand for. ``json`` and ``xml`` name the JSON/XML
#: flavour of whatever the query gives: SPARQL results for SELECT/ASK, JSON-LD/RDF/XML
#: for CONSTRUCT/DESCRIBE.
FORMAT_PARAMETER: dict[str, str] = {
    "json": f"{SPARQL_JSON.media_type}, {JSON_LD.media_type};q=0.9",
    "xml": f"{SPARQL_XML.media_type}, {RDF_XML.media_type};q=0.9",
    "csv": SPARQL_CSV.media_type,
    "tsv": SPARQL_TSV.media_type,
    "turtle": TURTLE.media_type,
    "ntriples": N_TRIPLES.media_type,
    "nquads": N_QUADS.media_type,
    "trig": TRIG.media_type,
    "jsonld": JSON_LD.media_type,
    "rdfxml": RDF_XML.media_type,
}


def format_override(values: Sequence[str]) -> str | None:
    """The Accept a ``format=`` parameter stands for (a name of :data:`FORMAT_PARAMETER` or
    a media type), None without one; 400 for two or an unknown name."""
    if not values:
        return None
    if len(values) > 1:
        raise ProtocolError(400, "Give at most one format parameter.")
    value = values[0].strip()
    if value.lower() in FORMAT_PARAMETER:
        return FORMAT_PARAMETER[value.lower()]
    if re.fullmatch(r"[\w.+-]+/[\w.+-]+", value):
        return value
    names = ", ".join(FORMAT_PARAMETER)
    raise ProtocolError(400, f"Unknown format {value!r}: use one of {names} or a media type.")


FORM = "application/x-www-form-urlencoded"
QUERY_DIRECT = "application/sparql-query"
UPDATE_DIRECT = "application/sparql-update"


def _media_and_charset(content_type: str | None) -> tuple[str, str | None]:
    if not content_type:
        return "", None
    media, *params = (part.strip() for part in content_type.split(";"))
    charset = None
    for param in params:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    return media.lower(), charset


def _decode(body: bytes, charset: str | None) -> str:
    if charset not in (None, "utf-8", "utf8", "us-ascii", "ascii"):
        raise ProtocolError(415, f"Only UTF-8 request bodies are accepted, not charset={charset}.")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ProtocolError(400, f"The request body is not valid UTF-8: {error}.") from None


def form_params(text: str, where: str) -> list[tuple[str, str]]:
    """The name/value pairs of a form-encoded text (a body or a URL query string); a
    ``%XX`` sequence that is not UTF-8 (``query=%FF``) is a 400, not a 500."""
    try:
        return parse_qsl(text, keep_blank_values=True, encoding="utf-8", errors="strict")
    except UnicodeDecodeError as error:
        raise ProtocolError(
            400, f"The {where} holds a percent-escape that is not UTF-8 ({error.reason})."
        ) from None


def url_params(query_string: str) -> list[tuple[str, str]]:
    """The parameters of a WSGI ``QUERY_STRING`` (bytes read as latin-1), strictly UTF-8."""
    try:
        text = query_string.encode("latin-1").decode("utf-8")
    except UnicodeError:
        raise ProtocolError(400, "The URL's query string is not UTF-8.") from None
    return form_params(text, "URL's query string")


def _values(pairs: Sequence[tuple[str, str]], name: str) -> list[str]:
    return [value for key, value in pairs if key == name]


def parse_sparql_request(
    method: str,
    url_params: Sequence[tuple[str, str]],
    content_type: str | None,
    body: bytes,
) -> Operation:
    """Read a SPARQL 1.1 Protocol request into an :class:`Operation`.

    Raises :class:`ProtocolError` (400/405/415) for what the protocol forbids: two
    queries, a query and an update together, an update by GET, a body without or with
    the wrong media type, a body that is not UTF-8.
    """
    method = method.upper()
    media, charset = _media_and_charset(content_type)
    if method == "GET":
        if _values(url_params, "update"):
            raise ProtocolError(400, "An update must be sent by POST, not GET.")
        params = list(url_params)
    elif method == "POST":
        if media == FORM:
            params = list(url_params) + form_params(_decode(body, charset), "request body")
        elif media in (QUERY_DIRECT, UPDATE_DIRECT):
            if _values(url_params, "query") or _values(url_params, "update"):
                raise ProtocolError(
                    400, f"A {media} POST carries the operation in its body, not in the URL."
                )
            kind = "query" if media == QUERY_DIRECT else "update"
            params = [*url_params, (kind, _decode(body, charset))]
        elif not media:
            raise ProtocolError(
                400,
                "A POST needs a Content-Type: application/x-www-form-urlencoded, "
                "application/sparql-query or application/sparql-update.",
            )
        else:
            raise ProtocolError(
                415,
                f"Unsupported Content-Type {media!r}: use application/x-www-form-urlencoded, "
                "application/sparql-query or application/sparql-update.",
            )
    else:
        raise ProtocolError(405, f"Method {method} is not allowed here: use GET or POST.")
    queries, updates = _values(params, "query"), _values(params, "update")
    if len(queries) + len(updates) > 1:
        raise ProtocolError(400, "Send exactly one query or one update per request.")
    accept = format_override(_values(params, "format"))
    if queries:
        return Operation(
            "query",
            queries[0],
            tuple(_values(params, "default-graph-uri")),
            tuple(_values(params, "named-graph-uri")),
            accept,
        )
    if updates:
        return Operation(
            "update",
            updates[0],
            tuple(_values(params, "using-graph-uri")),
            tuple(_values(params, "using-named-graph-uri")),
        )
    if method == "POST":
        raise ProtocolError(400, "The POST carries no query or update parameter.")
    return Operation("description", accept=accept)


# --- a SPARQL tokenizer for the protocol's USING rewrite -----------------------------------

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][^\W][\w\u00B7\u0300-\u036F\u203F-\u2040]*)
  | (?P<pname>(?:[^\W\d][\w.\-]*)?:(?:[\w\-:%.]|\\[_~.\-!$&'()*+,;=/?\#@%])*)
  | (?P<word>[^\W\d]\w*)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class Token:
    """A lexical token: its kind, text and offset."""

    kind: str
    text: str
    start: int


def tokenize(text: str) -> list[Token]:
    """The tokens of a query or update, whitespace and comments left out."""
    return [
        Token(m.lastgroup or "other", m.group(), m.start())
        for m in _TOKEN.finditer(text)
        if m.lastgroup not in ("ws", "comment")
    ]


@dataclass
class Scan:
    """Where :func:`apply_using` puts its clauses (no security decision is taken here:
    the rewritten update is checked by :func:`check_remote_access` before it runs)."""

    uses_dataset_clause: bool = False  # USING or WITH in an update
    where_positions: list[int] = field(default_factory=list)  # top-level WHERE of modify ops


def scan(text: str) -> Scan:
    """Find USING/WITH and the top-level WHEREs of an update."""
    tokens = tokenize(text)
    result = Scan()
    depth = 0
    for index, token in enumerate(tokens):
        word = token.text.upper() if token.kind == "word" else ""
        if token.text == "{":
            depth += 1
        elif token.text == "}":
            depth -= 1
        elif word in ("USING", "WITH") and depth == 0:
            result.uses_dataset_clause = True
        elif word == "WHERE" and depth == 0:
            previous = tokens[index - 1] if index else None
            shortcut = previous is not None and previous.text.upper() == "DELETE"
            if not shortcut:
                result.where_positions.append(token.start)
    return result


def check_remote_access(text: str, allowlist: Sequence[str], *, update: bool = False) -> str:
    """The text to execute, once :func:`kg.serve.policy.vet` has passed it: its SERVICE
    and LOAD targets are in the allowlist (decided from a real parse, see that module),
    its nesting is bounded. Anything else is a 400 naming why.

    Execute the returned text, not ``text``: it is the exact string that was checked.
    """
    try:
        return policy.vet(text, allowlist, update=update)
    except policy.Refused as refusal:
        raise ProtocolError(400, str(refusal)) from None


def apply_using(update: str, using: Sequence[str], using_named: Sequence[str]) -> str:
    """Put the protocol's ``using-graph-uri``/``using-named-graph-uri`` into an update as
    ``USING``/``USING NAMED`` clauses before each top-level ``WHERE``.

    Raises 400 when the update has its own ``USING`` or ``WITH`` (the protocol forbids both).
    """
    if not using and not using_named:
        return update
    found = scan(update)
    if found.uses_dataset_clause:
        raise ProtocolError(
            400,
            "using-graph-uri/using-named-graph-uri cannot be combined with USING or WITH "
            "in the update itself.",
        )
    clause = " ".join(
        [f"USING <{iri}>" for iri in using] + [f"USING NAMED <{iri}>" for iri in using_named]
    )
    for position in reversed(found.where_positions):
        update = f"{update[:position]}{clause} {update[position:]}"
    return update


def check_iri(iri: str, what: str) -> str:
    """An absolute IRI without characters an IRI cannot hold, or 400."""
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.\-]*:[^<>\"{}|^`\\\x00-\x20]*", iri):
        raise ProtocolError(400, f"{what} must be an absolute IRI, not {iri!r}.")
    return iri


def check_bearer(configured: str | None, authorization: str | None) -> None:
    """Allow a write only with ``Authorization: Bearer <the configured token>``.

    No token configured: 403 (the server is read-only). No credentials: 401 with a
    ``WWW-Authenticate`` challenge. A wrong token: 401 ``invalid_token`` (RFC 6750).
    """
    if not configured:
        raise ProtocolError(
            403, "This endpoint is read-only: start kg serve with --update-token to allow writes."
        )
    challenge = 'Bearer realm="newskg"'
    scheme, _, token = (authorization or "").strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ProtocolError(
            401,
            "Writes need an Authorization: Bearer <token> header.",
            {"WWW-Authenticate": challenge},
        )
    if not hmac.compare_digest(token.strip().encode("utf-8"), configured.encode("utf-8")):
        raise ProtocolError(
            401,
            "The bearer token is not the one this server was started with.",
            {"WWW-Authenticate": f'{challenge}, error="invalid_token"'},
        )
