"""Counts of another incident than the news (``nkg:otherIncident``): an earlier one the
text recalls as background, or one it tells apart ("Meanwhile …"); and tolls over months
or years (``nkg:cumulative``): not the news's own dead."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from kg.extract.count_flags import earlier_than_the_news
from kg.records import CountClaim, Counted, Outcome, Precision, Qualifier, Span, TimeStamp
from tests.extract.test_claims import claims_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the news "comes" some time after (or before) another incident
        (
            "The raid comes one week after a suicide bomber blew himself up at a checkpoint"
            " killing 29 rebel fighters.",
            [(29, True)],
        ),
        (
            "The offensive comes less than two weeks after jihadists killed 270 guards at a"
            " gas field.",
            [(270, True)],
        ),
        ("The shelling came after rebels killed 12 soldiers near the base.", [(12, True)]),
        (
            "Jets struck the town on Monday killing 20 people, a week after a chemical attack"
            " killed 40 there.",
            [(20, False), (40, True)],
        ),
        # the news itself, dated by what came before it
        (
            "Air strikes killed 12 civilians on Tuesday, a day after rebels shelled the city.",
            [(12, False)],
        ),
        ("After the rebels withdrew, jets killed 15 people in the town.", [(15, False)]),
        # earlier this week or month, last week or month
        (
            "Earlier this week a suspected gas attack hit the town killing at least 87 people.",
            [(87, True)],
        ),
        ("Troops executed 48 people in a village earlier this month.", [(48, True)]),
        ("Last week a car bomb killed 30 people near the hall.", [(30, True)]),
        ("A car bomb killed 30 people near the hall on Sunday.", [(30, False)]),
        ("A car bomb killed 30 people this week.", [(30, False)]),
    ],
)
def test_earlier_incidents(nlp: Language, text: str, expected: list[tuple[int, bool]]) -> None:
    """A count in a clause "one week after" the news, or dated "earlier this week" /
    "last month", is of another, earlier incident."""
    assert [(c.count, c.other_incident) for c in claims_of(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Meanwhile two civilians were killed when rebels shelled a market in the city.",
            [(2, True)],
        ),
        ("Elsewhere in the province, jets killed nine people in a village.", [(9, True)]),
        ("Separately, three soldiers died when their vehicle hit a mine.", [(3, True)]),
        ("In another air strike, 14 fighters were killed near the border.", [(14, True)]),
        ("In a separate incident, five people were shot dead at a checkpoint.", [(5, True)]),
        (
            "In the same context two people were killed and 12 others were injured when"
            " shells hit the market.",
            [(2, True), (12, True)],
        ),
        (
            "In the meantime troops shelled a hideout near the town, killing 12 fighters.",
            [(12, True)],
        ),
        # a one-word section heading before the opener
        ("Hama Meanwhile three civilians were killed by a rocket.", [(3, True)]),
        ("Rebel commanders meanwhile said 40 fighters were killed.", [(40, False)]),
        # the news's own attack, named again; or no opener at all
        (
            "Meanwhile the opposition said the attack killed more than 100 people, including"
            " 25 children.",
            [(100, False), (25, False)],
        ),
        ("In the town, jets killed nine people.", [(9, False)]),
        ("Rebels shelled a market, killing two civilians meanwhile.", [(2, False)]),
    ],
)
def test_incidents_told_apart(nlp: Language, text: str, expected: list[tuple[int, bool]]) -> None:
    """A sentence opening on "Meanwhile", "Elsewhere", "Separately", "In another …" tells
    another incident than the news."""
    assert [(c.count, c.other_incident) for c in claims_of(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "cumulative"),
    [
        ("Some 280000 people have been killed in five years, the monitor said.", True),
        ("The rebels said 30 fighters had been killed within two months.", True),
        # beside millions displaced: the war's toll
        ("An estimated 170000 people have been killed and millions displaced.", True),
        ("Some 250000 people were killed and more than 10 million have fled.", True),
        ("Air strikes killed 20 people and forced thousands to flee.", False),
        ("A 5-year-old boy was among 10 people killed in the strike.", False),
        ("Twelve people were killed in the town on Monday.", False),
    ],
)
def test_tolls_over_months_or_years(nlp: Language, text: str, cumulative: bool) -> None:
    """ "killed in five years", "within two months": a total over months or years; a
    toll told beside millions displaced is the war's."""
    assert claims_of(nlp, text)[0].cumulative is cumulative


def _dated(
    day: date | None, precision: Precision = Precision.DAY, sentence: str = "17 were killed."
) -> CountClaim:
    when = TimeStamp(day, precision) if day is not None else None
    evidence = (Span(0, 2, sentence[:2]), Span(0, len(sentence), sentence, "sentence"))
    return CountClaim(17, Qualifier.AT_LEAST, Counted.PEOPLE, evidence=evidence,
                      outcome=Outcome.KILLED, when=when)  # fmt: skip


