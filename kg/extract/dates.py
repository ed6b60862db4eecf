"""Date expressions resolved against the publication date; pure functions, no spaCy.

Conventions (news usage):

* ``"December 8"`` / ``"8 December"`` without a year: the latest occurrence on or
  before publication (a day in the future of the article belongs to last year).
  With a year it is taken as written.  Day precision.
* A weekday (``"Sunday"``, ``"on Sunday"``, ``"Sunday morning"``, ``"overnight
  Saturday"``, ``"late Saturday"``): the latest such day on or before publication,
  so ``"on Sunday"`` in a Sunday paper is that same day and in a Monday paper the
  day before.  ``"last Sunday"`` is strictly before publication.
* ``"yesterday"`` → publication − 1 day; ``"today"``, ``"tonight"``, ``"this
  morning"`` → publication.  Day precision.
* ``"in March"``: the latest March on or before the publication month;
  ``"March this year"`` → this year's March; ``"March 2016"`` as written;
  ``"last month"`` → the previous month.  Month precision.
* ``"in 2015"``, ``"last year"``, ``"this year"``: year precision.
* Not resolved (no honest precision for them): ``"this week"``, ``"last week"``,
  seasons, ``"the past 24 hours"``, ``"recently"``.

Without a publication date only expressions that carry their own year resolve.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc

from kg.nlp import text_of
from kg.records import Precision, TimeStamp

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PREP = (
    r"in|since|during|early|late|mid|mid-|last|past"
    r"|(?:the\s+)?(?:end|beginning|start|middle)\s+of"
)

# Ordered: the first pattern that matches at a position wins (longest forms first).
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
        ("month_day", rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?"),
        ("day_month", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b(?:,?\s+{_YEAR}\b)?"),
        ("month_year", rf"\b{_MONTH}\s*,?\s+(?:of\s+)?{_YEAR}\b"),
        ("month_this_year", rf"\b{_MONTH}\s+(?P<rel>this|last)\s+year\b"),
        ("last_weekday", rf"\b(?P<rel>last|past)\s+{_WEEKDAY}\b"),
        ("weekday", rf"\b{_WEEKDAY}\b"),
        ("yesterday", r"\byesterday\b"),
        ("today", r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b"),
        ("last_month", r"\blast\s+month\b"),
        ("rel_year", r"\b(?P<rel>last|this|past)\s+year\b"),
        ("in_month", rf"\b(?P<prep>{_PREP})\s*-?\s*{_MONTH}(?!\s+\d)\b"),
        ("year", rf"\b(?P<prep>in|since|during|of|early|late|mid|mid-)\s*-?\s*{_YEAR}\b"),
    )
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in a text: character offsets and what it resolves to."""

    start: int
    end: int
    text: str
    stamp: TimeStamp


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def latest_weekday(weekday: int, published: date, strictly_before: bool = False) -> date:
    """The latest ``weekday`` (Monday = 0) on or before ``published`` (or strictly before)."""
    back = (published.weekday() - weekday) % 7
    if strictly_before and back == 0:
        back = 7
    return published - timedelta(days=back)


def latest_month_day(month: int, day: int, published: date) -> date | None:
    """The latest ``month``/``day`` on or before ``published``."""
    this_year = _safe_date(published.year, month, day)
    if this_year is not None and this_year <= published:
        return this_year
    return _safe_date(published.year - 1, month, day)


def latest_month(month: int, published: date) -> date:
    """The first day of the latest ``month`` on or before the publication month."""
    year = published.year if month <= published.month else published.year - 1
    return date(year, month, 1)


