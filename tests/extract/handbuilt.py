"""Hand-built parses for rule tests, as in spaCy's own tests
(``spacy/tests/pipeline/test_functions.py``): words, lemmas, tags, dependencies and
heads are given, so a rule is tested apart from what a model would parse."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import spacy
from spacy.tokens import Doc

from kg.extract.events import events
from kg.extract.events.arguments import Found, Reader
from kg.extract.events.triggers import triggers
from kg.nlp import text_of
from kg.records import Article, EntityKind, EntityRef, Event, EventKind, Mention, Span

VOCAB = spacy.blank("en").vocab  # English lexical attributes (``lower_``, ``is_title``…)
PARAGRAPH = "---"  # a line of its own: a paragraph break (the headline ends there)


def parse(table: str) -> Doc:
    """A Doc from one token a line: ``word lemma POS TAG dep head [nospace] [ent=LABEL]``,
    ``head`` the index of the head token (a root is its own head); ``---`` a paragraph
    break (``--- N``: one the parse hung on token N)."""
    words, lemmas, pos, tags, deps, heads, spaces = [], [], [], [], [], [], []
    ents: list[str] = []
    for line in table.strip().splitlines():
        if line.split()[0] == PARAGRAPH:  # "---", or "--- N": hung on token N
            attached = line.split()[1:]
            words.append("\n\n")
            lemmas.append("\n\n")
            pos.append("SPACE")
            tags.append("_SP")
            deps.append("dep" if attached else "ROOT")
            heads.append(int(attached[0]) if attached else len(heads))
            spaces.append(False)
            ents.append("O")
            continue
        word, lemma, tag_pos, tag, dep, head, *rest = line.split()
        words.append(word)
        lemmas.append(lemma)
        pos.append(tag_pos)
        tags.append(tag)
        deps.append(dep)
        heads.append(int(head))
        spaces.append("nospace" not in rest)
        label = next((r.removeprefix("ent=") for r in rest if r.startswith("ent=")), None)
        ents.append(f"B-{label}" if label else "O")
    spaces[-1] = False
    for index, word in enumerate(words[:-1]):
        if words[index + 1] == "\n\n" or word == "\n\n":
            spaces[index] = False
    return Doc(VOCAB, words=words, spaces=spaces, lemmas=lemmas, pos=pos, tags=tags,
               deps=deps, heads=heads, ents=ents)  # fmt: skip


def mention(doc: Doc, start: int, end: int, *kinds: EntityKind, known: bool = True) -> Mention:
    """The entity named by tokens [start, end) (a gazetteer entry unless ``known=False``)."""
    span = doc[start:end]
    label = span.text
    entity = EntityRef(
        key=label.lower().replace(" ", "-"), label=label, kinds=kinds or (EntityKind.ACTOR,),
        known=known, ner_label="" if known else "ORG",
    )  # fmt: skip
    return Mention(entity=entity, span=Span(span.start_char, span.end_char, label, "mention"))


def read(
    doc: Doc,
    mentions: Sequence[Mention] = (),
    headline: str = "",
    published: date | None = None,
) -> list[Event]:
    """The events of a hand-built article."""
    article = Article(id="t", text=text_of(doc), headline=headline, date_published=published)
    return list(events(doc, article, tuple(mentions)))


def found_in(
    doc: Doc, mentions: Sequence[Mention] = (), headline: str = "", published: date | None = None
) -> list[Found]:
    """The trigger occurrences with their arguments, before merging."""
    article = Article(id="t", text=text_of(doc), headline=headline, date_published=published)
    return list(Reader(doc, article, tuple(mentions)).read())


def kinds_of(doc: Doc) -> list[tuple[str, EventKind]]:
    """The triggers of ``doc``: (word, kind)."""
    return [(token.text, kind) for token, kind in triggers(doc)]
