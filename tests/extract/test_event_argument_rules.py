"""Argument, merging and main-event rules, each on a hand-built parse with hand-made
mentions: who acted, where, when, which mentions are one event, which is the news.
Each test names the rule it covers; switched off, the rule fails its test."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from kg.extract.events.merge import merge
from kg.records import EntityKind, EntityRef, Event, EventKind, Mention, Span
from tests.extract.handbuilt import found_in, mention, parse, read

K = EventKind
E = EntityKind
PUBLISHED = date(2016, 12, 9)


def one(found: list[Event], kind: EventKind) -> Event:
    matching = [e for e in found if e.kind is kind]
    assert len(matching) == 1, [(e.kind, e.evidence[0].text) for e in found]
    return matching[0]


def label(entity: object) -> str | None:
    return getattr(entity, "label", None)


# --- actors --------------------------------------------------------------------------


def test_an_attack_by_jets_is_an_air_strike() -> None:
    """rule "attacker-weapon-kind": "Russian jets attacked Douma"."""
    doc = parse("""
        Russian Russian ADJ JJ amod 1
        jets jet NOUN NNS nsubj 2
        attacked attack VERB VBD ROOT 2
        Douma Douma PROPN NNP dobj 2
    """)
    found = read(doc, [mention(doc, 3, 4, E.SETTLEMENT)])
    assert [e.kind for e in found] == [K.AIRSTRIKE]
    assert label(found[0].actor) == "Russian jets"


def test_an_attack_by_regime_helicopters_is_an_air_strike() -> None:
    """rule "attacker-weapon-kind": "Regime helicopters attacked Douma": the weapon in the
    attacker's name, of a state no air-power rule knows as one that struck from the air."""
    doc = parse("""
        Regime regime NOUN NN compound 1
        helicopters helicopter NOUN NNS nsubj 2
        attacked attack VERB VBD ROOT 2
        Douma Douma PROPN NNP dobj 2
    """)
    found = read(doc, [mention(doc, 3, 4, E.SETTLEMENT)])
    assert [e.kind for e in found] == [K.AIRSTRIKE]


def test_a_killing_without_a_killer_is_no_event() -> None:
    """rule "killing-needs-killer": "A man killed 20 people" names nobody armed."""
    doc = parse("""
        A a DET DT det 1
        man man NOUN NN nsubj 2
        killed kill VERB VBD ROOT 2
        20 20 NUM CD nummod 4
        people people NOUN NNS dobj 2
    """)
    assert read(doc) == []


def test_blamed_on_names_the_actor() -> None:
    """rule "blamed-on": "A bombing blamed on Daesh killed 5"."""
    doc = parse("""
        A a DET DT det 1
        bombing bombing NOUN NN nsubj 5
        blamed blame VERB VBN acl 1
        on on ADP IN prep 2
        Daesh Daesh PROPN NNP pobj 3
        killed kill VERB VBD ROOT 5
        5 5 NUM CD dobj 5
    """)
    found = read(doc, [mention(doc, 4, 5, E.ACTOR, E.ARMED_GROUP)])
    assert label(one(found, K.AIRSTRIKE).actor) == "Daesh"


def test_a_headline_passive_has_no_active_subject() -> None:
    """rule "headline-passive": "Soldiers Killed in Idlib Blast": the soldiers are victims."""
    doc = parse("""
        Soldiers soldier NOUN NNS nsubj 1
        Killed kill VERB VBN ROOT 1
        in in ADP IN prep 1
        Idlib Idlib PROPN NNP compound 4
        Blast blast NOUN NN pobj 2
    """)
    found = read(doc, [mention(doc, 3, 4, E.PLACE, E.SETTLEMENT)])
    assert one(found, K.BOMBING).actor is None


def test_a_title_case_headline_subject() -> None:
    """rule "headline-subject": "ISIS Forces Retake Palmyra", all parsed as one name."""
    doc = parse("""
        ISIS ISIS PROPN NNP compound 3
        Forces Forces PROPN NNP compound 3
        Retake Retake PROPN NNP compound 3
        Palmyra Palmyra PROPN NNP ROOT 3
    """)
    mentions = [mention(doc, 0, 1, E.ACTOR, E.ARMED_GROUP), mention(doc, 3, 4, E.SETTLEMENT)]
    assert label(one(read(doc, mentions), K.CAPTURE).actor) == "ISIS"


