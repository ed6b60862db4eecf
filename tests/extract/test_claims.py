"""Count claims with the real model: (text, expected) tables, then the seeds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from spacy.language import Language

from kg.extract.claims import count_claims
from kg.extract.entities import mentions
from kg.records import Article, CountClaim, Counted, Outcome, Qualifier, Unit

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
Q, C, OUT = Qualifier, Counted, Outcome


def claims_of(nlp: Language, text: str) -> list[CountClaim]:
    doc = nlp(text)
    found = list(count_claims(doc, Article(id="t", text=text), tuple(mentions(doc)), ()))
    for claim in found:
        for span in claim.evidence:
            assert span.text == text[span.start : span.end]
    return found


def summary(claim: CountClaim) -> tuple:
    return (claim.count, claim.qualifier, claim.counted, claim.outcome)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Government air strikes killed at least 16 civilians in the east of the city.",
            [(16, Q.AT_LEAST, C.CIVILIANS, OUT.KILLED)],
        ),
        (
            "The army said its raids had resulted in the deaths of more than 150 rebels.",
            [(150, Q.MORE_THAN, C.FIGHTERS, OUT.KILLED)],
        ),
        (
            "A car bomb exploded in the market, killing up to 40 people.",
            [(40, Q.AT_MOST, C.PEOPLE, OUT.KILLED)],
        ),
        (
            "Six soldiers were wounded when their checkpoint came under fire.",
            [(6, Q.EXACT, C.SOLDIERS, OUT.WOUNDED)],
        ),
        (
            "The shelling killed 22 people, including seven children.",
            [(22, Q.EXACT, C.PEOPLE, OUT.KILLED), (7, Q.EXACT, C.CHILDREN, OUT.KILLED)],
        ),
        (
            "The death toll rose to 35 on Monday.",
            [(35, Q.EXACT, C.PEOPLE, OUT.KILLED)],
        ),
        (
            "Rebels said the total number of soldiers exceeded 2,000.",
            [(2000, Q.MORE_THAN, C.SOLDIERS, None)],
        ),
        (
            "Dozens of families were evacuated from the besieged district.",
            [(24, Q.APPROXIMATELY, C.PEOPLE, OUT.EVACUATED)],
        ),
        (
            "The militants destroyed three tanks and captured 12 soldiers.",
            [(3, Q.EXACT, C.TANKS, OUT.DESTROYED), (12, Q.EXACT, C.SOLDIERS, OUT.CAPTURED)],
        ),
        (
            "Some 40% of the town's residents have been displaced.",
            [(40, Q.APPROXIMATELY, C.RESIDENTS, OUT.DISPLACED)],
        ),
        (
            "The monitor said 15 were killed in the attack.",
            [(15, Q.EXACT, C.PEOPLE, OUT.KILLED)],
        ),
        ("The town lies about 220 km north of the capital.", []),
        ("A 12-year-old girl was among the victims in 2015.", []),
        ("The Security Council adopted Resolution 2254 in December.", []),
        (
            "Around twenty civilians and one staff member were killed as they unloaded trucks.",
            [(20, Q.APPROXIMATELY, C.CIVILIANS, OUT.KILLED), (1, Q.EXACT, C.PEOPLE, OUT.KILLED)],
        ),
        ("Source AFP Related News Suicide car bomb kills eight in Daraa.", []),
        # a toll set "at" a number, with a phrase between the toll and "at"
        (
            "A research centre has put the death toll from the five-year war at 400000.",
            [(400000, Q.EXACT, C.PEOPLE, OUT.KILLED)],
        ),
        (
            "The monitor put the toll - now rising by the hour - at more than 30.",
            [(30, Q.MORE_THAN, C.PEOPLE, OUT.KILLED)],
        ),
        (
            "Local officials placed the death toll in the border villages at 19.",
            [(19, Q.EXACT, C.PEOPLE, OUT.KILLED)],
        ),
        ("The council set the budget for the two cities at 300.", []),
    ],
)
def test_count_claims(nlp: Language, text: str, expected: list[tuple]) -> None:
    assert [summary(c) for c in claims_of(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "wounded"),
    [
        ("Seven dead, 20 wounded in central Damascus blast.", 20),
        ("Bomb kills woman, wounds 25 in Homs.", 25),
    ],
)
def test_wounded_beside_killed(nlp: Language, text: str, wounded: int) -> None:
    [claim] = [c for c in claims_of(nlp, text) if c.count == wounded]
    assert claim.outcome is OUT.WOUNDED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "More than 320,000 people have been killed in Syria since the conflict began in"
            " March 2011.",
            [(320000, True)],
        ),
        ("The war has killed more than 280,000 people.", [(280000, True)]),
        (
            "The conflict in Syria, which has lasted five years, has killed more than 280,000"
            " people.",
            [(280000, True)],
        ),
        ("More than 300 civilians have been killed in Aleppo since April.", [(300, True)]),
        ("Russia has so far lost at least 12 soldiers in Syria.", [(12, True)]),
        (
            "The Observatory said 1,100 civilians were killed in air raids over the past year.",
            [(1100, True)],
        ),
        ("Coalition strikes have killed 425 civilians overall.", [(425, True)]),
        (
            "At least 280,000 people have been killed and millions displaced since the war"
            " started in 2011.",
            [(280000, True), (2000000, True)],  # "millions displaced" counts too
        ),
        ("More than 150,000 people have died in the three-year war.", [(150000, True)]),
        (
            "Air strikes killed 23 people in the town, which has been under siege since 2013.",
            [(23, False)],
        ),
        ("The attack killed 22 people on Monday, the Observatory said.", [(22, False)]),
        (
            "It was the deadliest attack since sarin gas killed hundreds of civilians in"
            " August 2013.",
            [(200, False)],
        ),
        ("Activists say infighting has killed 45 fighters over the past two days.", [(45, False)]),
        # a tally since a recent day, a toll over several days or weeks: a period total
        ("Clashes have killed 19 insurgents since Monday.", [(19, True)]),
        ("Since Saturday at least 68 civilians have been killed in the town.", [(68, True)]),
        (
            "Rebels fired rockets into Damascus, killing at least 16 people since Thursday.",
            [(16, True)],
        ),
        ("Strikes have killed 30 people since the weekend.", [(30, True)]),
        ("At least 86 soldiers were killed in the past four days.", [(86, True)]),
        (
            "Troops killed over 2,200 militants in the last 10 days.",
            [(2200, True)],
        ),
        ("Over 500 civilians were killed in one week.", [(500, True)]),
        ("The strikes killed 40 people during the past week.", [(40, True)]),
        (
            "At least 545 people have been killed and hundreds more injured in the bombing"
            " campaign on towns and cities since Tuesday.",
            [(545, True), (200, True)],  # "hundreds more injured": vague, its lower bound
        ),
        (
            "Fire from Syria has claimed 21 lives and wounded dozens in Kilis this year.",
            [(21, True), (24, True)],
        ),
        # a toll "from" the war: the whole war's total
        (
            "A research centre has put the death toll from the five-year war at 400000.",
            [(400000, True)],
        ),
        ("Local officials placed the death toll from the raid at 19.", [(19, False)]),
        # a day's toll, or a day or two of one battle, is not
        ("Strikes have killed 30 people since dawn.", [(30, False)]),
        ("At least 45 people have been killed in Aleppo in the last 24 hours.", [(45, False)]),
        ("The strikes last week killed 12 civilians.", [(12, False)]),
    ],
)
def test_cumulative(nlp: Language, text: str, expected: list[tuple[int, bool]]) -> None:
    """War and period totals are marked; one incident's toll is not."""
    assert [(c.count, c.cumulative) for c in claims_of(nlp, text)] == expected


