"""The only module that knows the order of the stages: ingest → nlp → extract → rdf → store.

A build reads sources in the main process, hands batches of articles to worker
processes (forked after the spaCy pipeline is loaded once, so they share it),
which return plain :class:`~kg.records.Analysis` records; the main process maps
them to quads and replaces each batch's graphs in one transaction.
"""

from __future__ import annotations

import multiprocessing
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import chain, islice
from pathlib import Path

from pyoxigraph import Store
from spacy.language import Language

from kg.config import ONTOLOGY_DIR, Settings
from kg.extract import analyse
from kg.extract.names import entity_for_name
from kg.ingest import TableColumns, count_articles, read_sources
from kg.nlp import load_pipeline
from kg.rdf.iris import Iris
from kg.rdf.mapping import map_analyses
from kg.records import Analysis, Article, EntityKind, IngestProblem
from kg.store import compact, load_file_as_graph, open_store, replace_graphs, write_failed


@dataclass
class BuildReport:
    """What a build did."""

    articles: int = 0
    quads: int = 0
    seconds: float = 0.0
    problems: list[IngestProblem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def analyse_docs(
    nlp: Language, articles: Sequence[Article], batch_size: int
) -> list[Analysis | IngestProblem]:
    """Parse and extract a batch; an article that fails becomes a problem naming it."""
    results: list[Analysis | IngestProblem] = []
    parsed = [article for article in articles if len(article.text) <= nlp.max_length]
    docs = iter(nlp.pipe((article.text for article in parsed), batch_size=batch_size))
    for article in articles:
        if len(article.text) > nlp.max_length:  # spaCy would stop the batch with E088
            message = too_long_message(len(article.text), nlp.max_length)
            results.append(IngestProblem(article.origin or article.id, message))
            continue
        doc = next(docs)
        try:
            results.append(_with_metadata(analyse(doc, article)))
        except Exception as error:  # one bad article must not stop the build
            where = article.origin or article.id
            detail = traceback.format_exception_only(error)[-1].strip()
            results.append(IngestProblem(where, f"extraction failed: {detail}"))
    return results


def too_long_message(length: int, limit: int) -> str:
    """Why an article longer than spaCy's ``max_length`` is skipped."""
    return (
        f"article text is {length:,} characters, over the {limit:,} spaCy parses"
        " (NEWSKG_MAX_CHARS); not built"
    )


def _with_metadata(analysis: Analysis) -> Analysis:
    """Resolve the article's authors and original outlets to entities."""
    article = analysis.article
    authors = tuple(entity_for_name(name, (EntityKind.ACTOR,)) for name in article.authors)
    outlets = tuple(
        entity_for_name(source.name, (EntityKind.ACTOR, EntityKind.OUTLET))
        for source in article.based_on
    )
    return replace(analysis, authors=authors, based_on=outlets)


# --- worker processes -----------------------------------------------------------------
_WORKER_NLP: Language | None = None
_WORKER_BATCH = 32


def _work(batch: list[Article]) -> list[Analysis | IngestProblem]:
    assert _WORKER_NLP is not None
    return analyse_docs(_WORKER_NLP, batch, _WORKER_BATCH)


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _analysed_batches(
    articles: Iterable[Article], settings: Settings, chunk: int
) -> Iterator[list[Analysis | IngestProblem]]:
    """Batches of results, in input order, from worker processes when that pays off."""
    global _WORKER_NLP, _WORKER_BATCH
    nlp = load_pipeline(settings)
    nlp.max_length = settings.max_chars
    if settings.processes <= 1:
        for batch in _batches(articles, chunk):
            yield analyse_docs(nlp, batch, settings.batch_size)
        return
    _WORKER_NLP, _WORKER_BATCH = nlp, settings.batch_size
    context = multiprocessing.get_context("fork")
    with context.Pool(settings.processes) as pool:
        yield from pool.imap(_work, _batches(articles, chunk))
    _WORKER_NLP = None


def build(
    sources: Sequence[Path],
    settings: Settings,
    columns: TableColumns | None = None,
    on_problem: Callable[[IngestProblem], None] = lambda problem: None,
    on_progress: Callable[[int], None] = lambda done: None,
    on_warning: Callable[[str], None] = lambda warning: None,
) -> BuildReport:
    """Build ``sources`` into the store at ``settings.store``; returns what was done."""
    started = time.perf_counter()
    columns = columns or TableColumns()
    report = BuildReport()

    def articles() -> Iterator[Article]:
        for item in read_sources(sources, columns):
            if isinstance(item, IngestProblem):
                report.problems.append(item)
                on_problem(item)
                on_progress(1)
            else:
                for warning in item.warnings:
                    report.warnings.append(warning)
                    on_warning(warning)
                yield item

    _write(
        _analysed_batches(articles(), settings, max(4, settings.batch_size // 2)),
        settings,
        report,
        on_problem,
        on_progress,
    )
    compact(settings.store)
    report.seconds = time.perf_counter() - started
    return report


def _write(
    batches: Iterable[list[Analysis | IngestProblem]],
    settings: Settings,
    report: BuildReport,
    on_problem: Callable[[IngestProblem], None],
    on_progress: Callable[[int], None],
) -> None:
    """Map each batch to quads and replace its graphs in one transaction.

    The store is opened after the workers fork (no RocksDB threads are forked)
    and is closed when this returns.
    """
    iris = Iris(settings.base_iri)
    pending = iter(batches)
    first = next(pending, None)  # starts the workers before the store is opened
    store = open_store(settings.store)
    try:
        load_vocabularies(store, settings)
    except OSError as error:
        doing, stored = "loading the ontology and gazetteer", "No article of this build is written."
        raise write_failed(error, settings.store, doing, stored) from error
    for number, results in enumerate(chain([first] if first is not None else [], pending), 1):
        analyses = [item for item in results if isinstance(item, Analysis)]
        for problem in (item for item in results if isinstance(item, IngestProblem)):
            report.problems.append(problem)
            on_problem(problem)
        graphs = map_analyses(analyses, iris)
        try:
            replace_graphs(store, graphs)
        except OSError as error:
            stored = (
                f"Stored: the {report.articles} article(s) of this build before this batch,"
                " each whole; this batch is not written (its articles are as they were before)."
            )
            raise write_failed(
                error, settings.store, _batch_name(number, analyses), stored
            ) from error
        report.articles += len(analyses)
        report.quads += sum(len(quads) for quads in graphs.values())
        on_progress(len(results))
    try:
        store.flush()
    except OSError as error:
        stored = f"All {report.articles} article(s) are written, but may not all be on disk."
        raise write_failed(error, settings.store, "flushing the store", stored) from error


def _batch_name(number: int, analyses: Sequence[Analysis]) -> str:
    """``writing batch 3 (16 articles: a.md … p.md)``."""
    origins = [a.article.origin or a.article.id for a in analyses]
    shown = origins[0] if len(origins) == 1 else " … ".join(origins[:1] + origins[-1:])
    return f"writing batch {number} ({len(origins)} article(s){': ' + shown if origins else ''})"


def load_vocabularies(store: Store, settings: Settings) -> None:
    """(Re)load the ontology and the gazetteer into their own graphs."""
    iris = Iris(settings.base_iri)
    load_file_as_graph(store, ONTOLOGY_DIR / "newskg.ttl", iris.ontology_graph, settings.base_iri)
    load_file_as_graph(
        store, ONTOLOGY_DIR / "gazetteer.ttl", iris.gazetteer_graph, settings.base_iri
    )


def expected_total(sources: Sequence[Path], columns: TableColumns) -> int:
    """How many articles (and unreadable files) a build will report progress for."""
    return count_articles(sources, columns)
