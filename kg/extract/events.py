"""Events: triggers found by lemma lexicons, arguments read off the dependency parse.

A trigger is a verb or noun whose lemma is in a lexicon (``VERB_TRIGGERS``,
``NOUN_TRIGGERS``); its modifiers can refine the kind ("chemical attack",
"air strike", "car bomb", "artillery fire").  Arguments:

* actor — the ``nsubj`` of an active verb, the ``agent`` of a passive one ("by X"),
  the subject of a governing verb ("X managed to seize"), the possessor or a
  compound/amod modifier of a noun ("ISIS offensive", "regime shelling"), or the
  subject of a support verb ("X launched an offensive");
* target — the direct object or "against/on X" when X is not a place;
* place — places in "in/near/on/against/to/at/into/…" phrases, else the nearest place
  in the trigger's clause; troop movements: place = destination, origins = "from X";
* when — the date expression governing the trigger (``kg.extract.dates``);
* attribution — ``kg.extract.attribution.attribute`` over the trigger's clause.

A killing verb with a named killer ("the army killed 20", "20 killed by the army") is
an attack by that killer; an attack whose attacker is aircraft is an air strike, by
artillery or tanks shelling.  "A bombing blamed on Daesh" and "shelling by ISIS" name
the actor.  The country of the scene used as a noun modifier ("Syria rebels") locates
the actor and is not one; places in "after/before …" clauses belong to another event.

Mentions of one event in an article are merged (same kind, compatible place, actor
and date; troop movements also compatible origins), keeping the date, the most
specific place and the first named claimant a mention gives (a mention past the lead
does not give a country-placed event its place); and one event per article is marked
``main``: the headline's, else the lead's, preferring violent events over captures,
attacks and movements, and news over background dated a month or more earlier (a
headline "attack" is made precise by the first body sentence, unless that names only
a weapon used: "ISIS used car bombs"; a headline killing by the whole lead).  The
headline's vaguer words and the lead's "attack" of the same incident fold into the
main event, one node.

Parses that cross a paragraph break (title-case headlines glued to the first body
sentence) are patched locally: a subject or date the parse hung on the previous
paragraph is read off the trigger's own line; a title-case headline trigger takes the
actor named right before it.  A place more specific than a country wins over the
country ("Russia air strikes kill 39 in Idlib"); places named as backers ("with US
support") or sources ("fighters from Raqqa") are not where the event happened; "the
city" is the last city or town named before it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kg.extract.attribution import attribute
from kg.extract.dates import before_the_news, doc_dates
from kg.nlp import text_of
from kg.nlp.gazetteer import load_gazetteer
from kg.rdf.iris import slug
from kg.records import (
    Article,
    Attribution,
    EntityKind,
    EntityRef,
    Event,
    EventKind,
    Mention,
    Precision,
    Span,
    TimeStamp,
)

K = EventKind

VERB_TRIGGERS: dict[str, EventKind] = {
    # attacks
    "attack": K.ATTACK, "assault": K.ATTACK, "storm": K.ATTACK, "ambush": K.ATTACK,
    "target": K.ATTACK, "besiege": K.ATTACK, "invade": K.ATTACK,
    # captures
    "capture": K.CAPTURE, "seize": K.CAPTURE, "retake": K.CAPTURE, "recapture": K.CAPTURE,
    "liberate": K.CAPTURE, "regain": K.CAPTURE, "overrun": K.CAPTURE, "occupy": K.CAPTURE,
    "conquer": K.CAPTURE, "reclaim": K.CAPTURE,
    # withdrawals
    "withdraw": K.WITHDRAWAL, "retreat": K.WITHDRAWAL, "evacuate": K.EVACUATION,
    # fire from the air and from the ground
    "bomb": K.AIRSTRIKE, "airstrike": K.AIRSTRIKE, "strafe": K.AIRSTRIKE,
    "shell": K.SHELLING, "bombard": K.SHELLING, "pound": K.SHELLING,
    # explosions
    "explode": K.BOMBING, "detonate": K.BOMBING, "blow": K.BOMBING,
    # shootings and executions
    "shoot": K.SHOOTING, "snipe": K.SHOOTING, "gun": K.SHOOTING,
    "execute": K.EXECUTION, "behead": K.EXECUTION, "decapitate": K.EXECUTION,
    "crucify": K.EXECUTION,
    # troop movements
    "transfer": K.TROOP_MOVEMENT, "deploy": K.TROOP_MOVEMENT, "redeploy": K.TROOP_MOVEMENT,
    "dispatch": K.TROOP_MOVEMENT, "reinforce": K.TROOP_MOVEMENT, "mobilize": K.TROOP_MOVEMENT,
    "mobilise": K.TROOP_MOVEMENT, "send": K.TROOP_MOVEMENT, "move": K.TROOP_MOVEMENT,
    "arrive": K.TROOP_MOVEMENT, "relocate": K.TROOP_MOVEMENT,
}  # fmt: skip

NOUN_TRIGGERS: dict[str, EventKind] = {
    "attack": K.ATTACK, "offensive": K.ATTACK, "assault": K.ATTACK, "ambush": K.ATTACK,
    "onslaught": K.ATTACK, "incursion": K.ATTACK, "invasion": K.ATTACK, "storming": K.ATTACK,
    "capture": K.CAPTURE, "seizure": K.CAPTURE, "takeover": K.CAPTURE, "recapture": K.CAPTURE,
    "liberation": K.CAPTURE, "fall": K.CAPTURE, "occupation": K.CAPTURE,
    "withdrawal": K.WITHDRAWAL, "retreat": K.WITHDRAWAL, "pullout": K.WITHDRAWAL,
    "airstrike": K.AIRSTRIKE, "strike": K.AIRSTRIKE, "raid": K.AIRSTRIKE, "sortie": K.AIRSTRIKE,
    "bombing": K.AIRSTRIKE, "airstrik": K.AIRSTRIKE,
    "shelling": K.SHELLING, "shell": K.SHELLING, "bombardment": K.SHELLING,
    "artillery": K.SHELLING, "mortar": K.SHELLING, "rocket": K.SHELLING, "missile": K.SHELLING,
    "barrage": K.SHELLING, "projectile": K.SHELLING, "shilling": K.SHELLING,
    "explosion": K.BOMBING, "blast": K.BOMBING, "bomb": K.BOMBING, "bomber": K.BOMBING,
    "ied": K.BOMBING, "landmine": K.BOMBING, "explosive": K.BOMBING, "detonation": K.BOMBING,
    "car-bomb": K.BOMBING, "carbomb": K.BOMBING,
    "sarin": K.CHEMICAL_ATTACK, "chlorine": K.CHEMICAL_ATTACK, "gas": K.CHEMICAL_ATTACK,
    "gunfire": K.SHOOTING, "sniper": K.SHOOTING, "shooting": K.SHOOTING, "gunman": K.SHOOTING,
    "gunshot": K.SHOOTING, "bullet": K.SHOOTING,
    "execution": K.EXECUTION, "beheading": K.EXECUTION, "crucifixion": K.EXECUTION,
    "evacuation": K.EVACUATION,
    "transfer": K.TROOP_MOVEMENT, "deployment": K.TROOP_MOVEMENT,
    "reinforcement": K.TROOP_MOVEMENT, "redeployment": K.TROOP_MOVEMENT,
}  # fmt: skip

# "The army killed 20 militants", "Kurdish forces eliminate 12": an attack by the
# subject, when the subject is an actor rather than the weapon or the event itself
# ("air strikes kill 12" is the strikes).
KILLING_VERBS = frozenset({"kill", "eliminate", "slay", "massacre", "murder", "destroy",
                           "slaughter", "annihilate", "neutralize", "neutralise"})

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

# Modifiers (compound/amod/nmod children, or the word before) that refine a noun trigger.
REFINERS: dict[str, EventKind] = {
    "chemical": K.CHEMICAL_ATTACK, "gas": K.CHEMICAL_ATTACK, "sarin": K.CHEMICAL_ATTACK,
    "chlorine": K.CHEMICAL_ATTACK, "toxic": K.CHEMICAL_ATTACK, "poison": K.CHEMICAL_ATTACK,
    "poisonous": K.CHEMICAL_ATTACK, "nerve": K.CHEMICAL_ATTACK,
    "air": K.AIRSTRIKE, "aerial": K.AIRSTRIKE, "drone": K.AIRSTRIKE, "warplane": K.AIRSTRIKE,
    "airstrike": K.AIRSTRIKE, "helicopter": K.AIRSTRIKE, "jet": K.AIRSTRIKE,
    "barrel": K.AIRSTRIKE,
    "rocket": K.SHELLING, "mortar": K.SHELLING, "artillery": K.SHELLING, "tank": K.SHELLING,
    "missile": K.SHELLING, "shell": K.SHELLING,
    "car": K.BOMBING, "suicide": K.BOMBING, "truck": K.BOMBING, "roadside": K.BOMBING,
    "bomb": K.BOMBING, "explosive": K.BOMBING, "booby": K.BOMBING, "motorcycle": K.BOMBING,
    "ied": K.BOMBING,
    "sniper": K.SHOOTING, "gun": K.SHOOTING, "machine": K.SHOOTING, "gunfire": K.SHOOTING,
}  # fmt: skip

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
# "gas" and "chemical" name an attack only when they head one or modify one of these.
CHEMICAL_HEADS = frozenset(
    {"attack", "weapon", "agent", "strike", "bomb", "shell", "canister", "cylinder", "barrel",
     "munition", "rocket", "substance", "gas", "poisoning", "suffocation", "missile"}
)  # fmt: skip
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
# Verbs that carry out a noun trigger: "ISIS launched an offensive".
SUPPORT_VERBS = frozenset(
    {"launch", "carry", "conduct", "stage", "mount", "wage", "intensify", "step", "continue",
     "perform", "make", "start", "begin", "resume", "escalate", "unleash", "fire", "drop",
     "use", "commit", "execute", "order", "claim", "lead", "target", "hit", "kill", "detonate"}
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
# Common nouns that name an armed actor when no entity is mentioned: "regime shelling".
ACTOR_NOUNS = frozenset(
    {"regime", "government", "army", "force", "troop", "rebel", "militant", "terrorist",
     "jihadist", "insurgent", "militia", "opposition", "soldier", "coalition", "gunman",
     "fighter", "warplane", "jet", "aircraft", "helicopter", "loyalist", "extremist",
     "airforce", "military", "tank", "warship", "drone", "plane", "gunboat", "paramilitary",
     "mercenary"}
)  # fmt: skip
REPORTING_VERBS = frozenset(
    {"say", "report", "tell", "claim", "announce", "confirm", "state", "add", "note", "reveal",
     "publish", "show", "warn", "accuse", "deny", "quote", "cite"}
)  # fmt: skip
# Words that make a place a backer rather than a scene: "with US support", "US-backed".
SUPPORT_NOUNS = frozenset(
    {"support", "backing", "help", "aid", "assistance", "cover", "sponsorship", "blessing",
     "airpower", "encouragement"}
)  # fmt: skip
BACKING_VERBS = frozenset({"back", "support", "sponsor", "aid", "assist", "arm", "fund", "help"})
# "troops loyal to Damascus", "groups affiliated to Ankara": allegiance, not a scene.
ALLEGIANCE_WORDS = frozenset({"loyal", "allied", "affiliated", "aligned", "linked", "beholden"})
# Objects of "seize"/"capture" that are goods or abstractions, not ground.
NOT_TERRITORY = frozenset(
    {"action", "weapon", "arm", "ammunition", "munition", "document", "vehicle", "tank",
     "equipment", "cash", "money", "asset", "property", "passport", "phone", "opportunity",
     "initiative", "power", "drug", "shipment", "cargo", "truck", "car", "rifle", "gun",
     "missile", "rocket", "explosive", "material", "supply", "aid", "food", "fuel", "goods",
     "computer", "file", "evidence", "attention", "moment", "chance"}
)  # fmt: skip
SETTLEMENT_NOUNS = frozenset({"city", "town", "village"})
PLACE_PREPS = frozenset(
    {"in", "near", "on", "against", "at", "to", "into", "outside", "around", "across", "over",
     "inside", "toward", "towards", "throughout", "within", "of", "off", "targeting"}
)  # fmt: skip
PLACE_KINDS = frozenset(
    {EntityKind.PLACE, EntityKind.SETTLEMENT, EntityKind.REGION, EntityKind.COUNTRY,
     EntityKind.SITE}
)  # fmt: skip
PLACE_NER = frozenset({"GPE", "LOC", "FAC"})
ACTOR_NER = frozenset({"ORG", "NORP", "PERSON"})

# Which event an article is about, when several are reported together.
MAIN_PRIORITY: dict[EventKind, int] = {
    K.CHEMICAL_ATTACK: 0, K.BOMBING: 1, K.EXECUTION: 1, K.AIRSTRIKE: 2, K.SHELLING: 2,
    K.SHOOTING: 2, K.CAPTURE: 3, K.ATTACK: 4, K.WITHDRAWAL: 5, K.EVACUATION: 5,
    K.TROOP_MOVEMENT: 6,
}  # fmt: skip
LEAD_SENTENCES = 3
# "… comes a week after X happened": the clause is another event.
SEQUENCE_MARKERS = frozenset({"after", "before", "since", "until", "till"})


def is_place(mention: Mention) -> bool:
    """A mention of a place: typed so by the gazetteer, or a GPE/LOC/FAC of the NER."""
    kinds = set(mention.entity.kinds)
    if kinds & PLACE_KINDS:
        return True
    return not mention.entity.known and mention.entity.ner_label in PLACE_NER


def is_based(text: str, mention: Mention) -> bool:
    """"Britain" in "Britain-based monitor" is not where anything happened."""
    end = mention.span.end
    return text[end : end + 6].lower() == "-based"


def is_actor(mention: Mention) -> bool:
    """A mention of someone who can act (not a place)."""
    if is_place(mention):
        return EntityKind.COUNTRY in mention.entity.kinds  # states act: "Russia bombed"
    return True


@dataclass(slots=True)
class Found:
    """One trigger occurrence with its arguments, before merging."""

    kind: EventKind
    trigger: Token
    actor: EntityRef | None = None
    target: EntityRef | None = None
    place: EntityRef | None = None
    origins: tuple[EntityRef, ...] = ()
    when: TimeStamp | None = None
    evidence: list[Span] = field(default_factory=list)
    triggers: set[int] = field(default_factory=set)  # token indices merged into this one
    attribution: Attribution | None = None


class MentionIndex:
    """Mentions looked up by token: which mention covers a token."""

    def __init__(self, doc: Doc, mentions: Sequence[Mention]) -> None:
        self.by_token: dict[int, Mention] = {}
        for mention in mentions:
            span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.by_token.setdefault(token.i, mention)

    def at(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)

    def in_tokens(self, tokens: Iterable[Token]) -> Iterator[Mention]:
        seen: set[int] = set()
        for token in tokens:
            mention = self.by_token.get(token.i)
            if mention is not None and id(mention) not in seen:
                seen.add(id(mention))
                yield mention


def _lower_lemma(token: Token) -> str:
    """The lowercase lemma; title-case headline words ("Retake", "Launches") as verbs."""
    lemma = token.lemma_.lower()
    if token.pos_ == "PROPN" and token.is_title:
        for suffix in ("", "s", "es", "d", "ed"):
            stem = token.lower_[: len(token.lower_) - len(suffix)] if suffix else token.lower_
            if token.lower_.endswith(suffix) and (stem in VERB_TRIGGERS or stem in NOUN_TRIGGERS):
                return stem
    return lemma


def _line_start(token: Token) -> int:
    return text_of(token.doc).rfind("\n", 0, token.idx)


def _kids(token: Token) -> list[Token]:
    """Children on the token's own line: a parse does not cross paragraph breaks."""
    line = _line_start(token)
    return [c for c in token.children if _line_start(c) == line]


