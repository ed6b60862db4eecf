"""A source named right before an indefinite description of it, the comma lost: "The
Civil Defense another activist group said 10 people were also wounded", "The Local
Coordination Committees an activist network said …".

The parse makes the description ("another activist group") the subject and hangs the
name on it or on the verb.  When the NER tags the name, ``kg.extract.speakers`` finds
the mention inside the phrase; when it does not, the description alone resolves to no
one.  Here the capitalised words right before the description (a leading "The"
dropped) name the source, when they open the clause: the known entry they spell, else a
new name.  Mid-sentence ("… fighters of the Free Syrian Army a monitor said") the words
before are the report's own object, and the description keeps its own reading.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.entities import entity_key
from kg.nlp.gazetteer import load_gazetteer
from kg.nlp.sources import DESCRIPTION_HEADS, description_head
from kg.records import EntityKind, EntityRef

INDEFINITE = frozenset({"a", "an", "another"})
# Small words inside a name: "Committees for the Defence of …".
NAME_JOINERS = frozenset({"of", "for", "and", "the"})


def name_before_description(span: Span) -> EntityRef | None:
    """The source the capitalised words right before an indefinite description name
    ("The Civil Defense | another activist group"), inside the speaker phrase or right
    before it, else None."""
    doc = span.doc
    inner = [t.i for t in span if t.lower_ in INDEFINITE and t.i > span.start]
    if inner:  # the parse took the name into the phrase: "The Civil Defense another …"
        cut = inner[0]
        if description_head(doc[cut : span.end]) is None:
            return None
        start = span.start
    else:  # "another activist group" alone, the name hanging before it
        if doc[span.start].lower_ not in INDEFINITE or description_head(span) is None:
            return None
        cut = start = span.start
        while start > 0 and (
            doc[start - 1].pos_ == "PROPN"
            or (doc[start - 1].lower_ in NAME_JOINERS and start > 1 and doc[start - 2].is_title)
        ):
            start -= 1
        if start > 0 and doc[start - 1].lower_ == "the":
            start -= 1  # "The Civil Defense …"
    opening = start == 0 or doc[start].is_sent_start or _breaks(doc[start - 1])
    while start < cut and doc[start].lower_ in NAME_JOINERS:
        start += 1  # no leading article
    name = doc[start:cut]
    if not opening or not len(name) or name[-1].lower_ in NAME_JOINERS:
        return None  # "… fighters of the Free Syrian Army a monitor said": an object
    if not all(t.is_title or t.lower_ in NAME_JOINERS or not t.is_alpha for t in name):
        return None
    if any(t.ent_type_ in {"GPE", "LOC", "DATE", "TIME", "NORP"} for t in name):
        return None  # "On Sunday a monitor said": a day, a place
    if len(name) == 1 and name[0].lower_ in DESCRIPTION_HEADS:
        return None  # "The Observatory a British-based war monitor": the monitor named
    label = " ".join(name.text.split())
    entry = load_gazetteer().lookup(label)
    if entry is not None:
        if entry.is_place:
            return None
        return EntityRef(entry.key, entry.label, entry.kinds, known=True)
    return EntityRef(entity_key(label), label, (EntityKind.ACTOR, EntityKind.ORGANIZATION))


def _breaks(token: Token) -> bool:
    """Punctuation that opens a clause (", The Civil Defense …"), not a hyphen inside a
    name ("Mohammed al-Halabi a monitor said": "Halabi" is no name of its own)."""
    return token.is_punct and not (token.text in {"-", "‐"} and not token.whitespace_)
