"""Who says so, as journalists write it: sources resolved, reports carried over, headline
tails, relays — (text, expected) tables on real-model parses, through ``analyse``.

Each row names the rule it covers; switching the rule off fails its row.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from kg.extract import analyse
from kg.records import Analysis, Article, CountClaim, EntityKind


def analysed(nlp: Language, body: str, headline: str = "") -> Analysis:
    text = f"{headline}\n\n{body}" if headline else body
    article = Article(id="t", text=text, headline=headline, date_published=date(2016, 6, 5))
    return analyse(nlp(text), article)


def claim_of(analysis: Analysis, words: str, nth: int = 0) -> CountClaim:
    at = -1
    for _ in range(nth + 1):
        at = analysis.article.text.index(words, at + 1)
    found = [c for c in analysis.claims if c.evidence[0].start <= at < c.evidence[0].end]
    assert found, (words, [c.evidence[0].text for c in analysis.claims])
    return found[0]


def source(claim: CountClaim) -> tuple[str | None, list[str]] | None:
    """(claimant, relays): a label, "unnamed <kind>" for an unnamed source; None: own voice."""
    found = claim.attribution
    if found is None:
        return None
    who = found.claimant
    if who is None:
        name = None
    elif EntityKind.UNNAMED_SOURCE in who.kinds:
        name = "unnamed " + who.key.removeprefix("unnamed-")
    else:
        name = who.label
    return name, [ref.label for ref in found.chain]


SOHR = "Syrian Observatory for Human Rights"


@pytest.mark.parametrize(
    ("rule", "body", "words", "expected"),
    [
        (  # a description resolves to the source the article names, before it
            "description",
            "The Syrian Observatory for Human Rights said the army advanced. "
            "At least 20 civilians were killed in Idlib, the Britain-based monitor said.",
            "20 civilians",
            (SOHR, []),
        ),
        (  # … or after it
            "description",
            "Air strikes killed 12 civilians, the monitoring group said. The Syrian "
            "Observatory for Human Rights has tracked the war since 2011.",
            "12 civilians",
            (SOHR, []),
        ),
        (  # a monitor no article names is an unnamed (activist) source
            "unnamed monitor",
            "Government jets bombed the market, killing nine people, a monitor said.",
            "nine people",
            ("unnamed activist", []),
        ),
        (
            "unnamed kind",
            "A military source said 15 militants were killed.",
            "15 militants",
            ("unnamed military", []),
        ),
        (
            "unnamed kind",
            "Medical sources said 30 people were wounded in the raid.",
            "30 people",
            ("unnamed medical", []),
        ),
        (
            "unnamed kind",
            "Local activists said 12 civilians died in the shelling.",
            "12 civilians",
            ("unnamed activist", []),
        ),
        (
            "unnamed kind",
            "Residents said 40 families fled the town on Sunday.",
            "40 families",
            ("unnamed local", []),
        ),
        (
            "unnamed kind",
            "State media said 25 terrorists were killed near Hama.",
            "25 terrorists",
            ("unnamed media", []),
        ),
        (  # someone speaking for a named organisation is that organisation
            "member",
            "A Pentagon spokesman said 9 allied fighters were killed in the strike.",
            "9 allied fighters",
            ("Pentagon", []),
        ),
        (  # a source at a province speaks for its authorities
            "member at a place",
            "A source at Aleppo province told SANA that 3 people were injured in the city.",
            "3 people",
            ("Aleppo province", ["Syrian Arab News Agency"]),
        ),
        (  # a named person speaks for the organisation the phrase describes: a relay hop
            "person and organisation",
            "The Syrian Observatory for Human Rights counted the dead. Observatory head "
            "Rami Abdel Rahman told AFP that 35 fighters were killed.",
            "35 fighters",
            ("Rami Abdel Rahman", [SOHR, "Agence France-Presse"]),
        ),
        (  # "X reported, citing Y": Y speaks, X relays
            "citing",
            "SANA reported on Sunday evening, citing a military source, that 40 terrorists "
            "were killed.",
            "40 terrorists",
            ("unnamed military", ["Syrian Arab News Agency"]),
        ),
        (  # "Y told X"
            "told",
            "An activist told AFP that 17 people were killed in the shelling.",
            "17 people",
            ("unnamed activist", ["Agence France-Presse"]),
        ),
        (  # commas lost: the count glued to the speaker does not become the speaker
            "glued count",
            "Rocket attacks killed 5 people in Damascus on Thursday and wounded at least 50 "
            "a monitoring group said. The Syrian Observatory for Human Rights is based in "
            "Britain.",
            "at least 50",
            (SOHR, []),
        ),
        (  # commas lost: "According to AFP more than 30 shells"
            "comma lost",
            "According to AFP more than 30 shells hit the city on Monday.",
            "more than 30 shells",
            ("Agence France-Presse", []),
        ),
        (  # a sentence closed by its speech verb: the verb heads no clause of its own
            "closing verb",
            "The Observatory said ten rebels died. The Kurds also lost three fighters in "
            "the clashes it added.",
            "three fighters",
            ("Observatory", []),
        ),
        (  # "claim" reports when its subject names a source, if only by an appositive
            "claimed by a named subject",
            "At least 40 people including civilians were killed and dozens wounded some "
            "seriously when an ammunitions depot blew up in Wadi al-Zahab District after "
            "rocket fire the UK-based opposition Syrian Observatory for Human Rights "
            "claimed on Thursday.",
            "At least 40 people",
            (SOHR, []),
        ),
        (  # the subject the parse missed, past "has" and an acronym in brackets
            "missed subject",
            "An attack on a clinic in Aleppo has left two patients dead and eight others "
            "injured the Qatar Red Crescent Society (QRCS) has announced.",
            "eight others",
            ("Qatar Red Crescent Society", []),
        ),
        (  # "the charity": the relief body the article names
            "charity",
            "The Qatar Red Crescent Society runs the clinic. Two patients were killed and "
            "eight injured in the bombing, the charity said in a statement.",
            "eight injured",
            ("Qatar Red Crescent Society", []),
        ),
        (  # a sentence ending with its source, the verb lost
            "sentence tail",
            "Kurdish forces killed at least 16 ISIL terrorists in an attack on Saturday near "
            "the border with Turkey the UK-based Syrian Observatory for Human Rights.",
            "at least 16",
            (SOHR, []),
        ),
        (  # a report runs on into the next sentence with no source of its own
            "carried",
            "The Syrian Observatory for Human Rights said government jets struck the town. "
            "At least 12 civilians were killed and 30 others were wounded.",
            "30 others",
            (SOHR, []),
        ),
        (  # another source's sentence ends the report
            "carried until another source",
            "The Syrian Observatory for Human Rights said jets struck the town. State media "
            "blamed the rebels. The rebels denied it. Later 14 people were buried.",
            "14 people",
            None,
        ),
        (  # a sentence opening on another date turns to background: own voice
            "carried until a new date",
            "The Syrian Observatory for Human Rights said jets struck the town on Sunday. "
            "In recent days 57 civilians have been killed in the province.",
            "57 civilians",
            None,
        ),
        (  # … as does a round-up's next item, opening on its own heading
            "carried until a news item's heading",
            "Four people were killed when shells hit the market, a police source told SANA. "
            "Two civilians injured in mortar attack on Bab Touma Terrorists fired mortar "
            "shells at the neighborhood.",
            "Two civilians",
            None,
        ),
        (  # … as does a turn to another story
            "carried until another story",
            "The Syrian Observatory for Human Rights said jets struck the town on Sunday. "
            "Meanwhile four civilians were killed when rebels shelled the city.",
            "four civilians",
            None,
        ),
        (  # … as does a date before the news
            "carried until an earlier date",
            "The Syrian Observatory for Human Rights said jets struck the town on Sunday. "
            "Two blasts killed at least 40 people in the same district in March.",
            "at least 40 people",
            None,
        ),
        (  # a period total is background in the article's own voice
            "carried, not a total",
            "The Syrian Observatory for Human Rights said jets struck the town. More than "
            "280,000 people have been killed since the war began in 2011.",
            "280,000 people",
            None,
        ),
        (  # a named source before an unnamed one in the same sentence
            "named before unnamed",
            "According to local media 20 people were killed in the town, the Syrian "
            "Observatory for Human Rights said.",
            "20 people",
            (SOHR, []),
        ),
        (  # an event phrase is no speaker: the source named right before the verb is
            "event is no source",
            "A bomb killed 18 people in the suburb on Tuesday the latest in a spate of "
            "blasts to hit the district state television said.",
            "18 people",
            ("unnamed media", []),
        ),
        (  # a capital speaks for its state; a claimant is an actor
            "capital",
            "Moscow said 30 militants were killed in the strikes.",
            "30 militants",
            ("Russia", []),
        ),
        (  # a nameless description of a speaker is an unnamed source
            "nameless description",
            "A military spokesperson said 12 militants were killed in the raid.",
            "12 militants",
            ("unnamed military", []),
        ),
        (  # a ministry is named by its portfolio, even in lowercase
            "ministry",
            "The interior ministry said 20 militants were killed in the city.",
            "20 militants",
            ("Interior Ministry", []),
        ),
        (  # no source at all: the article's own voice
            "own voice",
            "Rebels shelled the district on Monday. Six civilians were killed.",
            "Six civilians",
            None,
        ),
        (  # a deed claimed is not a report
            "claimed deed",
            "The Islamic State group claimed the attack that killed 17 people.",
            "17 people",
            None,
        ),
        (  # of sources joined the first speaks, the parse having lost the verb's subject
            "first of joined sources, subject lost",
            "Thirty civilians were killed on Saturday in intensive air strikes on a suburb "
            "town northeast of the city a day after the reported execution of an air force "
            "pilot a monitor and rebels said. The Syrian "
            "Observatory for Human Rights said scores were also injured.",
            "Thirty civilians",
            (SOHR, []),
        ),
        (  # of sources joined the first speaks, after a comma too
            "first of joined sources, comma kept",
            "Twelve people were killed in the town, activists and a monitor said.",
            "Twelve people",
            ("unnamed activist", []),
        ),
        (  # the parse gives the verb two subjects: the one that names a source speaks
            "two subjects, the source one",
            "Eight people were killed when intense airstrikes targeted Castello road the only "
            "route leading to rebel-held areas in divided Aleppo the Syrian Observatory reported.",
            "Eight people",
            (SOHR, []),
        ),
        (  # a description the sentence names goes by its name
            "known as",
            "At least 31 people were killed by raids in eastern Aleppo on Friday the civil "
            "defence known as the White Helmets have said.",
            "31 people",
            ("White Helmets", []),
        ),
        (  # a denial does not make the denier the source of the count
            "denial",
            "Russia denied that its jets killed 18 civilians near the town.",
            "18 civilians",
            None,
        ),
    ],
)
def test_sources(nlp: Language, rule: str, body: str, words: str, expected: tuple | None) -> None:
    assert source(claim_of(analysed(nlp, body), words)) == expected, rule


@pytest.mark.parametrize(
    ("rule", "headline", "body", "expected"),
    [
        (  # a headline tail after a mark, resolved through the body
            "tail after a mark",
            "Air strikes kill 20 in Idlib: monitor",
            "Air strikes hit the city on Sunday. The Syrian Observatory for Human Rights "
            "said the jets were Russian.",
            (SOHR, []),
        ),
        (
            "tail with a verb",
            "Strike kills 9 allied fighters, Pentagon says",
            "A strike hit the town on Sunday.",
            ("Pentagon", []),
        ),
        (  # a tail whose mark was lost: only a source noun or an outlet
            "tail without a mark",
            "School bombing kills 30 children in Syria monitor",
            "The Syrian Observatory for Human Rights said the school was hit twice.",
            (SOHR, []),
        ),
        (  # the count repeated from the body gets the body's source
            "repeated count",
            "Car bomb kills 25 in Azaz",
            "A car bomb exploded in the market of Azaz on Sunday. The explosion killed 25 "
            "people, the Syrian Observatory for Human Rights said.",
            (SOHR, []),
        ),
        (  # the body's fuller chain holding the tail's source wins
            "tail, the body's chain",
            "School bombing kills 30 children in Syria monitor",
            "The Syrian Observatory for Human Rights counted the dead. Observatory head Rami "
            "Abdel Rahman told AFP that 30 children were killed in the school.",
            ("Rami Abdel Rahman", [SOHR, "Agence France-Presse"]),
        ),
        (  # a title-case place the headline's preposition governs is where, not who
            "title-case object of a preposition",
            "Dozens Killed in Missile Attack on Aleppo Hospital",
            "A missile hit the building on Tuesday.",
            None,
        ),
        (  # a headline number with neither: own voice
            "own voice",
            "Car bomb kills 25 in Azaz",
            "A car bomb exploded in the market of Azaz on Sunday.",
            None,
        ),
    ],
)
def test_headline_sources(
    nlp: Language, rule: str, headline: str, body: str, expected: tuple | None
) -> None:
    analysis = analysed(nlp, body, headline)
    in_headline = [c for c in analysis.claims if c.evidence[0].end <= len(headline)]
    assert in_headline, rule
    assert source(in_headline[0]) == expected, rule


def test_unnamed_sources_are_one_ref_per_kind(nlp: Language) -> None:
    """Two wordings of one kind ("a military source", "military sources") share a node."""
    analysis = analysed(
        nlp,
        "A military source said 15 militants were killed. Military sources said 20 "
        "others were captured.",
    )
    refs = {c.attribution.claimant.key for c in analysis.claims if c.attribution}  # type: ignore[union-attr]
    labels = {c.attribution.claimant.label for c in analysis.claims if c.attribution}  # type: ignore[union-attr]
    assert refs == {"unnamed-military"}
    assert labels == {"A military source", "Military sources"}


def test_a_count_glued_to_its_speaker_stays_out_of_the_speaker(nlp: Language) -> None:
    """Commas lost: "… wounded at least 50 a military source said" — the source is "a
    military source", not "at least 50 a military source"."""
    analysis = analysed(
        nlp,
        "Rocket attacks killed 5 people in Damascus on Thursday and wounded at least 50 "
        "a military source said.",
    )
    found = claim_of(analysis, "5 people").attribution
    assert found is not None and found.claimant is not None
    assert found.claimant.label == "a military source"


@pytest.mark.parametrize(
    "phrase",
    [
        "the tank-backed assault",
        "the latest in a spate of blasts",
        "2,000 people",
        "the claim",
        "the death tolls",
        "graphic video",
    ],
)
def test_an_event_a_count_or_a_common_word_is_no_claimant(nlp: Language, phrase: str) -> None:
    """A speaker phrase the parse got wrong never becomes a claimant node."""
    from kg.extract.speakers import speaker_ref

    doc = nlp(phrase)
    assert speaker_ref(doc, (0, len(doc)), ()) == (None, [])
