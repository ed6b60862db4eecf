"""The FA-KES development table (read from ../shared, never copied into the repo)."""

from __future__ import annotations

import csv
import re
import time
from pathlib import Path

import pytest

from kg.ingest import TableColumns, count_articles, read_sources
from kg.ingest.dates import parse_date
from kg.records import Article, IngestProblem

FAKES = Path(__file__).resolve().parents[3] / "shared" / "data" / "fakes-dev.csv"
COLUMNS = TableColumns(id="unit_id", title="article_title", text="article_content", date="date")

pytestmark = pytest.mark.skipif(not FAKES.exists(), reason=f"{FAKES} not present")


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with FAKES.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def items() -> list[Article | IngestProblem]:
    started = time.perf_counter()
    items = list(read_sources([FAKES], COLUMNS))
    assert time.perf_counter() - started < 30
    return items


def test_every_row_is_accounted_for(rows: list[dict[str, str]], items) -> None:
    assert len(rows) == 381
    assert count_articles([FAKES], COLUMNS) == 381
    articles = [item for item in items if isinstance(item, Article)]
    assert len(articles) == 381
    # unit_id repeats in the table with the same text (the same article labelled again):
    # those rows are the same article, built once more; no row is lost or renamed.
    assert {a.id for a in articles} == {row["unit_id"] for row in rows}


def test_each_article_has_the_date_of_its_row(rows: list[dict[str, str]], items) -> None:
    by_id = {row["unit_id"]: row for row in rows}
    for article in (item for item in items if isinstance(item, Article)):
        assert article.date_published is not None
        assert article.date_published == parse_date(by_id[article.id]["date"])


def test_texts_start_with_the_title_and_no_leading_date(items) -> None:
    """The title, then the body; a body that opens with the title again keeps that copy
    (published text) as its own first paragraph, with no date before or after it."""
    weekday_or_month = re.compile(
        r"^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*"
        r"\.? \d|^\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|^\d\d[.-]\d\d[.-]\d{4}"
    )
    for article in (item for item in items if isinstance(item, Article)):
        assert article.headline and article.text.startswith(article.headline)
        body = article.text[len(article.headline) :].lstrip("\n")
        assert not weekday_or_month.match(body), (article.origin, body[:60])
        first, _, rest = body.partition("\n\n")
        if first.rstrip(".").lower() == article.headline.lower():
            assert not weekday_or_month.match(rest), (article.origin, rest[:60])
            assert not rest.lower().startswith(article.headline.lower()), article.origin


def test_a_known_row_reads_as_expected(items) -> None:
    article = next(i for i in items if isinstance(i, Article) and i.id == "1914947530")
    assert article.headline == "Syria attack symptoms consistent with nerve agent use WHO"
    assert article.text.startswith(
        "Syria attack symptoms consistent with nerve agent use WHO\n\n"
        "Syria attack symptoms consistent with nerve agent use WHO.\n\n"
        "Victims of a suspected chemical attack in Syria appeared to show symptoms"
    )
    assert str(article.date_published) == "2017-04-05"
