"""The ``newskg_quantities`` component: numbers that may count people or things.

It writes to ``doc.spans["quantities"]`` one span per candidate amount, from its
qualifier through its number (and a percent sign), e.g. "more than 300", "up to 5,000",
"some 80%", "exceeded 4,000", "dozens", "a dozen", "twenty-five". ``span._.quantity``
(a getter, so nothing but the spans is stored) parses a span into a ``Quantity``.

Reading rules:

* digits ("4,000", "4000", "1.9 million") and number words ("six", "twenty-five",
  "two dozen") are exact unless a qualifier says otherwise;
* qualifiers: over / more than / exceeded / exceeding → MoreThan; at least / no fewer
  than / "or more" after → AtLeast; up to / as many as / no more than → AtMost;
  less than / fewer than / under → LessThan; around / about / some / nearly / almost /
  approximately / roughly / (an) estimated / close to → Approximately;
* vague amounts are never given invented precision: the count is the lower bound the
  word literally implies and the qualifier is Approximately — "dozens" 24, "scores (of)"
  40, "hundreds" 200, "thousands" 2,000, "tens of thousands" 20,000, "hundreds of
  thousands" 200,000, "several/a few hundred" 200, "a dozen" 12, "a handful" 3,
  "a couple (of)" 2; an explicit qualifier ("more than a dozen") wins;
* not amounts: dates, years, times, ages ("12-year-old", "aged 12"), measures
  ("220 km", "five years"), money, ordinals, numbers after "Resolution", "No.",
  "page", "Brigade" and the like, "one of", and numbers glued to letters ("S-300").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.nlp.lexicon import (
    COUNTED_NOUNS,
    MEASURE_UNITS,
    MULTIPLIERS,
    NON_COUNT_ENT_TYPES,
    NUMBER_PREFIX_EXCLUDES,
    NUMBER_WORDS,
    QUALIFIERS_AFTER,
    QUALIFIERS_BEFORE,
    VAGUE_AMOUNTS,
    VAGUE_MULTIPLIER_PREFIXES,
)
from kg.records import Qualifier, Unit

QUANTITIES = "quantities"
DIGITS = re.compile(r"^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
PERCENT_WORDS = frozenset({"%", "percent", "per", "pc"})
MONTHS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
     "sep", "sept", "oct", "nov", "dec"}
)  # fmt: skip
YEAR_PREPOSITIONS = frozenset({"in", "since", "of", "until", "till", "by", "from", "to", "after",
                               "before", "during", "early", "late", "mid", "summer", "spring",
                               "winter", "autumn", "fall"})  # fmt: skip
TIME_WORDS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
     "yesterday", "tomorrow", "ago", "o'clock", "noon", "midnight", "morning", "evening",
     "night", "overnight", "afternoon", "dawn", "dusk", "last", "next", "past", "the", "this"}
)  # fmt: skip
MAX_QUALIFIER_WORDS = max(len(words) for words in QUALIFIERS_BEFORE)
TENS_OF = 20  # "tens of civilians": at least two tens


@dataclass(frozen=True, slots=True)
class Quantity:
    """A parsed amount: value, how it is hedged, its unit, and the number's token range."""

    value: int | float
    qualifier: Qualifier
    unit: Unit | None
    number_start: int  # doc token index of the first number token
    number_end: int  # one past the last number token (before "%")
    vague: bool = False  # a word's lower bound ("dozens" 24), not a number the text gives


def _quantity_getter(span: Span) -> Quantity | None:
    return parse_quantity(span)


if not Span.has_extension("quantity"):
    Span.set_extension("quantity", getter=_quantity_getter)


@Language.component("newskg_quantities")
def quantities_component(doc: Doc) -> Doc:
    """Write every candidate amount to ``doc.spans["quantities"]``."""
    doc.spans[QUANTITIES] = list(find_quantities(doc))
    return doc


def find_quantities(doc: Doc) -> Iterator[Span]:
    """Candidate amount spans, in text order, excluding dates, measures, names and money."""
    i = 0
    while i < len(doc):
        end = _number_end(doc, i)
        if end == i:
            i += 1
            continue
        if not _excluded(doc, i, end):
            start = _qualifier_start(doc, i)
            span_end = _unit_end(doc, end)
            span_end = _qualifier_after_end(doc, span_end)
            yield Span(doc, start, span_end, label="quantity")
        i = end


