"""Records → quads in the article's own named graph (the graph contract).

Terms are built with pyoxigraph directly: a build maps hundreds of thousands of
triples, and going through rdflib objects would cost more than the NLP.

Shape (see ``ontology/newskg.ttl`` for the terms):

- the article is a ``schema:NewsArticle`` and the ``nif:Context`` its spans point into;
- every mention is a span (``nif:Phrase``) with ``itsrdf:taIdentRef`` to its entity,
  and the entity ``nkg:mentionedIn`` the article;
- events and count claims carry ``nkg:evidence`` spans (``nif:Phrase`` for the words
  that state them, ``nif:Sentence`` for the sentence), ``prov:wasAttributedTo`` the
  innermost source, and one ``prov:qualifiedAttribution`` per hop of the chain
  (``nkg:hop 0`` the claimant, 1… the relays outward, ``nkg:evidence`` the cue words);
- an unnamed source ("a military source") is an ``nkg:UnnamedSource`` node of the
  article (``<article>/source/<kind>``: one per article and kind), with its
  ``nkg:sourceKind`` and every wording the article uses as ``rdfs:label``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, serialize

from kg.rdf import terms
from kg.rdf.iris import Iris
from kg.rdf.terms import PREFIXES
from kg.records import (
    UNNAMED_PREFIX,
    Analysis,
    Attribution,
    CountClaim,
    EntityKind,
    EntityRef,
    Event,
    Precision,
    Span,
    TimeStamp,
)

RDF_TYPE = NamedNode(PREFIXES["rdf"] + "type")
XSD = PREFIXES["xsd"]
PROV = PREFIXES["prov"]
SKOS = PREFIXES["skos"]
RDFS_LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")


class _Terms:
    """A namespace's terms as pyoxigraph nodes, each checked by rdflib and built once.

    (Looking a term up in an rdflib ``DefinedNamespace`` costs more than the quad.)
    """

    def __init__(self, namespace: object) -> None:
        self._namespace = namespace
        self._nodes: dict[str, NamedNode] = {}

    def __getitem__(self, name: str) -> NamedNode:
        node = self._nodes.get(name)
        if node is None:
            node = self._nodes[name] = NamedNode(str(self._namespace[name]))  # type: ignore[index]
        return node

    def __getattr__(self, name: str) -> NamedNode:
        if name.startswith("_"):
            raise AttributeError(name)
        node = self[name]
        setattr(self, name, node)
        return node


NKG, NIF, SCHEMA, SEM, ITSRDF = (
    _Terms(namespace) for namespace in (terms.NKG, terms.NIF, terms.SCHEMA, terms.SEM, terms.ITSRDF)
)
_NODES: dict[str, NamedNode] = {}  # other vocabulary terms, built once


def _n(term: str | NamedNode) -> NamedNode:
    if isinstance(term, NamedNode):
        return term
    node = _NODES.get(term)
    if node is None:
        node = _NODES[term] = NamedNode(term)
    return node


def _typed(value: object, datatype: str) -> Literal:
    return Literal(str(value), datatype=NamedNode(XSD + datatype))


def _date(value: date) -> Literal:
    return _typed(value.isoformat(), "date")


def _bounds(stamp: TimeStamp) -> tuple[date, date]:
    """First and last day of the month or year an imprecise date names."""
    year, month = stamp.value.year, stamp.value.month
    if stamp.precision is Precision.YEAR:
        return date(year, 1, 1), date(year, 12, 31)
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return date(year, month, 1), date.fromordinal(following.toordinal() - 1)


def _event_time(e: NamedNode, stamp: TimeStamp) -> Iterator[tuple]:
    """A day as ``sem:hasTimeStamp`` (an ``xsd:date``, as the contract says); "in March 2016"
    or "in 2015" as SEM's bounds, the first and last day of the month or year."""
    if stamp.precision is Precision.DAY:
        yield e, _n(SEM.hasTimeStamp), _date(stamp.value)
    else:
        earliest, latest = _bounds(stamp)
        yield e, _n(SEM.hasEarliestBeginTimeStamp), _date(earliest)
        yield e, _n(SEM.hasLatestEndTimeStamp), _date(latest)
    yield e, _n(NKG.datePrecision), Literal(stamp.precision.value)


