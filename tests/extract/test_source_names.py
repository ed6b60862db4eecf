"""Source names the parse cuts ("… Damascus the Syrian Observatory for Human Rights
monitor said") and common words taken for names ("an NGO said", a headline's "…
Monitor"): ``kg.extract.source_names`` on real-model parses, through ``analyse``.

Each row names the rule it covers; switching the rule off fails its row.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.extract.test_sources import SOHR, analysed, claim_of, source


@pytest.mark.parametrize(
    ("rule", "body", "words", "expected"),
    [
        (  # commas lost: the parse hangs the name on the place before it
            "cut name",
            "At least 16 people were killed and dozens wounded on Sunday in air strikes on an "
            "area outside the capital Damascus the Syrian Observatory for Human Rights "
            "monitor said.",
            "16 people",
            (SOHR, []),
        ),
        (
            "cut name",
            "A coalition air strike killed at least 14 civilians on Tuesday near the town "
            "of Raqqa the Syrian Observatory for Human Rights monitor said.",
            "14 civilians",
            (SOHR, []),
        ),
        (  # the name and a description word, cut the same way
            "cut name and description",
            "Eleven people died in the shelling of Daraa city the Syrian Observatory for "
            "Human Rights group said.",
            "Eleven people",
            (SOHR, []),
        ),
        (  # "an NGO" stands for the monitor the article names
            "common word",
            "Regime helicopters dropped barrel bombs on a district of Aleppo killing at "
            "least 23 people an NGO said. The Syrian Observatory for Human Rights said "
            "children were among the dead.",
            "23 people",
            (SOHR, []),
        ),
        (  # … and for an unnamed monitor when the article names none
            "common word, none named",
            "At least 17 people were killed in a car bomb blast in Homs on Thursday an NGO said.",
            "17 people",
            ("unnamed activist", []),
        ),
        (  # several NGOs are no one named
            "several",
            "More than 30 people were killed in the siege, activists and NGOs say. The "
            "Syrian Observatory for Human Rights has counted the dead since 2011.",
            "30 people",
            ("unnamed activist", []),
        ),
        (  # the NER glues a place to the short name: "Midane the Observatory" is no place
            "short name glued to a place",
            "The Syrian Observatory for Human Rights said 15 people died in the barrel bomb "
            "strike. The other three civilians were killed by rebel rocket fire on the "
            "government-held district of Midane the Observatory said.",
            "three civilians",
            (SOHR, []),
        ),
    ],
)
def test_source_names(nlp: Language, rule: str, body: str, words: str, expected: tuple) -> None:
    assert source(claim_of(analysed(nlp, body), words)) == expected, rule


@pytest.mark.parametrize(
    ("rule", "headline", "body", "expected"),
    [
        (  # a headline's "… Monitor" (the NER takes it for a name) is the body's monitor
            "headline Monitor",
            "Huge regime bombs kill 31 in IS-held Syria town Monitor",
            "Warplanes dropped huge bombs on the town on Saturday, a monitor said. The "
            "Syrian Observatory for Human Rights said the bombs were the largest yet.",
            (SOHR, []),
        ),
        (  # an article that writes only "the Observatory"
            "headline Monitor, short name",
            "Air raids kill 13 civilians in east Syria Monitor",
            '"Air raids hit the region that is controlled by the Islamic State group" the '
            "Britain-based monitor said. The Observatory relies on a network of sources "
            "inside Syria.",
            ("Observatory", []),
        ),
    ],
)
def test_headline_common_word(
    nlp: Language, rule: str, headline: str, body: str, expected: tuple
) -> None:
    analysis = analysed(nlp, body, headline)
    in_headline = [c for c in analysis.claims if c.evidence[0].end <= len(headline)]
    assert in_headline, rule
    assert source(in_headline[0]) == expected, rule


@pytest.mark.parametrize(
    ("rule", "body", "words", "expected"),
    [
        (  # the parse gives the verb only the second of two sources: the first speaks
            "first of two, second parsed",
            "Rebel shelling on the capital killed four civilians on Sunday a Britain-based "
            "monitor and a medical source said. The Syrian Observatory for Human Rights has "
            "tracked the war since 2011.",
            "four civilians",
            (SOHR, []),
        ),
        (
            "first of two, second parsed",
            "Air strikes on two villages killed at least 85 civilians on Tuesday as fighting "
            "raged between the militants and U.S-backed fighters Syrian opposition activists "
            "and the extremist group said.",
            "85 civilians",
            ("unnamed activist", []),
        ),
        (  # both in the phrase: the first, resolved ("the Observatory" → the named one)
            "first of two in the phrase",
            "The militants took an estimated 700 civilians hostage according to the "
            "Observatory and Kurdish officials. The Syrian Observatory for Human Rights has "
            "tracked the war since 2011.",
            "700 civilians",
            (SOHR, []),
        ),
        (  # "and" inside a name, or joining two kinds of one source, splits nothing
            "one name",
            "The Union of Medical Care and Relief Organizations said 40 people were killed.",
            "40 people",
            ("Union of Medical Care and Relief Organizations", []),
        ),
        (
            "one source of two kinds",
            "Local and media sources said that 12 people were killed in the raid.",
            "12 people",
            ("unnamed media", []),
        ),
    ],
)
def test_coordinated_sources(
    nlp: Language, rule: str, body: str, words: str, expected: tuple
) -> None:
    assert source(claim_of(analysed(nlp, body), words)) == expected, rule


@pytest.mark.parametrize(
    ("rule", "body", "words", "expected"),
    [
        (  # a relative pronoun speaking stands for the noun its clause hangs on
            "relative pronoun",
            "The Syrian Observatory for Human Rights said nine children were among those "
            "killed. The monitor which earlier gave a toll of 24 in the strikes said the dead "
            "included a family.",
            "24",
            (SOHR, []),
        ),
        (
            "relative pronoun",
            "He said he spoke with local paramedics who told him that at least 31 bodies were "
            "taken to hospitals.",
            "31 bodies",
            ("unnamed medical", []),
        ),
        (  # "WHO" is the World Health Organization, no pronoun
            "no pronoun",
            "At least 70 people died in the attack, WHO said in a statement.",
            "70 people",
            ("WHO", []),
        ),
    ],
)
def test_relative_pronoun_speakers(
    nlp: Language, rule: str, body: str, words: str, expected: tuple
) -> None:
    assert source(claim_of(analysed(nlp, body), words)) == expected, rule


def test_a_definite_body_is_the_body_named_before(nlp: Language) -> None:
    """ "The regime said …" after "the Syrian regime": the body named before whose name
    holds the word; with none named it stays no one."""
    named = analysed(
        nlp,
        "The Syrian regime has stepped up its air campaign in the north. The regime said 35 "
        "terrorists were killed in the raids.",
    )
    assert source(claim_of(named, "35 terrorists")) == ("Syrian government", [])
    alone = analysed(nlp, "The government said 12 people were killed.")
    assert source(claim_of(alone, "12 people")) is None


def test_independent_monitors_stay_unnamed(nlp: Language) -> None:
    """Monitors set apart from the named one ("independent monitors") are no one named."""
    analysis = analysed(
        nlp,
        "The Syrian Observatory for Human Rights said the army advanced. According to "
        "independent monitors 400 people have been killed in the region.",
    )
    assert source(claim_of(analysis, "400 people")) == ("unnamed activist", [])
