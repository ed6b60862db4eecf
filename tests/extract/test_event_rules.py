"""Trigger rules, each on a hand-built parse (words, lemmas, tags, heads, deps): a
failure here is a broken rule, not a model that parses differently.  Every rule of
``kg.extract.events.rules.RULES`` has a test here, in ``test_event_argument_rules.py``,
``test_event_headline_rules.py`` or ``test_event_lead_rules.py`` that fails with the rule
switched off (``bench/rule_ablation.py`` checks it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.events.rules import RULES
from kg.records import EventKind
from tests.extract.handbuilt import found_in, kinds_of, parse

K = EventKind
HERE = Path(__file__).resolve().parent


def test_every_rule_has_a_test() -> None:
    """Each rule is named in a test of this folder (its own test says which)."""
    tests = "".join(
        (HERE / name).read_text()
        for name in (
            "test_event_rules.py",
            "test_event_argument_rules.py",
            "test_event_headline_rules.py",
            "test_event_lead_rules.py",
            "test_unlisted_places.py",
            "test_headline_tolls.py",
        )
    )
    untested = [name for name in RULES if f'"{name}"' not in tests.replace(
        "test_every_rule_has_a_test", "")]  # fmt: skip
    assert not untested


# --- verbs ---------------------------------------------------------------------------


def test_take_over_is_a_capture() -> None:
    """rule "take-over": "IS took over Morek"."""
    doc = parse("""
        IS IS PROPN NNP nsubj 1
        took take VERB VBD ROOT 1
        over over ADP RP prt 1
        Morek Morek PROPN NNP dobj 1
    """)
    assert kinds_of(doc) == [("took", K.CAPTURE)]


def test_take_control_is_a_capture() -> None:
    """rule "take-control": "Rebels took control of Morek"."""
    doc = parse("""
        Rebels rebel NOUN NNS nsubj 1
        took take VERB VBD ROOT 1
        control control NOUN NN dobj 1
        of of ADP IN prep 2
        Morek Morek PROPN NNP pobj 3
    """)
    assert kinds_of(doc) == [("took", K.CAPTURE)]


def test_opening_fire_is_a_shooting() -> None:
    """rule "open-fire": "Gunmen opened fire"."""
    doc = parse("""
        Gunmen gunman NOUN NNS nsubj 1
        opened open VERB VBD ROOT 1
        fire fire NOUN NN dobj 1
    """)
    assert ("opened", K.SHOOTING) in kinds_of(doc)


def test_blowing_needs_up() -> None:
    """rule "blow-needs-up": "the wind blew the tent" is no bombing; "blew up a car" is."""
    wind = parse("""
        The the DET DT det 1
        wind wind NOUN NN nsubj 2
        blew blow VERB VBD ROOT 2
        the the DET DT det 4
        tent tent NOUN NN dobj 2
    """)
    assert kinds_of(wind) == []
    car = parse("""
        They they PRON PRP nsubj 1
        blew blow VERB VBD ROOT 1
        up up ADP RP prt 1
        a a DET DT det 4
        car car NOUN NN dobj 1
    """)
    assert kinds_of(car) == [("blew", K.BOMBING)]


def test_a_killing_by_a_killer_is_an_attack() -> None:
    """rule "killing-by-killer": "The army killed 20 militants"."""
    doc = parse("""
        The the DET DT det 1
        army army NOUN NN nsubj 2
        killed kill VERB VBD ROOT 2
        20 20 NUM CD nummod 4
        militants militant NOUN NNS dobj 2
    """)
    assert kinds_of(doc) == [("killed", K.ATTACK)]


def test_a_weapon_that_kills_is_no_killer() -> None:
    """rule "weapon-subject": "Airstrikes killed 20 people" is the strikes, no attack by them."""
    doc = parse("""
        Airstrikes airstrike NOUN NNS nsubj 1
        killed kill VERB VBD ROOT 1
        20 20 NUM CD nummod 3
        people people NOUN NNS dobj 1
    """)
    assert kinds_of(doc) == [("Airstrikes", K.AIRSTRIKE)]


def test_a_weapon_modified_subject_is_no_killer() -> None:
    """rule "weapon-modified-subject": "A suicide vest killed 26" (the vest, no killer)."""
    doc = parse("""
        A a DET DT det 2
        suicide suicide NOUN NN compound 2
        vest vest NOUN NN nsubj 3
        killed kill VERB VBD ROOT 3
        26 26 NUM CD dobj 3
    """)
    assert kinds_of(doc) == []


def test_fighting_that_kills_is_the_event() -> None:
    """rule "fighting-kills": "Rebel infighting killed 45 fighters" is ground fighting,
    the event itself, not a killer."""
    doc = parse("""
        Rebel rebel NOUN NN compound 1
        infighting infighting NOUN NN nsubj 2
        killed kill VERB VBD ROOT 2
        45 45 NUM CD nummod 4
        fighters fighter NOUN NNS dobj 2
    """)
    assert kinds_of(doc) == [("infighting", K.SHOOTING)]


def test_negated_verbs_report_nothing() -> None:
    """rule "negated": "The army did not attack"."""
    doc = parse("""
        The the DET DT det 1
        army army NOUN NN nsubj 4
        did do AUX VBD aux 4
        not not PART RB neg 4
        attack attack VERB VB ROOT 4
    """)
    assert kinds_of(doc) == []


def test_hypothetical_verbs_report_nothing() -> None:
    """rule "hypothetical": "The army will attack"."""
    doc = parse("""
        The the DET DT det 1
        army army NOUN NN nsubj 3
        will will AUX MD aux 3
        attack attack VERB VB ROOT 3
    """)
    assert kinds_of(doc) == []


def test_sending_moves_troops_only_with_forces() -> None:
    """rule "loose-movement": "They sent a letter" is no troop movement; "sent fighters" is."""
    letter = parse("""
        They they PRON PRP nsubj 1
        sent send VERB VBD ROOT 1
        a a DET DT det 3
        letter letter NOUN NN dobj 1
    """)
    assert kinds_of(letter) == []
    fighters = parse("""
        They they PRON PRP nsubj 1
        sent send VERB VBD ROOT 1
        fighters fighter NOUN NNS dobj 1
    """)
    assert kinds_of(fighters) == [("sent", K.TROOP_MOVEMENT)]


def test_seizing_goods_is_no_capture() -> None:
    """rule "goods-not-ground": "Rebels seized weapons"."""
    doc = parse("""
        Rebels rebel NOUN NNS nsubj 1
        seized seize VERB VBD ROOT 1
        weapons weapon NOUN NNS dobj 1
    """)
    assert kinds_of(doc) == []


def test_an_attempted_capture_is_an_attack() -> None:
    """rule "attempted-capture": "Rebels tried to capture Morek"."""
    doc = parse("""
        Rebels rebel NOUN NNS nsubj 1
        tried try VERB VBD ROOT 1
        to to PART TO aux 3
        capture capture VERB VB xcomp 1
        Morek Morek PROPN NNP dobj 3
    """)
    assert kinds_of(doc) == [("capture", K.ATTACK)]


# --- nouns ---------------------------------------------------------------------------


def test_a_title_case_verb_in_a_headline() -> None:
    """rule "headline-verb": "ISIS Retake Palmyra", "Retake" parsed as a name."""
    doc = parse("""
        ISIS ISIS PROPN NNP compound 2
        Retake Retake PROPN NNP compound 2
        Palmyra Palmyra PROPN NNP ROOT 2
    """)
    assert kinds_of(doc) == [("Retake", K.CAPTURE)]


def test_fire_needs_what_fired_it() -> None:
    """rule "fire-with-weapon": "artillery fire" is shelling; "the fire spread" nothing."""
    artillery = parse("""
        Artillery artillery NOUN NN compound 1
        fire fire NOUN NN nsubj 2
        hit hit VERB VBD ROOT 2
        Douma Douma PROPN NNP dobj 2
    """)
    assert kinds_of(artillery) == [("fire", K.SHELLING)]
    blaze = parse("""
        The the DET DT det 1
        fire fire NOUN NN nsubj 2
        spread spread VERB VBD ROOT 2
    """)
    assert kinds_of(blaze) == []


def test_one_trigger_per_compound() -> None:
    """rule "compound-of-trigger": "a mortar shell hit" is one shelling, the head."""
    doc = parse("""
        A a DET DT det 2
        mortar mortar NOUN NN compound 2
        shell shell NOUN NN nsubj 3
        hit hit VERB VBD ROOT 3
        Douma Douma PROPN NNP dobj 3
    """)
    assert kinds_of(doc) == [("shell", K.SHELLING)]


def test_airstrike_spellings() -> None:
    """rule "airstrike-spellings": "air-strikes" lemmatized as it stands."""
    doc = parse("""
        Air-strikes air-strike NOUN NNS nsubj 1
        hit hit VERB VBD ROOT 1
        Douma Douma PROPN NNP dobj 1
    """)
    assert kinds_of(doc) == [("Air-strikes", K.AIRSTRIKE)]


def test_chemicals_as_an_object_are_the_attack() -> None:
    """rule "chemical-as-object": "They attacked Douma with chemicals"."""
    doc = parse("""
        They they PRON PRP nsubj 1
        attacked attack VERB VBD ROOT 1
        Douma Douma PROPN NNP dobj 1
        with with ADP IN prep 1
        chemicals chemical NOUN NNS pobj 3
    """)
    assert ("chemicals", K.CHEMICAL_ATTACK) in kinds_of(doc)


def test_gas_masks_are_no_attack() -> None:
    """rule "gas-compound": "Residents wore gas masks" ("gas attack": the head triggers)."""
    doc = parse("""
        Residents resident NOUN NNS nsubj 1
        wore wear VERB VBD ROOT 1
        gas gas NOUN NN compound 3
        masks mask NOUN NNS dobj 1
    """)
    assert kinds_of(doc) == []


def test_gas_beside_oil_is_fuel() -> None:
    """rule "gas-economy": "Gas and oil flowed"."""
    doc = parse("""
        Gas gas NOUN NN nsubj 3
        and and CCONJ CC cc 0
        oil oil NOUN NN conj 0
        flowed flow VERB VBD ROOT 3
    """)
    assert kinds_of(doc) == []


def test_a_car_packed_with_explosives_is_no_blast() -> None:
    """rule "explosive-laden": "a car packed with explosives"."""
    doc = parse("""
        a a DET DT det 1
        car car NOUN NN ROOT 1
        packed pack VERB VBN acl 1
        with with ADP IN prep 2
        explosives explosive NOUN NNS pobj 3
    """)
    assert kinds_of(doc) == []


def test_explosive_rounds_are_shells_not_a_bomb() -> None:
    """rule "explosive-ammunition": "terrorists fired rocket shells and explosive rounds"."""
    doc = parse("""
        terrorists terrorist NOUN NNS nsubj 1
        fired fire VERB VBD ROOT 1
        rocket rocket NOUN NN compound 3
        shells shell NOUN NNS dobj 1
        and and CCONJ CC cc 3
        explosive explosive ADJ JJ amod 6
        rounds round NOUN NNS conj 3
    """)
    assert kinds_of(doc) == [("shells", K.SHELLING)]


def test_an_explosive_device_is_still_a_bomb() -> None:
    """ "an explosive device went off": not ammunition, a bombing."""
    doc = parse("""
        an an DET DT det 2
        explosive explosive ADJ JJ amod 2
        device device NOUN NN nsubj 3
        went go VERB VBD ROOT 3
        off off ADP RP prt 3
    """)
    assert kinds_of(doc) == [("explosive", K.BOMBING)]


def test_gunmen_killed_are_no_shooting() -> None:
    """rule "gunmen-not-acting": "the army killed 50 gunmen": the gunmen did not shoot."""
    doc = parse("""
        the the DET DT det 1
        army army NOUN NN nsubj 2
        killed kill VERB VBD ROOT 2
        50 50 NUM CD nummod 4
        gunmen gunman NOUN NNS dobj 2
    """)
    assert [kind for _, kind in kinds_of(doc)] == [K.ATTACK]


@pytest.mark.parametrize(
    "table",
    [
        # "gunmen stormed the checkpoint"
        """
        gunmen gunman NOUN NNS nsubj 1
        stormed storm VERB VBD ROOT 1
        the the DET DT det 3
        checkpoint checkpoint NOUN NN dobj 1
        """,
        # "a guard was shot by gunmen"
        """
        a a DET DT det 1
        guard guard NOUN NN nsubjpass 3
        was be AUX VBD auxpass 3
        wounded wound VERB VBN ROOT 3
        by by ADP IN agent 3
        gunmen gunman NOUN NNS pobj 4
        """,
    ],
)
def test_gunmen_who_act_are_a_shooting(table: str) -> None:
    """ "gunmen stormed", "wounded by gunmen": the gunmen acted."""
    assert ("gunmen", K.SHOOTING) in kinds_of(parse(table))


def test_a_named_agent_is_no_event_by_itself() -> None:
    """rule "sarin-modifier": "the sarin nerve agent" names an agent, no attack."""
    doc = parse("""
        the the DET DT det 3
        sarin sarin NOUN NN compound 3
        nerve nerve NOUN NN compound 3
        agent agent NOUN NN ROOT 3
    """)
    assert kinds_of(doc) == []


def test_a_bare_strike_is_no_air_strike() -> None:
    """rule "bare-strike": "Workers went on strike"; "strikes" (plural) are air strikes."""
    labour = parse("""
        Workers worker NOUN NNS nsubj 1
        went go VERB VBD ROOT 1
        on on ADP IN prep 1
        strike strike NOUN NN pobj 2
    """)
    assert kinds_of(labour) == []
    strikes = parse("""
        Strikes strike NOUN NNS nsubj 1
        hit hit VERB VBD ROOT 1
        Douma Douma PROPN NNP dobj 1
    """)
    assert kinds_of(strikes) == [("Strikes", K.AIRSTRIKE)]


def test_a_fall_is_a_capture_only_of_a_place() -> None:
    """rule "fall-of": "the fall of Palmyra"; not "a fall in prices"."""
    prices = parse("""
        a a DET DT det 1
        fall fall NOUN NN ROOT 1
        in in ADP IN prep 1
        prices price NOUN NNS pobj 2
    """)
    assert kinds_of(prices) == []
    palmyra = parse("""
        the the DET DT det 1
        fall fall NOUN NN ROOT 1
        of of ADP IN prep 1
        Palmyra Palmyra PROPN NNP pobj 2
    """)
    assert kinds_of(palmyra) == [("fall", K.CAPTURE)]


def test_a_transfer_moves_troops_only_with_forces() -> None:
    """rule "transfer-of-forces": "a transfer of funds", "the deployment of chemical
    weapons" are no troop movements; "the deployment of troops" is one."""
    doc = parse("""
        a a DET DT det 1
        transfer transfer NOUN NN ROOT 1
        of of ADP IN prep 1
        funds fund NOUN NNS pobj 2
    """)
    assert kinds_of(doc) == []
    for noun in ("weapons", "troops"):
        deployment = parse(f"""
            the the DET DT det 1
            deployment deployment NOUN NN ROOT 1
            of of ADP IN prep 1
            {noun} {noun[:-1]} NOUN NNS pobj 2
        """)
        movement = [("deployment", K.TROOP_MOVEMENT)] if noun == "troops" else []
        assert kinds_of(deployment) == movement


