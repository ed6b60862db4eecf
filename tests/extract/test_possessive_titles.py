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
        (  # a body of two words glued to its possessive; the gazetteer's name for it
            "two-word body",
            "The Syrian Civil Defence said the raids hit a clinic. The shelling killed 12"
            " civilians in Douma said the Civil Defences chief Omar Haddad.",
            "12 civilians",
            ("Omar Haddad", ["White Helmets"]),
        ),
    ],
)
def test_possessive_titles(
    nlp: Language, rule: str, body: str, words: str, expected: tuple[str, list[str]]
) -> None:
    assert source(claim_of(analysed(nlp, body), words)) == expected, rule
