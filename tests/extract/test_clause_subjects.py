"""A pronoun speaking in a clause opened by "where", "which", "as" … points back at the
subject of its own sentence, before any earlier speaker (``kg.nlp.clause_subjects``)."""

from __future__ import annotations

from spacy.language import Language

from tests.extract.test_sources import analysed, claim_of, source


def test_where_it_said_names_the_sentence_subject(nlp: Language) -> None:
    body = (
        "A security source says rescuers were trying to reach victims. The United Nations "
        "on Tuesday called for an urgent ceasefire in the divided city of Aleppo where it "
        "said 2 million people lacked access to clean running water."
    )
    found = source(claim_of(analysed(nlp, body), "2 million"))
    assert found is not None and found[0] == "United Nations"


def test_a_closing_it_said_still_names_the_earlier_speaker(nlp: Language) -> None:
    body = (
        "The Syrian Observatory for Human Rights reported heavy fighting in the north. "
        "The Kurds also lost three fighters in the clashes it added."
    )
    found = source(claim_of(analysed(nlp, body), "three fighters"))
    assert found is not None and found[0] == "Syrian Observatory for Human Rights"
