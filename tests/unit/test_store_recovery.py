"""Recovering damaged results files from the last good copy that every save keeps."""

from __future__ import annotations

import errno
import os
import stat
from datetime import datetime
from pathlib import Path

import pytest
from filelock import FileLock

from slc_tui.store.recovery import Recovery
from slc_tui.store.results import ResultsBusy, ResultsStore
from slc_tui.store.tinydb_document import CorruptResultsFile
from tests.unit.test_results_store import make_record, write_results

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
    """Save two conferences of Maya; the backup then holds both (what the last save wrote)."""
    first, second = make_record(), make_record(started="2027-03-10T09:00:00")
    store.save(first)
    store.save(second)
    return first, second


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_damaged_file_is_kept_and_last_good_copy_restored(
    store: ResultsStore, damage: tuple[bytes, str]
) -> None:
    content, reason = damage
    first, second = _two_saves(store)
    path = store.path_for("maya")
    path.write_bytes(content)
    with pytest.raises(CorruptResultsFile):
        store.records_for("maya")

    (recovery,) = store.check_and_recover()

    damaged = store.results_dir / DAMAGED_NAME
    assert recovery == Recovery("maya", damaged, True, 2, recovery.reason)
    assert reason in recovery.reason
    assert damaged.read_bytes() == content, "the damaged file is kept as it was"
    assert store.records_for("maya") == [first, second], "the last save is not lost"
    assert store.all_records() == [first, second], "the damaged copy is not read"
    assert store.check_and_recover() == []
    assert recovery.message == (
        f"maya.json was damaged ({recovery.reason}); it is kept as {DAMAGED_NAME} "
        "and the last good copy (2 conferences) was restored."
    )


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_without_a_good_copy_the_student_starts_fresh(
    store: ResultsStore, damage: tuple[bytes, str]
) -> None:
    content, reason = damage
    store.path_for("maya").parent.mkdir(parents=True)
    store.path_for("maya").write_bytes(content)  # (never saved by slc: no backup)

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
    assert all(r.restored and r.records_restored == 2 for r in recoveries)
    assert len(store.all_records()) == 6, "leo's two, and two each restored"


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
        "maya.json.bak",
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
    store.delete(record["id"], "maya")  # the file, and its last good copy, hold an empty table
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


# -- the last good copy is the last save -------------------------------------------------


def test_repair_restores_the_latest_save_not_the_one_before(store: ResultsStore) -> None:
    record = make_record(said={"welcome": "We"})
    store.save(record)
    latest = {**record, "said": {"welcome": "We read every night"}, "step": "goals"}
    store.save(latest)
    store.path_for("maya").write_bytes(b"")  # damaged after save N
    recovery = store.recover("maya")
    assert recovery is not None and recovery.restored
    assert store.records_for("maya") == [latest]


# -- conferences that are not the student's ----------------------------------------------


def test_other_students_conferences_are_kept_aside_and_the_students_own_kept(
    store: ResultsStore,
) -> None:
    own, later_own = make_record(), make_record(started="2027-03-10T09:00:00")
    sams = make_record("sam", status="in_progress", said={"welcome": "Sam's words"})
    path = store.path_for("maya")
    raw = write_results(path, own, sams, later_own, make_record(student_id=5))

    (recovery,) = store.check_and_recover()

    assert recovery == Recovery(
        "maya", store.results_dir / DAMAGED_NAME, False, 2, recovery.reason, kept_own=True
    )
    assert recovery.reason == "2 conferences in it are not maya's: student id 'sam', a number"
    assert recovery.message == (
        f"maya.json was damaged ({recovery.reason}); it is kept as {DAMAGED_NAME} "
        "and what was maya's own in it (2 conferences) was kept."
    )
    assert recovery.damaged_copy.read_bytes() == raw, "everything kept, byte for byte"
    assert store.records_for("maya") == [own, later_own]
    assert not store.path_for("sam").exists(), "nothing written for Sam"
    assert store.check_and_recover() == []


