"""Relay hops of round 8: "X reported Y as saying", and a person named again keeping the
body his first mention gave — (text, expected) rows on real-model parses, through
``analyse``.  Each row names the rule it covers; switching the rule off fails its row.
"""

from __future__ import annotations

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
        (  # ... the full name again, the body given at an earlier mention
            "name again after role",
            "EU foreign policy chief Federica Mogherini said the bloc was ready to help. "
            "Mogherini said 30 civilians were killed in the strike.",
            "30 civilians",
            ("Federica Mogherini", ["European Union"]),
        ),
    ],
)
def test_relay_hop(
    nlp: Language, rule: str, body: str, words: str, expected: tuple[str, list[str]]
) -> None:
    found = source(claim_of(analysed(nlp, body), words))
    assert found is not None, rule
    assert found == expected, (rule, found)
