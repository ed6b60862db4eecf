"""Sides of the war: generic actors resolved in context, sides read or inferred (no spaCy)."""

from __future__ import annotations

import pytest

from kg.extract.sides import (
    ACCUSED,
    ARTICLE_LOCATION,
    BOMBARDMENT_FROM_THE_AIR,
    CHEMICAL_FROM_THE_AIR,
    CLAIMED_RESPONSIBILITY,
    UNNAMED_AIR_STRIKE,
    resolve_actor,
    side_of,
    with_sides,
)
from kg.nlp.gazetteer import load_gazetteer
from kg.records import EntityKind, EntityRef, Event, EventKind, Mention, Side, Span

GAZETTEER = load_gazetteer()


def known(key: str) -> EntityRef:
    entry = GAZETTEER.get(key)
    assert entry is not None
    return EntityRef(entry.key, entry.label, entry.kinds, known=True)


def new(label: str) -> EntityRef:
    return EntityRef(label.lower().replace(" ", "-"), label, (EntityKind.ACTOR,))


def mention(ref: EntityRef, at: int) -> Mention:
    return Mention(ref, Span(at, at + len(ref.label), ref.label, "mention"))


def event(kind: EventKind, actor: EntityRef | None = None, **fields: object) -> Event:
    return Event(kind, (Span(0, 4, "kill", "trigger"),), actor=actor, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("words", "in_syria", "key"),
    [
        ("the army", True, "syrian-arab-army"),
        ("regime forces", True, "syrian-arab-army"),
        ("government troops", True, "syrian-arab-army"),
        ("pro-government forces", True, "syrian-arab-army"),
        ("Syrian troops", True, "syrian-arab-army"),
        ("loyalists", True, "syrian-arab-army"),
        ("forces loyal to President Bashar al-Assad", True, "syrian-arab-army"),
        ("Syrian tanks", True, "syrian-arab-army"),
        ("army troops", True, "syrian-arab-army"),
        ("the regimes forces", True, "syrian-arab-army"),  # "regime's", apostrophe lost
        ("the regimes", True, "syrian-government"),
        ("regimes warplanes", True, "syrian-air-force"),
        ("the regime", True, "syrian-government"),
        ("regime helicopters", True, "syrian-air-force"),
        ("Assad's air force", True, "syrian-air-force"),
        ("Russian warplanes", False, "russian-aerospace-forces"),
        ("Russian aircrafts", True, "russian-aerospace-forces"),
        ("coalition jets", False, "us-led-coalition"),
        ("Turkish", False, "turkish-armed-forces"),
        ("Israeli jets", False, "israel-defense-forces"),
    ],
)
def test_generic_words_resolve_to_the_actor_they_denote(
    words: str, in_syria: bool, key: str
) -> None:
    assert resolve_actor(new(words), in_syria, GAZETTEER).key == key


@pytest.mark.parametrize("words", ["the army", "government forces", "the regime", "loyalists"])
def test_the_army_is_syrias_only_in_an_article_about_syria(words: str) -> None:
    assert not resolve_actor(new(words), False, GAZETTEER).known


@pytest.mark.parametrize(
    ("label", "side"),
    [
        ("rebels", Side.OPPOSITION),
        ("opposition fighters", Side.OPPOSITION),
        ("insurgents", Side.OPPOSITION),
        ("Kurdish fighters", Side.KURDISH_LED),
        ("Syrian Kurdish rebels", Side.KURDISH_LED),
        ("ISIS militants", Side.ISLAMIC_STATE),
        ("Nusra terrorists", Side.NUSRA_HTS),
        ("Turkish-backed rebels", Side.TURKEY),
        ("Coalitions", Side.COALITION),
        ("a new rebel coalition", Side.OPPOSITION),
        ("the Syrian Opposition coalition", Side.OPPOSITION),
        ("pro-regime militia", Side.GOVERNMENT),
        ("terrorists", None),
        ("gunmen", None),
        ("warplanes", None),
    ],
)
def test_words_that_say_a_side(label: str, side: Side | None) -> None:
    assert side_of(new(label), GAZETTEER) is side


