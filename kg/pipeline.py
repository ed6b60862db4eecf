"""The only module that knows the order of the stages: ingest → nlp → extract → rdf → store.

A build streams sources in the main process, skips articles whose content hash
the target already holds, and hands batches of the rest to an executor
(:mod:`kg.executors`: this process, a local pool, or Dask workers), whose workers
parse, extract and map them and return N-Quads bytes per article graph; the main
process only writes each batch's graphs, in one transaction, to a
:class:`~kg.store.GraphTarget`.
"""

from __future__ import annotations

import hashlib
import json
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import chain, islice
from pathlib import Path
from typing import TypeVar

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, parse, serialize
from spacy.language import Language

from kg.config import ONTOLOGY_DIR, PACKAGE_ROOT, Settings
from kg.executors import Executor, open_executor
from kg.extract import analyse
from kg.extract.names import entity_for_name
from kg.ingest import TableColumns, count_articles, read_sources
from kg.rdf.iris import Iris
from kg.rdf.mapping import article_nquads
from kg.records import Analysis, Article, EntityKind, IngestProblem
from kg.store import CONTENT_HASH, GraphTarget, open_target, write_failed

B = TypeVar("B")
VOCABULARIES = ("newskg.ttl", "gazetteer.ttl")  # ontology graph, gazetteer graph


