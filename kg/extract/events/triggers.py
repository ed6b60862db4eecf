"""Triggers: the words that report an event, and the kind each reports.

A verb or noun whose lemma a kind's spec lists (``kinds.VERB_TRIGGERS``,
``kinds.NOUN_TRIGGERS``) is a trigger; its modifiers can refine the kind ("chemical
attack", "air strike", "car bomb", "artillery fire").  The per-word exceptions are
named rules (``rules.rule``), each with the sentence it handles.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Token

from kg.extract.events.kinds import (
    ATTACKER_KINDS,
    NOUN_TRIGGERS,
    REFINERS,
    VERB_TRIGGERS,
)
from kg.extract.events.munitions import fired_bomb
from kg.extract.events.rules import rule
from kg.extract.events.words import (
    AMMUNITION_NOUNS,
    ATTEMPT_WORDS,
    BOMBING_MODIFIERS,
    CLASH_NOUNS,
    CONTROL_VERBS,
    DROPPED_BOMB_MODIFIERS,
    FIGHTING_NOUNS,
    FIRE_NOUNS,
    FORCE_NOUNS,
    INSTRUMENT_VERBS,
    KILLING_VERBS,
    LADEN_WORDS,
    LOOSE_MOVEMENT_VERBS,
    NOT_CHEMICAL_HEADS,
    NOT_TERRITORY,
    REFINABLE,
)
from kg.nlp.sentences import head, kids, subtree
from kg.records import EntityRef, EventKind

K = EventKind
TRIGGER_WORDS = frozenset(VERB_TRIGGERS) | frozenset(NOUN_TRIGGERS)
AIRSTRIKE_SPELLINGS = ("airstrikes", "air-strikes", "airstrike", "air-strike", "airraid",
                       "airraids")  # fmt: skip


def lower_lemma(token: Token) -> str:
    """The lowercase lemma; title-case headline words ("Retake", "Launches") as verbs."""
    lemma = token.lemma_.lower()
    if token.pos_ == "PROPN" and token.is_title:
        for suffix in ("", "s", "es", "d", "ed"):
            stem = token.lower_[: len(token.lower_) - len(suffix)] if suffix else token.lower_
            if token.lower_.endswith(suffix) and (stem in VERB_TRIGGERS or stem in NOUN_TRIGGERS):
                return stem
    return lemma


def modifiers(token: Token) -> list[Token]:
    """Compound/amod/nmod children of a noun, plus the word just before it."""
    mods = [c for c in kids(token) if c.dep_ in ("compound", "amod", "nmod", "npadvmod")]
    if token.i > 0 and token.doc[token.i - 1] not in mods:
        mods.append(token.doc[token.i - 1])
    return mods


def prep_objects(token: Token, preps: Iterable[str]) -> list[Token]:
    """Objects of the given prepositions attached to ``token``."""
    wanted = set(preps)
    objects = []
    for child in kids(token):
        if child.dep_ in ("prep", "agent") and child.lower_ in wanted:
            objects.extend(c for c in kids(child) if c.dep_ == "pobj")
    return objects


# --- refining a noun trigger's kind --------------------------------------------------


@rule("bombing-by-bomb-words", '"twin bombings", "a suicide bombing": an explosion',
      words={"bombing"}, within=TRIGGER_WORDS)  # fmt: skip
def _bomb_words_bombing(token: Token, words: set[str]) -> bool:
    return lower_lemma(token) == "bombing" and bool(words & BOMBING_MODIFIERS)


@rule("dropped-bomb", '"barrel bombs", "bombs were dropped": an air strike',
      words={"bomb"}, within=TRIGGER_WORDS)  # fmt: skip
def _dropped_bomb(token: Token, words: set[str]) -> bool:
    return lower_lemma(token) == "bomb" and bool(
        words & DROPPED_BOMB_MODIFIERS or lower_lemma(head(token)) in ("drop", "rain")
    )


@rule("launched-missile-stays-shelling", '"an air-launched missile": shelling, not an air strike',
      words={"shell", "shelling", "rocket", "missile"}, within=TRIGGER_WORDS)  # fmt: skip
def _missile_not_airstrike(lemma: str, refined: EventKind) -> bool:
    return lemma in ("shell", "shelling", "rocket", "missile") and refined is K.AIRSTRIKE


def refine(token: Token, kind: EventKind) -> EventKind:
    """The kind a noun's modifiers say: "chemical attack", "car bomb", "air strike"."""
    lemma = lower_lemma(token)
    words = {lower_lemma(m) for m in modifiers(token)} | {m.lower_ for m in modifiers(token)}
    if _bomb_words_bombing(token, words):
        return K.BOMBING
    if _dropped_bomb(token, words):
        return K.AIRSTRIKE
    if fired_bomb(token, words):
        return K.SHELLING
    if lemma not in REFINABLE:
        return kind
    for mod in modifiers(token):
        refined = REFINERS.get(lower_lemma(mod)) or REFINERS.get(mod.lower_)
        if refined is not None and not (refined is kind and lemma == "bombing"):
            if _missile_not_airstrike(lemma, refined):
                continue
            return refined
    return kind