def test_owner_of_fighters(nlp: Language) -> None:
    text = "Jets struck a convoy carrying 200 ISIS fighters near the border."
    [claim] = claims_of(nlp, text)
    assert claim.count == 200 and claim.counted is C.FIGHTERS
    assert claim.of is not None and claim.of.label.lower() in {"isis", "islamic state"}


def test_percent_unit(nlp: Language) -> None:
    [claim] = claims_of(nlp, "Officials said 70 percent of the refugees had returned.")
    assert (claim.count, claim.unit, claim.counted) == (70, Unit.PERCENT, C.REFUGEES)


# --- the seeds ------------------------------------------------------------------------------


def seed_text(prefix: str) -> str:
    """A seed's text with markdown links reduced to their words."""
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", path.read_text(encoding="utf-8"))


def seed_claims(nlp: Language, prefix: str) -> list[CountClaim]:
    return claims_of(nlp, seed_text(prefix))


def find(claims: list[CountClaim], count: int, counted: Counted) -> CountClaim:
    matches = [c for c in claims if c.count == count and c.counted is counted]
    assert matches, [(c.count, c.counted, c.evidence[0].text) for c in claims]
    return matches[0]


def claimant(claim: CountClaim) -> str:
    assert claim.attribution is not None and claim.attribution.claimant is not None
    return claim.attribution.claimant.label.lower()


