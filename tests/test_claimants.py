"""Every claimant in a built graph is an actor or an unnamed source — never an event,
a number or a common word ("suicide bomb attack", "2,000 people", "claim", "group").

Read by SPARQL from the seeds graph and from a FA-KES build: each object of
``prov:wasAttributedTo`` (of count claims and events) and each relay ``prov:agent``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pyoxigraph import Store

from kg.store import open_store

QUERY = """
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX nkg: <https://w3id.org/newskg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?who ?label ?actor ?unnamed ?kind WHERE {
  { ?x prov:wasAttributedTo ?who } UNION { ?x prov:qualifiedAttribution/prov:agent ?who }
  OPTIONAL { ?who skos:prefLabel ?pref }
  OPTIONAL { ?who rdfs:label ?words }
  OPTIONAL { ?who nkg:sourceKind ?kind }
  BIND(COALESCE(?pref, ?words, "") AS ?label)
  BIND(EXISTS { ?who a nkg:Actor } AS ?actor)
  BIND(EXISTS { ?who a nkg:UnnamedSource } AS ?unnamed)
}"""
# Words of events and weapons: a claimant whose label holds one is an event misread.
EVENT_WORDS = frozenset(
    {"attack", "attacks", "strike", "strikes", "airstrike", "airstrikes", "raid", "raids",
     "bombing", "bombings", "bomb", "bombs", "explosion", "explosions", "blast", "blasts",
     "shelling", "massacre", "ambush", "clashes", "offensive", "assault", "execution",
     "evacuation", "shooting", "missile", "missiles", "rocket", "rockets", "shells"}
)  # fmt: skip
# Common nouns that are no source on their own.
COMMON_NOUNS = frozenset(
    {"claim", "claims", "group", "groups", "people", "civilians", "others", "fighters",
     "rebels", "soldiers", "children", "women", "victims", "toll", "number", "figure",
     "statement", "report", "reports", "source", "sources", "monitor", "organization",
     "agency", "ministry", "army", "military", "government", "forces", "media", "ngo",
     "ngos", "monitors", "watchdog", "rights", "monitoring", "organisation", "organizations",
     "organisations", "observers", "activists", "residents", "officials", "authorities"}
)  # fmt: skip
KINDS = {"military", "medical", "activist", "local", "official", "media"}


def claimants(store: Store) -> list[dict[str, str]]:
    return [
        {name: row[name].value if row[name] is not None else "" for name in
         ("who", "label", "actor", "unnamed", "kind")}
        for row in store.query(QUERY, use_default_graph_as_union=True)
    ]  # fmt: skip


def problems(rows: list[dict[str, str]]) -> list[str]:
    """Why each claimant is not an actor or an unnamed source, if it is not."""
    found = []
    for row in rows:
        label, words = row["label"], re.findall(r"[a-z]+", row["label"].lower())
        if row["unnamed"] == "true":
            if row["kind"] not in KINDS or not label:
                found.append(f"unnamed source without kind or words: {row}")
            elif any(ch.isdigit() for ch in label):  # "11 children state media"
                found.append(f"an unnamed source labelled with a count: {label!r}")
            continue
        if row["actor"] != "true":
            found.append(f"not an nkg:Actor: {row['who']} {label!r}")
        elif any(ch.isdigit() for ch in label):
            found.append(f"a number: {label!r}")
        elif set(words) & EVENT_WORDS:
            found.append(f"an event: {label!r}")
        elif words and all(w in COMMON_NOUNS for w in words):
            found.append(f"a common word: {label!r}")  # "NGO", "Monitor": no name either
        elif label == label.lower():
            found.append(f"common nouns, no name: {label!r}")
    return found


def test_the_check_catches_non_sources() -> None:
    """The check itself: an event, a number, a common word (in any case), a place and an
    unnamed source labelled with a count are caught; a short name ("Observatory") is not."""
    rows = [
        {"who": "e/1", "label": "suicide bomb attack", "actor": "true", "unnamed": "false",
         "kind": ""},
        {"who": "e/2", "label": "2,000 people", "actor": "true", "unnamed": "false", "kind": ""},
        {"who": "e/3", "label": "group", "actor": "true", "unnamed": "false", "kind": ""},
        {"who": "e/4", "label": "Idlib", "actor": "false", "unnamed": "false", "kind": ""},
        {"who": "e/5", "label": "SANA", "actor": "true", "unnamed": "false", "kind": ""},
        {"who": "e/6", "label": "death tolls", "actor": "true", "unnamed": "false", "kind": ""},
        # a common word written like a name: "an NGO said", a headline's "… Monitor"
        {"who": "e/7", "label": "NGO", "actor": "true", "unnamed": "false", "kind": ""},
        {"who": "e/8", "label": "Monitor", "actor": "true", "unnamed": "false", "kind": ""},
        {"who": "e/9", "label": "Observatory", "actor": "true", "unnamed": "false", "kind": ""},
        {"who": "a/source/military", "label": "a military source", "actor": "false",
         "unnamed": "true", "kind": "military"},
        {"who": "a/source/media", "label": "11 children state media", "actor": "false",
         "unnamed": "true", "kind": "media"},
    ]  # fmt: skip
    assert len(problems(rows)) == 8
    assert not [p for p in problems(rows) if "Observatory" in p]  # a short name, no common word


def test_seed_claimants_are_actors_or_unnamed_sources(seeds_graph: Store) -> None:
    rows = claimants(seeds_graph)
    assert len(rows) >= 5
    found = problems(rows)
    assert not found, "\n".join(found)


@pytest.mark.slow
def test_fakes_claimants_are_actors_or_unnamed_sources(fakes_store: Path) -> None:
    rows = claimants(open_store(fakes_store, read_only=True))
    assert len(rows) >= 100
    assert any(row["unnamed"] == "true" for row in rows)
    found = problems(rows)
    assert not found, "\n".join(found)
