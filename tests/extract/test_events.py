"""Events read off the real parse: kinds, actors, places, origins, dates, main event;
and the FA-KES scoring functions of bench/eval_fakes.py."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from kg.extract.entities import mentions as entity_mentions
from kg.extract.events import events
from kg.records import Article, Event, EventKind, Precision

K = EventKind
REPO = Path(__file__).resolve().parents[2]


def read(nlp: Language, text: str, published: date | None = None, headline: str = "") -> list[Event]:
    article = Article(id="t", text=text, headline=headline, date_published=published)
    doc = nlp(text)
    return list(events(doc, article, tuple(entity_mentions(doc))))


def only(found: list[Event], kind: EventKind) -> Event:
    matching = [e for e in found if e.kind is kind]
    assert len(matching) == 1, [(e.kind, e.evidence[0].text) for e in found]
    return matching[0]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A car bomb exploded near a checkpoint in Azaz.", K.BOMBING),
        ("Government warplanes carried out airstrikes on Douma.", K.AIRSTRIKE),
        ("Rebels fired mortar shells at residential districts of Aleppo.", K.SHELLING),
        ("Dozens died in a suspected chemical attack on Khan Sheikhoun.", K.CHEMICAL_ATTACK),
        ("A man was shot dead by a sniper in Daraa.", K.SHOOTING),
        ("The militants beheaded two men in Raqqa.", K.EXECUTION),
        ("Hundreds of residents were evacuated from eastern Aleppo.", K.EVACUATION),
        ("Rebels captured the town of Morek after heavy fighting.", K.CAPTURE),
        ("The army withdrew from the town.", K.WITHDRAWAL),
        ("ISIS launched an offensive against government positions near Palmyra.", K.ATTACK),
    ],
)
def test_trigger_kinds(nlp: Language, text: str, kind: EventKind) -> None:
    assert kind in {e.kind for e in read(nlp, text)}


def test_gas_field_is_not_a_chemical_attack(nlp: Language) -> None:
    found = read(nlp, "The army controls the oil and gas fields of Jazal and al-Shaer.")
    assert K.CHEMICAL_ATTACK not in {e.kind for e in found}


def test_seed_002_dated_offensive_near_palmyra(nlp: Language) -> None:
    text = ("On December 8 ISIS terrorists launched multiple offensives against Syrian "
            "government forces near Palmyra.")  # fmt: skip
    attack = only(read(nlp, text, date(2016, 12, 9)), K.ATTACK)
    assert attack.actor is not None and "is" in attack.actor.label.lower()
    assert attack.place is not None and attack.place.label == "Palmyra"
    assert attack.when is not None and attack.when.value == date(2016, 12, 8)
    for span in attack.evidence:
        assert text[span.start : span.end] == span.text


def test_seed_001_offensive_beaten_back_overnight_saturday(nlp: Language) -> None:
    text = ("According to Tass and other reports, an ISIS offensive against Palmyra was beaten "
            "back overnight Saturday by Syrian and Russian forces.")  # fmt: skip
    attack = only(read(nlp, text, date(2016, 12, 12)), K.ATTACK)
    assert attack.actor is not None and "syrian" not in attack.actor.label.lower()
    assert attack.when is not None and attack.when.value == date(2016, 12, 10)


def test_seed_004_seized_in_2015_and_liberated_in_march(nlp: Language) -> None:
    text = ("Palmyra was seized by IS in 2015, however in March this year Syrian government "
            "forces, backed by Russian air support, managed to liberate the city.")  # fmt: skip
    captures = [e for e in read(nlp, text, date(2016, 12, 11)) if e.kind is K.CAPTURE]
    stamps = {(e.when.value, e.when.precision) for e in captures if e.when}
    assert (date(2015, 1, 1), Precision.YEAR) in stamps
    assert (date(2016, 3, 1), Precision.MONTH) in stamps
    assert len(captures) == 2  # two captures, two dates: not merged


def test_seed_003_capture_on_december_11(nlp: Language) -> None:
    text = ("On December 11, the terrorists pushed the government troops and took control "
            "over central Palmyra.")  # fmt: skip
    capture = only(read(nlp, text, date(2016, 12, 14)), K.CAPTURE)
    assert capture.when is not None and capture.when.value == date(2016, 12, 11)


def test_troop_movement_origins(nlp: Language) -> None:
    text = "Besides, terrorists seem to have arrived from Deir Ezzor and Iraq's Mosul."
    movement = only(read(nlp, text), K.TROOP_MOVEMENT)
    labels = {o.label for o in movement.origins}
    assert any("Mosul" in label for label in labels)
    assert any("Deir" in label for label in labels)
    assert not any(label == "Iraq" for label in labels)  # a qualifier of Mosul


def test_no_date_invented(nlp: Language) -> None:
    found = read(nlp, "A car bomb exploded in Azaz.", date(2016, 12, 12))
    assert all(e.when is None for e in found)


def test_one_main_event_from_the_headline(nlp: Language) -> None:
    headline = "18 Militants Killed in Car Bomb Blast in Quneitra"
    text = (f"{headline}\n\nAt least 18 militants have been killed in a car bomb explosion in "
            "the village of Asheh. Warplanes later struck the area.")  # fmt: skip
    found = read(nlp, text, date(2016, 3, 2), headline)
    mains = [e for e in found if e.main]
    assert len(mains) == 1 and mains[0].kind is K.BOMBING


@pytest.mark.parametrize(
    ("text", "origins", "destination"),
    [
        # the parser hangs "from …" on the destination; the origin is still read
        ("“IS has dispatched a considerable force to Palmyra from the area of Raqqa.”",
         {"Raqqa"}, "Palmyra"),
        ("Intelligence spotted a transfer of up to 5,000 IS-militants to the areas of Raqqa "
         "and Deyr ez Zor from Mosul, Iraq.", {"Mosul"}, "Raqqa"),
        ("The terrorists have received considerable reinforcement, including heavy military "
         "hardware from the regions of Raqqa and Deir ez-Zor.", {"Raqqa", "Deir ez-Zor"}, None),
    ],
)
def test_troop_movement_origins_in_the_phrase(
    nlp: Language, text: str, origins: set[str], destination: str | None
) -> None:
    movement = only(read(nlp, text), K.TROOP_MOVEMENT)
    assert {o.label for o in movement.origins} == origins
    if destination is not None:
        assert movement.place is not None and movement.place.label == destination


def test_a_backer_is_neither_mover_nor_destination(nlp: Language) -> None:
    text = ("Thousands of fighters transferred from Mosul with US support are involved in "
            "fighting, along with large numbers from Raqqa.")  # fmt: skip
    movement = only(read(nlp, text), K.TROOP_MOVEMENT)
    assert {o.label for o in movement.origins} == {"Mosul"}
    for ref in (movement.actor, movement.place):
        assert ref is None or ref.label not in ("United States", "Raqqa")


def test_seizing_goods_is_no_capture(nlp: Language) -> None:
    found = read(nlp, "Rebels seized weapons and ammunition near Hama.")
    assert K.CAPTURE not in {e.kind for e in found}


def test_title_case_headline_subject(nlp: Language) -> None:
    headline = "Islamic State Forces (ISIS-Daesh) Retake Historic City of Palmyra"
    text = f"{headline}\n\nThe city fell on Sunday."
    capture = only(read(nlp, text, date(2016, 12, 12), headline), K.CAPTURE)
    assert capture.actor is not None and capture.actor.label == "Islamic State"
    assert capture.place is not None and capture.place.label == "Palmyra"


def test_headline_offensive_stays_main_beside_the_weapons_used(nlp: Language) -> None:
    headline = "ISIS Launches Large-Scale Offensive in Palmyra"
    text = (f"{headline}\n\nOn December 8 ISIS terrorists launched multiple offensives "
            "near Palmyra. ISIS used a high number of car bombs.")  # fmt: skip
    found = read(nlp, text, date(2016, 12, 9), headline)
    main = next(e for e in found if e.main)
    assert main.kind is K.ATTACK
    assert main.when is not None and main.when.value == date(2016, 12, 8)  # kept by the merge


def test_the_city_is_the_city_named_before(nlp: Language) -> None:
    text = ("Jihadists gained footholds in the northern districts of Palmyra. Amaq claims "
            "the jihadists in fact seized the city.")  # fmt: skip
    capture = only(read(nlp, text), K.CAPTURE)
    assert capture.place is not None and capture.place.label == "Palmyra"
    assert capture.attribution is not None and capture.attribution.claimant is not None
    assert "Amaq" in capture.attribution.claimant.label


def test_a_specific_place_beats_a_country_actor(nlp: Language) -> None:
    headline = "Regime Russia air strikes kill 39 in Idlib"
    found = read(nlp, f"{headline}\n\nDozens were injured.", headline=headline)
    strike = only(found, K.AIRSTRIKE)
    assert strike.place is not None and "Idlib" in strike.place.label


def test_killer_subject_is_the_actor_of_the_means(nlp: Language) -> None:
    text = "The Syrian army killed 18 ISIL commanders in air raids on their strongholds."
    strike = only(read(nlp, text), K.AIRSTRIKE)
    assert strike.actor is not None and "army" in strike.actor.label.lower()


# --- bench scoring --------------------------------------------------------------------------
def _bench():  # the bench is a script, not a package: load it by path
    spec = importlib.util.spec_from_file_location("eval_fakes", REPO / "bench" / "eval_fakes.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_fakes"] = module
    spec.loader.exec_module(module)
    return module


def test_scoring_functions() -> None:
    bench = _bench()
    labels = bench.Labels("aleppo", bench.UNKNOWN, "shelling", 16, 4, 3, 0)
    right = bench.Prediction("aleppo", None, "shelling", (16, 5))
    wrong = bench.Prediction("idlib", bench.ISIS, "explosion", (7,))
    assert bench.governorate_right(right, labels) and not bench.governorate_right(wrong, labels)
    assert bench.side_right(right, labels) and not bench.side_right(wrong, labels)
    assert bench.cause_right(right, labels) and not bench.cause_right(wrong, labels)
    assert bench.killed_recall_hit(right, labels) is True
    assert bench.killed_matches(right, labels) == (1, 2)
    scores = bench.score([(right, labels), (wrong, labels)])
    assert scores.governorate == 0.5 and scores.killed_recall == 0.5
    assert scores.killed_precision == pytest.approx(1 / 3)


def test_side_table() -> None:
    bench = _bench()
    assert bench.side_of_words("Syrian regime forces") == bench.GOVERNMENT
    assert bench.side_of_words("Islamic State") == bench.ISIS
    assert bench.side_of_words("US-led coalition") == bench.COALITION
    assert bench.side_of_words("Jabhat al-Nusra") == bench.NUSRA
    assert bench.side_of_words("Syrian Democratic Forces") == bench.KURDS
    assert bench.side_of_words("Free Syrian Army") == bench.OPPOSITION
    assert bench.side_of_words("gunmen") is None


def test_air_side_prior() -> None:
    bench = _bench()
    assert bench.air_side(K.AIRSTRIKE, "Air strikes kill 11 in Idlib") == bench.GOVERNMENT
    assert bench.air_side(K.AIRSTRIKE, "US-led strikes kill 35 jihadists") == bench.COALITION
    assert bench.air_side(K.BOMBING, "A car bomb killed 5") is None


@pytest.mark.parametrize(
    ("text", "actor_words"),
    [
        ("Forces loyal to the regime executed 48 people in the village of Ratyan.", "loyal to the regime"),
        ("Syrian tanks shelled the central city of Hama on Monday, killing four civilians.", "Syrian tanks"),
    ],
)
def test_generic_actor_keeps_the_words_that_say_whose_it_is(nlp, text: str, actor_words: str) -> None:
    from kg.extract import analyse
    from kg.records import Article

    analysis = analyse(nlp(text), Article(id="t", text=text, headline=""))
    actors = [event.actor.label for event in analysis.events if event.actor is not None]
    assert any(actor_words in label for label in actors), actors
