"""The dead's own camp did not kill them: "100 ISIL Terrorists Killed in Kobani".

A headline that reports a group's own men killed ("6 ISIS Bombers Killed", "More than 50
Syria rebels, jihadists killed", "Al-Nusra Front Commander Killed") tells of their
enemy's deed: when the main event's actor is of the dead men's side (read from the
lead's "ISIL terrorists launched a new assault", or from the dead themselves where the
parser took the headline for "rebels killed NGO"), the actor is the first actor of
another side the headline and lead name ("The Kurdish forces have continued their
advance"), else the one of another side the dead men's camp attacked there ("ISIL
terrorists launched a new assault on Kurdish fighters"), else none is named.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.extract.events.arguments import Found
from kg.extract.events.rules import rule
from kg.extract.sides import resolve_actor, side_of
from kg.nlp.gazetteer import fold, load_gazetteer
from kg.records import EntityRef, Side

# Where a headline's clauses part: "Turkey's Nightmare; Kurds Come Closer …", "… : NGO".
CLAUSE_BREAK = re.compile(r"[;:|]|\s[-–—]\s")
# The words for a group's men: the dead phrase ends with one.
MEN = (
    r"(?:terrorists?|militants?|fighters?|members?|bombers?|rebels?|jihadists?|insurgents?|"
    r"gunm[ae]n|commanders?|leaders?|chiefs?|emirs?|troops|soldiers|extremists?|elements)"
)
COUNT = r"(?:\d[\d,]*|dozens|scores|hundreds|tens|thousands)"
# "6 isis bombers killed", "more than 50 syria rebels jihadists killed", "dozens of nusra
# militants killed"; or, with no count, a named man at the clause's start: "al nusra front
# commander killed".
DEAD = re.compile(
    rf"(?:\b{COUNT} (?:of )?(?P<men>(?:[\w-]+ ){{0,4}}?{MEN})|^(?P<one>(?:[\w-]+ ){{1,4}}?"
    rf"(?:commander|leader|chief|emir))) killed\b(?! (?:\d+|at least|more than|dozens|scores|"
    r"hundreds|the|a|an|two|three|four|five|six|seven|eight|nine|ten)\b)"
)


def dead_side(headline: str) -> Side | None:
    """The one side whose men the headline reports killed ("100 ISIL Terrorists Killed":
    the Islamic State's), if its words name one."""
    gazetteer = load_gazetteer()
    sides: set[Side] = set()
    for clause in CLAUSE_BREAK.split(headline):
        for found in DEAD.finditer(fold(clause)):
            words = found.group("men") or found.group("one")
            phrase = EntityRef(words, words, (), known=False)
            side = side_of(resolve_actor(phrase, True, gazetteer), gazetteer)
            if side is not None:
                sides.add(side)
    return next(iter(sides)) if len(sides) == 1 else None


def _camp(actor: EntityRef | None) -> Side | None:
    return None if actor is None else side_of(resolve_actor(actor, False, load_gazetteer()))


@rule("own-dead-not-actor", '"100 ISIL Terrorists Killed in Kobani" + "ISIL terrorists '
      'launched a new assault on Kurdish fighters": the dead men\'s own camp did not kill '
      "them")  # fmt: skip
def dead_acted(actor: EntityRef | None, headline: str) -> bool:
    """Is the main event's actor of the side whose men the headline reports killed?"""
    dead = dead_side(headline)
    return dead is not None and _camp(actor) is dead


def killer_of_the_dead(found: Sequence[Found], dead: Side | None, lead: int) -> EntityRef | None:
    """The first actor of another side than the dead men's that the headline or lead
    names ("The Kurdish forces have continued their advance"), else the one of another
    side the dead men's own camp attacked ("ISIL terrorists launched a new assault on
    Kurdish fighters": the Kurds fought them), if any."""
    told = sorted((f for f in found if f.trigger.idx < lead), key=lambda f: f.trigger.i)
    for item in told:
        camp = _camp(item.actor)
        if camp is not None and camp is not dead:
            return item.actor
    for item in told:
        if _camp(item.actor) is dead and _camp(item.target) not in (None, dead):
            return item.target
    return None
