"""A subheading or a round-up's section name glued to the next story by a lost line
break ("… peace talks Civilians flee the town Meanwhile hundreds escaped …"), a sentence
of background or of another moment: the report before it does not run on
(``kg.extract.story_breaks`` through ``carried``)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.extract.test_sources import analysed, claim_of, source

REPORT = (
    "The Syrian Observatory for Human Rights said 12 people were killed in air strikes on "
    "Idlib on Sunday. "
)


@pytest.mark.parametrize(
    ("case", "body", "words"),
    [
        (
            "a glued shift word",
            REPORT + "Exodus from Manbij Meanwhile hundreds of civilians escaped the city of "
            "Manbij on Sunday.",
            "hundreds",
        ),
        (
            "not run on across a glued shift",
            REPORT + "Exodus from Manbij Meanwhile hundreds of civilians escaped the city of "
            "Manbij on Sunday. Tens of thousands had been trapped inside the city after the "
            "siege began.",
            "Tens of thousands",
        ),
        (
            "a round-up's section name before 'Earlier'",
            "A source at Aleppo Police Command told SANA that two civilians were killed in "
            "rocket attacks on the city. Damascus Countryside Earlier on the day four people "
            "were injured in mortar attacks on the town of Adra.",
            "four people",
        ),
        (
            "a round-up heading of one person harmed",
            "A source at Aleppo Police Command told SANA that three civilians were injured in "
            "rocket attacks on the city. One civilian killed due to terrorist rocket attack on "
            "the town of Nubul In the same context two civilians were injured as terrorists "
            "fired rocket shells on the town.",
            "two civilians",
        ),
        (
            "a background sentence between",
            "Medical sources in the city said that the bombed hospital went out of service. "
            "Regime and Russian forces have lately intensified aerial bombardment on the "
            "province. Two children were killed in airstrikes on Tuesday morning in the town.",
            "Two children",
        ),
        (
            "a round-up heading with two counts",
            "SANA reporter said that a rocket shell fell on the school injuring 4 students. "
            "2 persons killed 13 injured in terrorist rocket attacks on Harasta suburb Damascus "
            "Countryside Terrorist organizations fired more than 20 rocket shells on the town.",
            "more than 20",
        ),
        (
            "a sentence opening on another day between",
            "A security source says rescuers were trying to reach victims trapped in a "
            "building. Last Monday regime forces attacked another town in the province with "
            "barrel bombs. 33 people suffered from breathing difficulties after the attack.",
            "33 people",
        ),
        (
            "a present-progressive count after a quote is background",
            'Opposition official Zakaria Malahifji told Reuters the truce had failed. "There '
            'is no hope of aid being delivered" he said. Up to 300000 people in the besieged '
            "districts are running low on vital supplies.",
            "Up to 300000",
        ),
        (
            "a round-up's section name before 'In the same context'",
            "A source at Homs Governorate told SANA that two civilians were killed in rocket "
            "attacks on the city. Hama In the same context a woman was killed and 20 others "
            "were injured in rocket attacks on residential neighborhoods in Hama city.",
            "20 others",
        ),
        (
            "a sentence opening on 'In another incident'",
            "The monitor said nine people were killed in air strikes on Douma on Monday. In "
            "another incident at least five people were killed when a shell struck a school "
            "in the town of Tafas.",
            "at least five",
        ),
        (
            "a glued 'In a separate event' before the source of the next story",
            "Fighters shoot dead four gunmen west of Kirkuk In a separate event a major attack "
            "on the defense lines south of the city was foiled on Saturday said the commander.",
            "four gunmen",
        ),
    ],
)
def test_the_report_ends(nlp: Language, case: str, body: str, words: str) -> None:
    assert source(claim_of(analysed(nlp, body), words)) is None, case


@pytest.mark.parametrize(
    ("case", "body", "words", "claimant"),
    [
        (
            "no shift",
            REPORT + "Another 30 people were wounded in the strikes on the city.",
            "30 people",
            "Syrian Observatory for Human Rights",
        ),
        (
            "a quoted sentence opening on 'Today'",
            '"The civil defence condemns the raids on the towns" the White Helmets said in a '
            'statement. "Today the air force targeted a civil defence team working in the '
            'city. Three volunteers were killed and the other volunteers were injured."',
            "Three volunteers",
            None,
        ),
        (
            "a past count after a quote",
            '"The regime is bombing the market" the Syrian Observatory for Human Rights said. '
            "At least 20 people were killed in the strikes on the town.",
            "At least 20",
            "Syrian Observatory for Human Rights",
        ),
    ],
)
def test_the_report_runs_on(
    nlp: Language, case: str, body: str, words: str, claimant: str | None
) -> None:
    """``claimant`` None: any source (the quote's speaker), as long as there is one."""
    found = source(claim_of(analysed(nlp, body), words))
    assert found is not None, case
    assert claimant is None or found[0] == claimant, case
