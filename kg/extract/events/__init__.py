"""Events: triggers found by the kinds' word lists, arguments read off the parse.

The package is a rule system in the style of spaCy's own components:

* ``kinds`` — one ``EventSpec`` per event kind (trigger verbs and nouns, refiners,
  main-event priority, argument rules); the trigger tables derive from the specs;
* ``words`` — the other words the rules read (force nouns, support verbs, …);
* ``rules`` — the registry of named rules: every per-word exception, with the
  sentence it handles (``RULES``), each covered by a test on a hand-built Doc;
* ``triggers`` — which words report an event, and of which kind;
* ``scene`` — where it happened (place, origins) and what the readers share;
* ``arguments`` — who did it, to whom, when, in which words, who says so;
* ``merge`` — the mentions of one event in an article become one record;
* ``main_event`` — which event the article is about.

Sentence and lead helpers (``lead_end``, ``sentence_of``) are in ``kg.nlp.sentences``;
what a mention names (``is_place``, ``is_based``) in ``kg.extract.entities``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc

from kg.extract.events import merge as merging
from kg.extract.events.arguments import Reader
from kg.extract.events.main_event import choose_main
from kg.nlp.sentences import headline_copy, lead_end
from kg.records import Article, Event, Mention

__all__ = ["events"]


def events(doc: Doc, article: Article, mentions: Sequence[Mention]) -> Iterator[Event]:
    """The events ``doc`` reports, merged per event, one of them marked main.

    The headline's event that the body made precise ("Syrian Army Kills 10 Terrorists"
    + "… in a missile attack") is the main event: one node, with the killer the
    headline names when the precise words name no one better."""
    copy = headline_copy(doc, article)
    # The body's copy of the headline tells the headline's event again: no new evidence.
    found = [
        f
        for f in Reader(doc, article, mentions).read()
        if copy is None or not copy[0] <= f.trigger.idx < copy[1]
    ]
    lead = lead_end(doc, article)
    merged = merging.merge(found, article.date_published, lead)
    main = choose_main(doc, article, found, merged, lead)
    for item in merged:
        yield Event(
            kind=item.kind,
            evidence=tuple(item.evidence),
            actor=item.actor,
            target=item.target,
            place=item.place,
            origins=item.origins,
            when=item.when,
            attribution=item.attribution,
            main=item is main,
        )