def _post_modifier_end(noun: Token, most: int = 5) -> Token:
    """The last token of what follows a generic actor noun and says whose it is:
    "forces loyal to the regime", "fighters of the Islamic State" (at most ``most`` tokens)."""
    for child in _kids(noun):
        if child.i > noun.i and (
            (child.dep_ in ("amod", "acl") and child.lower_ in POST_MODIFIERS)
            or (child.dep_ == "prep" and child.lower_ == "of")
        ):
            end = max(t.i for t in child.subtree)
            if end - noun.i <= most:
                return noun.doc[end]
    return noun


# Adjectives after a noun that say whose forces they are.
POST_MODIFIERS = frozenset({"loyal", "allied", "affiliated", "linked", "backed", "aligned"})


def _subtree(token: Token) -> list[Token]:
    line = _line_start(token)
    return [t for t in token.subtree if _line_start(t) == line]


def _ancestors(token: Token) -> list[Token]:
    line = _line_start(token)
    chain = []
    for ancestor in token.ancestors:
        if _line_start(ancestor) != line:
            break
        chain.append(ancestor)
    return chain


def _head(token: Token) -> Token:
    head = token.head
    return head if _line_start(head) == _line_start(token) else token


def sentence_of(token: Token) -> SpacySpan:
    """The token's sentence, clipped to its line."""
    sentence = token.sent
    line = _line_start(token)
    start = sentence.start
    while start < token.i and _line_start(token.doc[start]) != line:
        start += 1
    end = sentence.end
    while end > token.i + 1 and _line_start(token.doc[end - 1]) != line:
        end -= 1
    return token.doc[start:end]


