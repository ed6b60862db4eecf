"""Headline and killing rules, each on a hand-built parse with hand-made mentions: which
body sentence is the first news, whose killing a headline reports, who killed in clashes.
Each test names the rule it covers; switched off, the rule fails its test."""

from __future__ import annotations

from kg.extract.events.own_dead import dead_side
from kg.records import EntityKind, Event, EventKind, Side
from tests.extract.handbuilt import found_in, mention, parse, read

K = EventKind
E = EntityKind


def test_a_copy_of_the_headline_does_not_make_it_precise() -> None:
    """rule "repeated-headline": "Terrorist attacks hit Aleppo" + "12 May Terrorist attacks
    hit Aleppo SANA." + "The attacks came at dawn." + "Terrorists fired rocket shells at
    Aleppo.": the copy is no news sentence, so the shelling is within the two news
    sentences that may make the headline precise."""
    headline = "Terrorist attacks hit Aleppo"
    doc = parse("""
        Terrorist terrorist ADJ JJ amod 1
        attacks attack NOUN NNS nsubj 2
        hit hit VERB VBD ROOT 2
        Aleppo Aleppo PROPN NNP dobj 2
        ---
        12 12 NUM CD nummod 6
        May May PROPN NNP npadvmod 9
        Terrorist terrorist ADJ JJ amod 8
        attacks attack NOUN NNS nsubj 9
        hit hit VERB VBD ROOT 9
        Aleppo Aleppo PROPN NNP dobj 9
        SANA SANA PROPN NNP npadvmod 9
        . . PUNCT . punct 9
        The the DET DT det 14
        attacks attack NOUN NNS nsubj 15
        came come VERB VBD ROOT 15
        at at ADP IN prep 15
        dawn dawn NOUN NN pobj 16
        . . PUNCT . punct 15
        Terrorists terrorist NOUN NNS nsubj 20
        fired fire VERB VBD ROOT 20
        rocket rocket NOUN NN compound 22
        shells shell NOUN NNS dobj 20
        at at ADP IN prep 20
        Aleppo Aleppo PROPN NNP pobj 23
        . . PUNCT . punct 20
    """)
    places = [mention(doc, i, i + 1, E.SETTLEMENT) for i in (3, 10, 24)]
    found = read(doc, places, headline=headline)
    assert [e.kind for e in found if e.main] == [K.SHELLING]


def test_a_news_sentence_that_quotes_the_headline_still_counts() -> None:
    """ "Attacks hit Aleppo" + "Attacks hit Aleppo as jets bombed the old city on Monday
    morning": more than a copy, the body's first sentence makes the headline precise."""
    doc = parse("""
        Attacks attack NOUN NNS nsubj 1
        hit hit VERB VBD ROOT 1
        Aleppo Aleppo PROPN NNP dobj 1
        ---
        Attacks attack NOUN NNS nsubj 5
        hit hit VERB VBD ROOT 5
        Aleppo Aleppo PROPN NNP dobj 5
        as as SCONJ IN mark 9
        jets jet NOUN NNS nsubj 9
        bombed bomb VERB VBD advcl 5
        the the DET DT det 12
        old old ADJ JJ amod 12
        city city NOUN NN dobj 9
        on on ADP IN prep 9
        Monday Monday PROPN NNP pobj 13
        morning morning NOUN NN npadvmod 9
    """)
    found = read(doc, [mention(doc, i, i + 1, E.SETTLEMENT) for i in (2, 6)],
                 headline="Attacks hit Aleppo")  # fmt: skip
    assert [e.kind for e in found if e.main] == [K.AIRSTRIKE]


