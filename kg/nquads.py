"""Cutting the workers' N-Quads into triples without parsing them again.

The workers serialize each article graph with pyoxigraph: one ``S P O <graph> .``
per line, terms in canonical N-Quads syntax.  The build's main process (the serial
part of a build) only needs each line's terms as text, to write an update or a shard,
so it cuts the lines rather than parsing them into Python terms (~4× faster).  Any
other input (another graph's quads, the default graph, other spacing) is refused with
None and the caller parses it.
"""

from __future__ import annotations

Terms = tuple[str, str, str]


def graph_lines(graph: str, nquads: bytes) -> list[Terms] | None:
    """(subject, predicate, object) of each line ``S P O <graph> .``; None if a line is not.

    No raw space can come before the object (IRIs and blank node labels hold none), so
    the first two spaces end subject and predicate; the object, a literal included, is
    the rest up to the graph term.
    """
    suffix = f" <{graph}> ."
    cut = len(suffix)
    terms: list[Terms] = []
    for line in nquads.decode("utf-8").split("\n"):
        if not line:
            continue
        if not line.endswith(suffix):
            return None
        parts = line[:-cut].split(" ", 2)
        if len(parts) != 3 or parts[1][:1] != "<" or parts[0][:1] not in ("<", "_"):
            return None
        terms.append((parts[0], parts[1], parts[2]))
    return terms


def relabel(term: str, prefix: str) -> str:
    """A blank node's term with ``prefix`` before its label; any other term as it is."""
    return f"_:{prefix}{term[2:]}" if term.startswith("_:") else term
