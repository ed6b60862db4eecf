"""The header block of a news page: byline, dateline, original outlet, tag lines.

Global Research pages (and many others) put, between the headline and the body::

    By [South Front](#) and [Global Research News](#)
    Global Research, December 12, 2016
    [South Front](#) 12 December 2016
    Region: [Middle East & North Africa](#)
    Theme: [Terrorism](#), [US NATO War Agenda](#)

``classify_line`` says which kind of header line a plain-text line is;
``read_header`` collects the metadata from the markdown (link texts separate names
exactly).  The block itself is removed by :func:`kg.ingest.boilerplate.drop_header_block`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from kg.ingest.dates import parse_date
from kg.ingest.markdown import inline_to_plain, split_paragraphs
from kg.records import SourceRef

HEADER_SCAN_LINES = 16  # header lines are looked for among the first lines after the headline
BODY_LINE_WORDS = 15  # a line this long that is no header line starts the body

_BYLINE = re.compile(r"^by\s*:?\s+(?P<names>.+?)\s*$", re.IGNORECASE)
_TAGS = re.compile(
    r"^(?P<label>region|regions|theme|themes|in-depth report|topics?|tags?|keywords"
    r"|categor(?:y|ies)|sections?)\s*:\s*(?P<tags>.+?)\s*$",
    re.IGNORECASE,
)
_NAME_PARTICLES = frozenset(
    {
        "al",
        "el",
        "de",
        "del",
        "der",
        "di",
        "da",
        "van",
        "von",
        "bin",
        "ibn",
        "ben",
        "la",
        "le",
        "du",
        "dos",
        "das",
        "y",
        "of",
        "the",
        "for",
        "and",
    }
)
_NAME_SEPARATORS = re.compile(r"\s*(?:,|;|&|\band\b)\s*", re.IGNORECASE)
_LINK_TEXT = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_WORD = re.compile(r"\S+")
_SENTENCE_ENDS = (".", "!", "?", '"', "”", "’")


class LineKind(StrEnum):
    """Kinds of header line."""

    BYLINE = "byline"
    DATELINE = "dateline"  # "Global Research, December 12, 2016" or a bare date
    SOURCE = "source"  # "[RT](#) 11 December 2016": an outlet and its date
    TAGS = "tags"


@dataclass(frozen=True)
class Header:
    """Metadata read from a page's header block."""

    authors: tuple[str, ...] = ()
    date_published: date | None = None
    based_on: tuple[SourceRef, ...] = ()
    keywords: tuple[str, ...] = ()


def _looks_like_names(text: str) -> bool:
    """Capitalised words (and name particles) only, as in "South Front and RT"."""
    words = [word.strip(",;.&()") for word in text.split()]
    words = [word for word in words if word]
    if not words or len(words) > 14:
        return False
    return all(
        word[0].isupper() or word[0].isdigit() or word.lower() in _NAME_PARTICLES for word in words
    )


def _split_name_and_date(line: str) -> tuple[str, date] | None:
    """("South Front", 2016-12-12) for "South Front 12 December 2016"; None otherwise."""
    for match in _WORD.finditer(line):
        if match.start() == 0:
            continue
        found = parse_date(line[match.start() :])
        if found is not None:
            name = line[: match.start()].strip().rstrip(",").strip()
            if name and _looks_like_names(name) and len(name.split()) <= 8:
                return name, found
            return None
    return None


def classify_line(line: str) -> LineKind | None:
    """The kind of header line ``line`` (plain text) is, or None for any other line."""
    line = line.strip()
    if not line or len(line) > 200:
        return None
    if _TAGS.match(line):
        return LineKind.TAGS
    byline = _BYLINE.match(line)
    if byline and _looks_like_names(byline.group("names")):
        return LineKind.BYLINE
    if parse_date(line) is not None:
        return LineKind.DATELINE
    split = _split_name_and_date(line)
    if split is not None:
        return LineKind.DATELINE if f"{split[0]}," in line else LineKind.SOURCE
    return None


def is_body_line(line: str) -> bool:
    """A line that starts the body: long, or a sentence of some length."""
    words = len(line.split())
    return words >= BODY_LINE_WORDS or (words >= 6 and line.rstrip().endswith(_SENTENCE_ENDS))


def _names(markdown_line: str, plain_text: str) -> tuple[str, ...]:
    """Names in a byline or tag list: link texts when linked, else split on , ; & and."""
    linked = [inline_to_plain(text) for text in _LINK_TEXT.findall(markdown_line)]
    parts = linked or _NAME_SEPARATORS.split(plain_text)
    return tuple(dict.fromkeys(part.strip() for part in parts if part.strip()))


def _tags(markdown_line: str, plain_tags: str) -> tuple[str, ...]:
    linked = [inline_to_plain(text) for text in _LINK_TEXT.findall(markdown_line)]
    parts = linked or re.split(r"\s*[,;|]\s*", plain_tags)
    return tuple(part.strip() for part in parts if part.strip())


def header_lines(markdown: str) -> list[tuple[str, str]]:
    """(markdown line, plain line) pairs after the headline that may hold header lines."""
    paragraphs = split_paragraphs(markdown)
    pairs: list[tuple[str, str]] = []
    for paragraph in paragraphs[1:]:
        for line in paragraph.split("\n"):
            plain = inline_to_plain(line)
            if not plain:
                continue
            if classify_line(plain) is None and is_body_line(plain):
                return pairs
            pairs.append((line, plain))
            if len(pairs) >= HEADER_SCAN_LINES:
                return pairs
    return pairs


def read_header(markdown: str) -> Header:
    """Authors, publication date, original outlets and tags from a page's header block."""
    authors: list[str] = []
    published: date | None = None
    based_on: list[SourceRef] = []
    keywords: list[str] = []
    for line, plain in header_lines(markdown):
        kind = classify_line(plain)
        if kind is LineKind.BYLINE:
            match = _BYLINE.match(plain)
            assert match is not None
            authors.extend(_names(line, match.group("names")))
        elif kind is LineKind.TAGS:
            match = _TAGS.match(plain)
            assert match is not None
            keywords.extend(_tags(line, match.group("tags")))
        elif kind is LineKind.DATELINE and published is None:
            published = parse_date(plain) or _date_of(plain)
        elif kind in (LineKind.SOURCE, LineKind.DATELINE):
            split = _split_name_and_date(plain)
            if split is not None:
                linked = _LINK_TEXT.findall(line)
                name = inline_to_plain(linked[0]) if len(linked) == 1 else split[0]
                based_on.append(SourceRef(name, split[1]))
    return Header(
        authors=tuple(dict.fromkeys(authors)),
        date_published=published,
        based_on=tuple(dict.fromkeys(based_on)),
        keywords=tuple(dict.fromkeys(keywords)),
    )


def _date_of(line: str) -> date | None:
    split = _split_name_and_date(line)
    return split[1] if split else None
