"""Reading bytes as text: binary refused, UTF-8 and cp1252 read run by run, nothing dropped unsaid."""

from __future__ import annotations

import random
from pathlib import Path

from kg.ingest import read_sources
from kg.records import Article, IngestProblem

GOOD = "Shelling kills five\n\nFive civilians were killed in Aleppo on Friday, a monitor said.\n"


def _read(*sources: Path) -> tuple[list[Article], list[IngestProblem]]:
    items = list(read_sources(list(sources)))
    return (
        [item for item in items if isinstance(item, Article)],
        [item for item in items if isinstance(item, IngestProblem)],
    )


def _random_bytes(low: int, high: int, size: int = 20_000) -> bytes:
    generator = random.Random(8)
    return bytes(generator.randrange(low, high + 1) for _ in range(size))


def test_random_bytes_without_nul_are_binary_and_the_rest_is_read(tmp_path: Path) -> None:
    """20,000 random bytes (no NUL, so the 8 KiB NUL test does not see them) are not an article."""
    binary = tmp_path / "binary.txt"
    binary.write_bytes(_random_bytes(1, 255))
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    articles, problems = _read(binary, good)
    assert [a.id for a in articles] == ["good"]
    assert [(p.origin, "binary" in p.message) for p in problems] == [(str(binary), True)]


def test_dense_control_characters_make_a_file_binary(tmp_path: Path) -> None:
    """ASCII bytes only (all valid UTF-8): refused for their control characters alone."""
    binary = tmp_path / "ascii.txt"
    binary.write_bytes(_random_bytes(1, 127))
    _, (problem,) = _read(binary)
    assert problem.origin == str(binary) and "control characters" in problem.message


def test_mostly_non_utf8_bytes_make_a_file_binary(tmp_path: Path) -> None:
    """High bytes only (almost all printable in cp1252): refused as not UTF-8 at all."""
    binary = tmp_path / "high.txt"
    binary.write_bytes(_random_bytes(128, 255))
    _, (problem,) = _read(binary)
    assert problem.origin == str(binary) and "not UTF-8" in problem.message


def test_a_cp1252_article_with_accents_is_still_text(tmp_path: Path) -> None:
    page = tmp_path / "french.txt"
    page.write_bytes(
        ("Événement à Alep\n\n" + "Le café a été détruit à Alep. " * 40).encode("cp1252")
    )
    (article,), problems = _read(page)
    assert problems == []
    assert "café a été détruit" in article.text


def test_utf8_and_cp1252_in_one_file_are_each_read_right(tmp_path: Path) -> None:
    page = tmp_path / "mixed.txt"
    page.write_bytes(
        "Café bombing kills five\n\nThe blast hit a café in Homs.\n".encode()
        + "\nOfficials said “five died” at the Café Rawda.\n".encode("cp1252")
    )
    (article,), problems = _read(page)
    assert problems == []
    assert article.text == (
        "Café bombing kills five\n\nThe blast hit a café in Homs.\n\n"
        "Officials said “five died” at the Café Rawda."
    )
    (warning,) = article.warnings
    assert warning.startswith(f"{page}:5: ") and "cp1252" in warning


def test_a_table_tells_its_decoding_warning_once(tmp_path: Path) -> None:
    table = tmp_path / "rows.csv"
    table.write_bytes(
        b"id,title,text\n"
        + "a,Caf\u00e9 hit,The caf\u00e9 was hit on Monday.\n".encode("cp1252")
        + b"b,Second,Another article about the war.\n"
    )
    articles, _ = _read(table)
    assert [len(a.warnings) for a in articles] == [1, 0]
    assert articles[0].warnings[0].startswith(f"{table}:2: ")


def test_a_streamed_table_mixing_utf8_and_cp1252_reads_both_right(tmp_path: Path) -> None:
    """Row a in UTF-8, row b in cp1252: each "Café" reads right, none as "CafÃ©"."""
    table = tmp_path / "mixed.csv"
    table.write_bytes(
        b"id,title,text\n"
        + "a,Caf\u00e9 one,The caf\u00e9 was hit on Monday.\n".encode("utf-8")
        + "b,Caf\u00e9 two,The caf\u00e9 was hit on Tuesday.\n".encode("cp1252")
    )
    articles, problems = _read(table)
    assert problems == []
    assert [a.headline for a in articles] == ["Caf\u00e9 one", "Caf\u00e9 two"]
    assert all("\u00c3" not in a.text for a in articles)
    assert articles[0].warnings[0].startswith(f"{table}:3: not UTF-8")


def test_nul_after_the_first_8_kib_is_dropped_with_a_warning(tmp_path: Path) -> None:
    page = tmp_path / "late-nul.txt"
    filler = "Rebels shelled the old city of Aleppo on Sunday, residents said.\n\n" * 150
    assert len(filler) > 8192
    page.write_bytes(f"Shelling in Aleppo\n\n{filler}Five people\x00 were killed.\n".encode())
    (article,), problems = _read(page)
    assert problems == [] and "\x00" not in article.text
    assert article.text.endswith("Five people were killed.")
    (warning,) = article.warnings
    line = 3 + filler.count("\n")
    assert warning.startswith(f"{page}:{line}: ") and "NUL" in warning


def test_bytes_cp1252_does_not_define_are_replaced_with_a_warning(tmp_path: Path) -> None:
    page = tmp_path / "odd.txt"
    page.write_bytes(b"Headline\n\nThe strike hit Idlib\x81 on Monday.\n")
    (article,), _ = _read(page)
    assert "Idlib\ufffd on Monday" in article.text
    assert any(w.startswith(f"{page}:3: ") and "U+FFFD" in w for w in article.warnings)
