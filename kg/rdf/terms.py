"""The ontology's terms as rdflib ``DefinedNamespace`` classes, so a typo fails at import.

``NKG`` must stay in step with ``ontology/newskg.ttl`` (a test checks both ways).
"""

from __future__ import annotations

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class NKG(DefinedNamespace):
    """newskg's own small ontology."""

    _NS = Namespace("https://w3id.org/newskg/ontology#")
    _fail = True

    # classes: entities
    Actor: URIRef
    Person: URIRef
    Organization: URIRef
    ArmedGroup: URIRef
    StateBody: URIRef
    Outlet: URIRef
    Place: URIRef
    Settlement: URIRef
    Region: URIRef
    Country: URIRef
    Site: URIRef
    UnnamedSource: URIRef
    # classes: claims and events
    CountClaim: URIRef
    Attack: URIRef
    Capture: URIRef
    Withdrawal: URIRef
    Airstrike: URIRef
    Shelling: URIRef
    Bombing: URIRef
    ChemicalAttack: URIRef
    Shooting: URIRef
    Execution: URIRef
    Evacuation: URIRef
    TroopMovement: URIRef
    # individuals: qualifiers
    Qualifier: URIRef
    Exact: URIRef
    Approximately: URIRef
    MoreThan: URIRef
    AtLeast: URIRef
    AtMost: URIRef
    LessThan: URIRef
    # individuals: counted things
    CountedThing: URIRef
    Fighters: URIRef
    Soldiers: URIRef
    Civilians: URIRef
    People: URIRef
    Children: URIRef
    Women: URIRef
    Residents: URIRef
    Refugees: URIRef
    Airstrikes: URIRef
    Attacks: URIRef
    Vehicles: URIRef
    Tanks: URIRef
    Weapons: URIRef
    Buildings: URIRef
    Positions: URIRef
    # individuals: outcomes
    Outcome: URIRef
    Killed: URIRef
    Wounded: URIRef
    Captured: URIRef
    Transferred: URIRef
    Evacuated: URIRef
    Destroyed: URIRef
    Displaced: URIRef
    Missing: URIRef
    Arrested: URIRef
    Involved: URIRef
    # individuals: sides
    Side: URIRef
    SideGovernment: URIRef
    SideOpposition: URIRef
    SideIslamicState: URIRef
    SideNusraHTS: URIRef
    SideKurdishLed: URIRef
    SideCoalition: URIRef
    SideTurkey: URIRef
    SideIsrael: URIRef
    # individuals: units
    Unit: URIRef
    Percent: URIRef
    # properties
    mentionedIn: URIRef
    cites: URIRef
    reportedIn: URIRef
    evidence: URIRef
    count: URIRef
    qualifier: URIRef
    countedThing: URIRef
    outcome: URIRef
    unit: URIRef
    of: URIRef
    event: URIRef
    target: URIRef
    origin: URIRef
    hop: URIRef
    side: URIRef
    inferred: URIRef
    unnamedSource: URIRef
    sourceKind: URIRef
    cumulative: URIRef
    vague: URIRef
    superseded: URIRef
    additional: URIRef
    otherIncident: URIRef
    refersToTime: URIRef
    datePrecision: URIRef
    sourceFile: URIRef
    contentHash: URIRef
    nerLabel: URIRef


SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
GEO = Namespace("http://www.opengis.net/ont/geosparql#")
WD = Namespace("http://www.wikidata.org/entity/")
SCHEMA = Namespace("https://schema.org/")

PREFIXES: dict[str, str] = {
    "nkg": str(NKG._NS),
    "schema": str(SCHEMA),
    "sem": str(SEM),
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "geo": str(GEO),
    "nif": str(NIF),
    "itsrdf": str(ITSRDF),
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "wd": str(WD),
}
