"""A news page in HTML → headline, date, authors, keywords and body paragraphs.

Uses the standard library's ``html.parser`` (no new dependency): headline from
``<h1>`` (else ``<title>``), date from the usual ``<meta>`` tags or ``<time
datetime>``, authors from ``<meta name="author">``, body from the paragraphs,
headings, list items and quotes inside ``<article>`` (else ``<main>``, else the
whole page); scripts, styles, navigation, asides, forms and footers are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from kg.ingest.compose import clean_title, finish_article, one_line, strip_leading_date
from kg.ingest.dates import parse_date
from kg.records import Article, IngestProblem

_SKIPPED = frozenset(
    {
        "script",
        "style",
        "noscript",
        "nav",
        "footer",
        "aside",
        "form",
        "template",
        "svg",
        "iframe",
        "button",
        "select",
        "figcaption",
    }
)
_BLOCKS = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt"})
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }
)
_DATE_META = (
    "article:published_time", "og:article:published_time", "og:published_time",
    "datepublished", "date", "dc.date", "dc.date.issued", "dcterms.created", "pubdate",
    "publishdate", "publish-date", "publication_date", "sailthru.date", "parsely-pub-date",
    "article.published", "og:updated_time", "article:modified_time",
)  # fmt: skip
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&)\s*")


@dataclass
class _Block:
    container: str  # "article", "main" or "page"
    text: list[str] = field(default_factory=list)


class _PageParser(HTMLParser):
    """Collects what :func:`article_from_html` needs in one pass."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title: list[str] = []
        self.h1: list[str] = []
        self.time_datetime: str = ""
        self.blocks: list[_Block] = []
        self._stack: list[str] = []
        self._skip_depth = 0
        self._in_title = False
        self._h1_done = False
        self._in_h1 = False
        self._block: _Block | None = None
        self._block_depth = 0

    def _container(self) -> str:
        if "article" in self._stack:
            return "article"
        return "main" if "main" in self._stack else "page"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): value or "" for name, value in attrs}
        if tag == "meta":
            key = values.get("property") or values.get("name") or values.get("itemprop") or ""
            if key and "content" in values:
                self.meta.setdefault(key.lower(), values["content"])
            return
        if tag == "time" and values.get("datetime") and not self.time_datetime:
            self.time_datetime = values["datetime"]
        if tag in _VOID:
            if tag == "br" and self._block is not None:
                self._block.text.append(" ")
            return
        self._stack.append(tag)
        if tag in _SKIPPED or self._skip_depth:
            self._skip_depth += 1
            return
        if tag == "title":
            self._in_title = True
        elif tag == "h1" and not self._h1_done:
            self._in_h1 = True
        elif tag in _BLOCKS and self._block is None:
            self._block = _Block(self._container())
            self._block_depth = len(self._stack)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or tag not in self._stack:
            return
        while self._stack:
            open_tag = self._stack.pop()
            if self._skip_depth:
                self._skip_depth -= 1
            if open_tag == "title":
                self._in_title = False
            if open_tag == "h1" and self._in_h1:
                self._in_h1 = False
                self._h1_done = bool("".join(self.h1).strip())
            if self._block is not None and len(self._stack) < self._block_depth:
                self.blocks.append(self._block)
                self._block = None
            if open_tag == tag:
                break

    def close(self) -> None:
        """Finish parsing; an unclosed last block still counts."""
        super().close()
        if self._block is not None:
            self.blocks.append(self._block)
            self._block = None

    def handle_data(self, data: str) -> None:
        if self._skip_depth:
            return
        if self._in_title:
            self.title.append(data)
        if self._in_h1:
            self.h1.append(data)
        elif self._block is not None:
            self._block.text.append(data)


def _published(parser: _PageParser) -> str:
    for key in _DATE_META:
        if parser.meta.get(key):
            return parser.meta[key]
    return parser.time_datetime


def article_from_html(
    article_id: str, origin: str, html: str, warnings: tuple[str, ...] = ()
) -> Article | IngestProblem:
    """An article from an HTML page."""
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    headline = one_line("".join(parser.h1)) or clean_title("".join(parser.title))
    for container in ("article", "main", "page"):
        chosen = [b for b in parser.blocks if b.container == container]
        if chosen:
            break
    paragraphs = [one_line("".join(block.text)) for block in chosen]
    paragraphs = [p for p in paragraphs if p]
    if paragraphs and headline and one_line(paragraphs[0]) == headline:
        paragraphs.pop(0)
    body = "\n\n".join(paragraphs)
    published = parse_date(_published(parser).strip())
    leading, body = strip_leading_date(body)
    authors = tuple(
        name for name in _AUTHOR_SPLIT.split(parser.meta.get("author", "").strip()) if name
    )
    keywords = tuple(
        word.strip() for word in parser.meta.get("keywords", "").split(",") if word.strip()
    )
    return finish_article(
        article_id,
        origin,
        headline,
        body,
        published=published or leading,
        authors=authors,
        keywords=keywords,
        warnings=warnings,
    )