@pytest.mark.parametrize(
    ("key", "side"),
    [
        ("islamic-state", Side.ISLAMIC_STATE),
        ("hayat-tahrir-al-sham", Side.NUSRA_HTS),
        ("hezbollah", Side.GOVERNMENT),
        ("russian-aerospace-forces", Side.GOVERNMENT),
        ("ypg", Side.KURDISH_LED),
        ("free-syrian-army", Side.OPPOSITION),
        ("us-led-coalition", Side.COALITION),
        ("turkish-armed-forces", Side.TURKEY),
        ("israel-defense-forces", Side.ISRAEL),
        ("sana", None),
    ],
)
def test_known_actors_carry_their_gazetteer_side(key: str, side: Side | None) -> None:
    assert side_of(known(key), GAZETTEER) is side


def test_every_armed_group_in_the_gazetteer_has_a_side() -> None:
    armed = [e.key for e in GAZETTEER if EntityKind.ARMED_GROUP in e.kinds]
    assert len(armed) >= 30
    assert [key for key in armed if GAZETTEER.get(key).side is None] == []  # type: ignore[union-attr]


def _sides(events: list[Event], lead: str, mentions: list[Mention] | None = None,
           focus: EntityRef | None = None) -> list[Event]:  # fmt: skip
    syria = mention(known("syria"), 0)
    return list(with_sides(events, [syria, *(mentions or [])], lead, len(lead), focus))


def test_an_unnamed_air_strike_gets_an_inferred_side() -> None:
    """ "Air raid kills 19 in Idlib": only states flew; no coalition talk → the government."""
    (strike,) = _sides([event(EventKind.AIRSTRIKE)], "Syria: air raid kills 19 in Idlib")
    assert strike.side is Side.GOVERNMENT and strike.inferred == (UNNAMED_AIR_STRIKE,)


def test_an_unnamed_air_strike_where_the_lead_speaks_of_the_coalition() -> None:
    lead = "Syria: air strikes by the US-led coalition killed 12 near Raqqa"
    (strike,) = _sides([event(EventKind.AIRSTRIKE, new("warplanes"))], lead)
    assert strike.side is Side.COALITION and strike.inferred == (UNNAMED_AIR_STRIKE,)


@pytest.mark.parametrize(
    "text",
    [
        "Air strikes hit a market in Idlib. It was not clear who carried out the strikes.",
        "Raids kill 12 in Aleppo. The monitor said it was unclear who had carried out the raid.",
        "Strike on clinic kills 5. It is still not known who was behind the strike.",
    ],
)
def test_no_side_is_inferred_where_the_article_says_nobody_knows_who_struck(text: str) -> None:
    """ "It was not clear who carried out the Idlib strikes": the article itself says the
    striker is unknown, so no side is inferred for the unnamed air strike."""
    lead = text.split(". ")[0]
    syria = mention(known("syria"), 0)
    (strike,) = with_sides([event(EventKind.AIRSTRIKE)], [syria], lead, len(lead), None, text)
    assert strike.side is None and strike.inferred == ()


def test_unclear_which_of_two_air_forces_still_infers() -> None:
    """ "unclear whether the strikes were carried out by Syrian or Russian warplanes":
    the striker is one of the states that flew, not unknown."""
    text = ("Air strikes kill 12 in Aleppo. It was unclear whether the strikes were carried "
            "out by Syrian government or Russian warplanes.")  # fmt: skip
    lead = text.split(". ")[0]
    syria = mention(known("syria"), 0)
    (strike,) = with_sides([event(EventKind.AIRSTRIKE)], [syria], lead, len(lead), None, text)
    assert strike.side is Side.GOVERNMENT and strike.inferred == (UNNAMED_AIR_STRIKE,)


def test_the_syrian_coalition_is_no_talk_of_the_us_led_one() -> None:
    """ "The Syrian Coalition condemned the air strike": the opposition's coalition."""
    lead = "Syria: the Syrian Coalition condemned the air strike on Azaz"
    (strike,) = _sides([event(EventKind.AIRSTRIKE)], lead)
    assert strike.side is Side.GOVERNMENT and strike.inferred == (UNNAMED_AIR_STRIKE,)


