"""STUB (to be replaced): the ``newskg_quantities`` component."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("newskg_quantities")
def quantities(doc: Doc) -> Doc:
    return doc
