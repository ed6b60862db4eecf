"""Turn a headline and raw body text into one cleaned :class:`~kg.records.Article`.

The article's text is the headline (when known) as its first paragraph, a blank
line, then the body paragraphs separated by blank lines; lines inside a paragraph
are joined by a space.  Every later offset points into this text.
"""

from __future__ import annotations

import re
from datetime import date

from kg.ingest.boilerplate import clean
from kg.ingest.dates import leading_date, parse_date
from kg.ingest.header import read_header
from kg.ingest.markdown import markdown_to_plain, rejoin_broken_paragraphs, split_paragraphs
from kg.records import Article, IngestProblem, SourceRef

HEADLINE_MAX_WORDS = 30
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_SITE_SUFFIX = re.compile(r"\s+[|•–—-]\s+[^|•–—]{2,40}$")
_MARKDOWN_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]")
_BYLINE_PREFIX = re.compile(r"^\s*by\s", re.IGNORECASE)
_JOINERS = " \t\n.,:;|–—-"


def one_line(text: str) -> str:
    """``text`` with its lines joined by single spaces."""
    return _SPACES.sub(" ", " ".join(line.strip() for line in text.split("\n"))).strip()


def clean_title(title: str) -> str:
    """A title without a trailing site name ("… kills three | Jordan Times")."""
    title = one_line(title)
    shorter = _SITE_SUFFIX.sub("", title)
    return shorter if len(shorter.split()) >= 3 else title


def body_paragraphs(text: str) -> list[str]:
    """Paragraphs of ``text``, each on one line."""
    return [line for line in (one_line(p) for p in split_paragraphs(text)) if line]


def compose_text(headline: str, paragraphs: list[str]) -> str:
    """Headline, blank line, paragraphs separated by blank lines."""
    return "\n\n".join(([headline] if headline else []) + paragraphs)


_ALNUM = re.compile(r"[^\W_]")  # what str.isalnum() accepts


def _letters(text: str, limit: int) -> str:
    """Lower-cased letters and digits of ``text[:limit]`` (a letter whose lower case is
    longer than one character stays as it is, so each stands for one of the text's)."""
    letters = "".join(_ALNUM.findall(text, 0, limit))
    lowered = letters.lower()
    if len(lowered) == len(letters):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in letters)


def _after_letter(text: str, index: int) -> int:
    """Where ``text`` goes on after its letter or digit number ``index`` (from 0)."""
    for number, found in enumerate(_ALNUM.finditer(text)):
        if number == index:
            return found.end()
    return len(text)


def split_repeated_title(text: str, title: str) -> tuple[str, str]:
    """A copy of ``title`` at the start of ``text`` (also after a "by …" byline, which is
    dropped) and the text after it; ``("", text)`` when there is none.

    Letters and digits are compared, ignoring case, spacing and punctuation, so
    "…nerve agent use WHO. Victims of…" gives "…nerve agent use WHO." and "Victims of…".
    """
    target = _letters(title, len(title))
    if len(target) < 8:
        return "", text
    folded = _letters(text, len(title) * 2 + 200)
    start = 0
    if folded.startswith(target):
        end = _after_letter(text, len(target) - 1)
    else:
        found = folded.find(target)
        if found <= 0 or _after_letter(text, found) - 1 > 150 or not _BYLINE_PREFIX.match(text):
            return "", text
        start = _after_letter(text, found) - 1
        end = _after_letter(text, found + len(target) - 1)
    if end < len(text) and text[end].isalnum():  # "…in Hama" + "s stronghold": no copy
        return "", text
    # Keep closing quotes or brackets that belong to the title's last word, and its stop.
    while end < len(text) and text[end] in "\"”’')]":
        end += 1
    if text.startswith((".", "!", "?"), end):
        end += 1
    elif text[end:].lstrip()[:1].islower():  # "Army kills 20 in Homs, SANA said": a sentence
        return "", text
    return text[start:end].strip(), text[end:].lstrip(_JOINERS)


def strip_repeated_title(text: str, title: str) -> str:
    """``text`` without a copy of ``title`` at its start (also after a "by …" byline)."""
    return split_repeated_title(text, title)[1]


def strip_leading_date(text: str) -> tuple[date | None, str]:
    """The date a text starts with (if any) and the text after it."""
    found = leading_date(text)
    if found is None:
        return None, text
    return found[0], text[found[1] :].lstrip(_JOINERS)


_DATELINE_WORD = re.compile(r"^[A-Z][\w.&'-]*$")
_AGENCY = re.compile(r"^[A-Z]{2,6}$")


def strip_agency_dateline(text: str) -> tuple[SourceRef | None, str]:
    """A leading "AFP Thursday 16 Jul 2015" (up to four capitalised words and a date) cut off.

    When the last of those words is an acronym (AFP, AP, SANA) it is returned as
    the outlet the article is based on, with the date.
    """
    words = text.split(None, 5)[:4]
    offset = 0
    for word in words:
        if not _DATELINE_WORD.match(word):
            return None, text
        offset = text.index(word, offset) + len(word)
        found = leading_date(text[offset:].lstrip())
        if found is not None and not re.match(
            r"\s*(?:published|posted|updated|date)\b", text[offset:], re.IGNORECASE
        ):
            rest_start = len(text) - len(text[offset:].lstrip()) + found[1]
            source = SourceRef(word, found[0]) if _AGENCY.match(word) else None
            return source, text[rest_start:].lstrip(_JOINERS)
    return None, text


