"""The ``kg`` command: build, serve, query, export, validate, stats.

Each command is a thin wrapper over a plain function; settings come from
:class:`kg.config.Settings` (defaults, then ``NEWSKG_*`` variables, then options).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from kg import __version__
from kg.cli_options import command_settings, is_server, server_options, store_option
from kg.config import QUERIES_DIR, Settings
from kg.store import EXPORT_FORMATS, StoreError

HELP = Settings.help_for
TABLE_FORMATS = {"json", "xml", "csv", "tsv"}
GRAPH_FORMATS = {"turtle", "ntriples", "nquads", "trig", "jsonld", "rdfxml"}


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """newskg: build a knowledge graph of who says what from news articles.

    \b
    Typical use:
      kg build seeds/ --store kg-store          # read articles, extract, store
      kg query fighter-counts --store kg-store  # ask a question from queries/
      kg serve --store kg-store                 # SPARQL endpoint and page on :8000
      kg build seeds/ --store sparql+http://127.0.0.1:7878/   # into a SPARQL server
    """


@main.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option()
@click.option("--id-column", help="Table column holding each article's id (default: id).")
@click.option("--title-column", help="Table column holding the headline (default: title).")
@click.option("--text-column", help="Table column holding the article text (default: text).")
@click.option("--date-column", help="Table column holding the publication date (default: date).")
@click.option("--base-iri", default=None, help=HELP("base_iri"))
@click.option("--model", default=None, help=HELP("model"))
@click.option(
    "--processes",
    type=click.IntRange(min=1),
    default=None,
    help=HELP("processes") + " With --executor dask: the LocalCluster's worker processes.",
)
@click.option(
    "--executor",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Where parsing runs: local processes, or a Dask cluster (a LocalCluster here "
    "unless --scheduler is given).",
)
@click.option(
    "--scheduler",
    metavar="tcp://HOST:8786",
    default=None,
    help="A running Dask scheduler to send the work to (implies --executor dask); start its "
    "workers with `dask worker tcp://HOST:8786 --nthreads 1 --preload kg.executors`.",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Exit with status 1 if there was any error or warning (an unreadable or skipped input,"
    " a cp1252 fallback, dropped characters, a repeated id…); the rest is still built.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option(
    "--shards",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Instead of a store, write gzipped N-Quads shards (one per batch) into this folder "
    "for a server's own bulk loader, and print the command that loads them.",
)
@click.option(
    "--store-request-bytes",
    type=click.IntRange(min=1024),
    default=None,
    help=HELP("store_request_bytes"),
)
@server_options
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
    executor: str,
    scheduler: str | None,
    strict: bool,
    quiet: bool,
    shards: Path | None,
    store_request_bytes: int | None,
) -> None:
    """Read SOURCES (files, folders, .csv/.jsonl tables) into the graph at --store.

    Builds add to the store; an article built again replaces its own graph, and
    one whose text, metadata and source path (and newskg's code and model) are
    unchanged since it was stored is skipped. A file or row that cannot be read
    is reported with the reason and the rest is built. Exit status: 1 when nothing
    could be built, or with --strict when any error or warning was reported; 1
    (with what is stored) when the store cannot be written, e.g. a full disk.

    \b
    Examples:
      kg build seeds/ --store kg-store
      kg build fakes.csv --id-column unit_id --title-column article_title \\
               --text-column article_content --date-column date
      kg build corpus/ --executor dask --processes 4
      kg build corpus/ --scheduler tcp://10.0.0.5:8786
      kg build seeds/ --store sparql+http://127.0.0.1:7878/          # an Oxigraph server
      kg build seeds/ --store sparql+http://127.0.0.1:8890/ --store-profile virtuoso
      kg build fakes.csv ... --shards shards/   # files for `oxigraph load` / Virtuoso ld_dir

    A server store: each batch replaces its article graphs in one SPARQL Update request
    (one transaction on Oxigraph; Virtuoso applies the operations one by one).
    """
    from kg.ingest import TableColumns
    from kg.nlp import ModelNotFound
    from kg.pipeline import build as run_build
    from kg.pipeline import expected_total

    if scheduler and not scheduler.startswith(("tcp://", "tls://", "ucx://", "inproc://")):
        raise click.BadParameter(
            f"{scheduler!r}: expected a scheduler address like tcp://HOST:8786",
            param_hint="--scheduler",
        )
    settings = command_settings(
        store=store,
        base_iri=base_iri,
        model=model,
        processes=processes,
        store_request_bytes=store_request_bytes,
    )
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

    target: Any = None
    if shards is not None:
        from kg.shards import ShardTarget

        try:
            target = ShardTarget(shards)
        except StoreError as error:
            raise click.ClickException(str(error)) from error
    elif is_server(settings.store):
        from kg.remote import open_server_target

        try:
            target = open_server_target(str(settings.store), settings)
        except StoreError as error:
            raise click.ClickException(str(error)) from error
    where = {"executor": executor, "scheduler": scheduler, "target": target}
    try:
        if progress is not None:
            with progress:
                report = run_build(
                    sources, settings, columns, on_problem, progress.update, on_warning, **where
                )
        else:
            report = run_build(
                sources, settings, columns, on_problem, on_warning=on_warning, **where
            )
    except (ModelNotFound, StoreError) as error:
        raise click.ClickException(str(error)) from error
    except OSError as error:  # e.g. no Dask scheduler at --scheduler
        raise click.ClickException(f"{scheduler or executor}: {error}") from error
    where = shards if shards is not None else settings.store
    click.echo(report.summary(where), err=True)
    if shards is not None:
        from kg.shards import load_commands

        click.echo(load_commands(shards))
    if report.problems and report.articles + report.skipped == 0:
        sys.exit(1)
    if strict and (report.problems or report.warnings):
        click.echo("--strict: exit status 1 because of the errors or warnings above.", err=True)
        sys.exit(1)


@main.command()
@store_option(must_exist=True)
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
@server_options
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
    `Authorization: Bearer TOKEN`. In front of a SPARQL server
    (--store sparql+http://…) it is read-only and forwards queries to the server with
    the timeout, row limit and SERVICE policy; start Oxigraph with
    `oxigraph serve --location DIR --union-default-graph --timeout-s SECONDS`.
    """
    from kg.serve.server import serve as run_server

    settings = command_settings(
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
    if is_server(settings.store):
        if update_token:
            raise click.UsageError("a server store is served read-only: drop --update-token")
        from kg.serve.upstream import serve_remote as run_server
    try:
        run_server(settings)
    except (StoreError, OSError) as error:
        raise click.ClickException(str(error)) from error


def _query_text(text_or_name: str) -> str:
    """The query ``kg query`` was given, by name, file or text."""
    from kg.questions import resolve_query

    try:
        return resolve_query(text_or_name, QUERIES_DIR)
    except FileNotFoundError as error:
        raise click.BadParameter(str(error), param_hint="QUERY") from error


@main.command()
@click.argument("query", required=False)
@store_option()
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
@server_options
def query(
    query: str | None, store: Path | str, fmt: str, max_width: int, list_questions: bool
) -> None:
    """Run QUERY: a question name from queries/, a .rq file, or SPARQL text.

    The default graph is the union of all article graphs.

    \b
    Examples:
      kg query --list
      kg query fighter-counts
      kg query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' -f csv
      kg query fighter-counts --store sparql+http://127.0.0.1:7878/
    """
    if list_questions or not query:
        from kg.questions import question_titles

        for name, title in question_titles(QUERIES_DIR):
            click.echo(f"{name:24} {title}")
        return
    if is_server(store):
        _query_server(command_settings(store=store), _query_text(query), fmt, max_width)
        return
    from pyoxigraph import QueryBoolean, QuerySolutions, QueryTriples

    from kg.query_output import render
    from kg.store import open_store

    try:
        store_handle = open_store(store, read_only=True)
        results = store_handle.query(_query_text(query), use_default_graph_as_union=True)
    except StoreError as error:
        raise click.ClickException(str(error)) from error
    except SyntaxError as error:
        raise click.ClickException(f"bad query: {error}") from error
    assert isinstance(results, QuerySolutions | QueryBoolean | QueryTriples)
    base_iri = Settings.from_env().base_iri
    sys.stdout.buffer.write(render(results, fmt, max_width, base_iri))


def _query_server(settings: Settings, text: str, fmt: str, max_width: int) -> None:
    """``kg query`` against a SPARQL server store."""
    from kg.query_output import render
    from kg.remote import open_client
    from kg.remote_read import render_triples, run_query

    client = open_client(str(settings.store), settings)
    try:
        results = run_query(client, text)
    except StoreError as error:
        raise click.ClickException(str(error)) from error
    finally:
        client.close()
    if isinstance(results, list):
        sys.stdout.buffer.write(render_triples(results, fmt))
    else:
        sys.stdout.buffer.write(render(results, fmt, max_width, settings.base_iri))


@main.command()
@store_option(must_exist=True)
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
@server_options
def export(store: Path | str, fmt: str, output: Path) -> None:
    """Write the whole graph to a file that loads into any triplestore.

    From a server store, newskg's graphs (those under the base IRI) are read one by one
    from the server's Graph Store endpoint.
    """
    from kg.store import export as run_export
    from kg.store import open_store

    if is_server(store):
        from kg.remote import open_client
        from kg.remote_read import export as export_server

        settings = command_settings(store=store)
        client = open_client(str(store), settings)
        try:
            export_server(client, settings.base_iri, fmt, output)
        except StoreError as error:
            raise click.ClickException(str(error)) from error
        finally:
            client.close()
        click.echo(f"Wrote {output} ({output.stat().st_size:,} bytes, {fmt}).", err=True)
        return
    try:
        run_export(open_store(store, read_only=True), fmt, output)
    except StoreError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Wrote {output} ({output.stat().st_size:,} bytes, {fmt}).", err=True)


@main.command()
@store_option(must_exist=True)
@click.option(
    "--shapes",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    default=None,
    help="SHACL shapes to check (default: the contract's ontology/shapes.ttl).",
)
@click.option(
    "--examples",
    type=click.IntRange(min=0),
    default=3,
    show_default=True,
    help="Violations shown for each kind.",
)
@click.option("--base-iri", default=None, help=HELP("base_iri"))
def validate(store: Path, shapes: Path | None, examples: int, base_iri: str | None) -> None:
    """Check the graphs at --store against the SHACL shapes of the graph contract.

    Every article graph is checked (in chunks, with the ontology and gazetteer
    nodes it points to), and the ontology and gazetteer graphs once, with
    pyshacl and no inference. Violations are grouped by kind (shape, path,
    constraint) with their count, the message and a few focus nodes. Exit
    status 1 when there is any violation.

    \b
    Example:
      kg validate --store kg-store
    """
    from kg.store import open_store
    from kg.validate import SHAPES, ValidatorMissing, validate_store

    settings = Settings.from_env(store=store, base_iri=base_iri)
    try:
        handle = open_store(store, read_only=True)
        report = validate_store(handle, settings.base_iri, shapes or SHAPES)
    except (StoreError, ValidatorMissing) as error:
        raise click.ClickException(str(error)) from error
    kinds = report.kinds()
    for (shape, path, component), count in kinds.most_common():
        found = [v for v in report.violations if v.kind == (shape, path, component)]
        click.echo(
            f"{count:>6}  {_short(shape)}  {_short(path) or '(node)'}  "
            f"{_short(component).removesuffix('ConstraintComponent')}: {found[0].message}"
        )
        for violation in found[:examples]:
            shown = violation.value and violation.value != violation.focus
            value = f" = {violation.value}" if shown else ""
            click.echo(f"        {violation.focus}{value}  (in {violation.graph})")
    click.echo(
        f"{len(report.violations)} violation(s) of {len(kinds)} kind(s) in {report.graphs} "
        f"graph(s), {report.triples:,} triples, in {report.seconds:.1f} s.",
        err=True,
    )
    if report.violations:
        sys.exit(1)


def _short(iri: str) -> str:
    """The local name of a shape, path or constraint IRI (or a blank node's id)."""
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1] if "://" in iri else iri


@main.command()
@store_option(must_exist=True)
@server_options
def stats(store: Path | str) -> None:
    """Count what the graph holds: articles, entities, events, claims, quads."""
    from kg.store import open_store, select_rows

    if is_server(store):
        rows, kinds = _server_stats(command_settings(store=store))
    else:
        try:
            handle = open_store(store, read_only=True)  # type: ignore[arg-type]
        except StoreError as error:
            raise click.ClickException(str(error)) from error
        _, rows = select_rows(handle, STATS_QUERY)
        _, kinds = select_rows(handle, EVENT_KINDS_QUERY)
    for label, value in zip(STATS_LABELS, rows[0], strict=True):
        click.echo(f"{label:22} {int(value or 0):>10,}")
    for kind, count in kinds:
        click.echo(f"  {kind.rsplit('#', 1)[-1]:20} {int(count):>10,}")


def _server_stats(settings: Settings) -> tuple[list[list[str]], list[list[str]]]:
    """The stats rows of a server store (quads counted in newskg's graphs only)."""
    from kg.remote import open_client
    from kg.remote_read import scoped_stats_query
    from kg.store import _plain

    client = open_client(str(settings.store), settings)
    try:
        tables = []
        for text in (scoped_stats_query(STATS_QUERY, settings.base_iri), EVENT_KINDS_QUERY):
            results = client.select(text)
            names = [variable.value for variable in results.variables]  # type: ignore[union-attr]
            tables.append([[_plain(row[name]) for name in names] for row in results])  # type: ignore[union-attr]
    except StoreError as error:
        raise click.ClickException(str(error)) from error
    finally:
        client.close()
    return tables[0], tables[1]


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
