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
from kg.records import Article, Event, EventKind, Precision, TimeStamp

K = EventKind
REPO = Path(__file__).resolve().parents[2]


def read(
    nlp: Language, text: str, published: date | None = None, headline: str = ""
) -> list[Event]:
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


def test_clashes_that_kill_are_a_shooting_where_they_were(nlp: Language) -> None:
    """Ground fighting that kills is the event ("fighting-kills"), placed where it was."""
    text = "Clashes between rival rebel groups killed 20 fighters in Idlib province on Monday."
    shooting = only(read(nlp, text, date(2016, 5, 3)), K.SHOOTING)
    assert shooting.main
    assert shooting.place is not None and "idlib" in shooting.place.label.lower()


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
        (
            "“IS has dispatched a considerable force to Palmyra from the area of Raqqa.”",
            {"Raqqa"},
            "Palmyra",
        ),
        (
            "Intelligence spotted a transfer of up to 5,000 IS-militants to the areas of Raqqa "
            "and Deyr ez Zor from Mosul, Iraq.",
            {"Mosul"},
            "Raqqa",
        ),
        (
            "The terrorists have received considerable reinforcement, including heavy military "
            "hardware from the regions of Raqqa and Deir ez-Zor.",
            {"Raqqa", "Deir ez-Zor"},
            None,
        ),
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


def test_every_side_but_turkey_and_israel_has_a_fakes_label() -> None:
    """The scorer reads sides from the graph; each maps to one FA-KES actor label."""
    from kg.records import Side

    bench = _bench()
    assert set(bench.SIDE_LABELS) == {side.value for side in Side} - {"SideTurkey", "SideIsrael"}
    assert len(set(bench.SIDE_LABELS.values())) == len(bench.SIDE_LABELS)


def test_past_counts_are_told_from_the_news() -> None:
    from kg.extract.dates import before_the_news

    published = date(2016, 7, 16)
    assert before_the_news(TimeStamp(date(2016, 5, 1), Precision.MONTH), published)
    assert not before_the_news(TimeStamp(date(2016, 7, 1), Precision.MONTH), published)
    assert before_the_news(TimeStamp(date(2013, 1, 1), Precision.YEAR), published)
    assert not before_the_news(TimeStamp(date(2016, 7, 9), Precision.DAY), published)
    assert before_the_news(TimeStamp(date(2016, 5, 9), Precision.DAY), published)
    assert not before_the_news(None, published)


@pytest.mark.parametrize(
    ("text", "actor_words"),
    [
        (
            "Forces loyal to the regime executed 48 people in the village of Ratyan.",
            "loyal to the regime",
        ),
        (
            "Syrian tanks shelled the central city of Hama on Monday, killing four civilians.",
            "Syrian tanks",
        ),
    ],
)
def test_generic_actor_keeps_the_words_that_say_whose_it_is(
    nlp, text: str, actor_words: str
) -> None:
    """The event reader keeps the words; in an article about Syria they are the Syrian army."""
    from kg.extract import analyse
    from kg.extract.entities import mentions as entity_mentions
    from kg.extract.events import events as read_events
    from kg.records import Article

    doc, article = nlp(text), Article(id="t", text=text, headline="")
    found = read_events(doc, article, tuple(entity_mentions(doc)))
    actors = [event.actor.label for event in found if event.actor is not None]
    assert any(actor_words in label for label in actors), actors
    resolved = [event.actor.key for event in analyse(doc, article).events if event.actor]
    assert "syrian-arab-army" in resolved, resolved


# --- killings, blame, locators, other clauses, main-event folding ---------------------------
@pytest.mark.parametrize(
    ("text", "actor_words"),
    [
        ("The Syrian army killed 40 militants near the town of Morek.", "army"),
        ("Kurdish forces killed 17 Turkish soldiers in the north of the country.", "Kurdish"),
        ("Twenty fighters were killed by the Syrian army near Aleppo.", "army"),
    ],
)
def test_a_killing_is_an_attack_by_the_killer(nlp: Language, text: str, actor_words: str) -> None:
    attack = only(read(nlp, text), K.ATTACK)
    assert attack.actor is not None and actor_words.lower() in attack.actor.label.lower()


@pytest.mark.parametrize(
    "text",
    [
        "Air strikes killed 12 people in Aleppo.",  # the strikes are the event
        "A car bomb killed 26 people in eastern Syria.",  # a weapon, not a killer
        "It killed 20 people.",  # nobody named
    ],
)
def test_no_killing_attack_without_a_killer(nlp: Language, text: str) -> None:
    assert K.ATTACK not in {e.kind for e in read(nlp, text)}


