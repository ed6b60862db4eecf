"""Sentence units of a parsed article: lines, the headline, the lead.

Cleaned articles have one paragraph per line, and a parse sometimes crosses a
paragraph break (a title-case headline glued to the first body sentence).  The
helpers here read the parse *within a line*: a token's children, subtree and
ancestors on its own line, its sentence clipped to its line.  ``headline_end`` and
``lead_end`` say where the headline and the lead (the headline and the first three
body sentences) end, as character offsets into the cleaned text.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kg.nlp import text_of
from kg.records import Article, Span

LEAD_SENTENCES = 3


def line_start(token: Token) -> int:
    """Where the token's line starts (the offset of the line break before it, or -1)."""
    return text_of(token.doc).rfind("\n", 0, token.idx)


def kids(token: Token) -> list[Token]:
    """Children on the token's own line: a parse does not cross paragraph breaks."""
    line = line_start(token)
    return [c for c in token.children if line_start(c) == line]


def subtree(token: Token) -> list[Token]:
    """The token's subtree, on its own line."""
    line = line_start(token)
    return [t for t in token.subtree if line_start(t) == line]


def ancestors(token: Token) -> list[Token]:
    """The token's ancestors up to the first one on another line."""
    line = line_start(token)
    chain = []
    for ancestor in token.ancestors:
        if line_start(ancestor) != line:
            break
        chain.append(ancestor)
    return chain


def head(token: Token) -> Token:
    """The token's head, or the token itself when the head is on another line."""
    parent = token.head
    return parent if line_start(parent) == line_start(token) else token


def sentence_of(token: Token) -> SpacySpan:
    """The token's sentence, clipped to its line."""
    sentence = token.sent
    line = line_start(token)
    start = sentence.start
    while start < token.i and line_start(token.doc[start]) != line:
        start += 1
    end = sentence.end
    while end > token.i + 1 and line_start(token.doc[end - 1]) != line:
        end -= 1
    return token.doc[start:end]


def trimmed(doc: Doc, start: int, end: int) -> Span | None:
    """A Span of tokens [start, end) without edge punctuation and whitespace."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if start >= end:
        return None
    first, last = doc[start], doc[end - 1]
    char_start, char_end = first.idx, last.idx + len(last.text)
    return Span(char_start, char_end, text_of(doc)[char_start:char_end])


def headline_end(doc: Doc, article: Article) -> int:
    """Where the headline (the first paragraph) ends in the text, with the copy of it
    the body may open with ("Ten killed in Raqqa" + "Ten killed in Raqqa."): that copy
    says the headline again, it is not the lead's first news."""
    key = ("newskg_headline_end", article.headline)
    if key not in doc.user_data:
        doc.user_data[key] = _headline_end(doc, article)
    return doc.user_data[key]


def headline_copy(doc: Doc, article: Article) -> tuple[int, int] | None:
    """Where the body's copy of the headline lies (start, end), if it opens with one."""
    end = headline_end(doc, article)
    at = text_of(doc).find(article.headline) if article.headline else -1
    start = at + len(article.headline) + 2
    return (start, end) if at >= 0 and start < end else None


def words(text: str) -> list[str]:
    """Lower-cased words: "Syria's Aleppo:" → ["syria", "s", "aleppo"]."""
    return re.findall(r"[^\W_]+", text.lower())


def copy_paragraph_end(text: str, end: int, headline: str) -> int | None:
    """Where the paragraph after the headline (ending at ``end``) ends, when it is only
    the headline again, in the same letters and digits as ingest compares them ("…use
    WHO" + "…use WHO.", "U.S.-led strikes" + "US-led strikes"); else None."""
    if not text.startswith("\n\n", end):
        return None
    copy_end = text.find("\n\n", end + 2)
    copy_end = len(text) if copy_end < 0 else copy_end
    title = words(headline)
    same = "".join(words(text[end:copy_end])) == "".join(title)
    return copy_end if len(title) >= 3 and same else None


def _headline_end(doc: Doc, article: Article) -> int:
    text = text_of(doc)
    if article.headline:
        at = text.find(article.headline)
        if 0 <= at < 400:
            end = at + len(article.headline)
            return copy_paragraph_end(text, end, article.headline) or end
    stripped = len(text) - len(text.lstrip())
    paragraph_end = text.find("\n\n", stripped)
    return paragraph_end if paragraph_end >= 0 else min(len(text), stripped + 200)


def body_sentences(doc: Doc, article: Article) -> list[SpacySpan]:
    """The non-empty sentences after the headline."""
    end = headline_end(doc, article)
    return [s for s in doc.sents if s.start_char >= end and s.text.strip()]


def lead_end(doc: Doc, article: Article, sentences: int = LEAD_SENTENCES) -> int:
    """Where the headline and the first ``sentences`` body sentences end (read once per
    Doc: events, count claims and the article's place all ask)."""
    key = ("newskg_lead_end", article.headline, sentences)
    if key not in doc.user_data:
        doc.user_data[key] = _lead_end(doc, article, sentences)
    return doc.user_data[key]


def _lead_end(doc: Doc, article: Article, sentences: int) -> int:
    """Where the ``sentences``-th non-empty body sentence ends."""
    end = headline_end(doc, article)
    count = 0
    for sentence in doc.sents:
        if sentence.start_char >= end and sentence.text.strip():
            count += 1
            if count >= sentences:
                return sentence.end_char
    return len(text_of(doc))


def glued_count(previous: SpacySpan, unit: SpacySpan) -> bool:
    """ "9 injured including 5 children … Syrian State TV announced.", "Seven civilians
    were martyred …": the parser sometimes makes a sentence of the count opening a
    sentence; it belongs to the words after it, which go on in lower case."""
    doc = unit.doc
    return (
        len(previous) <= 2
        and previous.end == unit.start
        and "\n" not in previous[-1].whitespace_
        and any(t.like_num for t in previous)
        and all(t.like_num and t.ent_type_ not in {"DATE", "TIME", "ORDINAL"} for t in previous)
        and doc[unit.start].is_lower
        and doc[unit.start].is_alpha
    )


def cut_at_prefix(previous: SpacySpan, unit: SpacySpan) -> bool:
    """ "… targeted the charitable clinic in al- | Mogambo with rocket shells …": where a
    space was typed after the article prefix of a name ("al- Mogambo", "near al-
    Mayadin") the parser sometimes ends a sentence at the prefix; a unit that ends in a
    word with a trailing hyphen and no stop goes on in the next unit of its line."""
    last = previous[-1]
    return (
        previous.end == unit.start
        and len(last.text) > 1
        and last.text.endswith("-")
        and last.text[:-1].isalpha()
        and "\n" not in last.whitespace_
    )


UNIT_ENDS = frozenset({".", "!", "?", ":", '"', "'"})


def cut_before_lower(previous: SpacySpan, unit: SpacySpan) -> bool:
    """ "According to the Syrian Network for Human Rights (SNHR) | the Russian air force
    targeted at least 243 …", "Air | strikes kill 12 in rebel-held areas …": the parser
    sometimes ends a sentence after words with no verb of their own (an "according to"
    phrase, a headline's first word) and no stop; the unit after it, going on in lower
    case on the same line, is the rest of that sentence."""
    last = previous[-1]
    doc = unit.doc
    return (
        previous.end == unit.start
        and "\n" not in last.whitespace_
        and last.text not in UNIT_ENDS
        and not any(t.pos_ in ("VERB", "AUX") and t.lower_ != "according" for t in previous)
        and doc[unit.start].is_lower
        and doc[unit.start].is_alpha
    )
