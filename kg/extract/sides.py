"""Sides of the war: whom an event's actor fights for, read from its name or inferred.

Runs once events, mentions and the article's place are known (``kg.extract.analyse``):

* An actor the gazetteer knows carries its side (``nkg:side`` in ``gazetteer.ttl``).
* Generic words resolve in context (``GENERIC_ACTORS``): in an article about Syria,
  "the army", "government forces", "regime forces", "Syrian troops" and "loyalists" are
  the Syrian Arab Army, "the regime" the Syrian government; "Russian warplanes" are the
  Russian air force, "Turkish" (as who acted) the Turkish armed forces.
* Words that name a side but no actor (``SIDE_WORDS``): "rebels" fight for the armed
  opposition, "Kurdish fighters" for the Kurdish-led forces.
* "Warplanes" with an air force named in the headline or lead are that air force.
* An air strike whose actor the text does not name (or names only as aircraft) gets an
  *inferred* side, flagged ``side:unnamed-air-strike``: the coalition's when the headline
  or lead speaks of the coalition, else the Syrian government's (only states flew over
  Syria; the rebels, the Islamic State and the Kurdish forces had no aircraft); not when
  the first sentences say nobody knows who struck ("It was not clear who carried out the
  strikes").
* A shelling told as a "bombardment", its actor unnamed, whose headline or lead speaks of
  air strikes, aerial or barrel bombs or aircraft ("Escalating Bombardment on Idlib" +
  "killed in airstrikes and barrel bomb attacks") gets the side an unnamed air strike
  would, flagged ``side:bombardment-from-the-air``: the word leaves the weapon unsaid.
* A chemical attack whose actor the text does not name, delivered from the air by the
  headline's or lead's account (one sentence names the chemical weapon and an air strike,
  aircraft or bombs dropped), gets the Syrian government's side, flagged
  ``side:chemical-attack-from-the-air``: of the parties with aircraft over Syria, only the
  Syrian state held chemical weapons (not when the lead speaks of the coalition).
* The main event whose side the text does not give, when the article's first sentences
  accuse one side of it ("the opposition accused government forces of gassing hundreds",
  "the White House blamed the attack on the regime", "Russia blamed Syrian rebels for the
  attack"), gets the accused side, flagged ``side:accused-of-the-attack``: whom the
  article's sources hold to account, not who is shown to have done it.  Not when the
  accusations name different sides, or one without a side ("blamed on terrorists"), nor
  when the text names an armed actor of no side ("an attack by Takfiri militants").
* The main event whose actor the text does not name (or names only as "a suicide
  bomber", "terrorists"), when the first sentences say a group claimed it ("The Islamic
  State group claimed responsibility for the attack"), gets that group's side, flagged
  ``side:claimed-responsibility`` (``kg.extract.responsibility``), read before any
  accusation.
* The main event placed nowhere, only in a country, abroad ("BEIRUT" datelines) or in a
  place the gazetteer cannot place in a governorate takes the place the article reports
  from (``schema:contentLocation``), flagged ``place:article-location``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from kg.extract.responsibility import (
    CLAIMABLE_ACTOR_WORDS,
    CLAIMED_RESPONSIBILITY,
    claimed_side,
)
from kg.nlp.gazetteer import Gazetteer, fold, load_gazetteer
from kg.records import EntityKind, EntityRef, Event, EventKind, Mention, Side

AIRCRAFT = (
    r"(?:war ?planes?|jets?|fighter jets?|aircrafts?|planes?|helicopters?|bombers?|drones?|"
    r"air ?forces?)"
)


@dataclass(frozen=True)
class ActorRule:
    """Generic words for an actor that the gazetteer knows by ``key``."""

    name: str
    pattern: re.Pattern[str]
    key: str
    in_syria: bool = True  # only in an article about Syria

    def __post_init__(self) -> None:
        if self.key not in load_gazetteer():
            raise ValueError(f"rule {self.name}: no gazetteer entry {self.key!r}")


@dataclass(frozen=True)
class SideRule:
    """Words in an actor's name that say its side without naming a known actor."""

    name: str
    pattern: re.Pattern[str]
    side: Side


def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