def _modifiers(token: Token) -> list[Token]:
    """Compound/amod/nmod children of a noun, plus the word just before it."""
    mods = [c for c in _kids(token) if c.dep_ in ("compound", "amod", "nmod", "npadvmod")]
    if token.i > 0 and token.doc[token.i - 1] not in mods:
        mods.append(token.doc[token.i - 1])
    return mods


def _refine(token: Token, kind: EventKind) -> EventKind:
    """The kind a noun's modifiers say: "chemical attack", "car bomb", "air strike"."""
    lemma = _lower_lemma(token)
    words = {_lower_lemma(m) for m in _modifiers(token)} | {m.lower_ for m in _modifiers(token)}
    if lemma == "bombing" and words & BOMBING_MODIFIERS:
        return K.BOMBING  # "twin bombings", "suicide bombing", "terrorist bombing"
    if lemma == "bomb" and (words & DROPPED_BOMB_MODIFIERS or _lower_lemma(_head(token)) in (
        "drop", "rain"
    )):
        return K.AIRSTRIKE  # "barrel bombs", "vacuum bomb", "bombs were dropped"
    if lemma not in REFINABLE:
        return kind
    for mod in _modifiers(token):
        refined = REFINERS.get(_lower_lemma(mod)) or REFINERS.get(mod.lower_)
        if refined is not None and not (refined is kind and lemma == "bombing"):
            if lemma in ("shell", "shelling", "rocket", "missile") and refined is K.AIRSTRIKE:
                continue  # "air-launched missile" stays a shelling for our purposes
            return refined
    # "bombing"/"bomb" followed by "attack": a bomb attack.
    return kind


def _trigger_kind(token: Token) -> EventKind | None:
    """The event kind ``token`` triggers, or None."""
    lemma = _lower_lemma(token)
    lower = token.lower_
    if token.pos_ in ("VERB",) or (token.pos_ == "AUX" and lemma == "blow"):
        kind = VERB_TRIGGERS.get(lemma)
        if lemma in KILLING_VERBS and _killer_subject(token) is not None:
            kind = K.ATTACK
        if lemma == "take" and any(
            c.dep_ == "prt" and c.lower_ == "over" for c in _kids(token)
        ):
            kind = K.CAPTURE
        if lemma in CONTROL_VERBS and any(
            _lower_lemma(c) == "control" and c.dep_ in ("dobj", "nsubjpass") for c in _kids(token)
        ):
            kind = K.CAPTURE
        if lemma == "open" and any(_lower_lemma(c) == "fire" for c in _kids(token)):
            kind = K.SHOOTING
        if lemma == "blow" and not any(c.lower_ == "up" for c in _kids(token)):
            kind = None
        return kind
    if token.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return None
    if token.pos_ == "PROPN" and token.is_title and lemma in VERB_TRIGGERS and (
        lemma not in NOUN_TRIGGERS
    ):
        return VERB_TRIGGERS[lemma]  # a verb in a title-case headline: "ISIS Retake Palmyra"
    if lemma in FIRE_NOUNS or lower == "fire":
        for mod in _modifiers(token):
            refined = REFINERS.get(_lower_lemma(mod))
            if refined in (K.SHELLING, K.SHOOTING, K.AIRSTRIKE):
                return refined
        return None
    if lower in ("airstrikes", "air-strikes", "airstrike", "air-strike", "airraid", "airraids"):
        return K.AIRSTRIKE
    if lemma in ("chemical", "toxic", "poisonous"):
        head = _head(token)
        if token.dep_ in ("amod", "compound") and _lower_lemma(head) in CHEMICAL_HEADS:
            return None  # the head noun is the trigger, refined to a chemical attack
        return K.CHEMICAL_ATTACK if lemma == "chemical" and token.dep_ == "pobj" else None
    kind = NOUN_TRIGGERS.get(lemma) or NOUN_TRIGGERS.get(lower)
    if kind is None:
        return None
    if lemma == "gas":
        if token.dep_ == "compound" and _lower_lemma(_head(token)) in CHEMICAL_HEADS:
            return None  # "gas attack": the head triggers
        if token.dep_ in ("compound", "conj") and _lower_lemma(_head(token)) in NOT_CHEMICAL_HEADS:
            return None
        if any(_lower_lemma(c) in NOT_CHEMICAL_HEADS for c in _kids(token)):
            return None
        if token.dep_ == "compound" or _lower_lemma(_head(token)) in NOT_CHEMICAL_HEADS:
            return None
    if lemma == "explosive" and token.dep_ == "pobj" and _lower_lemma(_head(token)) == "with" and (
        _lower_lemma(_head(_head(token))) in LADEN_WORDS
    ):
        return None  # "vehicles filled with explosives": a thing described, not a blast
    if lemma in ("sarin", "chlorine") and token.dep_ == "compound":
        return None  # "sarin gas": the head triggers
    if lemma == "strike" and not any(
        _lower_lemma(m) in REFINERS for m in _modifiers(token)
    ) and token.tag_ != "NNS":
        return None  # a single bare "strike" is too often a labour or a football strike
    if lemma == "fall" and not any(c.dep_ == "prep" and c.lower_ == "of" for c in _kids(token)):
        return None  # "the fall of X" only
    if lemma in ("transfer", "reinforcement", "deployment") and lemma == "transfer" and not (
        _has_force_word(token) or _prep_places(token, ("from",))
    ):
        return None
    if token.dep_ == "compound" and _trigger_kind_of_head(token) is not None:
        return None  # "car bomb explosion", "mortar shell": one trigger, the head
    return _refine(token, kind)


def _killer_subject(verb: Token) -> Token | None:
    """Who did the killing, when it is not a weapon or an event: the subject of an
    active verb ("the army killed 20"), the agent of a passive one ("20 killed by
    the army"; not "killed by air strikes", which are the event)."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in _kids(verb)) or verb.tag_ == "VBN"
    if passive:
        agent = next((c for c in _kids(verb) if c.dep_ == "agent"), None)
        subject = next((c for c in _kids(agent) if c.dep_ == "pobj"), None) if agent else None
    else:
        subject = next((c for c in _kids(verb) if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON":
        return None
    lemma = _lower_lemma(subject)
    if lemma in NOUN_TRIGGERS or lemma in FIRE_NOUNS or REFINERS.get(lemma, K.AIRSTRIKE) is not (
        K.AIRSTRIKE
    ):
        return None  # a weapon; aircraft are attackers ("Russian jets destroyed")
    if any(
        REFINERS.get(_lower_lemma(c), K.AIRSTRIKE) is not K.AIRSTRIKE
        for c in _kids(subject) if c.dep_ in ("compound", "amod")
    ):
        return None  # "a car bomb killed 26": the weapon
    return subject


def is_killing(trigger: Token) -> bool:
    """An attack read off a killing verb ("the army killed 20")."""
    return trigger.pos_ == "VERB" and _lower_lemma(trigger) in KILLING_VERBS


# An attack carried out by aircraft is an air strike; by guns that fire shells, shelling.
ATTACKER_KINDS: tuple[tuple[re.Pattern[str], EventKind], ...] = (
    (re.compile(r"\b(?:war)?planes?\b|\bjets?\b|\baircrafts?\b|\bhelicopters?\b|"
                r"\bdrones?\b|\bair ?force|\baerospace forces\b|\bwarplanes?\b"), K.AIRSTRIKE),
    (re.compile(r"\bartillery\b|\btanks?\b|\bmortars?\b|\brocket launchers?\b"), K.SHELLING),
)


def _kind_of_attacker(actor: EntityRef) -> EventKind | None:
    """"Russian jets destroyed", "planes targeted water wells": the weapon in the
    attacker's name says what kind of attack it was."""
    label = actor.label.lower()
    return next((kind for pattern, kind in ATTACKER_KINDS if pattern.search(label)), None)


