"""Two deeds run together in one title-case headline: "Syrian Army Foils Takfiri Attack
in Daraa Kills at least 50 Gunmen in Lattakia".

Title-case headlines run two deeds of one actor together without "and" or a comma
("Militants Attack Syria's Idlib Kill 3", "Russian Airstrikes Destroy Daesh Command
Center Kill 70 Terrorists").  The killing that follows has no subject of its own: its
killer is the actor of the headline event just before it (without it the killing would
name no killer and be dropped, the headline's deaths lost to the deed before them).
Where the parser swallows the killing into the deed's place ("in [Daraa Kills]"), the
killing's own place is the one a preposition after it names ("in Lattakia").  Only a
killing, only in the headline.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from kg.extract.events.rules import rule
from kg.extract.events.triggers import is_killing
from kg.nlp.sentences import kids
from kg.records import EntityRef

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "agent")


@rule("headline-shared-subject", '"Syrian Army Foils Takfiri Attack in Daraa Kills at least 50 '
      'Gunmen in Lattakia": the killing shares the subject of the verb before it',
      off=None)  # fmt: skip
def shared_subject(
    trigger: Token, previous: EntityRef | None, headline_end: int
) -> EntityRef | None:
    """The killer of a headline killing with no subject of its own: the actor of the
    headline event right before it (``previous``), if named."""
    if previous is None or trigger.idx >= headline_end or not is_killing(trigger):
        return None
    if any(child.dep_ in SUBJECT_DEPS for child in kids(trigger)):
        return None
    return previous


# The prepositions of the deed's place that swallowed the killing: "in [Daraa Kills]".
PLACE_PREPS = frozenset({"in", "on", "near", "at", "outside", "around", "of"})
# The prepositions that open a headline deed's place: "Kills 50 Gunmen in Lattakia".
CLAUSE_PLACE_PREPS = frozenset({"in", "near", "at", "outside", "around"})
# How far past the preposition the place may start: "in Syria's Lattakia", "in rural Hama".
PLACE_REACH = 3


@rule("headline-killing-own-place", '"… Foils Takfiri Attack in Daraa Kills at least 50 Gunmen '
      'in Lattakia": the killing swallowed into "in Daraa" is in Lattakia', off=None)  # fmt: skip
def own_place(
    trigger: Token, headline_end: int, place_at: Callable[[Token], EntityRef | None]
) -> EntityRef | None:
    """The place of a title-case headline killing the parser put inside the deed before
    it ("in [Daraa Kills]"): the first place a preposition after it names in the headline,
    not the name glued to it from the phrase before."""
    if trigger.idx >= headline_end or trigger.pos_ == "VERB" or not is_killing(trigger):
        return None
    doc = trigger.doc
    glued = [c for c in kids(trigger) if c.dep_ == "compound" and c.i < trigger.i]
    if not glued or glued[0].i == 0 or place_at(glued[0]) is None:
        return None
    if doc[glued[0].i - 1].lower_ not in PLACE_PREPS:
        return None  # "Syrian Army Kills …": no place phrase swallowed the killing
    for token in doc[trigger.i + 1 :]:
        if token.idx >= headline_end or token.text in (":", "|"):
            return None
        if token.lower_ not in CLAUSE_PLACE_PREPS:
            continue
        for near in doc[token.i + 1 : token.i + 1 + PLACE_REACH]:
            if near.idx >= headline_end:
                return None
            place = place_at(near)
            if place is not None:
                return place
    return None
