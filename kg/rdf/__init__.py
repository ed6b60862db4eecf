"""Records → RDF: the ontology's terms, deterministic IRIs, and the mapping to quads."""