def parse_quantity(span: Span) -> Quantity | None:
    """Read a quantities span back into a ``Quantity`` (None when it holds no number)."""
    doc = span.doc
    start = next((t.i for t in span if _number_end(doc, t.i) > t.i), None)
    if start is None:
        return None
    end = _number_end(doc, start)
    value, vague = _value(doc[start:end])
    if value is None:
        return None
    qualifier = _qualifier_before(doc, span.start, start)
    if qualifier is None:
        after = tuple(t.lower_ for t in doc[end : span.end] if t.lower_ not in PERCENT_WORDS)
        qualifier = QUALIFIERS_AFTER.get(after[:2]) or QUALIFIERS_AFTER.get(after[:1])
    if qualifier is None:
        qualifier = Qualifier.APPROXIMATELY if vague else Qualifier.EXACT
    unit = Unit.PERCENT if any(t.lower_ in PERCENT_WORDS for t in doc[end : span.end]) else None
    return Quantity(value, qualifier, unit, start, end, vague)


# --- number tokens --------------------------------------------------------------------------


def _is_number_word(token: Token) -> bool:
    word = token.lower_
    return bool(DIGITS.match(token.text)) or word in NUMBER_WORDS or word in MULTIPLIERS


def _number_end(doc: Doc, i: int) -> int:
    """One past the number starting at token i (i itself when no number starts there)."""
    token = doc[i]
    word = token.lower_
    n = len(doc)
    if word == "a" and i + 1 < n and doc[i + 1].lower_ in {"dozen", "handful", "couple"}:
        if doc[i + 1].lower_ == "dozen" or (i + 2 < n and doc[i + 2].lower_ == "of"):
            return i + 2
        return i
    if (
        word in {"tens", "hundreds"}
        and i + 2 < n
        and doc[i + 1].lower_ == "of"
        and (doc[i + 2].lower_ in {"thousands", "millions"})
    ):
        return i + 3
    fraction = _fraction_end(doc, i)
    if fraction > i:
        return fraction
    if word == "tens" and i + 1 < n and doc[i + 1].lower_ == "of":
        return i + 1  # "tens of civilians"
    if word in VAGUE_AMOUNTS and word not in {"handful", "couple"}:
        if word == "scores" and not _scores_counts(doc, i):
            return i
        return i + 1
    if (
        word in VAGUE_MULTIPLIER_PREFIXES
        and i + 1 < n
        and doc[i + 1].lower_
        in {
            "hundred",
            "thousand",
        }
    ):
        return i + 2
    if (
        word == "few"
        and i > 0
        and doc[i - 1].lower_ == "a"
        and i + 1 < n
        and (doc[i + 1].lower_ in {"hundred", "thousand"})
    ):
        return i + 2
    if not _is_number_word(token) or word in MULTIPLIERS:
        return i
    end = i + 1
    while end < n and doc[end].text == "000" and re.match(r"^\d{1,3}$", doc[end - 1].text):
        end += 1  # thousands written with a space: "1 000", "200 000"
    while end < n:
        nxt = doc[end]
        if (
            (
                _is_number_word(nxt)
                and not DIGITS.match(nxt.text)
                and not DIGITS.match(doc[end - 1].text)
            )
            or nxt.lower_ in MULTIPLIERS
            or nxt.lower_ == "dozen"
        ):
            end += 1
        elif (
            nxt.text == "-"
            and end + 1 < n
            and doc[end - 1].lower_ in NUMBER_WORDS
            and doc[end + 1].lower_ in NUMBER_WORDS
            and not nxt.whitespace_
        ) or (
            nxt.lower_ == "and"
            and end + 1 < n
            and doc[end - 1].lower_ in MULTIPLIERS
            and doc[end + 1].lower_ in NUMBER_WORDS
        ):
            end += 2
        else:
            break
    return end


# "scores" counts before "of" or a verb ("scores were injured", "Scores Injured"), not
# as a noun or verb of its own ("the scores", "he scores").
SCORES_NEXT = frozenset(
    {"of", "were", "was", "have", "had", "are", "more", "others", "other", "killed", "wounded",
     "injured", "dead", "died", "hurt", "fled", "displaced", "missing"}
)  # fmt: skip
FRACTIONS = {"quarter": 0.25, "half": 0.5, "third": 1 / 3}


def _scores_counts(doc: Doc, i: int) -> bool:
    """ "scores of civilians", "scores were injured", "Scores Injured" (not "the scores")."""
    if i > 0 and doc[i - 1].lower_ in {"the", "his", "her", "their", "its", "our", "high"}:
        return False
    return i + 1 < len(doc) and doc[i + 1].lower_ in SCORES_NEXT