def test_an_outlet_tag_is_not_the_first_news_sentence() -> None:
    """rule "tag-not-news": "Terrorist attacks hit Aleppo" + "SANA" + "The attacks came at
    dawn." + "Terrorists fired rocket shells at Aleppo.": the tag is no news sentence, so
    the shelling is within the two news sentences that may make the headline precise."""
    doc = parse("""
        Terrorist terrorist ADJ JJ amod 1
        attacks attack NOUN NNS nsubj 2
        hit hit VERB VBD ROOT 2
        Aleppo Aleppo PROPN NNP dobj 2
        ---
        SANA SANA PROPN NNP ROOT 5
        The the DET DT det 7
        attacks attack NOUN NNS nsubj 8
        came come VERB VBD ROOT 8
        at at ADP IN prep 8
        dawn dawn NOUN NN pobj 9
        . . PUNCT . punct 8
        Terrorists terrorist NOUN NNS nsubj 13
        fired fire VERB VBD ROOT 13
        rocket rocket NOUN NN compound 15
        shells shell NOUN NNS dobj 13
        at at ADP IN prep 13
        Aleppo Aleppo PROPN NNP pobj 16
        . . PUNCT . punct 13
    """)
    places = [mention(doc, i, i + 1, E.SETTLEMENT) for i in (3, 17)]
    found = read(doc, places, headline="Terrorist attacks hit Aleppo")
    assert [e.kind for e in found if e.main] == [K.SHELLING]


def test_a_short_sentence_with_a_verb_is_news() -> None:
    """ "Attacks hit Aleppo" + "Jets bombed Douma." + "Rebels fired shells.": the first
    sentence, short but a report, makes the headline precise."""
    doc = parse("""
        Attacks attack NOUN NNS nsubj 1
        hit hit VERB VBD ROOT 1
        Aleppo Aleppo PROPN NNP dobj 1
        ---
        Jets jet NOUN NNS nsubj 5
        bombed bomb VERB VBD ROOT 5
        Douma Douma PROPN NNP dobj 5
        . . PUNCT . punct 5
        Rebels rebel NOUN NNS nsubj 9
        fired fire VERB VBD ROOT 9
        shells shell NOUN NNS dobj 9
        . . PUNCT . punct 9
    """)
    places = [mention(doc, i, i + 1, E.SETTLEMENT) for i in (2, 6)]
    found = read(doc, places, headline="Attacks hit Aleppo")
    assert [e.kind for e in found if e.main] == [K.AIRSTRIKE]


def test_killed_in_clashes_with_a_side() -> None:
    """rule "killed-in-clashes-with": "35 jihadists were killed in clashes with the YPG":
    the YPG's gunfire killed them."""
    doc = parse("""
        35 35 NUM CD nummod 1
        jihadists jihadist NOUN NNS nsubjpass 3
        were be AUX VBD auxpass 3
        killed kill VERB VBN ROOT 3
        in in ADP IN prep 3
        clashes clash NOUN NNS pobj 4
        with with ADP IN prep 5
        the the DET DT det 8
        YPG YPG PROPN NNP pobj 6
    """)
    (event,) = read(doc, [mention(doc, 8, 9, E.ACTOR, E.ARMED_GROUP)])
    assert event.kind is K.SHOOTING
    assert event.actor is not None and event.actor.label == "YPG"


def test_killed_in_clashes_between_two_sides_names_no_killer() -> None:
    """ "20 were killed in clashes between the YPG and IS": no one side killed them."""
    doc = parse("""
        20 20 NUM CD nsubjpass 2
        were be AUX VBD auxpass 2
        killed kill VERB VBN ROOT 2
        in in ADP IN prep 2
        clashes clash NOUN NNS pobj 3
        between between ADP IN prep 4
        the the DET DT det 7
        YPG YPG PROPN NNP pobj 5
        and and CCONJ CC cc 7
        IS IS PROPN NNP conj 7
    """)
    mentions = [mention(doc, 7, 8, E.ACTOR, E.ARMED_GROUP), mention(doc, 9, 10, E.ACTOR)]
    assert read(doc, mentions) == []


