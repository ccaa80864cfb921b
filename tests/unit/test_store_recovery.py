"""Recovering damaged results files from the last good copy that every save keeps."""

from __future__ import annotations

import errno
import os
import stat
from datetime import datetime
from pathlib import Path

import pytest
from filelock import FileLock

from slc_tui.store.results import Recovery, ResultsBusy, ResultsStore
from slc_tui.store.tinydb_document import CorruptResultsFile
from tests.unit.test_results_store import make_record

NOW = datetime(2026, 11, 22, 14, 55, 1)
DAMAGED_NAME = "maya.damaged-20261122-145501.json"

DAMAGE = {
    "empty": (b"", "the file is empty"),
    "blank": (b"\n  \n", "the file is empty"),
    "truncated": (b'{"conferences": {"1": {"id": "a", "said": "hel', "cut off part-way"),
    "not-json": (b"maya was here", "not valid JSON at line 1, column 1"),
    "not-utf8": (b'{"conferences": {"1": {"said": "\xff"}}}', "not UTF-8 text"),
    "list": (b"[]", "expected an object of tables, found a list"),
    "table-shape": (b'{"conferences": []}', "table 'conferences' is a list"),
    "document-shape": (b'{"conferences": {"1": 7}}', "entry 1 in table 'conferences' is a number"),
}


@pytest.fixture
def store(tmp_path: Path) -> ResultsStore:
    return ResultsStore(tmp_path / "results", clock=lambda: NOW, lock_timeout=0.3)


def _two_saves(store: ResultsStore) -> tuple[dict[str, object], dict[str, object]]:
    """Save two conferences of Maya; the backup then holds the first one only."""
    first, second = make_record(), make_record(started="2027-03-10T09:00:00")
    store.save(first)
    store.save(second)
    return first, second


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_damaged_file_is_kept_and_last_good_copy_restored(
    store: ResultsStore, damage: tuple[bytes, str]
) -> None:
    content, reason = damage
    first, _ = _two_saves(store)
    path = store.path_for("maya")
    path.write_bytes(content)
    with pytest.raises(CorruptResultsFile):
        store.records_for("maya")

    (recovery,) = store.check_and_recover()

    damaged = store.results_dir / DAMAGED_NAME
    assert recovery == Recovery("maya", damaged, True, 1, recovery.reason)
    assert reason in recovery.reason
    assert damaged.read_bytes() == content, "the damaged file is kept as it was"
    assert store.records_for("maya") == [first]
    assert store.all_records() == [first], "the damaged copy is not read"
    assert store.check_and_recover() == []
    assert recovery.message == (
        f"maya.json was damaged ({recovery.reason}); it is kept as {DAMAGED_NAME} "
        "and the last good copy (1 conference) was restored."
    )


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_without_a_good_copy_the_student_starts_fresh(
    store: ResultsStore, damage: tuple[bytes, str]
) -> None:
    content, reason = damage
    store.save(make_record())  # one save: no backup yet
    assert not store.backup_path_for("maya").exists()
    store.path_for("maya").write_bytes(content)

    recovery = store.recover("maya")

    assert recovery is not None
    assert (recovery.restored, recovery.records_restored) == (False, 0)
    assert reason in recovery.reason
    assert not store.path_for("maya").exists()
    assert recovery.damaged_copy.read_bytes() == content
    assert store.records_for("maya") == []
    assert "There was no good earlier copy to restore" in recovery.message
    assert DAMAGED_NAME in recovery.message
    record = make_record()
    store.save(record)
    assert store.records_for("maya") == [record]


def test_damaged_backup_is_not_restored(store: ResultsStore) -> None:
    _two_saves(store)
    store.backup_path_for("maya").write_bytes(b'{"conferences": {')
    store.path_for("maya").write_bytes(b"")
    recovery = store.recover("maya")
    assert recovery is not None and not recovery.restored
    assert not store.path_for("maya").exists()


def test_restoring_counts_every_conference(store: ResultsStore) -> None:
    records = [make_record(started=f"2026-1{n}-01T09:00:00") for n in range(3)]
    for record in records:
        store.save(record)
    store.save(records[0])  # the backup now holds all three
    store.path_for("maya").write_bytes(b"{")
    recovery = store.recover("maya")
    assert recovery is not None and recovery.records_restored == 3
    assert "the last good copy (3 conferences) was restored." in recovery.message
    assert store.records_for("maya") == records


