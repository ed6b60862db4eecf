"""The outlet a source "told", with the day glued on where "on" was lost ("… a military
source told Sputnik Sunday"): ``kg.nlp.relays.told_to``; real-model parses."""

from __future__ import annotations

from spacy.language import Language

from tests.extract.test_sources import analysed, claim_of, source


def test_told_an_outlet_with_a_glued_day(nlp: Language) -> None:
    analysis = analysed(
        nlp,
        "The Syrian government forces eliminated over 75 militants in Daraa a military "
        "source told Sputnik Sunday.",
    )
    assert source(claim_of(analysis, "over 75")) == ("unnamed military", ["Sputnik"])


def test_told_reporters_with_a_glued_day_names_no_relay(nlp: Language) -> None:
    analysis = analysed(
        nlp, "Ten soldiers were killed in the ambush a security source told reporters Sunday."
    )
    assert source(claim_of(analysis, "Ten soldiers")) == ("unnamed military", [])
