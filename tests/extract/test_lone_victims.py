"""Victims a lead names one by one, with no number (kg.extract.lone_victims), with the
real model: "A woman was killed …", "kill a child", "leaving a man and a woman dead".
Sentences written for the test."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.records import CountClaim, Counted, Outcome
from tests.extract.test_claims import claims_of


def killed(claims: list[CountClaim]) -> list[tuple[int | float, Counted]]:
    return [(c.count, c.counted) for c in claims if c.outcome is Outcome.KILLED]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A woman was killed and 25 others were wounded when a shell hit the market on "
            "Saturday.",
            [(1, Counted.WOMEN)],
        ),
        (
            "Rocket fire on the old city killed a child and injured nine people on Monday.",
            [(1, Counted.CHILDREN)],
        ),
        (
            "Mortar shells fell on the neighbourhood, leaving a man and a woman dead.",
            [(2, Counted.PEOPLE)],
        ),
        (  # a headline's list, the wounded hung on "killed" as if its object
            "Girl child killed two others injured in rocket attack on Aleppo neighbourhood",
            [(1, Counted.CHILDREN)],
        ),
    ],
)
def test_a_lone_victim_in_the_lead_is_a_count_of_one(
    nlp: Language, text: str, expected: list[tuple[int, Counted]]
) -> None:
    """rule "lone-victim": "a woman was killed" counts one killed, "a man and a woman" two."""
    found = killed(claims_of(nlp, text))
    for count, thing in expected:
        assert (count, thing) in found


@pytest.mark.parametrize(
    "text",
    [
        # a part of a total the sentence gives
        "At least 15 civilians including a woman were killed in the shelling.",
        # a victim beside a number: the quantities component counts them
        "A woman and her three children were killed when the shell hit their home.",
        "A little boy, a little girl and two women were killed in the rocket attack.",
    ],
)
def test_a_victim_in_a_list_with_numbers_is_not_a_count_of_one(nlp: Language, text: str) -> None:
    assert all(count != 1 for count, _ in killed(claims_of(nlp, text)))


def test_a_lone_victim_past_the_lead_is_not_read(nlp: Language) -> None:
    """Past the headline and first sentences, round-ups recall other incidents."""
    text = (
        "Shells hit Aleppo\n\nRebel shells hit the city on Sunday. Schools were closed. "
        "The army answered with artillery. Markets stayed shut all day. Officials met "
        "in the evening. In the old city a woman was killed by a sniper."
    )
    assert killed(claims_of(nlp, text)) == []


def test_a_lone_victim_of_another_incident_is_flagged(nlp: Language) -> None:
    """rule "lone-victim": "Meanwhile a woman was killed" is another incident than the news."""
    claims = claims_of(nlp, "Meanwhile a woman was killed by a sniper in Homs.")
    ones = [c for c in claims if c.outcome is Outcome.KILLED and c.count == 1]
    assert ones and all(c.other_incident for c in ones)


@pytest.mark.parametrize(
    "text",
    [
        "A man killed three people in a shooting in Homs on Monday.",
        "A civilian killed five soldiers with a rifle near the checkpoint.",
    ],
)
def test_a_lone_killer_is_not_a_victim(nlp: Language, text: str) -> None:
    """ "A man killed three people": the man is who killed, not one killed; the three are."""
    found = killed(claims_of(nlp, text))
    assert found and all(count != 1 for count, _ in found)
