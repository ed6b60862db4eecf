"""Each question of queries/ on the seeds, checked against what the articles say."""

from __future__ import annotations

from pyoxigraph import Store

from kg.config import QUERIES_DIR
from kg.store import select_rows

ARTICLE = {
    "south-front": "000_f0a122183875b4c5",
    "lendman": "001_7cfe70ed759a6895",
    "offensive": "002_7093ba85be1c1dec",
    "ersoy": "003_f38031a81f860219",
    "rt": "004_4b5fa2676380bed8",
}


def question(store: Store, name: str) -> list[dict[str, str]]:
    names, rows = select_rows(store, (QUERIES_DIR / f"{name}.rq").read_text(encoding="utf-8"))
    return [dict(zip(names, row, strict=True)) for row in rows]


def of_article(
    rows: list[dict[str, str]], key: str, column: str = "article"
) -> list[dict[str, str]]:
    return [row for row in rows if row[column].endswith(ARTICLE[key])]


def has(rows: list[dict[str, str]], **expected: str) -> bool:
    return any(
        all(want.lower() in row[col].lower() for col, want in expected.items()) for row in rows
    )


def test_every_question_ships_as_a_titled_query() -> None:
    files = sorted(QUERIES_DIR.glob("*.rq"))
    assert len(files) == 8
    for path in files:
        assert path.read_text(encoding="utf-8").startswith("# title: ")


def test_fighter_counts_name_the_articles_that_give_one(seeds_graph: Store) -> None:
    rows = question(seeds_graph, "fighter-counts")
    articles = {row["article"].rsplit("/", 1)[-1] for row in rows}
    # Seed 002 mentions car bombs and fighting vehicles but gives no number of fighters.
    assert articles == {ARTICLE[k] for k in ("south-front", "lendman", "ersoy", "rt")}
    for row in rows:
        assert row["words"] and row["sentence"] and row["words"] in row["sentence"]


def test_fighter_counts_carry_number_qualifier_and_claimant(seeds_graph: Store) -> None:
    rows = question(seeds_graph, "fighter-counts")
    # "According to the Russian defence ministry, ... the killing of more than 300 ISIS fighters."
    assert has(
        of_article(rows, "south-front"),
        count="300",
        qualifier="MoreThan",
        outcome="Killed",
        source="Ministry of Defence",
        words="more than 300 ISIS fighters",
    )
    # "Reports suggest that the operation was conducted by 4000 ISIS fighters.": an unnamed
    # source, named by its own word.
    assert has(of_article(rows, "south-front"), count="4000", qualifier="Exact", source="reports")
    # "On Sunday, RT International reported ... around 4,000 (US-supported) fighters."
    assert has(of_article(rows, "lendman"), count="4000", qualifier="Approximately", source="RT")
    # "According to Syrian MoD, the total number of fighters exceeded 4,000"
    assert has(
        of_article(rows, "ersoy"), count="4000", qualifier="MoreThan", source="Syrian Ministry"
    )
    # "Over 4,000 Islamic State ... terrorists ..., the Russian Center for Reconciliation in Syria says."
    assert has(of_article(rows, "rt"), count="4000", qualifier="MoreThan", source="Reconciliation")
    # "... killing up to 300 jihadists, the Russian Defense Ministry said."
    assert has(
        of_article(rows, "rt"),
        count="300",
        qualifier="AtMost",
        outcome="Killed",
        source="Ministry of Defence",
        words="up to 300 jihadists",
    )


def test_palmyra_capture_claims_and_dates(seeds_graph: Store) -> None:
    rows = question(seeds_graph, "palmyra-captured")
    # "On December 11, the terrorists pushed the government troops and took control over central Palmyra."
    assert has(of_article(rows, "ersoy"), date="2016-12-11")
    # "Palmyra was seized by IS in 2015" / "ISIS seized Palmyra last year" (published 2016).
    assert has(of_article(rows, "rt"), date="2015", precision="year", captor="Islamic State")
    assert has(of_article(rows, "lendman"), date="2015", precision="year", captor="Islamic State")
    # "in March this year Syrian government forces ... managed to liberate the city"
    assert has(of_article(rows, "rt"), date="2016-03", precision="month")
    # Amaq claims the capture (relayed by AMN News in 001, by RT in 004).
    assert has(rows, claimant="Amaq")