def test_no_modifier_across_a_title_case_verb() -> None:
    """rule "headline-verb-between": "US Facilitates Transfer from Raqqa": the US is
    the subject of "Facilitates", not the mover."""
    doc = parse("""
        US US PROPN NNP compound 2
        Facilitates Facilitates PROPN NNP compound 2
        Transfer transfer NOUN NN ROOT 2
        from from ADP IN prep 2
        Raqqa Raqqa PROPN NNP pobj 3
    """)
    mentions = [mention(doc, 0, 1, E.PLACE, E.COUNTRY), mention(doc, 4, 5, E.SETTLEMENT)]
    movement = one(read(doc, mentions), K.TROOP_MOVEMENT)
    assert movement.actor is None
    assert movement.place is None
    assert [o.label for o in movement.origins] == ["Raqqa"]


def test_the_subject_before_the_verb_on_its_line() -> None:
    """rule "left-subject": "ISIS fighters launched an offensive", the subject hung on
    the previous paragraph by the parse."""
    doc = parse("""
        Update update NOUN NN ROOT 0
        --- 0
        ISIS ISIS PROPN NNP compound 3
        fighters fighter NOUN NNS appos 0
        launched launch VERB VBD ROOT 4
        an a DET DT det 6
        offensive offensive NOUN NN dobj 4
    """)
    found = read(doc, [mention(doc, 2, 3, E.ACTOR, E.ARMED_GROUP)])
    assert label(one(found, K.ATTACK).actor) == "ISIS"


def test_the_country_of_the_scene_locates_the_actor() -> None:
    """rule "scene-country-modifier": "Syria rebels attacked in Syria": rebels, not Syria."""
    doc = parse("""
        Syria Syria PROPN NNP compound 1
        rebels rebel NOUN NNS nsubj 2
        attacked attack VERB VBD ROOT 2
        in in ADP IN prep 2
        Syria Syria PROPN NNP pobj 3
    """)
    mentions = [mention(doc, 0, 1, E.PLACE, E.COUNTRY), mention(doc, 4, 5, E.PLACE, E.COUNTRY)]
    assert label(one(read(doc, mentions), K.ATTACK).actor) == "rebels"


def test_the_country_of_the_scene_modifying_the_event_is_no_actor() -> None:
    """rule "scene-country-modifies-the-event": "Syria rebel rocket kills five children in
    Aleppo": the rebels fired it; Syria says where."""
    doc = parse("""
        Syria Syria PROPN NNP compound 2
        rebel rebel NOUN NN compound 2
        rocket rocket NOUN NN nsubj 3
        kills kill VERB VBZ ROOT 3
        five five NUM CD nummod 5
        children child NOUN NNS dobj 3
        in in ADP IN prep 3
        Aleppo Aleppo PROPN NNP pobj 6
    """)
    mentions = [mention(doc, 0, 1, E.PLACE, E.COUNTRY), mention(doc, 7, 8, E.PLACE)]
    found = read(doc, mentions)
    assert [label(e.actor) for e in found] == ["rebel"]


def test_who_was_responsible_for_the_attack() -> None:
    """rule "held-responsible": "the regime was responsible for the gas attack": the regime
    did it, by the sentence's account."""
    doc = parse("""
        the the DET DT det 1
        regime regime NOUN NN nsubj 2
        was be AUX VBD ROOT 2
        responsible responsible ADJ JJ acomp 2
        for for ADP IN prep 3
        the the DET DT det 7
        gas gas NOUN NN compound 7
        attack attack NOUN NN pobj 4
    """)
    found = read(doc, [mention(doc, 1, 2, E.ACTOR)])
    assert [label(e.actor) for e in found] == ["regime"]


def test_a_participle_is_not_climbed_to_its_noun() -> None:
    """rule "participle-not-agent": "Turkey attacked, troops deployed to Afrin" (troops
    parsed as a conjunct): Turkey did not deploy what the participle names."""
    doc = parse("""
        Turkey Turkey PROPN NNP nsubj 1
        attacked attack VERB VBD ROOT 1
        , , PUNCT , punct 1
        troops troop NOUN NNS conj 1
        deployed deploy VERB VBN acl 3
        to to ADP IN prep 4
        Afrin Afrin PROPN NNP pobj 5
    """)
    mentions = [mention(doc, 0, 1, E.PLACE, E.COUNTRY), mention(doc, 6, 7, E.SETTLEMENT)]
    movement = one(read(doc, mentions), K.TROOP_MOVEMENT)
    assert movement.actor is None


