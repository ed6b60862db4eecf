"""An armed group described, not named: "the hard-line militant group said it killed 50
fighters", "the jihadist group said it had shot down a regime MiG", "The terrorist group
said the attack was …", "the extremist group said".

"Group" alone stands for the monitor an article names ("the monitoring group"); with a
word of armed struggle before it, it stands for the militant group the article names
(nearest before, else first after): a body that fights and is no state's (the Syrian
army is no "militant group").  With none named, the description is the name, as the
reference guide has it ("hard-line militant group").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from kg.extract.entities import nearest_mention
from kg.rdf.iris import slug
from kg.records import EntityKind, EntityRef, Mention

# Words that make "group" an armed one ("the hard-line militant group").
ARMED_WORDS = frozenset(
    {"militant", "jihadist", "jihadi", "extremist", "terrorist", "terror", "hardline",
     "hard-line", "islamist", "radical", "insurgent"}
)  # fmt: skip
GROUP_NOUNS = frozenset({"group", "faction", "organisation", "organization", "outfit"})


def _described(doc: Doc, bounds: tuple[int, int]) -> bool:
    """ "the hard-line militant group": a determiner, lower-case words holding an armed
    word, and a group noun last; no name."""
    words = [t for t in doc[bounds[0] : bounds[1]] if not t.is_punct]
    if len(words) < 3 or words[0].lower_ not in {"the", "this", "that"}:
        return False
    if words[-1].lower_ not in GROUP_NOUNS:
        return False
    if words[-1].dep_ == "conj" or doc[bounds[0] - 1].lower_ in {"and", "or"}:
        return False  # "activists and the extremist group said": the first source speaks
    middle = words[1:-1]
    return all(t.is_lower or t.lower_ in ARMED_WORDS for t in middle) and any(
        t.lower_ in ARMED_WORDS for t in middle
    )


def _armed(ref: EntityRef) -> bool:
    kinds = set(ref.kinds)
    return EntityKind.ARMED_GROUP in kinds and EntityKind.STATE_BODY not in kinds


def armed_group(
    doc: Doc, bounds: tuple[int, int], ref: EntityRef | None, mentions: Sequence[Mention]
) -> EntityRef | None:
    """The militant group "the militant group" stands for, else the description itself;
    ``ref`` when the phrase is no such description or already names one."""
    if (ref is not None and _armed(ref)) or not _described(doc, bounds):
        return ref
    found = nearest_mention([m for m in mentions if _armed(m.entity)], doc[bounds[0]].idx)
    if found is not None:
        return found.entity
    label = " ".join(t.text for t in doc[bounds[0] + 1 : bounds[1]] if not t.is_punct)
    return EntityRef(key=slug(label), label=label, kinds=(EntityKind.ACTOR,))