def _resolve_match(name: str, match: re.Match[str], published: date | None) -> TimeStamp | None:
    groups = match.groupdict()
    month = groups.get("month")
    month_number = None
    if month is not None:
        month_number = int(month) if month.isdigit() else MONTHS[month.lower().rstrip(".")]
    year = int(groups["year"]) if groups.get("year") else None
    if name in ("iso", "month_day", "day_month"):
        assert month_number is not None
        day = int(groups["day"])
        if year is not None:
            value = _safe_date(year, month_number, day)
        elif published is not None:
            value = latest_month_day(month_number, day, published)
        else:
            value = None
        return TimeStamp(value, Precision.DAY) if value else None
    if name == "month_year":
        assert month_number is not None and year is not None
        return TimeStamp(date(year, month_number, 1), Precision.MONTH)
    if published is None:
        return None
    if name == "month_this_year":
        assert month_number is not None
        offset = 0 if groups["rel"].lower() == "this" else 1
        return TimeStamp(date(published.year - offset, month_number, 1), Precision.MONTH)
    if name in ("weekday", "last_weekday"):
        weekday = WEEKDAYS[groups["weekday"].lower()]
        value = latest_weekday(weekday, published, strictly_before=name == "last_weekday")
        return TimeStamp(value, Precision.DAY)
    if name == "yesterday":
        return TimeStamp(published - timedelta(days=1), Precision.DAY)
    if name == "today":
        return TimeStamp(published, Precision.DAY)
    if name == "last_month":
        first = published.replace(day=1) - timedelta(days=1)
        return TimeStamp(first.replace(day=1), Precision.MONTH)
    if name == "rel_year":
        offset = 0 if groups["rel"].lower() == "this" else 1
        return TimeStamp(date(published.year - offset, 1, 1), Precision.YEAR)
    if name == "in_month":
        assert month_number is not None
        if month == "may" and groups["prep"].lower() not in ("in", "since", "during"):
            return None  # "rebels early may attack": the verb, not the month
        return TimeStamp(latest_month(month_number, published), Precision.MONTH)
    return None


def _resolve_year_only(match: re.Match[str]) -> TimeStamp:
    return TimeStamp(date(int(match["year"]), 1, 1), Precision.YEAR)


def find_dates(text: str, published: date | None) -> Iterator[DateMention]:
    """Every resolvable date expression in ``text``, left to right, not overlapping."""
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for name, pattern in PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            if name == "year":
                stamp: TimeStamp | None = _resolve_year_only(match)
                start = match.start("year")
            elif name == "in_month":
                stamp = _resolve_match(name, match, published)
                start = match.start("month")
            else:
                stamp = _resolve_match(name, match, published)
            if stamp is None:
                continue
            taken.append((start, end))
            found.append(DateMention(start, end, text[start:end], stamp))
    yield from sorted(found, key=lambda mention: mention.start)


def resolve_date(expression: str, published: date | None) -> TimeStamp | None:
    """The first resolvable date in ``expression`` (e.g. a spaCy DATE entity's text)."""
    for mention in find_dates(expression, published):
        return mention.stamp
    # A bare month or year given as a whole expression ("March", "2015").
    bare = expression.strip().lower().rstrip(".")
    if bare in MONTHS and bare != "may" and published is not None:
        return TimeStamp(latest_month(MONTHS[bare], published), Precision.MONTH)
    if re.fullmatch(r"(?:19|20)\d\d", bare):
        return TimeStamp(date(int(bare), 1, 1), Precision.YEAR)
    return None


CLOCK_BEFORE_DATE = re.compile(r"\s+\d{1,2}[./]\d{1,2}[./]\d{2,4}")


def doc_dates(doc: Doc, published: date | None) -> list[DateMention]:
    """Every date expression of a parsed article: our patterns, then the NER's DATE
    entities they did not cover, in text order.  Read once per Doc and date (events and
    count claims both ask)."""
    key = ("newskg_dates", published)
    if key not in doc.user_data:
        doc.user_data[key] = _doc_dates(doc, published)
    return doc.user_data[key]


def _doc_dates(doc: Doc, published: date | None) -> list[DateMention]:
    text = text_of(doc)
    found: list[DateMention] = list(find_dates(text, published))
    taken = [(m.start, m.end) for m in found]
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        if any(ent.start_char < end and start < ent.end_char for start, end in taken):
            continue
        if ent.text.isdigit() and CLOCK_BEFORE_DATE.match(text, ent.end_char):
            continue  # "(updated 1935 05.10.2017)": a time of day, not the year 1935
        stamp = resolve_date(ent.text, published)
        if stamp is not None:
            found.append(DateMention(ent.start_char, ent.end_char, ent.text, stamp))
    return sorted(found, key=lambda m: m.start)


# An event or count dated this long before publication is background, not the news.
NEWS_DAYS = 31


def before_the_news(when: TimeStamp | None, published: date | None) -> bool:
    """Whether ``when`` lies before the news, at the precision the text gives: a day over
    ``NEWS_DAYS`` days earlier, an earlier month, or an earlier year."""
    if when is None or published is None:
        return False
    if when.precision is Precision.YEAR:
        return when.value.year < published.year
    if when.precision is Precision.MONTH:
        return (when.value.year, when.value.month) < (published.year, published.month)
    return (published - when.value).days > NEWS_DAYS
