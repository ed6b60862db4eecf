"""Where a report starts and ends: a sentence in the present or the active perfect is the
article's own background, not the report's next step; "… the WHO said in a statement."
closes the sentence it reports — (text, expected) rows on real-model parses, through
``analyse``.

Each row names the rule it covers; switching the rule off fails its row.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.extract.test_sources import analysed, claim_of, source

SOHR = "Syrian Observatory for Human Rights"


@pytest.mark.parametrize(
    ("rule", "body", "words", "expected"),
    [
        (  # the active perfect: background, own voice
            "active perfect is background",
            "The Syrian Observatory for Human Rights said 14 people were killed in Douma. "
            "The fighting has forced hundreds of families to flee the town.",
            "hundreds of families",
            None,
        ),
        (  # a present-tense sentence about a group: background, own voice
            "present tense is background",
            "The Syrian Observatory for Human Rights said 9 fighters died in the clashes. "
            "Rescue workers are usually first at the sites with dozens killed in later "
            "strikes.",
            "dozens killed",
            None,
        ),
        (  # the passive perfect goes on with the report
            "passive perfect carries",
            "The Syrian Observatory for Human Rights said 14 people were killed in Douma. "
            "At least 30 others have been wounded.",
            "30 others",
            (SOHR, []),
        ),
        (  # a subject pointing back continues the report, in any tense
            "pointing back carries",
            "The Syrian Observatory for Human Rights said the army used heavy weapons in "
            "Douma. These include 12 barrel bombs and three rockets.",
            "12 barrel bombs",
            (SOHR, []),
        ),
    ],
)
def test_background_ends_the_report(
    nlp: Language, rule: str, body: str, words: str, expected: tuple | None
) -> None:
    assert source(claim_of(analysed(nlp, body), words)) == expected, rule


@pytest.mark.parametrize(
    ("rule", "body", "words", "expected"),
    [
        (  # "… X confirmed in a statement late on Tuesday." closes the sentence it reports
            "said in a statement, closing",
            "Shelling of the town killed 23 civilians the Syrian Civil Defence confirmed in a "
            "statement late on Tuesday.",
            "23 civilians",
            ("White Helmets", []),
        ),
        (  # "… a monitor said in an updated toll."
            "said in a toll, closing",
            "Strikes on the market killed 15 people the monitor said in an updated toll.",
            "15 people",
            ("unnamed activist", []),
        ),
        (  # "… said in a new toll on Sunday."
            "said in a new toll on a day, closing",
            "Air strikes on the camp killed 12 fighters a monitoring group said in a new toll "
            "on Sunday.",
            "12 fighters",
            ("unnamed activist", []),
        ),
    ],
)
def test_said_in_a_statement_closes(
    nlp: Language, rule: str, body: str, words: str, expected: tuple | None
) -> None:
    assert source(claim_of(analysed(nlp, body), words)) == expected, rule


@pytest.mark.parametrize(
    ("rule", "body", "words", "expected"),
    [
        (  # the sentence's own "on social media" is where, not who says so
            "closing prepositional object, media",
            "A video apparently showing nine children killed in a barrel bomb attack on the "
            "town has spread quickly on social media.",
            "nine children",
            None,
        ),
        (  # "held by the armed opposition groups": by whom something is done
            "closing prepositional object, groups",
            "The remaining three depots are in the area held by the armed opposition groups.",
            "three depots",
            None,
        ),
        (  # a monitor after a lost mark still closes the sentence as its source
            "closing monitor after a lost mark",
            "A powerful blast killed four people in the coastal town origin of explosion "
            "unknown monitoring group.",
            "four people",
            ("unnamed activist", []),
        ),
    ],
)
def test_closing_object_is_no_source(
    nlp: Language, rule: str, body: str, words: str, expected: tuple | None
) -> None:
    assert source(claim_of(analysed(nlp, body), words)) == expected, rule
