"""An attack by a state that fought in Syria from the air: "US-led Coalition Kills Over 20
Daesh Operatives", "Israeli attack on Syria military camp kills three".

The US-led coalition (and its members named as states), Israel and Russia's forces
struck in Syria with aircraft and missiles, not with troops on the ground: an attack or
a killing such an actor carried out there, its weapon unsaid, is an air strike (as an
air strike with no actor named is the Syrian state's or the coalition's, by the same
reading in ``kg.extract.sides``).  Only in Syria, only for an actor the gazetteer knows,
and only where the words name no weapon of their own ("Turkish artillery", "Russian
military police" are not these entries) nor troops on the ground ("Russian troops").
"""

from __future__ import annotations

from collections.abc import Collection

from kg.extract.events.rules import rule
from kg.extract.sides import resolve_actor
from kg.nlp.gazetteer import fold, load_gazetteer
from kg.nlp.lexicon import COUNTED_NOUNS
from kg.records import Counted, EntityRef, EventKind

# Gazetteer entries of the states and forces that fought in Syria only from the air.
AIR_POWERS = frozenset(
    {"us-led-coalition", "united-states", "pentagon", "us-central-command", "france",
     "united-kingdom", "israel", "israel-defense-forces", "russia", "russian-military",
     "russian-aerospace-forces", "russian-ministry-of-defence"}
)  # fmt: skip
# Words of troops on the ground: "Russian troops", "US soldiers", "American marines"
# (their pilots fly: not these).
GROUND_TROOPS = frozenset(
    word for word, kind in COUNTED_NOUNS.items() if kind is Counted.SOLDIERS
) - {"pilot"}
# Where they did: the war whose news FA-KES and the seeds report.
SKY_WAR_COUNTRIES = frozenset({"syria"})


@rule("air-power-strikes", '"US-led Coalition Kills Over 20 Daesh Operatives", "Israeli '
      'attack on Syria military camp": in Syria, these states struck from the air',
      off=None)  # fmt: skip
def kind_of_air_power(actor: EntityRef, countries: Collection[str | None]) -> EventKind | None:
    """An air strike, for an attack by a state that fought in Syria from the air, where
    the event's place, or most of the article's places, lie in Syria (``countries``)."""
    if not SKY_WAR_COUNTRIES & set(countries) or _on_the_ground(actor):
        return None
    known = resolve_actor(actor, False, load_gazetteer())  # "Israeli", "Russian" as who acted
    return EventKind.AIRSTRIKE if known.known and known.key in AIR_POWERS else None


def _on_the_ground(actor: EntityRef) -> bool:
    """ "Russian troops attacked the village", "US soldiers raided a house": the state's
    men on the ground, not its aircraft."""
    words = fold(actor.label).split()
    return any(w in GROUND_TROOPS or w.removesuffix("s") in GROUND_TROOPS for w in words)
