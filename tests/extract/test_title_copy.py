"""A table row whose body opens with a copy of its title ("Sun 21 Feb 2016 Title. Body…",
as FA-KES content does): the copy is published text, so its numbers are claims of the
body, attributed as the title's are; it is the headline again, not the lead's news."""

from __future__ import annotations

from spacy.language import Language

from kg.extract import analyse
from kg.extract.attribution import _as_in_headline, _headline_copy
from kg.ingest.compose import article_from_fields
from kg.nlp import text_of
from kg.nlp.sentences import headline_end, lead_end
from kg.records import Article, Attribution, CountClaim, Counted, EntityRef, Qualifier, Span

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


def _claim(text: str, phrase: str, count: int, nth: int = 0, who: str | None = None) -> CountClaim:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    source = Attribution(EntityRef(who, who)) if who else None
    return CountClaim(
        count=count,
        qualifier=Qualifier.EXACT,
        counted=Counted.FIGHTERS,
        evidence=(Span(start, start + len(phrase), phrase),),
        attribution=source,
    )


def test_copy_claims_take_the_title_claim_at_the_same_place_in_the_words() -> None:
    """ "Kurds near Azaz; 6 bombers killed" copied as "Kurds near Azaz 6 bombers killed.":
    the copy's punctuation differs, its words do not; and two numbers whose phrases start
    at the same word ("kill 120 fighters, over 60 mercenaries") each find their own."""
    text = (
        "Kurds near Azaz; forces kill 120 fighters over 60 mercenaries\n\n"
        "Kurds near Azaz forces kill 120 fighters over 60 mercenaries.\n\n"
        "The army said 120 fighters died."
    )
    end = text.index("\n\n")
    claims = [
        _claim(text, "kill 120 fighters", 120, 0, "army"),
        _claim(text, "kill 120 fighters over 60", 60, 0, "ministry"),
        _claim(text, "kill 120 fighters", 120, 1),
        _claim(text, "kill 120 fighters over 60", 60, 1),
    ]
    result = _as_in_headline(text, 0, end, _headline_copy(text, 0, end), claims)
    assert [c.attribution for c in result[2:]] == [c.attribution for c in result[:2]]


def test_the_headline_takes_the_bodys_fuller_chain_not_its_own_copys(nlp: Language) -> None:
    """ "Chemical attack kills five in Aleppo SANA" + its copy + "Health director Ahmad
    Khalil said five people died …, the official SANA news agency reported": the copy names
    only the tail again; the body's count gives the whole chain the tail belongs to."""
    title = "Chemical attack kills five in Aleppo SANA"
    body = (
        f"03-08-2016 {title}. Health director for Aleppo Ahmad Khalil said five people"
        " died after shells containing toxic gas hit the Old City of Aleppo on Tuesday,"
        " the official SANA news agency reported."
    )
    article = article_from_fields("r2", "rows.csv:3", title, body)
    assert isinstance(article, Article)
    analysis = analyse(nlp(article.text), article)
    in_title = next(c for c in analysis.claims if c.evidence[0].start < len(title))
    found = in_title.attribution
    assert found is not None and found.claimant is not None
    assert found.claimant.label == "Ahmad Khalil"
    assert [hop.label for hop in found.chain] == ["Syrian Arab News Agency"]