# --- verb triggers -------------------------------------------------------------------


@rule("killing-by-killer", '"the army killed 20 militants": an attack by the army')
def _killing_by_killer(verb: Token) -> bool:
    return lower_lemma(verb) in KILLING_VERBS and killer_subject(verb) is not None


@rule("take-over", '"IS took over the town": a capture', words={"take"})
def _takes_over(verb: Token) -> bool:
    return lower_lemma(verb) == "take" and any(
        c.dep_ == "prt" and c.lower_ == "over" for c in kids(verb)
    )


@rule("take-control", '"the rebels took control of the town": a capture')
def _takes_control(verb: Token) -> bool:
    return lower_lemma(verb) in CONTROL_VERBS and any(
        lower_lemma(c) == "control" and c.dep_ in ("dobj", "nsubjpass") for c in kids(verb)
    )


@rule("open-fire", '"gunmen opened fire on a bus": a shooting', words={"open"})
def _opens_fire(verb: Token) -> bool:
    return lower_lemma(verb) == "open" and any(lower_lemma(c) == "fire" for c in kids(verb))


@rule("blow-needs-up", '"blew up a car", not "the wind blew"', words={"blow"},
      within=TRIGGER_WORDS)  # fmt: skip
def _blow_without_up(verb: Token) -> bool:
    return lower_lemma(verb) == "blow" and not any(c.lower_ == "up" for c in kids(verb))


def _verb_kind(token: Token) -> EventKind | None:
    """The kind a verb triggers: its spec's, or one a verb rule gives ("took over")."""
    kind = VERB_TRIGGERS.get(lower_lemma(token))
    if _killing_by_killer(token):
        kind = K.SHOOTING if killed_in_clashes(token) is not None else K.ATTACK
    if _takes_over(token):
        kind = K.CAPTURE
    if _takes_control(token):
        kind = K.CAPTURE
    if _opens_fire(token):
        kind = K.SHOOTING
    if _blow_without_up(token):
        kind = None
    return kind


# --- noun triggers -------------------------------------------------------------------


@rule("headline-verb", '"ISIS Retake Palmyra": a title-case verb the parser took for a name',
      off=None)  # fmt: skip
def _headline_verb(token: Token) -> EventKind | None:
    lemma = lower_lemma(token)
    if (
        token.pos_ == "PROPN"
        and token.is_title
        and lemma in VERB_TRIGGERS
        and (lemma not in NOUN_TRIGGERS)
    ):
        return VERB_TRIGGERS[lemma]
    return None


@rule("fire-with-weapon", '"artillery fire", "sniper fire": "fire" only with what fired',
      off=None)  # fmt: skip
def _fire_kind(token: Token) -> EventKind | None:
    for mod in modifiers(token):
        refined = REFINERS.get(lower_lemma(mod))
        if refined in (K.SHELLING, K.SHOOTING, K.AIRSTRIKE):
            return refined
    return None


@rule("airstrike-spellings", '"air-strikes", "airraids": spellings the lemmatizer misses')
def _airstrike_spelling(token: Token) -> bool:
    return token.lower_ in AIRSTRIKE_SPELLINGS