def _looks_like_headline(paragraph: str, has_header: bool) -> bool:
    if _MARKDOWN_HEADING.match(paragraph):
        return True
    line = one_line(markdown_to_plain(paragraph))
    if "\n" in paragraph.strip() or len(line.split()) > HEADLINE_MAX_WORDS:
        return False
    return has_header or not line.endswith((".", ",", ";", ":"))


def finish_article(
    article_id: str,
    origin: str,
    headline: str,
    body: str,
    *,
    published: date | None = None,
    authors: tuple[str, ...] = (),
    based_on: tuple[SourceRef, ...] = (),
    keywords: tuple[str, ...] = (),
    warnings: tuple[str, ...] = (),
    title_copy: str = "",
) -> Article | IngestProblem:
    """The article with ``body`` cleaned of boilerplate; a problem when no text is left.

    ``title_copy`` is the headline as the body repeats it in its first words (a table
    row's "Wed 05 Apr 2017 Title. Body…"): it is published text, kept as the body's first
    paragraph.  A page whose body only repeats the headline as a paragraph of its own
    (a page's title and its heading) has that paragraph dropped.
    """
    paragraphs = body_paragraphs(clean(body))
    if headline and paragraphs and strip_repeated_title(paragraphs[0], headline) == "":
        paragraphs.pop(0)  # the body repeats the headline as its own first paragraph
    if title_copy.strip():
        paragraphs.insert(0, one_line(title_copy))
    if not paragraphs and not headline:
        return IngestProblem(origin, "no article text (empty, or only boilerplate)")
    return Article(
        id=article_id,
        text=compose_text(headline, paragraphs),  # a headline alone is an article too
        headline=headline,
        date_published=published,
        authors=authors,
        based_on=based_on,
        keywords=keywords,
        origin=origin,
        warnings=warnings,
    )


def article_from_markdown(
    article_id: str, origin: str, markdown: str, warnings: tuple[str, ...] = ()
) -> Article | IngestProblem:
    """An article from a markdown or plain-text page (header block, body, footer)."""
    header = read_header(markdown)
    has_header = bool(header.authors or header.date_published or header.keywords)
    raw_paragraphs = split_paragraphs(markdown)
    headline = ""
    published = header.date_published
    if raw_paragraphs and (dateline := parse_date(one_line(markdown_to_plain(raw_paragraphs[0])))):
        # A text that starts with its date on a line of its own.
        published = published or dateline
        raw_paragraphs = raw_paragraphs[1:]
    if raw_paragraphs and _looks_like_headline(raw_paragraphs[0], has_header):
        headline = one_line(markdown_to_plain(raw_paragraphs.pop(0)))
    plain = rejoin_broken_paragraphs(markdown_to_plain("\n\n".join(raw_paragraphs)))
    if not headline:
        leading, plain = strip_leading_date(plain)
        published = published or leading
    return finish_article(
        article_id,
        origin,
        headline,
        plain,
        published=published,
        authors=header.authors,
        based_on=header.based_on,
        keywords=header.keywords,
        warnings=warnings,
    )


def article_from_fields(
    article_id: str,
    origin: str,
    title: str,
    body: str,
    date_value: str = "",
    warnings: tuple[str, ...] = (),
) -> Article | IngestProblem:
    """An article from a table row: title, body text and a date cell.

    A date at the start of the body is parsed and cut off (the date cell wins when
    both are given), also one after a copy of the title the body opens with ("Ten
    killed in Raqqa 21 November 2016 SANA Aircraft…"); that copy is published text and
    stays, as the body's first paragraph ("Title\n\nTitle.\n\nBody…"), so its numbers
    are claims of the body as the title's are of the title.
    """
    headline = clean_title(title)
    published = parse_date(date_value.strip()) if date_value.strip() else None
    if date_value.strip() and published is None:
        warnings += (f"{origin}: date {date_value.strip()!r} not understood",)
    text = body.replace("\r\n", "\n").replace("\r", "\n").strip()
    leading, text = strip_leading_date(text)
    based_on: tuple[SourceRef, ...] = ()
    copy = ""
    if headline:
        copy, text = split_repeated_title(text, headline)
        if leading is None:  # some sites put the date after the title
            leading, text = strip_leading_date(text)
        if leading is None:  # or an agency dateline: "AFP Thursday 16 Jul 2015"
            source, text = strip_agency_dateline(text)
            based_on = (source,) if source else ()
            leading = source.date if source else None
    return finish_article(
        article_id,
        origin,
        headline,
        text,
        published=published or leading,
        based_on=based_on,
        warnings=warnings,
        title_copy=copy,
    )