# --- refiners ------------------------------------------------------------------------


def test_twin_bombings_are_explosions() -> None:
    """rule "bombing-by-bomb-words": "twin bombings" (a bare "bombing" is from the air)."""
    doc = parse("""
        Twin twin ADJ JJ amod 1
        bombings bombing NOUN NNS nsubj 2
        hit hit VERB VBD ROOT 2
        Homs Homs PROPN NNP dobj 2
    """)
    assert kinds_of(doc) == [("bombings", K.BOMBING)]


def test_a_vacuum_bomb_is_dropped() -> None:
    """rule "dropped-bomb": "a vacuum bomb hit Douma" is an air strike."""
    doc = parse("""
        A a DET DT det 2
        vacuum vacuum NOUN NN compound 2
        bomb bomb NOUN NN nsubj 3
        hit hit VERB VBD ROOT 3
        Douma Douma PROPN NNP dobj 3
    """)
    assert kinds_of(doc) == [("bomb", K.AIRSTRIKE)]


def test_a_drone_missile_stays_a_shelling() -> None:
    """rule "launched-missile-stays-shelling": "a drone missile hit Douma"."""
    doc = parse("""
        A a DET DT det 2
        drone drone NOUN NN compound 2
        missile missile NOUN NN nsubj 3
        hit hit VERB VBD ROOT 3
        Douma Douma PROPN NNP dobj 3
    """)
    assert kinds_of(doc) == [("missile", K.SHELLING)]


