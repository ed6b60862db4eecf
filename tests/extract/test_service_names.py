"""A rescue service named by its common name ("the civil defence said") is the body the
article names for it (``kg.extract.service_names``), and "civil sources" are local, not
medical, and "local officials" officials (``kg.nlp.sources``); real-model parses through
``analyse``."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.extract.test_sources import analysed, claim_of, source

NAMED_AFTER = (
    " The White Helmets rescue group has pulled thousands of people from the rubble since 2013."
)
NAMED_BEFORE = "Volunteers of the Syrian Civil Defence searched the ruins of the market on Monday. "


@pytest.mark.parametrize(
    ("body", "words", "expected"),
    [
        (  # a definite "the civil defence" after the count, the body named further down
            "Regime air strikes on the town of Atareb killed 14 civilians on Monday the civil "
            "defence said." + NAMED_AFTER,
            "14 civilians",
            ("White Helmets", []),
        ),
        (  # its members speaking, the body named before under its other name
            NAMED_BEFORE
            + "At least 23 people were killed in the raid, civil defence workers said.",
            "23 people",
            ("White Helmets", []),
        ),
        (  # no body named: an unnamed medical source, as before
            "Regime air strikes on the town of Atareb killed 14 civilians on Monday the civil "
            "defence said.",
            "14 civilians",
            ("unnamed medical", []),
        ),
    ],
)
def test_civil_defence_is_the_service_named(
    nlp: Language, body: str, words: str, expected: tuple
) -> None:
    assert source(claim_of(analysed(nlp, body), words)) == expected


def test_civil_sources_are_local(nlp: Language) -> None:
    """ "civil sources told SANA": civilians on the ground (local), not a medical source;
    "civil defence sources" stay medical."""
    local = analysed(
        nlp, "Meanwhile civil sources told SANA that 8 persons were wounded in Kafrya."
    )
    assert source(claim_of(local, "8 persons")) == (
        "unnamed local",
        ["Syrian Arab News Agency"],
    )
    medical = analysed(
        nlp, "Civil defence sources said 12 people were killed in the raid on Idlib."
    )
    assert source(claim_of(medical, "12 people")) == ("unnamed medical", [])


def test_local_officials_are_officials(nlp: Language) -> None:
    """ "Local officials said …": officials (kind official), the word "local" no
    witness on the ground; "local sources" stay local."""
    officials = analysed(nlp, "Local officials said 12 people were killed in the city.")
    assert source(claim_of(officials, "12 people")) == ("unnamed official", [])
    sources = analysed(nlp, "Local sources said 12 people were killed in the city.")
    assert source(claim_of(sources, "12 people")) == ("unnamed local", [])
