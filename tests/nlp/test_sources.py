"""Speaker phrases on hand-built Docs (words, heads, deps, POS, entities), so a model
upgrade and a broken rule can be told apart: unnamed kinds, descriptions, the count
glued to a speaker, the speech verb that closes its sentence."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kg.nlp.attribution import _closes, _verb_scope
from kg.nlp.sources import description_head, unnamed_kind
from kg.nlp.speakers import noun_phrase

VOCAB = spacy.blank("en").vocab  # English lexical attributes: like_num, is_punct


def doc_of(
    words: list[str],
    heads: list[int],
    deps: list[str],
    pos: list[str],
    ents: list[str] | None = None,
    lemmas: list[str] | None = None,
) -> Doc:
    """A parsed Doc: ``heads`` are absolute token indices (the root is its own head)."""
    return Doc(
        VOCAB,
        words=words,
        heads=heads,
        deps=deps,
        pos=pos,
        ents=ents or ["O"] * len(words),
        lemmas=lemmas or [w.lower() for w in words],
        sent_starts=[True] + [False] * (len(words) - 1),
    )


@pytest.mark.parametrize(
    ("words", "heads", "deps", "pos", "ents", "expected"),
    [
        (["a", "military", "source"], [2, 2, 2], ["det", "amod", "ROOT"],
         ["DET", "ADJ", "NOUN"], None, "military"),
        (["medical", "sources"], [1, 1], ["amod", "ROOT"], ["ADJ", "NOUN"], None, "medical"),
        (["a", "security", "official"], [2, 2, 2], ["det", "compound", "ROOT"],
         ["DET", "NOUN", "NOUN"], None, "military"),
        (["informed", "sources"], [1, 1], ["amod", "ROOT"], ["ADJ", "NOUN"], None, "local"),
        # the head decides when it is not a generic "source"/"official"
        (["local", "activists"], [1, 1], ["amod", "ROOT"], ["ADJ", "NOUN"], None, "activist"),
        (["local", "media"], [1, 1], ["amod", "ROOT"], ["ADJ", "NOUN"], None, "media"),
        (["residents"], [0], ["ROOT"], ["NOUN"], None, "local"),
        # a nationality is no name
        (["Syrian", "state", "media"], [2, 2, 2], ["amod", "compound", "ROOT"],
         ["ADJ", "NOUN", "NOUN"], ["B-NORP", "O", "O"], "media"),
        # a nationality inside an entity the NER found is still no name
        (["Syrian", "State", "TV"], [2, 2, 2], ["compound", "compound", "ROOT"],
         ["PROPN", "PROPN", "PROPN"], ["B-ORG", "I-ORG", "I-ORG"], "media"),
        (["opposition", "groups"], [1, 1], ["compound", "ROOT"], ["NOUN", "NOUN"], None,
         "activist"),
        # a name makes a named source
        (["SANA", "sources"], [1, 1], ["compound", "ROOT"], ["PROPN", "NOUN"],
         ["B-ORG", "O"], None),
        # a verb is no "report"
        (["reported"], [0], ["ROOT"], ["VERB"], None, None),
    ],
)  # fmt: skip
def test_unnamed_kind(words, heads, deps, pos, ents, expected) -> None:
    doc = doc_of(words, heads, deps, pos, ents)
    assert unnamed_kind(doc[:]) == expected


@pytest.mark.parametrize(
    ("words", "heads", "deps", "pos", "expected"),
    [
        (["the", "Britain", "-", "based", "monitor"], [4, 3, 3, 4, 4],
         ["det", "npadvmod", "punct", "amod", "ROOT"],
         ["DET", "PROPN", "PUNCT", "VERB", "NOUN"], "monitor"),  # a place is no name
        (["the", "London", "monitor"], [2, 2, 2], ["det", "compound", "ROOT"],
         ["DET", "PROPN", "NOUN"], None),  # without its GPE label "London" reads as a name
        (["the", "monitoring", "group"], [2, 2, 2], ["det", "compound", "ROOT"],
         ["DET", "NOUN", "NOUN"], "monitor"),
        (["the", "agency"], [1, 1], ["det", "ROOT"], ["DET", "NOUN"], "agency"),
        (["the", "Syrian", "Observatory", "for", "Human", "Rights"], [2, 2, 2, 2, 5, 3],
         ["det", "amod", "ROOT", "prep", "compound", "pobj"],
         ["DET", "ADJ", "PROPN", "ADP", "PROPN", "PROPN"], None),
    ],
)  # fmt: skip
def test_description_head(words, heads, deps, pos, expected) -> None:
    ents = ["B-GPE" if w == "Britain" else "O" for w in words]
    assert description_head(doc_of(words, heads, deps, pos, ents)[:]) == expected


def test_a_count_glued_to_the_speaker_is_cut_off() -> None:
    """ "… and wounded at least 50 a monitoring group said": the parse hangs "50" on
    "group"; the speaker starts at "a"."""
    words = ["wounded", "at", "least", "50", "a", "monitoring", "group", "said"]
    doc = doc_of(
        words,
        heads=[7, 2, 3, 6, 6, 6, 7, 7],
        deps=["ccomp", "advmod", "advmod", "nummod", "det", "compound", "nsubj", "ROOT"],
        pos=["VERB", "ADP", "ADJ", "NUM", "DET", "NOUN", "NOUN", "VERB"],
    )
    start, end = noun_phrase(doc[6], stop_after=7)
    assert doc[start:end].text == "a monitoring group"


def test_a_speech_verb_closing_its_sentence_scopes_over_it() -> None:
    """ "The Kurds lost three fighters in the clashes it added.": "added" hangs on
    "clashes" as a relative clause, but closes the sentence, so it reports all of it."""
    words = ["The", "Kurds", "lost", "three", "fighters", "in", "the", "clashes", "it", "added",
             "."]  # fmt: skip
    doc = doc_of(
        words,
        heads=[1, 2, 2, 4, 2, 2, 7, 5, 9, 7, 2],
        deps=[
            "det",
            "nsubj",
            "ROOT",
            "nummod",
            "dobj",
            "prep",
            "det",
            "pobj",
            "nsubj",
            "relcl",
            "punct",
        ],
        pos=[
            "DET",
            "PROPN",
            "VERB",
            "NUM",
            "NOUN",
            "ADP",
            "DET",
            "NOUN",
            "PRON",
            "VERB",
            "PUNCT",
        ],
    )
    assert _closes(doc[:], doc[9])
    assert _verb_scope(doc[:], doc[9]) == (0, len(doc))
    # not when the clause goes on after the verb
    longer = doc_of(
        [*words[:-1], "yesterday", "after", "talks", "."],
        heads=[1, 2, 2, 4, 2, 2, 7, 5, 9, 7, 9, 9, 11, 2],
        deps=[
            "det",
            "nsubj",
            "ROOT",
            "nummod",
            "dobj",
            "prep",
            "det",
            "pobj",
            "nsubj",
            "relcl",
            "npadvmod",
            "prep",
            "pobj",
            "punct",
        ],
        pos=[
            "DET",
            "PROPN",
            "VERB",
            "NUM",
            "NOUN",
            "ADP",
            "DET",
            "NOUN",
            "PRON",
            "VERB",
            "NOUN",
            "ADP",
            "NOUN",
            "PUNCT",
        ],
    )
    assert not _closes(longer[:], longer[9])


def test_an_event_phrase_is_no_subject_that_speaks() -> None:
    """ "… on Tuesday the latest in spate of blasts to hit the district state television
    said": when the parse makes "latest" the subject, it is no speaker."""
    from kg.nlp.speakers import not_a_source

    doc = doc_of(
        ["the", "latest", "in", "spate", "of", "blasts", "said"],
        heads=[1, 6, 1, 2, 3, 4, 6],
        deps=["det", "nsubj", "prep", "pobj", "prep", "pobj", "ROOT"],
        pos=["DET", "ADJ", "ADP", "NOUN", "ADP", "NOUN", "VERB"],
        lemmas=["the", "latest", "in", "spate", "of", "blast", "say"],
    )
    assert not_a_source(doc[1])
    monitor = doc_of(
        ["the", "monitor", "said"], heads=[1, 2, 2], deps=["det", "nsubj", "ROOT"],
        pos=["DET", "NOUN", "VERB"],
    )  # fmt: skip
    assert not not_a_source(monitor[1])
