"""A number in another article's headline under a photo credit makes no claim
(kg.extract.photo_captions), with the real model.  Sentences written for the test in
the shape news pages give them: "AP Photo <photographer> <Headline>"."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.extract.test_claims import claims_of


@pytest.mark.parametrize(
    "text",
    [
        "AP Photo John Smith Over 30 Militants Killed in Army Raid Near Hama The army said"
        " on Monday it had taken the hill.",
        "Sputnik Ivan Petrov Coalition Airstrikes Kill 12 Civilians in Raqqa Province"
        " Officials in the city said the market had reopened.",
    ],
)
def test_a_headline_under_a_photo_credit_is_not_a_claim(nlp: Language, text: str) -> None:
    """rule "photo-caption": the count belongs to the other article's headline."""
    assert [c.count for c in claims_of(nlp, text)] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the credit before the article's own sentence, which goes on in lower case
        ("AA Photo At least 20 people were killed in a barrel bomb attack on Saturday.", [20]),
        # a dateline, not a photographer
        ("AFP Sunday 5 Oct 2014 Syria Raids Kill 10 In Homs", [10]),
    ],
)
def test_a_credit_before_the_news_keeps_its_count(
    nlp: Language, text: str, expected: list[int]
) -> None:
    assert [c.count for c in claims_of(nlp, text)] == expected
