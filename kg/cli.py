"""The ``kg`` command: build, serve, query, export, stats.

Each command is a thin wrapper over a plain function; settings come from
:class:`kg.config.Settings` (defaults, then ``NEWSKG_*`` variables, then options).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg import __version__
from kg.config import QUERIES_DIR, Settings
from kg.store import EXPORT_FORMATS, StoreError

HELP = Settings.help_for
TABLE_FORMATS = {"json", "xml", "csv", "tsv"}
GRAPH_FORMATS = {"turtle", "ntriples", "nquads", "trig", "jsonld", "rdfxml"}


def _store_option(must_exist: bool = False):
    return click.option(
        "--store",
        type=click.Path(path_type=Path, file_okay=False, exists=must_exist),
        default=Settings().store,
        show_default=True,
        help=HELP("store"),
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """newskg: build a knowledge graph of who says what from news articles.

    \b
    Typical use:
      kg build seeds/ --store kg-store          # read articles, extract, store
      kg query fighter-counts --store kg-store  # ask a question from queries/
      kg serve --store kg-store                 # SPARQL endpoint and page on :8000
    """


@main.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@_store_option()
@click.option("--id-column", help="Table column holding each article's id (default: id).")
@click.option("--title-column", help="Table column holding the headline (default: title).")
@click.option("--text-column", help="Table column holding the article text (default: text).")
@click.option("--date-column", help="Table column holding the publication date (default: date).")
@click.option("--base-iri", default=None, help=HELP("base_iri"))
@click.option("--model", default=None, help=HELP("model"))
@click.option("--processes", type=click.IntRange(min=1), default=None, help=HELP("processes"))
@click.option("--strict", is_flag=True, help="Exit with status 1 if any input could not be read.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def build(
    sources: tuple[Path, ...],
    store: Path,
    id_column: str | None,
    title_column: str | None,
    text_column: str | None,
    date_column: str | None,
    base_iri: str | None,
    model: str | None,
    processes: int | None,
    strict: bool,
    quiet: bool,
) -> None:
    """Read SOURCES (files, folders, .csv/.jsonl tables) into the graph at --store.

    Builds add to the store; an article built again replaces its own graph. A
    file or row that cannot be read is reported with the reason and the rest is
    built.

    \b
    Examples:
      kg build seeds/ --store kg-store
      kg build fakes.csv --id-column unit_id --title-column article_title \\
               --text-column article_content --date-column date
    """
    from kg.ingest import TableColumns
    from kg.nlp import ModelNotFound
    from kg.pipeline import build as run_build
    from kg.pipeline import expected_total

    settings = Settings.from_env(store=store, base_iri=base_iri, model=model, processes=processes)
    columns = TableColumns(id=id_column, title=title_column, text=text_column, date=date_column)
    total = expected_total(sources, columns)
    show = not quiet and sys.stderr.isatty()
    progress = (
        click.progressbar(
            length=total, label="Building", file=sys.stderr, show_pos=True, show_eta=True
        )
        if show
        else None
    )

    def on_problem(problem: object) -> None:
        click.echo(f"\nerror: {problem}; skipped", err=True)

    def on_warning(warning: str) -> None:
        click.echo(f"\nwarning: {warning}", err=True)

    try:
        if progress is not None:
            with progress:
                report = run_build(
                    sources, settings, columns, on_problem, progress.update, on_warning
                )
        else:
            report = run_build(sources, settings, columns, on_problem, on_warning=on_warning)
    except (ModelNotFound, StoreError) as error:
        raise click.ClickException(str(error)) from error
    click.echo(
        f"Built {report.articles} article(s), {report.quads:,} quads, into {settings.store} "
        f"in {report.seconds:.1f} s"
        + (
            f"; {len(report.problems)} input(s) could not be read (see warnings)"
            if report.problems
            else ""
        )
        + ".",
        err=True,
    )
    if report.problems and (strict or report.articles == 0):
        sys.exit(1)


@main.command()
@_store_option(must_exist=True)
@click.option("--host", default=None, help=HELP("host"))
@click.option("--port", type=int, default=None, help=HELP("port"))
@click.option("--update-token", default=None, help=HELP("update_token"))
@click.option("--query-timeout", type=float, default=None, help=HELP("query_timeout"))
@click.option("--workers", type=click.IntRange(min=1), default=None, help=HELP("workers"))
@click.option("--max-rows", type=click.IntRange(min=1), default=None, help=HELP("max_rows"))
@click.option("--max-memory", type=click.IntRange(min=0), default=None, help=HELP("max_memory"))
@click.option(
    "--long-query-seconds",
    type=click.FloatRange(min=0.05),
    default=None,
    help=HELP("long_query_seconds"),
)
@click.option(
    "--connection-limit", type=click.IntRange(min=1), default=None, help=HELP("connection_limit")
)
@click.option("--read-timeout", type=click.IntRange(min=1), default=None, help=HELP("read_timeout"))
@click.option(
    "--allow-service",
    multiple=True,
    help="An endpoint SERVICE clauses may call (repeatable). " + HELP("service_allowlist"),
)
@click.option("--base-iri", default=None, help=HELP("base_iri"))
def serve(
    store: Path,
    host: str | None,
    port: int | None,
    update_token: str | None,
    query_timeout: float | None,
    workers: int | None,
    max_rows: int | None,
    max_memory: int | None,
    long_query_seconds: float | None,
    connection_limit: int | None,
    read_timeout: int | None,
    allow_service: tuple[str, ...],
    base_iri: str | None,
) -> None:
    """Serve the graph: SPARQL at /sparql, Graph Store at /store, a page at /.

    Read-only unless --update-token is given; then writes need the header
    `Authorization: Bearer TOKEN`.
    """
    from kg.serve.server import serve as run_server

    settings = Settings.from_env(
        store=store,
        host=host,
        port=port,
        update_token=update_token,
        query_timeout=query_timeout,
        workers=workers,
        max_rows=max_rows,
        max_memory=max_memory,
        long_query_seconds=long_query_seconds,
        connection_limit=connection_limit,
        read_timeout=read_timeout,
        service_allowlist=allow_service or None,
        base_iri=base_iri,
    )
    try:
        run_server(settings)
    except (StoreError, OSError) as error:
        raise click.ClickException(str(error)) from error


def resolve_query(text_or_name: str) -> str:
    """A question name from queries/ (``fighter-counts``), a file path, or the query itself."""
    named = QUERIES_DIR / f"{text_or_name}.rq"
    if named.is_file():
        return named.read_text(encoding="utf-8")
    path = Path(text_or_name)
    if path.suffix in {".rq", ".sparql"}:
        if not path.is_file():
            raise click.BadParameter(f"{path}: no such query file", param_hint="QUERY")
        return path.read_text(encoding="utf-8")
    return text_or_name


def question_titles() -> list[tuple[str, str]]:
    """(name, title) of every question in queries/, in the order of questions.md."""
    from kg.questions import load_questions

    return [(question.id, question.title) for question in load_questions(QUERIES_DIR)]


@main.command()
@click.argument("query", required=False)
@_store_option()
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["table", *sorted(TABLE_FORMATS), *sorted(GRAPH_FORMATS)]),
    default="table",
    show_default=True,
    help="table for people; json/xml/csv/tsv for SELECT/ASK; RDF formats for CONSTRUCT/DESCRIBE.",
)
@click.option("--max-width", type=int, default=60, show_default=True, help="Widest table cell.")
@click.option("--list", "list_questions", is_flag=True, help="List the questions in queries/.")
def query(query: str | None, store: Path, fmt: str, max_width: int, list_questions: bool) -> None:
    """Run QUERY: a question name from queries/, a .rq file, or SPARQL text.

    The default graph is the union of all article graphs.

    \b
    Examples:
      kg query --list
      kg query fighter-counts
      kg query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' -f csv
    """
    if list_questions or not query:
        for name, title in question_titles():
            click.echo(f"{name:24} {title}")
        return
    from pyoxigraph import QueryBoolean, QuerySolutions, QueryTriples

    from kg.query_output import render
    from kg.store import open_store

    try:
        store_handle = open_store(store, read_only=True)
        results = store_handle.query(resolve_query(query), use_default_graph_as_union=True)
    except StoreError as error:
        raise click.ClickException(str(error)) from error
    except SyntaxError as error:
        raise click.ClickException(f"bad query: {error}") from error
    assert isinstance(results, QuerySolutions | QueryBoolean | QueryTriples)
    base_iri = Settings.from_env().base_iri
    sys.stdout.buffer.write(render(results, fmt, max_width, base_iri))


@main.command()
@_store_option(must_exist=True)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(sorted(EXPORT_FORMATS)),
    default="nquads",
    show_default=True,
    help="Quad formats keep each article's graph; triple formats merge them.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="File to write.",
)
def export(store: Path, fmt: str, output: Path) -> None:
    """Write the whole graph to a file that loads into any triplestore."""
    from kg.store import export as run_export
    from kg.store import open_store

    try:
        run_export(open_store(store, read_only=True), fmt, output)
    except StoreError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Wrote {output} ({output.stat().st_size:,} bytes, {fmt}).", err=True)


@main.command()
@_store_option(must_exist=True)
def stats(store: Path) -> None:
    """Count what the graph holds: articles, entities, events, claims, quads."""
    from kg.store import open_store, select_rows

    try:
        handle = open_store(store, read_only=True)
    except StoreError as error:
        raise click.ClickException(str(error)) from error
    _, rows = select_rows(handle, STATS_QUERY)
    for label, value in zip(STATS_LABELS, rows[0], strict=True):
        click.echo(f"{label:22} {int(value or 0):>10,}")
    _, kinds = select_rows(handle, EVENT_KINDS_QUERY)
    for kind, count in kinds:
        click.echo(f"  {kind.rsplit('#', 1)[-1]:20} {int(count):>10,}")


STATS_LABELS = (
    "articles",
    "entities mentioned",
    "events",
    "count claims",
    "evidence spans",
    "quads",
)
STATS_QUERY = """
PREFIX schema: <https://schema.org/>
PREFIX nkg: <https://w3id.org/newskg/ontology#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
SELECT ?articles ?entities ?events ?claims ?spans ?quads WHERE {
  { SELECT (COUNT(DISTINCT ?a) AS ?articles) WHERE { ?a a schema:NewsArticle } }
  { SELECT (COUNT(DISTINCT ?x) AS ?entities) WHERE { ?x nkg:mentionedIn ?a } }
  { SELECT (COUNT(DISTINCT ?e) AS ?events) WHERE { ?e a sem:Event } }
  { SELECT (COUNT(DISTINCT ?c) AS ?claims) WHERE { ?c a nkg:CountClaim } }
  { SELECT (COUNT(DISTINCT ?s) AS ?spans) WHERE { ?s nif:referenceContext ?a } }
  { SELECT (COUNT(*) AS ?quads) WHERE { GRAPH ?g { ?s ?p ?o } } }
}
"""
EVENT_KINDS_QUERY = """
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
SELECT ?kind (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a sem:Event, ?kind FILTER(?kind != sem:Event) }
GROUP BY ?kind ORDER BY DESC(?n)
"""
