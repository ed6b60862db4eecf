"""Count phrases the claim reader finds (kg.extract.counted), with the real model.

Each row is a construction of war reporting, in sentences written for the test:
headline-case verbs, bare numbers beside a fate, numbers paired with an earlier
count, parts of an earlier count, tolls that rose, vague amounts and fractions.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.records import Counted, Outcome, Qualifier
from tests.extract.test_claims import claims_of, summary

Q, C, OUT = Qualifier, Counted, Outcome


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # headline case: the model leaves "Kills", "Injures" as written
        (
            "Car Bomb Kills Four, Injures Eleven in Hama",
            [(4, Q.EXACT, C.PEOPLE, OUT.KILLED), (11, Q.EXACT, C.PEOPLE, OUT.WOUNDED)],
        ),
        # "Scores" before a verb, and a bare number taking the thing of its pair
        (
            "12 Soldiers Killed, Scores Injured in Deir Ezzor Ambush",
            [(12, Q.EXACT, C.SOLDIERS, OUT.KILLED), (40, Q.APPROXIMATELY, C.SOLDIERS, OUT.WOUNDED)],
        ),
        (
            "Nine civilians were killed and scores were injured in the shelling.",
            [
                (9, Q.EXACT, C.CIVILIANS, OUT.KILLED),
                (40, Q.APPROXIMATELY, C.CIVILIANS, OUT.WOUNDED),
            ],
        ),
        (
            "At least 40 civilians have been killed and hundreds more injured in Idlib.",
            [
                (40, Q.AT_LEAST, C.CIVILIANS, OUT.KILLED),
                (200, Q.APPROXIMATELY, C.CIVILIANS, OUT.WOUNDED),
            ],
        ),
        # a bare number before a fate of people
        (
            "At least 14 people were killed and 30 hurt in the explosion.",
            [(14, Q.AT_LEAST, C.PEOPLE, OUT.KILLED), (30, Q.EXACT, C.PEOPLE, OUT.WOUNDED)],
        ),
        (
            "Raids on the town kill 12 as hundreds flee.",
            [
                (12, Q.EXACT, C.PEOPLE, OUT.KILLED),
                (200, Q.APPROXIMATELY, C.REFUGEES, OUT.DISPLACED),
            ],
        ),
        (
            "The fighting has displaced thousands since the summer.",
            [(2000, Q.APPROXIMATELY, C.REFUGEES, OUT.DISPLACED)],
        ),
        (
            "Thousands had been trapped inside the old city.",
            [(2000, Q.APPROXIMATELY, C.PEOPLE, OUT.MISSING)],
        ),
        (
            "The bombing left 60 dead and at least 9000 are missing.",
            [(60, Q.EXACT, C.PEOPLE, OUT.KILLED), (9000, Q.AT_LEAST, C.PEOPLE, OUT.MISSING)],
        ),
        (
            "In the assault in which more than 900 are believed to have been killed, rebels"
            " lost ground.",
            [(900, Q.MORE_THAN, C.PEOPLE, OUT.KILLED)],
        ),
        # the noun behind a possessive, a conjunct or a noun the parse left apart
        (
            "The group said five of its fighters were captured.",
            [(5, Q.EXACT, C.FIGHTERS, OUT.CAPTURED)],
        ),
        (
            "At least 50 regime and rebel fighters have been killed in two days.",
            [(50, Q.AT_LEAST, C.FIGHTERS, OUT.KILLED)],
        ),
        ("In May three blasts shook the city.", [(3, Q.EXACT, C.ATTACKS, None)]),
        (
            "13 elements of the group including four buildings and a mortar were destroyed.",
            [(4, Q.EXACT, C.BUILDINGS, OUT.DESTROYED)],
        ),
        # parts of an earlier count
        (
            "The strikes killed 18 civilians, seven of them children, a monitor said.",
            [(18, Q.EXACT, C.CIVILIANS, OUT.KILLED), (7, Q.EXACT, C.CHILDREN, OUT.KILLED)],
        ),
        (
            "Medics treated 80 people, 12 of the wounded in a critical condition.",
            [(80, Q.EXACT, C.PEOPLE, None), (12, Q.EXACT, C.PEOPLE, OUT.WOUNDED)],
        ),
        (
            "Shelling killed 33 civilians including 11 when a school was hit.",
            [(33, Q.EXACT, C.CIVILIANS, OUT.KILLED), (11, Q.EXACT, C.CIVILIANS, OUT.KILLED)],
        ),
        # tolls
        (
            "The death toll from Sunday's air strikes on the market of the village has risen"
            " to 27.",
            [(27, Q.EXACT, C.PEOPLE, OUT.KILLED)],
        ),
        (
            "Jets pounded the district on Monday, bringing to 61 the number killed this week.",
            [(61, Q.EXACT, C.PEOPLE, OUT.KILLED)],
        ),
        (
            "The hospital recorded two deaths and 35 injuries.",
            [(2, Q.EXACT, C.PEOPLE, OUT.KILLED), (35, Q.EXACT, C.PEOPLE, OUT.WOUNDED)],
        ),
        # vague amounts and fractions
        (
            "Tens of civilians were wounded in the raid.",
            [(20, Q.APPROXIMATELY, C.CIVILIANS, OUT.WOUNDED)],
        ),
        (
            "The war has killed more than a quarter of a million people.",
            [(250000, Q.MORE_THAN, C.PEOPLE, OUT.KILLED)],
        ),
        # more nouns of people and things
        ("Six citizens were injured by a mortar shell.", [(6, Q.EXACT, C.PEOPLE, OUT.WOUNDED)]),
        ("Two medics were killed in the strike.", [(2, Q.EXACT, C.PEOPLE, OUT.KILLED)]),
        (
            "Insurgents attacked the base with three car bombs.",
            [(3, Q.EXACT, C.WEAPONS, None)],
        ),
        # shells, rockets, missiles and mortars are weapons, as the annotation guide has it
        (
            "Gunmen fired eight rocket shells at the town overnight.",
            [(8, Q.EXACT, C.WEAPONS, None)],
        ),
        ("Dozens of mortars fell on the old city.", [(24, Q.APPROXIMATELY, C.WEAPONS, None)]),
        # a plural of nationality or faith counts people
        ("More than 5,000 Syrians crossed the border.", [(5000, Q.MORE_THAN, C.PEOPLE, None)]),
        # "others" and a bare number continue the earlier count only after its fate
        (
            "Two soldiers were killed and 4 others were wounded.",
            [(2, Q.EXACT, C.SOLDIERS, OUT.KILLED), (4, Q.EXACT, C.SOLDIERS, OUT.WOUNDED)],
        ),
        (
            "The agency named two women, adding that nine others were injured.",
            [(2, Q.EXACT, C.WOMEN, None), (9, Q.EXACT, C.PEOPLE, OUT.WOUNDED)],
        ),
        (
            "Five people including two children were killed and 12 were wounded.",
            [
                (5, Q.EXACT, C.PEOPLE, OUT.KILLED),
                (2, Q.EXACT, C.CHILDREN, OUT.KILLED),
                (12, Q.EXACT, C.PEOPLE, OUT.WOUNDED),
            ],
        ),
        (
            "Activists in rural Idlib said that three regime airstrikes hit a public market.",
            [(3, Q.EXACT, C.AIRSTRIKES, None)],
        ),
        ("The city has a population of 700000.", [(700000, Q.EXACT, C.PEOPLE, None)]),
        (
            "Scores of them were injured in the blast.",
            [(40, Q.APPROXIMATELY, C.PEOPLE, OUT.WOUNDED)],
        ),
        (
            "Air raids kill 21 hundreds flee the town",
            [
                (21, Q.EXACT, C.PEOPLE, OUT.KILLED),
                (200, Q.APPROXIMATELY, C.REFUGEES, OUT.DISPLACED),
            ],
        ),
        ("Two more incidents were reported.", [(2, Q.EXACT, C.ATTACKS, None)]),
        (
            "Nearly 7 million people have been displaced inside the country.",
            [(7000000, Q.APPROXIMATELY, C.REFUGEES, OUT.DISPLACED)],
        ),
        (
            "Over 300 civilians have fled the town.",
            [(300, Q.MORE_THAN, C.CIVILIANS, OUT.DISPLACED)],
        ),
        (
            "Troops Advance as Thousands Flee Aleppo",
            [(2000, Q.APPROXIMATELY, C.REFUGEES, OUT.DISPLACED)],
        ),
        # title case: the counted word ends the run of capitalised words after the number
        (
            "Three Terrorist Attacks Target Old Town in Rural Hama Kill 50",
            [(3, Q.EXACT, C.ATTACKS, None), (50, Q.EXACT, C.PEOPLE, OUT.KILLED)],
        ),
        ("Three Civilians Killed in Aleppo", [(3, Q.EXACT, C.CIVILIANS, OUT.KILLED)]),
        # "others" continue the whole count, not the last of the sub-group listed before
        (
            "Eleven civilians were killed among them a child and two women while 44 others"
            " were injured in the attacks.",
            [
                (11, Q.EXACT, C.CIVILIANS, OUT.KILLED),
                (2, Q.EXACT, C.WOMEN, OUT.KILLED),
                (44, Q.EXACT, C.CIVILIANS, OUT.WOUNDED),
            ],
        ),
        # "12 other civilians": the noun after "other" is the thing
        (
            "Six soldiers including two officers were killed and 12 other civilians were hurt.",
            [
                (6, Q.EXACT, C.SOLDIERS, OUT.KILLED),
                (2, Q.EXACT, C.SOLDIERS, OUT.KILLED),
                (12, Q.EXACT, C.CIVILIANS, OUT.WOUNDED),
            ],
        ),
        # a counted word modifying a plural counted noun: the attacks, not fighters
        ("Two terrorist attacks hit the city of Homs.", [(2, Q.EXACT, C.ATTACKS, None)]),
        # a bare number after a victim verb, which the model tags DATE
        ("Bomb Kills 18 in Damascus Suburb", [(18, Q.EXACT, C.PEOPLE, OUT.KILLED)]),
        # "IS" (the Islamic State) read as a verb between the number and its noun
        ("35 IS jihadists killed in clashes with Kurds", [(35, Q.EXACT, C.FIGHTERS, OUT.KILLED)]),
        (
            "Nine IS militants were killed in an air strike near the town.",
            [(9, Q.EXACT, C.FIGHTERS, OUT.KILLED)],
        ),
        # a state's fighters are its soldiers; the militias fighting for it are fighters
        (
            "About 30 Syrian government fighters were killed when rebels set off a bomb.",
            [(30, Q.APPROXIMATELY, C.SOLDIERS, OUT.KILLED)],
        ),
        (
            "Dozens of pro-government fighters were killed in the attack.",
            [(24, Q.APPROXIMATELY, C.FIGHTERS, OUT.KILLED)],
        ),
        # those a count includes share its fate, whatever the fate after them
        (
            "Three killed including 2 women 29 injured in rocket attacks on the city",
            [
                (3, Q.EXACT, C.PEOPLE, OUT.KILLED),
                (2, Q.EXACT, C.WOMEN, OUT.KILLED),
                (29, Q.EXACT, C.PEOPLE, OUT.WOUNDED),
            ],
        ),
        (
            "Twelve people were killed including 4 children and 30 others were injured.",
            [
                (12, Q.EXACT, C.PEOPLE, OUT.KILLED),
                (4, Q.EXACT, C.CHILDREN, OUT.KILLED),
                (30, Q.EXACT, C.PEOPLE, OUT.WOUNDED),
            ],
        ),
        # not claims: a number naming a set already known, the scores of a game
        ("The two were arrested at a checkpoint.", []),
        ("The scores were level at half time.", []),
    ],
)
def test_count_phrases(nlp: Language, text: str, expected: list[tuple]) -> None:
    assert [summary(c) for c in claims_of(nlp, text)] == expected


def test_a_number_the_splitter_cut_from_its_noun(nlp: Language) -> None:
    """When the parser ends a sentence right after the number, the noun is in the next
    unit: the number still counts it."""
    text = "Shelling Hits Town\n\nSeven civilians were killed on Sunday as shells hit the town."
    found = claims_of(nlp, text)
    assert [summary(c) for c in found] == [(7, Q.EXACT, C.CIVILIANS, OUT.KILLED)]


def test_a_number_before_a_full_stop_and_a_number_word(nlp: Language) -> None:
    """ "wounded 25. Six days …": a full stop and a space end the number (not "25.6");
    the bare 25 continues the civilians killed before it."""
    found = claims_of(nlp, "The raids killed eight civilians and wounded 25. Six days of bombing.")
    assert [summary(c) for c in found] == [
        (8, Q.EXACT, C.CIVILIANS, OUT.KILLED),
        (25, Q.EXACT, C.CIVILIANS, OUT.WOUNDED),
    ]


@pytest.mark.parametrize(
    ("text", "cumulative"),
    [
        (
            "The army cracked down on protests that erupted as part of the 2011 uprising."
            " Since then more than 300,000 people have been killed.",
            True,
        ),
        ("Rebels stormed the town on Monday. Since then 20 people have been killed.", False),
        (
            "More than 300,000 people have been killed and millions more displaced across the"
            " war-torn country.",
            True,
        ),
        ("Air strikes killed 40 people across the province on Monday.", False),
    ],
)
def test_war_totals(nlp: Language, text: str, cumulative: bool) -> None:
    """ "Since then" totals the war when the sentence before it tells the war's start;
    so does a count "across the war-torn country"."""
    assert claims_of(nlp, text)[0].cumulative is cumulative


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jets struck the city on Monday. Views 2494 Related Kobani in Ruins After Airstrikes"
            " Government Airstrikes Kill 36 Civilians Watchdog",
            [],
        ),
        ("Related to the raid, five fighters were arrested.", [5]),
    ],
)
def test_related_headlines_are_not_the_articles_counts(
    nlp: Language, text: str, expected: list[int]
) -> None:
    """ "Related" before a capitalised headline starts a page's list of other articles."""
    assert [c.count for c in claims_of(nlp, text)] == expected
