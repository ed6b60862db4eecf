"""Pure ``str -> str`` cleaners, one per kind of clutter around a news article.

Each takes plain text (paragraphs separated by a blank line, lines by a newline) and
returns it without its kind of clutter.  They match the *kind* (a disclaimer, a
fair-use notice, an author blurb), not one site's exact sentences, and they drop
whole lines or sentences only, never words inside a sentence of the article.
:data:`CLEANERS` lists them in the order :func:`clean` applies them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from kg.ingest.header import HEADER_SCAN_LINES, classify_line, is_body_line
from kg.ingest.markdown import is_url_only

Cleaner = Callable[[str], str]

_SENTENCE_BREAK = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(]?[A-Z0-9])")


def _paragraphs(text: str) -> list[str]:
    return [paragraph for paragraph in re.split(r"\n\s*\n", text.strip()) if paragraph.strip()]


def _join(paragraphs: Iterable[str]) -> str:
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph.strip())


@lru_cache(maxsize=1024)
def _sentences(line: str) -> tuple[str, ...]:
    """The sentences of a line (cached: each sentence cleaner splits the same lines)."""
    return tuple(sentence for sentence in _SENTENCE_BREAK.split(line) if sentence.strip())


def _drop_lines(text: str, patterns: Iterable[re.Pattern[str]], max_words: int = 1000) -> str:
    """``text`` without the lines (of at most ``max_words`` words) a pattern matches."""
    patterns = tuple(patterns)

    def unwanted(line: str) -> bool:
        stripped = line.strip()
        return len(stripped.split()) <= max_words and any(p.search(stripped) for p in patterns)

    paragraphs = (
        "\n".join(line for line in p.split("\n") if not unwanted(line)) for p in _paragraphs(text)
    )
    return _join(paragraphs)


def _drop_sentences(text: str, patterns: Iterable[re.Pattern[str]]) -> str:
    """``text`` without the sentences a pattern matches; untouched lines keep their spacing."""
    patterns = tuple(patterns)
    paragraphs: list[str] = []
    for paragraph in _paragraphs(text):
        lines: list[str] = []
        for line in paragraph.split("\n"):
            sentences = _sentences(line)
            kept = [s for s in sentences if not any(p.search(s.strip()) for p in patterns)]
            if len(kept) == len(sentences):
                lines.append(line)
            elif kept:
                lines.append(" ".join(sentence.strip() for sentence in kept))
        paragraphs.append("\n".join(lines))
    return _join(paragraphs)


def _compile(*patterns: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(pattern, re.IGNORECASE) for pattern in patterns)


# --- header block -------------------------------------------------------------------


def drop_header_block(text: str) -> str:
    """Byline, dateline, original-outlet line and tag lines at the top of ``text``.

    Only the first lines are looked at, up to the first long line that is no header
    line (the body); a short line among them that is no header line (a kicker such
    as "Report of Syria – Reconciliation Center") is kept.  ``text`` starts after
    the headline.
    """
    paragraphs = _paragraphs(text)
    scanned = 0
    result: list[str] = []
    in_header = True
    for paragraph in paragraphs:
        if not in_header:
            result.append(paragraph)
            continue
        kept_lines: list[str] = []
        for line in paragraph.split("\n"):
            if in_header and classify_line(line) is not None:
                scanned += 1
                continue
            if in_header and (is_body_line(line) or scanned >= HEADER_SCAN_LINES):
                in_header = False
            scanned += 1
            kept_lines.append(line)
        result.append("\n".join(kept_lines))
    return _join(result)


# --- footer and notices -------------------------------------------------------------

_ORIGINAL_SOURCE = _compile(
    r"^(?:the )?original source of this article is\b",
    r"^this article (?:was )?(?:first|originally) (?:published|appeared)\b",
)


def drop_original_source(text: str) -> str:
    """ "The original source of this article is …", "This article was originally published …"."""
    return _drop_sentences(_drop_lines(text, _ORIGINAL_SOURCE[:1], max_words=30), _ORIGINAL_SOURCE)


_COPYRIGHT = _compile(
    r"^(?:copyright\s*)?(?:©|\(c\)|&copy;)",
    r"^copyright\s+(?:\d{4}|by\b)",
    r"^all rights reserved\.?$",
)


def drop_copyright(text: str) -> str:
    """Copyright lines: "Copyright © RT, 2016", "© 2016 Reuters", "All rights reserved"."""
    return _drop_sentences(_drop_lines(text, _COPYRIGHT, max_words=30), _COPYRIGHT)


_SOCIAL_LINES = _compile(
    r"^comment on\b.*\b(?:facebook|twitter|page|forum)\b",
    r"^become a (?:member|patron|subscriber|supporter)\b",
    r"^(?:follow|like|join) (?:us|our \w+) on\b",
    r"^share (?:this|on)\b",
    r"^(?:subscribe|sign up)\b.*\b(?:newsletter|mailing list|updates)\b",
    r"^support (?:independent|our|us)\b",
    r"^(?:click here|donate)\b",
    r"^get short url[\d\s]*$",
)
_SHARE_WIDGET = re.compile(
    r"^(?:Get short URL(?:\s+\d+)*|Print(?:\s+(?:Tweet|Share|E-?mail))+)\s+", re.MULTILINE
)


def drop_social_prompts(text: str) -> str:
    """Calls to comment, share, follow, subscribe, donate or become a member."""
    text = _SHARE_WIDGET.sub("", text)
    return _drop_lines(text, _SOCIAL_LINES, max_words=20)


_ARTICLES_BY = re.compile(r"^(?:more )?(?:articles|posts|stories) by\s*:", re.IGNORECASE)


def drop_articles_by(text: str) -> str:
    """The "Articles by: …" list of the page's authors (the whole paragraph)."""
    return _join(p for p in _paragraphs(text) if not _ARTICLES_BY.match(p.strip()))


