"""A photo credit glued into the text ("… Syria (AP photo) BEIRUT Air strikes …") is a
boundary no report crosses (``kg.nlp.credits``): real-model parses through ``analyse``.
"""

from __future__ import annotations

from spacy.language import Language

from kg.nlp.credits import credits
from tests.extract.test_sources import analysed, claim_of, source


def test_a_caption_speaker_does_not_report_the_story_after_the_credit(nlp: Language) -> None:
    """The frame's scope ends at the credit."""
    analysis = analysed(
        nlp,
        "A fighter is seen after a coalition of rebel groups called Jaish al Fateh said they "
        "took control of it on a highway that connects Aleppo to Latakia June 6 2015 "
        "(Reuters) Two people were killed and 15 injured as regime forces attacked the "
        "village of Avanl.",
    )
    assert source(claim_of(analysis, "Two people")) is None


def test_a_caption_report_is_not_carried_past_the_credit(nlp: Language) -> None:
    """The story after a credit and a dateline does not continue the caption's report."""
    analysis = analysed(
        nlp,
        "In this photo which other AP reporting shows rescue workers help an injured woman "
        "after warplanes attacked a street in Aleppo Syria (AP photo) BEIRUT Air strikes on "
        "a market in Idlib killed at least 21 civilians Sunday.",
    )
    assert source(claim_of(analysis, "at least 21")) is None


def test_a_report_after_the_credit_keeps_its_source(nlp: Language) -> None:
    analysis = analysed(
        nlp,
        "Men search the rubble in Idlib on September 10 2016. (Reuters) Local civil defence "
        "personnel told Reuters that 30 people were killed in the strikes.",
    )
    assert source(claim_of(analysis, "30 people")) == ("unnamed medical", ["Reuters"])


def test_an_abbreviation_after_the_full_name_is_no_credit(nlp: Language) -> None:
    doc = nlp(
        "The Syrian Arab News Agency (SANA) Army units killed 30 terrorists. A woman in "
        "Aleppo (AFP Photo) The army said 12 were killed."
    )
    marks = [doc[a:b].text for a, b in credits(doc)]
    assert marks == ["(AFP Photo)"]
