"""An unnamed source's own words, without what a lost comma glued before them: "…
killed 12 people in the city state media said" → "state media"; "… in southern Syria
state media reported", "… on the Raqqa assault residents said", "In the meantime other
sources said", "Aleppo A military source said".

The guide labels an unnamed source by its words as written, with its place when the
phrase gives one ("Activists in Deir Ezzor"), never with the reporter's words before
it.  FA-KES lost the commas, so the parse makes the place or the event before the
source a compound of it.  Here the phrase keeps, leftwards from its head, only words
that describe the source: words of its kind ("state", "military", "local"),
nationalities, adjectives ("independent", "Quneitra-based"), singular nouns of its
trade ("civil defence emergency workers"), a determiner opening it, and a name opening
the phrase right before them ("Raqqa local media", "The Homs governor"); a noun of
place, time or event ("city", "meantime", "assault"), a plural noun ("terrorists"), a
participle ("wounded") or a name after other words ends it.  What follows the head
("in rural Idlib") stays.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.nlp.sources import KIND_MODIFIERS, NATIONALITIES, after_count, head_of

DETERMINERS = frozenset({"a", "an", "the", "one", "another", "some", "several", "two", "three"})
HYPHENS = frozenset({"-", "‐"})
# Nouns the reporter's words end on before a lost comma, never a source's description:
# places ("in the city"), times ("In the meantime"), events ("on the Raqqa assault").
GLUED_NOUNS = frozenset(
    {"city", "town", "village", "district", "area", "province", "region", "neighborhood",
     "neighbourhood", "countryside", "capital", "country", "governorate", "suburb",
     "suburbs", "border", "meantime", "meanwhile", "time", "day", "morning", "evening",
     "night", "week", "month", "year", "today", "attack", "assault", "offensive", "strike",
     "raid", "bombing", "shelling", "battle", "fighting", "clashes", "explosion", "blast"}
)  # fmt: skip


def source_words(span: Span) -> Span:
    """The unnamed source's own words: after any count (``after_count``), and without
    the words glued before them."""
    return own_words(after_count(span))


def own_words(span: Span) -> Span:
    """The unnamed source's own words: ``span`` without the words glued before them."""
    doc, head = span.doc, head_of(span)
    start = head.i
    while start > span.start:
        before = doc[start - 1]
        if _joined(before):  # "Quneitra-based", "pro-government": one word
            start = _compound_start(doc, start - 1, span.start)
            continue
        word = before.lower_
        if word in DETERMINERS:
            start -= 1
            break  # "a military source": the determiner opens the phrase
        if word in KIND_MODIFIERS or word in NATIONALITIES or _describing(before):
            start -= 1
            continue
        if before.pos_ == "NOUN" and word not in GLUED_NOUNS and before.tag_ != "NNS":
            start -= 1  # "civil defence emergency workers", "the frontline commander"
            continue
        if word == "and" and start - 2 >= span.start and doc[start - 2].pos_ in {"ADJ", "NOUN"}:
            start -= 1  # "Local and media sources": one source of two kinds
            continue
        if before.pos_ == "PROPN" and _opens(doc, span.start, start - 1):
            start = span.start  # "Raqqa local media", "Azaz witnesses", "The Homs governor"
        break
    return doc[start : span.end]


def _describing(token: Token) -> bool:
    """An adjective describing the source ("independent", "informed"), no participle
    ("wounded") and no place."""
    return (
        token.pos_ == "ADJ"
        and token.tag_ not in {"VBN", "VBD", "VBG"}
        and token.ent_type_ not in {"GPE", "LOC", "FAC"}
    )


def _joined(token: Token) -> bool:
    """A hyphen, or a word right next to one, inside a compound ("Quneitra-based")."""
    doc = token.doc
    if token.text in HYPHENS:
        return True
    if token.i + 1 < len(doc) and doc[token.i + 1].text in HYPHENS and not token.whitespace_:
        return True
    return token.i > 0 and doc[token.i - 1].text in HYPHENS and not doc[token.i - 1].whitespace_


def _compound_start(doc: Doc, index: int, floor: int) -> int:
    """Where the hyphenated compound ending at ``index`` starts."""
    while index > floor and (doc[index].text in HYPHENS or doc[index - 1].text in HYPHENS):
        index -= 1
    return index


def _opens(doc: Doc, floor: int, index: int) -> bool:
    """Whether the proper nouns ending at ``index`` open the phrase (nothing but more
    proper nouns between ``floor`` and them), and no nationality follows them ("Aleppo
    Syrian state television": the place of the report, glued)."""
    after = doc[index + 1]
    if after.lower_ in NATIONALITIES or after.lower_ in DETERMINERS:
        return False
    if doc[floor].lower_ in DETERMINERS:
        floor += 1  # "The Homs governor"
    return all(doc[i].pos_ == "PROPN" for i in range(floor, index + 1))