def test_nothing_to_recover(store: ResultsStore) -> None:
    assert store.check_and_recover() == []
    assert store.recover("maya") is None, "no results folder yet"
    store.save(make_record("zoe"))
    assert store.recover("maya") is None, "no file"
    before = sorted(os.listdir(store.results_dir))
    mtime = store.path_for("zoe").stat().st_mtime_ns
    assert store.recover("zoe") is None, "a good file"
    assert store.check_and_recover() == []
    assert sorted(os.listdir(store.results_dir)) == before
    assert store.path_for("zoe").stat().st_mtime_ns == mtime


def test_damaged_copies_never_clash(store: ResultsStore) -> None:
    names = []
    for _ in range(3):
        store.save(make_record())
        store.path_for("maya").write_bytes(b"oops")
        recovery = store.recover("maya")
        assert recovery is not None
        names.append(recovery.damaged_copy.name)
    assert names == [DAMAGED_NAME, DAMAGED_NAME[:-5] + "-2.json", DAMAGED_NAME[:-5] + "-3.json"]
    assert all((store.results_dir / name).read_bytes() == b"oops" for name in names)


def test_several_students_are_recovered_in_order(store: ResultsStore) -> None:
    for student in ("zoe", "leo", "maya"):
        store.save(make_record(student))
        store.save(make_record(student))
    for student in ("zoe", "maya"):
        store.path_for(student).write_bytes(b"")
    recoveries = store.check_and_recover()
    assert [r.student_id for r in recoveries] == ["maya", "zoe"]
    assert all(r.restored and r.records_restored == 1 for r in recoveries)
    assert len(store.all_records()) == 4, "leo's two, and one each restored"


def test_check_removes_temp_files_left_by_killed_writers(store: ResultsStore) -> None:
    store.save(make_record())
    leftovers = [".maya.json.abc123.tmp", ".maya.json.bak.def456.tmp", ".leo.json.x.tmp"]
    for name in leftovers:
        (store.results_dir / name).write_bytes(b"half a save")
    (store.results_dir / ".notes.tmp").write_bytes(b"not ours")
    assert store.check_and_recover() == []
    assert sorted(os.listdir(store.results_dir)) == [
        ".locks",
        ".notes.tmp",
        "maya.json",
    ]


def test_recovery_takes_the_students_lock(store: ResultsStore) -> None:
    store.save(make_record())
    store.path_for("maya").write_bytes(b"")
    lock = FileLock(store.results_dir / ".locks" / "maya.lock")
    with lock, pytest.raises(ResultsBusy):
        store.recover("maya")
    assert store.path_for("maya").read_bytes() == b"", "untouched while locked"
    assert store.recover("maya") is not None


def test_damaged_copy_is_copied_where_hard_links_fail(
    store: ResultsStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    _two_saves(store)
    store.path_for("maya").write_bytes(b"{{")

    def no_links(src: object, dst: object) -> None:
        raise PermissionError(errno.EPERM, "hard links not supported here")

    monkeypatch.setattr(os, "link", no_links)
    recovery = store.recover("maya")
    assert recovery is not None and recovery.restored
    assert recovery.damaged_copy.read_bytes() == b"{{"
    assert not [name for name in os.listdir(store.results_dir) if name.endswith(".tmp")]


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_recovered_files_are_private(store: ResultsStore) -> None:
    _two_saves(store)
    store.path_for("maya").write_bytes(b"")
    os.chmod(store.path_for("maya"), 0o600)
    recovery = store.recover("maya")
    assert recovery is not None
    for path in (store.path_for("maya"), recovery.damaged_copy, store.backup_path_for("maya")):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_message_when_the_good_copy_holds_no_conferences(store: ResultsStore) -> None:
    record = make_record()
    store.save(record)
    store.delete(record["id"], "maya")  # the file now holds an empty table
    store.save(make_record())  # ... which becomes the last good copy
    store.path_for("maya").write_bytes(b"x")
    recovery = store.recover("maya")
    assert recovery is not None and recovery.restored and recovery.records_restored == 0
    assert "the last good copy (no conferences) was restored" in recovery.message
    assert store.records_for("maya") == []


def test_recovery_is_a_frozen_value(store: ResultsStore) -> None:
    recovery = Recovery("maya", Path("maya.damaged-x.json"), False, 0, "the file is empty")
    with pytest.raises(AttributeError):
        recovery.restored = True  # type: ignore[misc]
    assert recovery.file_name == "maya.json"