def test_missiles_and_bombs_are_shelling() -> None:
    """rule "bomb-with-fired-munitions": "a camp hit with missiles and bombs": the bombs
    beside the missiles were fired or dropped, not planted."""
    doc = parse("""
        Camp camp NOUN NN nsubjpass 1
        hit hit VERB VBN ROOT 1
        with with ADP IN prep 1
        missiles missile NOUN NNS pobj 2
        and and CCONJ CC cc 3
        bombs bomb NOUN NNS conj 3
    """)
    assert kinds_of(doc) == [("missiles", K.SHELLING), ("bombs", K.SHELLING)]


def test_bomb_rockets_are_shelling() -> None:
    """rule "bomb-with-fired-munitions": "Bomb rockets kill 19" (not the bomb's explosion)."""
    doc = parse("""
        Bomb bomb NOUN NN compound 1
        rockets rocket NOUN NNS nsubj 2
        kill kill VERB VBP ROOT 2
        19 19 NUM CD dobj 2
    """)
    assert kinds_of(doc) == [("rockets", K.SHELLING)]


def test_car_bombs_and_rockets_stay_a_bombing() -> None:
    """A car bomb beside rockets was planted: an explosion."""
    doc = parse("""
        Car car NOUN NN compound 1
        bombs bomb NOUN NNS nsubj 4
        and and CCONJ CC cc 1
        rockets rocket NOUN NNS conj 1
        hit hit VERB VBD ROOT 4
        Homs Homs PROPN NNP dobj 4
    """)
    assert kinds_of(doc) == [("bombs", K.BOMBING), ("rockets", K.SHELLING)]


