"""Word lists shared by the quantities and attribution components and the claim extractor.

All entries are lowercase lemmas or surface forms of war reporting in English; they
are deliberately generic (no seed-specific wording).
"""

from __future__ import annotations

from kg.records import Counted, Outcome, Qualifier

# --- numbers -------------------------------------------------------------------------

NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}  # fmt: skip
MULTIPLIERS: dict[str, int] = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
}  # fmt: skip

# Vague amounts → the lower bound the word literally implies; always Approximately.
# "dozens" = at least two dozen, "scores" = at least two score, "hundreds" = at least
# two hundred, and so on; "a handful" and "a couple" are read as 3 and 2.
VAGUE_AMOUNTS: dict[str, int] = {
    "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000,
    "handful": 3, "couple": 2,
}  # fmt: skip
# "several hundred", "a few thousand": the multiplier's plural lower bound.
VAGUE_MULTIPLIER_PREFIXES = frozenset({"several", "few", "many"})

# --- qualifiers (token sequences, lowercase, longest first at use) --------------------

QUALIFIERS_BEFORE: dict[tuple[str, ...], Qualifier] = {
    ("more", "than"): Qualifier.MORE_THAN,
    ("over",): Qualifier.MORE_THAN,
    ("exceeded",): Qualifier.MORE_THAN,
    ("exceeding",): Qualifier.MORE_THAN,
    ("exceeds",): Qualifier.MORE_THAN,
    ("exceed",): Qualifier.MORE_THAN,
    ("in", "excess", "of"): Qualifier.MORE_THAN,
    ("upwards", "of"): Qualifier.MORE_THAN,
    ("above",): Qualifier.MORE_THAN,
    ("at", "least"): Qualifier.AT_LEAST,
    ("no", "fewer", "than"): Qualifier.AT_LEAST,
    ("no", "less", "than"): Qualifier.AT_LEAST,
    ("not", "less", "than"): Qualifier.AT_LEAST,
    ("a", "minimum", "of"): Qualifier.AT_LEAST,
    ("up", "to"): Qualifier.AT_MOST,
    ("as", "many", "as"): Qualifier.AT_MOST,
    ("at", "most"): Qualifier.AT_MOST,
    ("no", "more", "than"): Qualifier.AT_MOST,
    ("a", "maximum", "of"): Qualifier.AT_MOST,
    ("less", "than"): Qualifier.LESS_THAN,
    ("fewer", "than"): Qualifier.LESS_THAN,
    ("under",): Qualifier.LESS_THAN,
    ("below",): Qualifier.LESS_THAN,
    ("around",): Qualifier.APPROXIMATELY,
    ("about",): Qualifier.APPROXIMATELY,
    ("some",): Qualifier.APPROXIMATELY,
    ("nearly",): Qualifier.APPROXIMATELY,
    ("almost",): Qualifier.APPROXIMATELY,
    ("approximately",): Qualifier.APPROXIMATELY,
    ("approx",): Qualifier.APPROXIMATELY,
    ("roughly",): Qualifier.APPROXIMATELY,
    ("an", "estimated"): Qualifier.APPROXIMATELY,
    ("estimated",): Qualifier.APPROXIMATELY,
    ("close", "to"): Qualifier.APPROXIMATELY,
    ("around", "some"): Qualifier.APPROXIMATELY,
}
QUALIFIERS_AFTER: dict[tuple[str, ...], Qualifier] = {
    ("or", "more"): Qualifier.AT_LEAST,
    ("and", "more"): Qualifier.AT_LEAST,
    ("plus",): Qualifier.MORE_THAN,
    ("+",): Qualifier.MORE_THAN,
}

# --- what is counted (noun lemma or lowercase form → Counted) -------------------------

