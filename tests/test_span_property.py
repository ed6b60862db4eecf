"""Property: every claim, event, mention and attribution span cuts out exactly its anchor.

Articles are drawn at random from the seeds and FA-KES, and rebuilt from random
paragraphs with characters outside the Basic Multilingual Plane mixed in, so code
point offsets are checked where UTF-16 or byte offsets would differ.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from kg.extract import analyse
from kg.ingest import TableColumns, read_sources
from kg.records import Analysis, Article, Span
from tests.conftest import FAKES_CSV, SEEDS

FAKES_COLUMNS = TableColumns(
    id="unit_id", title="article_title", text="article_content", date="date"
)


@cache
def corpus() -> tuple[Article, ...]:
    sources: list[Path] = [SEEDS] + ([FAKES_CSV] if FAKES_CSV.exists() else [])
    articles = []
    for source in sources:
        columns = FAKES_COLUMNS if source.suffix == ".csv" else TableColumns()
        articles += [a for a in read_sources([source], columns) if isinstance(a, Article)]
    return tuple(articles)


def spans_of(analysis: Analysis) -> list[Span]:
    found = [mention.span for mention in analysis.mentions]
    for item in (*analysis.events, *analysis.claims):
        found += item.evidence
        if item.attribution and item.attribution.cue:
            found.append(item.attribution.cue)
    return found


def assert_spans_exact(nlp: Language, article: Article) -> None:
    analysis = analyse(nlp(article.text), article)
    for span in spans_of(analysis):
        assert 0 <= span.start < span.end <= len(article.text)
        assert article.text[span.start : span.end] == span.text, span
    for item in (*analysis.events, *analysis.claims):
        assert item.evidence, f"{type(item).__name__} without evidence in {article.id}"


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(index=st.integers(min_value=0))
def test_spans_of_real_articles_are_exact(nlp: Language, index: int) -> None:
    articles = corpus()
    assert_spans_exact(nlp, articles[index % len(articles)])


ODD = st.sampled_from(["😀", "𝔘", "é", "ﬁ", "\u200b", "—", "“", "”", "’", "  "])


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_spans_survive_mixed_paragraphs_and_astral_characters(
    nlp: Language, data: st.DataObject
) -> None:
    articles = corpus()
    paragraphs = [p for a in articles[:60] for p in a.text.split("\n\n") if p.strip()]
    chosen = data.draw(st.lists(st.sampled_from(paragraphs), min_size=1, max_size=6))
    pieces = []
    for paragraph in chosen:
        words = paragraph.split(" ")
        at = data.draw(st.integers(min_value=0, max_value=len(words)))
        words.insert(at, data.draw(ODD))
        pieces.append(" ".join(words))
    text = "\n\n".join(pieces)
    assert_spans_exact(nlp, Article(id="generated", text=text, headline=pieces[0]))
