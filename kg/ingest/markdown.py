"""Markdown reduced to plain text: the words and their punctuation, no syntax.

Paragraphs stay separated by a blank line and lines inside a paragraph by a newline,
so that the boilerplate cleaners can still see where a line of a page began.
"""

from __future__ import annotations

import re

_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)")
_REFERENCE_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_LINK_DEFINITION = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]+\S+.*$", re.MULTILINE)
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^>\s]+|mailto:[^>\s]+|[^@>\s]+@[^@>\s]+\.[^>\s]+)>")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.DOTALL)
_EMPHASIS_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])", re.DOTALL)
_EMPHASIS_UNDERSCORE = re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])", re.DOTALL)
_INLINE_CODE = re.compile(r"`([^`]+)`")
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
_SETEXT_UNDERLINE = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
_BLOCKQUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE)
_BULLET = re.compile(r"^[ \t]{0,3}[-*+][ \t]+(?=\S)", re.MULTILINE)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])")
_URL_ONLY = re.compile(
    r"^\W*(?:(?:https?|ftp)://\S+|www\.\S+|mailto:\S+|[\w.+-]+@[\w-]+\.[\w.-]+)\W*$",
    re.IGNORECASE,
)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def is_url_only(line: str) -> bool:
    """True when a line holds nothing but a web or mail address (and punctuation)."""
    return bool(_URL_ONLY.match(line.strip()))


def inline_to_plain(line: str) -> str:
    """Links, images, emphasis, code and HTML tags of one line reduced to their words."""
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _REFERENCE_LINK.sub(r"\1", line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _HTML_TAG.sub("", line)
    line = _INLINE_CODE.sub(r"\1", line)
    line = _STRONG.sub(r"\2", line)
    line = _EMPHASIS_STAR.sub(r"\1", line)
    line = _EMPHASIS_UNDERSCORE.sub(r"\1", line)
    line = _ESCAPE.sub(r"\1", line)
    return _SPACES.sub(" ", line).strip()


def split_paragraphs(text: str) -> list[str]:
    """Blocks of ``text`` separated by blank (or whitespace-only) lines."""
    blocks = re.split(r"\n[ \t\u00a0]*\n", text.replace("\r\n", "\n").strip("\n"))
    return [block for block in blocks if block.strip()]


def markdown_to_plain(text: str) -> str:
    """Plain text of a markdown document: paragraphs by blank lines, lines by newlines.

    Drops horizontal rules, link definitions and lines that are only a URL; keeps
    heading text (without ``#``), link texts, emphasised words and all punctuation.
    """
    text = _LINK_DEFINITION.sub("", text)
    text = _BLOCKQUOTE.sub("", text)
    text = _HEADING.sub(r"\1", text)
    text = _BULLET.sub("", text)
    paragraphs: list[str] = []
    for block in split_paragraphs(text):
        # Emphasis may run over the lines of a block, so reduce the block as a whole.
        lines = [line for line in block.split("\n") if not _RULE.match(line)]
        lines = [line for line in lines if not _SETEXT_UNDERLINE.match(line)]
        plain = inline_to_plain("\n".join(lines).replace("\n", "\x00"))
        kept = [line.strip() for line in plain.split("\x00")]
        kept = [line for line in kept if line and not is_url_only(line)]
        if kept:
            paragraphs.append("\n".join(kept))
    return "\n\n".join(paragraphs)


_BROKEN_END = re.compile(r"\b[a-z][\w'’-]*$")
_LOWER_START = re.compile(r"^[a-z]")


def rejoin_broken_paragraphs(text: str) -> str:
    """Join a paragraph that stops after a lower-case word to a next one that starts lower-case.

    Pages converted to text sometimes break a sentence with a blank line
    ("… authorized by the" / "copyright owner. …"); the halves belong together.
    """
    paragraphs = split_paragraphs(text)
    joined: list[str] = []
    for paragraph in paragraphs:
        if joined and _BROKEN_END.search(joined[-1]) and _LOWER_START.match(paragraph):
            joined[-1] = f"{joined[-1]} {paragraph}"
        else:
            joined.append(paragraph)
    return "\n\n".join(joined)