@rule("chemical-as-object", '"attacked with chemical(s)": "chemical" as an object is the attack')
def _chemical_object(token: Token) -> bool:
    return lower_lemma(token) == "chemical" and token.dep_ == "pobj"


# Modifiers that make "weapons" chemical ones; verbs of a use that is no attack.
CHEMICAL_WEAPON_WORDS = frozenset({"chemical", "toxic", "poison", "poisonous", "nerve", "gas"})
TITLE_USE_WORDS = frozenset({"used", "uses", "using", "use"})
NOT_USING_VERBS = frozenset({"deny", "reject", "refuse", "threaten", "warn", "plan", "prepare"})


@rule("chemical-weapons-used", '"the Assad regime has used chemical weapons 136 times", '
      '"ISIL Used Chemical Weapons against Syria Kurds": the use is a chemical attack')  # fmt: skip
def _chemical_weapons_used(token: Token) -> bool:
    """ "weapons" modified by "chemical" (or "toxic", "poison" …) as what an actor used,
    not denied nor threatened ("denied using", "threatened to use", "if it uses")."""
    if token.lower_ not in ("weapon", "weapons"):
        return False
    if _title_case_use(token):
        return True  # "Assad Used Chemical Weapons 136 Times": a title-case headline
    if token.dep_ not in ("dobj", "nsubjpass"):
        return False
    if not any(lower_lemma(c) in CHEMICAL_WEAPON_WORDS for c in kids(token) if c.i < token.i):
        return False
    verb = head(token)
    if lower_lemma(verb) not in INSTRUMENT_VERBS or verb is token:
        return False
    if _negated(verb) or _hypothetical(verb) or verb.dep_ in ("xcomp", "advcl", "aux"):
        return False
    return lower_lemma(head(verb)) not in NOT_USING_VERBS


def _title_case_use(weapons: Token) -> bool:
    """ "Used Chemical Weapons" in a title-case headline, which parses as one name."""
    if not weapons.is_title or weapons.i < 2:
        return False
    chemical, verb = weapons.nbor(-1), weapons.nbor(-2)
    return (
        chemical.is_title
        and chemical.lower_ in CHEMICAL_WEAPON_WORDS
        and verb.is_title
        and verb.lower_ in TITLE_USE_WORDS
    )


@rule("gas-compound", '"gas attack", "gas field": "gas" modifying a noun is no trigger',
      words={"gas"}, within=TRIGGER_WORDS)  # fmt: skip
def _gas_compound(token: Token) -> bool:
    return lower_lemma(token) == "gas" and token.dep_ == "compound"


@rule("gas-economy", '"the oil and gas fields": gas beside oil, fields, pipelines',
      words={"gas"}, within=TRIGGER_WORDS)  # fmt: skip
def _gas_economy(token: Token) -> bool:
    return lower_lemma(token) == "gas" and (
        lower_lemma(head(token)) in NOT_CHEMICAL_HEADS
        or any(lower_lemma(c) in NOT_CHEMICAL_HEADS for c in kids(token))
    )


@rule("explosive-laden", '"vehicles filled with explosives": a thing described, not a blast',
      words={"explosive"}, within=TRIGGER_WORDS)  # fmt: skip
def _laden_explosive(token: Token) -> bool:
    return (
        lower_lemma(token) == "explosive"
        and token.dep_ == "pobj"
        and lower_lemma(head(token)) == "with"
        and lower_lemma(head(head(token))) in LADEN_WORDS
    )


@rule("explosive-ammunition", '"rocket shells and explosive rounds": ammunition fired, not a '
      "bomb", words={"explosive"}, within=TRIGGER_WORDS)  # fmt: skip
def _explosive_ammunition(token: Token) -> bool:
    """ "explosive" describing what was fired ("explosive rounds", "explosive shells")."""
    return (
        lower_lemma(token) == "explosive"
        and token.dep_ in ("amod", "compound")
        and lower_lemma(head(token)) in AMMUNITION_NOUNS
    )


@rule("gunmen-not-acting", '"the army killed 50 gunmen": the gunmen are victims, no shooting',
      words={"gunman"}, within=TRIGGER_WORDS)  # fmt: skip
