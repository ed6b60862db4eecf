"""A bare role noun ("the minister", "the general") speaks for the person named with
that title before (``kg.nlp.role_anaphors``); analysts and experts are unnamed media;
"according to an Observatory toll" names the toll's author (``kg.nlp.report_authors``).

Real-model parses through ``analyse``; each row names the rule it covers.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.extract.test_sources import analysed, claim_of, source


@pytest.mark.parametrize(
    ("rule", "body", "words", "expected"),
    [
        (  # the titled speaker before
            "the minister added",
            "Defense Minister Ali Hassan said on Monday that the army had pushed back the "
            "attack. The minister added that 30 militants were killed in the clashes.",
            "30 militants",
            "Ali Hassan",
        ),
        (  # the nearest titled speaker, not the nearest speaker
            "the minister, past another speaker",
            "Information Minister Omran al-Zoubi said the attack was staged. The rebels "
            "denied it. The minister added that 30 militants were killed in the clashes.",
            "30 militants",
            "Omran al-Zoubi",
        ),
        (  # an abbreviated title ("Col. Gen.") and "reiterated"
            "the general reiterated",
            "Col. Gen. Sergei Rudskoi said at a news briefing on Tuesday that militants were "
            "moving chemicals. The general reiterated that the remaining two storage "
            "facilities are on territory held by the armed groups.",
            "two storage",
            "Sergei Rudskoi",
        ),
        (  # a titled person named before who did not speak yet
            "the minister, named before",
            "Defense Minister Ali Hassan visited the front line on Monday. The minister "
            "said that 30 militants were killed in the clashes.",
            "30 militants",
            "Ali Hassan",
        ),
        (  # analysts with no name are unnamed media (the guide's "analysts, experts")
            "analysts estimate",
            "Analysts estimate that around 400000 people have been killed since the war "
            "started in 2011.",
            "around 400000",
            "unnamed media",
        ),
    ],
)
def test_role_anaphors(nlp: Language, rule: str, body: str, words: str, expected: str) -> None:
    """The claimant (the body a person speaks for is another rule's)."""
    found = source(claim_of(analysed(nlp, body), words))
    assert found is not None and found[0] == expected, (rule, found)


def test_a_role_no_one_held_before_stays_unresolved(nlp: Language) -> None:
    """ "The minister said …" with no minister named before: no person is made up."""
    analysis = analysed(
        nlp,
        "Rebel commander Abu Omar said the town fell. The minister said that 30 militants "
        "were killed in the clashes.",
    )
    found = source(claim_of(analysis, "30 militants"))
    assert found is None or found[0] != "Abu Omar"


@pytest.mark.parametrize(
    ("rule", "body", "words", "expected"),
    [
        (  # the name before the report noun (``kg.nlp.report_authors``)
            "according to an X toll",
            "The Syrian Observatory for Human Rights has monitored the war since 2011. The "
            "fighting claimed the lives of 129 loyalists and 116 rebels according to an "
            "Observatory toll.",
            "129 loyalists",
            "Syrian Observatory for Human Rights",
        ),
        (  # the "by" of a clause on the report noun
            "according to a statement released by X",
            "Regime forces killed 48 rebels in Hardatnin village according to a statement "
            "released Saturday by the Syrian Revolution General Commission.",
            "48 rebels",
            "Syrian Revolution General Commission",
        ),
    ],
)
def test_report_authors(nlp: Language, rule: str, body: str, words: str, expected: str) -> None:
    found = source(claim_of(analysed(nlp, body), words))
    assert found is not None and found[0] == expected, (rule, found)


def test_a_report_from_a_place_has_no_author_there(nlp: Language) -> None:
    """ "according to a report from Aleppo": where the report came from, not who wrote it;
    the claim stays an unnamed report's, not the article's own word."""
    body = "At least 20 people were killed in the strikes, according to a report from Aleppo."
    assert source(claim_of(analysed(nlp, body), "At least 20")) == ("unnamed media", [])


@pytest.mark.parametrize(
    ("body", "words", "expected"),
    [
        (  # "the <body> <role>" after the person named with both
            "YPG spokesman Redur Khalil said on Monday that the militants had withdrawn. The "
            "town was quiet by evening. The YPG spokesman said 40 militants were killed in the "
            "fighting.",
            "40 militants",
            "Redur Khalil",
        ),
        (  # "the <role> of <body>", the body's name shortened
            "The offensive went on said Ahmad Mansour head of the Syrian Network for Human "
            "Rights. The roads were closed. The head of the Syrian Network said 40 people "
            "had fled.",
            "40 people",
            "Ahmad Mansour",
        ),
    ],
)
def test_a_role_with_its_body_is_the_person_named_with_both(
    nlp: Language, body: str, words: str, expected: str
) -> None:
    """The role anaphor with the body's name (``body_role_of``)."""
    found = source(claim_of(analysed(nlp, body), words))
    assert found is not None and found[0] == expected
