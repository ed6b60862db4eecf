"""Who a speaker phrase is: an unnamed source of some kind, a description of a named
source, or someone speaking for an organisation.

* ``unnamed_kind`` — "a military source", "local activists", "medical sources",
  "residents", "informed sources", "a security official", "state media", "reports":
  a source the text does not name, and its kind (military, medical, activist, local,
  official, media).  A phrase holding a name ("SANA", "the Pentagon") is never unnamed;
  a nationality or a place ("Syrian state TV", "activists in Idlib") does not name one.
* ``description_head`` — "the Britain-based monitor", "the monitoring group", "the war
  monitor", "the Observatory", "the agency", "the ministry": a description that stands
  for a source the article names (``kg.extract.attribution`` resolves it).
* ``MEMBER_NOUNS`` — "a spokesman for the ministry", "a source at Aleppo Police Command",
  "an AFP photographer": someone speaking for the organisation the phrase names.

All words are lowercase lemmas or forms; nothing here is keyed to one article.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.nlp.gazetteer import load_gazetteer

# Kinds of unnamed sources, as the attribution reference and the graph name them.
MILITARY, MEDICAL, ACTIVIST, LOCAL, OFFICIAL, MEDIA = (
    "military", "medical", "activist", "local", "official", "media"
)  # fmt: skip
SOURCE_KINDS = (MILITARY, MEDICAL, ACTIVIST, LOCAL, OFFICIAL, MEDIA)

# Head nouns of unnamed sources → the kind they give when no modifier says otherwise.
UNNAMED_HEADS: dict[str, str] = {
    **dict.fromkeys(["source", "sources"], LOCAL),
    **dict.fromkeys(
        ["activist", "activists", "opposition", "campaigner", "opponents", "opponent",
         "groups"],
        ACTIVIST),
    **dict.fromkeys(
        ["resident", "residents", "witness", "witnesses", "local", "locals", "villager",
         "villagers", "eyewitness", "eyewitnesses", "inhabitant", "inhabitants"], LOCAL),
    **dict.fromkeys(
        ["doctor", "doctors", "medic", "medics", "paramedic", "paramedics", "nurse",
         "rescuer", "rescuers", "hospital", "physician"], MEDICAL),
    **dict.fromkeys(
        ["official", "officials", "diplomat", "diplomats", "authorities", "authority",
         "governor"], OFFICIAL),
    **dict.fromkeys(["commander", "commanders", "officer", "officers"], MILITARY),
    **dict.fromkeys(
        ["report", "reports", "media", "news", "television", "tv", "footage", "rumour",
         "rumor", "rumours", "rumors", "accounts", "press", "outlets", "channels",
         "websites"], MEDIA),
    # analysts and experts with no named source (the guide's media kind)
    **dict.fromkeys(["analyst", "analysts", "expert", "experts"], MEDIA),
}  # fmt: skip
# Heads whose kind their modifiers set ("a military source", "health officials"); any
# other head gives its own kind ("local activists": activist, "local media": media).
GENERIC_HEADS = frozenset({"source", "sources", "official", "officials", "authorities", "groups"})
# Heads of people at work that are an unnamed source only with a modifier setting the
# kind: "rescue workers", "civil defence emergency workers", "medical staff"; plain
# "workers" or "aid workers" say nothing of the kind.
KIND_SET_HEADS = frozenset({"worker", "workers", "volunteer", "volunteers", "staff", "personnel"})
# Nationalities: "Syrian state TV" is no name, even when the NER makes it one.
NATIONALITIES = frozenset(
    {"syrian", "russian", "turkish", "iranian", "iraqi", "lebanese", "american", "british",
     "french", "israeli", "kurdish", "jordanian", "saudi", "qatari", "arab", "egyptian",
     "us", "u.s.", "german", "chinese"}
)  # fmt: skip
# Modifiers that set the kind: "a military source", "medical sources", "opposition sources".
KIND_MODIFIERS: dict[str, str] = {
    **dict.fromkeys(
        ["military", "security", "army", "field", "battlefield", "intelligence", "army's",
         "police", "militia", "militias", "forces", "troops"], MILITARY),
    **dict.fromkeys(
        ["medical", "health", "hospital", "defence", "defense", "rescue", "medic"],
        MEDICAL),  # "civil defence sources": medical; "civil sources" (civilians): local
    **dict.fromkeys(["opposition", "rebel", "activist", "activists", "rights"], ACTIVIST),
    **dict.fromkeys(["local", "informed", "tribal", "ground", "eyewitness"], LOCAL),
    **dict.fromkeys(["government", "diplomatic", "official", "governmental"], OFFICIAL),
    **dict.fromkeys(["state", "media", "news", "pro-government", "press"], MEDIA),
}  # fmt: skip
# Which modifier wins when a phrase has several ("local media sources": media).
KIND_ORDER = (MEDIA, MILITARY, MEDICAL, OFFICIAL, ACTIVIST, LOCAL)

# Descriptions that stand for a named source: head word → the words one of the
# source's labels must hold (any), or the kind it must have ("Outlet", "StateBody", …).
DESCRIPTION_HEADS: dict[str, tuple[str, ...]] = {
    "monitor": ("observatory", "monitor", "human rights", "documentation"),
    "observatory": ("observatory",),
    "watchdog": ("observatory", "human rights", "watch"),
    "group": ("observatory", "human rights", "Organization"),
    "ngo": ("observatory", "human rights", "Organization"),
    "organisation": ("Organization",),
    "charity": ("red crescent", "relief", "aid", "Organization"),
    "organization": ("Organization",),
    "agency": ("agency", "Outlet"),
    "channel": ("tv", "television", "channel", "al-manar", "al-ikhbariya"),
    "television": ("tv", "television"),
    "broadcaster": ("tv", "television", "Outlet"),
    "outlet": ("Outlet",),
    "newspaper": ("Outlet",),
    "website": ("Outlet",),
    "ministry": ("ministry",),
    "command": ("command",),
    "center": ("center", "centre"),
    "centre": ("center", "centre"),
    "coalition": ("coalition",),
    "network": ("network",),
    "office": ("office",),
    "army": ("army", "armed forces", "military"),
    "military": ("army", "armed forces", "military"),
}
# Someone speaking for the organisation the phrase names ("a Pentagon spokesman",
# "a source at Aleppo Police Command", "AFP's correspondent").
MEMBER_NOUNS = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "source", "sources", "official",
     "officials", "reporter", "correspondent", "photographer", "journalist", "member",
     "representative", "statement", "spokesmen", "envoy", "workers", "volunteers"}
)  # fmt: skip
# A body's own words: "a February report by the Syrian Center for Policy Research".
WORK_NOUNS = frozenset(
    {"report", "reports", "statement", "statements", "footage", "video", "data", "figures"}
)
# Other nouns of people or bodies that speak: "a military representative", "the rescue service".
SPEAKER_NOUNS = frozenset(
    {
        "representative",
        "spokesperson",
        "service",
        "arm",
        "unit",
        "office",
        "command",
        "authorities",
        "team",
        "committee",
        "council",
    }
)
# People heading or speaking for an organisation, named: "its director Rami Abdel Rahman".
ROLE_NOUNS = frozenset(
    {"director", "head", "chief", "founder", "spokesman", "spokeswoman", "spokesperson",
     "chairman", "president", "leader", "commander", "official", "minister", "manager",
     "coordinator", "member", "secretary", "secretary-general", "general", "deputy"}
)  # fmt: skip
NAMED_ENT_TYPES = frozenset({"ORG", "PERSON", "FAC", "PRODUCT", "WORK_OF_ART"})


def head_of(span: Span) -> Token:
    """The phrase's syntactic head: the first token whose head lies outside it."""
    heads = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head == t]
    return heads[0] if heads else span[-1]


