"""Builds that meet bad input: a too-long article, warnings under --strict, a full disk.

Real spaCy pipeline and a real Oxigraph store on disk; the full disk is a real
``OSError`` (ENOSPC, as pyoxigraph raises it) at the store-write boundary, and,
where this process may mount a small tmpfs, a real full disk.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from spacy.language import Language

from kg.cli import main
from kg.config import Settings
from kg.pipeline import analyse_docs, build
from kg.records import Analysis, Article, IngestProblem
from kg.store import StoreWriteFailed, open_store, select_rows

KG = str(Path(sys.executable).with_name("kg"))
GOOD = "Shelling kills five\n\nFive civilians were killed in Aleppo on Friday, a monitor said.\n"
ENOSPC_MESSAGE = "IO error: No space left on device: While appending to file: 000008.log"


def _long_text(characters: int) -> str:
    paragraph = "Rebels shelled the old city of Aleppo on Sunday, residents said.\n\n"
    return "Long report\n\n" + paragraph * (characters // len(paragraph) + 1)


def _stored_ids(store: Path) -> list[str]:
    _, rows = select_rows(
        open_store(store, read_only=True),
        "SELECT ?id WHERE { ?a a <https://schema.org/NewsArticle> ;"
        " <https://schema.org/identifier> ?id } ORDER BY ?id",
    )
    return [row[0] for row in rows]


def test_an_article_over_spacys_max_length_is_skipped_and_the_batch_goes_on(
    nlp: Language,
) -> None:
    """Without the check, spaCy raises E088 for the whole batch."""
    long = Article(id="long", text=_long_text(3_000), origin="long.txt")
    short = Article(id="short", text=GOOD.strip(), origin="short.txt")
    saved = nlp.max_length
    nlp.max_length = 2_000
    try:
        results = analyse_docs(nlp, [long, short], batch_size=4)
    finally:
        nlp.max_length = saved
    problem, analysis = results
    assert isinstance(problem, IngestProblem) and problem.origin == "long.txt"
    assert "2,000" in problem.message and "not built" in problem.message
    assert isinstance(analysis, Analysis) and analysis.article.id == "short"


def test_build_skips_a_too_long_file_naming_it_and_builds_the_next(tmp_path: Path) -> None:
    """A real build with the limit lowered through its setting (NEWSKG_MAX_CHARS)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-long.txt").write_text(_long_text(25_000), encoding="utf-8")
    (folder / "b-good.txt").write_text(GOOD, encoding="utf-8")
    store = tmp_path / "store"
    env = {**os.environ, "NEWSKG_MAX_CHARS": "20000"}
    result = subprocess.run(
        [KG, "build", str(folder), "--store", str(store)],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert f"error: {folder / 'a-long.txt'}: article text is 25," in result.stderr
    assert "Traceback" not in result.stderr
    assert "Built 1 article(s)" in result.stderr
    assert _stored_ids(store) == ["b-good"]


@pytest.mark.parametrize("strict", [False, True])
def test_strict_fails_on_a_warning_after_building_everything(tmp_path: Path, strict: bool) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "old.txt").write_bytes("Café hit\n\nA café in Homs was shelled.\n".encode("cp1252"))
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    store = tmp_path / "store"
    result = subprocess.run(
        [KG, "build", str(folder), "--store", str(store), *(["--strict"] if strict else [])],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert f"warning: {folder / 'old.txt'}:1: " in result.stderr
    assert result.returncode == (1 if strict else 0), result.stderr
    assert _stored_ids(store) == ["good", "old"]


def test_strict_is_explained_in_help() -> None:
    result = CliRunner().invoke(main, ["build", "--help"])
    assert "--strict" in result.output and "warning" in result.output.split("--strict", 1)[1]


def _articles(folder: Path, count: int) -> None:
    folder.mkdir()
    for number in range(count):
        (folder / f"a{number:02}.txt").write_text(
            f"Blast in town {number}\n\nA car bomb killed {number + 2} people in Idlib on"
            " Monday, activists said.\n",
            encoding="utf-8",
        )


def test_a_full_disk_stops_the_build_saying_what_is_stored(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The store's write of batch 2 raises pyoxigraph's ENOSPC error: batch 1 stays whole."""
    from kg.store import EmbeddedTarget

    real_replace = EmbeddedTarget.replace_graphs
    calls: list[int] = []

    def replace_graphs_until_full(target: EmbeddedTarget, graphs: dict) -> None:
        if any("/article/" in graph for graph in graphs):  # not the vocabularies
            calls.append(len(graphs))
            if len(calls) == 2:
                raise OSError(errno.ENOSPC, ENOSPC_MESSAGE)
        real_replace(target, graphs)

    monkeypatch.setattr(EmbeddedTarget, "replace_graphs", replace_graphs_until_full)
    _articles(tmp_path / "in", 8)
    store = tmp_path / "store"
    with pytest.raises(StoreWriteFailed) as caught:
        build([tmp_path / "in"], replace(settings, store=store, processes=1, batch_size=8))
    message = str(caught.value)
    assert "disk full while writing batch 2 (4 article(s): " in message
    assert "the 4 article(s) of this build before this batch, each whole" in message
    assert _stored_ids(store) == ["a00", "a01", "a02", "a03"]

    calls.clear()
    monkeypatch.setenv("NEWSKG_BATCH_SIZE", "8")
    runner = CliRunner()
    result = runner.invoke(
        main,
        ["build", str(tmp_path / "in"), "--store", str(tmp_path / "s2"), "--processes", "1", "-q"],
    )
    assert result.exit_code == 1
    assert "disk full while writing batch 2" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def _mount_tmpfs(where: Path, size: int) -> bool:
    if os.geteuid() != 0:
        return False
    where.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True
    )
    return done.returncode == 0


def _article_graphs(store: Path) -> dict[str, set[str]]:
    """Each article graph's triples (the build mints IRIs, no blank nodes)."""
    graphs: dict[str, set[str]] = {}
    for quad in open_store(store, read_only=True):
        graph = quad.graph_name.value
        if "/article/" in graph:
            graphs.setdefault(graph, set()).add(str(quad.triple))
    return graphs


def _size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.iterdir())


@pytest.mark.slow
def test_a_really_full_disk_keeps_every_earlier_batch_whole(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store on a tmpfs with room for the vocabularies, batch 1 and half of batch 2.

    The room is measured first: the same build into a store on the real disk, with
    the store's size read after each batch's write.
    """
    from kg.store import EmbeddedTarget

    disk = tmp_path / "disk"
    if not _mount_tmpfs(disk, 64 * 1024 * 1024):
        pytest.skip("cannot mount a tmpfs here (needs root and mount rights)")
    try:
        _articles(tmp_path / "in", 12)
        probe = tmp_path / "probe"
        sizes: list[int] = []
        real_replace = EmbeddedTarget.replace_graphs

        def replace_and_measure(target: EmbeddedTarget, graphs: dict) -> None:
            sizes.append(_size(probe))
            real_replace(target, graphs)
            sizes.append(_size(probe))

        monkeypatch.setattr(EmbeddedTarget, "replace_graphs", replace_and_measure)
        build([tmp_path / "in"], replace(settings, store=probe, processes=1, batch_size=8))
        monkeypatch.undo()
        # writes: the vocabularies, then batch 1, then batch 2 (sizes before and after each)
        vocabularies, batch1, batch2 = sizes[1], sizes[3] - sizes[2], sizes[5] - sizes[4]
        stat = os.statvfs(disk)
        room = vocabularies + batch1 + batch2 // 2 + 64 * 1024  # 64 KiB: RocksDB's small files
        (disk / "filler").write_bytes(b"\0" * (stat.f_bavail * stat.f_frsize - room))
        env = {**os.environ, "NEWSKG_BATCH_SIZE": "8"}
        result = subprocess.run(
            [
                KG,
                "build",
                str(tmp_path / "in"),
                "--store",
                str(disk / "store"),
                "-q",
                "--processes",
                "1",
            ],
            capture_output=True,
            text=True,
            timeout=600,
            env=env,
        )
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert "disk full while writing batch 2 (4 article(s)" in result.stderr, result.stderr
        assert "Stored: the 4 article(s) of this build before this batch" in result.stderr
        assert _stored_ids(disk / "store") == ["a00", "a01", "a02", "a03"]
        assert _article_graphs(disk / "store") == {
            graph: quads
            for graph, quads in _article_graphs(probe).items()
            if graph.endswith(("a00", "a01", "a02", "a03"))
        }
    finally:
        subprocess.run(["umount", str(disk)], check=False)
