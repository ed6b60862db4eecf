"""Relay hops the speech frame of ``kg.nlp.attribution`` misses on its own.

* ``reported_as_saying`` — "Reuters also reported residents and rescue workers as saying
  that two dozen people were killed", "… Reuters reported the White House as saying":
  whoever a speech verb's object is said to say speaks, the verb's subject passes it on
  (as with "quoted Y as saying").
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.nlp.lexicon import SPEECH_VERBS

# "as saying", "as stating", "as telling": the words put in the object's mouth.
SAYING_LEMMAS = frozenset({"say", "state", "tell", "add"})


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
