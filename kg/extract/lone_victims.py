"""A victim the news names one by one, with no number: "A woman was killed and 25 others
were wounded", "Terrorist attacks kill a woman, injure 9", "Bomb kills woman", "Girl
child killed, two others injured", "leaving a child and a woman dead".

Local and state news of shelling often lead with a single dead civilian this way; the
number is "a", or nothing in a headline, so the quantities component finds no amount.
:func:`lone_victims` reads such victims in the article's lead (its headline and first
sentences, where the news is told) and :mod:`kg.extract.claims` makes each a count of
one, or of the victims coordinated ("a child and a woman" → 2).  Not read: a victim
inside a breakdown ("15 civilians including a woman"), one with a number or owner of
its own ("one child", "her child": the quantities component, or a kin of an earlier
victim), and any past the lead (where round-ups recall other incidents).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from kg.extract.count_flags import also_of_its_verb, earlier_incident, part_of_total, told_apart
from kg.extract.counted import counted_of, outcome_word
from kg.nlp import text_of
from kg.nlp.lexicon import LONE_VICTIM_NOUNS, NUMBER_WORDS
from kg.records import Attribution, CountClaim, Counted, Outcome, Qualifier, Span

INDEFINITE = frozenset({"a", "an"})
BREAKDOWN_WORDS = frozenset({"including", "among", "besides", "of"})
PASSIVE_DEPS = frozenset({"nsubjpass"})
# "killed", "dead" right after the victim: headline passives ("Civilian killed"), and
# "leaving an elderly woman killed"
KILLED_AFTER = frozenset({"killed", "dead"})


@dataclass(frozen=True, slots=True)
class LoneVictims:
    """Victims named one by one: the first noun, how many, and the outcome word."""

    noun: Token
    count: int
    outcome: Token

    @property
    def nouns(self) -> list[Token]:
        """The first noun and those coordinated with it ("a child and a woman")."""
        return [self.noun, *(t for t in self.noun.subtree if t.dep_ == "conj")]

    @property
    def tokens(self) -> tuple[int, int]:
        """The phrase's token range: the victims, and the outcome word beside them."""
        start, end = self.noun.left_edge.i, max(t.i for t in self.nouns) + 1
        if self.outcome.i == end or self.outcome.i == start - 1:
            start, end = min(start, self.outcome.i), max(end, self.outcome.i + 1)
        return start, end

    @property
    def chars(self) -> tuple[int, int]:
        """The phrase's character range."""
        start, end = self.tokens
        words = self.noun.doc[start:end]
        return words.start_char, words.end_char


def _lone(token: Token, in_headline: bool) -> bool:
    """A singular victim noun with "a"/"an" (or, in a headline, no determiner), no
    number and no owner: "a woman", "an elderly man", headline "woman"."""
    if token.lower_ not in LONE_VICTIM_NOUNS or token.tag_ != "NN":
        return False
    if token.dep_ == "pobj" or token.head.lower_ in BREAKDOWN_WORDS:
        return False  # "15 civilians including a woman and two children"
    dets = [c.lower_ for c in token.children if c.dep_ == "det"]
    if any(c.dep_ in {"nummod", "poss", "quantmod"} for c in token.children):
        return False
    start = token.left_edge.i
    words = [t.lower_ for t in token.doc[start : token.i]]
    if any(w in INDEFINITE for w in words):
        return not (set(dets) - INDEFINITE)
    return in_headline and not dets and not any(t.like_num for t in token.doc[start : token.i])


def _has_object(verb: Token) -> bool:
    """Whether the verb has an object: "A man killed three people" (the man killed); not
    the wounded of a headline list the parse hangs on it ("Girl child killed two others
    injured", "A child killed 7 people injured")."""
    return any(
        c.dep_ in {"dobj", "obj"}
        and not any(outcome_word(w) is Outcome.WOUNDED for w in c.children if w.dep_ == "acl")
        for c in verb.children
    )


def _killed_by(token: Token, in_headline: bool) -> Token | None:
    """The word saying the victim was killed: "a woman was killed", "kill a woman",
    "a man died", "leaving a woman dead", "A child killed …", headline "kills woman"."""
    doc = token.doc
    head = token.head
    said = outcome_word(head) is Outcome.KILLED
    if token.dep_ in PASSIVE_DEPS and said:
        return head
    if token.dep_ == "dobj" and said and head.lemma_.lower() != "claim":
        return head  # "kill a woman" (not "claimed a life")
    if token.dep_ == "nsubj" and head.lemma_.lower() == "die":
        return head
    if token.dep_ == "dobj" and head.lemma_.lower() == "leave":
        state = next((c for c in head.children if c.dep_ in {"oprd", "acomp"}), None)
        if state is not None and outcome_word(state) is Outcome.KILLED:
            return state  # "leaving a woman dead"
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is not None and after.lower_ in KILLED_AFTER and not _has_object(after):
        return after  # "Girl child killed, two others injured"; not "A man killed three"
    if in_headline and token.i > 0 and outcome_word(doc[token.i - 1]) is Outcome.KILLED:
        return doc[token.i - 1]  # "Bomb kills woman wounds 25"
    return None


def _partners(token: Token, in_headline: bool) -> list[Token] | None:
    """The victims coordinated with the first ("a child and a woman"), or None when one
    of them is counted otherwise ("a woman and her three children")."""
    partners = [c for c in token.children if c.dep_ == "conj"]
    while partners and any(c.dep_ == "conj" for c in partners[-1].children):
        partners.append(next(c for c in partners[-1].children if c.dep_ == "conj"))
    if any(not _lone(p, in_headline) for p in partners):
        return None
    return partners


def _numbered_before(token: Token, outcome: Token) -> bool:
    """Whether a number comes between the victim and its verb: "a little boy, a little
    girl and two women were killed" (a list the parse may not coordinate)."""
    between = token.doc[token.i + 1 : outcome.i]
    return any(t.like_num or t.lower_ in NUMBER_WORDS for t in between)


def lone_victims(doc: Doc, lead: int, headline: int) -> Iterator[LoneVictims]:
    """Each victim (or coordinated victims) named one by one and killed in the lead:
    tokens before character ``lead``; a bare noun only before ``headline``."""
    for token in doc:
        if token.idx >= lead:
            break
        in_headline = token.idx < headline
        if token.dep_ == "conj" or not _lone(token, in_headline):
            continue
        outcome = _killed_by(token, in_headline)
        if outcome is None:
            continue
        partners = _partners(token, in_headline)
        if partners is None or _numbered_before(token, outcome):
            continue
        yield LoneVictims(token, 1 + len(partners), outcome)


def lone_claim(
    doc: Doc, victims: LoneVictims, attribution: Attribution | None, event: int | None
) -> CountClaim:
    """A count of the victims named one by one, of the news (``event``): "a child and a
    woman were killed" → 2 killed; flagged as a count's flags read its number."""
    noun = victims.noun
    kinds = {counted_of(t) for t in victims.nouns}
    counted = kinds.pop() if len(kinds) == 1 else None
    start, end = victims.chars
    sentence = noun.sent
    text = text_of(doc)
    said = (sentence.start_char, sentence.end_char)
    return CountClaim(
        count=victims.count,
        qualifier=Qualifier.EXACT,
        counted=counted or Counted.PEOPLE,
        evidence=(
            Span(start, end, text[start:end], "phrase"),
            Span(*said, text[said[0] : said[1]], "sentence"),
        ),
        outcome=Outcome.KILLED,
        event=event,
        attribution=attribution,
        additional=also_of_its_verb(noun) or part_of_total(noun),
        other_incident=earlier_incident(noun) or told_apart(noun),
    )