def _trigger_kind_of_head(token: Token) -> EventKind | None:
    head = _head(token)
    lemma = _lower_lemma(head)
    if lemma in NOUN_TRIGGERS or lemma in FIRE_NOUNS:
        return NOUN_TRIGGERS.get(lemma, K.SHELLING)
    return None


def _has_force_word(token: Token) -> bool:
    return any(_lower_lemma(t) in FORCE_NOUNS for t in _subtree(token))


def _prep_places(token: Token, preps: Iterable[str]) -> list[Token]:
    """Objects of the given prepositions attached to ``token``."""
    wanted = set(preps)
    objects = []
    for child in _kids(token):
        if child.dep_ in ("prep", "agent") and child.lower_ in wanted:
            objects.extend(c for c in _kids(child) if c.dep_ == "pobj")
    return objects


def _is_attempt(token: Token) -> bool:
    """A capture only tried: "attempt to capture", "offensive to retake", "failed to seize"."""
    doc = token.doc
    infinitive = token.i > 0 and doc[token.i - 1].lower_ == "to"
    if not infinitive:
        return False
    if token.i > 1 and _lower_lemma(doc[token.i - 2]) in ATTEMPT_WORDS:
        return True
    node = token
    for _ in range(3):
        node = _head(node)
        if _lower_lemma(node) in ATTEMPT_WORDS:
            return True
    return False


def _seizes_goods(verb: Token) -> bool:
    """"seized weapons", "captured tanks": goods taken, not ground."""
    objects = [c for c in _kids(verb) if c.dep_ in ("dobj", "nsubjpass")]
    return bool(objects) and all(_lower_lemma(o) in NOT_TERRITORY for o in objects)


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in _kids(token))


def _hypothetical(token: Token) -> bool:
    """Conditionals and modals: "if the city is lost", "could flee", "will withdraw"."""
    for child in _kids(token):
        if child.dep_ == "mark" and child.lower_ in ("if", "unless", "whether"):
            return True
        if child.dep_ == "aux" and child.lower_ in ("will", "would", "could", "might", "may",
                                                     "should", "'ll", "can"):
            return True
    return False


def triggers(doc: Doc) -> Iterator[tuple[Token, EventKind]]:
    """Every event trigger in ``doc`` with its kind."""
    for token in doc:
        kind = _trigger_kind(token)
        if kind is None or _negated(token) or _hypothetical(token):
            continue
        if token.pos_ == "VERB" and _lower_lemma(token) in LOOSE_MOVEMENT_VERBS:
            moved = [c for c in _kids(token) if c.dep_ in ("dobj", "nsubjpass", "nsubj")]
            if not (
                any(_lower_lemma(c) in FORCE_NOUNS for m in moved for c in _subtree(m))
                or (_prep_places(token, ("from",)) and _lower_lemma(token) != "send")
            ):
                continue
        if kind is K.CAPTURE and token.pos_ == "VERB" and _seizes_goods(token):
            continue
        if kind is K.CAPTURE and _is_attempt(token):
            kind = K.ATTACK
        yield token, kind


def _in_other_event_clause(token: Token, trigger: Token) -> bool:
    """``token`` sits in a clause about another event — one a trigger heads, or one set
    before or after it in time: "the assault comes two weeks after IS killed 270 guards
    in Homs" (Homs is where the killing was, not the assault)."""
    stop = {trigger.i, _governing_verb(trigger).i}
    for node in _ancestors(token):
        if node.i in stop:
            return False
        if (
            node.pos_ == "VERB"
            and node.dep_ in ("advcl", "relcl", "ccomp", "conj", "pcomp")
            and (_trigger_kind(node) is not None or any(
                c.dep_ == "mark" and c.lower_ in SEQUENCE_MARKERS for c in _kids(node)
            ))
        ):
            return True
    return False


def _governing_verb(token: Token) -> Token:
    """The verb a noun trigger hangs from ("launched" for "launched an offensive")."""
    node = token
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX") or node.dep_ == "ROOT":
            return node
        node = _head(node)
    return node


def mention_token(doc: Doc, mention: Mention) -> int:
    """The index of a mention's last token."""
    span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    return span[-1].i if span is not None and len(span) else 0


def _is_definite_settlement(token: Token) -> bool:
    """"the city", "the town" (an anaphor), not "a city", "the city of X" or "the
    villages" (several places, not the last one named)."""
    return (
        _lower_lemma(token) in SETTLEMENT_NOUNS
        and token.tag_ != "NNS"
        and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in _kids(token))
        and not any(c.dep_ in ("prep", "compound", "appos") for c in _kids(token))
    )


def _bare_participle(verb: Token) -> bool:
    """A headline passive without its auxiliary: "47 Leaders Killed in Idleb Blast"."""
    return verb.tag_ == "VBN" and not any(
        c.dep_ == "aux" and _lower_lemma(c) == "have" for c in _kids(verb)
    )


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "agent") for c in _kids(verb))