def test_a_title_case_killing_in_a_headline() -> None:
    """rule "headline-killing": "Syrian Army Kills 40 Nusra Members in Ambush": the army's
    killing, though the parser took "Kills" for a name."""
    headline = "Syrian Army Kills 40 Nusra Members in Ambush"
    doc = parse("""
        Syrian syrian ADJ JJ amod 1
        Army Army PROPN NNP compound 2
        Kills Kills PROPN NNP ROOT 2
        40 40 NUM CD nummod 5
        Nusra Nusra PROPN NNP compound 5
        Members Members PROPN NNPS appos 2
        in in ADP IN prep 5
        Ambush Ambush PROPN NNP pobj 6
    """)
    mentions = [mention(doc, 0, 2, E.ACTOR, E.ARMED_GROUP), mention(doc, 4, 5, E.ACTOR)]
    found = read(doc, mentions, headline=headline)
    assert [(e.kind, e.actor and e.actor.label) for e in found if e.main] == [
        (K.ATTACK, "Syrian Army")
    ]


def test_another_actors_strike_does_not_make_a_killing_precise() -> None:
    """rule "another-killer": "Coalition kills 20 militants" + "Russian jets bombed Raqqa.":
    the Russian strike is another event, the coalition's killing stays the news."""
    doc = parse("""
        Coalition Coalition PROPN NNP nsubj 1
        kills kill VERB VBZ ROOT 1
        20 20 NUM CD nummod 3
        militants militant NOUN NNS dobj 1
        ---
        Russian russian ADJ JJ amod 6
        jets jet NOUN NNS nsubj 7
        bombed bomb VERB VBD ROOT 7
        Raqqa Raqqa PROPN NNP dobj 7
        . . PUNCT . punct 7
    """)
    mentions = [mention(doc, 0, 1, E.ACTOR, E.ARMED_GROUP), mention(doc, 8, 9, E.SETTLEMENT)]
    found = read(doc, mentions, headline="Coalition kills 20 militants")
    assert [(e.kind, e.actor and e.actor.label) for e in found if e.main] == [
        (K.ATTACK, "Coalition")
    ]


def test_a_strike_by_another_actor_of_no_known_side_does_not_make_a_killing_precise() -> None:
    """rule "another-killer": "Tribesmen kill 20 militants" + "Russian jets bombed Raqqa.":
    the killers have no side the gazetteer knows, so no camp tells the two apart (as
    "another-attacker" needs); another actor's strike is still another event."""
    doc = parse("""
        Tribesmen tribesman NOUN NNS nsubj 1
        kill kill VERB VBP ROOT 1
        20 20 NUM CD nummod 3
        militants militant NOUN NNS dobj 1
        ---
        Russian russian ADJ JJ amod 6
        jets jet NOUN NNS nsubj 7
        bombed bomb VERB VBD ROOT 7
        Raqqa Raqqa PROPN NNP dobj 7
        . . PUNCT . punct 7
    """)
    mentions = [
        mention(doc, 0, 1, E.ACTOR, E.ARMED_GROUP, known=False),
        mention(doc, 8, 9, E.SETTLEMENT),
    ]
    found = read(doc, mentions, headline="Tribesmen kill 20 militants")
    assert [(e.kind, e.actor and e.actor.label) for e in found if e.main] == [
        (K.ATTACK, "Tribesmen")
    ]


def test_the_headline_killer_fired_the_means() -> None:
    """rule "killer-acted": "Army Kills 10 Terrorists in Missile Attack Northwest" + "RPG
    missiles hit the post.": the army fired the missiles, not "RPG"."""
    doc = parse("""
        Army Army PROPN NNP nsubj 1
        Kills kill VERB VBZ ROOT 1
        10 10 NUM CD nummod 3
        Terrorists Terrorists PROPN NNPS dobj 1
        in in ADP IN prep 3
        Missile Missile PROPN NNP compound 6
        Attack Attack PROPN NNP compound 7
        Northwest Northwest PROPN NNP pobj 4
        ---
        RPG RPG PROPN NNP compound 10
        missiles missile NOUN NNS nsubj 11
        hit hit VERB VBD ROOT 11
        the the DET DT det 13
        post post NOUN NN dobj 11
        . . PUNCT . punct 11
    """)
    mentions = [mention(doc, 0, 1, E.ACTOR, E.ARMED_GROUP), mention(doc, 9, 10, E.ACTOR)]
    headline = "Army Kills 10 Terrorists in Missile Attack Northwest"
    found = read(doc, mentions, headline=headline)
    assert [(e.kind, e.actor and e.actor.label) for e in found if e.main] == [(K.SHELLING, "Army")]


