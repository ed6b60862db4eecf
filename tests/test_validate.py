"""`kg validate`: the shapes of the graph contract, run by pyshacl over real stores.

The seeds and the FA-KES dev table, built for real, conform; a store broken on
purpose (a claim without evidence, a year as sem:hasTimeStamp, a mention whose
words do not match its offsets) is reported by kind, with its focus nodes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pyoxigraph import Store

from kg.config import Settings
from kg.store import open_store
from kg.validate import validate_store

KG = str(Path(sys.executable).with_name("kg"))
BASE = Settings.from_env(environ={}).base_iri
PREFIXES = """
PREFIX nkg: <https://w3id.org/newskg/ontology#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


def kg_validate(store: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([KG, "validate", "--store", str(store)],
                          capture_output=True, text=True, timeout=1200)  # fmt: skip


def test_the_seeds_graph_conforms(seeds_store: Path) -> None:
    result = kg_validate(seeds_store)
    assert result.returncode == 0, result.stdout
    assert "0 violation(s)" in result.stderr
    assert result.stdout == ""


def test_imprecise_dates_of_the_seeds_are_sem_bounds(seeds_graph: Store) -> None:
    """ "ISIS seized Palmyra last year": 2015, as the first and last day of 2015."""
    found = seeds_graph.query(
        PREFIXES
        + """
        SELECT ?begin ?end ?precision WHERE {
          ?e sem:hasEarliestBeginTimeStamp ?begin ; sem:hasLatestEndTimeStamp ?end ;
             nkg:datePrecision ?precision }""",
        use_default_graph_as_union=True,
    )
    rows = {(r["begin"].value, r["end"].value, r["precision"].value) for r in found}
    assert ("2015-01-01", "2015-12-31", "year") in rows
    assert ("2016-03-01", "2016-03-31", "month") in rows
    stamps = seeds_graph.query(
        PREFIXES
        + """
        SELECT (COUNT(*) AS ?n) WHERE { ?e sem:hasTimeStamp ?t FILTER(DATATYPE(?t) != xsd:date) }
        """,
        use_default_graph_as_union=True,
    )
    assert next(iter(stamps))["n"].value == "0"


def _first(store: Store, select: str, limit: int = 1) -> list:
    return list(store.query(PREFIXES + select + f" LIMIT {limit}"))


@pytest.fixture(scope="module")
def broken_store(seeds_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the seeds store, broken four ways."""
    path = tmp_path_factory.mktemp("broken") / "store"
    copy = Store(str(path))
    copy.extend(open_store(seeds_store, read_only=True))
    (claim,) = _first(copy, "SELECT ?c ?g { GRAPH ?g { ?c a nkg:CountClaim } } ORDER BY ?c")
    first, second = _first(
        copy, "SELECT ?e ?g ?t { GRAPH ?g { ?e sem:hasTimeStamp ?t } } ORDER BY ?e", 2
    )
    (mention,) = _first(copy, "SELECT ?s ?g { GRAPH ?g { ?s itsrdf:taIdentRef ?x } } ORDER BY ?s")
    claim_g, claim_c = claim["g"], claim["c"]
    first_g, first_e, first_t = first["g"], first["e"], first["t"]
    second_g, second_e = second["g"], second["e"]
    mention_g, mention_s = mention["g"], mention["s"]
    copy.update(f"""{PREFIXES}
        DELETE WHERE {{ GRAPH {claim_g} {{ {claim_c} nkg:evidence ?s }} }} ;
        DELETE DATA {{ GRAPH {first_g} {{ {first_e} sem:hasTimeStamp {first_t} }} }} ;
        INSERT DATA {{ GRAPH {first_g} {{ {first_e} sem:hasTimeStamp "2016"^^xsd:gYear }} }} ;
        INSERT DATA {{ GRAPH {second_g} {{ {second_e}
            sem:hasEarliestBeginTimeStamp "2016-01-01"^^xsd:date ;
            sem:hasLatestEndTimeStamp "2016-12-31"^^xsd:date }} }} ;
        DELETE WHERE {{ GRAPH {mention_g} {{ {mention_s} nif:anchorOf ?w }} }} ;
        INSERT DATA {{ GRAPH {mention_g} {{ {mention_s} nif:anchorOf "not these words" }} }}
    """)
    copy.flush()
    del copy
    return path


def _name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def test_a_broken_graph_is_reported_by_kind_with_its_nodes(broken_store: Path) -> None:
    report = validate_store(open_store(broken_store, read_only=True), BASE)
    kinds = {tuple(_name(part) for part in kind) for kind in report.kinds()}
    assert kinds == {
        ("CountClaimShape", "evidence", "MinCountConstraintComponent"),
        ("EventShape", "hasTimeStamp", "DatatypeConstraintComponent"),
        ("EventDateShape", "", "XoneConstraintComponent"),
        ("SpanShape", "", "SPARQLConstraintComponent"),
    }
    assert len(report.violations) == 4
    assert all("/article/" in violation.graph for violation in report.violations)


def test_kg_validate_prints_each_kind_and_fails(broken_store: Path) -> None:
    result = kg_validate(broken_store)
    assert result.returncode == 1
    assert "4 violation(s) of 4 kind(s)" in result.stderr
    assert "CountClaimShape  evidence  MinCount" in result.stdout
    assert "EventShape  hasTimeStamp  Datatype" in result.stdout and "= 2016" in result.stdout
    assert "nif:anchorOf must equal the text" in result.stdout
    assert "/claim/" in result.stdout and "(in https://w3id.org/newskg/id/article/" in result.stdout


def test_validate_is_explained_in_help() -> None:
    result = subprocess.run([KG, "validate", "--help"], capture_output=True, text=True)
    assert "SHACL" in result.stdout and "Exit" in result.stdout


@pytest.mark.slow
def test_the_fakes_graph_conforms(
    fakes_build: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    store, build = fakes_build
    assert build.returncode == 0, build.stderr
    result = kg_validate(store)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "0 violation(s)" in result.stderr
