"""The five seed articles built with the real model into a real store on disk.

Expectations are what the articles say (read seeds/*.txt), not program output.
"""

from __future__ import annotations

import pytest
from pyoxigraph import Store

from kg.store import select_rows

PREFIXES = """
PREFIX nkg: <https://w3id.org/newskg/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX geo: <http://www.opengis.net/ont/geosparql#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
"""

ARTICLES = {
    "000_f0a122183875b4c5": (
        "Islamic State Forces (ISIS-Daesh) Retake Historic City of Palmyra",
        {"South Front", "Global Research News"},
        "2016-12-12",
        ("South Front", "2016-12-12"),
    ),
    "001_7cfe70ed759a6895": (
        "US Facilitates Transfer of Terrorists from Mosul into Syria: Palmyra Again Reportedly Seized by ISIS",
        {"Stephen Lendman"},
        "2016-12-12",
        None,
    ),
    "002_7093ba85be1c1dec": (
        "ISIS-Daesh “Accidentally” Launches Large-Scale Offensive in Palmyra Amid US-Russian Talks on Aleppo",
        {"South Front"},
        "2016-12-09",
        ("South Front", "2016-12-09"),
    ),
    "003_f38031a81f860219": (
        "The ISIS Offensive against Palmyra: A US-NATO Sponsored Operation?",
        {"Mehmet Ersoy"},
        "2016-12-14",
        ("Inside Syria Media Center", "2024-04-26"),
    ),
    "004_4b5fa2676380bed8": (
        "4,000 ISIS Fighters Regroup, Make New Attempt to Capture Palmyra",
        {"RT"},
        "2016-12-11",
        ("RT", "2016-12-11"),
    ),
}


def rows(store: Store, query: str) -> list[list[str]]:
    return select_rows(store, PREFIXES + query)[1]


@pytest.mark.parametrize("article_id", sorted(ARTICLES))
def test_headline_authors_date_and_original_outlet(seeds_graph: Store, article_id: str) -> None:
    headline, authors, published, original = ARTICLES[article_id]
    found = rows(
        seeds_graph,
        f"""SELECT ?h ?d WHERE {{
        ?a schema:identifier "{article_id}" ; schema:headline ?h ; schema:datePublished ?d }}""",
    )
    assert found == [[headline, published]]
    names = rows(
        seeds_graph,
        f"""SELECT DISTINCT ?name WHERE {{
        ?a schema:identifier "{article_id}" ; schema:author ?x . ?x skos:prefLabel|skos:altLabel ?name }}""",
    )
    for author in authors:
        assert [author] in names
    based_on = rows(
        seeds_graph,
        f"""SELECT ?name ?d WHERE {{
        ?a schema:identifier "{article_id}" ; schema:isBasedOn ?o .
        ?o schema:publisher ?x ; schema:datePublished ?d . ?x skos:prefLabel|skos:altLabel ?name }}""",
    )
    if original is None:
        assert based_on == []
    else:
        assert list(original) in based_on


def entities_for(store: Store, surface_forms: list[str]) -> dict[str, set[str]]:
    values = " ".join(f'"{form}"' for form in surface_forms)
    found: dict[str, set[str]] = {}
    for anchor, entity, article in rows(
        store,
        f"""SELECT ?t ?x ?a WHERE {{
            VALUES ?t {{ {values} }}
            ?span nif:anchorOf ?t ; itsrdf:taIdentRef ?x ; nif:referenceContext ?a }}""",
    ):
        found.setdefault(anchor, set()).add(entity)
        found.setdefault("@articles", set()).add(article)
    return found


def test_islamic_state_aliases_are_one_node_across_articles(seeds_graph: Store) -> None:
    forms = ["ISIS", "IS", "ISIL", "Islamic State", "ISIS-Daesh"]
    found = entities_for(seeds_graph, forms)
    assert set(forms) <= set(found), f"surface forms never linked: {set(forms) - set(found)}"
    nodes = set().union(*(found[form] for form in forms))
    assert len(nodes) == 1, nodes
    assert len(found["@articles"]) == 5


def test_deir_ezzor_spellings_are_one_node_across_articles(seeds_graph: Store) -> None:
    forms = ["Dier Ezzor", "Deir Ezzor", "Deyr ez Zor", "Deir ez-Zor"]
    found = entities_for(seeds_graph, forms)
    assert set(forms) <= set(found), f"spellings never linked: {set(forms) - set(found)}"
    assert len(set().union(*(found[form] for form in forms))) == 1
    assert len(found["@articles"]) >= 3


def test_palmyra_is_a_place_in_homs_governorate_with_a_point(seeds_graph: Store) -> None:
    found = rows(
        seeds_graph,
        """SELECT DISTINCT ?wkt ?region WHERE {
        ?span nif:anchorOf "Palmyra" ; itsrdf:taIdentRef ?p .
        ?p a nkg:Place ; geo:hasGeometry/geo:asWKT ?wkt ; schema:containedInPlace+ ?r .
        ?r a nkg:Region ; skos:prefLabel ?region }""",
    )
    assert len(found) == 1, found
    wkt, region = found[0]
    assert "Homs" in region
    lon, lat = map(float, wkt.removeprefix("POINT(").removesuffix(")").split())
    assert 38.0 < lon < 38.5 and 34.4 < lat < 34.7  # Palmyra lies at about 38.27 E, 34.56 N


BOILERPLATE = [
    "Disclaimer",
    "sole responsibility of the author",
    "Copyright",
    "Comment on Global Research",
    "Become a Member",
    "Articles by",
    "About the author",
    "can be reached at",
    "media inquiries",
    "fair use",
    "The original source of this article",
    "publications@globalresearch.ca",
]


def test_no_boilerplate_sentence_in_any_article_text(seeds_graph: Store) -> None:
    texts = rows(seeds_graph, "SELECT ?id ?t WHERE { ?a schema:identifier ?id ; nif:isString ?t }")
    assert len(texts) == 5
    for article_id, text in texts:
        for phrase in BOILERPLATE:
            assert phrase.lower() not in text.lower(), (article_id, phrase)
        assert "](" not in text and "**" not in text


def test_every_span_cuts_out_exactly_its_anchor(seeds_graph: Store) -> None:
    spans = rows(
        seeds_graph,
        """SELECT ?b ?e ?t ?s WHERE {
        ?x nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?t ; nif:referenceContext ?a .
        ?a nif:isString ?s }""",
    )
    assert len(spans) > 100
    for begin, end, anchor, text in spans:
        assert text[int(begin) : int(end)] == anchor


def test_building_again_changes_nothing(seeds_store, settings, tmp_path) -> None:
    from dataclasses import replace

    from kg.pipeline import build
    from kg.store import iter_quads, open_store
    from tests.conftest import SEEDS

    again = tmp_path / "store"
    build([SEEDS], replace(settings, store=again))
    build([SEEDS], replace(settings, store=again))

    def article_quads(path) -> set[str]:
        quads = iter_quads(open_store(path, read_only=True))
        return {str(q) for q in quads if "/article/" in str(q.graph_name)}

    first, second = article_quads(seeds_store), article_quads(again)
    assert len(first) > 1000
    assert first == second
