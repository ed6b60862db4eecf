"""Records → quads, on hand-built records (no spaCy)."""

from __future__ import annotations

from datetime import date

import pytest
from pyoxigraph import Store

from kg.rdf.iris import Iris
from kg.rdf.mapping import map_analyses
from kg.records import (
    Analysis,
    Article,
    Attribution,
    CountClaim,
    Counted,
    EntityKind,
    EntityRef,
    Event,
    EventKind,
    Mention,
    Outcome,
    Precision,
    Qualifier,
    Side,
    SourceRef,
    Span,
    TimeStamp,
)

BASE = "https://example.org/kg/"
TEXT = "Clashes in Palmyra.\n\nThe ministry said more than 300 fighters were killed on Saturday."
PREFIXES = """
PREFIX nkg: <https://w3id.org/newskg/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
"""


def span(text: str, kind: str = "phrase", occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(text, start + 1)
    return Span(start, start + len(text), text, kind)


PALMYRA = EntityRef("palmyra", "Palmyra", (EntityKind.PLACE,), known=True)
MINISTRY = EntityRef("the-ministry", "the ministry", (EntityKind.ACTOR,), ner_label="ORG")
OUTLET = EntityRef("some-outlet", "Some Outlet", (EntityKind.ACTOR, EntityKind.OUTLET))


@pytest.fixture()
def store() -> Store:
    article = Article(
        id="a 1",
        text=TEXT,
        headline="Clashes in Palmyra.",
        date_published=date(2016, 12, 11),
        authors=("Some Outlet",),
        based_on=(SourceRef("Some Outlet", date(2016, 12, 10)),),
        keywords=("SYRIA",),
    )
    said = Attribution(MINISTRY, chain=(OUTLET,), cue=span("The ministry said", "cue"))
    event = Event(
        EventKind.ATTACK,
        evidence=(span("Clashes in Palmyra"),),
        place=PALMYRA,
        when=TimeStamp(date(2016, 12, 10), Precision.DAY),
        main=True,
    )
    claim = CountClaim(
        300,
        Qualifier.MORE_THAN,
        Counted.FIGHTERS,
        evidence=(span("more than 300 fighters were killed"), span(TEXT[21:], "sentence")),
        outcome=Outcome.KILLED,
        event=0,
        attribution=said,
    )
    analysis = Analysis(
        article,
        mentions=(
            Mention(PALMYRA, span("Palmyra", "mention")),
            Mention(PALMYRA, span("Palmyra", "mention", 0)),
        ),
        events=(event,),
        claims=(claim,),
        cites=(MINISTRY,),
        authors=(OUTLET,),
        based_on=(OUTLET,),
    )
    graphs = map_analyses([analysis], Iris(BASE))
    result = Store()
    for quads in graphs.values():
        result.extend(quads)
    return result


def ask(store: Store, query: str) -> bool:
    return bool(store.query(PREFIXES + query, use_default_graph_as_union=True))


def test_article_lives_in_its_own_named_graph(store: Store) -> None:
    graphs = {g.value for g in store.named_graphs()}
    assert graphs == {f"{BASE}article/a%201"}
    assert ask(
        store,
        f"""ASK {{ GRAPH <{BASE}article/a%201> {{
        ?a a schema:NewsArticle ; schema:identifier "a 1" ; schema:headline "Clashes in Palmyra." ;
           schema:datePublished "2016-12-11"^^<http://www.w3.org/2001/XMLSchema#date> ;
           schema:author ?o ; nkg:cites ?m ; schema:about ?e ; schema:keywords "SYRIA" ;
           schema:isBasedOn [ schema:publisher ?o ;
                              schema:datePublished "2016-12-10"^^<http://www.w3.org/2001/XMLSchema#date> ] .
    }} }}""",
    )


def test_claim_carries_count_qualifier_source_and_chain(store: Store) -> None:
    assert ask(
        store,
        """ASK {
        ?c a nkg:CountClaim ; nkg:count 300 ; nkg:qualifier nkg:MoreThan ; nkg:countedThing nkg:Fighters ;
           nkg:outcome nkg:Killed ; nkg:event ?e ; nkg:reportedIn ?a ; prov:wasAttributedTo ?m .
        ?m skos:prefLabel "the ministry"@en .
        ?c prov:qualifiedAttribution [ nkg:hop 0 ; prov:agent ?m ; nkg:evidence ?cue ] ,
                                     [ nkg:hop 1 ; prov:agent ?o ] .
        ?cue nif:anchorOf "The ministry said" .
        ?o skos:prefLabel "Some Outlet"@en .
        ?e a sem:Event, nkg:Attack ; sem:hasTimeStamp "2016-12-10"^^<http://www.w3.org/2001/XMLSchema#date> .
    }""",
    )


def test_every_span_anchor_is_the_text_between_its_offsets(store: Store) -> None:
    rows = list(
        store.query(
            PREFIXES
            + """SELECT ?b ?e ?t ?s WHERE {
        ?x nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?t ; nif:referenceContext ?a .
        ?a nif:isString ?s }""",
            use_default_graph_as_union=True,
        )
    )
    assert len(rows) >= 5
    for row in rows:
        assert row["s"].value[int(row["b"].value) : int(row["e"].value)] == row["t"].value


def test_known_entities_get_no_label_in_article_graph_new_ones_do(store: Store) -> None:
    assert not ask(store, f"ASK {{ <{BASE}entity/palmyra> skos:prefLabel ?l }}")
    assert ask(
        store,
        f"""ASK {{ <{BASE}entity/palmyra> nkg:mentionedIn ?a .
        ?span itsrdf:taIdentRef <{BASE}entity/palmyra> ; nif:anchorOf "Palmyra" }}""",
    )
    assert ask(store, f'ASK {{ <{BASE}entity/the-ministry> a nkg:Actor ; nkg:nerLabel "ORG" }}')


def test_period_totals_are_marked_cumulative() -> None:
    article = Article(id="x", text="The war has killed 400,000.", headline="")
    claim = CountClaim(
        400000,
        Qualifier.EXACT,
        Counted.PEOPLE,
        evidence=(Span(19, 26, "400,000"),),
        outcome=Outcome.KILLED,
        cumulative=True,
    )
    quads = next(iter(map_analyses([Analysis(article, claims=(claim,))], Iris(BASE)).values()))
    flags = [str(q.object) for q in quads if q.predicate.value.endswith("#cumulative")]
    assert flags == ['"true"^^<http://www.w3.org/2001/XMLSchema#boolean>']


def test_mapping_is_deterministic() -> None:
    article = Article(id="x", text="Aleppo.", headline="Aleppo.")
    mention = Mention(EntityRef("aleppo", "Aleppo", known=True), Span(0, 6, "Aleppo", "mention"))
    first = map_analyses([Analysis(article, mentions=(mention,))], Iris(BASE))
    second = map_analyses([Analysis(article, mentions=(mention,))], Iris(BASE))
    assert first == second


XSD_DATE = "^^<http://www.w3.org/2001/XMLSchema#date>"


@pytest.mark.parametrize(
    ("precision", "day", "earliest", "latest"),
    [
        (Precision.DAY, "2016-02-05", None, None),
        (Precision.MONTH, None, "2016-02-01", "2016-02-29"),  # a leap year's February
        (Precision.YEAR, None, "2016-01-01", "2016-12-31"),
    ],
)
def test_dates_keep_the_precision_the_text_gives(
    precision: Precision, day: str | None, earliest: str | None, latest: str | None
) -> None:
    """A day is sem:hasTimeStamp (xsd:date only); a month or a year is SEM's bounds."""
    article = Article(id="x", text="Attack.", headline="Attack.")
    event = Event(
        EventKind.ATTACK,
        evidence=(Span(0, 6, "Attack", "phrase"),),
        when=TimeStamp(date(2016, 2, 5), precision),
    )
    quads = next(iter(map_analyses([Analysis(article, events=(event,))], Iris(BASE)).values()))

    def values(name: str) -> list[str]:
        return [str(q.object) for q in quads if q.predicate.value.endswith(name)]

    assert values("hasTimeStamp") == ([f'"{day}"{XSD_DATE}'] if day else [])
    assert values("hasEarliestBeginTimeStamp") == ([f'"{earliest}"{XSD_DATE}'] if earliest else [])
    assert values("hasLatestEndTimeStamp") == ([f'"{latest}"{XSD_DATE}'] if latest else [])
    assert values("datePrecision") == [f'"{precision.value}"']


def test_vague_counts_their_dates_and_the_articles_place() -> None:
    article = Article(id="x", text="In May dozens were killed in Aleppo.", headline="")
    claim = CountClaim(24, Qualifier.APPROXIMATELY, Counted.PEOPLE, evidence=(Span(7, 13, "dozens"),),
                       outcome=Outcome.KILLED, vague=True, superseded=True, additional=True, other_incident=True,
                       when=TimeStamp(date(2016, 5, 1), Precision.MONTH))  # fmt: skip
    aleppo = EntityRef("aleppo", "Aleppo", (EntityKind.PLACE, EntityKind.SETTLEMENT), known=True)
    analysis = Analysis(article, claims=(claim,), focus=aleppo)
    store = Store()
    for quad in next(iter(map_analyses([analysis], Iris(BASE)).values())):
        store.add(quad)
    assert ask(
        store,
        f"""ASK {{ ?c nkg:vague true ; nkg:superseded true ; nkg:additional true ;
        nkg:otherIncident true ;
        nkg:datePrecision "month" ;
        nkg:refersToTime "2016-05"^^<http://www.w3.org/2001/XMLSchema#gYearMonth> .
        <{BASE}article/x> schema:contentLocation <{BASE}entity/aleppo> }}""",
    )


def test_unnamed_sources_are_one_node_per_article_and_kind() -> None:
    """ "A military source said …", "military sources said …": one ``nkg:UnnamedSource`` of
    the article, kind military, labelled with both wordings; its hop says unnamed."""
    text = "A military source said 15 militants died. Military sources said 20 fled."
    article = Article(id="u", text=text)

    def claim(words: str, source_words: str, count: int) -> CountClaim:
        at = text.index(words)
        phrase = Span(at, at + len(words), words)
        ref = EntityRef("unnamed-military", source_words, (EntityKind.UNNAMED_SOURCE,))
        return CountClaim(count, Qualifier.EXACT, Counted.FIGHTERS, (phrase,),
                          attribution=Attribution(claimant=ref, unnamed=True))  # fmt: skip

    analysis = Analysis(
        article=article,
        claims=(claim("15 militants", "A military source", 15),
                claim("20", "Military sources", 20)),
    )  # fmt: skip
    graph = Store()
    graph.extend(map_analyses([analysis], Iris(BASE))["https://example.org/kg/article/u"])
    rows = list(graph.query(PREFIXES + """
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT DISTINCT ?who ?kind ?label ?unnamed WHERE {
          ?c a nkg:CountClaim ; prov:wasAttributedTo ?who ;
             prov:qualifiedAttribution [ nkg:hop 0 ; prov:agent ?who ; nkg:unnamedSource ?unnamed ] .
          ?who a nkg:UnnamedSource ; nkg:sourceKind ?kind ; rdfs:label ?label .
          FILTER NOT EXISTS { ?who a nkg:Actor }
        }""", use_default_graph_as_union=True))  # fmt: skip
    assert {r["who"].value for r in rows} == {"https://example.org/kg/article/u/source/military"}
    assert {r["kind"].value for r in rows} == {"military"}
    assert {r["label"].value for r in rows} == {"A military source", "Military sources"}
    assert {r["unnamed"].value for r in rows} == {"true"}


def test_an_events_side_and_the_rules_that_inferred_it() -> None:
    article = Article(id="x", text="Air raid kills 19.", headline="Air raid kills 19.")
    read = Event(EventKind.SHELLING, evidence=(Span(0, 8, "Air raid", "phrase"),),
                 side=Side.OPPOSITION)  # fmt: skip
    inferred = Event(EventKind.AIRSTRIKE, evidence=(Span(0, 8, "Air raid", "phrase"),),
                     side=Side.GOVERNMENT, inferred=("side:unnamed-air-strike",))  # fmt: skip
    store = Store()
    for graph, quads in map_analyses(
        [Analysis(article, events=(read, inferred))], Iris(BASE)
    ).items():
        store.extend(quads)
        assert graph
    rows = store.query(
        PREFIXES
        + "SELECT ?side ?rule WHERE { ?e nkg:side ?side OPTIONAL { ?e nkg:inferred ?rule } }",
        use_default_graph_as_union=True,
    )
    found = {(row["side"].value.split("#")[1], row["rule"] and row["rule"].value) for row in rows}
    assert found == {("SideOpposition", None), ("SideGovernment", "side:unnamed-air-strike")}


def test_a_new_entity_has_every_kind_the_article_uses_it_as() -> None:
    """ "Zahra" read as an organisation, then as the place of an attack: a place too."""
    text = "Zahra said troops attacked Zahra."
    article = Article(id="z", text=text, headline="")
    as_group = EntityRef("zahra", "Zahra", (EntityKind.ACTOR, EntityKind.ORGANIZATION))
    as_place = EntityRef("zahra", "Zahra", (EntityKind.PLACE,), ner_label="GPE")
    event = Event(EventKind.ATTACK, evidence=(Span(12, 32, "troops attacked Zahra"),),
                  place=as_place)  # fmt: skip
    mention = Mention(as_group, Span(0, 5, "Zahra", "mention"))
    quads = next(iter(map_analyses(
        [Analysis(article, mentions=(mention,), events=(event,))], Iris(BASE)).values()))  # fmt: skip
    kinds = {q.object.value.rsplit("#", 1)[-1] for q in quads
             if q.subject.value == f"{BASE}entity/zahra" and q.predicate.value.endswith("#type")}  # fmt: skip
    assert kinds == {"Actor", "Organization", "Place"}
