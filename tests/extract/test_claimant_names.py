"""Claimant names, once a sentence is known to report: a bare surname is the full name
given before (``kg.extract.surnames``), a known name headed by a source noun is named
(``kg.nlp.sources.known_name``), a place glued to "the Observatory" is no name
(``kg.extract.entities.glued_common_word`` and ``kg.extract.source_names.common_word``).

Real-model parses through ``analyse``; each row names its rule, and switching the rule
off fails the row.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract.appositive_names import name_before_description
from kg.extract.surnames import full_name_before
from kg.records import EntityKind, EntityRef
from tests.extract.test_sources import SOHR, analysed, claim_of, source


@pytest.mark.parametrize(
    ("rule", "body", "words", "expected"),
    [
        (  # the NER misses "Anas Abdah"; the surname later is that person
            "surname, full name missed",
            "In a letter sent by President of the Syrian Coalition Anas Abdah to the UN "
            "Secretary-General the Coalition underscored the situation in Aleppo. Abdah "
            "noted that the escalation in Aleppo has killed more than 670 people.",
            "670 people",
            "Anas Abdah",
        ),
        (  # a named group headed by a source noun is named, not "doctors" unnamed
            "known name headed by a source noun",
            "Doctors Without Borders said 12 people were killed when the hospital was hit.",
            "12 people",
            "Médecins Sans Frontières",
        ),
        (  # the NER misses the name before its description, the comma lost
            "name before an indefinite description",
            "Activists said three people died. The Civil Defense another activist group said "
            "10 people were also wounded in that attack.",
            "10 people",
            "Civil Defense",
        ),
        (  # the NER glues the town to "the Observatory": the monitor the article names
            "place glued to the short name",
            "The Syrian Observatory for Human Rights said three people died. Two others were "
            "beheaded for blasphemy in the nearby town of al-Bulel the Observatory said.",
            "Two others",
            SOHR,
        ),
        (  # … and the next "The Observatory said" is that monitor too, not the glued span
            "place glued to the short name",
            "The Syrian Observatory for Human Rights said three people died. Two others were "
            "beheaded for blasphemy in the nearby town of al-Bulel the Observatory said. The "
            "Observatory said a further 19 men from the tribe were executed on Thursday.",
            "19 men",
            SOHR,
        ),
    ],
)
def test_claimant_names(nlp: Language, rule: str, body: str, words: str, expected: str) -> None:
    found = source(claim_of(analysed(nlp, body), words))
    assert found is not None and found[0] == expected, (rule, found)


@pytest.mark.parametrize(
    ("body", "words", "expected"),
    [
        (  # a title before the surname is no given name
            "The plan was backed by Foreign Minister Fabius on Monday. Fabius said that 40 "
            "civilians were killed in the raids on Idlib.",
            "40 civilians",
            "Fabius",
        ),
        (  # unnamed doctors stay unnamed
            "Local doctors said 12 people were killed when the hospital was hit.",
            "12 people",
            "unnamed medical",
        ),
        (  # mid-sentence, the words before "a monitor" are the report's object
            "Rebels clashed with 20 fighters of the Free Syrian Army a monitor said. The "
            "Syrian Observatory for Human Rights gave no toll.",
            "20 fighters",
            "Syrian Observatory for Human Rights",
        ),
        (  # a short name before the description is the monitor the article names
            "The Syrian Observatory for Human Rights counted the dead. The Observatory a "
            "British-based war monitor said air strikes killed at least one teacher.",
            "one teacher",
            "Syrian Observatory for Human Rights",
        ),
        (  # a person before "the head of the Observatory", the comma lost, speaks
            "The Syrian Observatory for Human Rights counted the dead. Rami Abdel Rahman the "
            "head of the Observatory said 20 people were killed in the raid.",
            "20 people",
            "Rami Abdel Rahman",
        ),
        (  # a name with "the" of its own stays whole
            "Save the Children said 12 children were killed in the strike on the school.",
            "12 children",
            "Save the Children",
        ),
    ],
)
def test_claimant_names_left_alone(nlp: Language, body: str, words: str, expected: str) -> None:
    found = source(claim_of(analysed(nlp, body), words))
    assert found is not None and found[0] == expected, found


def test_a_description_stands_for_a_name_before_it_first(nlp: Language) -> None:
    """ "… the group said" after the union named in its own sentence is that union, not
    the Observatory the article names only further down (``kg.extract.referents``)."""
    body = (
        "The four staff of the Union of Syrian Medical Relief Organisations were in two "
        "ambulances called to the clinic the group said. The Syrian Observatory for Human "
        "Rights said nine rebels were also killed in the strike."
    )
    found = source(claim_of(analysed(nlp, body), "two ambulances"))
    assert found == ("Union of Medical Care and Relief Organizations", []), found


def test_a_headline_description_is_still_the_body_name(nlp: Language) -> None:
    """With no name before it, "…: monitor" is the monitor the body names."""
    analysis = analysed(
        nlp,
        "Warplanes struck the town on Saturday. The Syrian Observatory for Human Rights "
        "said the raids were the heaviest in weeks.",
        headline="Air strikes kill 20 in Idlib: monitor",
    )
    assert source(claim_of(analysis, "20")) == (SOHR, [])


def test_a_body_short_name_is_no_surname(nlp: Language) -> None:
    """ "Ahrar said" after "Harakat Ahrar": the NER's organisation is left as read."""
    body = "Fighters of Harakat Ahrar attacked the town. Ahrar said 20 soldiers were killed."
    found = source(claim_of(analysed(nlp, body), "20 soldiers"))
    assert found is None or found[0] != "Harakat Ahrar", found


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("Laurent Fabius", "Laurent Fabius"),  # a given name: the full name
        ("Mr Fabius", "Fabius"),  # a title is no given name
        ("Dr Fabius", "Fabius"),
    ],
)
def test_a_title_before_the_surname_is_no_given_name(
    nlp: Language, before: str, expected: str
) -> None:
    """ "… backed by Mr Fabius on Monday. Fabius said …": the word before the surname
    earlier is a title ("Mr", "Dr"), not the person's given name
    (``kg.extract.surnames.TITLE_WORDS``)."""
    doc = nlp(f"The plan was backed by {before} on Monday. Fabius said 40 civilians were killed.")
    said = next(t.i for t in doc if t.lower_ == "said")
    ref = EntityRef("fabius", "Fabius", (EntityKind.ACTOR, EntityKind.PERSON))
    found = full_name_before(doc, (said - 1, said), ref)
    assert found is not None and found.label == expected


def test_a_hyphen_inside_a_name_opens_no_clause(nlp: Language) -> None:
    """ "Mohammed al-Halabi a monitor said …": the words after the hyphen are part of a
    name, not a source named at the opening of its clause
    (``kg.extract.appositive_names``)."""
    text = "Mohammed al-Halabi a local monitor said 12 people were killed in the raid."
    doc = nlp(text)
    start = text.index("a local monitor")
    span = doc.char_span(start, start + len("a local monitor"))
    assert span is not None
    found = name_before_description(span)
    assert found is None or found.label != "Halabi", found
