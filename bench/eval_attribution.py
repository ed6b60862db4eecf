"""Score the graph's count claims and their sources against the attribution reference.

Usage::

    .venv/bin/python bench/eval_attribution.py [--reference FILE] [--sample FILE]
        [--csv PATH] [--store DIR] [--errors KIND] [--per-article] [--half even|odd]

It builds the sampled FA-KES dev articles (``bench/attribution/sample.txt``) with
``kg build`` into a temporary store (or reads ``--store``, already built), reads every
``nkg:CountClaim`` by SPARQL — count, qualifier, vague flag, counted thing, outcome,
the phrase and sentence it was read from, ``prov:wasAttributedTo`` with its labels and
(for an ``nkg:UnnamedSource``) its kind, and the relay hops by ``nkg:hop`` — and scores
them against ``bench/attribution/reference.jsonl`` (written blind; guide:
``docs/attribution-guide.md``).  It never imports ``kg.extract`` or ``kg.nlp``: it
scores what the graph says.

Matching rules (the assignment is in ``bench/attribution_matching.py``)
-----------------------------------------------------------------------
* **Candidates.** A graph claim can match a reference claim of the same article when
  the values agree (``nkg:count`` = ``value``; for a vague reference, the graph claim
  is vague or its phrase holds the vague word) and the reference ``number_words``
  (folded) occur in the graph claim's phrase or sentence.
* **Assignment.** One-to-one, greedily by a score: the same place (title or body),
  then how many words the reference sentence shares with the graph's sentence, then
  text order; then a reference claim the greedy pass left unmatched takes a free
  candidate by an augmenting path (an already paired reference moves to another of its
  candidates), so that as many reference claims as possible are matched; last, two
  pairs that cross (the earlier reference claim on the later graph claim) swap where
  each graph claim is a candidate of the other, since the reference is in text order.
  A title
  claim is one whose phrase lies in the headline (the first paragraph of
  ``nif:isString``).
* **found** (recall) = matched reference claims / reference claims.  The other
  figures are over matched claims:
* **claimant right** when the reference claimant is null and the graph claim has no
  ``prov:wasAttributedTo`` (a bare hedge, "reportedly", is an unnamed hop 0 with no
  agent: it names no source, as the reference's own voice); or both are unnamed sources of the
  same kind (the graph's ``nkg:sourceKind``); or a label (``skos:prefLabel``,
  ``skos:altLabel``, ``rdfs:label``) of the graph's claimant, folded (lowercase, ASCII,
  no leading "the", no possessive, dashes as spaces), equals the folded reference
  claimant, or is one of the labels of a gazetteer entity that has the reference
  claimant as a label (its known aliases); or the graph claimant's label, of two words
  or more, is the tail of the reference claimant ("Observatory director Rami Abdel
  Rahman" → "Rami Abdel Rahman").
* **qualifier right** / **thing right**: ``nkg:qualifier`` / ``nkg:countedThing`` equal
  the reference's.
* **relay right**, over matched reference claims whose ``relay`` is not empty: the graph's
  hops 1, 2, … name the reference relays in order by the claimant rule above (the
  graph may not add or miss a hop).
* **overall**: a matched claim right on claimant, qualifier and thing (and relay where
  the reference names one), over all reference claims.

``--errors KIND`` (missed, claimant, qualifier, thing, relay) lists the misses.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Store

sys.path.insert(0, str(Path(__file__).resolve().parent))  # run as a script or loaded by path
from attribution_matching import fold, match

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DIR = REPO / "bench" / "attribution"
DEFAULT_CSV = REPO.parent / "shared" / "data" / "fakes-dev.csv"
KG = str(Path(sys.executable).with_name("kg"))
COLUMNS = ["--id-column", "unit_id", "--title-column", "article_title",
           "--text-column", "article_content", "--date-column", "date"]  # fmt: skip
TARGETS = {"found": 0.90, "claimant": 0.90, "qualifier": 0.90, "thing": 0.85, "relay": 0.75}
NKG = "https://w3id.org/newskg/ontology#"
PREFIXES = f"""
PREFIX nkg: <{NKG}>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


