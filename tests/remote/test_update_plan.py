"""How a batch of graphs becomes SPARQL Update requests (no server: the text itself)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.remote import CONTENT_HASH, PROFILES, plan_requests

G = "https://w3id.org/newskg/id/article/"
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")


def nquads(quads: list[ox.Quad]) -> bytes:
    """Quads as N-Quads bytes."""
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""


def graph(name: str, triples: int, blank: bool = True) -> bytes:
    node = ox.NamedNode(G + name)
    quads = [ox.Quad(node, LABEL, ox.Literal(f"label {i}"), node) for i in range(triples)]
    quads.append(ox.Quad(node, ox.NamedNode(CONTENT_HASH), ox.Literal("h-" + name), node))
    if blank:
        quads.append(
            ox.Quad(node, ox.NamedNode("https://schema.org/isBasedOn"), ox.BlankNode("b0"), node)
        )
        quads.append(ox.Quad(ox.BlankNode("b0"), LABEL, ox.Literal("based on"), node))
    return nquads(quads)


def run(text: str) -> ox.Store:
    store = ox.Store()
    store.update(text)
    return store


def test_a_batch_is_one_request_that_drops_then_inserts_and_stores_hashes_last() -> None:
    batch = {G + "a": graph("a", 3), G + "b": graph("b", 2), G + "gone": b""}
    requests = list(plan_requests(batch, 1 << 20, PROFILES["oxigraph"]))
    assert len(requests) == 1
    text, quads = requests[0]
    assert quads == 6 + 5
    assert text.index(f"DROP SILENT GRAPH <{G}gone>") < text.index("INSERT DATA")
    assert text.rindex("INSERT DATA") > text.rindex("label 0")  # the hashes' INSERT is last
    assert CONTENT_HASH in text[text.rindex("INSERT DATA") :]
    store = run(text)
    blanks = {q.object for q in store if q.predicate.value == "https://schema.org/isBasedOn"}
    assert len(blanks) == 2  # each graph's `_:b0` is its own node


def test_a_batch_over_the_request_size_is_split_between_whole_graphs() -> None:
    batch = {G + str(i): graph(str(i), 40) for i in range(6)}
    requests = list(plan_requests(batch, 6000, PROFILES["oxigraph"]))
    assert 1 < len(requests) < 6 + 1
    store = ox.Store()
    for text, _ in requests:
        assert len(text.encode()) <= 6000 or text.count("DROP SILENT GRAPH") == 1
        dropped = {
            line.split("<")[1].rstrip("> ;")
            for line in text.splitlines()
            if line.startswith("DROP")
        }
        inserted = {q.graph_name.value for q in run(text)}
        assert dropped == inserted  # every graph whole in one request
        store.update(text)
    assert len(store) == 6 * 43


@pytest.mark.parametrize("triples", [10, 4500])
def test_virtuoso_requests_keep_operations_small_and_blank_nodes_in_a_template(
    triples: int,
) -> None:
    batch = {G + "big": graph("big", triples), G + "small": graph("small", 5)}
    ((text, _),) = plan_requests(batch, 64 << 20, PROFILES["virtuoso"])
    operations = text.split(" ;\n")
    for operation in operations:
        assert operation.count(" .\n") + operation.count(" . }") <= 2000
        if "_:" in operation:
            assert operation.startswith("INSERT {") and operation.endswith("WHERE {}")
    store = run(text)
    assert len(store) == triples + 3 + 5 + 3
    blanks = {q.object for q in store if q.predicate.value == "https://schema.org/isBasedOn"}
    labelled = {q.subject for q in store if isinstance(q.subject, ox.BlankNode)}
    assert blanks == labelled and len(blanks) == 2  # each graph's node, once, labelled
