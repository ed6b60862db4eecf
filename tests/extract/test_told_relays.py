"""A source shown speaking to an outlet speaks to it throughout, and a closing source
whose commas were lost is still its sentence's speaker: (text, expected) rows on
real-model parses, through ``analyse``; each fails with its rule switched off."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract.told_relays import told_relays
from kg.records import Attribution, CountClaim, Counted, EntityRef, Qualifier, Span
from tests.extract.test_sources import analysed, claim_of, source

AFP = "Agence France-Presse"


@pytest.mark.parametrize(
    ("rule", "body", "words", "expected"),
    [
        (  # the outlet the source told later carries the report it gave before
            "told later",
            'A military source said 12 fighters were killed in the clashes near the town. "Another'
            ' 30 were wounded in the fighting" the source told AFP.',
            "12 fighters",
            ("unnamed military", [AFP]),
        ),
        (  # unnamed sources share a node per kind: another activist's outlet is not theirs
            "another unnamed source of the kind",
            "Local activists said 20 people were killed in the shelling. In Homs, a different"
            " activist told Reuters that 5 people were killed.",
            "20 people",
            ("unnamed activist", []),
        ),
        (  # "… in Aleppo a source in the Syrian militia said.": the parse made the source an
            # object of the words before it; the closing verb still has it as its speaker
            "closing source after a place",
            "At least ten people have been killed and dozens injured after terrorists launched"
            " a rocket on Dabbit hospital in Aleppo a source in the Syrian militia said.",
            "ten people",
            ("unnamed military", []),
        ),
        (  # "The source told SANA that …" after the report: SANA carried the report too
            "told after the report",
            "Three civilians were killed and 15 others were injured by rocket shells on the"
            " market in Aleppo according to a source at Aleppo Police Command. The source told"
            " SANA that some of the injured are in a critical condition.",
            "15 others",
            ("Aleppo Police Command", ["Syrian Arab News Agency"]),
        ),
        (  # only the report the told source's words come from: an earlier report of the
            # same body, spoken by another "a source at …", keeps no relay
            "told after another report",
            "A source at Hama Police Command said that eight civilians were killed in the"
            " blast. Earlier two children were injured by a rocket shell according to a source"
            " at Hama Police Command. The source told SANA that the shell damaged the school.",
            "eight civilians",
            ("Hama Police Command", []),
        ),
        (  # a named speaker's body first, then the outlet he told afterwards
            "told after the report, body first",
            "The Syrian Observatory for Human Rights monitors the war. Observatory chief Rami"
            ' Abdel Rahman said 40 villages had fallen to government forces. "The advance is'
            ' very fast" he told AFP.',
            "40 villages",
            ("Rami Abdel Rahman", ["Syrian Observatory for Human Rights", AFP]),
        ),
        (  # a named source shown telling an outlet in a sentence with no count: his
            # later words went to it too
            "told before, named again",
            "The attack on the border town was repelled before dawn, commander Hassan Darwish"
            ' told Reuters. "Twelve gunmen were killed in the fighting" said Darwish.',
            "Twelve gunmen",
            ("Hassan Darwish", ["Reuters"]),
        ),
        (  # told a person, not an outlet: his later words are not passed on through him
            "told a person before",
            "Governor Hassan Darwish told Sergei Lavrov that the attack was staged. Hassan"
            " Darwish said 12 soldiers were killed in the fighting.",
            "12 soldiers",
            ("Hassan Darwish", []),
        ),
        (  # told a body that is no outlet: the same
            "told a body before",
            "Governor Hassan Darwish told the UN Security Council that the attack was staged."
            " Hassan Darwish said 12 soldiers were killed in the fighting.",
            "12 soldiers",
            ("Hassan Darwish", []),
        ),
        (  # forward only: words given before he is shown telling the outlet keep none
            "said before, told after",
            '"Twelve gunmen were killed in the fighting" commander Hassan Darwish said. The'
            " attack on the border town was repelled before dawn, Hassan Darwish told Reuters.",
            "Twelve gunmen",
            ("Hassan Darwish", []),
        ),
    ],
)
def test_told_relays(
    nlp: Language, rule: str, body: str, words: str, expected: tuple[str, list[str]]
) -> None:
    assert source(claim_of(analysed(nlp, body), words)) == expected, rule


def _claim(start: int, who: str, chain: tuple[str, ...] = ()) -> CountClaim:
    refs = tuple(EntityRef(key, key) for key in chain)
    return CountClaim(
        count=3,
        qualifier=Qualifier.EXACT,
        counted=Counted.PEOPLE,
        evidence=(Span(start, start + 1, "3"),),
        attribution=Attribution(EntityRef(who, who), chain=refs),
    )


def test_a_source_relayed_two_ways_keeps_each_claims_own() -> None:
    """ "… told AFP" in one place and "… told Reuters" in another: no one relay is the
    source's, so a claim with none stays without."""
    claims = [
        _claim(0, "monitor"),
        _claim(5, "monitor", ("afp",)),
        _claim(9, "monitor", ("reuters",)),
    ]
    assert [c.attribution.chain for c in told_relays(claims) if c.attribution] == [
        c.attribution.chain for c in claims if c.attribution
    ]


def test_a_relay_is_never_its_own_claimant() -> None:
    claims = [_claim(0, "sana"), _claim(5, "sana", ("sana",))]
    assert told_relays(claims)[0].attribution == claims[0].attribution
