"""The words the event rules read: what triggers are, who acts, where things happen.

The trigger words themselves are in ``kinds.py`` (one spec per event kind); reporting
verbs are in ``kg.nlp.lexicon``.
"""

from __future__ import annotations

# --- trigger words -------------------------------------------------------------------

# "The army killed 20 militants", "Kurdish forces eliminate 12": an attack by the
# subject, when the subject is an actor rather than the weapon or the event itself
# ("air strikes kill 12" is the strikes).
KILLING_VERBS = frozenset(
    {
        "kill",
        "eliminate",
        "slay",
        "massacre",
        "murder",
        "destroy",
        "slaughter",
        "annihilate",
        "neutralize",
        "neutralise",
    }
)

# "bombing" is an explosion with these words, else an aerial bombing; "bomb" is an
# aerial one with these (or when dropped), else an explosion.
BOMBING_MODIFIERS = frozenset(
    {"twin", "double", "triple", "suicide", "car", "truck", "terrorist", "roadside", "bus",
     "motorcycle", "booby"}
)  # fmt: skip
DROPPED_BOMB_MODIFIERS = frozenset(
    {"barrel", "vacuum", "cluster", "incendiary", "phosphorus", "phosphorous", "napalm",
     "regime", "parachute", "guided", "bunker"}
)  # fmt: skip

# Noun triggers that take a refiner's kind; other triggers keep their own.
REFINABLE = frozenset(
    {"attack", "strike", "raid", "bombing", "bomb", "fire", "shell", "shelling", "assault",
     "blast", "explosion", "barrage", "bombardment", "weapon", "agent", "missile", "rocket"}
)  # fmt: skip

# "fire" is an event only with a modifier saying what fired it.
FIRE_NOUNS = frozenset({"fire"})
# "gas" beside these is fuel, not a weapon: "the oil and gas fields".
NOT_CHEMICAL_HEADS = frozenset(
    {"field", "pipeline", "station", "plant", "company", "facility", "well", "price", "reserve",
     "export", "production", "oil", "deposit", "supply"}
)  # fmt: skip

# Verbs whose object "control"/"over" makes a capture: "took control over", "set control".
CONTROL_VERBS = frozenset({"take", "gain", "seize", "set", "establish", "impose", "wrest"})
# Verbs under which a capture is only attempted: an attack.
ATTEMPT_WORDS = frozenset(
    {"attempt", "try", "seek", "bid", "aim", "plan", "offensive", "push", "effort", "fail",
     "battle", "fight", "struggle", "intend", "want", "drive", "advance"}
)  # fmt: skip
# Words for troops: movement verbs are events only when they move these (or go "from X").
FORCE_NOUNS = frozenset(
    {"force", "troop", "fighter", "militant", "terrorist", "unit", "soldier", "reinforcement",
     "jihadist", "army", "militia", "battalion", "brigade", "convoy", "contingent", "rebel",
     "tank", "hardware", "vehicle", "gunman", "insurgent", "personnel", "division", "group"}
)  # fmt: skip
# Prepositions that make a noun trigger the means of a verb: "killed N in air raids".
INSTRUMENT_PREPS = frozenset({"in", "with", "during", "through", "using"})
LOOSE_MOVEMENT_VERBS = frozenset({"send", "move", "arrive", "transfer", "relocate"})
# Verbs of which a weapon is the means, not an event: "ISIS used car bombs".
INSTRUMENT_VERBS = frozenset({"use", "employ", "utilize", "utilise", "deploy", "bring"})
# Objects of "seize"/"capture" that are goods or abstractions, not ground.
NOT_TERRITORY = frozenset(
    {"action", "weapon", "arm", "ammunition", "munition", "document", "vehicle", "tank",
     "equipment", "cash", "money", "asset", "property", "passport", "phone", "opportunity",
     "initiative", "power", "drug", "shipment", "cargo", "truck", "car", "rifle", "gun",
     "missile", "rocket", "explosive", "material", "supply", "aid", "food", "fuel", "goods",
     "computer", "file", "evidence", "attention", "moment", "chance"}
)  # fmt: skip
# "explosive rounds", "explosive shells": ammunition fired, not a bomb that exploded.
AMMUNITION_NOUNS = frozenset(
    {"round", "shell", "projectile", "bullet", "ammunition", "munition", "ordnance", "rocket",
     "missile", "mortar", "grenade"}
)  # fmt: skip
# "killed in clashes with the Kurds": ground fighting, the other side's gunfire.
CLASH_NOUNS = frozenset(
    {"clash", "clashes", "fighting", "battle", "battles", "confrontation", "confrontations",
     "skirmish", "skirmishes", "firefight", "gunbattle", "gunfight"}
)  # fmt: skip
# "rebel infighting kills 45 fighters": fighting that is itself the killing event.
FIGHTING_NOUNS = CLASH_NOUNS | {"infighting"}
# "… comes a week after X happened": the clause is another event.
SEQUENCE_MARKERS = frozenset({"after", "before", "since", "until", "till"})

