"""Who says so when a report is passed on: nested reports, relays, people and the body
they speak for — (text, expected) tables on real-model parses, through ``analyse``.

Each row names the rule it covers; switching the rule off fails its row.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.records import EntityKind
from tests.extract.test_sources import analysed, claim_of, source

SOHR = "Syrian Observatory for Human Rights"
SANA = "Syrian Arab News Agency"
AFP = "Agence France-Presse"


@pytest.mark.parametrize(
    ("rule", "body", "words", "expected"),
    [
        (  # a report inside a report: the inner speaker, the outer relays
            "nested report",
            "Al-Manar reported that Hezbollah said 11 gunmen were killed.",
            "11 gunmen",
            ("Hezbollah", ["Al-Manar"]),
        ),
        (  # ... even when the inner source is unnamed
            "nested unnamed report",
            "SANA reported that a military source said 25 terrorists were killed in Hama.",
            "25 terrorists",
            ("unnamed military", [SANA]),
        ),
        (  # "X quoted Y as saying" closing the sentence reports all of it
            "quoted as saying, closing",
            "Since March the Nusra Front has recruited 3000 new militants AP quoted SOHR "
            "as saying.",
            "3000 new militants",
            (SOHR, ["Associated Press"]),
        ),
        (  # "was quoted as saying by Y": the subject speaks, Y relays
            "quoted by",
            "A helicopter crashed and its crew of 3 died the Russian military was quoted as "
            "saying by Interfax news agency.",
            "3 died",
            ("Russian military", ["Interfax"]),
        ),
        (  # bare reports inside a source's words: the source, as named before
            "reports, said the source",
            "A military source told SANA that the army destroyed a vehicle in the area. "
            "Reports confirmed that five civilians were killed and many others were injured "
            "said the source noting that the death toll is likely to rise.",
            "five civilians",
            ("unnamed military", [SANA]),
        ),
        (  # a statement an outlet carries: the outlet relays
            "statement carried by",
            "The Syrian army said in a statement carried by SANA that 40 militants were "
            "killed near Palmyra.",
            "40 militants",
            ("Syrian Arab Army", [SANA]),
        ),
        (  # "citing a statement from X": X speaks; the count is not part of the cue
            "citing a statement from",
            "Turkey's state-run Anadolu Agency reported 15 deaths citing a statement from "
            "the Istanbul-based Syrian Revolution General Commission.",
            "15 deaths",
            ("Syrian Revolution General Commission", ["Anadolu Agency"]),
        ),
        (  # "citing a source in X" (the parse hangs "in X" on the verb)
            "citing a source in",
            "The YPG killed 17 Turkish servicemen and left three others wounded Kurdish media "
            "reported citing a source in the YPG.",
            "17 Turkish servicemen",
            ("People's Protection Units", ["Kurdish media"]),
        ),
        (  # "quoted a source at X as saying": the body
            "quoted a source at",
            "SANA reporter quoted a source at Aleppo Police Command as saying that two women "
            "were killed.",
            "two women",
            ("Aleppo Police Command", [SANA]),
        ),
        (  # "citing figures" names no one: the speaker stays
            "citing figures",
            "An opposition monitoring group citing figures compiled from clinics put the "
            "death toll at 494.",
            "494",
            ("unnamed activist", []),
        ),
        (  # a named person after the report, his body after him
            "said NAME director of ORG",
            '"At least 15 people were killed and 12 others injured in the district" said '
            "Rami Abdel Rahman director of the Syrian Observatory for Human Rights.",
            "15 people",
            ("Rami Abdel Rahman", [SOHR]),
        ),
        (  # a spokesman for a body named in an earlier sentence
            "spokesman for the ministry",
            "The Russian Defence Ministry said the strikes hit the town. A spokesman for the "
            "ministry said 60 militants were killed.",
            "60 militants",
            ("Russian Ministry of Defence", []),
        ),
        (  # "NAME, a spokesman for the group": the group named before relays
            "appositive spokesman",
            "The White Helmets said rescuers were searching the rubble. Ibrahim Abu Laith, a "
            "spokesman for the group, said 23 bodies were recovered.",
            "23 bodies",
            ("Ibrahim Abu Laith", ["White Helmets"]),
        ),
        (  # a surname after the full name: the person, and the body his first mention gives
            "surname closing the sentence",
            "Secretary-General of the Syrian Coalition Abdul Ilah al-Fahd sent a letter of "
            "condolence. We were saddened to hear of the death of five rescue workers in "
            "Al-Atareb Fahd said.",
            "five rescue workers",
            ("Abdul Ilah al-Fahd", ["Syrian National Coalition"]),
        ),
        (  # a known spokesman's surname: the person and his body, as the article names it
            "surname of a known person",
            "The Syrian Observatory for Human Rights said warplanes hit the town. Abdel Rahman "
            "told AFP that 40 soldiers were killed.",
            "40 soldiers",
            ("Rami Abdel Rahman", [SOHR, AFP]),
        ),
        (  # a possessive before the person gives his body
            "possessive body",
            "The Syrian Observatory for Human Rights said jets hit the town. Russian jets "
            "killed 23 civilians, the Observatory's Rami Abdel Rahman told AFP.",
            "23 civilians",
            ("Rami Abdel Rahman", [SOHR, AFP]),
        ),
        (  # a described speaker then named
            "identified as",
            "But a Quneitra-based opposition activist identified as Abu Omar al-Golani said "
            "the blast killed 20 militants.",
            "20 militants",
            ("Abu Omar al-Golani", []),
        ),
        (  # a source in a known body is that body
            "source in a known body",
            "A source in the Syrian army told Sputnik that 12 militants were killed.",
            "12 militants",
            ("Syrian Arab Army", ["Sputnik"]),
        ),
        (  # monitors set apart from the named one are unnamed
            "independent monitors",
            "The Syrian Observatory for Human Rights said jets hit the town. According to "
            "independent monitors hundreds of thousands of civilians have been killed in the war.",
            "hundreds of thousands",
            ("unnamed activist", []),
        ),
        (  # "the Britain-based group" no article names: an unnamed monitor
            "based group",
            "The Britain-based group said 19 rebels were killed on Tuesday.",
            "19 rebels",
            ("unnamed activist", []),
        ),
        (  # a leading adverb is no part of the speaker
            "earlier the source",
            "A source at Aleppo Police Command told SANA that two women were killed. Earlier "
            "the source said terrorists fired a rocket shell injuring four citizens.",
            "four citizens",
            ("Aleppo Police Command", [SANA]),
        ),
        (  # a bare "the hospital" inside a named person's report is his
            "the hospital inside",
            "Hamza Khatib the manager of a hospital in Aleppo told a Reuters photographer the "
            "hospital had recorded four deaths from gas poisoning.",
            "four deaths",
            ("Hamza Khatib", ["Reuters"]),
        ),
        (  # a speaker no one resolves: the report around it
            "unresolved inner speaker",
            "The Syrian Observatory for Human Rights said the army confirmed 25 militants were "
            "killed in Hama.",
            "25 militants",
            (SOHR, []),
        ),
        (  # a video a group posts shows the counts; it reports none
            "posted a video",
            "The Islamic State posted a video showing the execution of 12 soldiers on Monday.",
            "12 soldiers",
            None,
        ),
        (  # "was quoted as saying by" closing a sentence reports all of it
            "quoted, closing",
            "Two Russian pilots were killed in Syria after DAESH shot down a helicopter near "
            "Palmyra the Russian military was quoted as saying by local media.",
            "Two Russian pilots",
            ("Russian military", ["local media"]),
        ),
        (  # "the hospital" of a named manager's report is his body, not a source inside
            "the hospital of the manager",
            "Hamza Khatib the manager of Al-Quds hospital in Aleppo told a Reuters "
            "photographer the hospital had recorded four deaths from gas poisoning and 55 "
            "injuries.",
            "four deaths",
            ("Hamza Khatib", ["Reuters"]),
        ),
        (  # a surname after the full name is that person
            "surname after the full name",
            "Local commander Ahmed Abu Hussein said the road was cut. Abu Hussein told AFP "
            "that 14 fighters were killed.",
            "14 fighters",
            ("Ahmed Abu Hussein", [AFP]),
        ),
        (  # ... with the body his first mention gives
            "surname, body of the first mention",
            "Secretary-General of the Syrian Coalition Abdul Ilah al-Fahd sent a letter. Fahd "
            "said 5 rescue workers were killed.",
            "5 rescue workers",
            ("Abdul Ilah al-Fahd", ["Syrian National Coalition"]),
        ),
        (  # "the group's NAME": the group named before
            "possessive description",
            "The White Helmets said rescuers were searching the rubble. The group's Ahmed "
            "Sheikho told AFP that 12 bodies were recovered.",
            "12 bodies",
            ("Ahmed Sheikho", ["White Helmets", AFP]),
        ),
        (  # "the Al-Watan daily": a newspaper, though the parse takes "daily" for a date
            "daily",
            "The pro-government Al-Watan daily said 11 soldiers died in the attack.",
            "11 soldiers",
            ("Al-Watan", []),
        ),
        (  # "told the correspondent": the outlet whose correspondent the article named
            "told the correspondent",
            "SANA's correspondent said 7 people were injured in al-Mazzeh. A source at "
            "Damascus Police Command told the correspondent that terrorists fired shells "
            "injuring 7 people.",
            "injuring 7 people",
            ("Damascus Police Command", [SANA]),
        ),
        (  # "In a statement to SANA, a source at X said": SANA relays
            "statement to",
            "In a statement to SANA a source at Damascus Countryside Police Command said that "
            "6 mortar shells hit the camp.",
            "6 mortar shells",
            ("Damascus Countryside Police Command", [SANA]),
        ),
        (  # "said in a statement to Reuters": Reuters relays
            "statement to, parsed",
            "The Kurdish YPG said in a statement to Reuters that 9 fighters were killed in the "
            "clashes.",
            "9 fighters",
            ("People's Protection Units", ["Reuters"]),
        ),
        (  # "said in a phone call with SANA": the outlet the words went to relays
            "phone call with",
            "Residents of the town said in a phone call with SANA that 12 people were injured"
            " by the shelling.",
            "12 people",
            ("unnamed local", [SANA]),
        ),
        (  # "an interview with" a person: he is no outlet, no relay
            "interview with a person",
            "Governor Hassan Darwish said in an interview with Sergei Lavrov that 12 people were"
            " injured by the shelling.",
            "12 people",
            ("Hassan Darwish", []),
        ),
        (  # "a phone call with" a body's envoy: a body that is no outlet passes nothing on
            "phone call with a body's envoy",
            "Foreign Minister Hassan Darwish said in a phone call with UN envoy Staffan de"
            " Mistura that 12 aid trucks had reached the town.",
            "12 aid trucks",
            ("Hassan Darwish", []),
        ),
        (  # "According to SANA news agency terrorists fired …": the comma lost
            "according to, glued",
            "According to SANA news agency terrorists fired a number of rocket shells on "
            "al-Qussour neighborhood injuring three other people.",
            "three other",
            (SANA, []),
        ),
        (  # "Syria's SANA regime news agency reported": the outlet's own noun
            "outlet noun",
            "A Daesh car bomb killed at least 26 people near the city of Deir el-Zour Syrias "
            "SANA regime news agency reported.",
            "26 people",
            (SANA, []),
        ),
        (  # "… in Aleppo Monitor AFP": the wire's dateline after the tail is no source
            "dateline after the tail",
            "Thursday 25 Aug 2016 Barrel bomb attack kills 11 children in Syrias Aleppo "
            "Monitor AFP\n\nThe Syrian Observatory for Human Rights said the toll could rise.",
            "kills 11 children",
            (SOHR, []),
        ),
        (  # a sentence ending on a place's name is no tail source
            "no source noun at the end",
            "A suicide car bomb attack on buses killed 43 people on Saturday as US-backed "
            "fighters advanced towards the Daesh terror groups Raqqa stronghold.",
            "43 people",
            None,
        ),
        (  # a video shown is no report
            "video",
            "The group has posted online a new video showing the murder of two Syrian activists.",
            "two Syrian activists",
            None,
        ),
        (  # a deed claimed is no report of the counts in it
            "said it was behind",
            "But the Nusra Front said it was behind a similar twin bombing in the central city "
            "that killed at least 12 people in May.",
            "12 people",
            None,
        ),
        (  # the body the words before a named person's role describe: the first hop
            "described body of a role",
            "Barrel bombs hit a bakery in the town a civil defence spokesman Omar Haddad told "
            "Reuters. Eleven people were killed and 30 wounded he said.",
            "30 wounded",
            ("Omar Haddad", ["civil defence", "Reuters"]),
        ),
        (  # ... not the noun a lost comma glues on before it
            "described body, glued noun left out",
            "Shelling hit the old market in the rebel-held town local health directorate "
            "official Samer Khalil told Anadolu Agency, adding that 14 people were killed.",
            "14 people",
            ("Samer Khalil", ["local health directorate", "Anadolu Agency"]),
        ),
        (  # a role the parse cut from the name after it: the name speaks
            "role cut from its name",
            "A local civil defence official Leys al-Faris said 20 people were killed in an "
            "air strike on a market.",
            "20 people",
            ("Leys al-Faris", ["local civil defence"]),
        ),
    ],
)
def test_relays(nlp: Language, rule: str, body: str, words: str, expected: tuple | None) -> None:
    assert source(claim_of(analysed(nlp, body), words)) == expected, rule


def test_a_counted_headline_tail_is_no_source(nlp: Language) -> None:
    """ "Gunmen kill 2 Syrian activists": the activists are counted, not a source."""
    analysis = analysed(
        nlp, "Gunmen killed two activists in Raqqa.", "Gunmen kill 2 Syrian activists"
    )
    assert source(claim_of(analysis, "2 Syrian activists")) is None


def test_an_unnamed_source_keeps_its_words_as_written(nlp: Language) -> None:
    """ "a Quneitra-based opposition activist", not "a Quneitra - based …"."""
    analysis = analysed(
        nlp, "A Quneitra-based opposition activist said the blast killed 20 militants."
    )
    found = claim_of(analysis, "20 militants").attribution
    assert found is not None and found.claimant is not None
    assert found.claimant.label == "A Quneitra-based opposition activist"


@pytest.mark.parametrize(
    ("rule", "headline", "body", "words", "expected"),
    [
        (  # a headline's bare count of people is the body's count of civilians
            "people in the headline",
            "Barrel bombs kill 11 in IS town in Syria",
            "At least 11 civilians were killed in barrel bomb attacks on the town of al-Bab, "
            "the Syrian Observatory for Human Rights said.",
            "kill 11",
            (SOHR, []),
        ),
        (  # another fate is another count: the headline's own voice
            "another fate",
            "35 Dead Dozens Wounded in Battle in Aleppo",
            "The Nusra Front drove rebels out of their base, killing dozens, the Syrian "
            "Observatory for Human Rights said.",
            "Dozens Wounded",
            None,
        ),
    ],
)
def test_headline_repeats(
    nlp: Language, rule: str, headline: str, body: str, words: str, expected: tuple | None
) -> None:
    assert source(claim_of(analysed(nlp, body, headline), words)) == expected, rule


def test_a_body_no_name_gives_is_an_unnamed_hop(nlp: Language) -> None:
    """ "local civil defense official Leys al-Faris told Anadolu Agency": the body the
    role's words describe is the first hop, an unnamed source of the kind they say."""
    analysis = analysed(
        nlp,
        "A warplane struck a bakery in the province local civil defense official Ahmad "
        'Hamdo told Anadolu Agency. "At least 36 people were killed" he said.',
    )
    found = claim_of(analysis, "36 people").attribution
    assert found is not None and found.claimant is not None
    assert found.claimant.label == "Ahmad Hamdo"
    hop = found.chain[0]
    assert (hop.key, hop.label) == ("unnamed-medical", "local civil defense")
    assert EntityKind.UNNAMED_SOURCE in hop.kinds


@pytest.mark.parametrize(
    ("body", "words", "expected"),
    [
        (  # the guide: "SANA reported, citing a military source" → relay ["SANA"]
            "Twelve soldiers were killed in the attack, state television reported, citing a"
            " military source.",
            "Twelve soldiers",
            ("unnamed military", ["state television"]),
        ),
        (  # an unnamed speaker of an enclosing report is no passer-on
            "Tanks shelled the city on Monday killing four civilians residents said a day after"
            " rights groups said security forces killed 80 there.",
            "80",
            ("unnamed activist", []),
        ),
    ],
)
def test_an_unnamed_passer_on_is_a_relay(
    nlp: Language, body: str, words: str, expected: tuple[str, list[str]]
) -> None:
    """A frame's own relay words keep an unnamed outlet as a hop ("…, citing …")."""
    assert source(claim_of(analysed(nlp, body), words)) == expected