# --- reading the reference and the graph ----------------------------------------------


@dataclass
class RefClaim:
    """One reference claim (a line of reference.jsonl)."""

    unit_id: str
    n: int
    where: str
    number_words: str
    value: int | None
    vague_word: str | None
    qualifier: str
    thing: str
    outcome: str | None
    claimant: str | None
    unnamed_kind: str | None
    relay: list[str]
    sentence: str


@dataclass
class Agent:
    """A claimant or relay as the graph gives it: its labels and, if unnamed, its kind."""

    iri: str
    labels: set[str] = field(default_factory=set)
    kind: str | None = None  # nkg:sourceKind of an nkg:UnnamedSource
    unnamed: bool = False

    def name(self) -> str:
        """The longest label, ties broken alphabetically (the same in every run)."""
        if not self.labels:
            return self.iri.rsplit("/", 1)[-1]
        return max(self.labels, key=lambda label: (len(label), label))


@dataclass
class GraphClaim:
    """One nkg:CountClaim read from the store."""

    iri: str
    unit_id: str
    count: float
    qualifier: str
    thing: str
    vague: bool
    outcome: str | None
    phrase: str
    phrase_start: int
    sentence: str
    title: bool
    claimant: Agent | None = None
    unnamed_hop: bool = False  # hop 0 says nkg:unnamedSource true
    relays: list[Agent] = field(default_factory=list)


def read_reference(path: Path, sample: set[str] | None) -> tuple[list[RefClaim], list[str]]:
    """The reference claims and the article ids the reference covers (in file order)."""
    claims: list[RefClaim] = []
    articles: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            print(f"warning: {path}:{number}: not JSON ({error.msg})", file=sys.stderr)
            continue
        unit = str(row.get("unit_id", ""))
        if sample is not None and unit not in sample:
            continue
        if unit not in articles:
            articles.append(unit)
        if row.get("none") or not row.get("n"):
            continue
        claims.append(
            RefClaim(
                unit_id=unit,
                n=int(row["n"]),
                where=row.get("where") or "body",
                number_words=row.get("number_words") or "",
                value=row.get("value"),
                vague_word=row.get("vague_word"),
                qualifier=row.get("qualifier") or "Exact",
                thing=row.get("thing") or "Other",
                outcome=row.get("outcome"),
                claimant=row.get("claimant"),
                unnamed_kind=row.get("unnamed_kind"),
                relay=list(row.get("relay") or []),
                sentence=row.get("sentence") or "",
            )
        )
    return claims, articles


def _local(iri: str | None) -> str | None:
    if iri is None:
        return None
    return re.split(r"[#/]", iri)[-1]


def _value(term: object) -> str:
    return getattr(term, "value", str(term))