def _subject_of(verb: Token) -> Token | None:
    """The grammatical agent of ``verb``, climbing xcomp/conj/advcl chains."""
    node = verb
    for _ in range(4):
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in _kids(node))
        for child in _kids(node):
            if child.dep_ == "agent":
                objects = [c for c in _kids(child) if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
        if not passive:
            for child in _kids(node):
                if child.dep_ in ("nsubj", "csubj"):
                    return child
        if node.dep_ == "acl" and node.tag_ == "VBN":
            return None  # "forces backed by X": X did not do what the head did
        if node.dep_ in ("xcomp", "conj", "advcl", "acl", "relcl") and _head(node) is not node:
            if node.dep_ == "relcl":
                return _head(node)
            node = _head(node)
            continue
        return None
    return None


class Reader:
    """Reads events off one parsed article."""

    def __init__(self, doc: Doc, article: Article, mentions: Sequence[Mention]) -> None:
        self.doc = doc
        self.article = article
        self.mentions = MentionIndex(doc, mentions)
        self.all_mentions = mentions
        self.headline_end = headline_end(doc, article)
        self.dates = self._date_tokens()
        self.gazetteer = load_gazetteer()
        self.story_country = self._story_country()
        self.scene_country: str | None = None  # the country of the event being read

    def _date_tokens(self) -> list[tuple[SpacySpan, TimeStamp]]:
        spans = []
        for mention in doc_dates(self.doc, self.article.date_published):
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                spans.append((span, mention.stamp))
        return spans

    # --- arguments -------------------------------------------------------------------
    def entity_at(self, token: Token, want_place: bool) -> EntityRef | None:
        """The mention in ``token``'s phrase: itself, its compounds, then its subtree.

        Places are looked for only in the noun phrase proper ("the village of Asheh",
        "Aleppo city"), actors also among its modifiers ("Syrian government forces").
        """
        check = is_place if want_place else is_actor
        mention = self.mentions.at(token)
        if mention is not None and check(mention):
            return mention.entity
        if want_place:
            place = self._place_in_phrase(token)
            if place is None and _is_definite_settlement(token):
                return self._antecedent_settlement(token)
            return place
        left = self.doc[token.left_edge.i : token.i]
        for candidate in self.mentions.in_tokens(reversed(list(left))):
            if check(candidate) and not self._is_based(candidate) and not self._locator(candidate):
                return candidate.entity
        for candidate in self.mentions.in_tokens(
            self._subtree_without_clauses(token, skip_preps=LOCATIVE_PREPS)
        ):
            if check(candidate) and not self._is_based(candidate) and not self._locator(candidate):
                return candidate.entity
        return None

    def _locates(self, token: Token) -> bool:
        mention = self.mentions.at(token)
        return mention is not None and self._locator(mention)

    def _country_of(self, place: EntityRef | None) -> str | None:
        """The country a place lies in; for a place the gazetteer lacks (or none), the
        country the article's places mostly lie in."""
        if place is not None and _is_country(place):
            return place.key
        country = self.gazetteer.country_of(place.key) if place is not None else None
        return country.key if country is not None else self.story_country

    def _story_country(self) -> str | None:
        countries = Counter(
            country.key for mention in self.all_mentions
            if is_place(mention)
            and (country := self.gazetteer.country_of(mention.entity.key)) is not None
        )
        return countries.most_common(1)[0][0] if countries else None

    def _locator(self, mention: Mention) -> bool:
        """The country of the scene as a noun modifier: "Syria rebels", "Syria car
        bombings" (rebels in Syria), unlike "US strikes" on Syria or "Syrian troops"."""
        if self.scene_country is None or mention.entity.key != self.scene_country:
            return False
        token = self.doc[mention_token(self.doc, mention)]
        return token.pos_ == "PROPN" and token.dep_ in ("compound", "nmod")

    def _place_in_phrase(self, token: Token) -> EntityRef | None:
        """A place heading or naming a noun phrase: compounds, "of X", appositions, conjuncts."""
        queue = [token]
        seen = 0
        country: EntityRef | None = None
        while queue and seen < 12:
            node = queue.pop(0)
            seen += 1
            mention = self.mentions.at(node)
            if (
                mention is not None
                and is_place(mention)
                and not self._is_based(mention)
                and not self._possessor_place(mention)
            ):
                if not _is_country(mention.entity):
                    return mention.entity
                country = country or mention.entity  # "areas of Syria's Aleppo": Aleppo
            for child in _kids(node):
                if child.dep_ in ("compound", "appos", "conj", "poss", "nmod"):
                    queue.append(child)
                elif child.dep_ == "prep" and child.lower_ in ("of", "in", "near"):
                    queue.extend(c for c in _kids(child) if c.dep_ == "pobj")
        return country

    def _subtree_without_clauses(
        self, token: Token, skip_preps: frozenset[str] = frozenset()
    ) -> Iterator[Token]:
        """``token``'s subtree, without relative clauses and participles hanging off it
        (nor phrases of ``skip_preps``: "a jihadist group in Syria" is not Syria)."""
        stack = [token]
        while stack:
            node = stack.pop(0)
            yield node
            for child in _kids(node):
                if child.dep_ in ("relcl", "acl", "advcl", "appos", "punct", "cc"):
                    continue
                if child.dep_ == "prep" and child.lower_ in skip_preps:
                    continue
                stack.append(child)

    def _possessor_place(self, mention: Mention) -> bool:
        """"Iraq" in "Iraq's Mosul", "Syria" in "Syria's Quneitra": a qualifier, not the place."""
        span = self.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        if root.dep_ in ("poss", "compound") and _head(root).i >= span.end:
            other = self.mentions.at(_head(root))
            return other is not None and is_place(other)
        return False

    def _is_based(self, mention: Mention) -> bool:
        return is_based(text_of(self.doc), mention)

    def actor_of(self, trigger: Token, kind: EventKind | None = None) -> EntityRef | None:
        candidates: list[Token] = []
        candidates.extend(self._blamed_on(trigger))
        if trigger.pos_ == "VERB":
            subject = _subject_of(trigger)
            if subject is not None:
                candidates.append(subject)
            elif trigger.tag_ == "VBG":
                candidates.extend(_prep_places(trigger, ("by",)))  # "shelling by ISIS"
        else:
            candidates.extend(c for c in _kids(trigger) if c.dep_ == "poss")
            candidates.extend(
                o for o in _prep_places(trigger, ("by",))
            )
            if kind is K.TROOP_MOVEMENT:
                # "a transfer of 5,000 IS militants": who moved
                for moved in _prep_places(trigger, ("of",)):
                    entity = self._own_actor(moved)
                    if entity is not None:
                        return entity
            candidates.extend(
                c for c in _kids(trigger)
                if c.dep_ in ("compound", "amod", "nmod") and self._direct_modifier(c, trigger)
            )
            verb = _head(trigger)
            prep = verb
            means_of = _head(prep)
            if means_of.dep_ == "dobj" and means_of.pos_ in ("NOUN", "PROPN"):
                means_of = _head(means_of)  # "killed 18 commanders in air raids"
            if (
                trigger.dep_ == "pobj"
                and prep.lower_ in INSTRUMENT_PREPS
                and means_of.pos_ == "VERB"
                and means_of is not prep
                and not _bare_participle(means_of)
            ):
                # "the army killed 18 commanders in air raids", "X kills 20 with barrel
                # bombs": the subject of an active verb carried the event out.
                subject = _subject_of(means_of)
                if subject is not None:
                    candidates.append(subject)
            if trigger.dep_ in ("dobj", "nsubjpass") and _lower_lemma(verb) in SUPPORT_VERBS:
                subject = _subject_of(verb)
                if subject is not None:
                    candidates.append(subject)
                elif not _has_subject(verb):
                    candidates.extend(self._left_subject(verb))
        for candidate in candidates:
            entity = self._actor_phrase(candidate)
            if entity is not None:
                return entity
        if trigger.pos_ == "VERB" and not _has_subject(trigger):
            for candidate in self._left_subject(trigger):
                entity = self._actor_phrase(candidate)
                if entity is not None:
                    return entity
        if trigger.idx < self.headline_end:
            return self._headline_subject(trigger)
        return None

    def _blamed_on(self, trigger: Token) -> list[Token]:
        """"a car bombing blamed on Daesh", "strikes attributed to Russia"."""
        found = []
        for child in _kids(trigger):
            if child.dep_ == "acl" and _lower_lemma(child) in BLAME_VERBS:
                found.extend(_prep_places(child, ("on", "to")))
        return found

    def _own_actor(self, token: Token) -> EntityRef | None:
        """The actor a noun phrase itself names, without its prepositional phrases."""
        phrase = self.doc[token.left_edge.i : token.i + 1]
        for candidate in self.mentions.in_tokens(reversed(list(phrase))):
            if is_actor(candidate) and not self._is_supporter(candidate):
                return candidate.entity
        if _lower_lemma(token) in ACTOR_NOUNS:
            return self._actor_phrase(token) if self.mentions.at(token) is None else None
        return None

    def _direct_modifier(self, modifier: Token, trigger: Token) -> bool:
        """False when a title-case word no mention covers stands between a modifier and
        its headline trigger: a verb the parser took for a name ("US Facilitates Transfer")."""
        if trigger.idx >= self.headline_end or modifier.i > trigger.i:
            return True
        return not any(
            t.pos_ == "PROPN" and t.is_title and self.mentions.at(t) is None
            for t in self.doc[modifier.i + 1 : trigger.i]
        )

    def _left_subject(self, verb: Token) -> Iterator[Token]:
        """The subject a parse missed: the actor named just before the verb on its line.

        The parser sometimes hangs a paragraph's first words on the previous paragraph
        ("… on Aleppo\n\nOn December 8 ISIS terrorists launched") or tags a subject as
        an auxiliary ('"IS has dispatched'); the words right before the verb still say who.
        """
        line = _line_start(verb)
        index = verb.i - 1
        while index >= 0 and _line_start(self.doc[index]) == line:
            token = self.doc[index]
            mention = self.mentions.at(token)
            if mention is not None:
                if is_actor(mention):
                    yield token
                return
            if token.pos_ in ("AUX", "ADV", "PART"):
                index -= 1
                continue
            if token.text == ",":  # "terrorists, reinforced by tanks, have started"
                opening = next(
                    (j for j in range(index - 1, max(index - 12, -1), -1)
                     if self.doc[j].text == "," and _line_start(self.doc[j]) == line),
                    None,
                )  # fmt: skip
                if opening is None:
                    return
                index = opening - 1
                continue
            if token.pos_ in ("NOUN", "PROPN") and (
                _head(token) is token or token.dep_ in ("nsubj", "nsubjpass")
            ):
                yield token  # "ISIS terrorists" whose head the parser put on another line
            return

    def _headline_subject(self, trigger: Token) -> EntityRef | None:
        """A headline's subject: "Islamic State Forces (ISIS-Daesh) Retake Palmyra".

        Title-case headlines parse badly; the actor named right before the trigger,
        past force words and brackets only, is its subject.
        """
        index = trigger.i - 1
        while index >= 0 and self.doc[index].idx < self.headline_end:
            token = self.doc[index]
            mention = self.mentions.at(token)
            if mention is not None:
                return mention.entity if is_actor(mention) and not self._locator(mention) else None
            skippable = (
                (token.is_punct and token.text not in (":", "|", "–", "—"))
                or _lower_lemma(token) in FORCE_NOUNS
                or token.lower_.removesuffix("s") in FORCE_NOUNS
            )
            if not skippable:
                return None
            index -= 1
        return None

    def _actor_phrase(self, token: Token) -> EntityRef | None:
        """An actor for the phrase headed by ``token``: a mention, else a generic armed noun."""
        entity = self.entity_at(token, want_place=False)
        if entity is not None:
            return entity
        lemma = _lower_lemma(token)
        if lemma in NOUN_TRIGGERS or lemma in FIRE_NOUNS:
            # "Russian air strikes killed": the strikes' own modifiers name the actor.
            for mod in _kids(token):
                if mod.dep_ in ("compound", "amod", "poss", "nmod"):
                    entity = self._actor_phrase(mod)
                    if entity is not None:
                        return entity
            return None
        if token.ent_type_ == "NORP" and token.pos_ == "ADJ" and token.dep_ in ("amod", "compound"):
            # "Russian air strikes", "Syrian shelling": the nationality names the actor.
            label = token.text
            return EntityRef(key=slug(label), label=label, kinds=(EntityKind.ACTOR,),
                             known=False, ner_label="NORP")  # fmt: skip
        if lemma in ACTOR_NOUNS:
            tokens = [
                t for t in self.doc[token.left_edge.i : token.i + 1]
                if (t.dep_ in ("compound", "amod", "nmod") and not self._locates(t))
                or t.i == token.i
            ]
            if not tokens or tokens[0].pos_ in ("DET", "NUM"):
                tokens = [token]
            last = _post_modifier_end(token)
            start, end = tokens[0].idx, last.idx + len(last.text)
            label = text_of(self.doc)[start:end]
            return EntityRef(
                key=slug(label), label=label,
                kinds=(EntityKind.ACTOR, EntityKind.ARMED_GROUP), known=False,
            )
        return None

    def target_of(self, trigger: Token) -> EntityRef | None:
        objects = [c for c in _kids(trigger) if c.dep_ in ("dobj", "nsubjpass")]
        if trigger.pos_ != "VERB":
            objects = []
        objects += _prep_places(trigger, ("against", "on", "at"))
        for obj in objects:
            mention = self.mentions.at(obj)
            entity = self.entity_at(obj, want_place=False)
            if entity is not None and (mention is None or not is_place(mention)):
                return entity
        return None

    def places_of(
        self, trigger: Token, kind: EventKind
    ) -> tuple[EntityRef | None, tuple[EntityRef, ...]]:
        """The event's place and, for troop movements, where they came from."""
        heads = [trigger]
        verb = _governing_verb(trigger)
        if verb is not trigger and trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "attr"):
            heads.append(verb)
        origins: list[EntityRef] = []
        if kind is K.TROOP_MOVEMENT:
            origins = self._origins(heads)
        # Every place the trigger's phrase and clause give, in order of trust; the first
        # one more specific than a country wins ("Russia air strikes kill 39 in Idlib":
        # Idlib, not Russia, which is the actor; "strikes on Syria … in Shadadi": Shadadi).
        candidates: list[EntityRef] = []
        for head in heads:
            for obj in _prep_places(head, PLACE_PREPS - {"from"}):
                candidates.append(self.entity_at(obj, want_place=True))  # type: ignore[arg-type]
            # "the Aleppo offensive", "Palmyra's fall"
            if head.pos_ != "VERB":
                for child in _kids(head):
                    if child.dep_ in ("compound", "poss", "nmod") and self._direct_modifier(
                        child, head
                    ):
                        mention = self.mentions.at(child)
                        if mention is not None and is_place(mention):
                            candidates.append(mention.entity)
            for obj in (c for c in _kids(head) if c.dep_ in ("dobj", "nsubjpass")):
                if kind in (K.CAPTURE, K.ATTACK, K.WITHDRAWAL, K.EVACUATION) or head.pos_ == "VERB":
                    candidates.append(self.entity_at(obj, want_place=True))  # type: ignore[arg-type]
        places = [c for c in candidates if c is not None and c not in origins]
        specific = next((c for c in places if not _is_country(c)), None)
        if specific is not None:
            return specific, tuple(origins)
        nearest = self._nearest_place(trigger, origins)
        if nearest is not None and not _is_country(nearest):
            return nearest, tuple(origins)
        return (places[0] if places else nearest), tuple(origins)

    def _origins(self, heads: Sequence[Token]) -> list[EntityRef]:
        """Where troops came from: places in "from X" phrases anywhere in the trigger's
        phrase ("to the areas of Raqqa … from Mosul", "hardware from the regions of
        Raqqa"); a country is dropped beside a place in it ("from Mosul, Iraq")."""
        origins: list[EntityRef] = []
        for head in heads:
            for token in self._subtree_without_clauses(head):
                if not (token.dep_ == "prep" and token.lower_ == "from"):
                    continue
                for obj in (c for c in _kids(token) if c.dep_ == "pobj"):
                    for mention in self.mentions.in_tokens(_subtree(obj)):
                        if (
                            is_place(mention)
                            and not self._possessor_place(mention)
                            and mention.entity not in origins
                        ):
                            origins.append(mention.entity)
        if any(not _is_country(o) for o in origins):
            origins = [o for o in origins if not _is_country(o)]
        return origins

    def _is_supporter(self, mention: Mention) -> bool:
        """A place named as a backer, not a scene: "with US support", "backed by the US"."""
        span = self.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        if span is None:
            return False
        for node in [span.root, *_ancestors(span.root)][:5]:
            lemma = _lower_lemma(node)
            if lemma in SUPPORT_NOUNS | ALLEGIANCE_WORDS and node is not span.root:
                return True
            if lemma in BACKING_VERBS and node.tag_ == "VBN":
                return True
            if node.pos_ in ("VERB", "AUX"):
                return False
        return False

    def _is_source_place(self, mention: Mention) -> bool:
        """A place things come from ("large numbers from Raqqa"), not where it happened."""
        span = self.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        if span is None:
            return False
        for node in _ancestors(span.root)[:4]:
            if node.dep_ == "prep" and node.lower_ == "from":
                return True
            if node.pos_ in ("VERB", "AUX"):
                return False
        return False

    def _antecedent_settlement(self, token: Token) -> EntityRef | None:
        """"the city", "the town": the last city or town named before it in the article."""
        best: Mention | None = None
        for mention in self.all_mentions:
            if mention.span.start >= token.idx:
                break
            if (
                EntityKind.SETTLEMENT in mention.entity.kinds
                and not self._is_based(mention)
                and not self._is_supporter(mention)
            ):
                best = mention
        return best.entity if best is not None else None

    def _nearest_place(self, trigger: Token, origins: list[EntityRef]) -> EntityRef | None:
        """The place nearest the trigger within its clause (then its sentence)."""
        clause = _governing_verb(trigger)
        sentence = sentence_of(trigger)
        for scope in (list(_subtree(clause)), list(sentence)):
            best: tuple[bool, int, EntityRef] | None = None
            for mention in self.mentions.in_tokens(scope):
                if not is_place(mention) or mention.entity in origins:
                    continue
                if (
                    self._is_based(mention)
                    or self._possessor_place(mention)
                    or self._is_supporter(mention)
                    or self._is_source_place(mention)
                    or _in_other_event_clause(self.doc[mention_token(self.doc, mention)], trigger)
                    or not self._direct_modifier(self.doc[mention_token(self.doc, mention)],
                                                 trigger)
                ):
                    continue
                # the nearest place more specific than a country, else the nearest country
                rank = (_is_country(mention.entity), abs(mention.span.start - trigger.idx))
                if best is None or rank < best[:2]:
                    best = (*rank, mention.entity)
            if best is not None:
                return best[2]
        return None

    def when_of(self, trigger: Token) -> TimeStamp | None:
        """The date expression governing the trigger, else one governing its sentence."""
        sentence = sentence_of(trigger)
        in_sentence = [
            (span, stamp) for span, stamp in self.dates
            if span.start >= sentence.start and span.end <= sentence.end
        ]
        if not in_sentence:
            return None
        chain = [trigger, *_ancestors(trigger)]
        clause_heads = {t.i for t in chain[: 1 + next(
            (n for n, t in enumerate(chain) if t.pos_ == "VERB"), 0
        )]}
        # Modifiers shared along conjunctions and control verbs: "On December 11, they
        # pushed … and took control"; "in March, forces managed to liberate the city".
        node = next((t for t in chain if t.pos_ == "VERB"), trigger)
        for _ in range(3):
            if node.dep_ not in ("conj", "xcomp") or _head(node) is node:
                break
            node = _head(node)
            clause_heads.add(node.i)
        line_root = sentence.root
        best: tuple[int, TimeStamp] | None = None
        for span, stamp in in_sentence:
            # Of the dates attached to the trigger's clause, the nearest in the text:
            # the parser often hangs a later clause's date on the first verb.
            distance = min(abs(span.start - trigger.i), abs(span.end - 1 - trigger.i))
            chain = _ancestors(span.root)
            for ancestor in chain:
                if ancestor.i in clause_heads:
                    if best is None or distance < best[0]:
                        best = (distance, stamp)
                    break
                if ancestor.pos_ == "VERB":
                    break  # the date belongs to another clause
            else:
                # The parse hung the date on the previous paragraph ("… Aleppo\n\nOn
                # December 8 ISIS launched"): it dates its own line's main clause.
                top = chain[-1] if chain else span.root
                floating = top.head.i != top.i and _head(top) is top
                if floating and line_root.i in clause_heads and (
                    best is None or distance < best[0]
                ):
                    best = (distance, stamp)
        if best is not None:
            return best[1]
        root = sentence.root
        if _lower_lemma(root) in REPORTING_VERBS:
            return None  # "On Sunday, X reported that …" dates the report, not the event
        governing = [
            stamp for span, stamp in in_sentence if _head(span.root).i == root.i
        ]
        if len(governing) == 1 and (trigger.i == root.i or root in _ancestors(trigger)):
            return governing[0]
        return None

    def evidence_of(self, trigger: Token) -> list[Span]:
        """The trigger's clause (phrase) and its sentence."""
        sentence = sentence_of(trigger)
        head = trigger if trigger.pos_ == "VERB" else _governing_verb(trigger)
        if sentence_of(head) != sentence:
            head = trigger
        tokens = [t for t in _subtree(head) if sentence.start <= t.i < sentence.end]
        spans: list[Span] = []
        phrase = _trimmed(self.doc, tokens[0].i, tokens[-1].i + 1) if tokens else None
        whole = _trimmed(self.doc, sentence.start, sentence.end)
        if phrase is not None and whole is not None and (phrase.start, phrase.end) != (
            whole.start, whole.end
        ):
            spans.append(Span(phrase.start, phrase.end, phrase.text, "phrase"))
        if whole is not None:
            spans.append(Span(whole.start, whole.end, whole.text, "sentence"))
        return spans

    def read(self) -> Iterator[Found]:
        for trigger, kind in triggers(self.doc):
            place, origins = self.places_of(trigger, kind)
            self.scene_country = self._country_of(place)
            actor = self.actor_of(trigger, kind)
            if actor is None and is_killing(trigger):
                continue  # "it killed 20": nobody to say the attack was theirs
            if kind is K.ATTACK and actor is not None:
                kind = _kind_of_attacker(actor) or kind
            evidence = self.evidence_of(trigger)
            phrase = next((s for s in evidence if s.kind == "phrase"), None) or (
                evidence[0] if evidence else None
            )
            yield Found(
                kind=kind,
                trigger=trigger,
                actor=actor,
                target=self.target_of(trigger),
                place=place,
                origins=origins,
                when=self.when_of(trigger),
                evidence=evidence,
                attribution=(
                    attribute(self.doc, phrase.start, phrase.end, self.all_mentions)
                    if phrase is not None else None
                ),
            )