def _timestamp(stamp: TimeStamp) -> Literal:
    if stamp.precision is Precision.YEAR:
        return _typed(f"{stamp.value.year:04d}", "gYear")
    if stamp.precision is Precision.MONTH:
        return _typed(f"{stamp.value.year:04d}-{stamp.value.month:02d}", "gYearMonth")
    return _date(stamp.value)


def _count(value: int | float) -> Literal:
    if isinstance(value, int) or float(value).is_integer():
        return _typed(int(value), "integer")
    return _typed(repr(float(value)), "decimal")


class ArticleMapper:
    """Maps one Analysis to the quads of its article's named graph."""

    def __init__(self, iris: Iris) -> None:
        self.iris = iris

    def quads(self, analysis: Analysis) -> list[Quad]:
        """All quads for the article, in its graph (named by the article IRI)."""
        article_iri = self.iris.article(analysis.article.id)
        graph = NamedNode(article_iri)
        return list(dict.fromkeys(Quad(s, p, o, graph) for s, p, o in self.triples(analysis)))

    def triples(self, analysis: Analysis) -> Iterator[tuple[NamedNode, NamedNode, object]]:
        article = analysis.article
        a = NamedNode(self.iris.article(article.id))
        self._spans_seen: set[tuple[str, str]] = set()
        described: dict[str, EntityRef] = {}
        unnamed: dict[str, list[str]] = {}

        def entity(ref: EntityRef) -> NamedNode:
            """The entity's node; a new entity is described with every kind the article
            uses it as ("Zahra" an organisation in one sentence, the place of an attack
            in another); an unnamed source is the article's one node of its kind."""
            if EntityKind.UNNAMED_SOURCE in ref.kinds:
                kind = ref.key.removeprefix(UNNAMED_PREFIX)
                words = unnamed.setdefault(kind, [])
                if ref.label not in words:
                    words.append(ref.label)
                return NamedNode(f"{a.value}/source/{kind}")
            seen = described.setdefault(ref.key, ref)
            if seen is not ref and not set(ref.kinds) <= set(seen.kinds):
                kinds = (*seen.kinds, *(kind for kind in ref.kinds if kind not in seen.kinds))
                described[ref.key] = replace(seen, kinds=kinds)
            return NamedNode(self.iris.entity(ref.key))

        yield a, RDF_TYPE, _n(SCHEMA.NewsArticle)
        yield a, RDF_TYPE, _n(NIF.Context)
        yield a, _n(SCHEMA.identifier), Literal(article.id)
        if article.headline:
            yield a, _n(SCHEMA.headline), Literal(article.headline)
        if article.date_published:
            yield a, _n(SCHEMA.datePublished), _date(article.date_published)
        yield a, _n(NIF.isString), Literal(article.text)
        if article.origin:
            yield a, _n(NKG.sourceFile), Literal(article.origin)
        for keyword in article.keywords:
            yield a, _n(SCHEMA.keywords), Literal(keyword)
        for author in analysis.authors:
            yield a, _n(SCHEMA.author), entity(author)
        for index, (source, outlet) in enumerate(
            zip(article.based_on, analysis.based_on, strict=False)
        ):
            original = NamedNode(f"{a.value}/original/{index}")
            yield a, _n(SCHEMA.isBasedOn), original
            yield original, RDF_TYPE, _n(SCHEMA.CreativeWork)
            yield original, _n(SCHEMA.publisher), entity(outlet)
            if source.date:
                yield original, _n(SCHEMA.datePublished), _date(source.date)
        for source in analysis.cites:
            yield a, _n(NKG.cites), entity(source)
        if analysis.focus is not None:
            yield a, _n(SCHEMA.contentLocation), entity(analysis.focus)

        for mention in analysis.mentions:
            e = entity(mention.entity)
            yield e, _n(NKG.mentionedIn), a
            span = yield from self._span(a, article.id, mention.span)
            yield span, _n(ITSRDF.taIdentRef), e
            if not mention.entity.known and mention.span.text != mention.entity.label:
                yield e, _n(SKOS + "altLabel"), Literal(mention.span.text, language="en")

        event_iris = [
            NamedNode(self.iris.event(article.id, i)) for i in range(len(analysis.events))
        ]
        for event_iri, event in zip(event_iris, analysis.events, strict=True):
            yield from self._event(a, article.id, event_iri, event, entity)
        for index, claim in enumerate(analysis.claims):
            claim_iri = NamedNode(self.iris.claim(article.id, index))
            yield from self._claim(a, article.id, claim_iri, claim, event_iris, entity)

        for ref in described.values():
            yield from self._describe_new_entity(ref)
        for kind, words in unnamed.items():
            node = NamedNode(f"{a.value}/source/{kind}")
            yield node, RDF_TYPE, _n(NKG.UnnamedSource)
            yield node, _n(NKG.sourceKind), Literal(kind)
            for label in words:
                yield node, RDFS_LABEL, Literal(label, language="en")

    def _span(self, a: NamedNode, article_id: str, span: Span) -> Iterator[tuple]:
        """Triples of one evidence span; returns its node."""
        node = NamedNode(self.iris.span(article_id, span.start, span.end))
        kind = NIF.Sentence if span.kind == "sentence" else NIF.Phrase
        if (node.value, kind) not in self._spans_seen:
            self._spans_seen.add((node.value, kind))
            yield node, RDF_TYPE, _n(kind)
            yield node, _n(NIF.beginIndex), _typed(span.start, "nonNegativeInteger")
            yield node, _n(NIF.endIndex), _typed(span.end, "nonNegativeInteger")
            yield node, _n(NIF.anchorOf), Literal(span.text)
            yield node, _n(NIF.referenceContext), a
        return node

    def _attribution(
        self, a: NamedNode, article_id: str, owner: NamedNode, attribution: Attribution, entity
    ) -> Iterator[tuple]:
        hops: list[EntityRef | None] = [attribution.claimant, *attribution.chain]
        if attribution.claimant is not None:
            yield owner, _n(PROV + "wasAttributedTo"), entity(attribution.claimant)
        for hop, agent in enumerate(hops):
            node = NamedNode(self.iris.attribution(owner.value, hop))
            yield owner, _n(PROV + "qualifiedAttribution"), node
            yield node, RDF_TYPE, _n(PROV + "Attribution")
            yield node, _n(NKG.hop), _typed(hop, "integer")
            if agent is not None:
                yield node, _n(PROV + "agent"), entity(agent)
            if hop == 0 and attribution.unnamed:
                yield node, _n(NKG.unnamedSource), _typed("true", "boolean")
            if hop == 0 and attribution.cue is not None:
                cue = yield from self._span(a, article_id, attribution.cue)
                yield node, _n(NKG.evidence), cue

    def _event(
        self, a: NamedNode, article_id: str, e: NamedNode, event: Event, entity
    ) -> Iterator[tuple]:
        yield e, RDF_TYPE, _n(SEM.Event)
        yield e, RDF_TYPE, _n(NKG[event.kind.value])
        yield e, _n(NKG.reportedIn), a
        if event.main:
            yield a, _n(SCHEMA.about), e
        if event.actor:
            yield e, _n(SEM.hasActor), entity(event.actor)
        if event.target:
            yield e, _n(NKG.target), entity(event.target)
        if event.place:
            yield e, _n(SEM.hasPlace), entity(event.place)
        if event.side:
            yield e, _n(NKG.side), _n(NKG[event.side.value])
        for rule in event.inferred:
            yield e, _n(NKG.inferred), Literal(rule)
        for origin in event.origins:
            yield e, _n(NKG.origin), entity(origin)
        if event.when:
            yield from _event_time(e, event.when)
        if event.attribution:
            yield from self._attribution(a, article_id, e, event.attribution, entity)
        for span in event.evidence:
            node = yield from self._span(a, article_id, span)
            yield e, _n(NKG.evidence), node

    def _claim(
        self,
        a: NamedNode,
        article_id: str,
        c: NamedNode,
        claim: CountClaim,
        event_iris: list[NamedNode],
        entity,
    ) -> Iterator[tuple]:
        yield c, RDF_TYPE, _n(NKG.CountClaim)
        yield c, _n(NKG.count), _count(claim.count)
        yield c, _n(NKG.qualifier), _n(NKG[claim.qualifier.value])
        yield c, _n(NKG.countedThing), _n(NKG[claim.counted.value])
        yield c, _n(NKG.reportedIn), a
        if claim.outcome:
            yield c, _n(NKG.outcome), _n(NKG[claim.outcome.value])
        if claim.unit:
            yield c, _n(NKG.unit), _n(NKG[claim.unit.value])
        if claim.cumulative:
            yield c, _n(NKG.cumulative), _typed("true", "boolean")
        if claim.vague:
            yield c, _n(NKG.vague), _typed("true", "boolean")
        if claim.superseded:
            yield c, _n(NKG.superseded), _typed("true", "boolean")
        if claim.additional:
            yield c, _n(NKG.additional), _typed("true", "boolean")
        if claim.other_incident:
            yield c, _n(NKG.otherIncident), _typed("true", "boolean")
        if claim.when:
            yield c, _n(NKG.refersToTime), _timestamp(claim.when)
            yield c, _n(NKG.datePrecision), Literal(claim.when.precision.value)
        if claim.of:
            yield c, _n(NKG.of), entity(claim.of)
        if claim.event is not None and 0 <= claim.event < len(event_iris):
            yield c, _n(NKG.event), event_iris[claim.event]
        if claim.attribution:
            yield from self._attribution(a, article_id, c, claim.attribution, entity)
        for span in claim.evidence:
            node = yield from self._span(a, article_id, span)
            yield c, _n(NKG.evidence), node

    def _describe_new_entity(self, ref: EntityRef) -> Iterator[tuple]:
        """Type and label of an entity the gazetteer lacks (known ones live in its graph)."""
        if ref.known:
            return
        e = NamedNode(self.iris.entity(ref.key))
        for kind in ref.kinds:
            yield e, RDF_TYPE, _n(NKG[kind.value])
        yield e, _n(SKOS + "prefLabel"), Literal(ref.label, language="en")
        if ref.ner_label:
            yield e, _n(NKG.nerLabel), Literal(ref.ner_label)


def map_analyses(analyses: Iterable[Analysis], iris: Iris) -> dict[str, list[Quad]]:
    """Graph name → quads, for a batch of analysed articles."""
    mapper = ArticleMapper(iris)
    return {iris.article(item.article.id): mapper.quads(item) for item in analyses}


def article_nquads(analysis: Analysis, iris: Iris, content_hash: str) -> tuple[str, bytes, int]:
    """The article's graph IRI, the N-Quads of its graph and their count.

    The graph also states ``<article> nkg:contentHash content_hash`` (what it was
    built from), so a rebuild can skip it when nothing changed.
    """
    quads = ArticleMapper(iris).quads(analysis)
    graph = iris.article(analysis.article.id)
    node = NamedNode(graph)
    quads.append(Quad(node, _n(NKG.contentHash), Literal(content_hash), node))
    return graph, serialize(quads, format=RdfFormat.N_QUADS), len(quads)
