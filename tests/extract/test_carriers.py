"""A report passed on by the outlet that closes its sentence ("X said five died …, the
official SANA news agency reported.") and a closing source glued to a count ("… and
wounded 60 state media reported."): ``kg.extract.carriers`` on real-model parses.

Each row names the rule it covers; switching the rule off fails its row.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.extract.test_sources import analysed, claim_of, source

SANA = "Syrian Arab News Agency"


@pytest.mark.parametrize(
    ("rule", "body", "words", "expected"),
    [
        (  # the speaker gives the count, the outlet closing the sentence passes it on
            "carried on",
            "Health director for Hama Ahmad Khalil said six people died and nine others were "
            "wounded after shells hit the old market on Monday the official SANA news agency "
            "reported.",
            "six people",
            ("Ahmad Khalil", [SANA]),
        ),
        (
            "carried on, according to",
            "Activists reported at least 40 bodies had been brought to a field hospital in "
            "the town according to Reuters.",
            "40 bodies",
            ("unnamed activist", ["Reuters"]),
        ),
        (  # the count glued to the closing source: the parse finds no speaker
            "closing source",
            "Shells slammed into the city centre on Tuesday in a barrage that killed 14 "
            "people and wounded 60 state media reported.",
            "14 people",
            ("unnamed media", []),
        ),
        (
            "closing source, unnamed",
            "Tanks shelled a district of Homs on Monday killing three more civilians two "
            "residents said.",
            "three more civilians",
            ("unnamed local", []),
        ),
    ],
)
def test_carriers(nlp: Language, rule: str, body: str, words: str, expected: tuple) -> None:
    assert source(claim_of(analysed(nlp, body), words)) == expected, rule


def test_a_closing_speaker_that_is_no_outlet_relays_nothing(nlp: Language) -> None:
    """Only an outlet or state media passes a report on: a governor closing the sentence
    after a military source is no relay hop of it."""
    found = source(
        claim_of(
            analysed(
                nlp,
                "Health director for Hama Ahmad Khalil said six people died after shells hit "
                "the old market on Monday the governor of Hama said.",
            ),
            "six people",
        )
    )
    assert found is not None and found[1] == []
