"""`kg build` of the FA-KES dev table (381 real articles) with the column options."""

from __future__ import annotations

import csv
import subprocess
from pathlib import Path

import pytest

from kg.store import open_store, select_rows
from tests.conftest import FAKES_CSV


@pytest.mark.slow
def test_builds_every_row_of_the_fakes_table(
    fakes_build: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    with FAKES_CSV.open(encoding="utf-8") as table:
        rows = list(csv.DictReader(table))
    assert len(rows) == 381
    store, result = fakes_build
    assert result.returncode == 0, result.stderr
    assert "error:" not in result.stderr
    assert "Built 381 article(s)" in result.stderr
    # Some unit_ids repeat with the same text (the same article labelled twice): one graph each.
    _, found = select_rows(
        open_store(store, read_only=True),
        """
        SELECT ?id ?date WHERE { ?a a <https://schema.org/NewsArticle> ;
          <https://schema.org/identifier> ?id ; <https://schema.org/datePublished> ?date }""",
    )
    assert {row[0] for row in found} == {row["unit_id"] for row in rows}
    assert len(found) == len({row["unit_id"] for row in rows})