def test_kurds_who_kill_are_an_actor() -> None:
    """ "Kurds kill 83 ISIS terrorists": the Kurds, an armed actor the words name."""
    doc = parse("""
        Kurds kurd NOUN NNS nsubj 1
        kill kill VERB VBP ROOT 1
        83 83 NUM CD nummod 3
        terrorists terrorist NOUN NNS dobj 1
    """)
    (event,) = read(doc)
    assert event.kind is K.ATTACK and event.actor is not None and event.actor.label == "Kurds"


def test_the_killers_own_word_says_the_kind() -> None:
    """rule "killer-weapon-kind": "US warplanes killed 12 civilians": an air strike by the
    US, though the actor's name says no weapon."""
    doc = parse("""
        US US PROPN NNP compound 1
        warplanes warplane NOUN NNS nsubj 2
        killed kill VERB VBD ROOT 2
        12 12 NUM CD nummod 4
        civilians civilian NOUN NNS dobj 2
    """)
    (event,) = read(doc, [mention(doc, 0, 1, E.ACTOR)])
    assert event.kind is K.AIRSTRIKE and event.actor is not None and event.actor.label == "US"


def test_the_strikers_own_word_says_the_kind() -> None:
    """rule "striker-weapon-kind": "Coalition planes targeted water wells": an air strike by
    the coalition, though the actor's name says no weapon and the verb kills nobody."""
    doc = parse("""
        Coalition coalition PROPN NNP compound 1
        planes plane NOUN NNS nsubj 2
        targeted target VERB VBD ROOT 2
        water water NOUN NN compound 4
        wells well NOUN NNS dobj 2
    """)
    (event,) = read(doc, [mention(doc, 0, 1, E.ACTOR)])
    assert event.kind is K.AIRSTRIKE and event.actor is not None
    assert event.actor.label == "Coalition"


def test_a_strike_by_the_killers_camp_makes_the_killing_precise() -> None:
    """ "Syrian troops kill 20 militants" + "Syrian warplanes bombed Raqqa.": one camp, the
    strike is how the killing was done."""
    doc = parse("""
        Syrian syrian ADJ JJ amod 1
        troops troop NOUN NNS nsubj 2
        kill kill VERB VBP ROOT 2
        20 20 NUM CD nummod 4
        militants militant NOUN NNS dobj 2
        ---
        Syrian syrian ADJ JJ amod 7
        warplanes warplane NOUN NNS nsubj 8
        bombed bomb VERB VBD ROOT 8
        Raqqa Raqqa PROPN NNP dobj 8
        . . PUNCT . punct 8
    """)
    found = read(
        doc, [mention(doc, 9, 10, E.SETTLEMENT)], headline="Syrian troops kill 20 militants"
    )
    assert [e.kind for e in found if e.main] == [K.AIRSTRIKE]


def test_another_camps_strike_does_not_make_a_named_attack_precise() -> None:
    """rule "another-attacker": "ISIS attacks Kobani" + "Coalition jets carried out air
    strikes.": the coalition's strikes answer the attack; ISIS's attack stays the news."""
    doc = parse("""
        ISIS ISIS PROPN NNP nsubj 1
        attacks attack VERB VBZ ROOT 1
        Kobani Kobani PROPN NNP dobj 1
        ---
        Coalition coalition NOUN NN compound 5
        jets jet NOUN NNS nsubj 6
        carried carry VERB VBD ROOT 6
        out out ADP RP prt 6
        air air NOUN NN compound 9
        strikes strike NOUN NNS dobj 6
        . . PUNCT . punct 6
    """)
    mentions = [mention(doc, 0, 1, E.ACTOR, E.ARMED_GROUP), mention(doc, 2, 3, E.SETTLEMENT)]
    found = read(doc, mentions, headline="ISIS attacks Kobani")
    assert [(e.kind, e.actor and e.actor.label) for e in found if e.main] == [(K.ATTACK, "ISIS")]