def _trimmed(doc: Doc, start: int, end: int) -> Span | None:
    """A Span of tokens [start, end) without edge punctuation and whitespace."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if start >= end:
        return None
    first, last = doc[start], doc[end - 1]
    char_start, char_end = first.idx, last.idx + len(last.text)
    return Span(char_start, char_end, text_of(doc)[char_start:char_end])


def _compatible(a: object, b: object) -> bool:
    return a is None or b is None or a == b


def _is_country(place: EntityRef) -> bool:
    return EntityKind.COUNTRY in place.kinds


def _place_compatible(a: EntityRef | None, b: EntityRef | None) -> bool:
    """Same place, or one unknown, or one only the country ("in Syria" + "in Armanaz")."""
    return a is None or b is None or a == b or _is_country(a) or _is_country(b)


def _actor_compatible(a: EntityRef | None, b: EntityRef | None) -> bool:
    if a is None or b is None:
        return True
    return a.key == b.key or (not a.known and not b.known and (a.key in b.key or b.key in a.key))


def _when_compatible(a: TimeStamp | None, b: TimeStamp | None, published: date | None) -> bool:
    """Same date; or one undated mention of a recent (day-precise, ≤ 7 days old) event."""
    if a is None and b is None:
        return True
    if a is not None and b is not None:
        return a == b
    dated = a or b
    assert dated is not None
    if dated.precision is not Precision.DAY:
        return False
    return published is None or abs((published - dated.value).days) <= 7


def _claimant_rank(attribution: Attribution | None) -> int:
    """0: the author's own voice; 1: "reportedly" (no claimant); 2: a named claimant."""
    if attribution is None:
        return 0
    return 1 if attribution.claimant is None else 2