def test_seed_000(nlp: Language) -> None:
    claims = seed_claims(nlp, "000")
    killed = find(claims, 300, C.FIGHTERS)
    assert (killed.qualifier, killed.outcome) == (Q.MORE_THAN, OUT.KILLED)
    assert killed.of is not None and "is" in killed.of.label.lower()
    assert "defen" in claimant(killed) or "mod" in claimant(killed)
    assert "300 ISIS fighters" in killed.evidence[0].text
    assert killed.evidence[1].kind == "sentence"
    strikes = find(claims, 64, C.AIRSTRIKES)
    assert strikes.qualifier is Q.EXACT
    assert not [c for c in claims if c.count == 64 and c.counted is C.FIGHTERS]
    conducted = find(claims, 4000, C.FIGHTERS)  # "Reports suggest … 4000 ISIS fighters"
    assert conducted.attribution is not None and conducted.attribution.unnamed


def test_seed_001(nlp: Language) -> None:
    claims = seed_claims(nlp, "001")
    around = find(claims, 4000, C.FIGHTERS)
    assert around.qualifier is Q.APPROXIMATELY
    assert claimant(around).startswith("rt")


def test_seed_002_has_no_fighter_count(nlp: Language) -> None:
    assert not [c for c in seed_claims(nlp, "002") if c.counted is C.FIGHTERS]


def test_seed_003(nlp: Language) -> None:
    claims = seed_claims(nlp, "003")
    total = find(claims, 4000, C.FIGHTERS)
    assert total.qualifier is Q.MORE_THAN
    assert "syrian" in claimant(total)
    evacuated = find(claims, 80, C.RESIDENTS)
    assert (evacuated.unit, evacuated.outcome, evacuated.qualifier) == (
        Unit.PERCENT,
        OUT.EVACUATED,
        Q.APPROXIMATELY,
    )
    assert "barazi" in claimant(evacuated) or "governor" in claimant(evacuated)
    killed = find(claims, 300, C.FIGHTERS)  # "killed more than 300 militants"
    assert (killed.qualifier, killed.outcome) == (Q.MORE_THAN, OUT.KILLED)
    assert not [c for c in claims if c.count == 220]