GENERIC_ACTORS: tuple[ActorRule, ...] = (
    # "Syrian warplanes", "regime helicopters", "government jets"
    ActorRule("syrian-aircraft",
              _words(rf"^(?:syrian|regimes?|government|assads?|army|syrian army) {AIRCRAFT}$"),
              "syrian-air-force"),
    # "Russian warplanes", "Russian jets"
    ActorRule("russian-aircraft", _words(rf"^russian {AIRCRAFT}$"), "russian-aerospace-forces",
              in_syria=False),
    # "coalition warplanes", "US-led coalition jets"
    ActorRule("coalition-aircraft", _words(rf"^(?:us led |u s led )?coalition {AIRCRAFT}$"),
              "us-led-coalition", in_syria=False),
    # "the army", "regime forces", "government troops", "pro-government forces", "loyalists",
    # "army troops"; "regimes" is "regime's" where the text lost its apostrophes ("the
    # regimes forces", as "Syrias", "Aleppos")
    ActorRule("syrian-army", _words(
        r"^(?:army|regular forces|loyalists?|loyalist (?:forces|troops|fighters)|"
        r"(?:syrian|regimes?|government|pro government|pro regime|assad|syrian government|"
        r"syrian regime|syrian army|assads?|army) (?:forces|troops|soldiers|army|military|units|"
        r"tanks|artillery)|"
        r"(?:forces|troops) loyal to (?:the )?(?:assad|regime|government|president assad|"
        r"president bashar al assad|bashar al assad|damascus))$"), "syrian-arab-army"),
    # "the regime", "the government", "Syrian authorities"
    ActorRule("syrian-state", _words(
        r"^(?:regimes?|government|syrian authorities|authorities|syrian state|damascus|"
        r"syrian)$"), "syrian-government"),
    # "Turkish", "Turkish jets" as who acted
    ActorRule("turkish", _words(rf"^turkish(?: {AIRCRAFT}| army| artillery| tanks)?$"),
              "turkish-armed-forces", in_syria=False),
    # "Russian", "Russian troops"
    ActorRule("russian", _words(r"^russian(?: (?:troops|forces|soldiers|military))?$"),
              "russian-military", in_syria=False),
    # "Israeli", "Israeli jets"
    ActorRule("israeli", _words(rf"^israeli(?: {AIRCRAFT})?$"), "israel-defense-forces",
              in_syria=False),
    # "American", "US forces"
    ActorRule("american", _words(
        rf"^(?:american|us|u s)(?: (?:forces|troops|military|{AIRCRAFT}))?$"), "united-states",
        in_syria=False),
    # "Iranian forces"
    ActorRule("iranian", _words(r"^iranian(?: (?:forces|troops|militias?|fighters))?$"), "irgc",
              in_syria=False),
)  # fmt: skip

# The opposition's coalitions, which are no talk of the US-led one: "the Syrian Coalition"
# (the National Coalition of Syrian Revolution and Opposition Forces), "a rebel coalition".
OPPOSITION_COALITION = re.compile(
    r"\b(?:syrian|national|opposition|rebel|islamist) (?:\w+ )?coalitions?\b"
)

# Ordered: the first rule whose words occur in the actor's folded name gives its side.
SIDE_WORDS: tuple[SideRule, ...] = (
    SideRule("nusra-words", _words(r"nusra|tahrir al sham|fateh al sham|fatah al sham|al qaeda"),
             Side.NUSRA_HTS),
    SideRule("islamic-state-words", _words(r"\b(?:isis|isil|daesh|daish)\b|islamic state"),
             Side.ISLAMIC_STATE),
    SideRule("kurdish-words", _words(r"\bkurd|\b(?:ypg|sdf|ypj)\b"), Side.KURDISH_LED),
    SideRule("turkish-backed-words", _words(r"turkish backed|turkey backed"), Side.TURKEY),
    # "the Syrian Coalition", "a new rebel coalition": the opposition's, not the US-led one
    SideRule("opposition-coalition", OPPOSITION_COALITION, Side.OPPOSITION),
    SideRule("coalition-words", _words(r"\bcoalitions?\b|\bus led\b|\bamerican\b"),
             Side.COALITION),
    SideRule("opposition-words", _words(
        r"\brebels?\b|\brebel (?:forces|groups?|fighters|factions?)\b|\bopposition\b|"
        r"\binsurgents?\b|\bfree syrian army\b"), Side.OPPOSITION),
    SideRule("government-words", _words(
        r"\b(?:regime|pro government|pro regime|loyalists?|hezbollah|hizbollah|syrian|assads?|"
        r"russian|iranian)\b"),
        Side.GOVERNMENT),
)  # fmt: skip

