"""A space typed after a name's article prefix ("in al- Mogambo") must not end a
sentence unit: ``kg.nlp.sentences.cut_at_prefix`` on real-model parses."""

from __future__ import annotations

from spacy.language import Language

from kg.nlp.attribution import sentence_units
from tests.extract.test_sources import analysed, claim_of, source

CUT = (
    "Gunmen fired mortar shells at the old market in al- Hamidiyeh with heavy machine "
    "guns killing a shopkeeper."
)


def test_a_prefix_before_a_space_does_not_end_the_sentence(nlp: Language) -> None:
    """ "… in al- Hamidiyeh with …" is one sentence, not "… in al-" and "Hamidiyeh …"."""
    units = sentence_units(nlp(CUT))
    assert [u.text for u in units] == [CUT]


def test_a_report_carries_over_a_sentence_with_a_spaced_prefix(nlp: Language) -> None:
    """The source's report goes on two sentences later: the spaced prefix in the
    sentence between does not use up the carry."""
    analysis = analysed(
        nlp,
        "A police source told the news agency that rockets hit the Jamiliyeh district on "
        f"Monday. {CUT} Other rocket shells fired at the Furqan neighbourhood injured "
        "four civilians.",
    )
    found = source(claim_of(analysis, "four civilians"))
    assert found is not None and found[0] == "unnamed military"  # "a police source"
