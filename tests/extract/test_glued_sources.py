"""Source phrases a lost mark glued to the words before them, with the real model."""

from __future__ import annotations

from spacy.language import Language

from tests.extract.test_sources import analysed, claim_of, source


def test_a_headline_tail_glued_to_a_name_is_the_source(nlp: Language) -> None:
    """ "Mortar fire kills two at Damascus Opera House State media": the tail is the
    source, not the place the preposition governs; the body's named repeat (SANA) does
    not replace it."""
    analysis = analysed(
        nlp,
        "A mortar attack on the Damascus Opera House killed two people on Sunday state media "
        'reported. "Two people were killed by a mortar round" the official SANA news agency said.',
        "Mortar fire kills two at Damascus Opera House State media",
    )
    assert source(claim_of(analysis, "kills two")) == ("unnamed media", [])


def test_a_place_the_preposition_governs_is_no_source(nlp: Language) -> None:
    """ "… has gone viral on social media.": where, not who says so."""
    analysis = analysed(nlp, "A video showing five dead fighters has gone viral on social media.")
    assert source(claim_of(analysis, "five dead fighters")) is None


def test_an_unnamed_source_after_a_count_keeps_only_its_own_words(nlp: Language) -> None:
    """ "… killing at least 18 people including 11 children state media reported": the
    source is "state media", not "11 children state media"."""
    analysis = analysed(
        nlp,
        "Suicide bombers blew up two vehicles in Hama on Friday killing at least 18 people "
        "including 11 children state media reported.",
    )
    found = claim_of(analysis, "at least 18 people").attribution
    assert found is not None and found.claimant is not None
    assert found.claimant.label == "state media"


def test_a_one_word_name_end_after_a_place_is_no_source(nlp: Language) -> None:
    """ "… Missile Attack on Syrias Aleppo Hospital": the hospital is where, not a
    source glued on."""
    analysis = analysed(
        nlp,
        "Dozens of people were killed and injured in a missile attack on a hospital in Aleppo.",
        "Dozens Killed Injured in Terrorist Missile Attack on Syrias Aleppo Hospital",
    )
    assert source(claim_of(analysis, "Dozens")) is None
