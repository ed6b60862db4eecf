"""A named person's title before his name ("ROLE of the BODY NAME") gives his body as the
first relay hop of his later reports: rows on real-model parses, through ``analyse``."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.extract.test_sources import analysed, claim_of, source

COALITION = "Syrian National Coalition"


@pytest.mark.parametrize(
    ("rule", "body", "words", "expected"),
    [
        (  # the title names the body; the report names him alone
            "title before the name",
            "Vice-president of the Syrian Coalition Abdulahad Astepho condemned the bombing"
            " on Sunday. Astepho noted that more than 40 civilians were killed in the raids.",
            "40 civilians",
            ("Abdulahad Astepho", [COALITION]),
        ),
        (  # "Secretary of State": no organisation named after "of"
            "no body after the title",
            "Secretary of State John Kerry condemned the bombing on Sunday. Kerry said that"
            " more than 40 civilians were killed in the raids.",
            "40 civilians",
            ("John Kerry", []),
        ),
        (  # the title after the name, its comma lost: "NAME ROLE of the BODY"
            "title after the name",
            "Nasr al-Hariri Secretary General of the Syrian Coalition condemned the bombing"
            " on Sunday. Hariri also said that more than 40 civilians were killed in the raids.",
            "40 civilians",
            ("Nasr al-Hariri", [COALITION]),
        ),
        (  # "head of QRCSs health program": the head of something of the body's
            "body's part after the name",
            "The raids hit a hospital on Sunday. Dr. Hashem Darwish head of QRCSs health"
            " program in Turkey said that more than 40 civilians were killed in the raids.",
            "40 civilians",
            ("Hashem Darwish", []),
        ),
        (  # a body named before a title of several words, the person named again after
            "body before a long title",
            "UN Under-Secretary-General for Humanitarian Affairs and Emergency Relief"
            " Coordinator Valerie Amos briefed the council on Tuesday. Amos stressed that"
            " sixty nine aid workers have been killed since the beginning of the conflict.",
            "sixty nine aid workers",
            ("Valerie Amos", ["United Nations"]),
        ),
        (  # the sentence whose phrase holds that title: the guide's first hop all the same
            "long title in the speaker's own sentence",
            '"The coalition continued airstrikes with reports of some 865 people killed since'
            ' strikes began" the report accompanying Tuesdays oral briefing by UN'
            " Under-Secretary-General for Humanitarian Affairs and Emergency Relief"
            " Coordinator Valerie Amos said.",
            "some 865 people",
            ("Valerie Amos", ["United Nations"]),
        ),
        (  # a number carried on past the next sentence keeps no hop
            "carried far",
            "Vice-president of the Syrian Coalition Abdulahad Astepho condemned the bombing"
            " on Sunday. Astepho noted that the raids hit the market. The town was shelled"
            " again at night. The strikes killed 40 civilians.",
            "40 civilians",
            None,
        ),
    ],
)
def test_title_bodies(
    nlp: Language, rule: str, body: str, words: str, expected: tuple[str, list[str]] | None
) -> None:
    found = source(claim_of(analysed(nlp, body), words))
    if expected is None:
        assert found is None or not found[1], rule
    else:
        assert found == expected, rule
