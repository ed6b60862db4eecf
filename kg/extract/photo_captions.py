"""A photo credit and the headline of another article under it, which news pages show in
their text: "AP Photo Hussein Malla Over 20 Daesh Terrorists Killed in SDF Operations
…", "Sputnik Dmitriy Vinogradov Syrian Airstrikes Kill Over 100 Daesh Fighters in Hama
Province", "REUTERS Social Media Website Blast Occurs Near Bus Convoy … Over 20 Dead".

A number in the title-case words right after such a credit counts in that other
article's headline, not in this one's news: :func:`under_a_photo_credit` tells
:mod:`kg.extract.claims` to make no claim of it.  A credit before the article's own
sentence ("AA Photo At least 20 people were killed …") is left alone: its words go on
in lower case before the number.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.dates import MONTHS, WEEKDAYS
from kg.nlp.credits import AGENCY_WORDS

# Who a credit names: a photo agency before "Photo" ("AP Photo", "AFP Photo"), or a
# wire whose name in capitals, or "Sputnik", stands before the photographer's name; of
# the agencies that sign photos, those whose desks credit photographers by name.
PHOTO_AGENCIES = AGENCY_WORDS & frozenset(
    {"ap", "afp", "aa", "epa", "reuters", "sputnik", "getty", "tass"}
)
# Words a headline leaves in lower case: "Strike on Syria", "Towns to Aleppo".
HEADLINE_SMALL_WORDS = frozenset(
    {"a", "an", "the", "of", "in", "on", "to", "for", "from", "at", "by", "and", "with",
     "over", "after", "as", "near", "-", "–", "'s"}
)  # fmt: skip
DATE_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS)
CREDIT_SPAN = 30  # tokens a caption's headline may run before the number


def _credit(token: Token) -> bool:
    """ "AP Photo", "AFP Photo", "REUTERS", "Sputnik": where a photo credit opens."""
    word = token.lower_
    if word not in PHOTO_AGENCIES:
        return False
    doc = token.doc
    if token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "photo":
        return True  # "AP Photo Hussein Malla …"
    if not (token.text.isupper() or token.text == "Sputnik") or token.i + 2 >= len(doc):
        return False
    # the photographer's name, not a dateline: "Sputnik Dmitriy Vinogradov", not "AFP
    # Monday 17 Oct 2016"
    name = doc[token.i + 1 : token.i + 3]
    return all(t.is_title and t.is_alpha and t.lower_ not in DATE_WORDS for t in name)


def _headline_case(token: Token) -> bool:
    """A word as a headline writes it: capitalised, a number, or a small word."""
    return token.text[:1].isupper() or token.like_num or token.lower_ in HEADLINE_SMALL_WORDS


def under_a_photo_credit(doc: Doc, number: int) -> bool:
    """Whether the number at token ``number`` lies in the title-case words that follow a
    photo credit: another article's headline.  Read back over the words, not the
    sentence, as the parser often cuts the credit off ("Sputnik" alone)."""
    for i in range(number - 1, max(0, number - CREDIT_SPAN) - 1, -1):
        token = doc[i]
        if _credit(token) and i + 2 < number:
            return True
        if not _headline_case(token):
            return False
    return False