AIRCRAFT_ONLY = re.compile(rf"^(?:unidentified |unknown |military |foreign |enemy )?{AIRCRAFT}$")
COALITION_TALK = re.compile(r"\bcoalition\b|\bus led\b|\bu s led\b|\bamerican\b|\bpentagon\b")
# Where the lead names the Syrian (opposition) Coalition, a bare "the Coalition" is it: only
# words that name the US-led coalition are talk of it.
US_COALITION_TALK = re.compile(
    r"\bus led\b|\bu s led\b|\bamerican\b|\bpentagon\b|\b(?:international|global|western) "
    r"(?:\w+ )?coalition\b|\banti (?:isis|is|isil|daesh|islamic state) coalition\b"
)
AIR_FORCES = ("syrian-air-force", "russian-aerospace-forces", "us-led-coalition",
              "israel-defense-forces", "turkish-armed-forces")  # fmt: skip

# "a gas attack by warplanes", "chlorine dropped alongside barrel bombs": a chemical
# weapon delivered from the air, read in one sentence of the headline or lead.
CHEMICAL_WORDS = re.compile(
    r"\bchemicals?\b|\b(?:poison|poisonous|toxic|nerve) gas|\bgas attacks?\b|\bsarin\b|"
    r"\bchlorine\b|\bnerve agents?\b|\btoxic\b"
)
AIR_DELIVERY = re.compile(
    rf"\bair ?strikes?\b|\bair ?raids?\b|\bbarrel bombs?\b|\bdropped\b|\b{AIRCRAFT}\b"
)
# "Escalating Bombardment on Idlib" + "killed in airstrikes and barrel bomb attacks": a
# bombardment, its weapon and its actor unsaid, that the headline or lead tells came
# (at least in part) from the air: as an unnamed air strike, the state that flew.
BOMBARDMENT = re.compile(r"\bbombard\w*")
AERIAL = re.compile(rf"{AIR_DELIVERY.pattern}|\baerial\b")
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")

# "X accused Y of using …", "X blamed the attack on Y", "X blamed Y for the attack": the
# accused, read in one clause (commas end it: "blamed on terrorists, the regime's term").
ACCUSED_DEEDS = (
    r"(?:using|gassing|launching|carrying out|conducting|staging|firing|dropping|committing|"
    r"perpetrating|bombing|shelling|targeting|attacking|responsibility|being behind|"
    r"being responsible)"
)
ATTACK_WORDS = r"(?:attacks?|massacres?|strikes?|incident|bombings?|shelling|raids?)"
ACCUSATIONS = (
    re.compile(rf"\baccus\w* (?P<who>(?:\w+ ){{1,8}}?)of {ACCUSED_DEEDS}\b"),
    re.compile(rf"\bblam\w* (?:\w+ ){{0,3}}?(?:{ATTACK_WORDS}|it) on (?P<who>(?:\w+ ?){{1,8}})"),
    re.compile(rf"\bblam\w* (?P<who>(?:\w+ ){{1,8}}?)for (?:the|this|that|these) "
               rf"(?:\w+ ){{0,3}}?{ATTACK_WORDS}\b"),
)  # fmt: skip
# A denial is no accusation: "the government denied blaming …", "never accused …".
DENIAL = re.compile(r"\b(?:not|never|no|denied|denies|deny|rejected|rejects)\b")
CLAUSE_BREAK = re.compile(r"[,;:()\"“”]|\s[-–—]\s")
# Where the accused phrase ends: "the regime saying the incident was …".
ACCUSED_ENDS = re.compile(r" (?:saying|who|which|that|as|after|for|in|over|while|of) .*$")
# The news comes first; later sentences tell of earlier attacks ("HRW has accused the
# regime of conducting at least eight chemical attacks" in an article's background).
ACCUSATION_SENTENCES = 20

# "It was not clear who carried out the Idlib strikes": the article says the striker is not
# known, so no side is inferred for its unnamed air strike (nor its gas from the air).
STRIKER_UNKNOWN = re.compile(
    r"\b(?:(?:was|is|remains|remained) (?:not|still not) (?:immediately |yet )?(?:clear|known)|"
    r"(?:was|is|remains|remained) (?:still )?unclear|(?:was|is) (?:still )?unknown) who\b"
)