def test_the_lead_names_the_headlines_jihadists() -> None:
    """rule "generic-named-in-lead": "Jihadists execute three officers" + "Jihadists from
    the Islamic State executed three officers.": the headline's jihadists are IS."""
    doc = parse("""
        Jihadists jihadist NOUN NNS nsubj 1
        execute execute VERB VBP ROOT 1
        three three NUM CD nummod 3
        officers officer NOUN NNS dobj 1
        ---
        Jihadists jihadist NOUN NNS nsubj 10
        from from ADP IN prep 5
        the the DET DT det 9
        Islamic Islamic PROPN NNP compound 9
        State State PROPN NNP pobj 6
        executed execute VERB VBD ROOT 10
        three three NUM CD nummod 12
        officers officer NOUN NNS dobj 10
        . . PUNCT . punct 10
    """)
    mentions = [mention(doc, 8, 10, E.ACTOR, E.ARMED_GROUP)]
    found = read(doc, mentions, headline="Jihadists execute three officers")
    assert [(e.kind, e.actor and e.actor.label) for e in found if e.main] == [
        (K.EXECUTION, "Islamic State")
    ]


def test_a_title_case_headline_that_used_chemical_weapons() -> None:
    """rule "used-chemical-subject": "ISIL Used Chemical Weapons against Kurds", parsed as
    one name: a chemical attack by ISIL, the name before "Used Chemical"."""
    headline = "ISIL Used Chemical Weapons against Kurds"
    doc = parse("""
        ISIL ISIL PROPN NNP nsubj 1
        Used use VERB VBN amod 3
        Chemical Chemical PROPN NNP compound 3
        Weapons Weapons PROPN NNPS ROOT 3
        against against ADP IN prep 3
        Kurds Kurds PROPN NNPS pobj 4
        ---
        The the DET DT det 8
        group group NOUN NN nsubj 9
        denied deny VERB VBD ROOT 9
        it it PRON PRP dobj 9
        . . PUNCT . punct 9
    """)
    mentions = [mention(doc, 0, 1, E.ACTOR, E.ARMED_GROUP)]
    found = read(doc, mentions, headline=headline)
    assert [(e.kind, e.actor and e.actor.label) for e in found if e.main] == [
        (K.CHEMICAL_ATTACK, "ISIL")
    ]


# "Syrian Army Foils Takfiri Attack in Daraa Kills at least 50 Gunmen in Lattakia", as the
# model parses it: "Kills" a name inside "in Daraa", the second deed's subject left out.
TWO_DEEDS = """
    Syrian syrian ADJ JJ amod 4
    Army Army PROPN NNP compound 2
    Foils Foils PROPN NNP compound 4
    Takfiri Takfiri PROPN NNP compound 4
    Attack Attack PROPN NNP ROOT 4
    in in ADP IN prep 4
    Daraa Daraa PROPN NNP compound 7
    Kills Kills PROPN NNP pobj 5
    at at ADP IN advmod 9
    least least ADJ JJS advmod 10
    50 50 NUM CD nummod 11
    Gunmen gunman NOUN NNS appos 4
    in in ADP IN prep 11
    Lattakia Lattakia PROPN NNP pobj 12
"""


