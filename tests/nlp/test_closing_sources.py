"""A source the parse took for an object of the words before a speech verb that closes
the sentence: ``kg.nlp.closing_sources`` on real-model parses."""

from __future__ import annotations

from spacy.language import Language

from tests.extract.test_sources import analysed, claim_of, source


def test_the_civil_defence_before_a_closing_verb_with_a_toll_phrase(nlp: Language) -> None:
    """ "… when their car was hit the civil defence said in a revised toll.": the rescue
    service gives both counts (no article name for it: an unnamed medical source)."""
    analysis = analysed(
        nlp,
        "Air strikes on the town killed 23 people on Friday including 6 when their car was "
        "hit the civil defence said in a revised toll.",
    )
    assert source(claim_of(analysis, "23 people")) == ("unnamed medical", [])
    assert source(claim_of(analysis, "6 when")) == ("unnamed medical", [])


def test_sources_in_a_place_before_a_closing_verb(nlp: Language) -> None:
    """ "… on Tuesday a war monitor and medical workers in the rebel-held area said.":
    the parse hangs "in the rebel-held area" on the killing; the sources before it speak."""
    analysis = analysed(
        nlp,
        "Barrel bombs killed nine people in the village on Tuesday a war monitor and medical "
        "workers in the rebel-held area said.",
    )
    found = source(claim_of(analysis, "nine people"))
    assert found is not None and found[0] is not None and found[0].startswith("unnamed ")


def test_a_noun_that_is_no_source_before_a_closing_verb(nlp: Language) -> None:
    """ "… where 30 children were studying the teachers said.": teachers are no source
    kind, so the number stays in the article's own voice."""
    analysis = analysed(
        nlp, "Rockets hit the school in the town where 30 children were studying the teachers said."
    )
    assert source(claim_of(analysis, "30 children")) is None


def test_what_a_closing_verb_announces_is_no_one_it_cites(nlp: Language) -> None:
    """ "… killing more than 40 people … hours after the US and Russia announced a deal
    …": the two countries report the deal, not the count (own voice)."""
    analysis = analysed(
        nlp,
        "Jet strikes hit the rebel-held towns killing more than 40 people and wounding 90 "
        "hours after Washington and Moscow announced a deal intended to bring a ceasefire.",
    )
    assert source(claim_of(analysis, "40 people")) is None


def test_whom_a_closing_verb_cites_still_closes_the_sentence(nlp: Language) -> None:
    """ "… a month before AP quoted SOHR as saying.": the cited source gives the count."""
    analysis = analysed(
        nlp,
        "Since March the group has recruited 3000 new militants in comparison to an average "
        "of 200 a month before AP quoted SOHR as saying.",
    )
    found = source(claim_of(analysis, "3000 new militants"))
    assert found is not None and found[0] is not None and found[1]


def test_a_count_a_closing_verb_gives_is_its_report(nlp: Language) -> None:
    """ "Khalid Omar the director of the hospital told a photographer the hospital had
    recorded seven deaths": the count is what "recorded" gives, so the named director
    who tells it stays the claimant (his hospital is no claimant of its own)."""
    analysis = analysed(
        nlp,
        "Khalid Omar the director of Al-Razi hospital in Hama told a Reuters photographer the "
        "hospital had recorded seven deaths from the shelling and 30 injuries.",
    )
    found = source(claim_of(analysis, "seven deaths"))
    assert found is not None and found[0] == "Khalid Omar"
