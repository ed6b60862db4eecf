"""A pronoun speaker whose antecedent is the subject of its own sentence.

"The United Nations on Tuesday called for an urgent ceasefire in the city of Aleppo
where it said 2 million people lacked access to clean water", "The ministry denounced
the raids, which it said killed 12": a pronoun speaking in a clause that "where",
"which", "as" … opens under another verb (through the nouns between) points back at
that verb's subject, named before it in the same sentence, before any speaker of an
earlier sentence (``kg.nlp.attribution._resolve_anaphor`` asks ``clause_subject``
first).  "… fought Assad's forces it said" is a closing cue, not such a clause.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.nlp.speakers import noun_phrase

# Entity types a non-personal pronoun ("it") may point back at.
BODY_TYPES = frozenset({"ORG", "GPE", "NORP"})
# Words that open the clause a pronoun speaks in ("… where it said", "… which it said").
CLAUSE_OPENERS = frozenset({"where", "which", "as", "when", "after", "while", "whom"})
# How many heads up the pronoun looks for the verb whose subject it names.
MAX_HOPS = 8


def clause_subject(doc: Doc, pronoun: Token) -> tuple[int, int] | None:
    """The noun phrase of the subject ``pronoun`` ("it", "he", "she") points back at,
    in its own sentence, else None."""
    word = pronoun.lower_
    if word not in {"it", "he", "she"} or pronoun.dep_ != "nsubj" or pronoun.i == 0:
        return None
    if doc[pronoun.i - 1].lower_ not in CLAUSE_OPENERS:
        return None  # "… fought Assad's forces it said": the cue closes the report
    verb = pronoun.head
    sentence_start = pronoun.sent.start
    if verb.dep_ == "ROOT":
        return None  # the pronoun's verb heads the sentence: it points further back
    for _ in range(MAX_HOPS):
        if verb.head.i == verb.i:
            return None
        verb = verb.head
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        subjects = [
            c
            for c in verb.children
            if c.dep_ == "nsubj" and sentence_start <= c.i < pronoun.i and c.pos_ == "PROPN"
        ]
        if subjects:
            subject = subjects[0]
            kinds = {t.ent_type_ for t in subject.subtree if t.ent_type_}
            fits = "PERSON" in kinds if word in {"he", "she"} else bool(kinds & BODY_TYPES)
            return noun_phrase(subject, stop_after=verb.i) if fits else None
    return None