def test_blamed_on_names_the_actor(nlp: Language) -> None:
    text = "A car bombing blamed on Daesh killed at least 26 displaced people on Friday."
    bombing = only(read(nlp, text), K.BOMBING)
    assert bombing.actor is not None and bombing.actor.label == "Islamic State"


def test_shelling_by_names_the_actor(nlp: Language) -> None:
    text = ("Five people were killed and many more injured in mortar shelling by ISIS "
            "militants on the regime-held parts of the city on Wednesday.")  # fmt: skip
    shelling = only(read(nlp, text), K.SHELLING)
    assert shelling.actor is not None and shelling.actor.label == "Islamic State"


def test_the_country_of_the_scene_is_no_actor(nlp: Language) -> None:
    headline = "Syria rebels shell Aleppo neighbourhood"
    shelling = only(read(nlp, f"{headline}\n\nNo one was hurt.", headline=headline), K.SHELLING)
    assert shelling.actor is not None and shelling.actor.label.lower() == "rebels"


def test_a_group_in_a_country_is_not_the_country(nlp: Language) -> None:
    text = "A jihadist group in Syria has publicly executed nine men in the town of Deir Hafer."
    execution = only(read(nlp, text), K.EXECUTION)
    assert execution.actor is None or execution.actor.key != "syria"


def test_a_foreign_state_striking_stays_the_actor(nlp: Language) -> None:
    headline = "US strikes kill 50 Qaeda fighters in Syria"
    strike = only(read(nlp, f"{headline}\n\nThe monitor said.", headline=headline), K.AIRSTRIKE)
    assert strike.actor is not None and strike.actor.key == "united-states"


def test_allegiance_is_not_a_place(nlp: Language) -> None:
    text = ("The troops loyal to Damascus established control over the abovementioned "
            "villages following the clashes.")  # fmt: skip
    capture = only(read(nlp, text), K.CAPTURE)
    assert capture.place is None or capture.place.label != "Damascus"


def test_a_place_of_an_earlier_event_is_not_this_ones(nlp: Language) -> None:
    text = ("The assault on Division 17 comes less than two weeks after IS killed 270 "
            "security guards during an assault on a gas field in Homs.")  # fmt: skip
    first = min((e for e in read(nlp, text) if e.kind is K.ATTACK),
                key=lambda e: e.evidence[0].start)  # fmt: skip
    assert first.place is None or first.place.label != "Homs"


def test_related_news_does_not_place_the_headline_event(nlp: Language) -> None:
    headline = "Car bomb attack kills at least 26 in Syria"
    text = (f"{headline}\n\nA car bombing killed at least 26 displaced people in eastern "
            "Syria on Friday. The toll could rise. Many were wounded. Medics said more "
            "help was needed.\n\nRelated News: a car bomb exploded in Daraa.")  # fmt: skip
    found = read(nlp, text, date(2017, 5, 6), headline)
    main = next(e for e in found if e.main)
    assert main.place is None or main.place.label != "Daraa"


def test_a_background_event_is_not_the_news(nlp: Language) -> None:
    headline = "Al-Nusra commander killed in Latakia"
    text = (f"{headline}\n\nIn March 2013 the town was attacked by militants. The Syrian "
            "army killed the commander in clashes in Latakia province on Sunday.")  # fmt: skip
    main = next(e for e in read(nlp, text, date(2015, 10, 5), headline) if e.main)
    assert main.when is None or main.when.value.year == 2015


def test_the_headline_killing_and_the_body_weapon_are_one_main_event(nlp: Language) -> None:
    headline = "Turkish military kills 14 Daesh terrorists in Syria"
    text = (f"{headline}\n\nAccording to a Turkish General Staff statement, artillery fire "
            "hit Daesh targets near al-Bab on Monday.")  # fmt: skip
    found = read(nlp, text, date(2016, 9, 6), headline)
    mains = [e for e in found if e.main]
    assert len(mains) == 1 and mains[0].kind is K.SHELLING
    assert mains[0].actor is not None and "Turkish" in mains[0].actor.label
    assert any(span.text.startswith("Turkish military kills") for span in mains[0].evidence)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Russian jets destroyed a Daesh training centre near Mayadin.", K.AIRSTRIKE),
        ("The Syrian Air Force targeted ISIS positions in Deir ez-Zor.", K.AIRSTRIKE),
        ("Coalition planes targeted water wells in the village of Qasr.", K.AIRSTRIKE),
        ("Army artillery targeted militant positions near Morek.", K.SHELLING),
        ("Government troops attacked rebel positions near Morek.", K.ATTACK),
    ],
)
def test_the_attackers_weapon_says_the_kind(nlp: Language, text: str, kind: EventKind) -> None:
    found = read(nlp, text)
    assert kind in {e.kind for e in found}, [(e.kind, e.actor) for e in found]
    assert not (kind is not K.ATTACK and K.ATTACK in {e.kind for e in found})
