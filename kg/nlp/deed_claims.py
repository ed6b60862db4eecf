"""A claim of a deed, not a report of its counts, where the parse does not make the deed
the verb's object: "The Islamic State group claims the double suicide bomb attack that
hit a police station … killing at least 17 people", "The group claims the suicide
bombing that struck a bus station … killing at least 30": the parse makes "attack" the
subject of "killing", a clause it hangs on "claims".

The deed is the verb's direct object or the subject, after the verb, of a clause the
parse hung on it.
"""

from __future__ import annotations

from collections.abc import Set

from spacy.tokens import Token


def deed_claimed(verb: Token, deeds: Set[str]) -> bool:
    """Whether "claim" has a deed (one of ``deeds``: "attack", "responsibility") for its
    object, however the parse hangs it."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in deeds:
            return True
        if child.dep_ in {"ccomp", "xcomp"} and any(
            g.dep_ == "nsubj" and g.lemma_.lower() in deeds and g.i > verb.i for g in child.children
        ):
            return True  # "claims the … attack that hit … killing 17": attack ← killing
    return False
