"""Ingest: text, markdown, HTML, CSV and JSONL sources → cleaned :class:`~kg.records.Article`.

Other stages call only :func:`read_sources`, :func:`count_articles` and
:class:`TableColumns`.  A source is a file (``.txt``, ``.md``, ``.html``/``.htm``,
``.csv``, ``.jsonl``) or a folder (read recursively, in sorted order, those
suffixes only).  Input that cannot be read becomes an :class:`~kg.records.IngestProblem`
naming the file (and line) and the run goes on.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from kg.ingest.compose import article_from_markdown
from kg.ingest.decode import UnreadableFile, read_text
from kg.ingest.htmlpage import article_from_html
from kg.ingest.tables import TableColumns, count_rows, read_table
from kg.records import Article, IngestProblem

__all__ = ["TableColumns", "count_articles", "read_sources"]

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
TABLE_SUFFIXES = frozenset({".csv", ".jsonl"})
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | TABLE_SUFFIXES
USUAL_COLUMNS = TableColumns()  # every column found by its usual name


def _files(sources: Iterable[Path]) -> Iterator[Path | IngestProblem]:
    """Each file to read, in order; folders expanded recursively and sorted."""
    for source in sources:
        source = Path(source)
        if source.is_dir():
            found = sorted(
                path
                for path in source.rglob("*")
                if path.suffix.lower() in SUFFIXES
                and path.is_file()
                and not any(part.startswith(".") for part in path.relative_to(source).parts)
            )
            if not found:
                wanted = ", ".join(sorted(SUFFIXES))
                yield IngestProblem(str(source), f"folder has no {wanted} files")
            yield from found
        elif not source.exists():
            yield IngestProblem(str(source), "no such file or folder")
        elif source.suffix.lower() not in SUFFIXES:
            yield IngestProblem(
                str(source),
                f"unsupported file type {source.suffix or '(none)'!r};"
                f" expected one of {', '.join(sorted(SUFFIXES))}",
            )
        else:
            yield source


def _read_file(path: Path, columns: TableColumns) -> Iterator[Article | IngestProblem]:
    if path.suffix.lower() in TABLE_SUFFIXES:
        yield from read_table(path, columns)
        return
    try:
        decoded = read_text(path)
    except UnreadableFile as error:
        yield IngestProblem(str(path), str(error))
        return
    if path.suffix.lower() in HTML_SUFFIXES:
        yield article_from_html(path.stem, str(path), decoded.text, decoded.warnings)
    else:
        yield article_from_markdown(path.stem, str(path), decoded.text, decoded.warnings)


def _source_name(source: Path, path: Path) -> str:
    """``path`` as the build records it: relative to the folder given, or a file's own name."""
    return path.relative_to(source).as_posix() if source.is_dir() else path.name


def read_sources(
    sources: Iterable[Path], columns: TableColumns = USUAL_COLUMNS, *, relative: bool = False
) -> Iterator[Article | IngestProblem]:
    """Every article of ``sources``, in order, and a problem for each thing that failed.

    With ``relative``, an article's ``origin`` names its file relative to the
    folder (or table) it was found under, so builds on two machines agree;
    problems and warnings keep the path as given, to find the file.

    An id seen before with the same text is the same article read again (a build
    replaces its graph with the same content). An id seen before with different
    text would silently replace the first article, so the later one is kept under
    ``<id>-<line or stem>`` with a warning.
    """
    seen: dict[str, tuple[str, bytes]] = {}  # id → first origin, digest of its text
    for source, item in ((s, i) for s in sources for i in _files([s])):
        if isinstance(item, IngestProblem):
            yield item
            continue
        name, given = _source_name(Path(source), item), str(item)
        told: set[str] = set()  # a file's decoding warnings, told once, not once per row
        for result in _read_file(item, columns):
            if isinstance(result, Article):
                new_warnings = tuple(w for w in result.warnings if w not in told)
                told.update(new_warnings)
                result = replace(result, warnings=new_warnings)
                digest = hashlib.blake2b(result.text.encode(), digest_size=16).digest()
                if result.id in seen and seen[result.id][1] != digest:
                    first = seen[result.id][0]
                    where = result.origin.rsplit(":", 1)[-1] if ":" in result.origin else "2"
                    new_id = f"{result.id}-{where}"
                    warning = (
                        f"{result.origin}: id {result.id!r} was already used by {first} for "
                        f"another text; this one is built as {new_id!r}"
                    )
                    result = replace(result, id=new_id, warnings=(*result.warnings, warning))
                seen.setdefault(result.id, (result.origin, digest))
                if relative and result.origin.startswith(given):
                    result = replace(
                        result, origin=name + result.origin[len(given) :], located=result.origin
                    )
            yield result


def count_articles(sources: Iterable[Path], columns: TableColumns = USUAL_COLUMNS) -> int:
    """How many articles ``sources`` hold at most: one per page, one per table row."""
    total = 0
    for item in _files(sources):
        if isinstance(item, IngestProblem):
            continue
        if item.suffix.lower() in TABLE_SUFFIXES:
            total += count_rows(item)
        else:
            total += 1
    return total