def _origins_compatible(a: tuple[EntityRef, ...], b: tuple[EntityRef, ...]) -> bool:
    """Troop movements from different places are different movements."""
    return not a or not b or bool(set(a) & set(b))


def _sequence_clause(token: Token) -> Token | None:
    """The "after …"/"before …" clause ``token`` sits in, if any."""
    for node in [token, *_ancestors(token)]:
        if node.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "mark" and c.lower_ in SEQUENCE_MARKERS for c in _kids(node)
        ):
            return node
    return None


def _told_apart(a: Token, b: Token) -> bool:
    """One sentence setting two events one after the other: "the assault comes two
    weeks after IS killed 270 guards in an assault on a gas field"."""
    if a.sent != b.sent:
        return False
    return _sequence_clause(a) is not _sequence_clause(b)


def _refines_place(existing: Found, item: Found) -> bool:
    """Whether ``item`` would give ``existing``, placed only in a country, its first
    specific place."""
    return (
        item.place is not None and not _is_country(item.place)
        and existing.place is not None and _is_country(existing.place)
    )


def merge(
    found: Sequence[Found], published: date | None = None, lead_end: int | None = None
) -> list[Found]:
    """One record per event: same kind, compatible place, actor and date (and, for
    troop movements, origins).  A mention past the lead (``lead_end``, a character
    offset) does not place an event the headline and lead placed only in a country:
    "a car bomb in Daraa" under "Related news", or "a week after a bombing in Idlib",
    is another event.  The merged record keeps every argument a mention gives:
    the date, the most specific place, a known actor, and the first named claimant
    ("Palmyra Reportedly Seized" + the Amaq claim relayed by AMN → claimant Amaq).
    Mentions attributed to different sources are merged when everything else agrees
    (news reports one strike through several voices); the first named one is kept."""
    merged: list[Found] = []
    for item in found:
        for existing in merged:
            if (
                existing.kind is item.kind
                and _place_compatible(existing.place, item.place)
                and _actor_compatible(existing.actor, item.actor)
                and _when_compatible(existing.when, item.when, published)
                and _origins_compatible(existing.origins, item.origins)
                and not (
                    lead_end is not None and item.trigger.idx >= lead_end
                    and _refines_place(existing, item)
                )
                and not _told_apart(existing.trigger, item.trigger)
            ):
                if _claimant_rank(item.attribution) > _claimant_rank(existing.attribution):
                    existing.attribution = item.attribution
                existing.actor = existing.actor or item.actor
                if existing.actor is not None and item.actor is not None and item.actor.known:
                    existing.actor = item.actor if not existing.actor.known else existing.actor
                existing.target = existing.target or item.target
                if existing.place is None or _is_country(existing.place):
                    existing.place = item.place or existing.place
                existing.origins = tuple(dict.fromkeys(existing.origins + item.origins))
                existing.when = existing.when or item.when
                for span in item.evidence:
                    if span not in existing.evidence:
                        existing.evidence.append(span)
                existing.triggers.add(item.trigger.i)
                break
        else:
            merged.append(replace(item, evidence=list(item.evidence), triggers={item.trigger.i}))
    return merged


