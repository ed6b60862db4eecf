"""The ``newskg_quantities`` component on blank pipelines: numbers, qualifiers, exclusions."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

import kg.nlp.quantities  # noqa: F401  (registers the component)
from kg.records import Qualifier, Unit


@pytest.fixture(scope="module")
def blank() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("newskg_quantities")
    return nlp


def amounts(nlp: Language, text: str) -> list[tuple[str, int | float, Qualifier, Unit | None]]:
    doc = nlp(text)
    result = []
    for span in doc.spans["quantities"]:
        q = span._.quantity
        result.append((span.text, q.value, q.qualifier, q.unit))
    return result


EXACT, MORE, LEAST, MOST, LESS, APPROX = (
    Qualifier.EXACT,
    Qualifier.MORE_THAN,
    Qualifier.AT_LEAST,
    Qualifier.AT_MOST,
    Qualifier.LESS_THAN,
    Qualifier.APPROXIMATELY,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels lost 4,000 men.", [("4,000", 4000, EXACT, None)]),
        ("A column of 4000 gunmen left.", [("4000", 4000, EXACT, None)]),
        ("Shelling killed more than 300 soldiers.", [("more than 300", 300, MORE, None)]),
        ("Over 1,200 militants surrendered.", [("Over 1,200", 1200, MORE, None)]),
        ("The toll exceeded 75.", [("exceeded 75", 75, MORE, None)]),
        ("Raids killed up to 40 insurgents.", [("up to 40", 40, MOST, None)]),
        ("As many as 90 troops arrived.", [("As many as 90", 90, MOST, None)]),
        ("At least 16 civilians died.", [("At least 16", 16, LEAST, None)]),
        ("Fewer than 20 residents stayed.", [("Fewer than 20", 20, LESS, None)]),
        ("Some 80% of residents fled.", [("Some 80%", 80, APPROX, Unit.PERCENT)]),
        ("Nearly 60 percent of homes burned.", [("Nearly 60 percent", 60, APPROX, Unit.PERCENT)]),
        ("Around 2,500 families left.", [("Around 2,500", 2500, APPROX, None)]),
        ("An estimated 700 fighters regrouped.", [("An estimated 700", 700, APPROX, None)]),
        ("Six people were killed.", [("Six", 6, EXACT, None)]),
        ("Twenty-five gunmen were captured.", [("Twenty-five", 25, EXACT, None)]),
        ("A dozen tanks advanced.", [("A dozen", 12, APPROX, None)]),
        ("More than a dozen tanks advanced.", [("More than a dozen", 12, MORE, None)]),
        ("Dozens of civilians were wounded.", [("Dozens", 24, APPROX, None)]),
        ("Hundreds of fighters fled.", [("Hundreds", 200, APPROX, None)]),
        ("Thousands of refugees crossed.", [("Thousands", 2000, APPROX, None)]),
        ("Tens of thousands of people fled.", [("Tens of thousands", 20000, APPROX, None)]),
        ("Several hundred militants gathered.", [("Several hundred", 200, APPROX, None)]),
        ("The war displaced 1.9 million people.", [("1.9 million", 1900000, EXACT, None)]),
        ("Fifty or more bodies were found.", [("Fifty or more", 50, LEAST, None)]),
        ("Over 1 000 civilians have been killed.", [("Over 1 000", 1000, MORE, None)]),
        ("Some 200 000 civilians are trapped.", [("Some 200 000", 200000, APPROX, None)]),
        ("Scores were injured.", [("Scores", 40, APPROX, None)]),
        ("12 Killed, Scores Injured", [("12", 12, EXACT, None), ("Scores", 40, APPROX, None)]),
        ("Tens of civilians fled.", [("Tens", 20, APPROX, None)]),
        (
            "More than a quarter of a million people died.",
            [("More than a quarter of a million", 250000, MORE, None)],
        ),
        ("Half a million people fled.", [("Half a million", 500000, EXACT, None)]),
        ("In March two children died.", [("two", 2, EXACT, None)]),
        ("They wounded 25. Six died later.", [("25", 25, EXACT, None), ("Six", 6, EXACT, None)]),
    ],
)
def test_amounts(blank: Language, text: str, expected: list) -> None:
    assert amounts(blank, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The town lies about 220 km to the north.",
        "The convoy covered 40 miles.",
        "A 12-year-old boy was hurt.",
        "The victim was aged 12.",
        "Fighting began in 2011.",
        "Resolution 2254 calls for talks.",
        "He was one of the commanders.",
        "It cost $5 million.",
        "The S-300 system was deployed.",
        "The siege lasted five years.",
        "On 12 December the city fell.",
        "The scores were level.",
        "Final scores will be posted.",
        "The tens digit changed.",
        "A quarter of the city burned.",
        "On March 12 children died.",
        "The siege ended. 2013 Children return to school.",
    ],
)
def test_not_amounts(blank: Language, text: str) -> None:
    assert amounts(blank, text) == []


def test_spans_are_text(blank: Language) -> None:
    text = "Up to 300 jihadists and some 80% of residents; about 220 km away."
    doc = blank(text)
    for span in doc.spans["quantities"]:
        assert text[span.start_char : span.end_char] == span.text


def _with_entity(nlp: Language, text: str, words: str, label: str = "MONEY") -> list[int | float]:
    """The amounts of ``text`` when the model has tagged ``words`` ``label`` (hand-built Doc)."""
    from spacy.tokens import Span

    doc = nlp.make_doc(text)
    start = text.index(words)
    entity = doc.char_span(start, start + len(words), label=label)
    assert entity is not None
    doc.ents = [Span(doc, entity.start, entity.end, label=label)]
    doc = nlp.get_pipe("newskg_quantities")(doc)
    return [span._.quantity.value for span in doc.spans["quantities"]]


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # a MONEY tag with no currency in or beside it is the model's slip: still a count
        (
            "Thousands have been killed and more than 10 million displaced across the country.",
            "more than 10 million",
            [2000, 10_000_000],
        ),
        ("Some 300 killed and 4 million displaced.", "4 million", [300, 4_000_000]),
        # with a currency it is money, not a count
        ("Donors pledged 10 million euros for the displaced.", "10 million euros", []),
        ("The fund raised $4 million for 300 families.", "$4 million", [300]),
    ],
)
def test_money_tag_without_currency(
    blank: Language, text: str, words: str, expected: list[int | float]
) -> None:
    assert _with_entity(blank, text, words, "MONEY") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline's capitalised plural of a counted noun: a count the DATE tag slipped on
        ("Syrian Army Kills over 80 Terrorists in Various Provinces", [80]),
        ("Rebels Say 40 Soldiers Killed Near Hama", [40]),
        # not a counted noun: the DATE tag stands
        ("Talks Resume After 80 Days in Geneva", []),
    ],
)
def test_headline_plural_after_a_number_tagged_date(
    blank: Language, text: str, expected: list[int | float]
) -> None:
    number = next(word for word in text.split() if word.isdigit())
    assert _with_entity(blank, text, number, "DATE") == expected
