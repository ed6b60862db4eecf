"""Tables of articles: ``.csv`` (with a header row) and ``.jsonl`` (one object a line).

Columns are the ones named in :class:`TableColumns` (``--id-column`` …) or, when not
named, the first of a few usual names found (case-insensitive).  Only the text
column is required.  Line numbers count from 1 and name where a row starts.

Tables are streamed (:func:`read_table`): one pass over the bytes picks the
encoding, a second yields the rows, so a table of millions of rows is never held
in memory.
"""

from __future__ import annotations

import codecs
import csv
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.ingest.compose import article_from_fields
from kg.ingest.decode import CP1252_RUNS, UnreadableFile, open_bytes
from kg.records import Article, IngestProblem

CSV_FIELD_LIMIT = 64 * 1024 * 1024  # long articles exceed csv's default of 128 KiB a cell
DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id", "identifier", "article_id", "doc_id", "uid", "unit_id"),
    "title": ("title", "headline", "article_title", "name"),
    "text": ("text", "content", "body", "article_content", "article_text", "article_body"),
    "date": ("date", "date_published", "datepublished", "published", "publication_date",
             "pubdate"),
}  # fmt: skip


@dataclass(frozen=True)
class TableColumns:
    """Table columns to read (None: the first usual name found, see ``DEFAULT_COLUMNS``)."""

    id: str | None = None  # --id-column
    title: str | None = None  # --title-column
    text: str | None = None  # --text-column
    date: str | None = None  # --date-column


class MissingColumns(Exception):
    """A named (or the required) column is not in the table."""


def resolve_columns(available: Sequence[str], choice: TableColumns) -> dict[str, str | None]:
    """Which table column serves as id, title, text and date; raises :class:`MissingColumns`."""
    by_folded = {name.strip().casefold(): name for name in available}
    resolved: dict[str, str | None] = {}
    missing: list[str] = []
    for role, defaults in DEFAULT_COLUMNS.items():
        asked = getattr(choice, role)
        if asked is not None:
            found = asked if asked in available else by_folded.get(asked.strip().casefold())
            if found is None:
                missing.append(f"{role} column {asked!r}")
            resolved[role] = found
        else:
            resolved[role] = next((by_folded[d] for d in defaults if d in by_folded), None)
    if resolved["text"] is None and not missing:
        missing.append(f"a text column (one of {', '.join(DEFAULT_COLUMNS['text'])})")
    if missing:
        raise MissingColumns(
            f"no {' and no '.join(missing)}; the table has: {', '.join(available) or 'no columns'}"
        )
    return resolved


def _cell(row: dict[str, object], column: str | None) -> str:
    if column is None:
        return ""
    value = row.get(column)
    return "" if value is None else str(value).replace("\r\n", "\n").replace("\r", "\n")


def _row_article(
    path: Path,
    line: int,
    row: dict[str, object],
    columns: dict[str, str | None],
    warnings: tuple[str, ...],
) -> Article | IngestProblem:
    origin = f"{path}:{line}"
    text = _cell(row, columns["text"])
    if not text.strip():
        return IngestProblem(origin, f"empty text in column {columns['text']!r}")
    article_id = _cell(row, columns["id"]).strip() or f"{path.stem}-{line}"
    return article_from_fields(
        article_id,
        origin,
        _cell(row, columns["title"]),
        text,
        _cell(row, columns["date"]),
        warnings,
    )