_ABOUT_AUTHOR = re.compile(
    r"^(?:about the (?:authors?|writers?)|author(?:'s)? bio(?:graphy)?)\s*:?\s*$", re.IGNORECASE
)


def drop_about_author(text: str) -> str:
    """An "About the author" section: its heading and everything after it."""
    paragraphs = _paragraphs(text)
    for index, paragraph in enumerate(paragraphs):
        if _ABOUT_AUTHOR.match(paragraph.split("\n")[0].strip()):
            return _join(paragraphs[:index])
    return text


_DISCLAIMER = _compile(
    r"^\W*disclaimer\b",
    r"\bsole responsibility of the author",
    r"\bnot be (?:held )?(?:responsible|liable) for any (?:inaccura|incorrect|error)",
    r"\bgrants? permission to (?:cross-post|repost|republish|reprint|re-post)",
    r"\bfor publication of .{0,80}\barticles in print\b",
    r"\bdo(?:es)? not necessarily reflect the (?:views|opinions?|position|editorial)",
    r"\bviews (?:and opinions )?expressed (?:in this article |here |herein )?are (?:solely )?"
    r"(?:those|the views|the author)",
)


def drop_disclaimer(text: str) -> str:
    """Disclaimer sentences, also when a paragraph starts mid-sentence ("not be responsible…")."""
    return _drop_sentences(text, _DISCLAIMER)


_FAIR_USE = _compile(
    r"\bcontains copyrighted material\b",
    r"\b(?:provisions? of|other than|under|in accordance with)\s+(?:the\s+)?[\"“]?fair use\b",
    r"\bdistributed without profit\b",
    r"\bprior interest in receiving\b",
    r"\brequest permission from the copyright owner\b",
    r"\bspecifically authori[sz]ed by the copyright owner\b",
)


def drop_fair_use(text: str) -> str:
    """Fair-use notices ("contains copyrighted material … "fair use" …"), sentence by sentence."""
    return _drop_sentences(text, _FAIR_USE)


