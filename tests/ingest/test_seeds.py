"""The five seed pages: metadata and cleaned text, asserted against what each page says."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from kg.ingest import read_sources
from kg.records import Article, SourceRef

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

MIDDLE_EAST = "Middle East & North Africa"

# (file stem, headline, authors, published, based_on, keywords, a body sentence)
EXPECTED = [
    (
        "000_f0a122183875b4c5",
        "Islamic State Forces (ISIS-Daesh) Retake Historic City of Palmyra",
        ("South Front", "Global Research News"),
        date(2016, 12, 12),
        (SourceRef("South Front", date(2016, 12, 12)),),
        (MIDDLE_EAST, "Militarization and WMD", "SYRIA"),
        "Reports suggest that the operation was conducted by 4000 ISIS fighters.",
    ),
    (
        "001_7cfe70ed759a6895",
        "US Facilitates Transfer of Terrorists from Mosul into Syria: "
        "Palmyra Again Reportedly Seized by ISIS",
        ("Stephen Lendman",),
        date(2016, 12, 12),
        (),
        (MIDDLE_EAST, "US NATO War Agenda", "SYRIA"),
        "On January 20, he'll leave office in a blaze of infamy, his high crimes too wicked"
        " to ignore.",
    ),
    (
        "002_7093ba85be1c1dec",
        "ISIS-Daesh “Accidentally” Launches Large-Scale Offensive in Palmyra Amid US-Russian"
        " Talks on Aleppo",
        ("South Front",),
        date(2016, 12, 9),
        (SourceRef("South Front", date(2016, 12, 9)),),
        (MIDDLE_EAST, "Terrorism", "US NATO War Agenda", "SYRIA"),
        "Is there a coordination between ISIS, “moderate rebels” and their Western backers?",
    ),
    (
        "003_f38031a81f860219",
        "The ISIS Offensive against Palmyra: A US-NATO Sponsored Operation?",
        ("Mehmet Ersoy",),
        date(2016, 12, 14),
        (SourceRef("Inside Syria Media Center", date(2024, 4, 26)),),
        (MIDDLE_EAST, "Terrorism", "US NATO War Agenda", "SYRIA"),
        "On December 10, the world media reported that IS terrorists started an offensive on"
        " Palmyra liberated by the SAA in spring.",
    ),
    (
        "004_4b5fa2676380bed8",
        "4,000 ISIS Fighters Regroup, Make New Attempt to Capture Palmyra",
        ("RT",),
        date(2016, 12, 11),
        (SourceRef("RT", date(2016, 12, 11)),),
        (MIDDLE_EAST, "Russia and FSU", "Terrorism", "US NATO War Agenda", "SYRIA"),
        "Palmyra was seized by IS in 2015, however in March this year Syrian government forces,"
        " backed by Russian air support, managed to liberate the city.",
    ),
]

BOILERPLATE = [
    "Disclaimer",
    "sole responsibility",
    "Copyright",
    "©",
    "Comment on",
    "Facebook",
    "Become a Member",
    "Articles by",
    "About the author",
    "can be reached at",
    "media inquiries",
    "fair use",
    "copyrighted material",
    "original source of this article",
    "globalresearch.ca",
    "Region:",
    "Theme:",
    "In-depth Report:",
    "lives in Chicago",
    "His new book",
    "Visit his blog",
    "Listen to",
    "claritypress",
]


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    articles = list(read_sources([SEEDS]))
    assert all(isinstance(a, Article) for a in articles), articles
    return {a.id: a for a in articles}


def test_five_seeds_are_read_in_order(seeds: dict[str, Article]) -> None:
    assert list(seeds) == [row[0] for row in EXPECTED]


@pytest.mark.parametrize(
    ("stem", "headline", "authors", "published", "based_on", "keywords", "sentence"), EXPECTED
)
def test_seed_metadata(
    seeds: dict[str, Article],
    stem: str,
    headline: str,
    authors: tuple[str, ...],
    published: date,
    based_on: tuple[SourceRef, ...],
    keywords: tuple[str, ...],
    sentence: str,
) -> None:
    article = seeds[stem]
    assert article.headline == headline
    assert article.authors == authors
    assert article.date_published == published
    assert article.based_on == based_on
    assert article.keywords == keywords
    assert article.origin == str(SEEDS / f"{stem}.txt")
    assert article.warnings == ()


@pytest.mark.parametrize("stem", [row[0] for row in EXPECTED])
def test_seed_text_is_headline_then_clean_paragraphs(seeds: dict[str, Article], stem: str) -> None:
    article = seeds[stem]
    expected = next(row for row in EXPECTED if row[0] == stem)
    assert article.text.startswith(article.headline + "\n\n")
    assert expected[6] in article.text  # a real body sentence is kept
    for paragraph in article.text.split("\n\n"):
        assert paragraph == paragraph.strip() and paragraph and "\n" not in paragraph
    for phrase in BOILERPLATE:
        assert phrase.lower() not in article.text.lower(), phrase
    assert "](" not in article.text and "**" not in article.text and "<http" not in article.text
    assert not re.search(r"^\s*(#|---|\*\s)", article.text, re.MULTILINE)
    assert not re.search(r"https?://|@\w+\.\w+", article.text)
    header_line = re.compile(r"^(By |Global Research, |Region|Theme|In-depth Report)")
    assert not any(header_line.match(p) for p in article.text.split("\n\n"))


def test_seed_000_keeps_the_italic_lead_and_the_quoted_date(seeds: dict[str, Article]) -> None:
    text = seeds["000_f0a122183875b4c5"].text
    assert text.split("\n\n")[1].startswith(
        "This report by South Front reviews the attacks of ISIS"
    )
    # "(Global Research, December 12, 2016)" inside a sentence is text, not a header line.
    assert 'Dier Ezzor." (Global Research, December 12, 2016)' in text


def test_seed_001_keeps_every_paragraph_up_to_the_blurb(seeds: dict[str, Article]) -> None:
    text = seeds["001_7cfe70ed759a6895"].text
    assert "On Sunday, RT International reported a second ISIS attempt to take the city" in text
    assert text.count("Thousands of fighters transferred from Mosul with US support") == 2
    assert text.endswith("his high crimes too wicked to ignore.")


def test_seed_002_truncated_disclaimer_is_gone(seeds: dict[str, Article]) -> None:
    text = seeds["002_7093ba85be1c1dec"].text
    assert "not be responsible" not in text and "cross-post" not in text
    assert text.endswith("their Western backers?")


def test_seed_003_keeps_link_words(seeds: dict[str, Article]) -> None:
    text = seeds["003_f38031a81f860219"].text
    assert "Homs governor Talal al-Barazi said that unfortunately only some 80%" in text
    assert "Barack Obama waived any arms export control restrictions" in text


def test_seed_004_kicker_is_kept_as_body_text(seeds: dict[str, Article]) -> None:
    paragraphs = seeds["004_4b5fa2676380bed8"].text.split("\n\n")
    assert paragraphs[1] == "Report of Syria – Reconciliation Center"
    assert paragraphs[2].startswith("Over 4,000 Islamic State (IS, formerly ISIS/ISIL) terrorists")
    assert "terrorists “could flee from Mosul and go to Syria.”" in paragraphs[-2]
