"""Relay hops the speech frame of ``kg.nlp.attribution`` misses on its own.

* ``reported_as_saying`` — "Reuters also reported residents and rescue workers as saying
  that two dozen people were killed", "… Reuters reported the White House as saying":
  whoever a speech verb's object is said to say speaks, the verb's subject passes it on
  (as with "quoted Y as saying");
* ``source_before_body`` — "… on the hospital in Aleppo a source in the Syrian militia
  said.": the closing speaker the parse took for an object;
* ``statement_to_before`` — "In a statement to SANA a source at Damascus Countryside
  Police Command said": the outlet the statement went to, right before the speaker,
  where the parse hangs "In a statement" elsewhere than on the speech verb.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.nlp.lexicon import SPEECH_VERBS
from kg.nlp.relays import CARRIED_NOUNS, name_after_to
from kg.nlp.speakers import sourcey

# "as saying", "as stating", "as telling": the words put in the object's mouth.
SAYING_LEMMAS = frozenset({"say", "state", "tell", "add"})
# "a source in / at / from / inside the body": a source placed in the body it speaks from.
BODY_PREPS = frozenset({"in", "at", "from", "inside", "within", "with"})
# "to SANA reporter", "to SANA's correspondent": the outlet's staff the words went to.
OUTLET_STAFF = frozenset({"reporter", "correspondent", "'s", "’s"})


def reported_as_saying(verb: Token) -> bool:
    """ "X reported Y as saying that …": a speech verb with an object and an "as saying"
    the parse hangs on the verb; Y speaks, X relays."""
    if verb.lemma_.lower() not in SPEECH_VERBS:
        return False
    if not any(c.dep_ == "dobj" for c in verb.children):
        return False
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "as"
        and any(c.tag_ == "VBG" and c.lemma_.lower() in SAYING_LEMMAS for c in prep.children)
        for prep in verb.children
    )


def source_before_body(sentence: Span, verb: Token) -> Token | None:
    """ "… launched a rocket on the hospital in Aleppo a source in the Syrian militia said.",
    "… killed four children an informed source in Homs told Sputnik": where the commas
    were lost the parse takes the speaker for an object of the words before it; the word
    before the verb ends "SOURCE in/at BODY", whose source noun speaks."""
    doc = sentence.doc
    at = verb.i - 1
    if at <= sentence.start or doc[at].pos_ not in {"NOUN", "PROPN"}:
        return None
    token = doc[at]  # the body's head, last before the verb: "… in the Syrian militia"
    if token.dep_ != "pobj":
        return None
    prep = token.head
    noun = prep.head
    if prep.lower_ not in BODY_PREPS or noun.pos_ != "NOUN" or noun.i != prep.i - 1:
        return None
    if noun.head == verb or not sourcey(noun) or noun.i < sentence.start:
        return None
    return noun


def statement_to_before(doc: Doc, start: int) -> tuple[int, int] | None:
    """ "In a statement to SANA (reporter) a source at … said": the outlet named in a
    "in a statement to X" that ends right before the speaker phrase at ``start``."""
    for i in range(max(1, start - 8), start):
        noun = doc[i]
        if noun.lemma_.lower() not in CARRIED_NOUNS:
            continue
        if "in" not in {t.lower_ for t in doc[max(0, i - 3) : i]}:
            continue
        outlet = name_after_to(noun)
        if outlet is None:
            continue
        between = doc[outlet[1] : start]
        if all(t.lower_ in OUTLET_STAFF or t.is_punct for t in between):
            return outlet
    return None
