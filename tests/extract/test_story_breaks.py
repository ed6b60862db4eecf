"""A subheading or a round-up's section name glued to the next story by a lost line
break ("… peace talks Civilians flee the town Meanwhile hundreds escaped …"): the report
before it does not run on (``kg.extract.story_breaks`` through ``carried``)."""

from __future__ import annotations

from spacy.language import Language

from tests.extract.test_sources import analysed, claim_of, source

REPORT = (
    "The Syrian Observatory for Human Rights said 12 people were killed in air strikes on "
    "Idlib on Sunday. "
)


def test_numbers_after_a_glued_shift_word_are_not_carried(nlp: Language) -> None:
    body = (
        REPORT + "Exodus from Manbij Meanwhile hundreds of civilians escaped the city of "
        "Manbij on Sunday."
    )
    assert source(claim_of(analysed(nlp, body), "hundreds")) is None


def test_the_report_does_not_run_on_across_a_glued_shift(nlp: Language) -> None:
    body = (
        REPORT + "Exodus from Manbij Meanwhile hundreds of civilians escaped the city of "
        "Manbij on Sunday. Tens of thousands had been trapped inside the city after the "
        "siege began."
    )
    assert source(claim_of(analysed(nlp, body), "Tens of thousands")) is None


def test_a_round_up_section_name_before_earlier(nlp: Language) -> None:
    body = (
        "A source at Aleppo Police Command told SANA that two civilians were killed in "
        "rocket attacks on the city. Damascus Countryside Earlier on the day four people "
        "were injured in mortar attacks on the town of Adra."
    )
    assert source(claim_of(analysed(nlp, body), "four people")) is None


def test_the_report_still_runs_on_without_a_shift(nlp: Language) -> None:
    body = REPORT + "Another 30 people were wounded in the strikes on the city."
    found = source(claim_of(analysed(nlp, body), "30 people"))
    assert found is not None and found[0] == "Syrian Observatory for Human Rights"


def test_a_round_up_heading_of_one_person_harmed(nlp: Language) -> None:
    body = (
        "A source at Aleppo Police Command told SANA that three civilians were injured in "
        "rocket attacks on the city. One civilian killed due to terrorist rocket attack on "
        "the town of Nubul In the same context two civilians were injured as terrorists "
        "fired rocket shells on the town."
    )
    assert source(claim_of(analysed(nlp, body), "two civilians")) is None


def test_a_background_sentence_between_ends_the_report(nlp: Language) -> None:
    body = (
        "Medical sources in the city said that the bombed hospital went out of service. "
        "Regime and Russian forces have lately intensified aerial bombardment on the "
        "province. Two children were killed in airstrikes on Tuesday morning in the town."
    )
    assert source(claim_of(analysed(nlp, body), "Two children")) is None


def test_a_round_up_heading_with_two_counts(nlp: Language) -> None:
    body = (
        "SANA reporter said that a rocket shell fell on the school injuring 4 students. "
        "2 persons killed 13 injured in terrorist rocket attacks on Harasta suburb Damascus "
        "Countryside Terrorist organizations fired more than 20 rocket shells on the town."
    )
    assert source(claim_of(analysed(nlp, body), "more than 20")) is None


def test_a_sentence_opening_on_another_day_between_ends_the_report(nlp: Language) -> None:
    body = (
        "A security source says rescuers were trying to reach victims trapped in a building. "
        "Last Monday regime forces attacked another town in the province with barrel bombs. "
        "33 people suffered from breathing difficulties after the attack."
    )
    assert source(claim_of(analysed(nlp, body), "33 people")) is None


def test_a_quoted_sentence_opening_on_today_keeps_the_report(nlp: Language) -> None:
    body = (
        '"The civil defence condemns the raids on the towns" the White Helmets said in a '
        'statement. "Today the air force targeted a civil defence team working in the city. '
        'Three volunteers were killed and the other volunteers were injured."'
    )
    found = source(claim_of(analysed(nlp, body), "Three volunteers"))
    assert found is not None


def test_a_present_progressive_count_after_a_quote_is_background(nlp: Language) -> None:
    body = (
        'Opposition official Zakaria Malahifji told Reuters the truce had failed. "There is '
        'no hope of aid being delivered" he said. Up to 300000 people in the besieged '
        "districts are running low on vital supplies."
    )
    assert source(claim_of(analysed(nlp, body), "Up to 300000")) is None


def test_a_past_count_after_a_quote_still_runs_on(nlp: Language) -> None:
    body = (
        '"The regime is bombing the market" the Syrian Observatory for Human Rights said. '
        "At least 20 people were killed in the strikes on the town."
    )
    found = source(claim_of(analysed(nlp, body), "At least 20"))
    assert found is not None and found[0] == "Syrian Observatory for Human Rights"
