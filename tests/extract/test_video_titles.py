"""An embedded video's title ("… Dozens killed in market air strikes Jane Doe reports -
YouTube …") is page furniture: its numbers get no source, and no source before it or
inside it reports the story the lost line break glued after it
(``kg.extract.video_titles`` through ``carry_claims``)."""

from __future__ import annotations

from spacy.language import Language

from kg.extract.video_titles import video_titles, without_video_titles
from kg.records import Attribution, CountClaim, Counted, EntityRef, Qualifier, Span
from tests.extract.test_sources import analysed, claim_of, source

REPORT = (
    "According to the Syrian Observatory for Human Rights 20 people were killed in air "
    "strikes on the market on Sunday. Footage shared by the Observatory showed rescuers "
    "at the site. "
)


def test_a_number_in_a_video_title_has_no_source(nlp: Language) -> None:
    body = (
        "The Syrian Observatory for Human Rights said 20 people were killed in air strikes "
        "on the market on Sunday. Dozens killed in market air strikes - YouTube Source "
        "TRT World"
    )
    assert source(claim_of(analysed(nlp, body), "Dozens")) is None


def test_a_reporter_named_in_a_video_title_reports_nothing_after_it(nlp: Language) -> None:
    body = (
        REPORT + "Market strikes Jane Doe reports - YouTube Regime forces have intensified "
        "attacks on the province since April killing dozens of civilians."
    )
    assert source(claim_of(analysed(nlp, body), "dozens of civilians")) is None


def test_a_source_after_the_title_still_reports(nlp: Language) -> None:
    body = (
        REPORT + "Market strikes Jane Doe reports - YouTube The Observatory said 12 more "
        "people were killed in shelling on Monday."
    )
    found = source(claim_of(analysed(nlp, body), "12 more"))
    assert found is not None and found[0] == "Syrian Observatory for Human Rights"


def test_video_titles_run_from_the_sentence_before() -> None:
    text = "Rescuers searched the site. Dozens killed in strikes - YouTube Forces advanced."
    assert video_titles(text) == [(28, text.index(" Forces"))]


def test_a_source_with_no_cue_after_a_title_is_left_as_it_is() -> None:
    """An attribution without a cue (a headline's tail) has no cue before the title to
    end: the claim after the title keeps it, and nothing fails."""
    text = "Rescuers searched the site. Dozens killed in strikes - YouTube 12 were killed."
    at = text.index("12")
    phrase, sentence = Span(at, at + 2, "12"), Span(at, len(text), text[at:], "sentence")
    monitor = Attribution(EntityRef("monitor", "Syrian Observatory for Human Rights"))
    claim = CountClaim(12, Qualifier.EXACT, Counted.PEOPLE, (phrase, sentence),
                       attribution=monitor)  # fmt: skip
    assert without_video_titles(text, [claim])[0].attribution == monitor
