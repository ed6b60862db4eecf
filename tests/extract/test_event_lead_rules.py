"""Round-3 event rules, each on a hand-built parse with hand-made mentions: the second
news sentence makes a headline "attack" precise; "X said it did" names X; "a missile
fired by X" names X; a mention past the lead does not place an unplaced event.
Each test names the rule it covers; switched off, the rule fails its test."""

from __future__ import annotations

from kg.records import EntityKind, EventKind
from tests.extract.handbuilt import mention, parse, read

K = EventKind
E = EntityKind


def test_the_second_news_sentence_makes_an_attack_precise() -> None:
    """rule "attack-precise-in-second-sentence": "Attacks hit Aleppo" + "The victims were
    civilians." + "Jets bombed the city.": the first sentence names no kind, the second
    says it was an air strike."""
    doc = parse("""
        Attacks attack NOUN NNS nsubj 1
        hit hit VERB VBD ROOT 1
        Aleppo Aleppo PROPN NNP dobj 1
        ---
        The the DET DT det 5
        victims victim NOUN NNS nsubj 6
        were be AUX VBD ROOT 6
        civilians civilian NOUN NNS attr 6
        . . PUNCT . punct 6
        Jets jet NOUN NNS nsubj 10
        bombed bomb VERB VBD ROOT 10
        the the DET DT det 12
        city city NOUN NN dobj 10
        . . PUNCT . punct 10
    """)
    found = read(doc, [mention(doc, 2, 3, E.SETTLEMENT)], headline="Attacks hit Aleppo")
    assert [e.kind for e in found if e.main] == [K.AIRSTRIKE]


def test_the_first_news_sentence_comes_before_the_second() -> None:
    """ "Attacks hit Aleppo" + "Rebels fired shells at Aleppo." + "A car bomb exploded.":
    the first sentence says how; the second's bombing is another event."""
    doc = parse("""
        Attacks attack NOUN NNS nsubj 1
        hit hit VERB VBD ROOT 1
        Aleppo Aleppo PROPN NNP dobj 1
        ---
        Rebels rebel NOUN NNS nsubj 5
        fired fire VERB VBD ROOT 5
        shells shell NOUN NNS dobj 5
        at at ADP IN prep 5
        Aleppo Aleppo PROPN NNP pobj 7
        . . PUNCT . punct 5
        A a DET DT det 13
        car car NOUN NN compound 13
        bomb bomb NOUN NN nsubj 14
        exploded explode VERB VBD ROOT 14
        . . PUNCT . punct 14
    """)
    places = [mention(doc, i, i + 1, E.SETTLEMENT) for i in (2, 8)]
    found = read(doc, places, headline="Attacks hit Aleppo")
    assert [e.kind for e in found if e.main] == [K.SHELLING]


def test_who_said_it_did_it() -> None:
    """rule "said-it-did": "ISIS said it shelled the town": "it" is ISIS."""
    doc = parse("""
        Update update NOUN NN ROOT 0
        ---
        ISIS ISIS PROPN NNP nsubj 3
        said say VERB VBD ROOT 3
        it it PRON PRP nsubj 5
        shelled shell VERB VBD ccomp 3
        the the DET DT det 7
        town town NOUN NN dobj 5
    """)
    found = read(doc, [mention(doc, 2, 3, E.ACTOR, E.ARMED_GROUP)])
    assert [e.actor and e.actor.label for e in found if e.kind is K.SHELLING] == ["ISIS"]


def test_who_said_they_would_never_do_it_is_no_actor() -> None:
    """ "The army said they would never use gas": a denial names nobody."""
    doc = parse("""
        Update update NOUN NN ROOT 0
        ---
        The the DET DT det 3
        army army NOUN NN nsubj 4
        said say VERB VBD ROOT 4
        they they PRON PRP nsubj 8
        would would AUX MD aux 8
        never never ADV RB neg 8
        use use VERB VB ccomp 4
        gas gas NOUN NN dobj 8
    """)
    found = read(doc, [mention(doc, 2, 4, E.ACTOR, E.ARMED_GROUP)])
    assert [e.actor for e in found if e.kind is K.CHEMICAL_ATTACK] == [None]


def test_who_fired_the_missile() -> None:
    """rule "fired-by": "A missile fired by Syrian forces hit Aleppo": the forces fired."""
    doc = parse("""
        Update update NOUN NN ROOT 0
        ---
        A a DET DT det 3
        missile missile NOUN NN nsubj 8
        fired fire VERB VBN acl 3
        by by ADP IN agent 4
        Syrian Syrian ADJ JJ amod 7
        forces force NOUN NNS pobj 5
        hit hit VERB VBD ROOT 8
        Aleppo Aleppo PROPN NNP dobj 8
    """)
    found = read(doc, [mention(doc, 9, 10, E.SETTLEMENT)])
    assert [e.actor and e.actor.label for e in found if e.kind is K.SHELLING] == ["Syrian forces"]


