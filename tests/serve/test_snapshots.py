"""The checkpoint folders of a read-write server: kept while read, removed when stale."""

from __future__ import annotations

import os
from pathlib import Path

from kg.serve.snapshots import OWNER_FILE, Snapshots, remove_leftovers


def checkpoint(snapshots: Snapshots) -> Path:
    target = snapshots.next_target()
    target.mkdir()
    snapshots.publish(target)
    return target


def test_a_superseded_checkpoint_stays_until_its_last_query_ends(tmp_path: Path) -> None:
    snapshots = Snapshots(tmp_path / "store")
    first = checkpoint(snapshots)
    generation, path = snapshots.acquire()
    assert (generation, path) == (1, str(first))
    second = checkpoint(snapshots)  # a write while the query runs
    assert first.exists() and snapshots.acquire()[1] == str(second)
    snapshots.release(str(second))
    snapshots.release(path)
    assert not first.exists() and second.exists()
    checkpoint(snapshots)  # unread: removed at once
    assert not second.exists()
    snapshots.remove()
    assert not snapshots.folder.exists()


def test_leftovers_of_a_dead_server_go_and_others_stay(tmp_path: Path) -> None:
    store = tmp_path / "kg"
    dead = tmp_path / ".kg-snapshots-abcd1234"
    dead.mkdir()
    (dead / OWNER_FILE).write_text("999999999\n")  # no such process
    alive = Snapshots(store)  # this process owns it
    other_store = tmp_path / ".kg-other-snapshots-abcd1234"  # another store's folder
    other_store.mkdir()
    unrelated = tmp_path / ".kg-snapshots-keep"  # not a name we make
    unrelated.mkdir()
    assert remove_leftovers(store, holding_lock=False) == [dead]
    assert alive.folder.exists() and other_store.exists() and unrelated.exists()
    # holding the store's lock, every other folder of ours is stale, live owner or not
    (alive.folder / OWNER_FILE).write_text(f"{os.getppid()}\n")
    assert remove_leftovers(store, holding_lock=True) == [alive.folder]
    assert other_store.exists() and unrelated.exists()
