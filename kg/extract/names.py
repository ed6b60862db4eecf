"""Names from metadata (bylines, original outlets) → entities."""

from __future__ import annotations

from kg.rdf.iris import slug
from kg.records import EntityKind, EntityRef


def entity_for_name(name: str, kinds: tuple[EntityKind, ...]) -> EntityRef:
    """The gazetteer entity a name denotes, or a new entity keyed by the folded name."""
    return EntityRef(key=slug(name), label=name, kinds=kinds)