def test_a_nationality_names_the_actor() -> None:
    """rule "nationality-actor": "Russian air strikes hit Douma"."""
    doc = parse("""
        Russian Russian ADJ JJ amod 2 ent=NORP
        air air NOUN NN compound 2
        strikes strike NOUN NNS nsubj 3
        hit hit VERB VBD ROOT 3
        Douma Douma PROPN NNP dobj 3
    """)
    found = read(doc, [mention(doc, 4, 5, E.SETTLEMENT)])
    assert label(one(found, K.AIRSTRIKE).actor) == "Russian"


def test_who_launched_the_offensive() -> None:
    """rule "support-verb-subject": "ISIS launched an offensive"."""
    doc = parse("""
        Update update NOUN NN ROOT 0
        ---
        ISIS ISIS PROPN NNP nsubj 3
        launched launch VERB VBD ROOT 3
        an a DET DT det 5
        offensive offensive NOUN NN dobj 3
    """)
    found = read(doc, [mention(doc, 2, 3, E.ACTOR, E.ARMED_GROUP)])
    assert label(one(found, K.ATTACK).actor) == "ISIS"


def test_the_killer_carried_out_the_raids_it_killed_in() -> None:
    """rule "means-of": "The army killed 18 commanders in air raids"."""
    doc = parse("""
        Update update NOUN NN ROOT 0
        ---
        The the DET DT det 3
        army army NOUN NN nsubj 4
        killed kill VERB VBD ROOT 4
        18 18 NUM CD nummod 6
        commanders commander NOUN NNS dobj 4
        in in ADP IN prep 4
        air air NOUN NN compound 9
        raids raid NOUN NNS pobj 7
    """)
    raids = [f for f in found_in(doc) if f.kind is K.AIRSTRIKE]
    assert [label(f.actor) for f in raids] == ["army"]  # before the killing folds in


def test_who_was_transferred() -> None:
    """rule "mover-of": "a transfer of militants from Raqqa": the militants moved."""
    doc = parse("""
        a a DET DT det 1
        transfer transfer NOUN NN ROOT 1
        of of ADP IN prep 1
        militants militant NOUN NNS pobj 2
        from from ADP IN prep 1
        Raqqa Raqqa PROPN NNP pobj 4
    """)
    found = read(doc, [mention(doc, 5, 6, E.SETTLEMENT)])
    assert label(one(found, K.TROOP_MOVEMENT).actor) == "militants"


# --- places --------------------------------------------------------------------------


def test_the_city_is_the_last_city_named() -> None:
    """rule "the-city": "Rebels entered Morek. Jets bombed the city"."""
    doc = parse("""
        Rebels rebel NOUN NNS nsubj 1
        entered enter VERB VBD ROOT 1
        Morek Morek PROPN NNP dobj 1
        . . PUNCT . punct 1
        Jets jet NOUN NNS nsubj 5
        bombed bomb VERB VBD ROOT 5
        the the DET DT det 7
        city city NOUN NN dobj 5
        . . PUNCT . punct 5
    """)
    found = read(doc, [mention(doc, 2, 3, E.PLACE, E.SETTLEMENT)])
    assert label(one(found, K.AIRSTRIKE).place) == "Morek"


def test_a_place_fighters_come_from_is_no_scene() -> None:
    """rule "source-place": "Fighters from Raqqa attacked"."""
    doc = parse("""
        Fighters fighter NOUN NNS nsubj 3
        from from ADP IN prep 0
        Raqqa Raqqa PROPN NNP pobj 1
        attacked attack VERB VBD ROOT 3
    """)
    found = read(doc, [mention(doc, 2, 3, E.PLACE, E.SETTLEMENT)])
    assert one(found, K.ATTACK).place is None


def test_a_backer_is_no_scene() -> None:
    """rule "backer-not-scene": "The attack came with US support"."""
    doc = parse("""
        The the DET DT det 1
        attack attack NOUN NN nsubj 2
        came come VERB VBD ROOT 2
        with with ADP IN prep 2
        US US PROPN NNP compound 5
        support support NOUN NN pobj 3
    """)
    found = read(doc, [mention(doc, 4, 5, E.PLACE, E.COUNTRY)])
    assert one(found, K.ATTACK).place is None