def test_who_fired_is_read_from_the_agents_own_phrase() -> None:
    """ "Shells fired by terrorists on the Public Park killed five": the terrorists fired,
    not the park the parse hangs on them."""
    doc = parse("""
        Update update NOUN NN ROOT 0
        ---
        Shells shell NOUN NNS nsubj 10
        fired fire VERB VBN acl 2
        by by ADP IN agent 3
        terrorists terrorist NOUN NNS pobj 4
        on on ADP IN prep 5
        the the DET DT det 9
        Public Public PROPN NNP compound 9
        Park Park PROPN NNP pobj 6
        killed kill VERB VBD ROOT 10
        five five NUM CD dobj 10
    """)
    park = mention(doc, 8, 10, E.ACTOR, known=False)
    found = read(doc, [park])
    assert [e.actor and e.actor.label for e in found if e.kind is K.SHELLING] == ["terrorists"]


def test_a_mention_past_the_lead_does_not_place_an_unplaced_event() -> None:
    """rule "lead-places-unplaced": "Airstrikes hit civilians" + three sentences +
    "Airstrikes hit Idlib": one strike record, but Idlib, past the lead, may be another
    strike's place; the headline's stays unplaced."""
    doc = parse("""
        Airstrikes airstrike NOUN NNS nsubj 1
        hit hit VERB VBD ROOT 1
        civilians civilian NOUN NNS dobj 1
        ---
        It it PRON PRP nsubj 5
        rained rain VERB VBD ROOT 5
        . . PUNCT . punct 5
        It it PRON PRP nsubj 8
        rained rain VERB VBD ROOT 8
        . . PUNCT . punct 8
        It it PRON PRP nsubj 11
        rained rain VERB VBD ROOT 11
        . . PUNCT . punct 11
        Airstrikes airstrike NOUN NNS nsubj 14
        hit hit VERB VBD ROOT 14
        Idlib Idlib PROPN NNP dobj 14
    """)
    found = read(doc, [mention(doc, 15, 16, E.SETTLEMENT)])
    assert [(e.main, e.place) for e in found] == [(True, None)]


def test_who_repelled_the_attack() -> None:
    """rule "repelled-attack": "The army repelled an attack by terrorists on Kobani.": the
    fighting reported is the army's, not the attackers'."""
    doc = parse("""
        Update update NOUN NN ROOT 0
        ---
        The the DET DT det 3
        army army NOUN NN nsubj 4
        repelled repel VERB VBD ROOT 4
        an an DET DT det 6
        attack attack NOUN NN dobj 4
        by by ADP IN prep 6
        terrorists terrorist NOUN NNS pobj 7
        on on ADP IN prep 6
        Kobani Kobani PROPN NNP pobj 9
        . . PUNCT . punct 4
    """)
    found = read(doc, [mention(doc, 10, 11, E.SETTLEMENT)])
    assert [(e.kind, e.actor and e.actor.label) for e in found] == [(K.ATTACK, "army")]


def test_who_repelled_the_attack_in_a_title_case_headline() -> None:
    """rule "repelled-attack": "Syrian Army Frustrates Terrorist Attack on Qalamoun" (the
    verb parsed as a name): the army fought the attack off."""
    doc = parse("""
        Syrian Syrian ADJ JJ compound 1
        Army Army PROPN NNP compound 4
        Frustrates Frustrates PROPN NNP compound 4
        Terrorist Terrorist PROPN NNP compound 4
        Attack Attack PROPN NNP ROOT 4
        on on ADP IN prep 4
        Qalamoun Qalamoun PROPN NNP pobj 5
    """)
    mentions = [mention(doc, 0, 2, E.ACTOR, E.ARMED_GROUP), mention(doc, 6, 7, E.REGION)]
    headline = "Syrian Army Frustrates Terrorist Attack on Qalamoun"
    found = read(doc, mentions, headline=headline)
    assert [(e.kind, e.actor and e.actor.label) for e in found] == [(K.ATTACK, "Syrian Army")]


def test_the_force_words_that_repelled_the_attack() -> None:
    """rule "repelled-attack": "Syrian Forces Foil Raid on Castello": no name before the
    verb, the force words are who fought the raid off."""
    doc = parse("""
        Syrian Syrian PROPN NNP compound 3 ent=NORP
        Forces Forces PROPN NNP compound 3
        Foil Foil PROPN NNP compound 3
        Attack Attack PROPN NNP ROOT 3
        on on ADP IN prep 3
        Castello Castello PROPN NNP pobj 4
    """)
    found = read(
        doc, [mention(doc, 5, 6, E.SETTLEMENT)], headline="Syrian Forces Foil Attack on Castello"
    )
    assert [(e.kind, e.actor and e.actor.label) for e in found] == [(K.ATTACK, "Syrian Forces")]


