"""A description the NER took for a name in a headline's tail ("… in east Syria
Monitor", "… killed NGO") names no one: it resolves like "the monitor" to the source the
body names (``kg.extract.speakers.bare_description``); real-model parses."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.extract.test_sources import analysed, claim_of, source

SOHR = "Syrian Observatory for Human Rights"
BODY = (
    "Syrias regime killed at least 28 people mostly civilians on Saturday when its warplanes "
    "dropped massive bombs on a town held by the Islamic State group {who} said. The Syrian "
    "Observatory for Human Rights said the bombs were three times bigger than barrel bombs."
)


@pytest.mark.parametrize(
    ("headline", "who"),
    [
        ("Huge regime bombs kill 28 in IS-held Syria town Monitor", "a monitor"),
        ("Huge regime bombs kill 28 in IS-held Syria town NGO", "an NGO"),
    ],
)
def test_a_headline_description_resolves_to_the_body_name(
    nlp: Language, headline: str, who: str
) -> None:
    analysis = analysed(nlp, BODY.format(who=who), headline)
    assert source(claim_of(analysis, "at least 28")) == (SOHR, [])
    assert source(claim_of(analysis, "kill 28")) == (SOHR, [])


def test_a_headline_description_is_no_name_when_the_body_names_none(nlp: Language) -> None:
    """With no name in the body, the headline's capitalised "Monitor" is still no name."""
    analysis = analysed(
        nlp,
        "At least 11 civilians were killed in air raids on the Al-Boulil region the "
        "Britain-based monitor said.",
        "Air raids kill 11 civilians in east Syria Monitor",
    )
    found = source(claim_of(analysis, "At least 11"))
    assert found is not None and found[0] != "Monitor", found


def test_a_name_before_its_description_is_the_source(nlp: Language) -> None:
    """ "… the Syrian Observatory for Human Rights monitor said": the whole name, not
    "Human Rights monitor" (a speaker phrase never starts inside a name)."""
    analysis = analysed(
        nlp,
        "At least 15 people were killed and dozens wounded on Monday in government air "
        "strikes on an area outside the capital Damascus the Syrian Observatory for Human "
        "Rights monitor said.",
    )
    assert source(claim_of(analysis, "At least 15")) == (SOHR, [])


def test_a_place_before_bare_reports_stays_out_of_the_source(nlp: Language) -> None:
    """ "… in the northern province of Raqqa reports indicate": only names of sources are
    taken whole, not a place the parse glued to "reports"."""
    analysis = analysed(
        nlp,
        "The terrorists have massacred 250 Syrian troops taken hostage at an airbase in the "
        "northern province of Raqqa reports indicate.",
    )
    assert source(claim_of(analysis, "250 Syrian troops")) == ("unnamed media", [])