def test_the_coalition_after_the_syrian_coalition_is_the_syrian_one() -> None:
    """ "The Syrian Coalition condemned the air strike … the Coalition said": the same."""
    lead = "Syria: the Syrian Coalition condemned the air strike on Azaz. The Coalition said 5 died"
    (strike,) = _sides([event(EventKind.AIRSTRIKE)], lead)
    assert strike.side is Side.GOVERNMENT and strike.inferred == (UNNAMED_AIR_STRIKE,)


def test_the_us_led_coalition_beside_the_syrian_one() -> None:
    """ "The Syrian Coalition blamed the US-led coalition's air strike": the US-led one."""
    lead = "Syria: the Syrian Coalition blamed the air strike on Raqqa on the US-led coalition"
    (strike,) = _sides([event(EventKind.AIRSTRIKE)], lead)
    assert strike.side is Side.COALITION and strike.inferred == (UNNAMED_AIR_STRIKE,)


def test_warplanes_are_the_air_force_the_lead_names() -> None:
    lead = "Syria: Russian Aerospace Forces strike ISIS; warplanes hit 30 targets"
    force = known("russian-aerospace-forces")
    (strike,) = _sides([event(EventKind.AIRSTRIKE, new("warplanes"))], lead, [mention(force, 7)])
    assert strike.actor == force and strike.side is Side.GOVERNMENT and strike.inferred == ()


def test_no_side_is_inferred_for_other_unnamed_events() -> None:
    """A chemical attack whose actor the text does not name stays without a side."""
    (attack,) = _sides([event(EventKind.CHEMICAL_ATTACK)], "Syria: gas attack kills 58")
    assert attack.side is None and attack.inferred == ()


def _bombardment(words: str) -> Event:
    return Event(EventKind.SHELLING, (Span(0, len(words), words, "sentence"),))


@pytest.mark.parametrize(
    ("words", "lead"),
    [
        ("135 Civilians Killed in Escalating Bombardment on Idlib",
         "Syria: 135 civilians were killed in airstrikes and barrel bomb attacks on Idlib."),
        ("Mother and child killed in east Aleppo bombardment",
         "Syria: a mother and her child died after an aerial bomb hit their home in Aleppo."),
    ],
)  # fmt: skip
def test_a_bombardment_from_the_air_gets_an_inferred_side(words: str, lead: str) -> None:
    """ "Escalating Bombardment on Idlib" + "killed in airstrikes": the bombardment came
    from the air, the state's that flew, as for an unnamed air strike."""
    (attack,) = _sides([_bombardment(words)], f"{words}. {lead}")
    assert attack.side is Side.GOVERNMENT and attack.inferred == (BOMBARDMENT_FROM_THE_AIR,)


@pytest.mark.parametrize(
    ("words", "lead"),
    [
        # the bombardment not told from the air: shells, rockets, mortars
        ("Bombardment of Aleppo kills 8", "Syria: rockets and mortar shells hit Aleppo."),
        # from the air, but a shelling in other words
        ("Shelling kills 8 in Aleppo", "Syria: shelling and air strikes hit Aleppo."),
    ],
)
def test_no_bombardment_inference_without_the_air(words: str, lead: str) -> None:
    (attack,) = _sides([_bombardment(words)], f"{words}. {lead}")
    assert attack.side is None and attack.inferred == ()


def test_a_named_bombardment_is_read_not_inferred() -> None:
    """ "rebel bombardment of government-held districts" + "air strikes": the rebels'."""
    words = "rebel bombardment of government-held districts"
    shelling = Event(EventKind.SHELLING, (Span(0, len(words), words, "sentence"),),
                     actor=new("rebels"))  # fmt: skip
    (attack,) = _sides([shelling], f"Syria: air strikes and {words}")
    assert attack.side is Side.OPPOSITION and attack.inferred == ()


@pytest.mark.parametrize(
    "lead",
    [
        "Gas attack kills 72. At least 72 were killed in an airstrike that released toxic gas.",
        "Chlorine attack in Aleppo. Gas believed to be chlorine was dropped alongside barrel "
        "bombs on a neighbourhood.",
        "Syria: warplanes targeted Khan Sheikhoun with sarin, a doctor said.",
    ],
)
def test_a_chemical_attack_from_the_air_gets_an_inferred_side(lead: str) -> None:
    """Only the Syrian state flew over Syria and held chemical weapons: flagged."""
    (attack,) = _sides([event(EventKind.CHEMICAL_ATTACK)], lead)
    assert attack.side is Side.GOVERNMENT and attack.inferred == (CHEMICAL_FROM_THE_AIR,)