def test_the_troops_who_repelled_the_attack() -> None:
    """rule "repelled-attack": "Troops who repelled an attack on Kobani were praised.":
    "who" is the troops."""
    doc = parse("""
        Update update NOUN NN ROOT 0
        ---
        Troops troop NOUN NNS nsubjpass 9
        who who PRON WP nsubj 4
        repelled repel VERB VBD relcl 2
        an an DET DT det 6
        attack attack NOUN NN dobj 4
        on on ADP IN prep 6
        Kobani Kobani PROPN NNP pobj 7
        were be AUX VBD auxpass 9
        praised praise VERB VBN ROOT 9
        . . PUNCT . punct 9
    """)
    found = read(doc, [mention(doc, 8, 9, E.SETTLEMENT)])
    assert [(e.kind, e.actor and e.actor.label) for e in found] == [(K.ATTACK, "Troops")]


def test_who_repelled_the_attack_in_the_passive() -> None:
    """rule "repelled-attack": "An attack by terrorists on Kobani was repelled by the
    army.": the army, read from the passive's agent."""
    doc = parse("""
        Update update NOUN NN ROOT 0
        ---
        An an DET DT det 3
        attack attack NOUN NN nsubjpass 9
        by by ADP IN prep 3
        terrorists terrorist NOUN NNS pobj 4
        on on ADP IN prep 3
        Kobani Kobani PROPN NNP pobj 6
        was be AUX VBD auxpass 9
        repelled repel VERB VBN ROOT 9
        by by ADP IN agent 9
        the the DET DT det 12
        army army NOUN NN pobj 10
        . . PUNCT . punct 9
    """)
    found = read(doc, [mention(doc, 7, 8, E.SETTLEMENT)])
    assert [(e.kind, e.actor and e.actor.label) for e in found] == [(K.ATTACK, "army")]


def test_an_attack_that_killed_is_not_the_repellers() -> None:
    """rule "repelled-attack" does not apply: "The army repelled an attack by terrorists
    that killed five civilians.": the attack killed, so the toll is not the army's."""
    doc = parse("""
        Update update NOUN NN ROOT 0
        ---
        The the DET DT det 3
        army army NOUN NN nsubj 4
        repelled repel VERB VBD ROOT 4
        an an DET DT det 6
        attack attack NOUN NN dobj 4
        by by ADP IN prep 6
        terrorists terrorist NOUN NNS pobj 7
        that that PRON WDT nsubj 10
        killed kill VERB VBD relcl 6
        five five NUM CD nummod 12
        civilians civilian NOUN NNS dobj 10
        . . PUNCT . punct 4
    """)
    found = read(doc, [])
    assert all(e.actor is None or e.actor.label != "army" for e in found)
    assert any(e.kind is K.ATTACK for e in found)


def test_a_thwarted_bombing_is_not_the_thwarters_bombing() -> None:
    """rule "repelled-attack" does not apply: "Security forces thwarted a car bomb attack
    in Homs.": a device thwarted is no bombing by who thwarted it."""
    doc = parse("""
        Update update NOUN NN ROOT 0
        ---
        Security security NOUN NN compound 3
        forces force NOUN NNS nsubj 4
        thwarted thwart VERB VBD ROOT 4
        a a DET DT det 8
        car car NOUN NN compound 7
        bomb bomb NOUN NN compound 8
        attack attack NOUN NN dobj 4
        in in ADP IN prep 8
        Homs Homs PROPN NNP pobj 9
        . . PUNCT . punct 4
    """)
    found = read(doc, [mention(doc, 10, 11, E.SETTLEMENT)])
    assert found and all(e.kind is not K.ATTACK for e in found)
    assert all(e.actor is None or "forces" not in e.actor.label for e in found)


def test_what_the_news_came_a_day_after_is_not_the_news() -> None:
    """rule "days-after-is-earlier": "Civilians killed near Damascus" + "Air strikes killed
    30 civilians a day after the execution of a pilot.": the strikes are the news, the
    execution an earlier incident, though executions outrank strikes as news."""
    doc = parse("""
        Civilians civilian NOUN NNS nsubjpass 1
        killed kill VERB VBN ROOT 1
        near near ADP IN prep 1
        Damascus Damascus PROPN NNP pobj 2
        ---
        Air air NOUN NN compound 6
        strikes strike NOUN NNS nsubj 7
        killed kill VERB VBD ROOT 7
        30 30 NUM CD nummod 9
        civilians civilian NOUN NNS dobj 7
        a a DET DT det 11
        day day NOUN NN npadvmod 12
        after after ADP IN prep 7
        the the DET DT det 14
        execution execution NOUN NN pobj 12
        of of ADP IN prep 14
        a a DET DT det 17
        pilot pilot NOUN NN pobj 15
        . . PUNCT . punct 7
    """)
    found = read(doc, [mention(doc, 3, 4, E.SETTLEMENT)], headline="Civilians killed near Damascus")
    assert [e.kind for e in found if e.main] == [K.AIRSTRIKE]