@dataclass
class BuildReport:
    """What a build did."""

    articles: int = 0
    quads: int = 0
    skipped: int = 0  # articles whose content hash was already stored
    seconds: float = 0.0
    ready_seconds: float = 0.0  # until the executor's workers were up, their model loaded
    main_cpu_seconds: float = 0.0  # own CPU time while streaming and writing the articles
    store_cpu_seconds: float = 0.0  # of it, in the target's writes (all threads, during each)
    problems: list[IngestProblem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def summary(self, where: object) -> str:
        """The line ``kg build`` ends with: "Built 5 article(s), 2,986 quads, into … in 4.1 s."."""
        parts = [f"Built {self.articles} article(s), {self.quads:,} quads, into {where} "
                 f"in {self.seconds:.1f} s"]  # fmt: skip
        if self.skipped:
            parts.append(f"{self.skipped} unchanged, skipped")
        if self.problems:
            parts.append(f"{len(self.problems)} input(s) could not be read (see errors)")
        if self.warnings:
            parts.append(f"{len(self.warnings)} warning(s)")
        return "; ".join(parts) + "."


def analyse_docs(
    nlp: Language, articles: Sequence[Article], batch_size: int, max_chars: int | None = None
) -> list[Analysis | IngestProblem]:
    """Parse and extract a batch; an article that fails becomes a problem naming it, and
    one longer than ``max_chars`` (spaCy's ``max_length``) is skipped, not parsed."""
    if max_chars is not None:
        nlp.max_length = max_chars
    results: list[Analysis | IngestProblem] = []
    parsed = [article for article in articles if len(article.text) <= nlp.max_length]
    docs = iter(nlp.pipe((article.text for article in parsed), batch_size=batch_size))
    for article in articles:
        if len(article.text) > nlp.max_length:  # spaCy would stop the batch with E088
            message = too_long_message(len(article.text), nlp.max_length)
            results.append(IngestProblem(article.where, message))
            continue
        doc = next(docs)
        try:
            results.append(_with_metadata(analyse(doc, article)))
        except Exception as error:  # one bad article must not stop the build
            where = article.where
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


@dataclass
class BatchResult:
    """What a worker sends back for a batch: N-Quads per article graph, never Docs."""

    graphs: dict[str, bytes]
    quads: int
    problems: list[IngestProblem]
    size: int  # articles in the batch, for the progress bar
    origins: list[str] = field(default_factory=list)  # where its articles came from, for errors


def process_batch(
    nlp: Language,
    batch: Sequence[tuple[Article, str]],
    base_iri: str,
    batch_size: int,
    max_chars: int | None = None,
) -> BatchResult:
    """Parse, extract and map a batch of (article, content hash) on a worker.

    spaCy's memory zone frees the strings the batch added, so long runs don't grow.
    """
    iris = Iris(base_iri)
    graphs: dict[str, bytes] = {}
    problems: list[IngestProblem] = []
    quads = 0
    hashes = {article.id: digest for article, digest in batch}
    with nlp.memory_zone():
        results = analyse_docs(nlp, [article for article, _ in batch], batch_size, max_chars)
    for item in results:
        if isinstance(item, IngestProblem):
            problems.append(item)
            continue
        graph, data, count = article_nquads(item, iris, hashes[item.article.id])
        graphs[graph] = data
        quads += count
    origins = [article.where for article, _ in batch]
    return BatchResult(graphs, quads, problems, len(batch), origins)


def build_fingerprint(settings: Settings) -> str:
    """What every graph of this build depends on besides its article: code, vocabulary, model."""
    digest = hashlib.sha256(f"{settings.model}\n{settings.base_iri}\n".encode())
    for path in sorted(PACKAGE_ROOT.rglob("*.py")):
        digest.update(path.relative_to(PACKAGE_ROOT).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    for name in VOCABULARIES:
        digest.update((ONTOLOGY_DIR / name).read_bytes())
    return digest.hexdigest()


def content_hash(article: Article, fingerprint: str) -> str:
    """``sha256:<hex>`` of an article's text, metadata and source path, and the build's."""
    fields = [
        fingerprint,
        article.id,
        article.text,
        article.headline,
        article.date_published.isoformat() if article.date_published else "",
        list(article.authors),
        [
            [source.name, source.date.isoformat() if source.date else ""]
            for source in article.based_on
        ],
        list(article.keywords),
        article.origin,
    ]
    text = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def _batches(items: Iterable[B], size: int) -> Iterator[list[B]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def build(
    sources: Sequence[Path],
    settings: Settings,
    columns: TableColumns | None = None,
    on_problem: Callable[[IngestProblem], None] = lambda problem: None,
    on_progress: Callable[[int], None] = lambda done: None,
    on_warning: Callable[[str], None] = lambda warning: None,
    executor: str = "local",
    scheduler: str | None = None,
    target: GraphTarget | None = None,
) -> BuildReport:
    """Build ``sources`` into ``target`` (default: the store at ``settings.store``).

    Articles whose content hash is already stored are skipped; the rest go to the
    executor in batches and come back as N-Quads, and each batch's graphs are
    replaced in one transaction.
    """
    started = time.perf_counter()
    columns = columns or TableColumns()
    report = BuildReport()
    fingerprint = build_fingerprint(settings)
    chunk = max(4, settings.batch_size // 2)
    work = partial(process_batch, base_iri=settings.base_iri, batch_size=settings.batch_size,
                   max_chars=settings.max_chars)  # fmt: skip

    def articles() -> Iterator[Article]:
        for item in read_sources(sources, columns, relative=True):
            if isinstance(item, IngestProblem):
                report.problems.append(item)
                on_problem(item)
                on_progress(1)
            else:
                for warning in item.warnings:
                    report.warnings.append(warning)
                    on_warning(warning)
                yield item

    def to_build(into: GraphTarget) -> Iterator[list[tuple[Article, str]]]:
        """Batches of (article, hash) to build: not stored yet, and not sent already.

        An id read twice has the same text (ingest renames an id reused for
        another text): the second is the same article, built once, counted built.
        """
        iris = Iris(settings.base_iri)
        seen: dict[str, bool] = {}  # graph → sent to be built (else: unchanged)
        for batch in _batches(articles(), chunk):
            hashed = [(article, content_hash(article, fingerprint)) for article in batch]
            stored = into.stored_hashes(list({iris.article(article.id) for article in batch}))
            fresh, again, unchanged = [], 0, 0
            for article, digest in hashed:
                graph = iris.article(article.id)
                if graph in seen:  # the same article read again: as it went the first time
                    again += seen[graph]
                    unchanged += not seen[graph]
                    continue
                seen[graph] = stored.get(graph) != digest
                if seen[graph]:
                    fresh.append((article, digest))
                else:
                    unchanged += 1
            report.articles += again
            report.skipped += unchanged
            if again + unchanged:
                on_progress(again + unchanged)
            if fresh:
                yield fresh

    opening = _open_executor(settings, work, executor, scheduler)
    try:
        into = target if target is not None else open_target(str(settings.store), settings)
        where = getattr(into, "spec", settings.store)
        try:
            write_vocabularies(into, settings)
        except OSError as error:
            doing, stored = (
                "loading the ontology and gazetteer",
                "No article of this build is written.",
            )
            raise write_failed(error, where, doing, stored) from error
        cpu_started = time.process_time()
        batches = to_build(into)
        first = list(islice(batches, 2 * settings.processes))  # read while the workers start
        pool = opening.result()
        report.ready_seconds = time.perf_counter() - started
        for number, result in enumerate(pool.map(work, chain(first, batches)), 1):
            for problem in result.problems:
                report.problems.append(problem)
                on_problem(problem)
            writing = time.process_time()
            try:
                into.replace_graphs(result.graphs)
            except OSError as error:
                stored = (
                    f"Stored: the {report.articles} article(s) of this build before this batch,"
                    " each whole; this batch is not written (its articles are as they were before)."
                )
                raise write_failed(error, where, _batch_name(number, result), stored) from error
            report.store_cpu_seconds += time.process_time() - writing
            report.articles += len(result.graphs)
            report.quads += result.quads
            on_progress(result.size)
        report.main_cpu_seconds = time.process_time() - cpu_started
        try:
            into.finish()
        except OSError as error:
            stored = f"All {report.articles} article(s) are written, but may not all be on disk."
            raise write_failed(error, where, "flushing the store", stored) from error
    finally:
        if opening.exception() is None:  # waits for workers still starting, to stop them
            opening.result().close()
    report.seconds = time.perf_counter() - started
    return report


def _open_executor(
    settings: Settings, work: Callable, executor: str, scheduler: str | None
) -> Future[Executor]:
    """The executor, opened here for a local pool (it forks before the store opens,
    so no storage threads are forked), or in a thread for Dask, whose workers
    start (and load the model) while this process opens the store and reads the
    first batches."""
    if scheduler or executor == "dask":
        starter = ThreadPoolExecutor(1, thread_name_prefix="newskg-executor")
        opening = starter.submit(open_executor, settings, work, executor, scheduler)
        starter.shutdown(wait=False)
        return opening
    opened: Future[Executor] = Future()
    opened.set_result(open_executor(settings, work, executor, scheduler))
    return opened


def _batch_name(number: int, result: BatchResult) -> str:
    """``writing batch 3 (16 articles: a.md … p.md)``."""
    origins = result.origins
    shown = origins[0] if len(origins) == 1 else " … ".join(origins[:1] + origins[-1:])
    return f"writing batch {number} ({len(origins)} article(s){': ' + shown if origins else ''})"


def vocabulary_graphs(settings: Settings) -> dict[str, tuple[str, bytes]]:
    """Graph IRI → (hash, N-Quads) of the ontology and the gazetteer, hash included."""
    iris = Iris(settings.base_iri)
    graphs: dict[str, tuple[str, bytes]] = {}
    for name, graph in zip(VOCABULARIES, (iris.ontology_graph, iris.gazetteer_graph), strict=True):
        path = ONTOLOGY_DIR / name
        node = NamedNode(graph)
        digest = hashlib.sha256(settings.base_iri.encode() + b"\0" + path.read_bytes())
        content = "sha256:" + digest.hexdigest()
        quads = [
            Quad(triple.subject, triple.predicate, triple.object, node)
            for triple in parse(path=str(path), base_iri=settings.base_iri)
        ]
        quads.append(Quad(node, NamedNode(CONTENT_HASH), Literal(content), node))
        graphs[graph] = (content, serialize(quads, format=RdfFormat.N_QUADS))
    return graphs


def write_vocabularies(target: GraphTarget, settings: Settings) -> None:
    """(Re)write the ontology and gazetteer graphs when their files changed."""
    graphs = vocabulary_graphs(settings)
    stored = target.stored_hashes(list(graphs))
    target.replace_graphs(
        {graph: data for graph, (digest, data) in graphs.items() if stored.get(graph) != digest}
    )


def expected_total(sources: Sequence[Path], columns: TableColumns) -> int:
    """How many articles (and unreadable files) a build will report progress for."""
    return count_articles(sources, columns)