def _gunmen_not_acting(token: Token) -> bool:
    """ "gunmen" report a shooting only as who acts: "gunmen stormed", "shot by gunmen"."""
    if lower_lemma(token) != "gunman":
        return False
    acting = token.dep_ == "nsubj" or (token.dep_ == "pobj" and head(token).lower_ == "by")
    return not acting


@rule("sarin-modifier", '"sarin nerve agent": the agent named, the head is the word',
      words={"sarin", "chlorine"}, within=TRIGGER_WORDS)  # fmt: skip
def _sarin_modifier(token: Token) -> bool:
    return lower_lemma(token) in ("sarin", "chlorine") and token.dep_ == "compound"


@rule("bare-strike", '"a strike" alone is too often a labour or a football strike',
      words={"strike"}, within=TRIGGER_WORDS)  # fmt: skip
def _bare_strike(token: Token) -> bool:
    return (
        lower_lemma(token) == "strike"
        and not any(lower_lemma(m) in REFINERS for m in modifiers(token))
        and token.tag_ != "NNS"
    )


@rule("fall-of", '"the fall of Palmyra" is a capture; "a fall in prices" is not',
      words={"fall"}, within=TRIGGER_WORDS)  # fmt: skip
def _fall_without_of(token: Token) -> bool:
    return lower_lemma(token) == "fall" and not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in kids(token)
    )


@rule("transfer-of-forces", '"the transfer of fighters from Raqqa", not "a transfer of funds" '
      'or "the deployment of chemical weapons"', words={"transfer", "deployment"},
      within=TRIGGER_WORDS)  # fmt: skip
def _transfer_of_nothing(token: Token) -> bool:
    # ("reinforcement" is a force word itself: "reinforcements" always move troops)
    return lower_lemma(token) in ("transfer", "deployment") and not (
        has_force_word(token) or prep_objects(token, ("from",))
    )


@rule("compound-of-trigger", '"car bomb explosion", "mortar shell": one trigger, the head')
def _compound_of_trigger(token: Token) -> bool:
    return token.dep_ == "compound" and _head_trigger_kind(token) is not None


NOUN_VETOES = (_gas_compound, _gas_economy, _laden_explosive, _explosive_ammunition,
               _gunmen_not_acting, _sarin_modifier, _bare_strike, _fall_without_of,
               _transfer_of_nothing, _compound_of_trigger)  # fmt: skip


def trigger_kind(token: Token) -> EventKind | None:
    """The event kind ``token`` triggers, or None."""
    lemma = lower_lemma(token)
    lower = token.lower_
    if token.pos_ in ("VERB",) or (token.pos_ == "AUX" and lemma == "blow"):
        return _verb_kind(token)
    if token.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return None
    verb_kind = _headline_verb(token)
    if verb_kind is not None:
        return verb_kind
    if _title_killing(token):
        return K.ATTACK
    if _fighting_kills(token):
        return K.SHOOTING
    if lemma in FIRE_NOUNS or lower == "fire":
        return _fire_kind(token)
    if _airstrike_spelling(token):
        return K.AIRSTRIKE
    if _chemical_weapons_used(token):
        return K.CHEMICAL_ATTACK
    if lemma in ("chemical", "toxic", "poisonous"):
        # "chemical attack": the head noun is the trigger, refined to a chemical attack
        return K.CHEMICAL_ATTACK if _chemical_object(token) else None
    kind = NOUN_TRIGGERS.get(lemma) or NOUN_TRIGGERS.get(lower)
    if kind is None or any(veto(token) for veto in NOUN_VETOES):
        return None
    return refine(token, kind)


# --- killings and attackers ----------------------------------------------------------


@rule("weapon-subject", '"air strikes killed 12", "shelling killed 3": the weapon, no killer')
def _weapon_word(subject: Token) -> bool:
    lemma = lower_lemma(subject)
    return (
        lemma in NOUN_TRIGGERS
        or lemma in FIRE_NOUNS
        or REFINERS.get(lemma, K.AIRSTRIKE) is not K.AIRSTRIKE
    )  # aircraft are attackers ("Russian jets destroyed")