def test_disagreements_show_over_and_up_to_300_fighters_killed(seeds_graph: Store) -> None:
    rows = question(seeds_graph, "disagreements")
    # 000 (South Front): "more than 300"; 004 (RT): "up to 300"; both quote the Russian MoD.
    assert any(
        row["thing"] == "Fighters"
        and row["outcome"] == "Killed"
        and {row["qualifier1"], row["qualifier2"]} == {"MoreThan", "AtMost"}
        and row["count1"] == row["count2"] == "300"
        for row in rows
    )


def test_timeline_is_ordered_and_dates_the_repelled_attack(seeds_graph: Store) -> None:
    rows = question(seeds_graph, "timeline")
    dates = [row["date"] for row in rows]
    assert dates == sorted(dates)
    # "overnight Saturday" in articles of 11 and 12 December 2016 is 10 December.
    assert has(of_article(rows, "rt"), date="2016-12-10", type="Attack")
    assert has(of_article(rows, "lendman"), date="2016-12-10", type="Attack")
    # "On December 8 ISIS terrorists launched multiple offensives against Syrian government forces"
    assert has(
        of_article(rows, "offensive"), date="2016-12-08", type="Attack", actor="Islamic State"
    )


def test_who_cites_whom(seeds_graph: Store) -> None:
    rows = question(seeds_graph, "who-cites-whom")
    for key, cited in [
        ("south-front", ["Russian Ministry of Defence", "Stephen Lendman"]),
        ("lendman", ["TASS", "RT", "Amaq", "Al-Masdar"]),
        ("ersoy", ["Syrian Ministry of Defence", "Barazi"]),
        (
            "rt",
            [
                "Reconciliation",
                "Russian Ministry of Defence",
                "Associated Press",
                "Amaq",
                "Palmyra Coordination",
                "Lavrov",
            ],
        ),
    ]:
        for source in cited:
            assert has(of_article(rows, key), cited=source), (key, source)
    assert of_article(rows, "offensive") == []  # 002 attributes nothing to anyone


def test_troop_movements_come_from_mosul_raqqa_and_deir_ezzor(seeds_graph: Store) -> None:
    rows = question(seeds_graph, "troop-origins")
    origins = {row["origin"] for row in rows}
    assert {"Mosul", "Raqqa", "Deir ez-Zor"} <= origins
    # "IS has dispatched a considerable force to Palmyra from the area of Raqqa"
    assert has(rows, origin="Raqqa", destination="Palmyra")


def test_places_named_by_several_articles_have_points(seeds_graph: Store) -> None:
    rows = question(seeds_graph, "places-map")
    by_name = {row["name"]: row for row in rows}
    assert {"Palmyra", "Raqqa", "Mosul", "Deir ez-Zor", "Aleppo"} <= set(by_name)
    assert by_name["Palmyra"]["articles"] == "5"
    assert all(row["wkt"].startswith("POINT(") and int(row["articles"]) > 1 for row in rows)


def test_everything_about_an_entity_by_any_name(seeds_graph: Store) -> None:
    rows = question(seeds_graph, "entity")  # the file asks for "daesh"
    assert len({row["entity"] for row in rows}) == 1
    facets: dict[str, set[str]] = {}
    for row in rows:
        facets.setdefault(row["facet"], set()).add(row["value"])
    assert {"ISIS", "ISIL", "IS"} <= facets["alias"]
    assert facets["wikidata"] == {"http://www.wikidata.org/entity/Q2429253"}
    assert len(facets["mentioned in"]) == 5
    assert "Actor" in facets["type"]
    assert any("300" in claim for claim in facets["claim"])


def test_fighter_counts_name_an_unnamed_source_by_its_words() -> None:
    """ "A military source said 200 militants were killed": the source's own words, not the
    author or "the article itself"."""
    store = Store()
    store.update(
        """PREFIX nkg: <https://w3id.org/newskg/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX schema: <https://schema.org/>
        PREFIX id: <https://w3id.org/newskg/id/>
        INSERT DATA { GRAPH id:article\\/a {
          id:article\\/a schema:identifier "a" .
          id:article\\/a\\/source\\/military a nkg:UnnamedSource ; nkg:sourceKind "military" ;
            rdfs:label "a military source" .
          id:claim\\/a\\/0 a nkg:CountClaim ; nkg:countedThing nkg:Fighters ; nkg:count 200 ;
            nkg:qualifier nkg:Exact ; nkg:outcome nkg:Killed ; nkg:reportedIn id:article\\/a ;
            prov:wasAttributedTo id:article\\/a\\/source\\/military } }"""
    )
    rows = question(store, "fighter-counts")
    assert [(row["count"], row["source"]) for row in rows] == [("200", "a military source")]