def test_a_based_qualifier_is_no_scene() -> None:
    """rule "based-qualifier": "The Britain-based monitor reported an attack"."""
    doc = parse("""
        The the DET DT det 4
        Britain Britain PROPN NNP npadvmod 3 nospace
        - - PUNCT HYPH punct 3 nospace
        based base VERB VBN amod 4
        monitor monitor NOUN NN nsubj 5
        reported report VERB VBD ROOT 5
        an a DET DT det 7
        attack attack NOUN NN dobj 5
    """)
    found = read(doc, [mention(doc, 1, 2, E.PLACE, E.COUNTRY)])
    assert one(found, K.ATTACK).place is None


def test_a_place_in_another_events_clause_is_not_this_ones() -> None:
    """rule "other-event-clause": "Rebels attacked after jets bombed Homs"."""
    doc = parse("""
        Rebels rebel NOUN NNS nsubj 1
        attacked attack VERB VBD ROOT 1
        after after SCONJ IN mark 4
        jets jet NOUN NNS nsubj 4
        bombed bomb VERB VBD advcl 1
        Homs Homs PROPN NNP dobj 4
    """)
    found = read(doc, [mention(doc, 5, 6, E.PLACE, E.SETTLEMENT)])
    assert one(found, K.ATTACK).place is None
    assert label(one(found, K.AIRSTRIKE).place) == "Homs"


def test_a_possessor_is_no_origin_of_its_own() -> None:
    """rule "possessor-place": "Fighters moved from Raqqa's Tabqa": from Tabqa."""
    doc = parse("""
        Fighters fighter NOUN NNS nsubj 1
        moved move VERB VBD ROOT 1
        from from ADP IN prep 1
        Raqqa Raqqa PROPN NNP poss 5 nospace
        's 's PART POS case 3
        Tabqa Tabqa PROPN NNP pobj 2
    """)
    mentions = [mention(doc, 3, 4, E.SETTLEMENT), mention(doc, 5, 6, E.SETTLEMENT)]
    movement = one(read(doc, mentions), K.TROOP_MOVEMENT)
    assert [o.label for o in movement.origins] == ["Tabqa"]


def test_a_country_beside_a_place_in_it_is_no_origin() -> None:
    """rule "country-beside-place": "Fighters moved from Mosul, Iraq": from Mosul."""
    doc = parse("""
        Fighters fighter NOUN NNS nsubj 1
        moved move VERB VBD ROOT 1
        from from ADP IN prep 1
        Mosul Mosul PROPN NNP pobj 2 nospace
        , , PUNCT , punct 3
        Iraq Iraq PROPN NNP appos 3
    """)
    mentions = [mention(doc, 3, 4, E.SETTLEMENT), mention(doc, 5, 6, E.PLACE, E.COUNTRY)]
    movement = one(read(doc, mentions), K.TROOP_MOVEMENT)
    assert [o.label for o in movement.origins] == ["Mosul"]


# --- dates ---------------------------------------------------------------------------


def test_the_date_of_a_report_is_not_the_events() -> None:
    """rule "report-date": "Sunday, the monitor said rebels attacked Morek"."""
    doc = parse("""
        Sunday Sunday PROPN NNP npadvmod 4 nospace
        , , PUNCT , punct 4
        the the DET DT det 3
        monitor monitor NOUN NN nsubj 4
        said say VERB VBD ROOT 4
        rebels rebel NOUN NNS nsubj 6
        attacked attack VERB VBD ccomp 4
        Morek Morek PROPN NNP dobj 6
    """)
    found = read(doc, [mention(doc, 7, 8, E.PLACE, E.SETTLEMENT)], published=PUBLISHED)
    assert one(found, K.ATTACK).when is None


def test_a_date_is_shared_along_a_conjunction() -> None:
    """rule "shared-date": "On December 8 rebels advanced and captured Morek"."""
    doc = parse("""
        On on ADP IN prep 4
        December December PROPN NNP pobj 0
        8 8 NUM CD nummod 1
        rebels rebel NOUN NNS nsubj 4
        advanced advance VERB VBD ROOT 4
        and and CCONJ CC cc 4
        captured capture VERB VBD conj 4
        Morek Morek PROPN NNP dobj 6
    """)
    found = read(doc, [mention(doc, 7, 8, E.SETTLEMENT)], published=PUBLISHED)
    capture = one(found, K.CAPTURE)
    assert capture.when is not None and capture.when.value == date(2016, 12, 8)