def headline_end(doc: Doc, article: Article) -> int:
    """Where the headline (the first paragraph) ends in the text."""
    text = text_of(doc)
    if article.headline:
        at = text.find(article.headline)
        if 0 <= at < 400:
            return at + len(article.headline)
    stripped = len(text) - len(text.lstrip())
    paragraph_end = text.find("\n\n", stripped)
    return paragraph_end if paragraph_end >= 0 else min(len(text), stripped + 200)


INSTRUMENT_VERBS = frozenset({"use", "employ", "utilize", "utilise", "deploy", "bring"})


def _instrument(trigger: Token) -> bool:
    """A weapon named as what an actor used ("used car bombs", "using drones"), not as
    an event of its own."""
    for node in [trigger, *_ancestors(trigger)][:4]:
        if node.pos_ == "VERB":
            return _lower_lemma(node) in INSTRUMENT_VERBS and node is not trigger
    return False


def lead_end(doc: Doc, article: Article, sentences: int = LEAD_SENTENCES) -> int:
    """Where the headline and the first ``sentences`` body sentences end (read once per
    Doc: events, count claims and the article's place all ask)."""
    key = ("newskg_lead_end", article.headline, sentences)
    if key not in doc.user_data:
        doc.user_data[key] = _lead_end(doc, article, sentences)
    return doc.user_data[key]


def _lead_end(doc: Doc, article: Article, sentences: int) -> int:
    end = headline_end(doc, article)
    count = 0
    for sentence in doc.sents:
        if sentence.start_char >= end and sentence.text.strip():
            count += 1
            if count >= sentences:
                return sentence.end_char
    return len(text_of(doc))


def main_index(doc: Doc, article: Article, found: Sequence[Found]) -> tuple[int, int] | None:
    """Which event the headline, else the lead, reports; and the event that pick was
    made precise from (itself, or "Army Kills 10" for "… in a missile attack")."""
    if not found:
        return None
    published = article.date_published
    end = headline_end(doc, article)
    body_sentences = [s for s in doc.sents if s.start_char >= end and s.text.strip()]
    lead_ranks = {}
    rank = 0
    for sentence in body_sentences:
        if any(sentence.start <= f.trigger.i < sentence.end for f in found):
            lead_ranks[sentence.start] = rank
            rank += 1
        if rank >= LEAD_SENTENCES:
            break

    def score(index: int) -> tuple[int, int, bool, int]:
        item = found[index]
        first = item.trigger.i
        if item.trigger.idx < end:
            place_rank = 0
        else:
            place_rank = 1 + lead_ranks.get(sentence_of(item.trigger).start, 100)
            if is_killing(item.trigger):
                place_rank += 50  # "insurgents killed 14": the lead's own event words first
        if before_the_news(item.when, published):
            place_rank += 100  # "in March 2013 the town was attacked": background
        # "Army Frustrates Terrorist Attack, Kills 10": the headline's news is the killing.
        return (place_rank, MAIN_PRIORITY[item.kind], not is_killing(item.trigger), first)

    best = min(range(len(found)), key=score)
    # A headline that only says "attack" (or nothing) is made precise by the first body
    # sentence: "Terrorist attacks kill 10" + "… killed by rocket shells" is a shelling.
    # Not by a weapon the attackers used: "ISIS Launches Offensive in Palmyra" + "ISIS
    # used a high number of car bombs" stays the offensive.  A killing ("Turkish
    # military kills 14") is made precise by the whole lead, and by the weapon of the
    # killing itself ("forces killed 1,300 people using chemical weapons").
    if found[best].kind is K.ATTACK or found[best].trigger.idx >= end:
        killing = found[best].trigger if is_killing(found[best].trigger) else None
        scope = body_sentences[: LEAD_SENTENCES if killing is not None else 1]

        def precise_enough(f: Found) -> bool:
            if MAIN_PRIORITY[f.kind] > MAIN_PRIORITY[K.SHOOTING]:
                return False
            if _instrument(f.trigger) and not (
                killing is not None and killing in _ancestors(f.trigger)
            ):
                return False
            return f.trigger.idx < end or any(
                s.start <= f.trigger.i < s.end for s in scope
            )

        precise = [i for i, f in enumerate(found) if precise_enough(f)]
        if precise:
            chosen = min(precise, key=lambda i: (MAIN_PRIORITY[found[i].kind], found[i].trigger.i))
            return chosen, best
    return best, best


def _generic(actor: EntityRef | None) -> bool:
    """No actor, or only words every side uses of its enemies ("terrorists", "gunmen")."""
    return actor is None or (
        not actor.known
        and all(word in UNNAMED_ACTOR_WORDS for word in actor.label.lower().split())
    )


def _same_incident(main: Found, other: Found, lead: int, published: date | None) -> bool:
    """A lead mention that can only be the main event in other words: all its words in
    the headline and lead, an "attack" (or the same kind) where the main event is a
    precise kind of attack, nothing it says contradicts the main event."""
    if not all(span.start < lead for span in other.evidence):
        return False
    if other.kind is not main.kind and not (
        other.kind is K.ATTACK and MAIN_PRIORITY[main.kind] <= MAIN_PRIORITY[K.SHOOTING]
    ):
        return False
    return (
        _place_compatible(main.place, other.place)
        and _actor_compatible(main.actor, other.actor)
        and _when_compatible(main.when, other.when, published)
        and not _told_apart(main.trigger, other.trigger)
    )


def _fold(main: Found, other: Found) -> None:
    """``other`` is the same event as ``main`` in vaguer words ("Army Kills 10" for
    "… in a missile attack"): its words and arguments join the main record."""
    if _generic(main.actor) and not _generic(other.actor):
        main.actor = other.actor
    if main.place is None or (_is_country(main.place) and other.place is not None):
        main.place = other.place or main.place
    main.target = main.target or other.target
    main.when = main.when or other.when
    if _claimant_rank(other.attribution) > _claimant_rank(main.attribution):
        main.attribution = other.attribution
    main.evidence.extend(span for span in other.evidence if span not in main.evidence)
    main.triggers |= other.triggers


def events(doc: Doc, article: Article, mentions: Sequence[Mention]) -> Iterator[Event]:
    """The events ``doc`` reports, merged per event, one of them marked main.

    The headline's event that the body made precise ("Syrian Army Kills 10 Terrorists"
    + "… in a missile attack") is the main event: one node, with the killer the
    headline names when the precise words name no one better."""
    found = list(Reader(doc, article, mentions).read())
    picked = main_index(doc, article, found)
    lead = lead_end(doc, article)
    merged = merge(found, article.date_published, lead)
    main: Found | None = None
    if picked is not None:
        main_trigger, headline_trigger = (found[i].trigger.i for i in picked)
        main = next(item for item in merged if main_trigger in item.triggers)
        vaguer = next(item for item in merged if headline_trigger in item.triggers)
        if vaguer is not main:
            _fold(main, vaguer)
            merged.remove(vaguer)
        for other in [m for m in merged if m is not main]:
            if _same_incident(main, other, lead, article.date_published):
                _fold(main, other)
                merged.remove(other)
    for item in merged:
        yield Event(
            kind=item.kind,
            evidence=tuple(item.evidence),
            actor=item.actor,
            target=item.target,
            place=item.place,
            origins=item.origins,
            when=item.when,
            attribution=item.attribution,
            main=item is main,
        )
