"""Who passes a report on: the relays and carriers a speech verb's sentence names.

* ``citing`` / ``cited`` — "SANA reported, citing a military source", "citing a
  statement from X" (X), "citing a source in the YPG"; "citing figures" names no one;
* ``quoted_by`` — "X was quoted as saying by Interfax";
* ``carried_by`` — "said in a statement carried by SANA", "In a statement to SANA, …",
  "said in a phone call with SANA";
* ``reporter`` — "told the correspondent" (the outlet named before);
* ``subject_after`` — "… were injured said the source" (the speaker after the verb);
* ``claims_a_deed`` — "said it was behind the bombing": a deed claimed, no report;
* ``name_first`` — "According to SANA news agency terrorists fired …" (a lost comma).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.nlp.gazetteer import load_gazetteer
from kg.nlp.lexicon import RELAY_VERBS
from kg.nlp.speakers import author_of_report, lexical_phrase, named, noun_phrase, sourcey
from kg.records import EntityKind

NAMING_DEPS = frozenset({"poss", "compound", "nmod", "amod"})
# "in a statement carried by SANA": the words a speaker gives, and the verbs that pass them on.
CARRIED_NOUNS = frozenset({"statement", "interview", "remarks", "comments", "report", "message"})
# "said in a phone call with SANA", "in an interview with Al Arabiya": words spoken with an
# outlet went to it (an outlet only: "an interview with Assad" is Assad speaking, "a phone
# call with UN envoy Staffan de Mistura" a talk with a body that passes nothing on).
CALL_NOUNS = frozenset({"interview", "call", "conversation"})
CARRYING_VERBS = frozenset({"carry", "publish", "broadcast", "air", "run", "post", "quote"})
# What a speaker shows rather than says ("a video shows", "posted footage showing").
VISUAL_NOUNS = frozenset(
    {"video", "footage", "photo", "photograph", "image", "picture", "film", "clip", "recording"}
)
# "said it was behind / responsible for …": a deed claimed.
DEED_WORDS = frozenset({"behind", "responsible"})
# What "citing" may name that is no source of its own ("citing figures compiled …").
CITED_WORKS = frozenset(
    {
        "figure",
        "figures",
        "data",
        "statistics",
        "number",
        "numbers",
        "estimate",
        "estimates",
        "document",
        "documents",
        "record",
    }
)


def name_first(sentence: Span, phrase: tuple[int, int]) -> tuple[int, int]:
    """ "According to SANA news agency terrorists fired …": where the comma was lost the
    parse glues the report's subject to the source; the source is the name at the start
    (with its "news agency"), when the phrase's head is no source."""
    doc = sentence.doc
    start, end = phrase
    first = doc[start]
    if first.lower_ == "the" and start + 1 < end:
        first = doc[start + 1]
    if first.ent_type_ not in {"ORG", "PERSON"} or first.ent_iob_ != "B":
        return phrase
    stop = first.i + 1
    while stop < end and doc[stop].ent_iob_ == "I":
        stop += 1
    while stop < end and doc[stop].lower_ in {"news", "agency", "tv", "television", "channel"}:
        stop += 1
    head = doc[end - 1]
    if stop < end and not sourcey(head) and head.pos_ in {"NOUN", "PROPN"}:
        return (start, stop)
    return phrase


def citing(sentence: Span, after: int) -> tuple[int, int] | None:
    """ "X, citing Y": the Y right after a speaker."""
    doc = sentence.doc
    for i in range(after, min(after + 3, sentence.end)):
        token = doc[i]
        if token.lemma_.lower() in RELAY_VERBS and token.tag_ == "VBG":
            return cited(sentence, token)
    return None


def cited(sentence: Span, citing: Token) -> tuple[int, int] | None:
    """Whom "citing"/"quoting" names: "citing a source in the YPG" (the parse may hang
    "in the YPG" on the verb), "citing a statement from the Revolution Commission" (the
    statement's author); "citing figures compiled from clinics" names no one (None)."""
    objects = [c for c in citing.children if c.dep_ in {"dobj", "pobj"}]
    if not objects:
        return lexical_phrase(sentence, citing.i + 1)
    cited = objects[0]
    author = author_of_report(cited)
    if author is not cited:
        return noun_phrase(author, stop_after=sentence.end)
    if cited.lemma_.lower() in CITED_WORKS:
        return None
    return with_body(citing, noun_phrase(cited, stop_after=sentence.end))


