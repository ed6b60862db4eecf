"""Dates as news pages and tables write them, parsed without a network or a guesser.

``parse_date`` reads a string that *is* a date ("7/5/16", "Wed 05 Apr 2017",
"December 12, 2016", "12 December 2016", "2016-12-12T10:00:00Z", "24.08.2013");
``leading_date`` finds a date at the start of a text ("Published February 18 2015 The
Syrian army …") and says where it ends, so the caller can cut it off.

Numeric dates with slashes are month/day/year (US order, as FA-KES writes them);
with dots or dashes and the year last they are day.month.year (European order).
"""

from __future__ import annotations

import re
from datetime import date

MONTHS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
    r"|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\b\.?,?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"

# Each pattern matches one date at the start of a string (no prefix words).
_DATE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # 2016-12-12, 2016-12-12T10:00:00Z, 2016/12/12
        r"(?P<year>\d{4})[-/](?P<mnum>\d{1,2})[-/](?P<day>\d{1,2})(?!\d)",
        # 12 December 2016, 05 Apr 2017, 12 Dec. 2016, 12-Dec-2016
        rf"{_DAY}[\s-]+{_MONTH}[\s,-]+{_YEAR}(?!\d)",
        # December 12, 2016 / April 5 2017 / Apr 232017 (day glued to year)
        rf"{_MONTH}\s+{_DAY},?\s*{_YEAR}(?!\d)",
        # 7/5/16, 4/5/2017 (month/day/year)
        r"(?P<mnum>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4}|\d{2})(?!\d)",
        # 24.08.2013, 15-09-2013 (day.month.year)
        r"(?P<day>\d{1,2})[.-](?P<mnum>\d{1,2})[.-](?P<year>\d{4})(?!\d)",
    )
)

_LEADING_WORDS = re.compile(
    r"\s*(?:(?:published|posted|updated|last\s+updated|date\s+of\s+publication|date)"
    r"(?:\s+(?:on|at))?\s*:?\s*)?"
    rf"(?:{_WEEKDAY}\s*)?",
    re.IGNORECASE,
)
# A clock time (and zone) after a leading date: "21:09", "2037 UTC+3", "0147 PM", "10:15 GMT".
_TRAILING_TIME = re.compile(
    r"[\s,|-]*(?:\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\d{4}(?=\s*(?:UTC|GMT))"
    r"|\d{4}\s*[ap]\.?m\.?(?!\w))"
    r"(?:\s*(?:UTC|GMT)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?)?",
    re.IGNORECASE,
)


def _to_date(match: re.Match[str]) -> date | None:
    """The date a pattern match names, or None when it is not a real calendar date."""
    parts = match.groupdict()
    year = int(parts["year"])
    if year < 100:
        year += 2000 if year < 70 else 1900
    if parts.get("month"):
        month = MONTHS[parts["month"].lower().rstrip(".")[:3]]
    else:
        month = int(parts["mnum"])
    try:
        return date(year, month, int(parts["day"]))
    except ValueError:
        return None


def _match_at(text: str, start: int) -> tuple[date, int] | None:
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text, start)
        if match:
            found = _to_date(match)
            if found is not None:
                return found, match.end()
    return None


def parse_date(value: str) -> date | None:
    """The date ``value`` spells (optionally with weekday, time and zone), else None."""
    found = leading_date(value)
    if found is None:
        return None
    parsed, end = found
    rest = value[end:].strip()
    # Allow an ISO time part ("T10:00:00Z", "T10:00:00+02:00") or nothing else.
    if rest and not re.fullmatch(r"(?:T\d{2}:\d{2}[\d:.]*(?:Z|[+-]\d{2}:?\d{2})?)", rest):
        return None
    return parsed


def leading_date(text: str) -> tuple[date, int] | None:
    """A date at the very start of ``text`` and the offset just after it (and its time).

    Accepts a few leading words ("Published", "Posted on", "Last updated at",
    "Date of publication") and a weekday before the date; a clock time after it is
    included in the returned end offset.
    """
    prefix = _LEADING_WORDS.match(text)
    start = prefix.end() if prefix else 0
    found = _match_at(text, start)
    if found is None and start:
        found = _match_at(text, len(text) - len(text.lstrip()))
    if found is None:
        return None
    parsed, end = found
    time_match = _TRAILING_TIME.match(text, end)
    if time_match:
        end = time_match.end()
    return parsed, end
