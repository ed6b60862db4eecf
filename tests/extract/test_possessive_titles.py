"""A person introduced by his body's title with the possessive's apostrophe lost ("said
the Observatorys head Rami Abdulrahman") speaks, his body named before as first relay
hop: rows on real-model parses, through ``analyse``."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.extract.test_sources import analysed, claim_of, source


@pytest.mark.parametrize(
    ("rule", "body", "words", "expected"),
    [
        (  # the speaker after "said": the parse takes "the Observatorys" for the subject
            "glued possessive after said",
            "The Syrian Observatory for Human Rights reported raids on Idlib. The shelling"
            " killed 12 civilians on Sunday said the Observatorys head Rami Abdulrahman.",
            "12 civilians",
            ("Rami Abdel Rahman", ["Syrian Observatory for Human Rights"]),
        ),
        (  # no body named before: the person alone
            "no body named",
            "The shelling killed 9 civilians in the market said the Observatorys head"
            " Karim Haddad.",
            "9 civilians",
            ("Karim Haddad", []),
        ),
        (  # "the monitor's chief": the monitor is the body named before
            "common noun possessive",
            "The Syrian Observatory for Human Rights said the raids hit Idlib. The monitors"
            " chief Karim Haddad said 14 civilians were killed.",
            "14 civilians",
            ("Karim Haddad", ["Syrian Observatory for Human Rights"]),
        ),
    ],
)
def test_possessive_titles(
    nlp: Language, rule: str, body: str, words: str, expected: tuple[str, list[str]]
) -> None:
    assert source(claim_of(analysed(nlp, body), words)) == expected, rule
