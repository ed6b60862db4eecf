"""Deterministic IRIs: building the same input twice gives the same graph."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote


def slug(text: str) -> str:
    """A lowercase ASCII slug: ``"Deir ez-Zor"`` → ``"deir-ez-zor"``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


class Iris:
    """Mints the instance IRIs under one base."""

    def __init__(self, base: str) -> None:
        self.base = base if base.endswith(("/", "#")) else base + "/"

    def article(self, article_id: str) -> str:
        """The article, which is also its named graph and its NIF context."""
        return f"{self.base}article/{quote(article_id, safe='')}"

    def entity(self, key: str) -> str:
        return f"{self.base}entity/{quote(key, safe='')}"

    def span(self, article_id: str, start: int, end: int) -> str:
        """A NIF span, named by RFC 5147 offsets within its article."""
        return f"{self.article(article_id)}#char={start},{end}"

    def event(self, article_id: str, index: int) -> str:
        return f"{self.base}event/{quote(article_id, safe='')}/{index}"

    def claim(self, article_id: str, index: int) -> str:
        return f"{self.base}claim/{quote(article_id, safe='')}/{index}"

    def attribution(self, owner_iri: str, hop: int) -> str:
        return f"{owner_iri}/attribution/{hop}"

    def geometry(self, entity_key: str) -> str:
        return f"{self.entity(entity_key)}/geometry"

    @property
    def gazetteer_graph(self) -> str:
        return f"{self.base}graph/gazetteer"

    @property
    def ontology_graph(self) -> str:
        return f"{self.base}graph/ontology"