def _fraction_end(doc: Doc, i: int) -> int:
    """One past "a quarter of a million", "half a million" starting at i (else i)."""
    n = len(doc)
    j = i + 1 if doc[i].lower_ == "a" else i
    if j >= n or doc[j].lower_ not in FRACTIONS:
        return i
    k = j + 1
    if k < n and doc[k].lower_ == "of":
        k += 1
    if not (k + 1 < n and doc[k].lower_ == "a"):
        return i
    multiplier = doc[k + 1].lower_
    return k + 2 if multiplier in MULTIPLIERS and multiplier != "hundred" else i


def _value(tokens: Span) -> tuple[int | float | None, bool]:
    """The number the tokens spell, and whether it is a vague amount."""
    words = [t.lower_ for t in tokens if t.text != "-" and t.lower_ != "and"]
    if not words:
        return None, False
    if words[0] == "a" and len(words) > 1 and words[1] in FRACTIONS:
        words = words[1:]
    if words[0] in FRACTIONS and words[-1] in MULTIPLIERS:
        value = FRACTIONS[words[0]] * MULTIPLIERS[words[-1]]  # "a quarter of a million"
        return (int(value) if value == int(value) else value), False
    if words == ["tens"]:
        return TENS_OF, True
    if words[0] in {"tens", "hundreds"} and len(words) == 3:
        return (20 if words[0] == "tens" else 200) * (
            1_000 if words[2] == "thousands" else 1_000_000
        ), True
    if words[0] in VAGUE_AMOUNTS:
        return VAGUE_AMOUNTS[words[0]], True
    if words[0] == "a" and len(words) > 1:
        return {"dozen": 12, "handful": 3, "couple": 2}[words[1]], True
    if words[0] in VAGUE_MULTIPLIER_PREFIXES or words[0] == "few":
        return 2 * MULTIPLIERS[words[1]], True
    total = 0.0
    current = 0.0
    vague = False
    for word in words:
        if word == "000" and current:
            current *= 1_000  # "1 000"
        elif DIGITS.match(word):
            current += float(word.replace(",", ""))
        elif word in NUMBER_WORDS:
            if word == "dozen":
                current = max(current, 1) * 12
                vague = True
            else:
                current += NUMBER_WORDS[word]
        elif word in MULTIPLIERS:
            multiplier = MULTIPLIERS[word]
            if multiplier == 100:
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * multiplier
                current = 0
    value = total + current
    return (int(value) if value == int(value) else value), vague


# --- qualifiers and units --------------------------------------------------------------------


def _qualifier_before(doc: Doc, span_start: int, number_start: int) -> Qualifier | None:
    words = tuple(t.lower_ for t in doc[span_start:number_start])
    if words and words[-1] == "a":  # "more than a dozen"
        words = words[:-1]
    for size in range(min(MAX_QUALIFIER_WORDS, len(words)), 0, -1):
        qualifier = QUALIFIERS_BEFORE.get(words[-size:])
        if qualifier is not None:
            return qualifier
    return None


def _qualifier_start(doc: Doc, number_start: int) -> int:
    """Extend left over a qualifier ("more than", "up to", "some")."""
    base = number_start
    if doc[base].lower_ == "few" and base > 0 and doc[base - 1].lower_ == "a":
        base -= 1
    for size in range(MAX_QUALIFIER_WORDS, 0, -1):
        start = base - size
        if start < 0:
            continue
        words = tuple(t.lower_ for t in doc[start:base])
        if words in QUALIFIERS_BEFORE:
            return start
    return base


def _unit_end(doc: Doc, end: int) -> int:
    if end < len(doc) and doc[end].lower_ in {"%", "percent"}:
        return end + 1
    if end + 1 < len(doc) and doc[end].lower_ == "per" and doc[end + 1].lower_ == "cent":
        return end + 2
    return end


def _qualifier_after_end(doc: Doc, end: int) -> int:
    for words, _ in sorted(QUALIFIERS_AFTER.items(), key=lambda item: -len(item[0])):
        if tuple(t.lower_ for t in doc[end : end + len(words)]) == words:
            return end + len(words)
    return end


# --- exclusions ---------------------------------------------------------------------------------


def _next_word(doc: Doc, end: int) -> Token | None:
    """The token after the number, skipping a hyphen ("12-year-old")."""
    if end < len(doc) and doc[end].text in {"-", "–"}:
        end += 1
    return doc[end] if end < len(doc) else None


def _counted_noun(token: Token) -> bool:
    """A noun of the counted things; a capitalised plural by its naive singular, as the
    model leaves headline case as written: "Syrian Army Kills over 80 Terrorists"."""
    word = token.lower_
    if token.lemma_.lower() in COUNTED_NOUNS or word in COUNTED_NOUNS:
        return True
    return token.is_title and word.endswith("s") and word[:-1] in COUNTED_NOUNS


