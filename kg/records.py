"""The plain dataclasses that cross stages: ingest → nlp/extract → rdf → store.

Nothing here imports spaCy, rdflib or pyoxigraph, so every later stage can be
tested with records built by hand.  Offsets are Unicode code points into
``Article.text`` (spaCy's ``token.idx``), and ``Span.text`` always equals
``article.text[span.start:span.end]``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Qualifier(StrEnum):
    """How a count is hedged; values are local names in the ``nkg:`` namespace."""

    EXACT = "Exact"
    APPROXIMATELY = "Approximately"
    MORE_THAN = "MoreThan"
    AT_LEAST = "AtLeast"
    AT_MOST = "AtMost"
    LESS_THAN = "LessThan"


class Counted(StrEnum):
    """What a number counts; values are ``nkg:`` local names."""

    FIGHTERS = "Fighters"
    SOLDIERS = "Soldiers"
    CIVILIANS = "Civilians"
    PEOPLE = "People"
    CHILDREN = "Children"
    WOMEN = "Women"
    RESIDENTS = "Residents"
    REFUGEES = "Refugees"
    AIRSTRIKES = "Airstrikes"
    ATTACKS = "Attacks"
    VEHICLES = "Vehicles"
    TANKS = "Tanks"
    WEAPONS = "Weapons"
    BUILDINGS = "Buildings"
    POSITIONS = "Positions"


class Outcome(StrEnum):
    """What happened to the counted things; values are ``nkg:`` local names."""

    KILLED = "Killed"
    WOUNDED = "Wounded"
    CAPTURED = "Captured"
    TRANSFERRED = "Transferred"
    EVACUATED = "Evacuated"
    DESTROYED = "Destroyed"
    DISPLACED = "Displaced"
    MISSING = "Missing"
    ARRESTED = "Arrested"
    INVOLVED = "Involved"


class Unit(StrEnum):
    """A unit a count is given in, when it is not a plain number of things."""

    PERCENT = "Percent"


class EventKind(StrEnum):
    """The contract's event types; values are ``nkg:`` local names."""

    ATTACK = "Attack"
    CAPTURE = "Capture"
    WITHDRAWAL = "Withdrawal"
    AIRSTRIKE = "Airstrike"
    SHELLING = "Shelling"
    BOMBING = "Bombing"
    CHEMICAL_ATTACK = "ChemicalAttack"
    SHOOTING = "Shooting"
    EXECUTION = "Execution"
    EVACUATION = "Evacuation"
    TROOP_MOVEMENT = "TroopMovement"


class EntityKind(StrEnum):
    """Classes an entity can have; values are ``nkg:`` local names."""

    ACTOR = "Actor"
    PERSON = "Person"
    ORGANIZATION = "Organization"
    ARMED_GROUP = "ArmedGroup"
    STATE_BODY = "StateBody"
    OUTLET = "Outlet"
    PLACE = "Place"
    SETTLEMENT = "Settlement"
    REGION = "Region"
    COUNTRY = "Country"
    SITE = "Site"
    UNNAMED_SOURCE = "UnnamedSource"  # "a military source": a claimant, not an Actor


class Side(StrEnum):
    """The side of the war an actor fights on; values are ``nkg:`` local names."""

    GOVERNMENT = "SideGovernment"
    OPPOSITION = "SideOpposition"
    ISLAMIC_STATE = "SideIslamicState"
    NUSRA_HTS = "SideNusraHTS"
    KURDISH_LED = "SideKurdishLed"
    COALITION = "SideCoalition"
    TURKEY = "SideTurkey"
    ISRAEL = "SideIsrael"


#: The kinds that make an entity a place.
PLACE_KINDS = frozenset(
    {EntityKind.PLACE, EntityKind.SETTLEMENT, EntityKind.REGION, EntityKind.COUNTRY,
     EntityKind.SITE}
)  # fmt: skip


class Precision(StrEnum):
    """How much of a resolved date the text actually gives."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True, slots=True)
class Span:
    """Exact words of an article: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str
    kind: str = "phrase"  # "phrase" | "sentence" | "mention" | "cue" | "quote"


