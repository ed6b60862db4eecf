"""The place an article reports from the scene of (``schema:contentLocation``).

The main event's own place is read off its sentence; when the headline and lead name
only a country ("Air raid kills 19 Syrians in IS-held village") an analyst still
wants to know where the article is about.  That is a separate, weaker statement, so
it is a property of the article, not of the event:

* the first place in the headline and lead that lies in a known first-level division
  (a governorate), else
* the first-mentioned place of the division the article names most often.

Places that are only a country, "-based" qualifiers ("Britain-based monitor"), places
outside any known division (datelines such as Beirut) and places in a photo caption
("… buildings in the city of Hasakeh on Monday (AFP photo)", a picture the page shows
beside the story, often of another day and place; or one an agency credit ends,
"… near the Turkish border. July 27 2016. (TRT World and Agencies)") or in a page's
tag list ("Tags Syria Islamic State activists video Palmyra") are not candidates;
nor is a place a date before the news follows ("the rebels had used the same weapons
in Aleppo last year"): background, not the scene.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date

from kg.extract.dates import DateMention, before_the_news
from kg.extract.entities import is_based, is_place
from kg.nlp.gazetteer import Gazetteer, load_gazetteer
from kg.records import EntityRef, Mention

# "(AFP photo)", "(File photo)", "(Reuters Photo)", "(AP photo/Hassan Ammar)"
PHOTO_CREDIT = re.compile(r"\((?:[\w.]+ ){0,3}photo\b[^)\n]{0,60}\)", re.IGNORECASE)
# A credit of news agencies alone ending a caption: "(Reuters)", "(TRT World and
# Agencies)", "(AP Archive)"; not a dateline's "BEIRUT (AFP)".
AGENCY = r"(?:AFP|Reuters|AP|AA|Anadolu|EPA|Getty(?: Images)?|DPA|Xinhua|TRT(?: World)?|Agencies)"
AGENCY_CREDIT = re.compile(
    rf"(?<!(?-i:[A-Z]{{3}}) )\({AGENCY}(?: (?:and|&|\+) {AGENCY})*(?: Archive)?\)", re.IGNORECASE
)
# A caption's own dating line or source before its credit: "… the Turkish border.
# July 27 2016. (TRT World and Agencies)", "… October 11 2016. Source Reuters (…)".
CAPTION_TAIL = re.compile(
    r"(?:(?:\w+ )?\d{1,2} \d{4}|\d{1,2} \w+ \d{4}|source:? [\w ]{1,30})", re.IGNORECASE
)


def _sentence_start(text: str, end: int) -> int:
    """Where the sentence (or line) ending at ``end`` starts."""
    end = len(text[:end].rstrip(" ."))
    return max(text.rfind("\n", 0, end), text.rfind(". ", 0, end)) + 1


def photo_captions(text: str) -> list[tuple[int, int]]:
    """The spans of photo captions: from the start of the sentence (or line) a photo
    or agency credit ends, past a caption's own date line, to the credit's end."""
    captions = []
    for credit in [*PHOTO_CREDIT.finditer(text), *AGENCY_CREDIT.finditer(text)]:
        start = _sentence_start(text, credit.start())
        if CAPTION_TAIL.fullmatch(text[start : credit.start()].strip(" .")):
            start = _sentence_start(text, start)
        captions.append((start, credit.end()))
    return captions


# A page's tag list: "… confess to spying. Tags Syria Islamic State activists murder
# video Palmyra The Islamic State group has released …": keywords, not the scene.  It
# runs from "Tags" to the first word of running prose (an article, preposition or
# auxiliary, as written: "IS" is a name) or sentence end, at most ``TAG_WORDS`` words.
TAG_LIST = re.compile(r"\bTags:? ")
PROSE_WORDS = frozenset(
    {"the", "a", "an", "of", "in", "on", "at", "by", "for", "from", "to", "with", "and",
     "or", "was", "were", "is", "are", "has", "have", "had", "been", "said", "says", "that",
     "who", "which", "as", "after"}
)  # fmt: skip
SENTENCE_OPENERS = frozenset({"The", "A", "An"})
TAG_WORDS = 25


def tag_lists(text: str) -> list[tuple[int, int]]:
    """The spans of a page's tag lists ("Tags Syria Idlib Ariha Assad war")."""
    spans = []
    for tags in TAG_LIST.finditer(text):
        end = tags.end()
        for count, word in enumerate(re.finditer(r"\S+", text[tags.end() :])):
            if count >= TAG_WORDS or word.group() in PROSE_WORDS | SENTENCE_OPENERS:
                break
            end = tags.end() + word.end()
            if word.group().endswith("."):
                break
        spans.append((tags.start(), end))
    return spans


BACKGROUND_GAP = 24  # characters between a place and the date that dates it: " in", " last"


def _dated_before_the_news(
    mention: Mention, text: str, dates: Sequence[DateMention], published: date | None
) -> bool:
    """A place a date before the news follows closely in its sentence: "in Aleppo last
    year", "in Homs in March 2013" (an earlier event told as background)."""
    for when in dates:
        gap = text[mention.span.end : when.start]
        if (
            0 <= when.start - mention.span.end <= BACKGROUND_GAP
            and "." not in gap
            and len(gap.split()) <= 2
            and before_the_news(when.stamp, published)
        ):
            return True
    return False


def _located(mention: Mention, text: str, gazetteer: Gazetteer) -> str | None:
    """The division the mentioned place lies in, when it is a candidate."""
    if not is_place(mention) or is_based(text, mention):
        return None
    division = gazetteer.governorate_of(mention.entity.key)
    return division.key if division is not None else None


def focus_place(
    text: str,
    mentions: Sequence[Mention],
    lead_end: int,
    gazetteer: Gazetteer | None = None,
    dates: Sequence[DateMention] = (),
    published: date | None = None,
) -> EntityRef | None:
    """Where the article's news happens, as far as its place names tell (``dates``: the
    article's date expressions, resolved against ``published``)."""
    gazetteer = gazetteer or load_gazetteer()
    captions = photo_captions(text) + tag_lists(text)
    located = [
        (mention, division)
        for mention in mentions
        if (division := _located(mention, text, gazetteer)) is not None
        and not any(start <= mention.span.start < end for start, end in captions)
        and not _dated_before_the_news(mention, text, dates, published)
    ]
    if not located:
        return None
    for mention, _ in located:
        if mention.span.start < lead_end:
            return mention.entity
    counts = Counter(division for _, division in located)
    most = max(counts.values())
    return next(mention.entity for mention, division in located if counts[division] == most)