def _excluded(doc: Doc, start: int, end: int) -> bool:
    """Dates, years, times, ages, measures, money, ordinals, identifiers, "one of"."""
    first = doc[start]
    following = _next_word(doc, end)
    counted_next = following is not None and _counted_noun(following)
    if following is not None and (
        following.lower_ in MEASURE_UNITS or following.lemma_.lower() in MEASURE_UNITS
    ):
        return True
    if following is not None and following.lower_ in MONTHS:
        return True
    if start > 0:
        before = doc[start - 1]
        if before.lower_ in NUMBER_PREFIX_EXCLUDES:
            return True
        if before.lower_ in MONTHS and not (first.lower_ in NUMBER_WORDS and counted_next):
            return True  # "March 15", not "In March two blasts occurred"
        if before.text in {"-", "/", "#", "$", "€", "£", "."} and not before.whitespace_:
            return True  # "S-300", "1/2", "$5"
    if (
        following is not None
        and following.text in {"-", "/", ":", "."}
        and not (doc[end - 1].whitespace_)
        and not (following.text == "." and following.whitespace_)  # "wounded 25. Six days"
    ):
        nxt = doc[end + 1] if end + 1 < len(doc) else None
        if nxt is not None and (nxt.like_num or nxt.lower_ in MEASURE_UNITS):
            return True  # "10:30", "2-3 km", "3.5"
    if (first.lower_ == "one" and end == start + 1) and (
        following is None or following.lower_ in {"of", "another", "side", "day", "hand"}
    ):
        return True
    if DIGITS.match(first.text) and end == start + 1 and not counted_next:
        value = float(first.text.replace(",", ""))
        if "," not in first.text and 1900 <= value <= 2100 and "." not in first.text:
            return True  # a year
    if _timeline_year(doc, start, end, following):
        return True
    if any(t.ent_type_ in NON_COUNT_ENT_TYPES for t in doc[start:end]) and not counted_next:
        return _entity_says_not_a_count(doc, start)
    return False


def _timeline_year(doc: Doc, start: int, end: int, following: Token | None) -> bool:
    """A year opening a timeline entry before a capitalised word: "… after 27 days of
    shelling. 2013 Jihadists expand in the north" (not a count of jihadists)."""
    text = doc[start].text
    if end != start + 1 or not text.isdigit() or not 1900 <= int(text) <= 2100:
        return False
    opens = start == 0 or doc[start - 1].text in {".", "!", "?", "-", "*", ":"}
    return opens and following is not None and following.is_title


# A verb whose object is its victims: the number right after it is a count.
VICTIM_VERB = re.compile(r"^(?:kill|wound|injur|execut|behead|massacr|murder)(?:s|es|e|ed|d|ing)?$")


def _entity_says_not_a_count(doc: Doc, start: int) -> bool:
    """A DATE/TIME entity only excludes the number when it holds a time word besides it
    (the model tags "the toll at 16 earlier" as TIME)."""
    token = doc[start]
    if token.ent_type_ == "MONEY":
        return _says_money(doc, start)
    if token.ent_type_ not in {"DATE", "TIME"}:
        return True
    if start > 0 and VICTIM_VERB.match(doc[start - 1].lower_):
        return False  # "Bomb Kills 18 in Damascus Suburb": the model's DATE is a slip
    entity = next((ent for ent in doc.ents if ent.start <= start < ent.end), None)
    if entity is None:
        return True
    others = [t for t in entity if not t.like_num and t.lower_ not in NUMBER_WORDS]
    return (
        any(
            t.lower_ in MEASURE_UNITS or t.lower_ in MONTHS or t.lower_ in TIME_WORDS or t.is_punct
            for t in others
        )
        or not others
    )


# Words that make an amount money; without one, the model's MONEY tag is a slip.
CURRENCY_WORDS = frozenset(
    {"dollar", "dollars", "euro", "euros", "pound", "pounds", "usd", "eur", "lira", "liras",
     "ruble", "rubles", "rouble", "roubles", "riyal", "riyals", "dinar", "dinars", "cents",
     "bucks", "sp"}
)  # fmt: skip


def _says_money(doc: Doc, start: int) -> bool:
    """Whether a MONEY entity names a currency in it or right beside it: "$5 million",
    "10 million euros" are money; "have been killed and more than 10 million displaced",
    which the model also tags MONEY, is a count."""
    entity = next((ent for ent in doc.ents if ent.start <= start < ent.end), None)
    if entity is None:
        return True
    window = doc[max(0, entity.start - 1) : min(len(doc), entity.end + 1)]
    return any(t.is_currency or t.lower_ in CURRENCY_WORDS for t in window)
