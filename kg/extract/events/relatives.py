"""A passive relative clause tells what befell its noun: "a helicopter that was shot down".

In "All five people on board a Russian military helicopter that was shot down over Syria
were killed", "the hospital which was bombed", the noun the clause hangs on is what was
shot or bombed, not who did it: an active relative ("the rebels who shelled the town")
names its doer, a passive one only its target.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.events.rules import rule


@rule("passive-relative-not-agent", '"a Russian helicopter that was shot down": the '
      "helicopter did not shoot")  # fmt: skip
def passive_relative(verb: Token) -> bool:
    """Is ``verb`` a relative clause in the passive ("that was shot down", "which were
    bombed"), whose noun is what it befell?"""
    return verb.dep_ == "relcl" and any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
