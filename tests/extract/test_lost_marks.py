"""Who says so where the text lost its marks (commas, apostrophes, a sentence break) or
repeats its headline — (text, expected) tables on real-model parses, through ``analyse``.

Each row names the rule it covers; switching the rule off fails its row.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Span as SpacySpan

from kg.extract.entities import entity_ref, trimmed_bounds
from kg.extract.roles import name_before_role
from kg.extract.speakers import resolve_description
from kg.nlp.gazetteer import load_gazetteer
from kg.records import EntityKind
from tests.extract.handbuilt import parse
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


def test_a_title_before_a_name_the_ner_missed_is_no_part_of_the_person() -> None:
    """ "Activist Maher Sileybi said …" (no entity): the speaker is Maher Sileybi (the
    rule of ``kg.extract.roles``, on a hand-built parse)."""
    doc = parse(
        """
        Activist activist PROPN NNP compound 2
        Maher Maher PROPN NNP compound 2
        Sileybi Sileybi PROPN NNP nsubj 3
        said say VERB VBD ROOT 3
        """
    )
    found = name_before_role(doc[0:3], [], resolve_description)
    assert found is not None
    person, bodies = found
    assert (person.label, EntityKind.PERSON in person.kinds, bodies) == ("Maher Sileybi", True, [])


def test_a_person_entity_is_named_without_his_titles() -> None:
    """ "Lt. Gen. Karim Haddad" read as one PERSON entity: the person is "Karim Haddad"."""
    doc = parse(
        """
        Lt. Lt. PROPN NNP compound 3
        Gen. Gen. PROPN NNP compound 3
        Karim Karim PROPN NNP compound 3
        Haddad Haddad PROPN NNP nsubj 4
        said say VERB VBD ROOT 4
        """
    )
    person = SpacySpan(doc, 0, 4, label="PERSON")
    ref = entity_ref(person, load_gazetteer())
    assert ref is not None and (ref.label, ref.key) == ("Karim Haddad", "karim-haddad")
    assert trimmed_bounds(person)[0] == doc[2].idx


def test_what_pictures_show_takes_no_earlier_report(nlp: Language) -> None:
    """ "… a U.S. official said. Images supplied to Reuters showed scores of bodies …":
    what the pictures show is the article's own account, not the official's report."""
    body = (
        "A U.S. official said the attack killed 12 people in the town. Images supplied to "
        "Reuters showed scores of bodies laid out on the floors of a clinic."
    )
    analysis = analysed(nlp, body)
    assert source(claim_of(analysis, "12 people")) == ("unnamed official", [])
    assert source(claim_of(analysis, "scores of bodies")) is None