@pytest.mark.parametrize(
    ("when", "news", "earlier"),
    [
        # "IS also claimed an October 2 bomb attack that killed at least 17" (news of Oct 11)
        (_dated(date(2017, 10, 2)), TimeStamp(date(2017, 10, 11)), True),
        (_dated(date(2017, 10, 9)), TimeStamp(date(2017, 10, 11)), True),
        # a day apart: an overnight raid, a toll "on Friday and Saturday"
        (_dated(date(2017, 10, 10)), TimeStamp(date(2017, 10, 11)), False),
        (_dated(date(2017, 10, 11)), TimeStamp(date(2017, 10, 11)), False),
        # only to the day: "in October", a news day the text does not give
        (_dated(date(2017, 9, 1), Precision.MONTH), TimeStamp(date(2017, 10, 11)), False),
        (_dated(date(2017, 10, 2)), TimeStamp(date(2017, 10, 1), Precision.MONTH), False),
        (_dated(date(2017, 10, 2)), None, False),
        # "In early October a double bombing killed 52 people", in news of October 29
        (
            _dated(date(2017, 10, 1), Precision.MONTH, "In early October a bomb killed 52 people."),
            TimeStamp(date(2017, 10, 29)),
            True,
        ),
        (
            _dated(date(2017, 10, 1), Precision.MONTH, "In early October a bomb killed 52 people."),
            TimeStamp(date(2017, 10, 8)),
            False,
        ),
        (
            _dated(date(2017, 10, 1), Precision.MONTH, "In October a bomb killed 52 people."),
            TimeStamp(date(2017, 10, 29)),
            False,
        ),
        # no day for the main event: the publication day (October 20)
        (
            _dated(date(2017, 10, 1), Precision.MONTH, "In early October a bomb killed 52 people."),
            None,
            True,
        ),
        (_dated(None), TimeStamp(date(2017, 10, 11)), False),
    ],
)
def test_counts_dated_days_before_the_news(
    when: CountClaim, news: TimeStamp | None, earlier: bool
) -> None:
    """A count its sentence dates two days or more before the main event's day, or to
    "early <month>" in news late in that month, is of an earlier incident."""
    published = date(2017, 10, 20)
    assert earlier_than_the_news(when, news, published).other_incident is earlier


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Four civilians including a child were also killed by shells that hit the market.",
            [(4, True)],
        ),
        ("Government jets also killed at least 12 people in a nearby village.", [(12, True)]),
        # a part of the added count ("including", which the model may tag VERB), as it is
        (
            "Five civilians including three children were also killed by regime bombs.",
            [(5, True), (3, True)],
        ),
        (
            "Warplanes also killed at least six civilians including four children.",
            [(6, True), (4, True)],
        ),
        ("The rebels also lost five fighters in the battle.", [(5, True)]),
        # the "also" of the report, not of the dead
        ("It also said that 19 soldiers were killed in the fighting.", [(19, False)]),
        ("Air strikes killed 20 people in the town.", [(20, False)]),
    ],
)
def test_counts_the_verb_says_also_of(
    nlp: Language, text: str, expected: list[tuple[int, bool]]
) -> None:
    """ "were also killed", "also killed": more dead beside a count given before, a part
    added to it (``nkg:additional``)."""
    assert [(c.count, c.additional) for c in claims_of(nlp, text)] == expected


LEAD = "Raids hit Aleppo\n\nWarplanes struck the city on Monday. Rescuers dug through rubble. Schools were shut. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place's share of the toll: a part of it
        (
            LEAD + "The worst hit was Douma where raids killed 16 civilians and wounded 22.",
            [(16, True, False)],
        ),
        (
            LEAD + "Most died in Qaterji where Russian raids claimed 17 lives overnight.",
            [(17, True, False)],
        ),
        # another attack brought in as the place's background
        (
            LEAD + "The town lies near Khan Sheikhoun where a chemical attack killed nearly 90 "
            "people in April.",
            [(90, False, True)],
        ),
        # no attack in the clause: the toll of the news there
        (
            LEAD + "Fighting raged on the western edges where 38 civilians have been killed.",
            [(38, False, False)],
        ),
        # in the lead, a "where" clause tells the news itself
        (
            "Jets struck Ariha where government air strikes killed 12 people on Tuesday.",
            [(12, False, False)],
        ),
    ],
)
def test_counts_a_where_clause_gives_a_place(
    nlp: Language, text: str, expected: list[tuple[int, bool, bool]]
) -> None:
    """rule "where-clause": "Douma, where raids killed 16" is a part of the toll
    (``nkg:additional``); "Khan Sheikhoun, where a chemical attack killed nearly 90" an
    earlier incident (``nkg:otherIncident``)."""
    found = [(c.count, c.additional, c.other_incident) for c in claims_of(nlp, text)]
    assert [f for f in found if f[0] != 22] == expected
