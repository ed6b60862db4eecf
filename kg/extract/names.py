"""Names from metadata (bylines, original outlets) → entities."""

from __future__ import annotations

from kg.extract.entities import clean_name, entity_key
from kg.nlp.gazetteer import load_gazetteer
from kg.records import EntityKind, EntityRef


def entity_for_name(name: str, kinds: tuple[EntityKind, ...]) -> EntityRef:
    """The gazetteer entity a name denotes, or a new entity keyed by the folded name.

    A byline's "RT" is the same node as the RT the text quotes; an author the
    gazetteer lacks is keyed like a new entity found in text, so "Stephen Lendman"
    in a byline and in a sentence is one node.
    """
    entry = load_gazetteer().lookup(name)
    if entry is not None:
        return EntityRef(entry.key, entry.label, entry.kinds, known=True)
    label = clean_name(name)
    return EntityRef(entity_key(label), label, kinds, known=False)
