"""The embedded store on disk: graphs replaced whole, in one transaction."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad

from kg.store import StoreError, StoreLocked, export, open_store, replace_graphs

G1, G2 = "https://example.org/g1", "https://example.org/g2"
P = NamedNode("https://example.org/p")


def quads(graph: str, *values: str) -> list[Quad]:
    return [Quad(NamedNode(graph + "#s"), P, Literal(v), NamedNode(graph)) for v in values]


def values(store, graph: str) -> set[str]:
    return {q.object.value for q in store.quads_for_pattern(None, None, None, NamedNode(graph))}


def test_replace_graphs_replaces_only_the_named_graphs(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s")
    replace_graphs(store, {G1: quads(G1, "a", "b"), G2: quads(G2, "x")})
    replace_graphs(store, {G1: quads(G1, "c")})
    assert values(store, G1) == {"c"}
    assert values(store, G2) == {"x"}


def test_building_twice_gives_no_duplicates(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s")
    for _ in range(2):
        replace_graphs(store, {G1: quads(G1, "a", "b")})
    assert len(list(store.quads_for_pattern(None, None, None, None))) == 2


def test_a_failed_write_leaves_stored_graphs_whole(tmp_path: Path, monkeypatch) -> None:
    import kg.store

    store = open_store(tmp_path / "s")
    replace_graphs(store, {G1: quads(G1, "a", "b")})
    real = kg.store.insert_data
    monkeypatch.setattr(kg.store, "insert_data", lambda graphs: real(graphs) + " ; INSERT DATA { <")
    with pytest.raises(SyntaxError):
        replace_graphs(store, {G1: quads(G1, "new"), G2: quads(G2, "y")})
    assert values(store, G1) == {"a", "b"}
    assert values(store, G2) == set()


def test_second_writer_gets_a_clear_message(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s")
    with pytest.raises(StoreLocked, match="held by another process"):
        open_store(tmp_path / "s")
    del store


def test_reading_a_missing_store_says_how_to_build_one(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="kg build"):
        open_store(tmp_path / "nothing", read_only=True)


@pytest.mark.parametrize("fmt", ["nquads", "trig", "turtle", "ntriples", "jsonld"])
def test_export_round_trips(tmp_path: Path, fmt: str) -> None:
    from pyoxigraph import parse

    from kg.store import EXPORT_FORMATS

    store = open_store(tmp_path / "s")
    replace_graphs(store, {G1: quads(G1, "a"), G2: quads(G2, "b")})
    out = tmp_path / f"out.{fmt}"
    export(store, fmt, out)
    parsed = list(parse(path=str(out), format=EXPORT_FORMATS[fmt]))
    assert {str(q.object) for q in parsed} == {'"a"', '"b"'}


# --- the build's write target ---------------------------------------------------------
def nquads(graph: str, *values: str) -> bytes:
    from pyoxigraph import RdfFormat, serialize

    return serialize(quads(graph, *values), format=RdfFormat.N_QUADS)


def hashed(graph: str, digest: str, *values: str) -> bytes:
    line = f'<{graph}> <https://w3id.org/newskg/ontology#contentHash> "{digest}" <{graph}> .\n'
    return nquads(graph, *values) + line.encode()


def test_target_replaces_new_and_stored_graphs_whole(tmp_path: Path) -> None:
    from kg.store import EmbeddedTarget

    target = EmbeddedTarget(tmp_path / "s")
    target.replace_graphs({G1: nquads(G1, "a", "b")})  # new: loaded
    target.replace_graphs({G1: nquads(G1, "c"), G2: nquads(G2, "x")})  # one stored, one new
    assert values(target.store, G1) == {"c"} and values(target.store, G2) == {"x"}
    target.replace_graphs({G2: b""})  # empty: the graph is dropped
    assert values(target.store, G2) == set() and values(target.store, G1) == {"c"}
    target.finish()
    assert values(open_store(tmp_path / "s", read_only=True), G1) == {"c"}


def test_target_batch_is_one_transaction(tmp_path: Path) -> None:
    from kg.store import EmbeddedTarget

    target = EmbeddedTarget(tmp_path / "s")
    target.replace_graphs({G1: nquads(G1, "a")})
    broken = nquads(G2, "y") + b"<https://example.org/s> <https://example.org/p> .\n"
    for batch in (
        {G2: nquads(G2, "y"), "https://example.org/g3": broken},  # all new
        {G1: nquads(G1, "new"), G2: broken},
    ):  # replaces a stored graph
        with pytest.raises(SyntaxError):
            target.replace_graphs(batch)
        assert values(target.store, G1) == {"a"} and values(target.store, G2) == set()


def test_target_reads_the_hash_recorded_in_each_graph(tmp_path: Path) -> None:
    from kg.store import EmbeddedTarget

    target = EmbeddedTarget(tmp_path / "s")
    target.replace_graphs({G1: hashed(G1, "sha256:1", "a"), G2: nquads(G2, "x")})
    assert target.stored_hashes([G1, G2, "https://example.org/none"]) == {G1: "sha256:1"}
    target.replace_graphs({G1: hashed(G1, "sha256:2", "b")})
    assert target.stored_hashes([G1]) == {G1: "sha256:2"}


@pytest.mark.parametrize("flush_bytes", [1, 2**40])
def test_target_flushes_what_it_wrote_before_the_next_batch_past_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flush_bytes: int
) -> None:
    """RocksDB would keep the writes in memory (memtables); past FLUSH_BYTES they go to disk.

    A flush writes a table file for each column family batch 1 wrote (six quad
    indexes of the named graph, the graph list, the strings); RocksDB may write
    one on its own.
    """
    import kg.store
    from kg.store import EmbeddedTarget

    monkeypatch.setattr(kg.store, "FLUSH_BYTES", flush_bytes)
    path = tmp_path / "s"
    target = EmbeddedTarget(path)
    long = "a literal long enough to be stored in the strings' column family"
    target.replace_graphs({G1: nquads(G1, long)})
    tables = set(path.glob("*.sst"))
    target.replace_graphs({G2: nquads(G2, "b")})  # flushes batch 1 first, when past the limit
    flushed = set(path.glob("*.sst")) - tables
    assert (len(flushed) >= 6) == (flush_bytes == 1), sorted(flushed)
    assert values(target.store, G1) == {long} and values(target.store, G2) == {"b"}
