"""A repelled attack: "the army repelled an attack by terrorists on Mallah Farms".

News of an attack fought off ("Syrian Army Frustrates Terrorist Attack on Qalamoun",
"SDF foiled an ISIS attack", "army units thwarted a series of attacks by the Takfiri
terrorists") report the fighting of the side that repelled it: its killing of the
attackers is the news, and it is the actor of the event the attack noun names.  The
attackers stay in the text ("by terrorists"); the event's actor is who fought.

Not when the attack itself killed ("an attack by IS militants that killed five
civilians": the toll is the attackers'), and not for a device: a car bomb or a
chemical attack thwarted is not a bombing by who thwarted it (:data:`FOILED_DEVICES`,
left out in :meth:`Reader.read`); an attack, an assault or a raid fought off is the
fighting of who fought it off.  Active or passive alike ("was repelled by the army").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from kg.extract.events.rules import rule
from kg.extract.events.words import FORCE_NOUNS, KILLING_VERBS
from kg.nlp.sentences import head, kids
from kg.rdf.iris import slug
from kg.records import EntityKind, EntityRef, EventKind

if TYPE_CHECKING:
    from kg.extract.events.arguments import Reader

# Events whose thwarting is no deed of the same kind by who thwarted them.
FOILED_DEVICES = frozenset({EventKind.BOMBING, EventKind.CHEMICAL_ATTACK})

# The verbs of fighting an attack off.
REPELLING_VERBS = frozenset({"repel", "repulse", "foil", "thwart", "frustrate", "abort"})

RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})

# How many words of an attack's own modifiers ("Takfiri", "Terrorist") a title-case
# headline may put between the repelling verb and the attack noun.
HEADLINE_MODIFIERS = 3


def _repelling(token: Token) -> bool:
    """A form of a repelling verb: "repelled", "Foils", "Frustrates", "thwarting"."""
    if token.lemma_.lower() in REPELLING_VERBS:
        return True
    word = token.lower_
    return any(
        word in (verb + "s", verb + "es", verb + "d", verb + "ed", verb + verb[-1] + "ed")
        for verb in REPELLING_VERBS
    )


def _verb_repelling(trigger: Token) -> Token | None:
    """The verb whose object the attack is: "repelled an attack", "thwarted a series of
    attacks" (the object's "of" phrase), "an attack … was foiled"."""
    node = trigger
    if node.dep_ == "pobj" and head(node).lower_ == "of":  # "a series of attacks"
        node = head(head(node))
    if node.dep_ in ("dobj", "nsubjpass") and _repelling(head(node)):
        return head(node)
    return None


def _force_words(reader: Reader, verb: Token) -> EntityRef | None:
    """ "Syrian Forces Foil Raid": no name right before a title-case verb, but force
    words and the nationality they belong to, an actor of their own."""
    start = verb.i
    while start > 0 and reader.doc[start - 1].lower_.removesuffix("s") in FORCE_NOUNS:
        start -= 1
    if start == verb.i:
        return None
    if start > 0 and reader.doc[start - 1].ent_type_ == "NORP":
        start -= 1
    words = reader.doc[start : verb.i]
    return EntityRef(key=slug(words.text), label=words.text,
                     kinds=(EntityKind.ACTOR, EntityKind.ARMED_GROUP), known=False)  # fmt: skip


def _agent(verb: Token) -> Token | None:
    """ "an attack … was repelled by the army": the army."""
    for child in kids(verb):
        if child.dep_ == "agent":
            return next((c for c in kids(child) if c.dep_ == "pobj"), None)
    return None


def _killing_attack(trigger: Token) -> bool:
    """ "an attack by IS militants that killed five civilians": the attack killed, so its
    attackers did; the side that fought it off is not who the toll is of."""
    return any(
        child.dep_ == "relcl" and child.lemma_.lower() in KILLING_VERBS for child in kids(trigger)
    )


@rule("repelled-attack", '"The Syrian army repelled an attack by terrorists on Mallah Farms", '
      '"Syrian Army Frustrates Terrorist Attack on Qalamoun": who fought the attack off is '
      "the actor of the fighting reported", off=None)  # fmt: skip
def repeller(reader: Reader, trigger: Token) -> EntityRef | None:
    """The side that fought off the attack ``trigger`` names: the subject of the
    repelling verb, or in a title-case headline the actor named right before the verb
    the parser took for the attack's modifier ("Syrian Army Frustrates Terrorist Attack")."""
    if _killing_attack(trigger):
        return None
    verb = _verb_repelling(trigger)
    if verb is not None:
        subject = next((c for c in kids(verb) if c.dep_ == "nsubj"), None) or _agent(verb)
        if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            subject = head(verb)  # "the army and allies who repelled an attack"
        if subject is not None:
            return reader._actor_phrase(subject)
        if verb.idx < reader.headline_end and verb.i > 0:
            return reader._headline_subject(verb)  # "SDF Foiled ISIS Attack"
        return None
    if trigger.idx >= reader.headline_end or not trigger.is_title:
        return None
    start = max(trigger.left_edge.i, trigger.i - HEADLINE_MODIFIERS - 1)
    for token in reversed(reader.doc[start : trigger.i]):
        if token.is_title and _repelling(token) and token.i > 0:
            return reader._headline_subject(token) or _force_words(reader, token)
    return None