def names_someone(span: Span) -> bool:
    """Whether the phrase names its source (not by a nationality or a place): "SANA
    sources", "a source at Aleppo Police Command"; a name after a head that speaks
    for no one does not ("opponents of President Bashar al-Assad")."""
    head = head_of(span)
    speaks_for = head.lower_ in MEMBER_NOUNS | WORK_NOUNS or head.lemma_.lower() in MEMBER_NOUNS
    return any(
        (t.pos_ == "PROPN" and t.ent_type_ not in {"GPE", "LOC", "NORP", "DATE"})
        or t.ent_type_ in NAMED_ENT_TYPES
        for t in span
        if t.lower_ not in KIND_MODIFIERS
        and t.lower_ not in UNNAMED_HEADS
        and t.lower_ not in NATIONALITIES
        and (t.i <= head.i or speaks_for or not _in_prep_of(t, head))
    )


def _in_prep_of(token: Token, head: Token) -> bool:
    """Whether the token hangs on the head through a preposition ("opponents *of* Assad"),
    not as its name ("governor Talal al-Barazi")."""
    while token.i != head.i and token.head.i != token.i:
        if token.dep_ == "prep":
            return True
        token = token.head
    return False


def known_name(span: Span) -> bool:
    """ "Doctors Without Borders said …": a phrase headed by a source noun ("doctors")
    that is, whole and capitalised past its first word, a name the gazetteer knows (not
    a place) names its source; a named group is never unnamed."""
    words = [t for t in span if not (t.is_space or t.is_punct)]
    while words and words[0].lower_ in {"the", "a", "an"}:
        words.pop(0)
    if len(words) < 2 or not any(t.is_title for t in words[1:]):
        return False
    entry = load_gazetteer().lookup(" ".join(t.text for t in words))
    return entry is not None and not entry.is_place