def read_graph(store: Store) -> list[GraphClaim]:
    """Every count claim of the store, with its claimant and relays, by SPARQL."""
    claims: dict[str, GraphClaim] = {}
    query = (
        PREFIXES
        + """
    SELECT ?c ?id ?count ?q ?thing ?vague ?outcome ?pa ?pb ?sa ?headline WHERE {
      ?c a nkg:CountClaim ; nkg:count ?count ; nkg:qualifier ?q ; nkg:countedThing ?thing ;
         nkg:reportedIn ?a .
      ?a schema:identifier ?id .
      OPTIONAL { ?a schema:headline ?headline }
      OPTIONAL { ?c nkg:vague ?vague }
      OPTIONAL { ?c nkg:outcome ?outcome }
      ?c nkg:evidence ?p . ?p a nif:Phrase ; nif:anchorOf ?pa ; nif:beginIndex ?pb .
      ?c nkg:evidence ?s . ?s a nif:Sentence ; nif:anchorOf ?sa .
    }"""
    )
    for row in store.query(query, use_default_graph_as_union=True):
        iri = _value(row["c"])
        if iri in claims:
            continue
        headline = _value(row["headline"]) if row["headline"] is not None else ""
        start = int(_value(row["pb"]))
        claims[iri] = GraphClaim(
            iri=iri,
            unit_id=_value(row["id"]),
            count=float(_value(row["count"])),
            qualifier=_local(_value(row["q"])) or "",
            thing=_local(_value(row["thing"])) or "",
            vague=row["vague"] is not None and _value(row["vague"]) == "true",
            outcome=_local(_value(row["outcome"])) if row["outcome"] is not None else None,
            phrase=_value(row["pa"]),
            phrase_start=start,
            sentence=_value(row["sa"]),
            title=bool(headline) and start < len(headline),
        )
    agents = _agents(store)
    hops = (
        PREFIXES
        + """
    SELECT ?c ?hop ?agent ?unnamed WHERE {
      ?c a nkg:CountClaim ; prov:qualifiedAttribution ?h . ?h nkg:hop ?hop .
      OPTIONAL { ?h prov:agent ?agent } OPTIONAL { ?h nkg:unnamedSource ?unnamed }
    }"""
    )
    chains: dict[str, dict[int, Agent | None]] = defaultdict(dict)
    for row in store.query(hops, use_default_graph_as_union=True):
        iri = _value(row["c"])
        if iri not in claims:
            continue
        hop = int(_value(row["hop"]))
        agent = agents.get(_value(row["agent"])) if row["agent"] is not None else None
        if hop == 0 and row["unnamed"] is not None and _value(row["unnamed"]) == "true":
            claims[iri].unnamed_hop = True
        chains[iri][hop] = agent
    attributed = (
        PREFIXES + "SELECT ?c ?who WHERE { ?c a nkg:CountClaim ; prov:wasAttributedTo ?who }"
    )
    for row in store.query(attributed, use_default_graph_as_union=True):
        iri = _value(row["c"])
        if iri in claims:
            who = _value(row["who"])
            claims[iri].claimant = agents.get(who, Agent(who))
    for iri, chain in chains.items():
        claims[iri].relays = [chain[h] or Agent("") for h in sorted(chain) if h > 0]
    return sorted(claims.values(), key=lambda c: (c.unit_id, c.phrase_start))


def _agents(store: Store) -> dict[str, Agent]:
    """Labels and unnamed kinds of every agent a hop names (gazetteer labels included)."""
    agents: dict[str, Agent] = {}
    query = (
        PREFIXES
        + """
    SELECT DISTINCT ?agent ?label ?kind ?type WHERE {
      ?h nkg:hop ?hop ; prov:agent ?agent .
      OPTIONAL { ?agent skos:prefLabel|skos:altLabel|rdfs:label ?label }
      OPTIONAL { ?agent nkg:sourceKind ?kind }
      OPTIONAL { ?agent a ?type FILTER(?type = nkg:UnnamedSource) }
    }"""
    )
    for row in store.query(query, use_default_graph_as_union=True):
        iri = _value(row["agent"])
        agent = agents.setdefault(iri, Agent(iri))
        if row["label"] is not None:
            agent.labels.add(_value(row["label"]))
        if row["kind"] is not None:
            agent.kind = _local(_value(row["kind"]))
        if row["type"] is not None:
            agent.unnamed = True
    return agents


def alias_table(store: Store) -> dict[str, set[str]]:
    """Folded label → the folded labels of every entity carrying it (the known aliases)."""
    by_entity: dict[str, set[str]] = defaultdict(set)
    query = (
        PREFIXES
        + """
    SELECT ?e ?label WHERE { ?e skos:prefLabel|skos:altLabel ?label }"""
    )
    for row in store.query(query, use_default_graph_as_union=True):
        by_entity[_value(row["e"])].add(fold(_value(row["label"])))
    table: dict[str, set[str]] = defaultdict(set)
    for labels in by_entity.values():
        for label in labels:
            table[label] |= labels
    return table


# --- matching (bench/attribution_matching.py) and agreeing -------------------------------