@pytest.mark.parametrize(
    "lead",
    [
        # the weapon and the aircraft in different sentences: not one account of delivery
        "Gas attack kills 58 in Idlib. Warplanes later struck the town's hospital.",
        # the coalition spoken of: no inference
        "Syria: chlorine dropped on Raqqa, activists say; the US-led coalition denies a role.",
        # aircraft, but no chemical weapon in their sentence
        "Syria: a car bomb killed 12; helicopters dropped leaflets.",
    ],
)
def test_no_chemical_inference_without_delivery_from_the_air(lead: str) -> None:
    (attack,) = _sides([event(EventKind.CHEMICAL_ATTACK)], lead)
    assert attack.side is None and attack.inferred == ()


def test_a_named_chemical_attacker_is_read_not_inferred() -> None:
    lead = "Syria: IS fired shells filled with chlorine gas, dropped from the hills"
    (attack,) = _sides([event(EventKind.CHEMICAL_ATTACK, known("islamic-state"))], lead)
    assert attack.side is Side.ISLAMIC_STATE and attack.inferred == ()


def test_a_read_side_is_not_flagged_as_inferred() -> None:
    (attack,) = _sides([event(EventKind.SHELLING, new("regime forces"))], "Syria: shelling")
    assert attack.actor is not None and attack.actor.key == "syrian-arab-army"
    assert attack.side is Side.GOVERNMENT and attack.inferred == ()


def _accused(text: str, actor: EntityRef | None = None, main: bool = True) -> Event:
    lead = text.split(". ")[0]
    syria = mention(known("syria"), 0)
    attack = event(EventKind.CHEMICAL_ATTACK, actor, main=main)
    (found,) = with_sides([attack], [syria], lead, len(lead), None, text)
    return found


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Syria gas kills hundreds. The opposition accused government forces of gassing "
         "hundreds of people on Wednesday.", Side.GOVERNMENT),
        ("Chemical attack in Idlib draws condemnation. The White House blamed the attack on "
         "the regime, saying it cannot be ignored.", Side.GOVERNMENT),
        ("Inspectors to visit Syria attack sites. The government and its ally Russia have "
         "blamed Syrian rebels for the attack.", Side.OPPOSITION),
        ("1300 killed in Ghouta. Activists said planes flew over the area, accusing the "
         "forces loyal to President Bashar al-Assad of using chemical agents.", Side.GOVERNMENT),
    ],
)  # fmt: skip
def test_the_side_the_article_accuses(text: str, side: Side) -> None:
    """rule side:accused-of-the-attack: "X accused Y of gassing", "X blamed the attack on
    Y", "X blamed Y for the attack": Y's side, flagged."""
    attack = _accused(text)
    assert attack.side is side and attack.inferred == (ACCUSED,)


@pytest.mark.parametrize(
    "text",
    [
        # two sides accused: a dispute, no reading
        "Gas attack kills 20. The opposition blamed the attack on the regime. Moscow blamed "
        "Syrian rebels for the attack.",
        # a denial accuses nobody
        "Gas attack kills 20. The government denied blaming the attack on the rebels.",
        # the accused has no side: "terrorists" is every party's word for its enemies
        "Shells kill 5. Officials blamed the attack on terrorists, the regime's term for "
        "rebels.",
        # an accusation past the news, in the background of earlier attacks
        "Gas attack kills 20. " + "Aid arrived. " * 25 + "HRW has accused the regime of "
        "conducting eight chemical attacks.",
    ],
)  # fmt: skip
def test_no_accused_side(text: str) -> None:
    attack = _accused(text)
    assert attack.side is None and attack.inferred == ()