def after_count(span: Span) -> Span:
    """The source's own words after a count and its noun the parse joined to them:
    "including 11 children state media reported" → "state media" (not "two military
    sources", which counts the sources)."""
    doc, head = span.doc, head_of(span)
    start = span.start
    for token in doc[max(0, span.start - 1) : head.i]:
        if token.like_num and token.head.i != head.i and token.i < token.head.i < head.i:
            start = max(start, token.head.i + 1)
    return doc[start : span.end]


def unnamed_kind(span: Span) -> str | None:
    """The kind of an unnamed source ("a military source" → military), else None."""
    head = head_of(span)
    word, lemma = head.lower_, head.lemma_.lower()
    base = UNNAMED_HEADS.get(word) or UNNAMED_HEADS.get(lemma)
    at_work = (
        word in KIND_SET_HEADS
        and head.pos_ == "NOUN"
        and not any(t.ent_type_ == "ORG" for t in span)  # "Syrian Civil Defence workers"
    )  # "rescue workers"
    if (base is None and not at_work) or head.pos_ in {"VERB", "AUX", "ADJ", "ADV"}:
        return None  # "reported" is no "report"
    if names_someone(span) or known_name(span):
        return None
    if word not in GENERIC_HEADS and lemma not in GENERIC_HEADS and not at_work:
        return base  # "local activists": activists; "local media": media
    modifiers = {t.lower_ for t in span if t.i != head.i} | {
        t.lemma_.lower() for t in span if t.i != head.i
    }
    found = [KIND_MODIFIERS[m] for m in modifiers if m in KIND_MODIFIERS]
    if base == OFFICIAL:  # "Local officials said", "local authorities": officials, not locals
        found = [kind for kind in found if kind != LOCAL]
    for kind in KIND_ORDER:
        if kind in found:
            return kind
    return base


def description_head(span: Span) -> str | None:
    """The head word of a description that stands for a named source ("the monitoring
    group" → group, "the Britain-based monitor" → monitor), else None."""
    head = head_of(span)
    word = head.lemma_.lower() if head.lemma_ else head.lower_
    if word not in DESCRIPTION_HEADS and head.lower_ in DESCRIPTION_HEADS:
        word = head.lower_
    if word not in DESCRIPTION_HEADS:
        return None
    if word in {"group", "organisation", "organization", "network"} and any(
        t.lemma_.lower() in {"monitor", "observatory"} or t.lower_ in {"monitoring", "based"}
        for t in span
    ):  # "the monitoring group", "a human rights monitoring network", "the UK-based group"
        word = "monitor"
    if any(
        t.pos_ == "PROPN"
        and t.ent_type_ not in {"GPE", "LOC", "NORP"}
        and t.i != head.i
        and t.lower_ not in DESCRIPTION_HEADS
        for t in span
    ):
        return None  # "the Syrian Observatory for Human Rights" is a name
    return word


def description_kind(span: Span) -> str | None:
    """The kind of a nameless description of someone speaking: "a military spokesperson"
    → military, "the civil defence" → medical, "a government representative" → official;
    None when it names no speaker ("the death tolls", "graphic video")."""
    head = head_of(span)
    words = {t.lower_ for t in span} | {t.lemma_.lower() for t in span}
    found = [KIND_MODIFIERS[w] for w in words if w in KIND_MODIFIERS]
    speaker = words & (MEMBER_NOUNS | ROLE_NOUNS | SPEAKER_NOUNS)
    if not speaker and head.lower_ not in {"defence", "defense"}:
        return None
    for kind in KIND_ORDER:
        if kind in found and kind not in {LOCAL, ACTIVIST}:
            return kind  # "the local council" is an official body, not a local source
    return OFFICIAL