@rule("weapon-modified-subject", '"a car bomb killed 26": the weapon, no killer')
def _weapon_modified(subject: Token) -> bool:
    return any(
        REFINERS.get(lower_lemma(c), K.AIRSTRIKE) is not K.AIRSTRIKE
        for c in kids(subject)
        if c.dep_ in ("compound", "amod")
    )


@rule("fighting-kills", '"rebel infighting kills 45 fighters", "clashes have killed 100": '
      "the fighting is the event, by gunfire in ground fighting")  # fmt: skip
def _fighting_kills(token: Token) -> bool:
    """A word for ground fighting that is the subject of a killing verb: the event, not a
    killer (no actor of its own)."""
    verb = head(token)
    return (
        (lower_lemma(token) in FIGHTING_NOUNS or token.lower_ in FIGHTING_NOUNS)
        and token.dep_ == "nsubj"
        and verb.pos_ == "VERB"
        and lower_lemma(verb) in KILLING_VERBS
    )


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in kids(verb)) or verb.tag_ == "VBN"


@rule("killed-in-clashes-with", '"35 IS jihadists killed in clashes with Kurds": the Kurds killed '
      "them, by gunfire in ground fighting", off=None)  # fmt: skip
def killed_in_clashes(verb: Token) -> Token | None:
    """The other side of the fighting in which the passive verb's subject was killed."""
    if lower_lemma(verb) not in KILLING_VERBS or not _passive(verb):
        return None
    if any(c.dep_ == "agent" for c in kids(verb)):
        return None
    for fight in prep_objects(verb, ("in", "during", "amid")):
        if lower_lemma(fight) in CLASH_NOUNS or fight.lower_ in CLASH_NOUNS:
            partners = prep_objects(fight, ("with",))
            if partners:
                return partners[0]
    return None