def with_body(verb: Token, phrase: tuple[int, int]) -> tuple[int, int]:
    """ "citing a source in the YPG", "quoted a source at Aleppo Police Command as
    saying": the parse may hang the body on the verb; it belongs to the source."""
    start, end = phrase
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.i == end and prep.lower_ in {"in", "at", "from", "with"}:
            body = [c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
            if body and body[0].ent_type_ not in {"GPE", "LOC"}:
                end = noun_phrase(body[0], stop_after=len(verb.doc))[1]
    return (start, end)


def reporter(token: Token) -> bool:
    """ "the correspondent", "the reporter": an outlet's reporter named before."""
    return token.lower_ in {"correspondent", "reporter"} and any(
        c.dep_ in {"det", "poss"} for c in token.children
    )


def carried_by(verb: Token) -> tuple[int, int] | None:
    """ "The army said in a statement carried by SANA …", "In a statement published by
    NTV, the army said …", "In a statement to SANA, a source … said": the outlet carrying
    the speaker's words relays them."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"in", "through", "via"}:
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj" or noun.lemma_.lower() not in CARRIED_NOUNS | CALL_NOUNS:
                continue
            outlet = name_after_to(noun)
            if outlet is not None:  # read without the parse: it may take "to SANA" for a verb
                return outlet
            for acl in noun.children:
                if acl.dep_ != "acl" or acl.lemma_.lower() not in CARRYING_VERBS:
                    continue
                for agent in acl.children:
                    by = [c for c in agent.children if c.dep_ == "pobj"]
                    if agent.dep_ in {"agent", "prep"} and agent.lower_ == "by" and by:
                        return noun_phrase(by[0], stop_after=len(verb.doc))
    return None


def quoted_by(verb: Token) -> list[Token]:
    """ "X was quoted as saying by Interfax": the "by" the parse hangs on "saying"."""
    if verb.lemma_.lower() not in RELAY_VERBS or verb.tag_ != "VBN":
        return []
    return [
        obj
        for as_ in verb.children
        if as_.dep_ == "prep" and as_.lower_ == "as"
        for saying in as_.children
        for by in saying.children
        if by.dep_ in {"prep", "agent"} and by.lower_ == "by"
        for obj in by.children
        if obj.dep_ == "pobj"
    ]


def claims_a_deed(verb: Token) -> bool:
    """ "X said it was behind the bombing", "… that it was responsible for the attack": a
    claim of responsibility, not a report of the counts in the deed."""
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.lemma_.lower() != "be":
            continue
        if any(c.lower_ in DEED_WORDS and c.dep_ in {"prep", "acomp", "attr"}
               for c in clause.children):  # fmt: skip
            return True
    return False


def name_after_to(noun: Token) -> tuple[int, int] | None:
    """ "a statement to SANA", "a statement to Reuters", "a phone call with SANA": the name
    right after "to" (or after "with", for a call or an interview, a known outlet)."""
    doc = noun.doc
    at = noun.i + 2
    if at >= len(doc) or doc[at].ent_iob_ != "B":
        return None
    word = doc[noun.i + 1].lower_
    if word == "with" and noun.lemma_.lower() in CALL_NOUNS:
        kinds = {"ORG"}
    elif word == "to":
        kinds = {"ORG", "PERSON"}
    else:
        return None
    if doc[at].ent_type_ not in kinds:
        return None
    end = at + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    if word == "with" and not _known_outlet(doc[at:end]):
        return None  # "in a phone call with UN envoy Staffan de Mistura"
    return (at, end)


def _known_outlet(name: Span) -> bool:
    """Whether the gazetteer knows the name as a news outlet ("SANA", "Al Arabiya")."""
    entry = load_gazetteer().lookup(name.text)
    return entry is not None and EntityKind.OUTLET in entry.kinds


def subject_after(sentence: Span, verb: Token) -> list[Token]:
    """ "… many others were injured said the source noting …": a speaker right after a
    speech verb that has no subject of its own (the parse hung it elsewhere)."""
    at = verb.i + 1
    doc = sentence.doc
    if at < sentence.end and doc[at].dep_ == "det":
        at += 1
    while at + 1 < sentence.end and doc[at].dep_ in {"amod", "compound"}:
        at += 1
    if at >= sentence.end or verb.tag_ not in {"VBD", "VBZ", "VBP"}:
        return []
    token = doc[at]
    if token.pos_ in {"NOUN", "PROPN"} and token.head != verb and sourcey(token):
        return [token]
    return []


def spoken_to(verb: Token) -> tuple[int, int] | None:
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in {"to", "with"}:
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if objects:
                return noun_phrase(objects[0], stop_after=len(verb.doc))
    return None


def citing_after_verb(sentence: Span, verb: Token) -> tuple[int, int] | None:
    """ "SANA reported on Sunday, citing a military source, …": a citing clause after the
    speech verb (the parse may hang it on the reported verb)."""
    for child in sentence.doc[verb.i + 1 : sentence.end]:
        if child.lemma_.lower() in RELAY_VERBS and child.tag_ == "VBG":
            return cited(sentence, child)
    return None


def split_speaking_to(
    doc: Doc, subject: Token, speaker: tuple[int, int]
) -> tuple[tuple[int, int], tuple[int, int] | None]:
    """ "military sources speaking to Al-Masdar News": speaker, relay."""
    for child in subject.children:
        if child.dep_ in {"acl", "relcl"} and child.lemma_.lower() in {"speak", "talk"}:
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in {"to", "with"}:
                    objects = [c for c in prep.children if c.dep_ == "pobj"]
                    if objects:
                        relay = noun_phrase(objects[0], stop_after=len(doc))
                        return (speaker[0], child.i), relay
    return speaker, None


def told_to(child: Token) -> bool:
    """Whether a child of "tell" is whom the words were told to, an outlet or its
    reporter: "told AFP", "told SANA's correspondent", "told the correspondent"; "told
    Sputnik Sunday", where the parse hangs the outlet on the day."""
    if child.dep_ == "npadvmod":
        return child.ent_type_ in {"DATE", "TIME"} and any(
            c.dep_ == "compound" and named(c) for c in child.children
        )
    return child.dep_ in {"dobj", "dative"} and (
        named(child)
        or any(named(c) for c in child.children if c.dep_ in NAMING_DEPS)
        or reporter(child)
    )
