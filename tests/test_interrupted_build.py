"""A build killed at any point leaves every stored article whole (real processes, real store)."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.store import iter_quads, open_store
from tests.conftest import SEEDS

KG = str(Path(sys.executable).with_name("kg"))


def graphs_of(store: Path) -> dict[str, set[str]]:
    """Article graph name → its quads, as text."""
    graphs: dict[str, set[str]] = {}
    for quad in iter_quads(open_store(store, read_only=True)):
        name = str(quad.graph_name)
        if "/article/" in name:
            graphs.setdefault(name, set()).add(str(quad))
    return graphs


def wal_bytes(store: Path) -> int:
    return sum(f.stat().st_size for f in store.glob("*.log"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Thirty articles: the seeds under several names."""
    folder = tmp_path_factory.mktemp("corpus")
    for copy in range(6):
        for seed in sorted(SEEDS.glob("*.txt")):
            shutil.copy(seed, folder / f"copy{copy}_{seed.name}")
    return folder


@pytest.fixture(scope="module")
def reference(corpus: Path, seeds_store: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    store = tmp_path_factory.mktemp("reference") / "store"
    subprocess.run(
        [KG, "build", str(corpus), "--store", str(store), "-q"], check=True, capture_output=True
    )
    return graphs_of(store) | graphs_of(seeds_store)


@pytest.mark.slow
@pytest.mark.parametrize("extra_delay", [0.0, 1.5])
def test_killed_build_leaves_every_article_whole(
    corpus: Path, seeds_store: Path, reference: dict, tmp_path: Path, extra_delay: float
) -> None:
    store = tmp_path / "store"
    shutil.copytree(seeds_store, store)
    before = graphs_of(store)
    env = {**os.environ, "NEWSKG_BATCH_SIZE": "4", "NEWSKG_PROCESSES": "1"}
    build = subprocess.Popen(
        [KG, "build", str(corpus), "--store", str(store), "-q"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    initial, deadline = wal_bytes(store), time.monotonic() + 120
    while wal_bytes(store) == initial and build.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)  # until the first batch is being written
    time.sleep(extra_delay + random.uniform(0, 0.3))
    build.send_signal(signal.SIGKILL)
    build.wait()

    after = graphs_of(store)
    assert set(before) <= set(after), "an article stored before the build was lost"
    for name, quads in after.items():
        assert quads == reference[name], f"{name} is not whole"
    assert len(after) < len(reference), "the build finished before it was killed: kill earlier"
