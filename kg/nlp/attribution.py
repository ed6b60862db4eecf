"""STUB (to be replaced): the ``newskg_attribution`` component."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("newskg_attribution")
def attribution(doc: Doc) -> Doc:
    return doc
