"""Session fixtures: the real spaCy pipeline, loaded once, and the seeds built once.

Real parts only: the real model, a real Oxigraph store on disk.
"""

from __future__ import annotations

import subprocess
import sys
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


FAKES_COLUMNS = ["--id-column", "unit_id", "--title-column", "article_title",
                 "--text-column", "article_content", "--date-column", "date"]  # fmt: skip


@pytest.fixture(scope="session")
def fakes_build(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """The FA-KES dev table built once by `kg build` (a real subprocess): the store and the run."""
    if not FAKES_CSV.exists():
        pytest.skip(f"{FAKES_CSV} is not here (../shared)")
    store = tmp_path_factory.mktemp("fakes") / "store"
    kg = str(Path(sys.executable).with_name("kg"))
    result = subprocess.run([kg, "build", str(FAKES_CSV), *FAKES_COLUMNS, "--store", str(store),
                             "-q"], capture_output=True, text=True, timeout=1800)  # fmt: skip
    return store, result


@pytest.fixture(scope="session")
def fakes_store(fakes_build: tuple[Path, subprocess.CompletedProcess[str]]) -> Path:
    """The store of the FA-KES dev table, built once per session (``fakes_build``)."""
    store, result = fakes_build
    assert result.returncode == 0, result.stderr[-2000:]
    return store