UNNAMED_AIR_STRIKE = "side:unnamed-air-strike"
BOMBARDMENT_FROM_THE_AIR = "side:bombardment-from-the-air"
CHEMICAL_FROM_THE_AIR = "side:chemical-attack-from-the-air"
ACCUSED = "side:accused-of-the-attack"
ACCUSABLE = frozenset({EventKind.CHEMICAL_ATTACK, EventKind.BOMBING, EventKind.AIRSTRIKE,
                       EventKind.SHELLING, EventKind.ATTACK, EventKind.SHOOTING,
                       EventKind.EXECUTION})  # fmt: skip
ARTICLE_LOCATION = "place:article-location"


def about_syria(mentions: Iterable[Mention], gazetteer: Gazetteer | None = None) -> bool:
    """Does the article name Syria or a place in it?"""
    gazetteer = gazetteer or load_gazetteer()
    for mention in mentions:
        key = mention.entity.key
        if key == "syria":
            return True
        country = gazetteer.country_of(key)
        if country is not None and country.key == "syria":
            return True
    return False


def _ref(key: str, gazetteer: Gazetteer) -> EntityRef:
    entry = gazetteer.get(key)
    assert entry is not None  # checked when the rules were made
    return EntityRef(entry.key, entry.label, entry.kinds, known=True)


def resolve_actor(actor: EntityRef, in_syria: bool, gazetteer: Gazetteer) -> EntityRef:
    """The known actor generic words denote here ("regime forces" → Syrian Arab Army)."""
    if actor.known:
        return actor
    name = fold(actor.label)
    for rule in GENERIC_ACTORS:
        if (in_syria or not rule.in_syria) and rule.pattern.match(name):
            return _ref(rule.key, gazetteer)
    return actor


def side_of(actor: EntityRef | None, gazetteer: Gazetteer | None = None) -> Side | None:
    """The side an actor's entry or name says ("rebels" → the armed opposition)."""
    if actor is None:
        return None
    gazetteer = gazetteer or load_gazetteer()
    entry = gazetteer.get(actor.key) if actor.known else None
    if entry is not None:
        return entry.side
    name = fold(actor.label)
    return next((rule.side for rule in SIDE_WORDS if rule.pattern.search(name)), None)


def _armed(actor: EntityRef | None) -> bool:
    """Does the text name an armed actor ("a chemical attack by Takfiri militants"), be
    it of no side?  Then an accusation of another is a rival claim, not the actor."""
    return actor is not None and EntityKind.ARMED_GROUP in actor.kinds


def _unnamed(actor: EntityRef | None) -> bool:
    """No actor, or only words every side uses ("a suicide bomber", "terrorists"): a
    group's claim of the attack may name it."""
    return actor is None or (
        not actor.known and all(word in CLAIMABLE_ACTOR_WORDS for word in fold(actor.label).split())
    )


def _is_aircraft(actor: EntityRef | None) -> bool:
    return actor is not None and not actor.known and bool(AIRCRAFT_ONLY.match(fold(actor.label)))


def _air_force_in(mentions: Sequence[Mention], lead_end: int) -> EntityRef | None:
    """The one air force the headline and lead name, if exactly one."""
    forces = {m.entity.key: m.entity for m in mentions
              if m.span.start < lead_end and m.entity.key in AIR_FORCES}  # fmt: skip
    return next(iter(forces.values())) if len(forces) == 1 else None


def _coalition_talk(lead: str) -> bool:
    """Does the (folded) lead speak of the US-led coalition?  Not when "the Coalition" is
    the Syrian opposition's ("The Syrian Coalition condemned … the Coalition said")."""
    if OPPOSITION_COALITION.search(lead):
        return bool(US_COALITION_TALK.search(lead))
    return bool(COALITION_TALK.search(lead))


def chemical_from_the_air(lead: str) -> bool:
    """Does one sentence of the headline or lead deliver a chemical weapon from the air?
    ("At least 72 were killed in an airstrike that released toxic gas")"""
    for sentence in SENTENCE_BREAK.split(lead):
        words = fold(sentence)
        if CHEMICAL_WORDS.search(words) and AIR_DELIVERY.search(words):
            return True
    return False


def _side_named(words: str, gazetteer: Gazetteer) -> Side | None:
    """The side a (folded) phrase names: "government forces", "the forces loyal to
    President Bashar al-Assad", "Syrian rebels"."""
    phrase = EntityRef(words, words, (), known=False)
    resolved = resolve_actor(phrase, True, gazetteer)
    return side_of(resolved, gazetteer)