# --- merging -------------------------------------------------------------------------


def test_movements_from_different_places_are_different_movements() -> None:
    """rule "origins-differ": "Fighters moved from Mosul. Fighters moved from Raqqa"."""
    doc = parse("""
        Fighters fighter NOUN NNS nsubj 1
        moved move VERB VBD ROOT 1
        from from ADP IN prep 1
        Mosul Mosul PROPN NNP pobj 2
        . . PUNCT . punct 1
        Fighters fighter NOUN NNS nsubj 6
        moved move VERB VBD ROOT 6
        from from ADP IN prep 6
        Raqqa Raqqa PROPN NNP pobj 7
        . . PUNCT . punct 6
    """)
    mentions = [mention(doc, 3, 4, E.SETTLEMENT), mention(doc, 8, 9, E.SETTLEMENT)]
    merged = merge(found_in(doc, mentions))
    assert [[o.label for o in m.origins] for m in merged] == [["Mosul"], ["Raqqa"]]


def test_an_undated_mention_of_a_recent_strike_is_the_same_strike() -> None:
    """rule "recent-undated": "Jets bombed Douma on Sunday. Jets bombed Douma"."""
    doc = parse("""
        Jets jet NOUN NNS nsubj 1
        bombed bomb VERB VBD ROOT 1
        Douma Douma PROPN NNP dobj 1
        on on ADP IN prep 1
        Sunday Sunday PROPN NNP pobj 3
        . . PUNCT . punct 1
        Jets jet NOUN NNS nsubj 7
        bombed bomb VERB VBD ROOT 7
        Douma Douma PROPN NNP dobj 7
        . . PUNCT . punct 7
    """)
    mentions = [mention(doc, 2, 3, E.SETTLEMENT), mention(doc, 8, 9, E.SETTLEMENT)]
    article = found_in(doc, mentions, published=PUBLISHED)
    merged = merge(article, PUBLISHED)
    assert len(merged) == 1 and merged[0].when is not None


def test_one_sentence_telling_two_events_apart() -> None:
    """rule "told-apart": "Rebels attacked after rebels attacked": two attacks."""
    doc = parse("""
        Rebels rebel NOUN NNS nsubj 1
        attacked attack VERB VBD ROOT 1
        after after SCONJ IN mark 4
        rebels rebel NOUN NNS nsubj 4
        attacked attack VERB VBD advcl 1
    """)
    assert len(merge(found_in(doc))) == 2


