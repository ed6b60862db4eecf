"""A table row whose body opens with a copy of its title ("Sun 21 Feb 2016 Title. Body…",
as FA-KES content does): the copy is published text, so its numbers are claims of the
body, attributed as the title's are; it is the headline again, not the lead's news."""

from __future__ import annotations

from spacy.language import Language

from kg.extract import analyse
from kg.ingest.compose import article_from_fields
from kg.nlp import text_of
from kg.nlp.sentences import headline_end, lead_end
from kg.records import Article

TITLE = "Twin bomb attacks kill 50 in Homs: monitor"
BODY = (
    "Sun 21 Feb 2016 Twin bomb attacks kill 50 in Homs: monitor. Twin car bombs killed at"
    " least 50 people in the central city of Homs on Sunday, the Syrian Observatory for"
    " Human Rights said. The blasts hit a busy square near a school. Dozens were wounded."
)


def _row() -> Article:
    article = article_from_fields("r1", "rows.csv:2", TITLE, BODY)
    assert isinstance(article, Article)
    return article


def test_the_copy_stays_as_the_first_body_paragraph() -> None:
    article = _row()
    copy = f"{TITLE}."
    assert article.text.startswith(f"{TITLE}\n\n{copy}\n\nTwin car bombs killed")
    assert "Sun 21 Feb" not in article.text  # the date before the copy is still cut
    assert str(article.date_published) == "2016-02-21"


def test_the_copy_counts_as_the_headline_does(nlp: Language) -> None:
    article = _row()
    doc = nlp(article.text)
    analysis = analyse(doc, article)
    copy_start = len(TITLE) + 2
    copy_end = copy_start + len(TITLE) + 1
    fifties = sorted(
        (c for c in analysis.claims if c.count == 50), key=lambda c: c.evidence[0].start
    )
    in_title = [c for c in fifties if c.evidence[0].start < len(TITLE)]
    in_copy = [c for c in fifties if copy_start <= c.evidence[0].start < copy_end]
    assert len(in_title) == 1 and len(in_copy) == 1  # each mention is its own claim
    title_source = in_title[0].attribution
    assert title_source is not None and title_source.claimant is not None
    assert "Observatory" in title_source.claimant.label
    assert in_copy[0].attribution == title_source  # "monitor", resolved through the body
    # The copy is the headline again: the lead starts after it, and it adds no event.
    assert headline_end(doc, article) == copy_end
    assert text_of(doc)[lead_end(doc, article, 1) - 1] == "."
    assert text_of(doc)[copy_end : lead_end(doc, article, 1)].strip().startswith("Twin car")
    assert not any(copy_start <= s.start < copy_end for e in analysis.events for s in e.evidence)
