"""Speaker phrases: the noun phrase a speech verb's subject or "according to"'s object
spans, and whether a subject can speak at all.

* ``noun_phrase`` — the head's noun phrase, trimmed at punctuation and clauses; where
  commas were lost, a count glued to the speaker is cut off ("… wounded at least 50 a
  monitoring group said" → "a monitoring group");
* ``not_a_source`` — counts, counted nouns, dates and event phrases never speak;
* ``noun_before`` — the subject a parse missed, right before the verb ("… on Thursday
  reports said", "… in Syria the Syrian Observatory says");
* ``said_in`` — the "in a statement" phrase after a speech verb ("… the WHO said in a
  statement.").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.nlp.lexicon import ANAPHORIC_SPEAKERS, REPORT_NOUNS
from kg.nlp.sources import DESCRIPTION_HEADS, UNNAMED_HEADS

# Where a speaker said it: "said in a statement", "in an updated toll".
SAID_IN_NOUNS = frozenset(
    {"statement", "report", "toll", "interview", "message", "communique", "briefing", "tweet"}
)
# Subjects that never speak: events and counted things ("the attack said" is a misparse).
NOT_SOURCE_NOUNS = frozenset(
    {"attack", "attacks", "strike", "strikes", "airstrike", "airstrikes", "raid", "raids",
     "bombing", "bombings", "explosion", "blast", "shelling", "bomb", "shell", "shells",
     "civilian", "civilians", "people", "person", "others", "child", "children", "woman",
     "women", "fighter", "fighters", "rebel", "rebels", "soldier", "soldiers", "toll",
     "death", "deaths", "victim", "victims", "casualty", "casualties", "body", "bodies",
     "claim", "claims", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
     "sunday", "today", "yesterday"}
)  # fmt: skip
# Event nouns: a subject phrase holding one is an event ("the latest in a spate of blasts").
EVENT_NOUNS = frozenset(
    {"attack", "strike", "airstrike", "raid", "bombing", "explosion", "blast", "shelling",
     "offensive", "assault", "massacre", "ambush", "clash", "bombardment"}
)  # fmt: skip
# Newspapers named by how often they appear ("the Al-Watan daily").
PERIODICALS = frozenset({"daily", "weekly"})
LEADING_NOISE = frozenset({",", ":", "-", "–", "—", "(", ")", "[", "]", '"', "“", "”", "'"})


def not_a_source(subject: Token) -> bool:
    """A subject that cannot speak: a count or a counted noun ("six civilians", "50
    others"), an event noun ("the attack"), a date ("Monday")."""
    if subject.lower_ in PERIODICALS and any(c.pos_ == "PROPN" for c in subject.children):
        return False  # "the pro-government Al-Watan daily said": a newspaper, not a date
    if (
        subject.pos_ == "NUM"
        or subject.like_num
        or subject.ent_type_ in {"CARDINAL", "DATE", "TIME", "QUANTITY", "MONEY", "PERCENT"}
    ):
        return True
    numbers = [c for c in subject.children if c.dep_ == "nummod" or c.like_num]
    dets = [c for c in subject.children if c.dep_ == "det" and c.i < subject.i]
    if numbers and not (dets and all(n.i < dets[0].i for n in numbers)):
        return True  # "six civilians", not "… at least 50 a monitoring group"
    lemma = subject.lemma_.lower()
    if subject.pos_ == "PROPN" or subject.ent_type_ in {"ORG", "PERSON"}:
        return False
    if lemma in NOT_SOURCE_NOUNS or subject.lower_ in NOT_SOURCE_NOUNS:
        return True
    # "the latest in a spate of blasts … state television said": an event phrase
    return not sourcey(subject) and any(
        t.lemma_.lower() in EVENT_NOUNS for t in subject.subtree if t.i != subject.i
    )


def noun_before(sentence: Span, verb: Token) -> Token | None:
    """A subject the parse missed: the noun right before the verb ("the world media reported")."""
    doc = sentence.doc
    at = verb.i - 1
    while at > sentence.start and doc[at].lower_ in {"has", "have", "had", "also"}:
        at -= 1  # "… the Qatar Red Crescent Society (QRCS) has announced"
    if at > sentence.start and doc[at].text == ")":
        opening = next((t.i for t in reversed(doc[sentence.start : at]) if t.text == "("), None)
        at = opening - 1 if opening is not None and opening > at - 5 else at
    if at < sentence.start:
        return None
    token = doc[at]
    if token.ent_type_ in {"ORG", "PERSON"} and token.ent_iob_ in {"B", "I"}:
        ent = next((e for e in doc.ents if e.start <= token.i < e.end), None)
        if ent is not None and ent.end == at + 1:  # "… in Syria the Syrian Observatory says"
            return ent.root
    if at != verb.i - 1:
        return None
    token = first_joined_speaker(token)  # "… a monitor and rebels said"
    if token.pos_ in {"NOUN", "PROPN"} and (token.dep_ not in {"pobj", "dobj"} or sourcey(token)):
        return token  # "… on Thursday reports said"
    if _closing_name(sentence, token, verb):
        return token  # "… rescue workers in Al-Atareb Fahd said."
    return None


def first_joined_speaker(token: Token) -> Token:
    """ "a monitor and rebels said", "the monitor and a civil defence official said": of
    sources joined, the first one named speaks (the reference guide's reading). This is
    the token a speech verb's lost subject is read from; once a frame has its speaker
    phrase, ``kg.extract.source_names.first_source`` reads the same rule on the phrase."""
    while token.dep_ == "conj" and token.head.i < token.i and sourcey(token.head):
        token = token.head
    return token


def _closing_name(sentence: Span, token: Token, verb: Token) -> bool:
    """A name right before a speech verb that ends the sentence: where commas were lost
    the parse takes the speaker for the object of the preceding words."""
    rest = sentence.doc[verb.i + 1 : sentence.end]
    return (
        token.pos_ == "PROPN"
        and token.ent_type_ not in {"GPE", "LOC", "FAC", "DATE", "TIME", "NORP"}
        and all(t.is_punct or t.is_space for t in rest)
    )


def sourcey(token: Token) -> bool:
    """A noun that names or describes a source: "reports", "activists", "the monitor"."""
    lemma = token.lemma_.lower()
    return (
        token.ent_type_ in {"ORG", "PERSON"}
        or lemma in UNNAMED_HEADS
        or token.lower_ in UNNAMED_HEADS
        or lemma in DESCRIPTION_HEADS
    )


def author_of_report(subject: Token) -> Token:
    """ "the statement by the Russian military", "news … by AMN News": the author."""
    if subject.pos_ == "PROPN" or subject.lemma_.lower() not in REPORT_NOUNS | {"news"}:
        return subject
    for prep in subject.children:
        if prep.dep_ == "prep" and prep.lower_ in {"by", "from"}:
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return subject


def communicates(subject: Token) -> bool:
    """Whether a subject can be a source: a name, a report, an official, a pronoun."""
    return (
        subject.pos_ == "PROPN"
        or subject.ent_type_ in {"ORG", "PERSON", "NORP", "GPE"}
        or subject.lower_ in REPORT_NOUNS
        or subject.lemma_.lower() in REPORT_NOUNS
        or subject.lower_ in ANAPHORIC_SPEAKERS
        or subject.lemma_.lower() in ANAPHORIC_SPEAKERS
        or sourcey(subject)
        or any(c.dep_ == "appos" and c.ent_type_ in {"ORG", "PERSON"} for c in subject.children)
    )  # "… the UK-based opposition Syrian Observatory for Human Rights claimed"


def named(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ in {"ORG", "PERSON"}


def appositive(token: Token) -> Token:
    """ "its media affiliate, Amaq agency" → the appositive name when the head is common."""
    if token.pos_ != "PROPN":
        for child in token.children:
            if child.dep_ == "appos":
                return child
    return token


def known_as(token: Token) -> Token:
    """ "the civil defence known as the White Helmets said", "an activist group known as
    the Local Coordination Committees said": a description the sentence names goes by its
    name."""
    if token.pos_ == "PROPN":
        return token
    for child in token.rights:
        if child.dep_ == "acl" and child.lower_ == "known":
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ == "as":
                    names = [c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
                    if names:
                        return names[0]
    return token


def noun_phrase(head: Token, stop_after: int) -> tuple[int, int]:
    """The head's noun phrase: its left part and right modifiers, trimmed at punctuation,
    clauses and the speech verb itself."""
    start = head.left_edge.i
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "appos" and child.left_edge.i == end:
            end = child.right_edge.i + 1
            continue
        if child.dep_ in {"relcl", "acl", "advcl", "punct", "cc", "conj", "appos"}:
            break
        if child.dep_ in {"prep", "compound", "amod", "nummod", "case", "poss", "npadvmod"}:
            end = max(end, child.right_edge.i + 1)
    doc = head.doc
    end = min(end, stop_after)
    tokens = [t for t in doc[start:end]]
    # cut at the first comma/colon/quote after the head's left edge
    for token in tokens:
        if token.i > head.i and token.text in {",", ":", ";", "(", '"', "“", "”"}:
            end = token.i
            break
    for token in reversed(tokens):
        if token.i < head.i and ("\n" in token.text or token.text in {":", "*", "#"}):
            start = token.i + 1
            break
    while end < stop_after and doc[end - 1].ent_iob_ in {"B", "I"} and doc[end].ent_iob_ == "I":
        end += 1
    while start > 0 and doc[start].ent_iob_ == "I" and doc[start].ent_type_ in {"ORG", "PERSON"}:
        start -= 1  # "the Syrian Observatory for Human Rights monitor": the whole name
    start = after_glued_count(doc, start, head)
    while start < end and (doc[start].text in LEADING_NOISE or doc[start].is_space):
        start += 1
    while start < head.i and (
        doc[start].pos_ == "ADV" or (doc[start].ent_type_ in {"DATE", "TIME"} and start < end - 1)
    ):  # "Earlier the source said", "On Sunday Associated Press said"
        start += 1
    while end > start + 1 and (doc[end - 1].text in LEADING_NOISE or doc[end - 1].is_space):
        end -= 1
    if start >= end:
        return (head.i, head.i + 1)
    return (start, end)


def after_glued_count(doc: Doc, start: int, head: Token) -> int:
    """ "… wounded at least 50 a monitoring group said", "two women SANA news agency
    reported": where commas were lost, the count before a speaker is glued to it; the
    speaker starts at the determiner or the name after the last number."""
    numbers = [t.i for t in doc[start : head.i] if t.like_num]
    if not numbers:
        return start
    for token in doc[numbers[-1] + 1 : head.i + 1]:
        if token.dep_ == "det" or (
            token.ent_iob_ == "B" and token.ent_type_ in {"ORG", "PERSON", "NORP"}
        ):
            return token.i
    return start


def lexical_phrase(sentence: Span, start: int) -> tuple[int, int] | None:
    """A noun phrase read without the parse: determiners, adjectives, nouns, 'of'/'for'."""
    doc = sentence.doc
    end = start
    while end < sentence.end and end - start < 8:
        token = doc[end]
        if token.pos_ in {"DET", "ADJ", "PROPN", "NOUN", "NUM"} or (
            token.lower_ in {"of", "for", "-", "&"} and end > start
        ):
            end += 1
        else:
            break
    while end > start and doc[end - 1].lower_ in {"of", "for", "-", "&"}:
        end -= 1
    return (start, end) if end > start else None


def said_in(verb: Token) -> set[int]:
    """ "… the WHO said in a statement.", "… HRW said in a report issued in December.",
    "… the civil defence said in a revised toll of casualties.": the tokens of the "in
    a statement" phrase that names where the speaker said it."""
    found: set[int] = set()
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "in":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and objects[0].lemma_.lower() in SAID_IN_NOUNS:
                found.update(t.i for t in child.subtree)
    return found
