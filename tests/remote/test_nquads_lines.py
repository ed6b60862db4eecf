"""Cutting a worker's N-Quads into terms (kg.nquads) gives what parsing them gives."""

from __future__ import annotations

import gzip
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.nquads import graph_lines, relabel
from kg.remote import graph_block
from kg.shards import ShardTarget

G = "https://w3id.org/newskg/id/article/a1"
OTHER = "https://w3id.org/newskg/id/article/a2"
P = ox.NamedNode("https://schema.org/text")
HASH = ox.NamedNode("https://w3id.org/newskg/ontology#contentHash")


def article(graph: str = G) -> list[ox.Quad]:
    """Quads whose literals hold what could fool a cut: spaces, quotes, the graph term."""
    node, blank, g = ox.NamedNode(graph), ox.BlankNode("b1"), ox.NamedNode(graph)
    objects = [
        ox.Literal("Air strikes kill 20 in Idlib: monitor"),
        ox.Literal(f'he said "x" <{graph}> .'),
        ox.Literal("a _:b2 <x> line\nbreak", language="en"),
        ox.Literal("12", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
        ox.NamedNode("https://w3id.org/newskg/id/actor/sohr"),
        blank,
    ]
    quads = [ox.Quad(node, P, obj, g) for obj in objects]
    quads.append(ox.Quad(blank, P, ox.Literal("inside a blank node"), g))
    quads.append(ox.Quad(node, HASH, ox.Literal("sha256:00"), g))
    return quads


def nquads(quads: list[ox.Quad]) -> bytes:
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""


def test_each_line_is_cut_into_the_terms_a_parser_reads() -> None:
    quads = article()
    lines = graph_lines(G, nquads(quads))
    assert lines is not None and len(lines) == len(quads)
    triples = ox.parse(
        "".join(f"{s} {p} {o} .\n" for s, p, o in lines).encode(), format=ox.RdfFormat.N_TRIPLES
    )
    assert sorted(map(str, triples)) == sorted(str(quad.triple) for quad in quads)


@pytest.mark.parametrize(
    "data",
    [
        nquads(article(OTHER)),  # another graph's quads
        nquads([ox.Quad(q.subject, q.predicate, q.object) for q in article()]),  # default graph
        nquads(article()).replace(b"> <", b">  <", 1),  # not pyoxigraph's own spacing
    ],
    ids=["other graph", "default graph", "other spacing"],
)
def test_lines_not_of_the_graph_or_not_canonical_are_left_to_the_parser(data: bytes) -> None:
    assert graph_lines(G, data) is None


def test_relabel_prefixes_blank_nodes_only() -> None:
    assert relabel("_:b1", "g0x") == "_:g0xb1"
    assert relabel("<https://x/_:b1>", "g0x") == "<https://x/_:b1>"
    assert relabel('"_:b1"', "g0x") == '"_:b1"'


def test_an_update_block_is_the_same_cut_or_parsed() -> None:
    data = nquads(article())
    cut = graph_block(G, data, 3)
    parsed = graph_block(G, data.replace(b"> <", b">  <"), 3)  # forces the parser
    assert (cut.plain, sorted(cut.blank), cut.hashes) == (
        parsed.plain,
        sorted(parsed.blank),
        parsed.hashes,
    )
    assert len(cut.hashes) == 1 and len(cut.blank) == 2
    assert all("_:g3xb1" in line for line in cut.blank)


def test_a_quad_of_another_graph_is_refused_in_an_update() -> None:
    with pytest.raises(ValueError, match="among the quads of"):
        graph_block(G, nquads(article(OTHER)), 0)


def test_a_shard_holds_the_graph_with_its_blank_nodes_relabelled(tmp_path: Path) -> None:
    target = ShardTarget(tmp_path)
    target.replace_graphs({G: nquads(article()), OTHER: nquads(article(OTHER)[:3])})
    (shard,) = target.files
    quads = list(ox.parse(gzip.decompress(shard.read_bytes()), format=ox.RdfFormat.N_QUADS))
    assert len(quads) == len(article()) + 3 == target.quads
    blanks = {q.object.value for q in quads if isinstance(q.object, ox.BlankNode)}
    blanks |= {q.subject.value for q in quads if isinstance(q.subject, ox.BlankNode)}
    assert blanks == {"s1g0xb1"}
    texts = {q.object.value for q in quads if isinstance(q.object, ox.Literal)}
    assert f'he said "x" <{G}> .' in texts and "a _:b2 <x> line\nbreak" in texts
