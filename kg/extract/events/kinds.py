"""One spec per event kind: its trigger words, refiners, main-event rank, argument rules.

The trigger tables the reader looks words up in (``VERB_TRIGGERS``, ``NOUN_TRIGGERS``,
``REFINERS``, ``MAIN_PRIORITY``, ``ATTACKER_KINDS``) are derived from ``SPECS``; a word
claimed by two kinds is an error at import.  To add an event kind: add its class to
``ontology/newskg.ttl`` and ``EventKind``, then one ``EventSpec`` here
(``tests/extract/test_event_kinds.py`` checks the two agree).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from kg.records import EventKind

K = EventKind


@dataclass(frozen=True, slots=True)
class EventSpec:
    """What makes an event of one kind, and how its arguments are read."""

    kind: EventKind
    # Which event an article is about when several are reported together: lowest first.
    priority: int
    # Lemmas of verbs ("ISIS captured Palmyra") and nouns ("the capture of Palmyra").
    verbs: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    # Modifiers that make a refinable noun trigger this kind: "chemical attack", "air raid".
    refiners: tuple[str, ...] = ()
    # A precise kind of attack: it makes a headline's bare "attack" precise, and a lead's
    # "attack" of the same incident folds into it.
    precise: bool = False
    # An attack by an attacker whose name matches is this kind: "Russian jets destroyed".
    attackers: str | None = None
    # The object of a noun trigger's verb is the place: "launched an attack on the town".
    object_is_place: bool = False
    # Troop movements: "from X" gives origins, and "a transfer of 5,000 IS militants"
    # names who moved.
    origins: bool = False


SPECS: tuple[EventSpec, ...] = (
    EventSpec(
        K.CHEMICAL_ATTACK, priority=0, precise=True,
        nouns=("sarin", "chlorine", "gas"),
        refiners=("chemical", "gas", "sarin", "chlorine", "toxic", "poison", "poisonous",
                  "nerve"),
    ),
    EventSpec(
        K.BOMBING, priority=1, precise=True,
        verbs=("explode", "detonate", "blow"),
        nouns=("explosion", "blast", "bomb", "bomber", "ied", "landmine", "explosive",
               "detonation", "car-bomb", "carbomb"),
        refiners=("car", "suicide", "truck", "roadside", "bomb", "explosive", "booby",
                  "motorcycle", "ied"),
    ),
    EventSpec(
        K.EXECUTION, priority=1, precise=True,
        verbs=("execute", "behead", "decapitate", "crucify"),
        nouns=("execution", "beheading", "crucifixion"),
    ),
    EventSpec(
        K.AIRSTRIKE, priority=2, precise=True,
        verbs=("bomb", "airstrike", "strafe"),
        nouns=("airstrike", "strike", "raid", "sortie", "bombing", "airstrik"),
        refiners=("air", "aerial", "drone", "warplane", "airstrike", "helicopter", "jet",
                  "barrel"),
        attackers=(r"\b(?:war)?planes?\b|\bjets?\b|\baircrafts?\b|\bhelicopters?\b|"
                   r"\bdrones?\b|\bair ?force|\baerospace forces\b|\bwarplanes?\b"),
    ),
    EventSpec(
        K.SHELLING, priority=2, precise=True,
        verbs=("shell", "bombard", "pound"),
        nouns=("shelling", "shell", "bombardment", "artillery", "mortar", "rocket", "missile",
               "barrage", "projectile", "shilling"),
        refiners=("rocket", "mortar", "artillery", "tank", "missile", "shell"),
        attackers=r"\bartillery\b|\btanks?\b|\bmortars?\b|\brocket launchers?\b",
    ),
    EventSpec(
        K.SHOOTING, priority=2, precise=True,
        verbs=("shoot", "snipe", "gun"),
        nouns=("gunfire", "sniper", "shooting", "gunman", "gunshot", "bullet"),
        refiners=("sniper", "gun", "machine", "gunfire"),
    ),
    EventSpec(
        K.CAPTURE, priority=3, object_is_place=True,
        verbs=("capture", "seize", "retake", "recapture", "liberate", "regain", "overrun",
               "occupy", "conquer", "reclaim"),
        nouns=("capture", "seizure", "takeover", "recapture", "liberation", "fall",
               "occupation"),
    ),
    EventSpec(
        K.ATTACK, priority=4, object_is_place=True,
        verbs=("attack", "assault", "storm", "ambush", "target", "besiege", "invade",
               "counterattack"),
        nouns=("attack", "offensive", "assault", "ambush", "onslaught", "incursion",
               "invasion", "storming", "counteroffensive", "counterattack"),
    ),
    EventSpec(
        K.WITHDRAWAL, priority=5, object_is_place=True,
        verbs=("withdraw", "retreat"),
        nouns=("withdrawal", "retreat", "pullout"),
    ),
    EventSpec(
        K.EVACUATION, priority=5, object_is_place=True,
        verbs=("evacuate",),
        nouns=("evacuation",),
    ),
    EventSpec(
        K.TROOP_MOVEMENT, priority=6, origins=True,
        verbs=("transfer", "deploy", "redeploy", "dispatch", "reinforce", "mobilize",
               "mobilise", "send", "move", "arrive", "relocate"),
        nouns=("transfer", "deployment", "reinforcement", "redeployment"),
    ),
)  # fmt: skip


def _table(pairs: Iterable[tuple[str, EventKind]], name: str) -> dict[str, EventKind]:
    """word → kind; a word two kinds claim is an error."""
    table: dict[str, EventKind] = {}
    for word, kind in pairs:
        if table.setdefault(word, kind) is not kind:
            raise ValueError(f"{name}: {word!r} is claimed by {table[word]} and {kind}")
    return table


SPEC: dict[EventKind, EventSpec] = {spec.kind: spec for spec in SPECS}
VERB_TRIGGERS = _table(((w, s.kind) for s in SPECS for w in s.verbs), "verbs")
NOUN_TRIGGERS = _table(((w, s.kind) for s in SPECS for w in s.nouns), "nouns")
REFINERS = _table(((w, s.kind) for s in SPECS for w in s.refiners), "refiners")
MAIN_PRIORITY: dict[EventKind, int] = {spec.kind: spec.priority for spec in SPECS}
PRECISE_KINDS = frozenset(spec.kind for spec in SPECS if spec.precise)
# Kinds whose noun trigger takes the object of its verb as its place.
OBJECT_PLACE_KINDS = frozenset(spec.kind for spec in SPECS if spec.object_is_place)
# An attack carried out by aircraft is an air strike; by guns that fire shells, shelling.
ATTACKER_KINDS: tuple[tuple[re.Pattern[str], EventKind], ...] = tuple(
    (re.compile(spec.attackers), spec.kind) for spec in SPECS if spec.attackers
)
