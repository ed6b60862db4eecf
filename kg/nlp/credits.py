"""Photo credits and agency marks glued into the text: a boundary no report crosses.

Web copy keeps a photo's caption and credit ahead of the story with no full stop
between them: "… help an injured woman in Aleppo (AP photo) BEIRUT Air strikes on a
market killed at least 21 …", "… on June 6 2015 (Reuters) Two people were killed …".
The sentence units end at such a credit; a speaker the caption names ("… after rebels
said they took control of it (Reuters) …", "other AP reporting shows …") is not carried
on past it into the story, and a speaker phrase the parse began inside the credit
("(Reuters) Local civil defence personnel told Reuters") starts after it.
"""

from __future__ import annotations

from spacy.tokens import Doc

# Press agencies and picture desks that sign photos and datelines.
AGENCY_WORDS = frozenset(
    {"ap", "afp", "reuters", "getty", "epa", "anadolu", "aa", "xinhua", "dpa", "tass",
     "ria", "sputnik", "sana", "upi"}
)  # fmt: skip
CREDIT_WORDS = frozenset(
    {"photo", "photos", "file", "image", "images", "picture", "handout", "via", "/", "-"}
)
CREDIT_LENGTH = 5


def credits(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of credits "(AP photo)", "(Reuters)", "(AFP/Getty Images)" that a
    capitalised word follows; an agency's name written out before its abbreviation
    ("Syrian Arab News Agency (SANA) reported") is no credit."""
    found: list[tuple[int, int]] = []
    for opening in doc:
        if opening.text != "(" or opening.i == 0:
            continue
        closing = next(
            (t.i for t in doc[opening.i + 1 : opening.i + 2 + CREDIT_LENGTH] if t.text == ")"),
            None,
        )
        if closing is None or closing + 1 >= len(doc) or closing == opening.i + 1:
            continue
        inside = [t.lower_ for t in doc[opening.i + 1 : closing]]
        after = doc[closing + 1]
        before = doc[opening.i - 1]
        if (
            any(w in AGENCY_WORDS for w in inside)
            and all(w.isalpha() or w in CREDIT_WORDS for w in inside)
            and after.is_title | after.is_upper
            and after.is_alpha
            and before.ent_type_ not in {"ORG", "PERSON"}
            and before.lower_ not in {"agency", "news"}
        ):
            found.append((opening.i, closing + 1))
    return found


def after_credit(bounds: tuple[int, int], marks: list[tuple[int, int]]) -> tuple[int, int]:
    """ "(Reuters) Local civil defence personnel told Reuters": a speaker phrase the parse
    began inside the credit starts after it."""
    start, end = bounds
    for mark_start, mark_end in marks:
        if mark_start <= start < mark_end < end:
            start = mark_end
    return (start, end)


def clear_of_credits(
    cue: tuple[int, int], speaker: tuple[int, int] | None, marks: list[tuple[int, int]]
) -> tuple[tuple[int, int], tuple[int, int] | None]:
    """A frame's cue and speaker begun inside a credit start after it."""
    return after_credit(cue, marks), (after_credit(speaker, marks) if speaker else None)