def _two_deeds() -> list[Event]:
    doc = parse(TWO_DEEDS)
    mentions = [mention(doc, 0, 2, E.ACTOR, E.ARMED_GROUP), mention(doc, 6, 7, E.PLACE),
                mention(doc, 13, 14, E.PLACE)]  # fmt: skip
    headline = "Syrian Army Foils Takfiri Attack in Daraa Kills at least 50 Gunmen in Lattakia"
    return read(doc, mentions, headline=headline)


def test_a_headlines_second_deed_shares_its_subject() -> None:
    """rule "headline-shared-subject": "… Foils Takfiri Attack in Daraa Kills at least 50
    Gunmen": the army killed the gunmen (the killing is kept, not dropped as killer-less)."""
    doc = parse(TWO_DEEDS)
    army = mention(doc, 0, 2, E.ACTOR, E.ARMED_GROUP)
    found = found_in(doc, [army], headline=doc.text)
    killings = [f for f in found if f.trigger.text == "Kills"]
    assert [(f.actor and f.actor.label) for f in killings] == ["Syrian Army"]


def test_a_headlines_killing_is_where_it_says() -> None:
    """rule "headline-killing-own-place": the killing the parser put inside "in Daraa" is
    "in Lattakia", and the deaths make it the main event."""
    (main,) = [e for e in _two_deeds() if e.main]
    assert main.place is not None and main.place.label == "Lattakia"


OWN_DEAD = """
    100 100 NUM CD nummod 3
    Islamic Islamic PROPN NNP compound 2
    State State PROPN NNP compound 3
    Fighters fighter NOUN NNS nsubjpass 4
    Killed kill VERB VBN ROOT 4
    in in ADP IN prep 4
    Kobani Kobani PROPN NNP pobj 5
    ---
    Islamic Islamic PROPN NNP compound 9
    State State PROPN NNP nsubj 10
    launched launch VERB VBD ROOT 10
    an an DET DT det 12
    assault assault NOUN NN dobj 10
    on on ADP IN prep 12
    Kurdish kurdish ADJ JJ amod 15
    fighters fighter NOUN NNS pobj 13
    . . PUNCT . punct 10
"""


def test_the_dead_mens_own_camp_did_not_kill_them() -> None:
    """rule "own-dead-not-actor": "100 Islamic State Fighters Killed in Kobani" + "Islamic
    State launched an assault on Kurdish fighters": the Kurds they attacked fought them,
    not the Islamic State its own men."""
    doc = parse(OWN_DEAD)
    mentions = [mention(doc, 1, 3, E.ACTOR, E.ARMED_GROUP), mention(doc, 6, 7, E.PLACE),
                mention(doc, 8, 10, E.ACTOR, E.ARMED_GROUP),
                mention(doc, 14, 16, E.ACTOR, E.ARMED_GROUP, known=False)]  # fmt: skip
    headline = "100 Islamic State Fighters Killed in Kobani"
    (main,) = [e for e in read(doc, mentions, headline=headline) if e.main]
    assert main.actor is not None and main.actor.label == "Kurdish fighters"


def test_the_dead_mens_side_in_a_headline() -> None:
    """Whose men a headline reports killed: a count and the group's men before "killed",
    or a named commander; not a killing the group did ("Rebels killed 10 soldiers"), nor
    men of no side ("militants")."""
    assert dead_side("100 ISIL Terrorists Killed in Kobani") is Side.ISLAMIC_STATE
    assert dead_side("Turkey's Nightmare; Kurds Near Azaz, 6 ISIS Bombers Killed") is (
        Side.ISLAMIC_STATE
    )
    assert dead_side("More than 50 Syria rebels, jihadists killed: NGO") is Side.OPPOSITION
    assert dead_side("Dozens of Nusra militants killed in Idlib") is Side.NUSRA_HTS
    assert dead_side("Al-Nusra Front Commander Killed in Lattakia") is Side.NUSRA_HTS
    assert dead_side("5 rebels killed 10 soldiers in Hama") is None
    assert dead_side("18 Militants Killed in Car Bomb Blast") is None
    assert dead_side("Syrian Army kills 40 ISIS terrorists") is None