def names_agree(name: str, agent: Agent | None, aliases: dict[str, set[str]]) -> bool:
    """Whether the graph's agent carries the reference name or one of its known aliases."""
    if agent is None:
        return False
    wanted = fold(name)
    known = {wanted} | aliases.get(wanted, set())
    labels = {fold(label) for label in agent.labels}
    if labels & known:
        return True
    return any(
        len(label.split()) >= 2 and (wanted == label or wanted.endswith(" " + label))
        for label in labels
    )


def claimant_right(ref: RefClaim, claim: GraphClaim, aliases: dict[str, set[str]]) -> bool:
    """The claimant rule of the module docstring."""
    agent = claim.claimant
    if ref.unnamed_kind:
        return agent is not None and agent.unnamed and agent.kind == ref.unnamed_kind
    if ref.claimant is None:
        return agent is None  # a bare hedge ("reportedly": no agent) names no source
    if agent is not None and agent.unnamed:
        return False
    return names_agree(ref.claimant, agent, aliases)


def relay_right(ref: RefClaim, claim: GraphClaim, aliases: dict[str, set[str]]) -> bool:
    if len(ref.relay) != len(claim.relays):
        return False
    return all(names_agree(r, g, aliases) for r, g in zip(ref.relay, claim.relays, strict=True))


# --- scoring ---------------------------------------------------------------------------------


@dataclass
class Outcome:
    """One reference claim, scored."""

    ref: RefClaim
    claim: GraphClaim | None
    claimant: bool = False
    qualifier: bool = False
    thing: bool = False
    relay: bool | None = None  # None: the reference names no relay

    @property
    def overall(self) -> bool:
        return (
            self.claim is not None
            and self.claimant
            and self.qualifier
            and self.thing
            and self.relay is not False
        )


def score(
    refs: Sequence[RefClaim], graph: Sequence[GraphClaim], aliases: dict[str, set[str]]
) -> list[Outcome]:
    matched = match(refs, graph)
    outcomes: list[Outcome] = []
    for index, ref in enumerate(refs):
        claim = matched.get(index)
        if claim is None:
            outcomes.append(Outcome(ref, None, relay=False if ref.relay else None))
            continue
        outcomes.append(
            Outcome(
                ref,
                claim,
                claimant=claimant_right(ref, claim, aliases),
                qualifier=claim.qualifier == ref.qualifier,
                thing=claim.thing == ref.thing,
                relay=relay_right(ref, claim, aliases) if ref.relay else None,
            )
        )
    return outcomes


def figures(outcomes: Sequence[Outcome]) -> dict[str, tuple[int, int]]:
    """Name → (right, out of)."""
    found = [o for o in outcomes if o.claim is not None]
    relayed = [o for o in found if o.relay is not None]
    return {
        "found": (len(found), len(outcomes)),
        "claimant": (sum(o.claimant for o in found), len(found)),
        "qualifier": (sum(o.qualifier for o in found), len(found)),
        "thing": (sum(o.thing for o in found), len(found)),
        "relay": (sum(bool(o.relay) for o in relayed), len(relayed)),
        "overall": (sum(o.overall for o in outcomes), len(outcomes)),
    }


def _ratio(pair: tuple[int, int]) -> float:
    return pair[0] / pair[1] if pair[1] else 0.0


def report(outcomes: Sequence[Outcome], articles: Sequence[str], per_article: bool) -> str:
    lines = [f"{len(articles)} reference articles, {len(outcomes)} reference claims"]
    for name, pair in figures(outcomes).items():
        target = TARGETS.get(name)
        goal = f"   (target {target:.2f})" if target else ""
        lines.append(f"{name:<10} {_ratio(pair):.3f}  {pair[0]:>4}/{pair[1]:<4}{goal}")
    if per_article:
        lines.append("")
        lines.append("article      claims found claimant qualifier thing relay overall")
        by_article: dict[str, list[Outcome]] = defaultdict(list)
        for outcome in outcomes:
            by_article[outcome.ref.unit_id].append(outcome)
        for unit in articles:
            f = figures(by_article.get(unit, []))
            cells = " ".join(
                f"{f[k][0]:>3}/{f[k][1]:<3}"
                for k in ("found", "claimant", "qualifier", "thing", "relay", "overall")
            )
            lines.append(f"{unit:<12} {len(by_article.get(unit, [])):>6} {cells}")
    return "\n".join(lines)