def bombardment_from_the_air(event: Event, lead: str) -> bool:
    """A shelling told as a "bombardment" ("Escalating Bombardment on Idlib", "amid the
    bombardment of Aleppo") whose headline or lead speaks of air strikes, aerial bombs or
    aircraft: the weapon the word leaves unsaid was (at least in part) aircraft."""
    if event.kind is not EventKind.SHELLING:
        return False
    words = " ".join(fold(span.text) for span in event.evidence)
    return bool(BOMBARDMENT.search(words)) and bool(AERIAL.search(fold(lead)))


def striker_unknown(text: str) -> bool:
    """Do the first sentences say nobody knows who struck ("It was not clear who carried
    out the strikes", "it is unclear who was behind the attack")?"""
    first = " ".join(SENTENCE_BREAK.split(text)[:ACCUSATION_SENTENCES])
    return bool(STRIKER_UNKNOWN.search(fold(first)))


def accused_side(text: str, gazetteer: Gazetteer | None = None) -> Side | None:
    """The one side the first sentences accuse of an attack ("the opposition accused
    government forces of gassing hundreds"); None when none, or several are accused."""
    gazetteer = gazetteer or load_gazetteer()
    sides: set[Side | None] = set()
    for sentence in SENTENCE_BREAK.split(text)[:ACCUSATION_SENTENCES]:
        for clause in CLAUSE_BREAK.split(sentence):
            words = fold(clause)
            for pattern in ACCUSATIONS:
                for found in pattern.finditer(words):
                    if DENIAL.search(words[: found.start() + 1]):
                        continue
                    who = ACCUSED_ENDS.sub("", found.group("who").strip())
                    sides.add(_side_named(fold(who), gazetteer))
    return next(iter(sides)) if len(sides) == 1 else None


def with_sides(
    events: Sequence[Event],
    mentions: Sequence[Mention],
    lead: str,
    lead_end: int,
    focus: EntityRef | None,
    text: str = "",
) -> Iterator[Event]:
    """Each event with its actor resolved, its side, and the main event's place
    (``text``, the whole article, for who its sources accuse)."""
    gazetteer = load_gazetteer()
    in_syria = about_syria(mentions, gazetteer)
    air_force = _air_force_in(mentions, lead_end)
    coalition_talk = _coalition_talk(fold(lead))
    chemical_air = not coalition_talk and chemical_from_the_air(lead)
    unknown = striker_unknown(text)
    for event in events:
        actor = event.actor and resolve_actor(event.actor, in_syria, gazetteer)
        inferred: list[str] = list(event.inferred)
        unnamed_air = event.kind is EventKind.AIRSTRIKE and (actor is None or _is_aircraft(actor))
        if unnamed_air and air_force is not None:
            actor = air_force  # "warplanes" of the air force the lead names
            unnamed_air = False
        side = side_of(actor, gazetteer)
        if side is None and unnamed_air and not unknown:
            side = Side.COALITION if coalition_talk else Side.GOVERNMENT
            inferred.append(UNNAMED_AIR_STRIKE)
        if side is None and actor is None and not unknown and bombardment_from_the_air(event, lead):
            side = Side.COALITION if coalition_talk else Side.GOVERNMENT
            inferred.append(BOMBARDMENT_FROM_THE_AIR)
        unnamed_chemical = event.kind is EventKind.CHEMICAL_ATTACK and (
            actor is None or _is_aircraft(actor)
        )
        if side is None and unnamed_chemical and chemical_air and not unknown:
            side = Side.GOVERNMENT  # only the Syrian state flew and had chemical weapons
            inferred.append(CHEMICAL_FROM_THE_AIR)
        if side is None and event.main and event.kind in ACCUSABLE and _unnamed(actor):
            side = claimed_side(text)  # "The Islamic State claimed responsibility"
            if side is not None:
                inferred.append(CLAIMED_RESPONSIBILITY)
        if side is None and event.main and event.kind in ACCUSABLE and not _armed(actor):
            side = accused_side(text, gazetteer)
            if side is not None:
                inferred.append(ACCUSED)
        place = event.place
        if (
            event.main
            and focus is not None
            and gazetteer.governorate_of(focus.key) is not None
            and _unplaced(place, gazetteer)
        ):
            place = focus
            inferred.append(ARTICLE_LOCATION)
        yield replace(event, actor=actor, side=side, place=place, inferred=tuple(inferred))


def _unplaced(place: EntityRef | None, gazetteer: Gazetteer) -> bool:
    """No place in a governorate: none, a country ("in Syria"), a foreign dateline city, or
    a name the gazetteer cannot place."""
    return place is None or gazetteer.governorate_of(place.key) is None
