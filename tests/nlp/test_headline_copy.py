"""The body's copy of the headline, recognised as ingest recognises it."""

from __future__ import annotations

import pytest

from kg.nlp.sentences import copy_paragraph_end

CASES = [
    # (headline, copy paragraph, a copy?)
    ("Syria attack symptoms consistent with nerve agent use WHO",
     "Syria attack symptoms consistent with nerve agent use WHO.", True),
    ("U.S.-led strikes kill 7 civilians in Raqqa: monitor",
     "US-led strikes kill 7 civilians in Raqqa monitor.", True),
    ("Syria's Aleppo shelled", "Syrias Aleppo shelled", True),
    ("Strikes kill 7 civilians in Raqqa", "Strikes kill 17 civilians in Raqqa.", False),
    ("Strikes kill 7 civilians in Raqqa", "Strikes kill 7 civilians in Raqqa, activists said.",
     False),
]  # fmt: skip


@pytest.mark.parametrize(("headline", "paragraph", "is_copy"), CASES)
def test_a_copy_is_the_same_letters_and_digits(
    headline: str, paragraph: str, is_copy: bool
) -> None:
    text = f"{headline}\n\n{paragraph}\n\nThe body goes on."
    end = copy_paragraph_end(text, len(headline), headline)
    assert end == (len(headline) + 2 + len(paragraph) if is_copy else None)
