"""Who claimed an attack: "The Islamic State group claimed responsibility for the attack".

A main event whose side the text does not give (no actor named, or only words every
side uses of its enemies: "a suicide bomber", "terrorists") takes the side of the group
the article's first sentences say claimed it, flagged ``side:claimed-responsibility``:
the perpetrator's own word, stronger than another party's accusation
(``side:accused-of-the-attack``), so read first.

Not a claim the article denies or leaves open ("No group has claimed responsibility",
"There was no immediate claim of responsibility"), one it only hedges ("militants
reportedly claimed responsibility": second-hand word of a claim), nor a claim whose
words name several sides or none ("the group claimed responsibility" with no name).
"""

from __future__ import annotations

import re

from kg.nlp.gazetteer import fold
from kg.records import Side

CLAIMED_RESPONSIBILITY = "side:claimed-responsibility"

# "X claimed responsibility", "X has claimed responsibility", "X claims responsibility",
# "X took responsibility": the claimer's words end at the verb.
CLAIM = re.compile(
    r"\b(?:claim(?:s|ed)?|took|takes|has taken|accepted|admitted) (?:the |full )?"
    r"responsibility\b"
)
# Where the claimer's words start: the sentence's start or a break before the verb
# ("…, but the Islamic State group claimed responsibility"); parentheses stay inside
# the name ("The Islamic State (ISIS, Daesh) group claimed …").
CLAIMER_START = re.compile(r"[,;:\"“”]|\s[-–—]\s|\b(?:but|and|while|after|as)\b")
# A claim denied, left open or only hedged: no claim of the article's own.
NO_CLAIM = re.compile(
    r"\b(?:no|not|nobody|none|never|yet to|reportedly|allegedly|purportedly|"
    r"unconfirmed|apparently)\b"
)
# An actor named only in these words may be the claimer's men: "a suicide bomber",
# "Takfiri terrorists", "gunmen" (every side's words for its enemies and their attackers).
CLAIMABLE_ACTOR_WORDS = frozenset(
    {"a", "an", "some", "armed", "unknown", "unidentified", "masked", "terrorist", "terrorists",
     "militant", "militants", "gunman", "gunmen", "jihadist", "jihadists", "attacker",
     "attackers", "assailant", "assailants", "takfiri", "extremist", "extremists", "suicide",
     "bomber", "bombers", "group", "groups"}
)  # fmt: skip
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")
# The claim tells of the news when the article's first sentences carry it.
CLAIM_SENTENCES = 20
# How many words before the verb the claimer's name may take.
CLAIMER_WORDS = 12

# The sides a claimer's words name, as ``kg.extract.sides.SIDE_WORDS`` reads them; only
# the armed groups that claim attacks: a state does not "claim responsibility".
CLAIMER_SIDES: tuple[tuple[re.Pattern[str], Side], ...] = (
    (re.compile(r"\bnusra|tahrir al sham|fateh al sham|fatah al sham|\bal qaeda\b|\bhts\b"),
     Side.NUSRA_HTS),
    (re.compile(r"\b(?:isis|isil|daesh|daish)\b|\bislamic state\b"), Side.ISLAMIC_STATE),
    (re.compile(r"\bkurd\w*|\b(?:ypg|sdf|ypj|pkk|tak)\b"), Side.KURDISH_LED),
    (re.compile(r"\brebels?\b|\bfree syrian army\b|\bfsa\b|\bahrar al sham\b|"
                r"\bjaish al islam\b|\bfaylaq\b"), Side.OPPOSITION),
)  # fmt: skip


def _claimer_side(words: str) -> Side | None:
    """The one side a (folded) claimer's name says: "islamic state group" → IS."""
    sides = {side for pattern, side in CLAIMER_SIDES if pattern.search(words)}
    return next(iter(sides)) if len(sides) == 1 else None


def claimed_side(text: str) -> Side | None:
    """The one side the first sentences say claimed the attack ("Terrorist organisation
    DAESH claimed responsibility via its news arm Amaq"); None when none, when the claim
    is denied or hedged, or when claims name several sides."""
    sides: set[Side] = set()
    for sentence in SENTENCE_BREAK.split(text)[:CLAIM_SENTENCES]:
        lowered = sentence.lower()
        for found in CLAIM.finditer(lowered):
            before = lowered[: found.start()]
            starts = [m.end() for m in CLAIMER_START.finditer(before)]
            phrase = before[starts[-1] if starts else 0 :]
            if NO_CLAIM.search(phrase):
                continue
            words = fold(phrase).split()[-CLAIMER_WORDS:]
            side = _claimer_side(" ".join(words))
            if side is not None:
                sides.add(side)
    return next(iter(sides)) if len(sides) == 1 else None
