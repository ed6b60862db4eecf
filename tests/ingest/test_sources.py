"""Tables, encodings, HTML, folders and unreadable input, on small files in tmp_path."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from kg.ingest import TableColumns, count_articles, read_sources
from kg.records import Article, IngestProblem, SourceRef

BODY = "Air strikes killed 12 civilians in Idlib province on Tuesday, a monitor said."


def _read(*sources: Path, columns: TableColumns | None = None):
    items = list(read_sources(list(sources), columns or TableColumns()))
    articles = [item for item in items if isinstance(item, Article)]
    problems = [item for item in items if isinstance(item, IngestProblem)]
    return articles, problems


def test_csv_with_usual_column_names(tmp_path: Path) -> None:
    table = tmp_path / "news.csv"
    table.write_text(
        "id,headline,body,date\n"
        f'a1,Strikes hit Idlib,"{BODY}\n\nRescuers searched the rubble.",2017-04-04\n'
        ',No id here,"Some text about the war that continues.",4/5/17\n'
        "a3,Empty one,,2017-04-04\n",
        encoding="utf-8",
    )
    articles, problems = _read(table)
    # the first row runs over lines 2-4; a missing id → <stem>-<line>
    assert [a.id for a in articles] == ["a1", "news-5"]
    first = articles[0]
    assert first.text == f"Strikes hit Idlib\n\n{BODY}\n\nRescuers searched the rubble."
    assert first.headline == "Strikes hit Idlib"
    assert first.date_published == date(2017, 4, 4)
    assert first.origin == f"{table}:2"
    assert articles[1].date_published == date(2017, 4, 5)
    assert [(p.origin, "empty text" in p.message) for p in problems] == [(f"{table}:6", True)]
    assert count_articles([table]) == 3


def test_csv_line_numbers_count_multiline_cells(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text('id,text\nx,"one\ntwo\nthree lines of text."\ny,\n', encoding="utf-8")
    articles, problems = _read(table)
    assert [a.origin for a in articles] == [f"{table}:2"]
    assert [p.origin for p in problems] == [f"{table}:5"]


def test_named_columns_and_a_missing_column(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("key,head,story\nk1,A title,Fighting continued in the east of the city.\n")
    columns = TableColumns(id="key", title="head", text="story")
    articles, problems = _read(table, columns=columns)
    assert [(a.id, a.headline) for a in articles] == [("k1", "A title")]
    assert problems == []
    articles, problems = _read(table, columns=TableColumns(text="article_content"))
    assert articles == []
    assert len(problems) == 1
    assert problems[0].origin == str(table)
    assert "article_content" in problems[0].message
    assert "key, head, story" in problems[0].message  # names the columns the table has


def test_table_without_any_text_column(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("a,b\n1,2\n")
    articles, problems = _read(table)
    assert articles == [] and len(problems) == 1 and "a, b" in problems[0].message


def test_jsonl_bad_line_and_empty_text(tmp_path: Path) -> None:
    table = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": 7, "title": "Convoy hit", "content": BODY, "date": "12 December 2016"}),
        "{not json",
        "",
        json.dumps({"id": "e", "title": "Nothing", "content": "   "}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "z", "content": "Shelling went on through the night, residents said."}),
    ]
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, problems = _read(table)
    assert [(a.id, a.origin) for a in articles] == [("7", f"{table}:1"), ("z", f"{table}:6")]
    assert articles[0].date_published == date(2016, 12, 12)
    assert articles[0].text == f"Convoy hit\n\n{BODY}"
    assert articles[1].headline == ""
    assert articles[1].text == "Shelling went on through the night, residents said."
    assert [p.origin for p in problems] == [f"{table}:2", f"{table}:4", f"{table}:5"]
    assert "bad JSON" in problems[0].message
    assert count_articles([table]) == 5


def test_leading_date_is_cut_and_repeated_title_kept(tmp_path: Path) -> None:
    """The body's copy of the title is published text (its numbers are body claims, as
    the attribution guide annotates them): it stays as the first body paragraph; the
    date before or after it is page furniture and goes."""
    table = tmp_path / "rows.csv"
    table.write_text(
        "title,text,date\n"
        '"Syria attack symptoms consistent with nerve agent use WHO",'
        '"Wed 05 Apr 2017 Syria attack symptoms consistent with nerve agent use WHO. Victims of'
        ' a suspected chemical attack appeared to show symptoms.",\n'
        '"Ten killed in Raqqa","Ten killed in Raqqa 21 November 2016 SANA Aircraft struck the'
        ' town.",11/22/16\n',
        encoding="utf-8",
    )
    articles, problems = _read(table)
    assert problems == []
    first, second = articles
    assert first.text == (
        "Syria attack symptoms consistent with nerve agent use WHO\n\n"
        "Syria attack symptoms consistent with nerve agent use WHO.\n\n"
        "Victims of a suspected chemical attack appeared to show symptoms."
    )
    assert first.date_published == date(2017, 4, 5)  # from the text: the date cell is empty
    assert (
        second.text
        == "Ten killed in Raqqa\n\nTen killed in Raqqa\n\nSANA Aircraft struck the town."
    )
    assert second.date_published == date(2016, 11, 22)  # the date cell wins


def test_a_body_that_only_starts_like_its_title_keeps_its_first_sentence_whole(
    tmp_path: Path,
) -> None:
    """No copy when the title's letters end inside a word ("Hama" + "s stronghold") or the
    sentence goes on in lower case ("… 20 terrorists in Homs countryside, SANA said")."""
    table = tmp_path / "rows.csv"
    table.write_text(
        "title,text\n"
        '"Army kills 5 fighters in Hama","Army kills 5 fighters in Hamas stronghold."\n'
        '"Syrian army kills 20 terrorists","Syrian army kills 20 terrorists in Homs'
        ' countryside, SANA reported."\n',
        encoding="utf-8",
    )
    first, second = _read(table)[0]
    assert (
        first.text == "Army kills 5 fighters in Hama\n\nArmy kills 5 fighters in Hamas stronghold."
    )
    assert second.text == (
        "Syrian army kills 20 terrorists\n\n"
        "Syrian army kills 20 terrorists in Homs countryside, SANA reported."
    )


def test_agency_dateline_becomes_based_on(tmp_path: Path) -> None:
    table = tmp_path / "rows.csv"
    table.write_text(
        "title,text\nBarrel bombs kill 11,"
        '"Barrel bombs kill 11 AFP Thursday 16 Jul 2015 At least 11 civilians were killed."\n',
        encoding="utf-8",
    )
    (article,), _ = _read(table)
    assert article.text == (
        "Barrel bombs kill 11\n\nBarrel bombs kill 11\n\nAt least 11 civilians were killed."
    )
    assert article.based_on == (SourceRef("AFP", date(2015, 7, 16)),)
    assert article.date_published == date(2015, 7, 16)


def test_cp1252_file_is_read_with_a_warning(tmp_path: Path) -> None:
    page = tmp_path / "old.txt"
    page.write_bytes(
        "Café bombing kills five\n\nThe blast hit a café in Homs – officials said “five died”.\n".encode(
            "cp1252"
        )
    )
    (article,), problems = _read(page)
    assert problems == []
    assert article.text == (
        "Café bombing kills five\n\nThe blast hit a café in Homs – officials said “five died”."
    )
    assert len(article.warnings) == 1
    assert str(page) in article.warnings[0] and "cp1252" in article.warnings[0]


def test_utf8_bom_is_not_text(tmp_path: Path) -> None:
    page = tmp_path / "bom.md"
    page.write_bytes("\ufeff# Headline here\n\nBody text of the article goes on here.\n".encode())
    (article,), _ = _read(page)
    assert article.text == "Headline here\n\nBody text of the article goes on here."
    assert article.warnings == ()


HTML = """<!doctype html>
<html><head>
<title>Rebels shell Aleppo | Example News</title>
<meta property="article:published_time" content="2016-12-11T08:30:00Z">
<meta name="author" content="Jane Doe, John Roe">
<meta name="keywords" content="Syria, Aleppo">
<script>var x = "<p>not text</p>";</script>
<style>p { color: red }</style>
</head><body>
<nav><p>Home | World | Sport</p></nav>
<article>
  <h1>Rebels shell <em>Aleppo</em></h1>
  <p>Rebels shelled western Aleppo on Sunday, killing <b>eight</b> people, state media said.</p>
  <h2>Ceasefire talks</h2>
  <p>Talks in Geneva&nbsp;broke down &amp; fighting resumed.<br>Both sides blamed each other.</p>
  <footer><p>Copyright © 2016 Example News</p></footer>
