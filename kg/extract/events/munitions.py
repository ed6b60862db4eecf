"""A bomb named with fired munitions: "hit with missiles and bombs", "bomb rockets".

"Bomb" beside a munition that is fired ("missiles and bombs", "bombs and shells",
"rocket bombs", "Bomb rockets kill 19") names what was fired or dropped on the place,
not a device planted there: a shelling, not an explosion.  Not a bomb its own words
make a planted one ("car bombs and rockets", "a suicide bomb"), nor a dropped one
("barrel bombs and missiles", read as an air strike first).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.events.rules import rule
from kg.extract.events.words import BOMBING_MODIFIERS

# Munitions that are fired, not planted: their kind is shelling (``kinds.SPECS``).
FIRED_MUNITIONS = frozenset({"rocket", "missile", "shell", "mortar", "projectile"})
BOMB_WORDS = frozenset({"bomb"})


def _lemma(token: Token) -> str:
    return (token.lemma_ or token.lower_).lower()


@rule("bomb-with-fired-munitions", '"a camp hit with missiles and bombs", "Bomb rockets kill '
      '19": a bomb named with fired munitions is shelling, not an explosion',
      words=BOMB_WORDS | FIRED_MUNITIONS)  # fmt: skip
def fired_bomb(token: Token, words: set[str]) -> bool:
    """``token`` (with its modifiers' ``words``) is a bomb coordinated with or compounded
    of a fired munition: "missiles and bombs", "rocket bombs", "bomb rockets"."""
    lemma = _lemma(token)
    if words & BOMBING_MODIFIERS:
        return False  # "car bombs and rockets": the car bomb was planted
    if lemma == "bomb":
        beside = {_lemma(t) for t in token.conjuncts} | words
        return bool(beside & FIRED_MUNITIONS)
    return lemma in FIRED_MUNITIONS and bool(words & BOMB_WORDS)
