"""Tables are streamed: reading one holds a row at a time, not the file."""

from __future__ import annotations

import csv
import json
import tracemalloc
from pathlib import Path

import pytest

from kg.ingest import count_articles, read_sources
from kg.records import Article, IngestProblem

ROWS = 400
PARAGRAPH = (
    "Government forces shelled the eastern districts of the city on Tuesday, "
    "residents said, and the health ministry reported casualties. "
) * 40


def peak_while(action) -> int:
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def write_table(path: Path, rows: int) -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        if path.suffix == ".csv":
            writer = csv.writer(out)
            writer.writerow(["id", "title", "text"])
            writer.writerows(
                [str(n), f"Report {n}", f"{PARAGRAPH}\n\nRow {n}."] for n in range(rows)
            )
        else:
            for n in range(rows):
                out.write(json.dumps({"id": str(n), "text": f"{PARAGRAPH}\n\nRow {n}."}) + "\n")
    return path


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_reading_a_table_four_times_larger_takes_no_more_memory(
    tmp_path: Path, suffix: str
) -> None:
    small = write_table(tmp_path / f"small{suffix}", ROWS // 4)
    large = write_table(tmp_path / f"large{suffix}", ROWS)
    list(read_sources([small]))  # first use: imports and compiled patterns

    def read_all(table: Path) -> int:
        def read() -> None:
            for item in read_sources([table]):
                assert isinstance(item, Article), item

        return peak_while(read)

    peak_small, peak_large = read_all(small), read_all(large)
    per_row = (peak_large - peak_small) / (ROWS - ROWS // 4)
    assert per_row < len(PARAGRAPH) / 2  # an id seen is kept (duplicates), never a text
    counting_small = peak_while(lambda: count_articles([small]))
    assert peak_while(lambda: count_articles([large])) < counting_small + 64 * 1024
    assert count_articles([large]) == ROWS


def test_a_streamed_table_not_in_utf8_is_read_as_cp1252_with_a_warning(tmp_path: Path) -> None:
    table = tmp_path / "old.csv"
    table.write_bytes(
        "id,text\n1,Caf\u00e9 owners in Idlib said the market reopened.\n".encode("cp1252")
    )
    (article,) = read_sources([table])
    assert isinstance(article, Article) and "Café" in article.text
    assert str(table) in article.warnings[0] and "cp1252" in article.warnings[0]


def test_relative_origins_name_the_file_under_the_folder_given(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    (folder / "2017").mkdir(parents=True)
    (folder / "2017" / "a.txt").write_text("Rebels captured the town of Deir Hafer on Monday.\n")
    (folder / "t.csv").write_text("id,text\nx1,Troops withdrew from the village of Tal Rifaat.\n")
    items = list(read_sources([folder, folder / "t.csv"], relative=True))
    assert not [item for item in items if isinstance(item, IngestProblem)]
    assert [item.origin for item in items] == ["2017/a.txt", "t.csv:2", "t.csv:2"]
