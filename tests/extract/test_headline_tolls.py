"""The headline's death toll told again in the body says which body event is the
headline's incident, on hand-built parses with hand-made mentions.  Each test names the
rule it covers; switched off, the rule fails its test."""

from __future__ import annotations

from kg.extract.events.headline_count import headline_tolls
from kg.nlp import text_of
from kg.records import EntityKind
from tests.extract.handbuilt import mention, parse, read

E = EntityKind


def test_the_sentence_with_the_headline_toll_makes_the_attack_precise() -> None:
    """rule "headline-toll-in-body": "Four killed in attacks" + "Shells injured seven in
    Mazzeh." + "Shells killed four in Hamdaniyeh.": the four were killed in Hamdaniyeh;
    the first sentence's shelling injured others."""
    doc = parse("""
        Four four NUM CD nsubjpass 1
        killed kill VERB VBN ROOT 1
        in in ADP IN prep 1
        attacks attack NOUN NNS pobj 2
        ---
        Shells shell NOUN NNS nsubj 6
        injured injure VERB VBD ROOT 6
        seven seven NUM CD dobj 6
        in in ADP IN prep 6
        Mazzeh Mazzeh PROPN NNP pobj 8
        . . PUNCT . punct 6
        Shells shell NOUN NNS nsubj 12
        killed kill VERB VBD ROOT 12
        four four NUM CD dobj 12
        in in ADP IN prep 12
        Hamdaniyeh Hamdaniyeh PROPN NNP pobj 14
        . . PUNCT . punct 12
    """)
    places = [mention(doc, i, i + 1, E.SETTLEMENT) for i in (9, 15)]
    found = read(doc, places, headline="Four killed in attacks")
    main = [e for e in found if e.main]
    assert [e.place.label for e in main if e.place] == ["Hamdaniyeh"]


def test_an_injury_count_is_no_toll() -> None:
    """ "Four killed in attacks" + "Shells injured four in Mazzeh." + "Shells hit
    Hamdaniyeh.": "injured four" is not the headline's toll; the first sentence stays
    the precise one."""
    doc = parse("""
        Four four NUM CD nsubjpass 1
        killed kill VERB VBN ROOT 1
        in in ADP IN prep 1
        attacks attack NOUN NNS pobj 2
        ---
        Shells shell NOUN NNS nsubj 6
        injured injure VERB VBD ROOT 6
        four four NUM CD dobj 6
        in in ADP IN prep 6
        Mazzeh Mazzeh PROPN NNP pobj 8
        . . PUNCT . punct 6
        Shells shell NOUN NNS nsubj 12
        hit hit VERB VBD ROOT 12
        Hamdaniyeh Hamdaniyeh PROPN NNP dobj 12
        . . PUNCT . punct 12
    """)
    places = [mention(doc, i, i + 1, E.SETTLEMENT) for i in (9, 13)]
    found = read(doc, places, headline="Four killed in attacks")
    assert [e.place.label for e in found if e.main and e.place] == ["Mazzeh"]


def test_the_lead_sentence_with_the_headline_toll_places_it() -> None:
    """rule "toll-places-the-headline": "Air strikes in Syria kill 45" + "Jets bombed
    Idlib." + "Strikes killed 45 in Aleppo.": the headline names only the country; the
    lead sentence with its toll says where (Idlib's strike is another)."""
    doc = parse("""
        Air air NOUN NN compound 1
        strikes strike NOUN NNS nsubj 4
        in in ADP IN prep 1
        Syria Syria PROPN NNP pobj 2
        kill kill VERB VBP ROOT 4
        45 45 NUM CD dobj 4
        ---
        Jets jet NOUN NNS nsubj 8
        bombed bomb VERB VBD ROOT 8
        Idlib Idlib PROPN NNP dobj 8
        . . PUNCT . punct 8
        Strikes strike NOUN NNS nsubj 12
        killed kill VERB VBD ROOT 12
        45 45 NUM CD dobj 12
        in in ADP IN prep 12
        Aleppo Aleppo PROPN NNP pobj 14
        . . PUNCT . punct 12
    """)
    places = [
        mention(doc, 3, 4, E.COUNTRY),
        *(mention(doc, i, i + 1, E.SETTLEMENT) for i in (9, 15)),
    ]
    found = read(doc, places, headline="Air strikes in Syria kill 45")
    assert [e.place.label for e in found if e.main and e.place] == ["Aleppo"]


def test_a_headline_that_names_the_place_keeps_it() -> None:
    """ "Air strikes in Idlib kill 45" + "Jets bombed Idlib." + "Strikes killed 45 in
    Aleppo.": the headline says where; a toll told elsewhere does not move it."""
    doc = parse("""
        Air air NOUN NN compound 1
        strikes strike NOUN NNS nsubj 4
        in in ADP IN prep 1
        Idlib Idlib PROPN NNP pobj 2
        kill kill VERB VBP ROOT 4
        45 45 NUM CD dobj 4
        ---
        Jets jet NOUN NNS nsubj 8
        bombed bomb VERB VBD ROOT 8
        Idlib Idlib PROPN NNP dobj 8
        . . PUNCT . punct 8
        Strikes strike NOUN NNS nsubj 12
        killed kill VERB VBD ROOT 12
        45 45 NUM CD dobj 12
        in in ADP IN prep 12
        Aleppo Aleppo PROPN NNP pobj 14
        . . PUNCT . punct 12
    """)
    places = [mention(doc, i, i + 1, E.SETTLEMENT) for i in (3, 9, 15)]
    found = read(doc, places, headline="Air strikes in Idlib kill 45")
    assert [e.place.label for e in found if e.main and e.place] == ["Idlib"]


def test_destroyed_vehicles_are_no_toll() -> None:
    """ "Jets destroyed 18 vehicles": destroying is a killing verb of the headline's, but
    not of people, so 18 is no death toll; "Jets killed 18 fighters" is one."""
    for verb, lemma, thing, expected in (
        ("destroyed", "destroy", "vehicles", set()),
        ("killed", "kill", "fighters", {18}),
    ):
        doc = parse(f"""
            Jets jet NOUN NNS nsubj 1
            {verb} {lemma} VERB VBD ROOT 1
            18 18 NUM CD nummod 3
            {thing} {thing[:-1]} NOUN NNS dobj 1
        """)
        assert headline_tolls(doc, len(text_of(doc))) == expected, verb


def test_a_day_of_the_month_is_no_toll() -> None:
    """ "Bombs killed 10 people on 5 May": 5 is a date in a killing sentence, not a toll;
    a headline "… kill 5" would otherwise find its toll there."""
    doc = parse("""
        Bombs bomb NOUN NNS nsubj 1
        killed kill VERB VBD ROOT 1
        10 10 NUM CD nummod 3
        people people NOUN NNS dobj 1
        on on ADP IN prep 1
        5 5 NUM CD nummod 6
        May May PROPN NNP pobj 4
    """)
    assert headline_tolls(doc, len(text_of(doc))) == {10}
