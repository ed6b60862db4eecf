"""``kg build --shards DIR``: gzipped N-Quads files for a server's own bulk loader.

One file per batch (``part-000001.nq.gz``, …), each holding whole article graphs (the
graph is the fourth term of every quad), so a loader needs no graph per file. Blank
node labels are prefixed per graph and file, as loaders scope labels per file.
Shards are for a *first* load into an empty server: a loader adds, it does not replace
graphs (rebuilds go through ``--store sparql+http://…``, which does).
"""

from __future__ import annotations

import gzip
from collections.abc import Mapping, Sequence
from pathlib import Path

import pyoxigraph as ox

from kg.nquads import graph_lines, relabel
from kg.store import StoreError

SHARD_GLOB = "part-*.nq.gz"


def relabelled(graph: str, nquads: bytes, prefix: str) -> bytes:
    """The graph's N-Quads with ``prefix`` before each blank node label.

    N-Quads without a blank node are left as they are; the workers' lines are cut into
    terms (:func:`kg.nquads.graph_lines`); any other N-Quads are parsed.
    """
    if b"_:" not in nquads:  # no blank node
        return nquads
    lines = graph_lines(graph, nquads)
    if lines is not None:
        return "".join(
            f"{relabel(s, prefix)} {p} {relabel(o, prefix)} <{graph}> .\n" for s, p, o in lines
        ).encode("utf-8")

    def term(node: object) -> object:
        return ox.BlankNode(prefix + node.value) if isinstance(node, ox.BlankNode) else node

    quads = [
        ox.Quad(term(q.subject), q.predicate, term(q.object), q.graph_name)  # type: ignore[arg-type]
        for q in ox.parse(nquads, format=ox.RdfFormat.N_QUADS)
    ]
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""


class ShardTarget:
    """A :class:`kg.store.GraphTarget` that writes one gzipped N-Quads file per batch."""

    def __init__(self, directory: Path, compresslevel: int = 6) -> None:
        self.directory, self.compresslevel = Path(directory), compresslevel
        self.directory.mkdir(parents=True, exist_ok=True)
        if any(self.directory.glob(SHARD_GLOB)):
            raise StoreError(
                f"{self.directory}: already holds shards (part-*.nq.gz); a loader would load "
                "both sets: give an empty folder"
            )
        self.files: list[Path] = []
        self._next = 1
        self.quads = 0

    def replace_graphs(self, graphs: Mapping[str, bytes]) -> None:
        """Write the batch's non-empty graphs as the next shard (a loader cannot drop)."""
        number = self._next
        body: list[bytes] = []
        for index, (graph, nquads) in enumerate((g, v) for g, v in graphs.items() if v):
            data = relabelled(graph, nquads, f"s{number}g{index}x")
            self.quads += data.count(b"\n")
            body.append(data)
        if not body:
            return
        path = self.directory / f"part-{number:06d}.nq.gz"
        partial = path.with_suffix(".tmp")
        with gzip.open(partial, "wb", compresslevel=self.compresslevel) as out:
            for chunk in body:
                out.write(chunk)
        partial.replace(path)  # a shard is there whole or not at all
        self.files.append(path)
        self._next += 1

    def stored_hashes(self, graph_iris: Sequence[str]) -> dict[str, str]:
        """Shards are write-only: nothing is known to be stored."""
        return {}

    def finish(self) -> None:
        """Every shard is already closed."""


def load_commands(directory: Path) -> str:
    """How to load the shards of ``directory`` with Oxigraph's and Virtuoso's loaders."""
    folder = Path(directory).resolve()
    return (
        "Load the shards with the server's own loader (into an empty store; loaders add):\n"
        f"  oxigraph load --location OXIGRAPH_DIR --file {folder}/part-*.nq.gz\n"
        "    (then: oxigraph serve --location OXIGRAPH_DIR --union-default-graph)\n"
        "  isql-vt 1111 dba PASSWORD exec=\"ld_dir('"
        f"{folder}', 'part-*.nq.gz', 'https://w3id.org/newskg/id/graph/unnamed'); "
        'rdf_loader_run(); checkpoint;"\n'
        f"    ({folder} must be in DirsAllowed of virtuoso.ini; the graph of each quad is its "
        "fourth term, the ld_dir graph is only for triples without one)"
    )
