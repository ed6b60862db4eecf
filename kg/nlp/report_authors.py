"""Whose toll or statement "according to" names: its author, not the paper.

* "according to an Observatory toll", "according to the Observatory's toll", "according
  to a Turkish General Staff statement": the name before the report noun;
* "according to a statement released Saturday by the Syrian Revolution General
  Commission", "according to figures from the health ministry": the "by"/"from" name.

A report with no author in the phrase ("according to a new toll", "according to the
statement", "according to a report from Aleppo": a place, not an author) stays as it
is: the scope rules resolve it.
"""

from __future__ import annotations

from spacy.tokens import Token

# Nouns of a report or a count that someone issues.
TALLY_NOUNS = frozenset(
    {"toll", "tally", "count", "figure", "figures", "statement", "report", "estimate",
     "estimates", "data", "statistics", "documentation", "bulletin", "communique", "release"}
)  # fmt: skip
# A name that is a place or a people, not an author: "a US intelligence report".
NOT_AUTHORS = frozenset({"GPE", "NORP", "LOC", "DATE", "TIME", "CARDINAL", "ORDINAL"})


def _by_or_from(token: Token) -> Token | None:
    """ "by the Syrian Revolution General Commission", "from the health ministry": who
    issued it; not where it came from ("a report from Aleppo")."""
    for prep in token.children:
        if prep.dep_ in {"prep", "agent"} and prep.lower_ in {"by", "from"}:
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if objects and objects[0].ent_type_ not in NOT_AUTHORS:
                return objects[0]
    return None


def report_author(noun: Token) -> Token:
    """The head of the author of the report ``noun`` heads, else ``noun`` itself."""
    if noun.lemma_.lower() not in TALLY_NOUNS and noun.lower_ not in TALLY_NOUNS:
        return noun
    author = _by_or_from(noun)
    for clause in noun.children:
        if author is None and clause.dep_ == "acl":  # "a statement released Saturday by X"
            author = _by_or_from(clause)
    if author is not None:
        return author
    names = [
        c
        for c in noun.children
        if c.dep_ in {"compound", "poss", "nmod"}
        and c.i < noun.i
        and (c.pos_ == "PROPN" or c.ent_type_ in {"ORG", "PERSON"})
        and c.ent_type_ not in NOT_AUTHORS
    ]
    return names[-1] if names else noun