def test_a_file_of_only_another_students_conferences_gets_the_last_good_copy_back(
    store: ResultsStore,
) -> None:
    first, second = _two_saves(store)
    sam_json = write_results(store.path_for("sam"), make_record("sam", status="done"))
    store.path_for("maya").write_bytes(sam_json)  # sam.json copied over maya.json

    recovery = store.recover("maya")

    assert recovery is not None and recovery.restored and not recovery.kept_own
    assert recovery.reason == "1 conference in it is not maya's: student id 'sam'"
    assert "the last good copy (2 conferences) was restored." in recovery.message
    assert store.records_for("maya") == [first, second]
    assert recovery.damaged_copy.read_bytes() == sam_json


def test_a_last_good_copy_is_restored_without_other_students_conferences(
    store: ResultsStore,
) -> None:
    own = make_record()
    write_results(store.backup_path_for("maya"), own, make_record("sam"))  # an older app's
    store.path_for("maya").write_bytes(b"{")
    recovery = store.recover("maya")
    assert recovery is not None and (recovery.restored, recovery.records_restored) == (True, 1)
    assert store.records_for("maya") == [own]


def test_only_another_students_conferences_and_no_good_copy(store: ResultsStore) -> None:
    write_results(store.path_for("maya"), make_record("sam"))
    recovery = store.recover("maya")
    assert recovery is not None and not recovery.restored and not recovery.kept_own
    assert not store.path_for("maya").exists()
    assert store.records_for("maya") == []


# -- a save that finds its file damaged --------------------------------------------------


def test_a_save_into_a_damaged_file_repairs_it_and_saves(store: ResultsStore) -> None:
    other = make_record(started="2026-09-01T09:00:00", status="done")
    record = make_record(said={"welcome": "We"})
    store.save(other)
    store.save(record)
    store.path_for("maya").write_bytes(b'{"conferences": {"1": {')  # broken mid-conference
    newer = {**record, "said": {"welcome": "We read every night"}}

    path, recovery = store.save_recovering(newer)

    assert path == store.path_for("maya")
    assert recovery is not None and recovery.restored and recovery.saved_again
    assert recovery.message.endswith(
        "and the last good copy (2 conferences) was restored."
        " The conference open now was saved into it too."
    )
    assert store.records_for("maya") == [other, newer]
    assert store.backup_path_for("maya").read_bytes() == path.read_bytes()
    assert (store.results_dir / DAMAGED_NAME).read_bytes() == b'{"conferences": {"1": {'
    assert store.save_recovering({**newer, "step": "goals"})[1] is None, "all well again"


def test_a_save_into_a_damaged_file_without_a_good_copy_starts_it_afresh(
    store: ResultsStore,
) -> None:
    store.path_for("maya").parent.mkdir(parents=True)
    store.path_for("maya").write_bytes(b"")
    record = make_record()
    _, recovery = store.save_recovering(record)
    assert recovery is not None and not recovery.restored
    assert recovery.message == (
        f"maya.json was damaged (the file is empty); it is kept as {DAMAGED_NAME}. "
        "There was no good earlier copy to restore, so a new maya.json was started "
        "with the conference open now."
    )
    assert store.records_for("maya") == [record]


def test_a_save_into_a_file_holding_another_students_conference(store: ResultsStore) -> None:
    own = make_record(started="2026-09-01T09:00:00")
    write_results(store.path_for("maya"), own, make_record("sam"))
    record = make_record()
    _, recovery = store.save_recovering(record)
    assert recovery is not None and recovery.kept_own and recovery.saved_again
    assert store.records_for("maya") == [own, record]
    assert not store.path_for("sam").exists()


def test_a_plain_save_still_refuses_a_damaged_file(store: ResultsStore) -> None:
    store.save(make_record())
    store.path_for("maya").write_bytes(b"{")
    with pytest.raises(CorruptResultsFile):
        store.save(make_record())
    assert store.path_for("maya").read_bytes() == b"{"