COUNTED_NOUNS: dict[str, Counted] = {
    **dict.fromkeys(
        ["fighter", "militant", "terrorist", "jihadist", "insurgent", "rebel", "gunman",
         "gunmen", "extremist", "mercenary", "combatant", "jihadi", "militiaman",
         "militiamen", "islamist", "commander", "bomber", "member", "loyalist",
         "paramilitary", "attacker", "assailant"],
        Counted.FIGHTERS),
    **dict.fromkeys(
        ["soldier", "troop", "serviceman", "servicemen", "officer", "personnel",
         "marine", "guard", "conscript", "recruit", "pilot", "policeman", "policemen"],
        Counted.SOLDIERS),
    **dict.fromkeys(["civilian", "noncombatant"], Counted.CIVILIANS),
    **dict.fromkeys(
        ["people", "person", "persons", "other", "victim", "casualty", "body", "death",
         "fatality", "individual", "man", "men", "worker", "mourner", "passenger",
         "student", "family", "doctor", "volunteer", "prisoner", "detainee", "hostage",
         "martyr", "life", "dead", "inhabitant", "medic", "paramedic", "nurse", "staff",
         "rescuer", "journalist", "citizen", "patient", "protester", "demonstrator", "pilgrim",
         "worshipper", "injury"],
        Counted.PEOPLE),
    **dict.fromkeys(
        ["child", "children", "kid", "schoolchild", "schoolchildren", "boy", "girl",
         "infant", "baby", "toddler", "teenager", "minor", "pupil"],
        Counted.CHILDREN),
    **dict.fromkeys(["woman", "women"], Counted.WOMEN),
    **dict.fromkeys(["resident", "villager", "townspeople"], Counted.RESIDENTS),
    **dict.fromkeys(["refugee", "evacuee", "migrant", "asylum"], Counted.REFUGEES),
    **dict.fromkeys(
        ["strike", "airstrike", "raid", "sortie", "bombing", "bombardment"],
        Counted.AIRSTRIKES),
    **dict.fromkeys(
        ["attack", "assault", "offensive", "explosion", "blast", "ambush", "clash",
         "incident"],
        Counted.ATTACKS),
    **dict.fromkeys(
        ["vehicle", "car", "truck", "pickup", "bus", "convoy", "technical", "bulldozer",
         "ambulance", "lorry", "tanker"],
        Counted.VEHICLES),
    **dict.fromkeys(["tank", "apc"], Counted.TANKS),
    **dict.fromkeys(
        ["weapon", "gun", "rifle", "launcher", "artillery", "cannon", "drone", "aircraft",
         "jet", "helicopter", "plane", "warplane", "ammunition", "bomb", "missile", "rocket",
         "barrel", "shell", "mortar"],
        Counted.WEAPONS),  # the guide's Weapons: "8 rocket shells", "dozens of mortars"
    **dict.fromkeys(
        ["building", "house", "home", "school", "hospital", "mosque", "church",
         "facility", "bridge", "shop", "apartment", "structure"],
        Counted.BUILDINGS),
    **dict.fromkeys(
        ["position", "checkpoint", "outpost", "base", "post", "village", "town",
         "hilltop", "bunker", "depot", "stronghold", "target", "site", "fortification"],
        Counted.POSITIONS),
}  # fmt: skip
# Singular nouns of a victim a lead may name with "a" and no number: "a woman was killed",
# "kill a child", headline "Bomb kills woman" (kg.extract.lone_victims).
LONE_VICTIM_NOUNS = frozenset(
    {"woman", "man", "child", "girl", "boy", "civilian", "person", "citizen", "teenager",
     "youth", "infant", "baby", "toddler"}
)  # fmt: skip
# Words that, when they precede a fighter/soldier noun, make a counted "strike"
# the name of an event rather than a count; unused words are harmless.
DEATH_TOLL_NOUNS = frozenset({"toll", "death", "deaths", "fatalities", "casualties"})
NUMBER_OF_NOUNS = frozenset({"number", "total", "toll", "count", "tally", "figure"})

# --- what happened (verb / noun / adjective lemma → Outcome) --------------------------