def table_encoding(path: Path) -> tuple[str, tuple[str, ...]]:
    """The encoding to stream a table with, and a warning when it is not UTF-8.

    One pass over the bytes in chunks (flat memory); raises :class:`UnreadableFile`
    for a missing, binary or empty file.
    """
    with open_bytes(path) as handle:
        chunk = handle.read(8192)
        if chunk.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16", ()
        if b"\x00" in chunk:
            raise UnreadableFile("is binary, not text")
        decoder = codecs.getincrementaldecoder("utf-8")()
        encoding, warnings, offset, lines, blank = "utf-8-sig", (), 0, 0, True
        while chunk:
            blank = blank and not chunk.strip()
            if not warnings:
                pending = decoder.getstate()[0]
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError as error:
                    start = max(0, error.start - len(pending))
                    line = lines + chunk.count(b"\n", 0, start) + 1
                    warnings = (
                        f"{path}:{line}: not UTF-8 from byte {chunk[start]:#04x} (offset "
                        f"{offset + start}); read as cp1252 where not UTF-8, the rest as UTF-8",
                    )
            offset += len(chunk)
            lines += chunk.count(b"\n")
            chunk = handle.read(1 << 18)
        if not warnings:
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                warnings = (f"{path}:{lines + 1}: not UTF-8 at its end; read as cp1252",)
    if blank:
        raise UnreadableFile("is empty")
    return encoding, warnings


def read_table(path: Path, choice: TableColumns) -> Iterator[Article | IngestProblem]:
    """Articles (and problems) of a ``.csv`` or ``.jsonl`` table, streamed row by row."""
    try:
        encoding, warnings = table_encoding(path)
    except UnreadableFile as error:
        yield IngestProblem(str(path), str(error))
        return
    with path.open(encoding=encoding, errors=CP1252_RUNS, newline="") as stream:
        if path.suffix.lower() == ".jsonl":
            yield from read_jsonl(path, stream, choice, warnings)
        else:
            yield from read_csv(path, stream, choice, warnings)


def read_csv(
    path: Path, lines: Iterable[str], choice: TableColumns, warnings: tuple[str, ...] = ()
) -> Iterator[Article | IngestProblem]:
    """Articles (and problems) of a CSV table with a header row."""
    csv.field_size_limit(max(csv.field_size_limit(), CSV_FIELD_LIMIT))
    reader = csv.DictReader(lines)
    try:
        columns = resolve_columns(reader.fieldnames or [], choice)
    except MissingColumns as error:
        yield IngestProblem(str(path), str(error))
        return
    except csv.Error as error:
        yield IngestProblem(f"{path}:1", f"bad CSV header ({error})")
        return
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield IngestProblem(f"{path}:{start}", f"bad CSV row ({error})")
            start = reader.line_num + 1
            continue
        if None in row:
            yield IngestProblem(f"{path}:{start}", "row has more cells than the header")
        else:
            yield _row_article(path, start, dict(row), columns, warnings)
        start = reader.line_num + 1


def read_jsonl(
    path: Path, lines: Iterable[str], choice: TableColumns, warnings: tuple[str, ...] = ()
) -> Iterator[Article | IngestProblem]:
    """Articles (and problems) of a JSON Lines table; columns resolved on the first object."""
    columns: dict[str, str | None] | None = None
    for line_number, line in enumerate(_lines(lines), start=1):
        if not line.strip():
            continue
        origin = f"{path}:{line_number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            yield IngestProblem(origin, f"bad JSON ({error.msg} at column {error.colno})")
            continue
        if not isinstance(row, dict):
            yield IngestProblem(origin, f"expected a JSON object, got {type(row).__name__}")
            continue
        if columns is None:
            try:
                columns = resolve_columns(list(row), choice)
            except MissingColumns as error:
                yield IngestProblem(str(path), str(error))
                return
        yield _row_article(path, line_number, row, columns, warnings)


def _lines(stream: Iterable[str]) -> Iterator[str]:
    """Lines split at \\n, \\r\\n or \\r, as the whole-text reader did."""
    for line in stream:
        yield from line.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n").split("\n")


def count_rows(path: Path) -> int:
    """How many rows the table has (a cheap total for a progress bar), streamed."""
    try:
        encoding, _ = table_encoding(path)
    except UnreadableFile:
        return 0
    with path.open(encoding=encoding, errors=CP1252_RUNS, newline="") as stream:
        if path.suffix.lower() == ".jsonl":
            return sum(1 for line in _lines(stream) if line.strip())
        csv.field_size_limit(max(csv.field_size_limit(), CSV_FIELD_LIMIT))
        try:
            return sum(1 for _ in csv.DictReader(stream))
        except csv.Error:
            return 0