def test_a_counteroffensive_is_an_attack() -> None:
    """ "Heavy regime losses in IS's Raqqa counteroffensive", "insurgents counterattacked
    the town": the one-word spellings are attacks as "counter-offensive" is."""
    noun = parse("""
        regime regime NOUN NN compound 1
        losses loss NOUN NNS ROOT 1
        in in ADP IN prep 1
        Raqqa Raqqa PROPN NNP compound 4
        counteroffensive counteroffensive NOUN NN pobj 2
    """)
    verb = parse("""
        Insurgents insurgent NOUN NNS nsubj 1
        counterattacked counterattack VERB VBD ROOT 1
        the the DET DT det 3
        town town NOUN NN dobj 1
    """)
    assert kinds_of(noun) == [("counteroffensive", K.ATTACK)]
    assert kinds_of(verb) == [("counterattacked", K.ATTACK)]


# --- the registry --------------------------------------------------------------------


def test_a_rule_is_checked_when_added() -> None:
    """A rule needs a new name, the sentence it handles, and words something looks up."""
    from kg.extract.events.rules import rule

    def keep(token: object) -> bool:
        return True

    try:
        rule("test-only-rule", '"a sentence"', words={"attack"}, within={"attack"})(keep)
        with pytest.raises(ValueError, match="defined twice"):
            rule("test-only-rule", '"a sentence"')(keep)
        with pytest.raises(ValueError, match="which sentence"):
            rule("test-only-blank", " ")(keep)
        with pytest.raises(ValueError, match="never looked up"):
            rule("test-only-dead", '"a deployment"', words={"deployment"}, within={"transfer"})(
                keep
            )
    finally:
        for name in ("test-only-rule", "test-only-blank", "test-only-dead"):
            RULES.pop(name, None)


def test_using_chemical_weapons_is_a_chemical_attack() -> None:
    """rule "chemical-weapons-used": "The regime has used chemical weapons." reports a
    chemical attack by the regime; "The regime denied using chemical weapons." none."""
    used = parse("""
        The the DET DT det 1
        regime regime NOUN NN nsubj 3
        has have AUX VBZ aux 3
        used use VERB VBN ROOT 3
        chemical chemical ADJ JJ amod 5
        weapons weapon NOUN NNS dobj 3
        . . PUNCT . punct 3
    """)
    assert kinds_of(used) == [("weapons", K.CHEMICAL_ATTACK)]
    (found,) = found_in(used)
    assert found.actor is not None and found.actor.label == "regime"
    denied = parse("""
        The the DET DT det 1
        regime regime NOUN NN nsubj 2
        denied deny VERB VBD ROOT 2
        using use VERB VBG xcomp 2
        chemical chemical ADJ JJ amod 5
        weapons weapon NOUN NNS dobj 3
        . . PUNCT . punct 2
    """)
    assert kinds_of(denied) == []
