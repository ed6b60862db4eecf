"""Words with no verb and no stop, then a unit going on in lower case, are one sentence
(``kg.nlp.sentences.cut_before_lower``), and a report runs on from the frame that covers
its sentence, not from one inside it (``kg.extract.attribution.carried``): real-model
parses of our own sentences."""

from __future__ import annotations

from spacy.language import Language

from kg.nlp.attribution import sentence_units
from tests.extract.test_sources import analysed, claim_of, source

SPLIT = (
    "According to the Syrian Network for Human Rights (SNHR) the regime killed at least 200 "
    "civilians in March."
)


def test_an_according_to_phrase_is_no_sentence_of_its_own(nlp: Language) -> None:
    """The parser ends a sentence after "(SNHR)"; the unit is the whole sentence."""
    doc = nlp(SPLIT)
    assert len(list(doc.sents)) == 2  # the parse this rule mends
    assert [u.text for u in sentence_units(doc)] == [SPLIT]


def test_the_count_after_the_split_takes_the_according_to_source(nlp: Language) -> None:
    analysis = analysed(nlp, SPLIT)
    assert source(claim_of(analysis, "200 civilians")) == ("Syrian Network for Human Rights", [])


def test_a_report_runs_on_from_its_own_frame_not_one_inside_it(nlp: Language) -> None:
    """ "… the Observatory said after Russia announced a pause …": Russia's announcement
    is inside the Observatory's report; the next sentence goes on with the Observatory."""
    analysis = analysed(
        nlp,
        "Air strikes on the town killed 20 civilians on Monday the Observatory said after "
        "Russia announced a pause in the bombing. Another 35 people were wounded.",
    )
    found = source(claim_of(analysis, "35 people"))
    assert found is not None and found[0] == "Observatory"