def test_an_accusation_does_not_override_a_named_armed_actor() -> None:
    """ "a chemical attack by Takfiri militants … militants accused government forces of
    carrying out the attack": the text's own actor stands, a rival claim adds no side."""
    militants = EntityRef("takfiri-militants", "Takfiri militants",
                          (EntityKind.ACTOR, EntityKind.ARMED_GROUP))  # fmt: skip
    text = "Gas attack by Takfiri militants. Militants accused government forces of carrying "
    attack = _accused(text + "out the attack.", militants)
    assert attack.side is None and attack.inferred == ()


def test_only_the_main_event_takes_an_accused_side() -> None:
    text = "Gas attack kills 20. The opposition blamed the attack on the regime."
    assert _accused(text, main=False).side is None


def test_the_main_event_placed_only_in_a_country_takes_the_articles_place() -> None:
    aleppo = known("aleppo")
    main = event(EventKind.SHELLING, main=True, place=known("syria"))
    other = event(EventKind.SHELLING, place=known("syria"))
    placed, unplaced = _sides([main, other], "Syria: shelling", focus=aleppo)
    assert placed.place == aleppo and ARTICLE_LOCATION in placed.inferred
    assert unplaced.place is not None and unplaced.place.key == "syria"


def test_a_main_event_placed_in_a_governorate_keeps_its_place() -> None:
    main = event(EventKind.SHELLING, main=True, place=known("douma"))
    (placed,) = _sides([main], "Syria: shelling", focus=known("aleppo"))
    assert placed.place is not None and placed.place.key == "douma" and placed.inferred == ()


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Suicide bomber kills 16 in Hasakah. The Islamic State group claimed responsibility "
         "for the attack, which it said targeted Kurdish forces.", None),
        ("Car bomb kills 20 near a shrine. Terrorist organisation DAESH claimed responsibility "
         "via its news arm.", None),
        ("Blast kills 30 rebels. The Islamic State (ISIS) terrorist group on Monday claimed "
         "responsibility for a suicide bombing near the border.", new("suicide bomber")),
    ],
)  # fmt: skip
def test_the_side_that_claimed_the_attack(text: str, actor: EntityRef | None) -> None:
    """rule side:claimed-responsibility: "The Islamic State group claimed responsibility
    for the attack": the claimer's side for a main event with no named actor."""
    attack = _claimed(text, actor)
    assert attack.side is Side.ISLAMIC_STATE and attack.inferred == (CLAIMED_RESPONSIBILITY,)


@pytest.mark.parametrize(
    "text",
    [
        # a claim denied or left open
        "Car bomb kills 18. No one has so far claimed responsibility for the blast.",
        "Bombing kills 30. There was no immediate claim of responsibility for the attack.",
        # a claim the article only hedges
        "Shells kill 2. The Tahrir al-Sham militants reportedly claimed responsibility.",
        # a claimer with no side named
        "Blast kills 5. A previously unknown group claimed responsibility for the attack.",
        # two sides claim: no reading
        "Blast kills 5. ISIS claimed responsibility. The Nusra Front claimed responsibility.",
    ],
)  # fmt: skip
def test_no_claimed_side(text: str) -> None:
    attack = _claimed(text)
    assert attack.side is None and attack.inferred == ()


def test_a_claim_does_not_override_a_named_actor() -> None:
    """ "Rebels bomb a checkpoint … ISIS claimed responsibility": the text's own actor and
    its side stand."""
    attack = _claimed("Rebels bomb checkpoint. ISIS claimed responsibility.", new("Rebels"))
    assert attack.side is Side.OPPOSITION and attack.inferred == ()


def test_a_claim_comes_before_an_accusation() -> None:
    """The perpetrator's own word outweighs another party's accusation."""
    text = ("Blast kills 9. The government blamed the attack on rebels. The Islamic State "
            "claimed responsibility for the bombing.")  # fmt: skip
    attack = _claimed(text)
    assert attack.side is Side.ISLAMIC_STATE and attack.inferred == (CLAIMED_RESPONSIBILITY,)


def _claimed(text: str, actor: EntityRef | None = None) -> Event:
    lead = text.split(". ")[0]
    syria = mention(known("syria"), 0)
    attack = event(EventKind.BOMBING, actor, main=True)
    (found,) = with_sides([attack], [syria], lead, len(lead), None, text)
    return found
