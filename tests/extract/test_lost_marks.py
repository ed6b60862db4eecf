"""Who says so where the text lost its marks (commas, apostrophes, a sentence break) or
repeats its headline — (text, expected) tables on real-model parses, through ``analyse``.

Each row names the rule it covers; switching the rule off fails its row.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.extract.test_sources import analysed, claim_of, source

SOHR = "Syrian Observatory for Human Rights"
OCHA = "UN Office for the Coordination of Humanitarian Affairs"


@pytest.mark.parametrize(
    ("rule", "body", "words", "expected"),
    [
        (  # kg.extract.roles: a person the NER missed, before his role and its body
            "name before role, of a body",
            "Anas Hijab coordinator of the opposition HNC said 14 civilians were killed in "
            "the shelling.",
            "14 civilians",
            ("Anas Hijab", ["High Negotiations Committee"]),
        ),
        (  # ... a role whose noun speaks for a body ("spokesman for …"): the person still
            "name before a member noun",
            '"We saw 12 bodies" Jens Laerke spokesman for the UN humanitarian aid agency OCHA '
            "said.",
            "12 bodies",
            ("Jens Laerke", [OCHA]),
        ),
        (  # ... titles before the name, a family name a place also bears, a portfolio
            "titles, family name, portfolio",
            "Brig. Gen. Karim al-Shaar Syria's interior minister told reporters that three "
            "gunmen attacked the checkpoint.",
            "three gunmen",
            ("Karim al-Shaar", ["Interior Ministry"]),
        ),
        (  # ... a title alone before the name: the name without it
            "title before a name",
            "Activist Omar Haddad said 16 civilians were wounded in the shelling.",
            "16 civilians",
            ("Omar Haddad", []),
        ),
        (  # kg.extract.entities: an acronym's possessive that lost its apostrophe
            "acronym possessive",
            "ISISs news agency said 40 soldiers were killed near Palmyra.",
            "40 soldiers",
            ("Islamic State", []),
        ),
        (  # kg.nlp.sources: people at work named by what they do, no body named
            "rescue workers",
            "Rescue workers said 12 people were pulled from the rubble of the building.",
            "12 people",
            ("unnamed medical", []),
        ),
        (  # ... the workers of a named body speak for it
            "a named body's volunteers",
            "White Helmets volunteers said 12 people were pulled from the rubble.",
            "12 people",
            ("White Helmets", []),
        ),
    ],
)
def test_lost_marks(nlp: Language, rule: str, body: str, words: str, expected: tuple) -> None:
    assert source(claim_of(analysed(nlp, body), words)) == expected, rule


def test_a_name_in_y_whose_possessive_lost_its_apostrophe_is_the_name(nlp: Language) -> None:
    """ "the Free Syrian Armys spokesman": no plural of a word in -y ends in "ys" after a
    consonant, so "Armys" is the Army's, and the spokesman speaks for the Free Syrian Army."""
    body = "The Free Syrian Armys spokesman said 12 soldiers were killed near the airport."
    assert source(claim_of(analysed(nlp, body), "12 soldiers")) == ("Free Syrian Army", [])


def test_a_count_split_off_by_the_parser_joins_its_sentence(nlp: Language) -> None:
    """ "9 injured including 5 children … Syrian State TV announced.": the parser makes a
    sentence of "9"; it opens the sentence the closing source reports."""
    body = (
        "9 injured including 5 children in New Terrorist Mortar Shell Attacks in Aleppo "
        "neighborhood Syrian State TV announced."
    )
    analysis = analysed(nlp, body, "9 Injured in Mortar Attacks on Aleppo Neighborhood")
    assert source(claim_of(analysis, "9 injured")) == ("unnamed media", [])


@pytest.mark.parametrize(
    ("rule", "headline", "body", "words", "expected"),
    [
        (  # the body opens with a copy of the headline: the copy says what the headline says
            "headline copy",
            "Rocket attack on Homs kills 7 wounds 30",
            "Thu Mar 3 2016 title: Rocket attack on Homs kills 7 wounds 30. Rockets hit a "
            "market in Homs killing 7 people and wounding 30 the Syrian Observatory for "
            "Human Rights said.",
            "kills 7",
            (SOHR, []),
        ),
        (  # a headline count the body gives twice: the named source before the unnamed
            "named before unnamed",
            "12 Syrians die in depot blast",
            "A depot blast in Homs claimed the lives of 12 people reports say. 12 people were "
            "killed when the depot blew up the Syrian Observatory for Human Rights said.",
            "12 Syrians",
            (SOHR, []),
        ),
    ],
)
def test_headline_repeats(
    nlp: Language, rule: str, headline: str, body: str, words: str, expected: tuple
) -> None:
    analysis = analysed(nlp, body, headline)
    nth = 1 if rule == "headline copy" else 0  # the copy in the body, not the headline
    assert source(claim_of(analysis, words, nth)) == expected, rule