</article>
<aside><p>Most read: something else entirely</p></aside>
<footer><p>Contact: desk@example.org</p></footer>
</body></html>
"""


def test_html_page(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(HTML, encoding="utf-8")
    (article,), problems = _read(page)
    assert problems == []
    assert article.id == "page"
    assert article.headline == "Rebels shell Aleppo"
    assert article.date_published == date(2016, 12, 11)
    assert article.authors == ("Jane Doe", "John Roe")
    assert article.keywords == ("Syria", "Aleppo")
    assert article.text == (
        "Rebels shell Aleppo\n\n"
        "Rebels shelled western Aleppo on Sunday, killing eight people, state media said.\n\n"
        "Ceasefire talks\n\n"
        "Talks in Geneva broke down & fighting resumed. Both sides blamed each other."
    )


def test_html_without_article_uses_title_and_time(tmp_path: Path) -> None:
    page = tmp_path / "plain.htm"
    page.write_text(
        "<html><head><title>Clashes in Deraa - Site</title></head><body>"
        "<p><time datetime='2015-02-23'>23 Feb</time></p>"
        "<p>Clashes broke out in Deraa, activists said.</p></body></html>",
        encoding="utf-8",
    )
    (article,), _ = _read(page)
    assert article.headline == "Clashes in Deraa"
    assert article.date_published == date(2015, 2, 23)
    assert (
        article.text == "Clashes in Deraa\n\n23 Feb\n\nClashes broke out in Deraa, activists said."
    )


def test_folder_is_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / "b" / "one.txt").write_text("One\n\nFirst story text, long enough to be body.\n")
    (tmp_path / "a" / "deep" / "two.md").write_text("# Two\n\nSecond story text is here.\n")
    (tmp_path / "a" / "three.html").write_text("<h1>Three</h1><p>Third story text.</p>")
    (tmp_path / "a" / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text("Hidden\n\nNot read.\n")
    articles, problems = _read(tmp_path)
    assert [a.id for a in articles] == ["two", "three", "one"]
    assert problems == []
    assert count_articles([tmp_path]) == 3


def test_unreadable_files_are_problems_and_the_rest_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Good\n\nA readable article about the war in Syria.\n")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02PK\x03\x04")
    missing = tmp_path / "missing.txt"
    odd = tmp_path / "data.xml"
    odd.write_text("<a/>")
    only_boilerplate = tmp_path / "junk.txt"
    only_boilerplate.write_text(
        "Disclaimer: The contents are of sole responsibility of the author."
    )
    sources = [empty, binary, missing, odd, only_boilerplate, good]
    articles, problems = _read(*sources)
    assert [a.id for a in articles] == ["good"]
    messages = {Path(p.origin).name: p.message for p in problems}
    assert set(messages) == {"empty.txt", "binary.txt", "missing.txt", "data.xml", "junk.txt"}
    assert "empty" in messages["empty.txt"]
    assert "binary" in messages["binary.txt"]
    assert "no such file" in messages["missing.txt"]
    assert "unsupported" in messages["data.xml"]


def test_permission_denied_is_a_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("Locked\n\nText.\n")
    if os.geteuid() == 0:  # root reads anything: make the read fail as it would for a user
        real_open = Path.open

        def open_file(self: Path, *args: object, **kwargs: object) -> object:
            if self == locked:
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(Path, "open", open_file)
    locked.chmod(0)
    try:
        articles, problems = _read(locked)
    finally:
        locked.chmod(0o644)
    assert articles == []
    assert [(p.origin, p.message) for p in problems] == [(str(locked), "permission denied")]


def test_a_repeated_id_with_another_text_is_kept_under_a_new_id(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    (tmp_path / "x" / "same.txt").write_text("First\n\nThe first article text is here.\n")
    (tmp_path / "y" / "same.txt").write_text("Second\n\nThe second article text is here.\n")
    articles, problems = _read(tmp_path)
    assert problems == []
    assert [a.headline for a in articles] == ["First", "Second"]
    assert articles[0].id == "same" and articles[1].id != "same"
    assert "already used" in articles[1].warnings[-1]


def test_a_repeated_id_with_the_same_text_is_the_same_article(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text(
        "id,text\n7,Shelling hit the town.\n8,Another report.\n7,Shelling hit the town.\n"
    )
    articles, problems = _read(table)
    assert problems == []
    assert [a.id for a in articles] == ["7", "8", "7"]
    assert articles[0].text == articles[2].text


def test_plain_text_starting_with_a_date(tmp_path: Path) -> None:
    page = tmp_path / "dated.txt"
    page.write_text("December 12, 2016\n\nPalmyra falls again\n\nISIS fighters entered the city.\n")
    (article,), _ = _read(page)
    assert article.date_published == date(2016, 12, 12)
    assert article.text == "Palmyra falls again\n\nISIS fighters entered the city."
