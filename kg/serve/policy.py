"""The safety checks on a SPARQL query or update, decided from a real parse.

Three steps, all in the server process before any worker is used:

1. :func:`lex` reads the text once with the SPARQL terminals Oxigraph uses (IRIREF and
   the four string forms with their ``\\u``/``\\U`` and ``\\"`` escapes, comments that end
   at CR or LF, ``\\.`` escapes of prefixed names) and writes the **canonical text**, which
   is what Oxigraph then executes: comments dropped, every escape decoded exactly once,
   strings re-written as ``"…"`` with only ``\\\\ \\" \\n \\r``, an IRI's ``'`` and ``#``
   written ``\\u0027``/``\\u0023`` (so no reading of ``<`` as "less than" can turn them
   into a string or a comment), CR as LF. ``SELECT * { BIND(<urn:x\\u0041'> AS ?q)
   SERVICE <…> {…} BIND('' AS ?z) }`` is read as Oxigraph reads it: the ``'`` is in the IRI.
2. The bracket depth of the canonical text is bounded (:data:`MAX_DEPTH`), so a query
   nested 3,000 deep is a 400 and never reaches Oxigraph's recursive parser; so are
   chains of UNION and operators (:data:`MAX_CHAIN`), which Oxigraph also recurses along,
   and collections ``( … )`` of more than :data:`MAX_COLLECTION` terms (Oxigraph's worker
   dies near 5,000).
3. When the letters of SERVICE or LOAD occur outside string literals (Oxigraph reads no
   escape outside IRIs and strings, so a keyword it obeys is always spelled out there),
   the canonical text is parsed with rdflib's SPARQL 1.1 grammar (its pyparsing
   ``Query``/``UpdateUnit``, without rdflib's own whole-text ``\\u`` decoding: that second
   decoding is what let ``"\\u0022"`` hide a SERVICE). Every ``ServiceGraphPattern`` and
   ``Load`` in the tree (subqueries, EXISTS, UNION, OPTIONAL, MINUS, GRAPH, each update
   operation) is checked with :func:`kg.serve.remote.check_endpoint`. ``SERVICE ?var`` is
   refused, a relative or undeclared-prefix target is refused, and so is any text rdflib
   cannot parse (deny by default). As a cross-check, the number of stand-alone SERVICE
   and LOAD words in the code must equal what the parse found.

rdflib was chosen over a new parser: it is installed already (the project reads Turtle
with it), kept up, and implements the whole SPARQL 1.1 grammar with a parse tree that
names SERVICE and LOAD; its cost (tens of ms for a 2 KB query, pure Python) is paid only
by texts that mention SERVICE or LOAD outside strings.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pyparsing import ParseBaseException, ParseResults
from rdflib.plugins.sparql import parser as sparql_parser
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import URIRef, Variable

from kg.serve.remote import check_endpoint

#: Deepest nesting of ( { [ accepted; Oxigraph's recursive parser dies near 3,000.
MAX_DEPTH = 128
#: Most chain operators (UNION, | & ! /) outside strings and IRIs: Oxigraph recurses
#: along such chains too and dies near 6,000 UNIONs or 10,000 ``||``.
MAX_CHAIN = 2_000
#: Longest text parsed for the SERVICE/LOAD check: rdflib's pure-Python parse holds the
#: GIL for ~10-40 ms per KB, so a long one would slow every other request.
MAX_PARSED_CHARS = 8_192
#: Most terms in one parenthesised group without commas (an RDF collection): Oxigraph
#: recurses along a collection and its worker dies near 5,000 items (a segfault, measured).
MAX_COLLECTION = 1_000
#: What a string or an IRI leaves in the code: a term that is no keyword and no name.
TERM = " \x00 "

ALLOWLIST_HINT = (
    "Federated queries and LOAD may only call endpoints listed with kg serve "
    "--allow-service (service_allowlist setting, NEWSKG_SERVICE_ALLOWLIST)."
)


class Refused(ValueError):
    """A text the checks refuse; the message is for the client (a 400)."""


_LEX = re.compile(
    r"""
    (?P<long>'''(?:'{0,2}(?:[^'\\]|\\.))*'''|\"\"\"(?:"{0,2}(?:[^"\\]|\\.))*\"\"\")
  | (?P<short>'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)
  | (?P<comment>\#[^\r\n]*)
  | (?P<escape>\\.)
  | (?P<open>[({\[])
  | (?P<close>[)}\]])
  | (?P<cr>\r)
  | (?P<quote>['"])
  | (?P<code>[^'"<#\\(){}\[\]\r]+|<)
  | (?P<bad>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.DOTALL)
_ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
_IRI_FORBIDDEN = re.compile(r'[<>"{}|^`\\\x00-\x20]')
_KEYWORD = re.compile(r"service|load", re.IGNORECASE)
_UNION = re.compile(r"union", re.IGNORECASE)
_NAME_CHAR = re.compile(r"[\w:?$\-\\]")


@dataclass(frozen=True)
class Lexed:
    """The canonical text and what the checks need to know about it."""

    text: str  # what Oxigraph executes
    for_parser: str  # the same with IRIs' ' and # written out (rdflib reads no \u in IRIs)
    code: str  # the text outside strings and IRIs, which alone can hold keywords
    depth: int  # deepest ( { [ nesting


def _position(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    return f"line {line}, column {offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


def _codepoint(hex_digits: str, text: str, offset: int) -> str:
    value = int(hex_digits, 16)
    if value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
        raise Refused(f"\\u{hex_digits} at {_position(text, offset)} is not a character.")
    return chr(value)


def _string_value(token: str, text: str, offset: int) -> str:
    quote = 3 if token[:3] in ("'''", '"""') else 1
    body = token[quote:-quote]
    if "\\" not in body:
        return body

    def one(match: re.Match[str]) -> str:
        if match.group(3) is not None:
            if match.group(3) not in _ECHAR:
                raise Refused(
                    f"Unknown escape \\{match.group(3)} in a string at {_position(text, offset)}."
                )
            return _ECHAR[match.group(3)]
        return _codepoint(match.group(1) or match.group(2), text, offset)

    return _ESCAPE.sub(one, body)


def _string_literal(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\n", "\\n").replace("\r", "\\r") + '"'


def _iri_value(token: str, text: str, offset: int) -> str:
    if "\\" not in token:
        return token[1:-1]  # the IRIREF pattern has checked every character
    value = _ESCAPE.sub(lambda m: _codepoint(m.group(1) or m.group(2), text, offset), token[1:-1])
    bad = _IRI_FORBIDDEN.search(value)
    if bad is not None:
        raise Refused(
            f"The IRI at {_position(text, offset)} holds {bad.group()!r}, which an IRI cannot hold."
        )
    return value


def lex(text: str) -> Lexed:
    """The canonical text of a query or update (see the module docstring), or
    :class:`Refused` for an unterminated string, a bad escape or an escape outside an IRI
    or a string (Oxigraph would not parse those either)."""
    out: list[str] = []
    for_parser: list[str] = []
    code: list[str] = []
    depth = deepest = previous_end = 0
    for match in _LEX.finditer(text):
        kind, token = match.lastgroup, match.group()
        if kind in ("long", "short"):
            literal = _string_literal(_string_value(token, text, match.start()))
            if out and out[-1].endswith('"') and match.start() == previous_end:
                out.append(" ")  # '' "x" must not become """x"
                for_parser.append(" ")
                code.append(" ")
            out.append(literal)
            for_parser.append(literal)
            code.append(TERM)
            previous_end = match.end()
            continue
        if kind == "iri":
            value = _iri_value(token, text, match.start())
            parsed = f"<{value}>"
            for_parser.append(parsed)
            if "'" in value or "#" in value:
                parsed = parsed.replace("'", "\\u0027").replace("#", "\\u0023")
            out.append(parsed)
            code.append(TERM)
            if "(" in value or "[" in value:
                # if Oxigraph read this "<" as "less than", its brackets would be code
                opens = value.count("(") + value.count("[")
                deepest = max(deepest, depth + opens)
                depth += max(0, opens - value.count(")") - value.count("]"))
            continue
        if kind == "comment":
            continue
        if kind == "quote":
            raise Refused(f"Unterminated string at {_position(text, match.start())}.")
        if kind == "bad":
            raise Refused(f"A lone backslash at {_position(text, match.start())}.")
        if kind == "escape" and token[1] in "uU":
            raise Refused(
                f"{token}… at {_position(text, match.start())}: \\u escapes are only "
                "allowed inside IRIs and strings."
            )
        if kind == "open":
            depth += 1
            deepest = max(deepest, depth)
        elif kind == "close":
            depth = max(0, depth - 1)
        elif kind == "cr":
            token = "\n"
        out.append(token)
        for_parser.append(token)
        code.append(token)
    return Lexed("".join(out), "".join(for_parser), "".join(code), deepest)


def largest_collection(code: str) -> int:
    """The most terms in one ( … ) group of the code that has no comma: ``(1 2 3)`` has 3;
    an argument list ``f(a, b)`` or ``IN (…, …)`` does not count."""
    groups: list[list[int]] = []  # per open group: [terms, has a comma]
    largest, in_term = 0, False
    for char in code:
        if char == "(":
            groups.append([0, 0])
            in_term = False
        elif char == ")":
            if groups:
                terms, comma = groups.pop()
                largest = largest if comma else max(largest, terms)
            in_term = False
        elif char == ",":
            if groups:
                groups[-1][1] = 1
            in_term = False
        elif char.isspace():
            in_term = False
        elif not in_term:
            in_term = True
            if groups:
                groups[-1][0] += 1
    return largest


def keyword_words(code: str) -> Counter[str]:
    """Stand-alone SERVICE and LOAD words of the code (not part of a variable or a
    prefixed name), upper-cased."""
    found: Counter[str] = Counter()
    for match in _KEYWORD.finditer(code):
        before = match.start() - 1
        while before >= 0 and code[before] == ".":
            before -= 1  # ex:a.service is one prefixed name
        joined = before >= 0 and bool(_NAME_CHAR.match(code[before]))
        after = match.end() < len(code) and bool(_NAME_CHAR.match(code[match.end()]))
        if not joined and not after:
            found[match.group().upper()] += 1
    return found


# --- the parse ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Call:
    """One SERVICE or LOAD found in the parse: its keyword and target (None: a variable)."""

    keyword: Literal["SERVICE", "LOAD"]
    target: str | None


def _parse(text: str, *, update: bool) -> Any:
    grammar = sparql_parser.UpdateUnit if update else sparql_parser.Query
    try:
        return grammar.parse_string(text, parse_all=True)
    except ParseBaseException as error:
        raise Refused(
            "This text mentions SERVICE or LOAD, so it must pass a full SPARQL 1.1 parse "
            f"before it runs, and it does not (line {error.lineno}, column {error.col}: "
            f"{error.msg})."
        ) from None
    except RecursionError:
        raise Refused(
            "This text mentions SERVICE or LOAD and is nested too deeply for the safety "
            "check to parse; flatten it."
        ) from None


def _prologue(decls: Any, prefixes: dict[str, str]) -> None:
    for decl in decls or ():
        if isinstance(decl, CompValue) and decl.name == "PrefixDecl":
            prefixes[str(decl.get("prefix") or "")] = str(decl["iri"])


def _target(term: Any, prefixes: dict[str, str], keyword: str) -> str | None:
    if isinstance(term, Variable):
        return None
    if isinstance(term, URIRef):
        iri = str(term)
    elif isinstance(term, CompValue) and term.name == "pname":
        prefix = str(term.get("prefix") or "")
        if prefix not in prefixes:
            raise Refused(f"{keyword} uses the undeclared prefix {prefix}:.")
        iri = prefixes[prefix] + re.sub(r"\\(.)", r"\1", str(term.get("localname") or ""))
    else:
        raise Refused(f"{keyword} names its target in a form the check cannot read.")
    if not re.match(r"[A-Za-z][A-Za-z0-9+.\-]*:", iri):
        raise Refused(f"{keyword} <{iri}>: write the endpoint as an absolute http(s) IRI.")
    return iri


def _calls(node: Any, prefixes: dict[str, str]) -> Iterator[Call]:
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            if item.name == "ServiceGraphPattern":
                yield Call("SERVICE", _target(item.get("term"), prefixes, "SERVICE"))
            elif item.name == "Load":
                yield Call("LOAD", _target(item.get("iri"), prefixes, "LOAD"))
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, ParseResults)):
            stack.extend(item)


def remote_calls(text: str, *, update: bool) -> list[Call]:
    """Every SERVICE and LOAD of a canonical text (:attr:`Lexed.for_parser`), prefixed
    names expanded with the prefixes declared before them."""
    tree = _parse(text, update=update)
    prefixes: dict[str, str] = {}
    calls: list[Call] = []
    if update:
        unit = tree[0]
        decls, requests = list(unit.get("prologue") or []), list(unit.get("request") or [])
        for index, request in enumerate(requests):
            _prologue(decls[index] if index < len(decls) else (), prefixes)
            calls.extend(_calls(request, dict(prefixes)))
    else:
        _prologue(tree[0], prefixes)
        calls.extend(_calls(tree[1], prefixes))
    return calls


# --- the decision ---------------------------------------------------------------------------


def vet(text: str, allowlist: Sequence[str], *, update: bool = False) -> str:
    """The text Oxigraph may execute (the canonical form of ``text``), or :class:`Refused`
    naming why: too deep, unreadable, or a SERVICE/LOAD outside the allowlist."""
    lexed = lex(text)
    if lexed.depth > MAX_DEPTH:
        raise Refused(
            f"The text nests brackets {lexed.depth} deep; at most {MAX_DEPTH} levels of "
            "( { [ are accepted."
        )
    code = lexed.code
    chain = len(_UNION.findall(code)) + sum(code.count(op) for op in "|&!/")
    if chain > MAX_CHAIN:
        raise Refused(
            f"The text chains {chain} operators (UNION, ||, &&, !, / and |); at most "
            f"{MAX_CHAIN} are accepted."
        )
    items = largest_collection(code)
    if items > MAX_COLLECTION:
        raise Refused(
            f"The text has a collection ( … ) of {items} terms; at most {MAX_COLLECTION} are "
            "accepted."
        )
    if not _KEYWORD.search(code):
        return lexed.text  # no SERVICE or LOAD can be spelled here
    if len(lexed.for_parser) > MAX_PARSED_CHARS:
        raise Refused(
            f"A text that mentions SERVICE or LOAD outside strings may be at most "
            f"{MAX_PARSED_CHARS} characters long (this one has {len(lexed.for_parser)})."
        )
    calls = remote_calls(lexed.for_parser, update=update)
    words = keyword_words(lexed.code)
    for keyword in ("SERVICE", "LOAD"):
        if words[keyword] > sum(call.keyword == keyword for call in calls):
            raise Refused(
                f"{keyword} appears {words[keyword]} times outside strings but the parse "
                "found fewer calls; the text is refused rather than guessed at."
            )
    for call in calls:
        if call.target is None:
            raise Refused(
                f"{call.keyword} with a variable endpoint is not allowed. {ALLOWLIST_HINT}"
            )
        reason = check_endpoint(call.target, allowlist)
        if reason is not None:
            raise Refused(
                f"{call.keyword} <{call.target}> is not allowed: {reason}. {ALLOWLIST_HINT}"
            )
    return lexed.text
