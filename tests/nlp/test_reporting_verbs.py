"""One lexicon of reporting verbs: every named subset is drawn from it."""

from __future__ import annotations

import pytest

from kg.nlp import lexicon


def test_named_subsets_are_drawn_from_the_one_lexicon() -> None:
    assert lexicon.REPORT_DATING_VERBS <= lexicon.REPORTING_VERBS
    assert lexicon.TOLL_VERBS - {"give", "put"} <= lexicon.REPORTING_VERBS
    assert {"reported", "said", "confirmed"} == lexicon.REPORTED_PARTICIPLES
    assert {"report", "say", "confirm"} <= lexicon.REPORTING_VERBS


def test_a_word_outside_the_lexicon_is_refused() -> None:
    with pytest.raises(ValueError, match="whisper"):
        lexicon._drawn_from(lexicon.REPORTING_VERBS, "say whisper")