_CONTACT = _compile(
    r"\bcan be (?:reached|contacted) (?:at|via|by|on|through)\s+(?:\S+@\S+|\S*(?:https?://|www\.)"
    r"|[+(]?\d[\d\s().+-]{6,}|(?:his|her|their)?\s*(?:e-?mail|twitter|phone|telephone)\b)",
    r"^for (?:media|press) (?:inquiries|enquiries|contacts?)\b",
    r"^(?:contact(?: us)?|e-?mail(?: us)?|tel(?:ephone)?|phone)\s*:",
    r"\b(?:write to|e-?mail) (?:us|him|her|them|the author) at\b",
)


def drop_contact_lines(text: str) -> str:
    """Contact sentences: "He can be reached at …", "For media inquiries: …", "Email: …"."""
    return _drop_sentences(text, _CONTACT)


_IMAGE_CREDIT = _compile(
    r"^(?:featured |main |top )?(?:image|photo|picture)(?: is)? (?:from|by|source|credit)\b",
    r"^(?:featured )?(?:image|photo|picture)(?: source| credit)?\s*:",
    r"^\((?:photo|image)(?: credit)?\s*:.*\)$",
)


def drop_image_credits(text: str) -> str:
    """Picture credit lines: "Featured image is from …", "Photo: AFP"."""
    return _drop_lines(text, _IMAGE_CREDIT, max_words=25)


def drop_url_lines(text: str) -> str:
    """Lines that hold only a web or mail address."""
    return _join(
        "\n".join(line for line in p.split("\n") if not is_url_only(line))
        for p in _paragraphs(text)
    )


_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
_AUTHOR_BLURB = tuple(
    re.compile(pattern)  # case matters: a blurb starts with the author's capitalised name
    for pattern in (
        rf"^{_NAME}\s+(?i:lives|lived|resides|is based|works) in\b",
        rf"^{_NAME}\s+is an?\s+(?:[\w-]+\s+){{0,5}}(?i:writer|journalist|author|analyst"
        r"|researcher|commentator|contributor|editor|professor|columnist|blogger|correspondent"
        r"|reporter|activist|economist|historian)s?\b",
        r"(?i)^(?:his|her|their|the author's)\s+(?:new |latest |most recent |recent "
        r"|forthcoming )?(?:book|books|novel|website|web site|blog|site)\b",
        r"(?i)^(?:visit|read|follow|see)\s+(?:his|her|their|the author's)\s+(?:blog|website"
        r"|web site|site|page|work|articles)\b",
        r"(?i)^listen to\b.*\b(?:radio|podcast|show|hour|discussions?|interviews?|broadcasts?)\b",
        r"(?i)^(?:he|she|they) (?:is|are|was) (?:the )?(?:author|co-author|editor|founder) of\b",
        r"(?i)^(?:he|she|they) (?:writes|has written) (?:for|about|on)\b",
    )
)


def _is_blurb(paragraph: str) -> bool:
    sentences = [s.strip() for line in paragraph.split("\n") for s in _sentences(line)]
    return bool(sentences) and all(
        any(pattern.search(sentence) for pattern in _AUTHOR_BLURB) for sentence in sentences
    )


def drop_author_blurbs(text: str) -> str:
    """Author blurbs at the end ("X lives in Chicago.", "His new book …", "Visit his blog …")."""
    paragraphs = _paragraphs(text)
    while paragraphs and _is_blurb(paragraphs[-1]):
        paragraphs.pop()
    return _join(paragraphs)


CLEANERS: tuple[Cleaner, ...] = (
    drop_header_block,
    drop_original_source,
    drop_copyright,
    drop_social_prompts,
    drop_articles_by,
    drop_about_author,
    drop_disclaimer,
    drop_fair_use,
    drop_contact_lines,
    drop_image_credits,
    drop_url_lines,
    drop_author_blurbs,
)


def clean(text: str, cleaners: Iterable[Cleaner] = CLEANERS) -> str:
    """``text`` (the body, after the headline) with every kind of clutter removed."""
    for cleaner in cleaners:
        text = cleaner(text)
    return text
