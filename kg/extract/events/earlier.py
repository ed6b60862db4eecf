"""An incident the lead dates before the news: "a day after the reported execution".

"Thirty civilians were killed on Saturday in air strikes on a suburb town a day after
the reported execution of an air force pilot", "… two days after suspected militants
kidnapped them": what the news came a day (hours, weeks) after is an earlier incident,
not the one the article reports, however grave its kind.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.events.rules import rule
from kg.nlp.sentences import ancestors

# "a day after", "48 hours after", "two weeks after": the news spaced from what follows.
SPACING_UNITS = frozenset(
    {"day", "days", "hour", "hours", "week", "weeks", "month", "months", "year", "years"}
)
# How many words before "after" the spacing may stand: "just a day after", "two days after".
SPACING_WINDOW = 3
# How far up the parse the "after" may govern the event word: "after the reported
# execution of a pilot", "after militants kidnapped them".
AFTER_REACH = 4


def _spaced_after(marker: Token) -> bool:
    """ "after" with a spacing before it: "a day after", "two days after"."""
    if marker.lower_ != "after" or marker.dep_ not in ("prep", "mark"):
        return False
    start = max(marker.sent.start, marker.i - SPACING_WINDOW)
    return any(t.lower_ in SPACING_UNITS for t in marker.doc[start : marker.i])


@rule("days-after-is-earlier", '"Thirty civilians were killed in air strikes … a day after the '
      'reported execution of a pilot": what the news came a day after is not the news')  # fmt: skip
def told_as_earlier(trigger: Token) -> bool:
    """Is the event word inside what a "a day after", "two days after" clause or phrase
    tells (its object, or a clause it opens)?"""
    for node in [trigger, *ancestors(trigger)][:AFTER_REACH]:
        if _spaced_after(node):
            return True
        if any(c.dep_ == "mark" and _spaced_after(c) for c in node.children):
            return True
    return False
