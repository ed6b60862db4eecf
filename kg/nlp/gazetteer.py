"""STUB (to be replaced): the gazetteer entity ruler component ``newskg_gazetteer``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("newskg_gazetteer", default_config={"base_iri": "https://w3id.org/newskg/id/"})
def make_gazetteer(nlp: Language, name: str, base_iri: str):  # noqa: ANN201
    def component(doc: Doc) -> Doc:
        return doc

    return component