@dataclass(frozen=True, slots=True)
class SourceRef:
    """An outlet an article names as its original source, with its date."""

    name: str
    date: date | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """One cleaned article: metadata and the text every offset points into."""

    id: str
    text: str  # cleaned text; the headline, when known, is its first paragraph
    headline: str = ""
    date_published: date | None = None
    authors: tuple[str, ...] = ()
    based_on: tuple[SourceRef, ...] = ()
    keywords: tuple[str, ...] = ()
    origin: str = ""  # where it was read from: "path" or "path:line" (relative in a build)
    warnings: tuple[str, ...] = ()
    # The path as given on the command line, for messages that must find the file
    # (``origin`` is relative to the folder given, so two machines build one graph).
    located: str = ""

    @property
    def where(self) -> str:
        """The file (and line) to name in a message about this article."""
        return self.located or self.origin or self.id


@dataclass(frozen=True, slots=True)
class IngestProblem:
    """Input that could not be read: where (``path`` or ``path:line``) and why."""

    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


@dataclass(frozen=True, slots=True)
class EntityRef:
    """A node of the graph: a gazetteer entry or a new entity from the NER.

    ``key`` is the IRI's last segment (``entity/<key>``), stable across builds:
    the gazetteer id for known entities, the folded name for new ones.
    """

    key: str
    label: str
    kinds: tuple[EntityKind, ...] = (EntityKind.ACTOR,)
    known: bool = False
    ner_label: str = ""


UNNAMED_PREFIX = "unnamed-"  # key of an unnamed source: "unnamed-military", one per article


def unnamed_ref(kind: str, words: str) -> EntityRef:
    """An unnamed source of one kind ("a military source"), labelled with the words used."""
    return EntityRef(key=UNNAMED_PREFIX + kind, label=words, kinds=(EntityKind.UNNAMED_SOURCE,))


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an entity in an article."""

    entity: EntityRef
    span: Span


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who says so.  ``claimant`` is the innermost source; ``chain`` the relays
    outward, nearest first (AMN News quoting Amaq: claimant Amaq, chain (AMN,)).
    ``unnamed`` marks a source the text does not name: "reports suggest", "reportedly"
    (no claimant), "a military source", "local activists" (the claimant is an
    ``UNNAMED_SOURCE`` ref keyed ``unnamed-<kind>``, labelled with the words used)."""

    claimant: EntityRef | None
    chain: tuple[EntityRef, ...] = ()
    cue: Span | None = None
    unnamed: bool = False


@dataclass(frozen=True, slots=True)
class TimeStamp:
    """A resolved date and how much of it the text gives."""

    value: date
    precision: Precision = Precision.DAY


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened, as one article reports it."""

    kind: EventKind
    evidence: tuple[Span, ...]
    actor: EntityRef | None = None
    target: EntityRef | None = None
    place: EntityRef | None = None
    origins: tuple[EntityRef, ...] = ()  # troop movements: where they came from
    when: TimeStamp | None = None
    attribution: Attribution | None = None
    main: bool = False  # the event the article is mainly about (schema:about)
    side: Side | None = None  # the side of whoever acted (kg.extract.sides)
    # Rules that inferred a value rather than read it, as "property:rule"
    # ("side:unnamed-air-strike"); nkg:inferred in the graph.
    inferred: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CountClaim:
    """A number about people or things of the conflict, with its source."""

    count: int | float
    qualifier: Qualifier
    counted: Counted
    evidence: tuple[Span, ...]  # the phrase, then the sentence it was read from
    outcome: Outcome | None = None
    unit: Unit | None = None
    of: EntityRef | None = None
    event: int | None = None  # index into Analysis.events
    attribution: Attribution | None = None
    # The number totals a period or the whole war ("400,000 killed since 2011"),
    # not one incident.
    cumulative: bool = False
    vague: bool = False  # "dozens": count is the lower bound the word implies
    superseded: bool = False  # "an initial toll of 47" that the text gives as updated
    additional: bool = False  # "another 27", "five more", "21 others": part of a total
    other_incident: bool = False  # "comes a week after … killing 29", "Meanwhile …": not the news
    when: TimeStamp | None = None  # the date its sentence gives ("in May 60 were killed")


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything one article yields; what the rdf stage maps to quads."""

    article: Article
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[CountClaim, ...] = ()
    cites: tuple[EntityRef, ...] = ()  # every source the text attributes something to
    authors: tuple[EntityRef, ...] = ()  # article.authors, resolved to entities
    based_on: tuple[EntityRef, ...] = ()  # article.based_on outlets, resolved, same order
    focus: EntityRef | None = None  # the place the article reports from (contentLocation)
