"""An embedded tweet's numbers are its author's: the page shows the tweet's words, then
the author's name, handle in brackets and date, punctuation often lost."""

from __future__ import annotations

import time

from spacy.language import Language

from kg.extract.tweets import LINK, SIGNATURE
from tests.extract.test_sources import analysed, claim_of, source

BODY = (
    "Rescuers searched the rubble of the market on Monday, the article's own words say. "
    "Dozens of families fled the town overnight as shelling hit the main road, the bridge "
    "leading north and the fields around the old border crossing near the river. "
    "Awful day in Maarat 12 dead & 40 wounded after the strike hit the bakery "
    "pic.twitter.comAbC123xyz Jane Doran (JaneDoran) June 12 2016 "
    "3 children pulled alive from the rubble. pic.twitter.comQqQ987 The White Helmets "
    "(SyriaCivilDef) June 12 2016 The town has been hit before."
)


def test_a_tweets_numbers_are_its_authors(nlp: Language) -> None:
    analysis = analysed(nlp, BODY)
    assert source(claim_of(analysis, "12 dead")) == ("Jane Doran", [])
    assert source(claim_of(analysis, "40 wounded")) == ("Jane Doran", [])


def test_a_tweet_right_after_another_starts_after_its_date(nlp: Language) -> None:
    assert source(claim_of(analysed(nlp, BODY), "3 children")) == ("White Helmets", [])


def test_the_articles_words_before_a_tweet_stay_its_own(nlp: Language) -> None:
    """A tweet held 140 characters then: the article's sentence starting further back
    than that is no part of it."""
    assert source(claim_of(analysed(nlp, BODY), "Dozens of families")) is None


def test_a_source_the_articles_own_sentence_names_stays_its_own(nlp: Language) -> None:
    """A short sentence of the article right before a tweet lies within the characters a
    tweet may hold; the source it names keeps its count."""
    body = (
        "The town was shelled again on Monday. Activists said 5 people were killed in "
        "Idlib. Awful day 12 dead pic.twitter.comAbC123 Jane Doran (JaneDoran) June 12 2016 "
        "The town has been hit before."
    )
    analysis = analysed(nlp, body)
    assert source(claim_of(analysis, "5 people")) == ("unnamed activist", [])
    assert source(claim_of(analysis, "12 dead")) == ("Jane Doran", [])


def test_a_long_run_of_letters_costs_its_length_not_its_square() -> None:
    """A page's 200 KB run of letters with no space (an inlined image, a pasted blob)
    before a real signature: the signature is still found, the name at its first
    capital, and the search stays linear (it took minutes when each start in the run
    scanned to its end and gave the word back letter by letter)."""
    run = "A" * 200_000
    text = f"{run} 8 killed todayThe White Helmets (SyriaCivilDef) April 30 2017 x{'y' * 200_000}"
    started = time.perf_counter()
    names = [m.group("name") for m in SIGNATURE.finditer(text)]
    links = LINK.findall(text)
    assert time.perf_counter() - started < 5
    assert names == ["The White Helmets"]
    assert links == []
