"""Session fixtures: the real spaCy pipeline, loaded once, and the seeds built once.

Real parts only: the real model, a real Oxigraph store on disk.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from kg.config import Settings

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"
FAKES_CSV = SHARED / "data" / "fakes-dev.csv"


@pytest.fixture(scope="session")
def settings() -> Settings:
    """Default settings, independent of the caller's environment."""
    return Settings.from_env(environ={})


@pytest.fixture(scope="session")
def nlp(settings: Settings) -> Language:
    """The real pipeline with newskg's components."""
    from kg.nlp import load_pipeline

    return load_pipeline(settings)


@pytest.fixture(scope="session")
def seeds_store(tmp_path_factory: pytest.TempPathFactory, settings: Settings) -> Iterator[Path]:
    """A real Oxigraph store on disk with the five seed articles built into it."""
    from dataclasses import replace

    from kg.pipeline import build

    store = tmp_path_factory.mktemp("seeds") / "store"
    report = build([SEEDS], replace(settings, store=store))
    assert report.articles == 5, report.problems
    yield store


@pytest.fixture(scope="session")
def seeds_graph(seeds_store: Path):
    """The seeds store opened read-only for queries."""
    from kg.store import open_store

    return open_store(seeds_store, read_only=True)


@pytest.fixture(scope="session")
def fakes_store(tmp_path_factory: pytest.TempPathFactory, settings: Settings) -> Iterator[Path]:
    """A real store with the FA-KES dev table (381 real articles) built into it, once per
    session; skipped when ../shared is not here."""
    if not FAKES_CSV.exists():
        pytest.skip(f"{FAKES_CSV} is not here (../shared)")
    from dataclasses import replace

    from kg.ingest import TableColumns
    from kg.pipeline import build

    store = tmp_path_factory.mktemp("fakes") / "store"
    columns = TableColumns(id="unit_id", title="article_title", text="article_content",
                           date="date")  # fmt: skip
    report = build([FAKES_CSV], replace(settings, store=store), columns=columns)
    assert report.articles > 300, report.problems
    yield store
