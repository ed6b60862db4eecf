"""Load rate into each store target against the embedded store, on the same graphs.

    python bench/targets.py [--store DIR] [--copies K] [--batch 16] [--targets ...]

The graphs are those of a local build (``--store DIR``; default: the seeds built into
a temporary store), each article graph repeated ``--copies`` times under new ids, so
only the write path is timed (no spaCy). Each target gets the same batches in the
same order, as ``replace_graphs`` calls of ``--batch`` article graphs:

* ``embedded``: :class:`kg.store.EmbeddedTarget`, a fresh on-disk Oxigraph store,
  as ``kg build`` writes it (``Store.load`` of each batch, flush and compaction at the
  end, which is timed too);
* ``oxigraph``: a :class:`kg.remote.SparqlServerTarget` into ``oxigraph serve``
  started here on 127.0.0.1;
* ``virtuoso``: the same with the Virtuoso profile (skipped without ``virtuoso-t``);
* ``shards``: :class:`kg.shards.ShardTarget` (gzipped N-Quads files).

It prints articles/s and quads/s per target and the ratio to the embedded store.
:func:`load_rate` times one target spec and can be called from ``bench/scale.py``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import pyoxigraph as ox

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kg.config import Settings  # noqa: E402
from kg.rdf.iris import Iris  # noqa: E402
from kg.remote import open_server_target  # noqa: E402
from kg.shards import ShardTarget  # noqa: E402
from kg.store import EmbeddedTarget, GraphTarget, open_store  # noqa: E402


@dataclass(frozen=True)
class Rate:
    """What loading the batches into one target took."""

    target: str
    articles: int
    quads: int
    seconds: float

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def quads_per_second(self) -> float:
        return self.quads / self.seconds if self.seconds else 0.0


def article_graphs(store_path: Path, base_iri: str) -> dict[str, bytes]:
    """The article graphs of a local store, as N-Quads per graph."""
    store = open_store(store_path, read_only=True)
    prefix = Iris(base_iri).article("")
    graphs: dict[str, list[ox.Quad]] = {}
    for quad in store:
        name = quad.graph_name
        if isinstance(name, ox.NamedNode) and name.value.startswith(prefix):
            graphs.setdefault(name.value, []).append(quad)
    return {
        graph: ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""
        for graph, quads in sorted(graphs.items())
    }


def copies(graphs: Mapping[str, bytes], count: int, base_iri: str) -> dict[str, bytes]:
    """Each graph ``count`` times, the article id (in every IRI minted from it) renamed."""
    prefix = Iris(base_iri).article("")
    out: dict[str, bytes] = {}
    for graph, data in graphs.items():
        article_id = graph[len(prefix) :]
        for copy in range(count):
            new_id = f"{article_id}-copy{copy}"
            out[prefix + new_id] = data.replace(article_id.encode(), new_id.encode())
    return out


def batches(graphs: Mapping[str, bytes], size: int) -> list[dict[str, bytes]]:
    """The graphs in ``replace_graphs`` batches of ``size``."""
    items = list(graphs.items())
    return [dict(items[start : start + size]) for start in range(0, len(items), size)]


def load_rate(spec: str, work: list[dict[str, bytes]], settings: Settings, scratch: Path) -> Rate:
    """Time writing ``work`` (batches of graph → N-Quads) into the target ``spec``:
    ``embedded``, ``shards``, or a ``sparql+http://`` server (``settings`` give its profile)."""
    articles = sum(len(batch) for batch in work)
    quads = sum(data.count(b"\n") for batch in work for data in batch.values())
    started = time.perf_counter()
    if spec == "embedded":
        target: GraphTarget = EmbeddedTarget(scratch / "embedded")
    elif spec == "shards":
        target = ShardTarget(scratch / "shards")
    else:
        target = open_server_target(spec, settings)
    for batch in work:
        target.replace_graphs(batch)
    target.finish()
    return Rate(spec, articles, quads, time.perf_counter() - started)


def _servers(names: list[str], scratch: Path) -> Iterator[tuple[str, str, Settings]]:
    """(name, spec, settings) for each target, starting and stopping servers as needed."""
    from tests.remote.conftest import VIRTUOSO, start_oxigraph, start_virtuoso, stop

    plain = Settings.from_env(environ={})
    for name in names:
        if name in ("embedded", "shards"):
            yield name, name, plain
        elif name == "oxigraph":
            folder = scratch / "oxigraph-server"
            folder.mkdir()
            process, server = start_oxigraph(folder)
            try:
                yield name, server.spec, plain
            finally:
                stop(process)
        elif name == "virtuoso":
            if VIRTUOSO is None:
                print("virtuoso: skipped (virtuoso-t not installed: make virtuoso-deps)")
                continue
            folder = scratch / "virtuoso-server"
            folder.mkdir()
            process, server, _ = start_virtuoso(folder, folder)
            try:
                yield (
                    name,
                    server.spec,
                    replace(plain, store_profile="virtuoso", store_password="dba"),
                )
            finally:
                stop(process)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, help="a local build to take the graphs from")
    parser.add_argument("--copies", type=int, default=20, help="copies of each article graph")
    parser.add_argument("--batch", type=int, default=16, help="article graphs per batch")
    parser.add_argument(
        "--targets", nargs="+", default=["embedded", "oxigraph", "virtuoso", "shards"]
    )
    args = parser.parse_args()
    settings = Settings.from_env(environ={})
    with tempfile.TemporaryDirectory(prefix="newskg-targets-") as tmp:
        scratch = Path(tmp)
        store = args.store
        if store is None:
            store = scratch / "seeds"
            subprocess.run(
                [
                    str(Path(sys.executable).with_name("kg")),
                    "build",
                    str(REPO / "seeds"),
                    "--store",
                    str(store),
                    "-q",
                ],
                check=True,
            )
        graphs = copies(article_graphs(store, settings.base_iri), args.copies, settings.base_iri)
        work = batches(graphs, args.batch)
        print(f"{len(graphs)} article graphs in {len(work)} batches of {args.batch}")
        rates: list[Rate] = []
        for name, spec, target_settings in _servers(args.targets, scratch):
            folder = scratch / f"run-{name}"
            folder.mkdir()
            rate = load_rate(spec, work, target_settings, folder)
            rates.append(replace(rate, target=name))
            shutil.rmtree(folder, ignore_errors=True)
        embedded = next((r for r in rates if r.target == "embedded"), None)
        print(f"{'target':10} {'articles/s':>11} {'quads/s':>10} {'seconds':>8}  vs embedded")
        for rate in rates:
            ratio = (
                f"{rate.articles_per_second / embedded.articles_per_second:.2f}×"
                if embedded and embedded.articles_per_second
                else ""
            )
            print(
                f"{rate.target:10} {rate.articles_per_second:11.1f} "
                f"{rate.quads_per_second:10.0f} {rate.seconds:8.2f}  {ratio}"
            )


if __name__ == "__main__":
    main()