def test_a_mention_past_the_lead_does_not_place_the_headline_event() -> None:
    """rule "lead-places-only": "Airstrikes hit Syria" + three sentences + "Airstrikes
    hit Idlib" (another strike, past the lead)."""
    doc = parse("""
        Airstrikes airstrike NOUN NNS nsubj 1
        hit hit VERB VBD ROOT 1
        Syria Syria PROPN NNP dobj 1
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
    mentions = [mention(doc, 2, 3, E.PLACE, E.COUNTRY), mention(doc, 15, 16, E.SETTLEMENT)]
    found = read(doc, mentions)
    assert [(e.main, label(e.place)) for e in found] == [(True, "Syria"), (False, "Idlib")]


# --- the main event ------------------------------------------------------------------


def test_the_leads_own_event_words_before_its_killings() -> None:
    """rule "lead-killing-last": "Rebels killed 14 soldiers. Rebels captured Morek"."""
    doc = parse("""
        Update update NOUN NN ROOT 0
        ---
        Rebels rebel NOUN NNS nsubj 3
        killed kill VERB VBD ROOT 3
        14 14 NUM CD nummod 5
        soldiers soldier NOUN NNS dobj 3
        . . PUNCT . punct 3
        Rebels rebel NOUN NNS nsubj 8
        captured capture VERB VBD ROOT 8
        Morek Morek PROPN NNP dobj 8
        . . PUNCT . punct 8
    """)
    found = read(doc, [mention(doc, 9, 10, E.SETTLEMENT)])
    assert [e.kind for e in found if e.main] == [K.CAPTURE]


def test_background_is_not_the_news() -> None:
    """rule "background-not-news": "In March 2013 rebels captured Morek. Jets bombed Douma"."""
    doc = parse("""
        Update update NOUN NN ROOT 0
        ---
        In in ADP IN prep 6
        March March PROPN NNP pobj 2
        2013 2013 NUM CD nummod 3
        rebels rebel NOUN NNS nsubj 6
        captured capture VERB VBD ROOT 6
        Morek Morek PROPN NNP dobj 6
        . . PUNCT . punct 6
        Jets jet NOUN NNS nsubj 10
        bombed bomb VERB VBD ROOT 10
        Douma Douma PROPN NNP dobj 10
        . . PUNCT . punct 10
    """)
    mentions = [mention(doc, 7, 8, E.SETTLEMENT), mention(doc, 11, 12, E.SETTLEMENT)]
    found = read(doc, mentions, published=PUBLISHED)
    capture = one(found, K.CAPTURE)
    assert capture.when is not None and capture.when.value == date(2013, 3, 1)
    assert [e.kind for e in found if e.main] == [K.AIRSTRIKE]


def test_the_leads_attack_is_the_headline_strike() -> None:
    """rule "same-incident": "Airstrike hits Douma" + "The attack killed 5": one event."""
    doc = parse("""
        Airstrike airstrike NOUN NN nsubj 1
        hits hit VERB VBZ ROOT 1
        Douma Douma PROPN NNP dobj 1
        ---
        The the DET DT det 5
        attack attack NOUN NN nsubj 6
        killed kill VERB VBD ROOT 6
        5 5 NUM CD dobj 6
    """)
    found = read(doc, [mention(doc, 2, 3, E.SETTLEMENT)], headline="Airstrike hits Douma")
    assert [(e.kind, e.main) for e in found] == [(K.AIRSTRIKE, True)]


def test_a_weapon_used_does_not_make_the_headline_precise() -> None:
    """rule "weapon-used": "ISIS launches offensive" + "ISIS used car bombs": the offensive."""
    doc = parse("""
        ISIS ISIS PROPN NNP nsubj 1
        launches launch VERB VBZ ROOT 1
        offensive offensive NOUN NN dobj 1
        ---
        ISIS ISIS PROPN NNP nsubj 5
        used use VERB VBD ROOT 5
        car car NOUN NN compound 7
        bombs bomb NOUN NNS dobj 5
    """)
    mentions = [mention(doc, 0, 1, E.ACTOR), mention(doc, 4, 5, E.ACTOR)]
    found = read(doc, mentions, headline="ISIS launches offensive")
    assert [e.kind for e in found if e.main] == [K.ATTACK]


def test_the_first_of_a_glued_list_of_places_is_the_scene() -> None:
    """rule "first-listed-place": "Rockets hit Aleppo Daraa and Idlib" (no commas: the
    parser hangs Aleppo and Daraa on Idlib as compounds): Aleppo, named first."""
    doc = parse("""
        Rockets rocket NOUN NNS nsubj 1
        hit hit VERB VBD ROOT 1
        Aleppo Aleppo PROPN NNP compound 3
        Daraa Daraa PROPN NNP compound 5
        and and CCONJ CC cc 5
        Idlib Idlib PROPN NNP dobj 1
    """)
    places = [mention(doc, i, i + 1, E.PLACE, E.SETTLEMENT) for i in (2, 3, 5)]
    found = read(doc, places)
    assert label(one(found, K.SHELLING).place) == "Aleppo"


def test_a_capital_that_speaks_is_no_scene() -> None:
    """rule "speaking-place": "Paris says jets bombed" (Paris speaks; no scene named)."""
    doc = parse("""
        Paris Paris PROPN NNP nsubj 1
        says say VERB VBZ ROOT 1
        jets jet NOUN NNS nsubj 3
        bombed bomb VERB VBD ccomp 1
    """)
    found = read(doc, [mention(doc, 0, 1, E.PLACE, E.SETTLEMENT)])
    assert one(found, K.AIRSTRIKE).place is None


def test_the_first_of_coordinated_forces_acted() -> None:
    """rule "first-conjunct-acted": "Air raids by regime aircraft and warplanes of the
    coalition killed 25 civilians.": the regime's aircraft, named first, though the parse
    hangs "of the coalition" on them."""
    doc = parse("""
        Air air NOUN NN compound 1
        raids raid NOUN NNS nsubj 10
        by by ADP IN prep 1
        regime regime NOUN NN compound 4
        aircraft aircraft NOUN NN pobj 2
        and and CCONJ CC cc 4
        warplanes warplane NOUN NNS conj 4
        of of ADP IN prep 4
        the the DET DT det 9
        coalition coalition NOUN NN pobj 7
        killed kill VERB VBD ROOT 10
        25 25 NUM CD nummod 12
        civilians civilian NOUN NNS dobj 10
        . . PUNCT . punct 10
    """)
    mentions = [mention(doc, 9, 10, E.ACTOR, E.ARMED_GROUP)]
    raids = [f for f in found_in(doc, mentions) if f.trigger.text == "raids"]
    assert [label(f.actor) for f in raids] == ["regime aircraft"]


def _known(doc: Doc, start: int, end: int, key: str, *kinds: E) -> Mention:
    """A gazetteer entry named by tokens [start, end)."""
    span = doc[start:end]
    entity = EntityRef(key=key, label=span.text, kinds=kinds, known=True)
    return Mention(entity=entity, span=Span(span.start_char, span.end_char, span.text, "mention"))


def test_an_air_powers_attack_in_syria_is_an_air_strike() -> None:
    """rule "air-power-strikes": "The US-led coalition attacked Raqqa": in Syria the
    coalition struck from the air, its weapon unsaid."""
    doc = parse("""
        Coalition coalition PROPN NNP nsubj 1
        attacked attack VERB VBD ROOT 1
        Raqqa Raqqa PROPN NNP dobj 1
    """)
    mentions = [_known(doc, 0, 1, "us-led-coalition", E.ACTOR, E.ARMED_GROUP),
                _known(doc, 2, 3, "raqqa", E.PLACE, E.SETTLEMENT)]  # fmt: skip
    assert [e.kind for e in read(doc, mentions)] == [K.AIRSTRIKE]


def test_an_air_powers_troops_on_the_ground_attack() -> None:
    """rule "air-power-strikes" is for the state's aircraft: "Russian troops attacked
    Raqqa" is an attack on the ground, though "Russian troops" resolve to Russia's forces."""
    doc = parse("""
        Russian russian ADJ JJ amod 1
        troops troop NOUN NNS nsubj 2
        attacked attack VERB VBD ROOT 2
        Raqqa Raqqa PROPN NNP dobj 2
    """)
    mentions = [mention(doc, 0, 2, E.ACTOR, E.ARMED_GROUP, known=False),
                _known(doc, 3, 4, "raqqa", E.PLACE, E.SETTLEMENT)]  # fmt: skip
    assert [e.kind for e in read(doc, mentions)] == [K.ATTACK]


def test_a_ground_forces_attack_stays_an_attack() -> None:
    """The rule is for air powers only: "Rebels attacked Raqqa" stays an attack."""
    doc = parse("""
        Rebels rebel NOUN NNS nsubj 1
        attacked attack VERB VBD ROOT 1
        Raqqa Raqqa PROPN NNP dobj 1
    """)
    mentions = [mention(doc, 0, 1, E.ACTOR, E.ARMED_GROUP, known=False),
                _known(doc, 2, 3, "raqqa", E.PLACE, E.SETTLEMENT)]  # fmt: skip
    assert [e.kind for e in read(doc, mentions)] == [K.ATTACK]


def test_a_passive_relative_clause_names_no_actor() -> None:
    """rule "passive-relative-not-agent": "Five people on board a Russian helicopter that
    was shot down were killed": the helicopter was shot, it shot no one."""
    doc = parse("""
        Five five NUM CD nummod 1
        people people NOUN NNS nsubjpass 12
        on on ADP IN prep 1
        board board NOUN NN pobj 2
        a a DET DT det 6
        Russian Russian ADJ JJ amod 6
        helicopter helicopter NOUN NN appos 1
        that that PRON WDT nsubjpass 9
        was be AUX VBD auxpass 9
        shot shoot VERB VBN relcl 6
        down down ADP RP prt 9
        were be AUX VBD auxpass 12
        killed kill VERB VBN ROOT 12
        . . PUNCT . punct 12
    """)
    helicopter = mention(doc, 5, 7, E.ACTOR, known=False)
    shootings = [f for f in found_in(doc, [helicopter]) if f.trigger.text == "shot"]
    assert [f.actor for f in shootings] == [None]
