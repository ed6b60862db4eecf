"""Relay hops of round 8: "X reported Y as saying", a person named again keeping the
body his first mention gave, a closing "a source in X said" the parse took for an object,
"In a statement to SANA" before the speaker — (text, expected) rows on real-model parses,
through ``analyse``.  Each row names the rule it covers; switching the rule off fails its row.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from tests.extract.test_sources import analysed, claim_of, source


@pytest.mark.parametrize(
    ("rule", "body", "words", "expected"),
    [
        (  # kg.nlp.relay_hops.reported_as_saying: the object speaks, the subject relays
            "reported as saying",
            "Reuters also reported residents and rescue workers as saying that two dozen "
            "people were killed in the strikes.",
            "two dozen",
            ("unnamed local", ["Reuters"]),
        ),
        (  # the same with a named object
            "reported as saying, named",
            "Anadolu Agency reported the Syrian Observatory for Human Rights as saying that "
            "40 fighters died in the clashes.",
            "40 fighters",
            ("Syrian Observatory for Human Rights", ["Anadolu Agency"]),
        ),
        (  # kg.extract.person_bodies.earlier_body: the surname alone, body given before
            "surname after role",
            "Pentagon spokesman Peter Cook said the strikes hit a depot. Cook said 12 "
            "militants were killed.",
            "12 militants",
            ("Peter Cook", ["Pentagon"]),
        ),
        (  # ... but another person of the same surname keeps none
            "same surname, another person",
            "Pentagon spokesman Peter Cook said the strikes hit a depot. Writer Robin Cook "
            "said 12 militants were killed.",
            "12 militants",
            ("Robin Cook", []),
        ),
        (  # ... the full name again, the body given at an earlier mention
            "name again after role",
            "EU foreign policy chief Federica Mogherini said the bloc was ready to help. "
            "Mogherini said 30 civilians were killed in the strike.",
            "30 civilians",
            ("Federica Mogherini", ["European Union"]),
        ),
        (  # kg.nlp.relay_hops.source_before_body: the closing speaker taken for an object
            "source in a body, closing",
            "Seven people were killed and dozens injured after gunmen fired a mortar shell on "
            "the market in Homs a source in the local police said.",
            "Seven people",
            ("unnamed military", []),
        ),
        (  # ... the same, telling an outlet
            "source in a place, told an outlet",
            "The air strike on the village killed three women an informed source in Idlib "
            "told Sputnik on Monday.",
            "three women",
            ("unnamed local", ["Sputnik"]),
        ),
        (  # kg.nlp.relay_hops.statement_to_before: "In a statement to SANA" the parse misplaces
            "statement to an outlet, before the speaker",
            "Meanwhile in Hama 5 persons were injured due to an attack with rocket shells by "
            "terrorists on al-Sheikh Saad Camp In a statement to SANA a source at Hama Police "
            "Command said that terrorist groups fired 4 mortar shells.",
            "4 mortar shells",
            ("Hama Police Command", ["Syrian Arab News Agency"]),
        ),
        (  # ... to the outlet's reporter
            "statement to an outlet's reporter, before the speaker",
            "In Latakia 12 people were injured by a car bomb near the hospital In a statement "
            "to SANA reporter a source at Latakia Police Command said that terrorists fired "
            "3 rockets.",
            "3 rockets",
            ("Latakia Police Command", ["Syrian Arab News Agency"]),
        ),
    ],
)
def test_relay_hop(
    nlp: Language, rule: str, body: str, words: str, expected: tuple[str, list[str]]
) -> None:
    found = source(claim_of(analysed(nlp, body), words))
    assert found is not None, rule
    assert found == expected, (rule, found)


def test_surname_spelt_otherwise_keeps_the_body(nlp: Language) -> None:
    """kg.extract.person_bodies: "Abdel Karim" after "UNICEF spokesman Jamal Abdul Karim"
    (the surname in another transliteration) still speaks for UNICEF."""
    body = (
        "UNICEF spokesman Jamal Abdul Karim said the convoy reached the town. Abdel Karim "
        "said 9 children were killed."
    )
    found = source(claim_of(analysed(nlp, body), "9 children"))
    assert found is not None
    assert found[1] == ["UNICEF"], found


def test_a_person_named_often_is_read_once_a_mention(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    """kg.extract.person_bodies: "Barrack said … Barrack said …" sixteen times and no body
    ever given: each earlier mention is read for its own phrase, not for the mentions
    before it again (that nests once a mention: 2**16 reads for the last one alone)."""
    from kg.extract import speakers

    reads = 0
    read = speakers._speaker_ref

    def counted(*args: Any) -> Any:
        nonlocal reads
        reads += 1
        return read(*args)

    monkeypatch.setattr(speakers, "_speaker_ref", counted)
    times = 16
    body = "Tom Barrack said the talks went well. " * times + "Barrack said 12 fighters died."
    found = source(claim_of(analysed(nlp, body), "12 fighters"))
    assert found == ("Tom Barrack", [])
    assert reads <= times * times, reads
