"""Dates as pages and tables write them."""

from __future__ import annotations

from datetime import date

import pytest

from kg.ingest.dates import leading_date, parse_date

PARSED = [
    ("7/5/16", date(2016, 7, 5)),  # FA-KES: month/day/year
    ("4/5/2017", date(2017, 4, 5)),
    ("12/31/15", date(2015, 12, 31)),
    ("Wed 05 Apr 2017", date(2017, 4, 5)),
    ("December 12, 2016", date(2016, 12, 12)),
    ("12 December 2016", date(2016, 12, 12)),
    ("Sept. 3, 2015", date(2015, 9, 3)),
    ("Saturday 17 September 2016 21:09", date(2016, 9, 17)),
    ("2016-12-12", date(2016, 12, 12)),
    ("2016-12-12T10:00:00Z", date(2016, 12, 12)),
    ("2016-12-12T10:00:00+02:00", date(2016, 12, 12)),
    ("24.08.2013", date(2013, 8, 24)),
    ("15-09-2013", date(2013, 9, 15)),
    ("Fri Sep 27 2013", date(2013, 9, 27)),
    ("2/30/16", None),  # no such day
    ("Monitor", None),
    ("", None),
    ("12 December 2016 and more words", None),
]


@pytest.mark.parametrize(("text", "expected"), PARSED)
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


LEADING = [
    ("Wed 05 Apr 2017 Syria attack symptoms", date(2017, 4, 5), "Syria attack symptoms"),
    ("Posted on April 4 2017 by Asharq Al-Awsat", date(2017, 4, 4), "by Asharq Al-Awsat"),
    ("Published February 18 2015 The Syrian army", date(2015, 2, 18), "The Syrian army"),
    ("Last updated at Apr 232017 An Israeli attack", date(2017, 4, 23), "An Israeli attack"),
    ("Date of publication 27 June 2016 Civilian", date(2016, 6, 27), "Civilian"),
    ("August 13 2016 2037 UTC+3 A representative", date(2016, 8, 13), "A representative"),
    ("12 May 2016 0147 PM A Syrian army unit", date(2016, 5, 12), "A Syrian army unit"),
    ("18.10.2014Get short URL", date(2014, 10, 18), "Get short URL"),
    ("12 May 2016 2000 people fled", date(2016, 5, 12), "2000 people fled"),
]


@pytest.mark.parametrize(("text", "expected", "rest"), LEADING)
def test_leading_date(text: str, expected: date, rest: str) -> None:
    found = leading_date(text)
    assert found is not None
    assert found[0] == expected
    assert text[found[1] :].strip() == rest


@pytest.mark.parametrize(
    "text", ["10 dead after strikes on hospitals", "Monday 5 people died", "May God help us"]
)
def test_no_leading_date(text: str) -> None:
    assert leading_date(text) is None
