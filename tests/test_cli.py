"""The `kg` command as users run it: a real subprocess, a real store on disk."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

KG = str(Path(sys.executable).with_name("kg"))


def kg(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([KG, *args], capture_output=True, text=True, timeout=600)
    if check and result.returncode != 0:
        raise AssertionError(f"kg {' '.join(args)} failed ({result.returncode}):\n{result.stderr}")
    return result


@pytest.fixture(scope="module")
def mixed_inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("inputs")
    (folder / "good.md").write_text(
        "# Shelling kills five in Aleppo\n\nGlobal Research, March 3, 2017\n\n"
        "Five civilians were killed on Friday when shells hit the Salah al-Din district "
        "of Aleppo, the Syrian Observatory for Human Rights said.\n",
        encoding="utf-8",
    )
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 64)
    table = folder / "rows.jsonl"
    table.write_text(
        '{"id": "r1", "title": "Blast in Idlib", "text": "A car bomb exploded in Idlib city, killing at least 12 people, activists said."}\n'
        "{not json}\n"
        '{"id": "r3", "title": "Empty", "text": ""}\n',
        encoding="utf-8",
    )
    return folder


@pytest.fixture(scope="module")
def mixed_build(mixed_inputs: Path, tmp_path_factory: pytest.TempPathFactory):
    store = tmp_path_factory.mktemp("mixed") / "store"
    result = kg("build", str(mixed_inputs), "--store", str(store))
    return store, result


def test_build_names_each_bad_input_with_its_reason_and_builds_the_rest(mixed_build) -> None:
    store, result = mixed_build
    assert "binary.txt" in result.stderr
    assert "rows.jsonl:2" in result.stderr and "JSON" in result.stderr
    assert "rows.jsonl:3" in result.stderr and "empty" in result.stderr.lower()
    assert "Built 2 article(s)" in result.stderr
    listed = kg(
        "query",
        "SELECT ?id WHERE { ?a <https://schema.org/identifier> ?id } ORDER BY ?id",
        "--store",
        str(store),
        "-f",
        "csv",
    ).stdout
    assert listed.split() == ["id", "good", "r1"]


def test_strict_build_fails_on_unreadable_input(mixed_inputs: Path, tmp_path: Path) -> None:
    result = kg(
        "build",
        str(mixed_inputs / "binary.txt"),
        "--store",
        str(tmp_path / "s"),
        "--strict",
        check=False,
    )
    assert result.returncode == 1
    assert "binary.txt" in result.stderr


def test_query_lists_and_runs_the_questions(seeds_store: Path) -> None:
    listed = kg("query", "--list").stdout
    for name in [
        "fighter-counts",
        "palmyra-captured",
        "disagreements",
        "timeline",
        "who-cites-whom",
        "troop-origins",
        "places-map",
        "entity",
    ]:
        assert name in listed
    table = kg("query", "fighter-counts", "--store", str(seeds_store)).stdout
    assert "qualifier" in table.splitlines()[0]
    assert "MoreThan" in table
    as_csv = kg("query", "fighter-counts", "--store", str(seeds_store), "-f", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(as_csv)))
    assert rows and {"article", "source", "count", "qualifier", "words"} <= set(rows[0])


def test_a_bad_query_gets_the_parser_message(seeds_store: Path) -> None:
    result = kg("query", "SELECT ?x WHERE { ?x", "--store", str(seeds_store), check=False)
    assert result.returncode != 0
    assert "bad query" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("fmt", ["nquads", "trig", "turtle", "ntriples", "jsonld"])
def test_export_writes_a_file_other_tools_parse(
    seeds_store: Path, tmp_path: Path, fmt: str
) -> None:
    import rdflib

    out = tmp_path / f"graph.{fmt}"
    kg("export", "--store", str(seeds_store), "--format", fmt, "-o", str(out))
    rdflib_format = {
        "nquads": "nquads",
        "trig": "trig",
        "turtle": "turtle",
        "ntriples": "nt",
        "jsonld": "json-ld",
    }[fmt]
    graph = rdflib.Dataset() if fmt in {"nquads", "trig", "jsonld"} else rdflib.Graph()
    graph.parse(out, format=rdflib_format)
    headlines = (
        {str(o) for o in graph.objects(None, rdflib.URIRef("https://schema.org/headline"))}
        if isinstance(graph, rdflib.Graph) and not isinstance(graph, rdflib.Dataset)
        else {
            str(q[2])
            for q in graph.quads((None, rdflib.URIRef("https://schema.org/headline"), None, None))
        }
    )
    assert len(headlines) == 5


def test_stats_counts_what_the_graph_holds(seeds_store: Path) -> None:
    out = kg("stats", "--store", str(seeds_store)).stdout
    assert out.split("\n")[0].split() == ["articles", "5"]


def test_help_teaches(tmp_path: Path) -> None:
    assert "Examples" in kg("build", "--help").stdout
    assert "--update-token" in kg("serve", "--help").stdout
    missing = kg("query", "fighter-counts", "--store", str(tmp_path / "none"), check=False)
    assert missing.returncode != 0 and "kg build" in missing.stderr