OUTCOME_WORDS: dict[str, Outcome] = {
    **dict.fromkeys(
        ["kill", "killing", "die", "dead", "death", "slay", "slain", "execute",
         "execution", "massacre", "murder", "perish", "claim", "toll", "fatality",
         "behead", "eliminate", "neutralize", "neutralise", "liquidate", "martyr",
         "lose", "fatally", "body"],
        Outcome.KILLED),
    **dict.fromkeys(["wound", "injure", "injury", "hurt", "maim", "wounded", "injured"],
                    Outcome.WOUNDED),
    **dict.fromkeys(["capture", "seize", "abduct", "kidnap", "prisoner", "surrender"],
                    Outcome.CAPTURED),
    **dict.fromkeys(["arrest", "detain", "detention", "round"], Outcome.ARRESTED),
    **dict.fromkeys(
        ["transfer", "dispatch", "move", "send", "deploy", "deployment", "redeploy",
         "reinforcement", "relocate", "bus", "arrive", "mass", "amass",
         "gather", "regroup", "transport"],
        Outcome.TRANSFERRED),
    **dict.fromkeys(["evacuate", "evacuation", "rescue"], Outcome.EVACUATED),
    **dict.fromkeys(["destroy", "destruction", "demolish", "raze", "flatten", "burn"],
                    Outcome.DESTROYED),
    **dict.fromkeys(["displace", "displacement", "flee", "uproot", "expel"],
                    Outcome.DISPLACED),
    **dict.fromkeys(["miss", "missing", "disappear", "trap"], Outcome.MISSING),
    **dict.fromkeys(["involve", "participate", "take", "fight", "join", "conduct", "launch"],
                    Outcome.INVOLVED),
}  # fmt: skip
# Outcome words whose grammatical subject (active voice) is the victim, not the agent.
INTRANSITIVE_OUTCOMES = frozenset(
    {"die", "perish", "dead", "flee", "arrive", "disappear", "surrender", "fight",
     "participate", "regroup", "mass", "gather", "miss", "missing", "wounded", "injured",
     "take", "join"}
)  # fmt: skip

# --- exclusions: the number is not a count of conflict things ---------------------------

MEASURE_UNITS = frozenset(
    {"km", "kilometer", "kilometers", "kilometre", "kilometres", "mile", "miles", "m",
     "meter", "meters", "metre", "metres", "kg", "kilogram", "kilograms", "ton", "tons",
     "tonnes", "tonne", "pound", "pounds", "litre", "litres", "liter", "liters", "cm", "mm",
     "hectare", "hectares", "acre", "acres", "square", "sq", "degrees", "year", "years",
     "month", "months", "week", "weeks", "day", "days", "hour", "hours", "minute",
     "minutes", "second", "seconds", "am", "pm", "a.m.", "p.m.", "gmt", "bc", "ad",
     "dollar", "dollars", "euro", "euros", "usd", "lira", "liras", "calibre",
     "caliber", "st", "nd", "rd", "th",
     "century", "centuries", "decade",
     "decades", "times", "time", "page", "pages", "yr", "yrs", "old", "aged"}
)  # fmt: skip
NUMBER_PREFIX_EXCLUDES = frozenset(
    {"resolution", "no", "no.", "number", "page", "p.", "pp.", "article", "chapter",
     "section", "paragraph", "tel", "phone", "fax", "id", "#", "$", "€", "£", "usd",
     "aged", "age", "ages", "route", "highway", "m5", "channel", "flight", "room",
     "apartment", "brigade", "division", "unit", "regiment", "corps", "battalion",
     "ssh", "s-300", "s-400", "su", "mig", "year", "category", "class", "level", "grade",
     "version", "episode", "issue", "volume", "vol", "vol.", "part", "phase", "round",
     "decree", "law", "top", "g20", "g7", "p5"}
)  # fmt: skip
NON_COUNT_ENT_TYPES = frozenset({"DATE", "TIME", "MONEY", "ORDINAL", "QUANTITY"})

# --- attribution ---------------------------------------------------------------------

SPEECH_VERBS = frozenset(
    {"say", "tell", "report", "claim", "confirm", "warn", "announce", "state", "note",
     "add", "insist", "allege", "deny", "estimate", "quote", "write", "tweet", "declare",
     "explain", "reveal", "indicate", "assert", "document", "record", "count", "read",
     "stress", "affirm", "accuse", "acknowledge", "argue", "mention", "post", "publish",
     "describe", "suggest", "inform", "cite", "contend", "maintain",
     "emphasize", "emphasise", "underline", "point", "conclude", "observe",
     "disclose", "admit", "verify", "predict", "spot", "reiterate"}
)  # fmt: skip
# Speech verbs that are only attributions with a communicating subject (they have other senses).
WEAK_SPEECH_VERBS = frozenset(
    {"show", "suggest", "continue", "point", "believe", "count", "record", "document",
     "spot", "read", "observe", "describe", "maintain", "note", "conclude", "predict",
     "claim"}
)  # fmt: skip


def _drawn_from(lexicon: frozenset[str], words: str) -> frozenset[str]:
    """A named subset of ``lexicon``; a word the lexicon lacks is an error at import."""
    chosen = frozenset(words.split())
    if not chosen <= lexicon:
        raise ValueError(f"not in the reporting verbs lexicon: {sorted(chosen - lexicon)}")
    return chosen


