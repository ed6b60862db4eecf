"""Query results for the terminal: a readable table, or any SPARQL/RDF format."""

from __future__ import annotations

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
)

from kg.rdf.terms import PREFIXES
from kg.store import EXPORT_FORMATS

RESULT_FORMATS = {
    "json": QueryResultsFormat.JSON,
    "xml": QueryResultsFormat.XML,
    "csv": QueryResultsFormat.CSV,
    "tsv": QueryResultsFormat.TSV,
}
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))


def compact(term: object, base_iri: str = "") -> str:
    """A term as people read it: prefixed names, our IRIs relative to the base, plain literals."""
    if term is None:
        return ""
    if isinstance(term, NamedNode):
        if base_iri and term.value.startswith(base_iri):
            return term.value[len(base_iri) :]
        for prefix, namespace in _BY_LENGTH:
            if term.value.startswith(namespace):
                return f"{prefix}:{term.value[len(namespace) :]}"
        return term.value
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    if isinstance(term, Literal):
        return " ".join(term.value.split())
    return str(term)


def table(header: list[str], rows: list[list[str]], max_width: int) -> str:
    """Rows as an aligned text table; cells longer than ``max_width`` end with "…"."""

    def cut(cell: str) -> str:
        return cell if len(cell) <= max_width else cell[: max_width - 1] + "…"

    cells = [[cut(cell) for cell in row] for row in rows]
    widths = [max([len(name), *(len(row[i]) for row in cells)]) for i, name in enumerate(header)]
    lines = ["  ".join(name.ljust(w) for name, w in zip(header, widths, strict=True))]
    lines.append("  ".join("─" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(line.rstrip() for line in lines) + "\n"


def render(
    results: QuerySolutions | QueryBoolean | QueryTriples, fmt: str, max_width: int, base_iri: str
) -> bytes:
    """Serialize results as ``fmt`` ("table" or a format name)."""
    if isinstance(results, QueryBoolean):
        if fmt == "table":
            return b"true\n" if bool(results) else b"false\n"
        return results.serialize(format=RESULT_FORMATS.get(fmt, QueryResultsFormat.JSON))
    if isinstance(results, QueryTriples):
        return results.serialize(format=EXPORT_FORMATS.get(fmt, RdfFormat.TURTLE))
    if fmt in RESULT_FORMATS:
        return results.serialize(format=RESULT_FORMATS[fmt])
    header = [variable.value for variable in results.variables]
    rows = [[compact(solution[name], base_iri) for name in header] for solution in results]
    return table(header, rows, max_width).encode()