def killer_subject(verb: Token) -> Token | None:
    """Who did the killing, when it is not a weapon or an event: the subject of an
    active verb ("the army killed 20"), the agent of a passive one ("20 killed by
    the army"; not "killed by air strikes", which are the event)."""
    if _passive(verb):
        agent = next((c for c in kids(verb) if c.dep_ == "agent"), None)
        subject = next((c for c in kids(agent) if c.dep_ == "pobj"), None) if agent else None
        subject = subject or killed_in_clashes(verb)
    else:
        subject = next((c for c in kids(verb) if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON":
        return None
    if _weapon_word(subject) or _weapon_modified(subject) or _fighting_kills(subject):
        return None
    return subject


def is_killing(trigger: Token) -> bool:
    """An attack read off a killing verb ("the army killed 20"), or a headline's
    title-case one ("Syrian Army Kills 10 Terrorists")."""
    return (trigger.pos_ == "VERB" and lower_lemma(trigger) in KILLING_VERBS) or _title_killing(
        trigger
    )


@rule("headline-killing", '"Syrian Army Kills 40 Nusra Members in Ambush": a title-case '
      "killing verb the parser took for a name")  # fmt: skip
def _title_killing(token: Token) -> bool:
    """ "Kills", "Eliminates" title-cased mid-headline, parsed as a name or a noun."""
    return (
        token.pos_ in ("PROPN", "NOUN")
        and token.is_title
        and token.i > 0
        and token.lower_.endswith("s")
        and token.lower_[:-1] in KILLING_VERBS
    )


@rule("attacker-weapon-kind", '"Russian jets destroyed", "planes targeted water wells": '
      "the weapon in the attacker's name says the kind", off=None)  # fmt: skip
def kind_of_attacker(actor: EntityRef) -> EventKind | None:
    """The kind an attack by ``actor`` is: air strikes by aircraft, shelling by artillery."""
    label = actor.label.lower()
    return next((kind for pattern, kind in ATTACKER_KINDS if pattern.search(label)), None)


@rule("killer-weapon-kind", '"US Coalition Warplanes Kill Tens": the warplanes say an air strike, '
      "though the actor named is the coalition", off=None)  # fmt: skip
def kind_of_killer(verb: Token) -> EventKind | None:
    """The kind the killer's own head word says ("warplanes", "artillery", "tanks")."""
    killer = killer_subject(verb) if is_killing(verb) and verb.pos_ == "VERB" else None
    if killer is None:
        return None
    return next((kind for pattern, kind in ATTACKER_KINDS if pattern.search(killer.lower_)), None)


@rule("striker-weapon-kind", '"International coalition planes targeted water wells": the '
      "aircraft the attack verb's subject names say an air strike, though the actor named is "
      "the coalition", off=None)  # fmt: skip
def kind_of_striker(verb: Token, actor: EntityRef) -> EventKind | None:
    """The kind the head word of an attack verb's subject says ("coalition planes targeted",
    "regime helicopters attacked", "army tanks pounded"), when the actor the phrase resolves
    to is a known one (the coalition, the state) whose name says no weapon."""
    if not actor.known or verb.pos_ != "VERB" or is_killing(verb):
        return None
    subject = next((c for c in kids(verb) if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    return next((kind for pattern, kind in ATTACKER_KINDS if pattern.search(subject.lower_)), None)


def _head_trigger_kind(token: Token) -> EventKind | None:
    """The kind the token's head noun triggers ("mortar shell": the shell)."""
    parent = head(token)
    lemma = lower_lemma(parent)
    if lemma in NOUN_TRIGGERS or lemma in FIRE_NOUNS:
        return NOUN_TRIGGERS.get(lemma, K.SHELLING)
    return None


def has_force_word(token: Token) -> bool:
    """A word for troops in the token's phrase: "the transfer of 500 fighters"."""
    return any(lower_lemma(t) in FORCE_NOUNS for t in subtree(token))


# --- triggers that report no event (or another kind) ---------------------------------


@rule("attempted-capture", '"an attempt to capture", "failed to seize": an attack')
def _is_attempt(token: Token) -> bool:
    doc = token.doc
    infinitive = token.i > 0 and doc[token.i - 1].lower_ == "to"
    if not infinitive:
        return False
    if token.i > 1 and lower_lemma(doc[token.i - 2]) in ATTEMPT_WORDS:
        return True
    node = token
    for _ in range(3):
        node = head(node)
        if lower_lemma(node) in ATTEMPT_WORDS:
            return True
    return False


@rule("goods-not-ground", '"seized weapons", "captured tanks": goods taken, not ground')
def _seizes_goods(verb: Token) -> bool:
    objects = [c for c in kids(verb) if c.dep_ in ("dobj", "nsubjpass")]
    return bool(objects) and all(lower_lemma(o) in NOT_TERRITORY for o in objects)


@rule("negated", '"the army did not attack"')
def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in kids(token))


@rule("hypothetical", '"if the city is captured", "they could withdraw", "will attack"')
def _hypothetical(token: Token) -> bool:
    for child in kids(token):
        if child.dep_ == "mark" and child.lower_ in ("if", "unless", "whether"):
            return True
        if child.dep_ == "aux" and child.lower_ in (
            "will",
            "would",
            "could",
            "might",
            "may",
            "should",
            "'ll",
            "can",
        ):
            return True
    return False


@rule("loose-movement", '"sent 500 fighters to Raqqa" moves troops; "sent a letter" does not',
      words=LOOSE_MOVEMENT_VERBS, within=TRIGGER_WORDS)  # fmt: skip
def _loose_movement_without_forces(token: Token) -> bool:
    if not (token.pos_ == "VERB" and lower_lemma(token) in LOOSE_MOVEMENT_VERBS):
        return False
    moved = [c for c in kids(token) if c.dep_ in ("dobj", "nsubjpass", "nsubj")]
    return not (
        any(lower_lemma(c) in FORCE_NOUNS for m in moved for c in subtree(m))
        or (prep_objects(token, ("from",)) and lower_lemma(token) != "send")
    )


def triggers(doc: Doc) -> Iterator[tuple[Token, EventKind]]:
    """Every event trigger in ``doc`` with its kind."""
    for token in doc:
        kind = trigger_kind(token)
        if kind is None or _negated(token) or _hypothetical(token):
            continue
        if _loose_movement_without_forces(token):
            continue
        if kind is K.CAPTURE and token.pos_ == "VERB" and _seizes_goods(token):
            continue
        if kind is K.CAPTURE and _is_attempt(token):
            kind = K.ATTACK
        yield token, kind
