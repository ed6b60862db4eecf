"""Which body count a headline's count repeats, when the body's lede tells it in the
article's own voice (``kg.extract.headline_repeats`` through ``headline_claims``)."""

from __future__ import annotations

from spacy.language import Language

from tests.extract.test_sources import analysed, claim_of, source

HEADLINE = "Terrorist Bombing Claims 4 in Homs"
LEDE = "A terrorist car bomb attack took place near a mosque in Homs city leaving 4 martyrs. "


def test_a_later_round_up_item_does_not_source_the_headline(nlp: Language) -> None:
    """The same value in another item of the round-up ("Aleppo In the same context …")
    with a source is another story: the headline stays the lede's, own voice."""
    body = (
        LEDE + "A source at Hama Governorate told SANA that two civilians were killed in "
        "rocket attacks on the city. Aleppo In the same context a source at Aleppo police "
        "command told SANA that rocket shells injured three persons from the medical staff "
        "in addition to 4 patients."
    )
    assert source(claim_of(analysed(nlp, body, HEADLINE), "Claims 4")) is None


def test_the_same_story_still_sources_the_headline(nlp: Language) -> None:
    """The guide: when the body gives the headline's number in its own voice and with a
    source, the headline takes the source, inside the lede's story."""
    body = (
        LEDE + "A source at Homs police command told SANA that the car bomb killed 4 "
        "people and injured 11 others."
    )
    found = source(claim_of(analysed(nlp, body, HEADLINE), "Claims 4"))
    assert found is not None and found[0] == "Homs police command"