def test_seed_004(nlp: Language) -> None:
    claims = seed_claims(nlp, "004")
    killed = find(claims, 300, C.FIGHTERS)
    assert (killed.qualifier, killed.outcome) == (Q.AT_MOST, OUT.KILLED)
    assert "defen" in claimant(killed) or "mod" in claimant(killed)
    assert killed.evidence[0].text == "killing up to 300 jihadists"
    moved = find(claims, 5000, C.FIGHTERS)
    assert (moved.qualifier, moved.outcome) == (Q.AT_MOST, OUT.TRANSFERRED)
    over = [c for c in claims if c.count == 4000 and c.qualifier is Q.MORE_THAN]
    assert over and over[0].counted is C.FIGHTERS
    assert "reconciliation" in claimant(over[0])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "At least 48 people dead over 100 injured after a truck bomb exploded near a checkpoint.",
            [(48, OUT.KILLED), (100, OUT.WOUNDED)],
        ),
        (
            "At least 14 people were killed 25 were wounded in a suicide attack on a wedding.",
            [(14, OUT.KILLED), (25, OUT.WOUNDED)],
        ),
        ("One Killed Others Injured in Terrorist Attacks in Damascus", [(1, OUT.KILLED)]),
        ("Terrorist Attack on Damascus kill 5 injure 50", [(5, OUT.KILLED), (50, OUT.WOUNDED)]),
        ("The ministry said the initial toll also included 55 injured.", [(55, OUT.WOUNDED)]),
    ],
)
def test_the_participle_right_after_a_number_says_what_happened(
    nlp: Language, text: str, expected: list[tuple[int, Outcome]]
) -> None:
    assert [(c.count, c.outcome) for c in claims_of(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "vague"),
    [
        ("Dozens of civilians were killed in the strikes.", True),
        ("Hundreds of fighters were wounded.", True),
        ("About 70 rebels were killed.", False),
        ("At least 16 civilians were killed.", False),
    ],
)
def test_vague_amounts_are_marked(nlp: Language, text: str, vague: bool) -> None:
    assert [c.vague for c in claims_of(nlp, text)] == [vague]


def test_a_count_keeps_the_date_its_sentence_gives(nlp: Language) -> None:
    from datetime import date

    from kg.records import Precision

    text = "In May more than 60 civilians were killed by barrel bomb attacks on the town."
    doc = nlp(text)
    article = Article(id="t", text=text, date_published=date(2015, 7, 16))
    [claim] = count_claims(doc, article, tuple(mentions(doc)), ())
    assert claim.when is not None
    assert (claim.when.value, claim.when.precision) == (date(2015, 5, 1), Precision.MONTH)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Observatory reported the airstrikes with an initial death toll of 47.", [(47, True)]),
        ("The Britain-based watchdog had earlier reported 12 dead in the strikes.", [(12, True)]),
        ("An earlier death toll from the strike reported 15 people were killed.", [(15, True)]),
        (
            "The attack killed 32 rebels, the Observatory said, updating an earlier toll of 15.",
            [(32, False), (15, True)],
        ),
        ("The first strike killed 12 people.", [(12, False)]),
    ],
)
def test_superseded_tolls(nlp: Language, text: str, expected: list[tuple[int, bool]]) -> None:
    assert [(c.count, c.superseded) for c in claims_of(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Another 27 people were killed in Syrian and Russian raids.", [(27, True)]),
        ("Five more civilians were killed in the town of Sabqa.", [(5, True)]),
        (
            "Ten civilians were killed on the bus and 21 others died in the strikes.",
            [(10, False), (21, True)],
        ),
        ("More than 50 civilians were killed in Aleppo.", [(50, False)]),
        ("Twenty or more fighters were killed.", [(20, False)]),
        # a part of a total the text gives
        (
            "At least 30 people died. The toll included two people killed by rocket fire on"
            " Sunday.",
            [(30, False), (2, True)],
        ),
        ("The toll includes ten children.", [(10, False)]),
        (
            "Another 327 civilians including 126 children have been killed in Aleppo province.",
            [(327, True), (126, True)],
        ),
        ("At least 11 civilians including three children were killed.", [(11, False), (3, False)]),
    ],
)
def test_additional_counts(nlp: Language, text: str, expected: list[tuple[int, bool]]) -> None:
    assert [(c.count, c.additional) for c in claims_of(nlp, text)] == expected