# The one lexicon of reporting verbs (lemmas): strong and weak speech verbs.  The sets
# below are named subsets of it, for uses that really differ.
REPORTING_VERBS = SPEECH_VERBS | WEAK_SPEECH_VERBS
# A sentence these head reports: its date dates the report, not the event ("On Sunday,
# the monitor reported that …").
REPORT_DATING_VERBS = _drawn_from(
    REPORTING_VERBS,
    "say report tell claim announce confirm state add note reveal publish show warn accuse "
    "deny quote cite",
)
# Verbs that give a death toll ("had earlier reported 12 dead"), with "give" and "put"
# ("gave an initial toll of 47", "put the toll at 15"), which report only a figure.
TOLL_VERBS = _drawn_from(REPORTING_VERBS, "report record announce say document") | {"give", "put"}
# Verbs of a group telling its own deed: "ISIS said it shelled the town" ("it" is ISIS).
SELF_REPORT_VERBS = _drawn_from(REPORTING_VERBS, "say announce claim state confirm declare add")
# Verbs that close a sentence with its source after the count: "… wounded 50 state media
# reported."
CLOSING_VERBS = _drawn_from(REPORTING_VERBS, "report say announce add state")
# Reporting participles between a number and what it counts: "12 reported killed".
REPORTED_PARTICIPLES = frozenset({"reported", "said", "confirmed"})
REPORT_NOUNS = frozenset(
    {"report", "reports", "statement", "statements", "account", "accounts", "figure",
     "figures", "footage", "video", "news", "media", "rumour", "rumor", "claim", "claims",
     "communique", "bulletin", "release", "tally", "estimate", "estimates", "data",
     "information", "sources", "source", "witnesses", "witness", "residents", "activists",
     "observers", "reporters", "journalists", "officials"}
)  # fmt: skip
UNNAMED_SOURCE_HEADS = frozenset(
    {"report", "reports", "media", "news", "rumour", "rumor", "rumours", "rumors", "footage",
     "accounts", "it"}
)  # fmt: skip
ANAPHORIC_SPEAKERS = frozenset(
    {"he", "she", "they", "it", "statement", "ministry", "observatory", "monitor", "group",
     "agency", "outlet", "army", "military", "spokesman", "spokeswoman", "spokesperson",
     "official", "governor", "minister", "report", "center", "centre", "organization",
     "organisation", "network", "source", "sources", "channel", "command", "office"}
)  # fmt: skip
RELAY_VERBS = frozenset({"cite", "quote"})
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"})
QUOTE_OPEN = "\"“«„‘'"
QUOTE_CLOSE = "\"”»“’'"

# --- cumulative counts: the number totals a period or the whole war ------------------

WAR_NOUNS = frozenset(
    {"war", "conflict", "uprising", "revolution", "rebellion", "crisis", "insurgency", "civil"}
)  # fmt: skip
# As the subject of a killing verb, these also total many incidents ("the campaign has killed").
CAMPAIGN_NOUNS = WAR_NOUNS | {"campaign"}
# After "since", these words make a long period ("since the start of the war").
PERIOD_START_WORDS = frozenset(
    {"start", "beginning", "outbreak", "onset", "outset", "inception", "intervention",
     "intervene"}
)  # fmt: skip
LONG_PERIOD_UNITS = frozenset({"year", "years", "month", "months", "decade", "decades"})
# Word pairs that say the count runs up to now: "so far", "to date", "this year".
RUNNING_TOTAL_PHRASES = frozenset({("so", "far"), ("to", "date"), ("this", "year")})
RUNNING_TOTAL_WORDS = frozenset({"overall", "cumulative", "cumulatively"})
# "member" counts fighters ("IS members") unless a civil group precedes it.
CIVIL_GROUP_WORDS = frozenset(
    {"staff", "crew", "family", "team", "council", "parliament", "board", "committee",
     "aid", "media", "medical", "rescue", "club", "union", "faculty", "congress"}
)  # fmt: skip

# --- rescue services ---------------------------------------------------------------------

# The rescue service by its common name, as word pairs: "the civil defence said".
SERVICE_WORDS = frozenset({("civil", "defence"), ("civil", "defense")})