# --- actors ---------------------------------------------------------------------------

# Words that say someone armed did it, not who: "the terrorists", "armed gunmen".
UNNAMED_ACTOR_WORDS = frozenset(
    {"the", "a", "an", "some", "armed", "unknown", "unidentified", "masked", "terrorist",
     "terrorists", "militant", "militants", "gunman", "gunmen", "insurgent", "insurgents",
     "jihadist", "jihadists", "attacker", "attackers", "assailant", "assailants", "fighter",
     "fighters", "group", "groups", "takfiri", "extremist", "extremists"}
)  # fmt: skip
# "a bombing blamed on Daesh": who the event is laid to.
BLAME_VERBS = frozenset({"blame", "attribute", "ascribe", "pin"})
# "a jihadist group in Syria": where an actor is, not who it is.
LOCATIVE_PREPS = frozenset({"in", "near", "at", "inside", "outside", "around", "across"})
# "a car packed with explosives" describes the car.
LADEN_WORDS = frozenset({"fill", "laden", "pack", "load", "rig", "stuff", "pile", "cram"})
# Verbs that carry out a noun trigger: "ISIS launched an offensive".
SUPPORT_VERBS = frozenset(
    {"launch", "carry", "conduct", "stage", "mount", "wage", "intensify", "step", "continue",
     "perform", "make", "start", "begin", "resume", "escalate", "unleash", "fire", "drop",
     "use", "commit", "execute", "order", "claim", "lead", "target", "hit", "kill", "detonate"}
)  # fmt: skip
# Common nouns that name an armed actor when no entity is mentioned: "regime shelling".
ACTOR_NOUNS = frozenset(
    {"regime", "government", "army", "force", "troop", "rebel", "militant", "terrorist",
     "jihadist", "insurgent", "militia", "opposition", "soldier", "coalition", "gunman",
     "fighter", "warplane", "jet", "aircraft", "helicopter", "loyalist", "extremist",
     "airforce", "military", "tank", "warship", "drone", "plane", "gunboat", "paramilitary",
     "mercenary", "kurd"}
)  # fmt: skip
# Adjectives after a noun that say whose forces they are.
POST_MODIFIERS = frozenset({"loyal", "allied", "affiliated", "linked", "backed", "aligned"})
# Words that make a place a backer rather than a scene: "with US support", "US-backed".
SUPPORT_NOUNS = frozenset(
    {"support", "backing", "help", "aid", "assistance", "cover", "sponsorship", "blessing",
     "airpower", "encouragement"}
)  # fmt: skip
BACKING_VERBS = frozenset({"back", "support", "sponsor", "aid", "assist", "arm", "fund", "help"})
# "troops loyal to Damascus", "groups affiliated to Ankara": allegiance, not a scene.
ALLEGIANCE_WORDS = frozenset({"loyal", "allied", "affiliated", "aligned", "linked", "beholden"})

# --- places ---------------------------------------------------------------------------

SETTLEMENT_NOUNS = frozenset({"city", "town", "village"})
PLACE_PREPS = frozenset(
    {"in", "near", "on", "against", "at", "to", "into", "outside", "around", "across", "over",
     "inside", "toward", "towards", "throughout", "within", "of", "off", "targeting"}
)  # fmt: skip
