"""Date expressions resolved against the publication date (no spaCy)."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract.dates import find_dates, latest_weekday, resolve_date
from kg.records import Precision, TimeStamp

DAY, MONTH, YEAR = Precision.DAY, Precision.MONTH, Precision.YEAR


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # seed 002, published Friday 2016-12-09
        ("On December 8 ISIS terrorists launched", date(2016, 12, 9), (date(2016, 12, 8), DAY)),
        # seed 004, published Sunday 2016-12-11: overnight Saturday is the day before
        ("Overnight Saturday, the Syrian Army", date(2016, 12, 11), (date(2016, 12, 10), DAY)),
        # seed 001, published Monday 2016-12-12
        ("was beaten back overnight Saturday by", date(2016, 12, 12), (date(2016, 12, 10), DAY)),
        ("Breaking news Sunday morning in America", date(2016, 12, 12), (date(2016, 12, 11), DAY)),
        # a weekday equal to the publication day is that day; "last" is a week before
        ("on Sunday", date(2016, 12, 11), (date(2016, 12, 11), DAY)),
        ("last Sunday", date(2016, 12, 11), (date(2016, 12, 4), DAY)),
        ("Palmyra was seized by IS in 2015", date(2016, 12, 11), (date(2015, 1, 1), YEAR)),
        ("ISIS seized Palmyra last year", date(2016, 12, 12), (date(2015, 1, 1), YEAR)),
        ("in March this year forces", date(2016, 12, 11), (date(2016, 3, 1), MONTH)),
        ("liberated in March by", date(2016, 12, 12), (date(2016, 3, 1), MONTH)),
        ("liberated in March by", date(2017, 2, 1), (date(2016, 3, 1), MONTH)),
        ("December 10 without a preposition", date(2016, 12, 14), (date(2016, 12, 10), DAY)),
        ("On December 30 it happened", date(2017, 1, 2), (date(2016, 12, 30), DAY)),
        ("Yesterday, media reported", date(2016, 12, 14), (date(2016, 12, 13), DAY)),
        ("killed today in Aleppo", date(2016, 7, 27), (date(2016, 7, 27), DAY)),
        ("Wednesday 27 Jul 2016 Syria", date(2016, 7, 27), (date(2016, 7, 27), DAY)),
        ("on 3 March 2015", None, (date(2015, 3, 3), DAY)),
        ("since May 2013", None, (date(2013, 5, 1), MONTH)),
        ("last month", date(2017, 1, 15), (date(2016, 12, 1), MONTH)),
    ],
)
def test_first_date_resolves(
    text: str, published: date | None, expected: tuple[date, Precision]
) -> None:
    found = list(find_dates(text, published))
    assert found, text
    value, precision = expected
    assert found[0].stamp == TimeStamp(value, precision)
    assert text[found[0].start : found[0].end] == found[0].text


@pytest.mark.parametrize(
    "text",
    ["this week", "in spring", "over the past 24 hours", "the group may attack", "3 March"],
)
def test_no_honest_date(text: str) -> None:
    """Expressions without an honest day/month/year, or needing a missing publication date."""
    published = None if text == "3 March" else date(2016, 12, 12)
    assert list(find_dates(text, published)) == []


def test_weekday_arithmetic() -> None:
    monday = date(2016, 12, 12)
    assert latest_weekday(6, monday) == date(2016, 12, 11)
    assert latest_weekday(0, monday) == monday
    assert latest_weekday(0, monday, strictly_before=True) == date(2016, 12, 5)


def test_resolve_date_of_an_entity_text() -> None:
    assert resolve_date("March", date(2016, 2, 1)) == TimeStamp(date(2015, 3, 1), MONTH)
    assert resolve_date("2015", None) == TimeStamp(date(2015, 1, 1), YEAR)
    assert resolve_date("the coming days", date(2016, 2, 1)) is None


def test_a_clock_time_before_a_date_is_not_a_year(nlp) -> None:
    from kg.extract.dates import doc_dates

    text = "(updated 1935 05.10.2017) A mortar attack left three civilians dead."
    found = doc_dates(nlp(text), date(2017, 10, 5))
    assert all(mention.stamp.value.year == 2017 for mention in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Last October a double bombing killed 52 people.", date(2016, 10, 1)),
        ("At the end of March the town fell.", date(2017, 3, 1)),
        ("In late May the strikes resumed.", date(2017, 5, 1)),
    ],
)
def test_months_with_a_qualifier(text: str, expected: date) -> None:
    found = list(find_dates(text, date(2017, 6, 1)))
    assert [(m.stamp.value, m.stamp.precision) for m in found] == [(expected, Precision.MONTH)]


def test_the_modal_may_is_no_month() -> None:
    assert list(find_dates("Rebels early may attack the town.", date(2017, 6, 1))) == []
