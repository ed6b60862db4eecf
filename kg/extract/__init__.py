"""Doc → records.  Generator functions over a parsed Doc; no spaCy object leaves here.

``analyse`` is the one place that knows the order: entity mentions, then events
(which need mentions and attribution), then count claims (which link to events),
then the sources the article cites and the place it reports from; last, each
event's side (``kg.extract.sides``), which needs that place.
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.attribution import cited_sources
from kg.extract.claims import count_claims
from kg.extract.dates import doc_dates
from kg.extract.entities import mentions as entity_mentions
from kg.extract.events import events as extract_events
from kg.extract.places import focus_place
from kg.extract.sides import with_sides
from kg.nlp import text_of
from kg.nlp.sentences import lead_end
from kg.records import Analysis, Article


def analyse(doc: Doc, article: Article) -> Analysis:
    """Everything one parsed article yields."""
    mentions = tuple(entity_mentions(doc))
    events = tuple(extract_events(doc, article, mentions))
    claims = tuple(count_claims(doc, article, mentions, events))
    cites = tuple(cited_sources(doc, mentions))
    lead = lead_end(doc, article)
    published = article.date_published
    focus = focus_place(text_of(doc), mentions, lead, None, doc_dates(doc, published), published)
    text = text_of(doc)
    events = tuple(with_sides(events, mentions, text[:lead], lead, focus, text))
    return Analysis(
        article=article, mentions=mentions, events=events, claims=claims, cites=cites, focus=focus
    )
