"""The headline's death toll, told again in the body: that sentence's event is the news.

"Air strikes in Syria kill at least 45 people" + "… airstrikes on Idlib have killed at
least 24 …" + "At least 45 people have been killed after intense airstrikes on …
Aleppo": the body sentence that gives the headline's toll reports the headline's
incident; the other is another strike of the same day.  "Four people killed in terrorist
attacks in Damascus, Aleppo, Homs" + "7 people were injured in Damascus …" + "Four
people … were killed … in Aleppo city": the four were killed in Aleppo.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kg.extract.events.rules import rule
from kg.extract.events.triggers import lower_lemma
from kg.extract.events.words import KILLING_VERBS
from kg.nlp.lexicon import NUMBER_WORDS
from kg.nlp.quantities import MONTHS
from kg.nlp.sentences import head, kids

# Words that say people died, beside the killing verbs: "45 dead", "four died" (not
# "destroyed 18 vehicles": a killing verb of the headline's, not of people).
DEATH_WORDS = frozenset({"dead", "die", "death", "toll", "life"}) | (KILLING_VERBS - {"destroy"})

# Numbers that are years or dates rather than tolls ("in 2016", "on 21 August").
LARGEST_TOLL = 1899

# How many heads up from a number its death word may be: "45 | people | killed".
TOLL_HOPS = 4


def _value(token: Token) -> int | None:
    """The whole number a token writes: "45", "1,400", "Four"; None for others."""
    word = token.lower_.replace(",", "")
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def _dated(number: Token) -> bool:
    """ "killed 10 people on 5 May", "on 21 August": a day of a month is no toll."""
    doc = number.doc
    beside = doc[max(number.i - 1, 0) : number.i + 2]
    return any(t.i != number.i and t.is_title and t.lower_ in MONTHS for t in beside)


def _dead(token: Token) -> bool:
    return lower_lemma(token) in DEATH_WORDS or token.lower_ in DEATH_WORDS


def _counts_dead(number: Token) -> bool:
    """Does ``number`` count the dead: "kill at least 45 people", "Four people were
    killed", "45 dead", "the death toll rose to 10" (not "25 others injured")?"""
    node = number
    for _ in range(TOLL_HOPS):
        if _dead(node) or any(_dead(c) and c.dep_ in ("amod", "acl") for c in kids(node)):
            return True
        if node.pos_ in ("VERB", "AUX"):  # the clause's verb: "toll rose to 10"
            return any(_dead(c) and c.dep_.startswith("nsubj") for c in kids(node))
        if head(node).i == node.i:
            return False
        node = head(node)
    return False


def _tolls(tokens: SpacySpan) -> set[int]:
    """The numbers of ``tokens`` that count the dead."""
    tolls: set[int] = set()
    for token in tokens:
        value = _value(token)
        if value is None or not 1 < value <= LARGEST_TOLL or _dated(token):
            continue
        if _counts_dead(token):
            tolls.add(value)
    return tolls


def headline_tolls(doc: Doc, end: int) -> set[int]:
    """The death tolls the headline gives ("kill at least 45", "Four people killed");
    ``end`` is the headline's end offset.  One person ("one", "a child") is no toll to
    match: a lone victim recurs too often to tell incidents apart."""
    headline = doc.char_span(0, end, alignment_mode="contract")
    return _tolls(headline) if headline is not None else set()


@rule("headline-toll-in-body", '"Air strikes kill at least 45" + "airstrikes on Idlib killed '
      '24" + "45 people were killed in airstrikes on Aleppo": the sentence with the '
      "headline's toll tells its incident")  # fmt: skip
def tells_headline_toll(sentence: SpacySpan, tolls: set[int]) -> bool:
    """A body sentence that gives one of the headline's death tolls again."""
    return bool(tolls) and bool(_tolls(sentence) & tolls)


@rule("toll-places-the-headline", '"Air strikes in Syria kill at least 45" + "a reported air '
      'strike on Idlib" + "At least 45 people have been killed after airstrikes on Aleppo": '
      "the lead sentence with the headline's toll says where")  # fmt: skip
def toll_places(main_told: bool, other_told: bool, same_kind: bool) -> bool:
    """A lead mention of the headline's kind that gives the headline's toll, when no
    mention of the main event does: it is the headline's incident, and its place is."""
    return not main_told and other_told and same_kind