def _agent_text(agent: Agent | None, unnamed_hop: bool = False) -> str:
    if agent is None:
        return "(unnamed, no agent)" if unnamed_hop else "(none)"
    if agent.unnamed:
        return f"{agent.name()!r} [unnamed {agent.kind}]"
    return repr(agent.name())


def errors(outcomes: Sequence[Outcome], kind: str) -> Iterator[str]:
    """The misses of one kind, one block each."""
    for o in outcomes:
        ref = o.ref
        if kind == "missed":
            if o.claim is None:
                yield (
                    f"{ref.unit_id} #{ref.n} {ref.where}: {ref.number_words!r} {ref.thing}"
                    f"\n    {ref.sentence}"
                )
            continue
        if o.claim is None:
            continue
        wrong = {"claimant": not o.claimant, "qualifier": not o.qualifier,
                 "thing": not o.thing, "relay": o.relay is False}.get(kind, False)  # fmt: skip
        if not wrong:
            continue
        claim = o.claim
        want = (
            ref.claimant if not ref.unnamed_kind else f"{ref.claimant} [unnamed {ref.unnamed_kind}]"
        )
        got = _agent_text(claim.claimant, claim.unnamed_hop)
        detail = {
            "claimant": f"want {want!r}, got {got}",
            "qualifier": f"want {ref.qualifier}, got {claim.qualifier}",
            "thing": f"want {ref.thing}, got {claim.thing}",
            "relay": f"want {ref.relay}, got {[_agent_text(r) for r in claim.relays]}",
        }[kind]
        yield f"{ref.unit_id} #{ref.n} {ref.number_words!r}: {detail}\n    {ref.sentence}"


# --- building --------------------------------------------------------------------------------


def build_sample(csv_path: Path, sample: Sequence[str], store: Path) -> None:
    """``kg build`` the sampled rows (first row of a repeated unit_id) into ``store``."""
    wanted = set(sample)
    with csv_path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = reader.fieldnames or []
        rows: dict[str, dict[str, str]] = {}
        for row in reader:
            if row["unit_id"] in wanted:
                rows.setdefault(row["unit_id"], row)
    table = store.parent / "sample.csv"
    with table.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows[unit] for unit in sample if unit in rows)
    command = [KG, "build", str(table), *COLUMNS, "--store", str(store), "-q"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"kg build failed:\n{result.stderr}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reference", type=Path, default=DEFAULT_DIR / "reference.jsonl")
    parser.add_argument("--sample", type=Path, default=DEFAULT_DIR / "sample.txt")
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--store", type=Path, help="a store already built from the sample")
    parser.add_argument("--errors", choices=["missed", "claimant", "qualifier", "thing", "relay"])
    parser.add_argument("--per-article", action="store_true")
    parser.add_argument(
        "--half",
        choices=["even", "odd"],
        help="only the even (0, 2, …) or odd articles of the sample: look at one, check the other",
    )
    args = parser.parse_args(argv)
    for path in (args.reference, args.sample):
        if not path.exists():
            parser.error(f"{path} does not exist")
    sample = [line.strip() for line in args.sample.read_text().splitlines() if line.strip()]
    if args.half is not None:
        sample = sample[{"even": 0, "odd": 1}[args.half] :: 2]
    refs, articles = read_reference(args.reference, set(sample))
    if args.store is not None:
        store = Store.read_only(str(args.store))
        outcomes = score(refs, read_graph(store), alias_table(store))
    else:
        if not args.csv.exists():
            parser.error(f"{args.csv} does not exist (it lives in ../shared)")
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "store"
            build_sample(args.csv, [u for u in sample if u in set(articles)], path)
            store = Store.read_only(str(path))
            outcomes = score(refs, read_graph(store), alias_table(store))
            del store
    if args.errors:
        for block in errors(outcomes, args.errors):
            print(block)
        return 0
    print(report(outcomes, articles, args.per_article))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
