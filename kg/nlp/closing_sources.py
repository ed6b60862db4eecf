"""Speech verbs that close a sentence, read where the commas were lost.

A source the parse lost at the end of its sentence: "… killed 31 civilians Friday
including 10 when their bus was hit the civil defence said in a revised toll.",
"… on Tuesday a war monitor and medical workers in the rebel-held area said.",
"… has yet to begin in earnest monitors and sources on the ground said."

Where the commas were lost, the parse takes the source for the object of the words
before it and leaves the speech verb without a subject.  When the verb closes the
sentence (only a date, "on Friday" or an "in a statement" phrase after it), the noun
phrase right before it speaks if it reads as a source: an unnamed source ("medical
workers in the rebel-held area", "sources on the ground"), a monitor, or the rescue
service by its common name ("the civil defence").

A speech verb the parse hung on a noun or a clause closes the sentence it reports when
only whom it cites or tells follows it ("… AP quoted SOHR as saying.", "… an informed
source told Sputnik."); what it announces is no one it cites: "… killing more than 40
people hours after the US and Russia announced a deal …", "… when Russia announced
partial withdrawal of its forces" report the deal, not the count.
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Span, Token

from kg.nlp.lexicon import RELAY_VERBS, SERVICE_WORDS
from kg.nlp.relay_hops import source_before_body
from kg.nlp.sources import unnamed_kind
from kg.nlp.speakers import communicates, noun_before, said_in, sourcey

# Prepositions joining a source to where it is: "sources on the ground", "workers in
# the rebel-held area", "a source at the hospital".
PLACE_PREPS = frozenset({"in", "on", "at", "inside"})
# Words that may follow a closing speech verb: "… said on Friday", "… said late Sunday".
AFTER_WORDS = frozenset({"on", "in", "late", "early", "today", "yesterday"})


def lost_subject(sentence: Span, verb: Token) -> Token | None:
    """The subject of a speech verb the parse gave none, read from the words before it."""
    return (
        source_before_body(sentence, verb)
        or noun_before(sentence, verb)
        or closing_source(sentence, verb)
    )


def closing_source(sentence: Span, verb: Token) -> Token | None:
    """The head of the source phrase right before a subjectless speech verb that closes
    the sentence ("… their bus was hit the civil defence said."), else None."""
    doc = sentence.doc
    at = verb.i - 1
    if at <= sentence.start or not _closes(sentence, verb):
        return None
    token = doc[at]
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    prep = token.head
    if token.dep_ == "pobj" and prep.lower_ in PLACE_PREPS and prep.i > sentence.start:
        token = doc[prep.i - 1]  # "sources on the ground", "workers in the … area"
        if token.pos_ not in {"NOUN", "PROPN"}:
            return None
    while token.dep_ == "conj" and token.head.i < token.i and _speaks(token.head):
        token = token.head  # "a war monitor and medical workers …": the first one named
    if token.head == verb or token.i <= sentence.start or not _speaks(token):
        return None
    return token


def _closes(sentence: Span, verb: Token) -> bool:
    """Only punctuation, a date, "on Friday" or "in a statement" after the verb."""
    medium = said_in(verb)
    return all(
        t.is_punct
        or t.is_space
        or t.ent_type_ in {"DATE", "TIME"}
        or t.lower_ in AFTER_WORDS
        or t.i in medium
        for t in sentence.doc[verb.i + 1 : sentence.end]
    )


def _speaks(noun: Token) -> bool:
    """A noun whose phrase reads as a source: "medical workers", "monitors", "the civil
    defence"."""
    words = [t for t in noun.doc[noun.left_edge.i : noun.i + 1] if not t.is_punct]
    pairs = {(a.lower_, b.lower_) for a, b in pairwise(words)}
    if pairs & SERVICE_WORDS:
        return True
    if noun.ent_type_ in {"ORG", "PERSON"} or noun.pos_ == "PROPN":
        return False  # a name before the verb is ``noun_before``'s reading
    phrase = noun.doc[noun.left_edge.i : noun.i + 1]
    return unnamed_kind(phrase) is not None or sourcey(noun)


def whom_it_cites(verb: Token, obj: Token) -> bool:
    """ "quoted SOHR", "told Sputnik", "told a news conference": the object is whom the
    verb cites or tells; a count it gives ("had recorded four deaths") is its report
    too; "announced a deal", "accuses foreign actors": what it says, no count."""
    lemma = verb.lemma_.lower()
    if lemma in RELAY_VERBS or lemma == "tell" or sourcey(obj) or communicates(obj):
        return True
    return any(t.like_num for t in obj.subtree)
