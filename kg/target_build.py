"""Build into a :class:`GraphTarget` with today's pipeline (a SPARQL server, shards).

A small adapter until the pipeline itself writes through targets: the articles are
parsed as :func:`kg.pipeline.build` does, each batch's :func:`~kg.rdf.mapping.map_analyses`
output is serialised to N-Quads per graph and handed to ``target.replace_graphs``; the
ontology and the gazetteer go first, into their own graphs, as a local build loads them.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from kg.config import ONTOLOGY_DIR, Settings
from kg.ingest import TableColumns, read_sources
from kg.pipeline import BuildReport, _analysed_batches
from kg.rdf.iris import Iris
from kg.rdf.mapping import map_analyses
from kg.records import Analysis, Article, IngestProblem


class GraphTarget(Protocol):
    """Where a build writes: whole named graphs, as N-Quads bytes per graph IRI."""

    def replace_graphs(self, graphs: Mapping[str, bytes]) -> None:
        """Replace each graph whole, the batch in one transaction where the server allows
        it (an empty value drops the graph)."""
        ...

    def stored_hashes(self, graph_iris: Sequence[str]) -> dict[str, str]:
        """graph IRI → the content hash recorded in that graph."""
        ...

    def finish(self) -> None:
        """Flush and close."""
        ...


def nquads(quads: Sequence[ox.Quad]) -> bytes:
    """Quads as N-Quads bytes."""
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""


def vocabulary_graphs(settings: Settings) -> dict[str, bytes]:
    """The ontology and the gazetteer, each in its own graph, as N-Quads."""
    iris = Iris(settings.base_iri)
    graphs: dict[str, bytes] = {}
    for name, graph in (
        ("newskg.ttl", iris.ontology_graph),
        ("gazetteer.ttl", iris.gazetteer_graph),
    ):
        node = ox.NamedNode(graph)
        triples = ox.parse(path=str(ONTOLOGY_DIR / name), base_iri=settings.base_iri)
        graphs[graph] = nquads([ox.Quad(t.subject, t.predicate, t.object, node) for t in triples])
    return graphs


def build_into(
    target: GraphTarget,
    sources: Sequence[Path],
    settings: Settings,
    columns: TableColumns | None = None,
    on_problem: Callable[[IngestProblem], None] = lambda problem: None,
    on_progress: Callable[[int], None] = lambda done: None,
    on_warning: Callable[[str], None] = lambda warning: None,
) -> BuildReport:
    """Build ``sources`` into ``target``, one ``replace_graphs`` call per batch."""
    started = time.perf_counter()
    report = BuildReport()
    iris = Iris(settings.base_iri)

    def articles() -> Iterator[Article]:
        for item in read_sources(sources, columns or TableColumns()):
            if isinstance(item, IngestProblem):
                report.problems.append(item)
                on_problem(item)
                on_progress(1)
            else:
                for warning in item.warnings:
                    report.warnings.append(warning)
                    on_warning(warning)
                yield item

    target.replace_graphs(vocabulary_graphs(settings))
    for results in _analysed_batches(articles(), settings, max(4, settings.batch_size // 2)):
        analyses = [item for item in results if isinstance(item, Analysis)]
        for problem in (item for item in results if isinstance(item, IngestProblem)):
            report.problems.append(problem)
            on_problem(problem)
        graphs = map_analyses(analyses, iris)
        target.replace_graphs({graph: nquads(quads) for graph, quads in graphs.items()})
        report.articles += len(analyses)
        report.quads += sum(len(quads) for quads in graphs.values())
        on_progress(len(results))
    target.finish()
    report.seconds = time.perf_counter() - started
    return report
