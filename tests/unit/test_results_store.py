"""Tests for the per-student results store."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
import time
import unicodedata
import uuid
from pathlib import Path
from typing import Any

import pytest
from filelock import FileLock

from slc_tui.store.results import ResultsBusy, ResultsStore
from slc_tui.store.tinydb_document import CorruptResultsFile


def make_record(student_id: str = "maya", **changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "format": "slc-record/1",
        "id": uuid.uuid4().hex,
        "student_id": student_id,
        "student_name": "Maya López",
        "grade": "1",
        "class_name": "Room 12",
        "term": "Fall 2026",
        "status": "in_progress",
        "step": "welcome",
        "started": "2026-11-22T14:03:11",
        "updated": "2026-11-22T14:03:11",
        "finished": None,
        "chosen": ["butterfly", "story", "arrays"],
        "said": {},
        "strengths": [],
        "next_steps": [],
        "goals": [],
        "parent_questions": [],
        "commitment": "",
        "goal_commitments": [],
        "follow_up": False,
    }
    record.update(changes)
    return record


@pytest.fixture
def store(tmp_path: Path) -> ResultsStore:
    return ResultsStore(tmp_path / "results")


def test_folder_is_created_lazily(store: ResultsStore) -> None:
    assert store.records_for("maya") == []
    assert store.all_records() == []
    assert not store.results_dir.exists()
    store.save(make_record())
    assert store.results_dir.is_dir()
    if os.name == "posix":
        assert stat.S_IMODE(store.results_dir.stat().st_mode) & 0o077 == 0


def test_save_returns_the_students_file(store: ResultsStore) -> None:
    path = store.save(make_record())
    assert path == store.results_dir / "maya.json"
    assert list(json.loads(path.read_text(encoding="utf-8"))) == ["conferences"]


def test_save_upserts_by_id(store: ResultsStore) -> None:
    record = make_record(said={"welcome": "hi"}, extra="gone later")
    store.save(record)
    del record["extra"]
    record.update(step="piece:butterfly", said={"welcome": "hello"})
    store.save(record)
    saved = store.records_for("maya")
    assert saved == [record], "replaced in full, not merged"
    assert type(saved[0]) is dict


def test_returned_records_are_copies(store: ResultsStore) -> None:
    store.save(make_record(chosen=["a"]))
    first = store.records_for("maya")
    first[0]["chosen"].append("mutated")
    assert store.records_for("maya")[0]["chosen"] == ["a"]


def test_records_are_oldest_first_and_upserted(store: ResultsStore) -> None:
    fall = make_record(status="done", started="2026-11-22T14:00:00", finished="2026-11-22T14:20:00")
    spring = make_record(started="2027-03-10T09:00:00")
    store.save(spring)
    store.save(fall)
    assert [r["id"] for r in store.records_for("maya")] == [fall["id"], spring["id"]]

    spring.update(status="done", finished="2027-03-10T09:25:00")
    store.save(spring)
    assert store.records_for("maya")[-1] == spring
    assert len(store.records_for("maya")) == 2


def test_records_sorted_by_started_regardless_of_save_order(store: ResultsStore) -> None:
    later = make_record(started="2027-03-10T09:00:00")
    earlier = make_record(started="2026-11-22T14:00:00")
    store.save(later)
    store.save(earlier)
    assert [r["id"] for r in store.records_for("maya")] == [earlier["id"], later["id"]]


def test_one_file_per_student_and_all_records(store: ResultsStore) -> None:
    zoe = make_record("zoe", student_name="Zoë")
    maya_late = make_record(started="2027-03-10T09:00:00")
    maya_early = make_record(started="2026-11-22T14:00:00")
    for record in (zoe, maya_late, maya_early):
        store.save(record)
    (store.results_dir / "Not-An-Id.json").write_text("not json", encoding="utf-8")
    (store.results_dir / "notes.txt").write_text("ignored", encoding="utf-8")
    files = sorted(p.name for p in store.results_dir.glob("*.json"))
    assert files == ["Not-An-Id.json", "maya.json", "zoe.json"]
    assert [r["id"] for r in store.all_records()] == [maya_early["id"], maya_late["id"], zoe["id"]]
    maya_file = json.loads((store.results_dir / "maya.json").read_text(encoding="utf-8"))
    assert len(maya_file["conferences"]) == 2


def test_delete(store: ResultsStore) -> None:
    keep, drop = make_record(), make_record(started="2027-01-01T00:00:00")
    store.save(keep)
    store.save(drop)
    assert store.delete(drop["id"], "maya") is True
    assert store.records_for("maya") == [keep]
    assert store.delete(drop["id"], "maya") is False
    assert store.delete("nope", "nobody") is False


@pytest.mark.parametrize("bad_id", ["../evil", "Maya", "", "a/b", ".hidden", "x" * 65, "maya\n"])
def test_bad_student_id_is_refused(store: ResultsStore, bad_id: str) -> None:
    with pytest.raises(ValueError):
        store.save(make_record(bad_id))
    with pytest.raises(ValueError):
        store.records_for(bad_id)
    with pytest.raises(ValueError):
        store.delete("x", bad_id)
    assert not store.results_dir.exists()


def test_record_without_id_is_refused(store: ResultsStore) -> None:
    with pytest.raises(ValueError):
        store.save(make_record(id=""))


def test_unicode_round_trip_and_nfc(store: ResultsStore) -> None:
    text = "😀 é 中文 שלום — Ça va? Ñandú"
    decomposed = unicodedata.normalize("NFD", "José")
    record = make_record(commitment=text, said={"welcome": decomposed}, goals=[{"goal": text}])
    store.save(record)
    (saved,) = store.records_for("maya")
    assert saved["commitment"] == text
    assert saved["goals"] == [{"goal": text}]
    assert saved["said"]["welcome"] == "José" == unicodedata.normalize("NFC", decomposed)
    assert text in (store.results_dir / "maya.json").read_text(encoding="utf-8")


def test_corrupt_file_is_reported_not_reset(store: ResultsStore) -> None:
    store.save(make_record())
    path = store.results_dir / "maya.json"
    path.write_text('{"conferences": {', encoding="utf-8")
    with pytest.raises(CorruptResultsFile):
        store.records_for("maya")
    with pytest.raises(CorruptResultsFile):
        store.save(make_record())
    assert path.read_text(encoding="utf-8") == '{"conferences": {'


def test_empty_file_is_reported_not_reset(store: ResultsStore) -> None:
    store.save(make_record())
    path = store.results_dir / "maya.json"
    path.write_bytes(b"")
    with pytest.raises(CorruptResultsFile, match="empty"):
        store.records_for("maya")
    with pytest.raises(CorruptResultsFile):
        store.save(make_record())
    assert path.read_bytes() == b""


def test_every_save_and_delete_leaves_the_backup_equal_to_what_it_wrote(
    store: ResultsStore,
) -> None:
    first, second = make_record(), make_record(started="2027-03-10T09:00:00")
    path, backup = store.path_for("maya"), store.backup_path_for("maya")
    assert backup == store.results_dir / "maya.json.bak"
    for change in (
        lambda: store.save(first),
        lambda: store.save(second),
        lambda: store.save({**second, "step": "goals"}),
        lambda: store.delete(second["id"], "maya"),
    ):
        change()
        assert backup.read_bytes() == path.read_bytes()
        assert not os.path.samefile(path, backup), "two files: damage to one spares the other"
    assert store.records_for("maya") == [first]
    with open(path, "r+b") as handle:  # damaged in place (a bad disk, an editor)
        handle.write(b"xx")
    assert json.loads(backup.read_bytes()) == {"conferences": {"1": first}}


def write_results(path: Path, *records: dict[str, Any]) -> bytes:
    """Write ``path`` by hand as a TinyDB document holding ``records``; return its bytes."""
    raw = json.dumps({"conferences": {str(n): r for n, r in enumerate(records, 1)}}).encode()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    return raw


FOREIGN_OWNERS = {
    "another student": ("sam", "student id 'sam'"),
    "a number": (5, "student id a number"),
    "null": (None, "student id null"),
    "a list": (["maya"], "student id a list"),
    "an object": ({"id": "maya"}, "student id an object"),
    "other case": ("Maya", "student id 'Maya'"),
    "blank": ("", "student id ''"),
}


@pytest.mark.parametrize("owner", FOREIGN_OWNERS.values(), ids=FOREIGN_OWNERS.keys())
def test_a_conference_that_is_not_the_students_makes_the_file_damaged(
    store: ResultsStore, owner: tuple[object, str]
) -> None:
    student_id, named = owner
    path = store.path_for("maya")
    raw = write_results(path, make_record(), make_record(student_id=student_id))
    expected = f"1 conference in it is not maya's: {named}"
    with pytest.raises(CorruptResultsFile) as caught:
        store.records_for("maya")
    assert caught.value.reason == expected
    assert caught.value.path == path
    with pytest.raises(CorruptResultsFile, match="not maya's"):
        store.all_records()  # nor is it exported
    with pytest.raises(CorruptResultsFile, match="not maya's"):
        store.save(make_record())  # nor saved into
    assert path.read_bytes() == raw, "untouched"


def test_a_conference_without_a_student_id_makes_the_file_damaged(store: ResultsStore) -> None:
    stray = make_record()
    del stray["student_id"]
    write_results(store.path_for("maya"), stray, make_record("sam"), make_record(student_id=7))
    with pytest.raises(CorruptResultsFile) as caught:
        store.records_for("maya")
    assert caught.value.reason == (
        "3 conferences in it are not maya's: student id missing, 'sam', a number"
    )


def test_all_records_ignores_backups_damaged_copies_and_locks(store: ResultsStore) -> None:
    record = make_record()
    store.save(record)
    store.save(record)
    (store.results_dir / "maya.damaged-20261122-145501.json").write_text("{", encoding="utf-8")
    assert (store.results_dir / "maya.json.bak").exists()
    assert (store.results_dir / ".locks" / "maya.lock").exists()
    assert store.all_records() == [record]


def _hold_lock(store: ResultsStore, student_id: str) -> FileLock:
    """Take a student's lock the way another copy of the app would (own file handle)."""
    lock = FileLock(store.results_dir / ".locks" / f"{student_id}.lock", thread_local=False)
    lock.acquire()
    return lock


def test_busy_lock_raises_results_busy(tmp_path: Path) -> None:
    store = ResultsStore(tmp_path / "results", lock_timeout=0.2)
    store.save(make_record())
    before = (store.results_dir / "maya.json").read_bytes()
    lock = _hold_lock(store, "maya")
    try:
        started = time.monotonic()
        with pytest.raises(ResultsBusy) as caught:
            store.save(make_record())
        assert 0.15 <= time.monotonic() - started < 5
        with pytest.raises(OSError):
            store.delete("x", "maya")
        store.save(make_record("zoe"))  # other students are not blocked
    finally:
        lock.release()
    busy = caught.value
    assert isinstance(busy, OSError)
    assert busy.path == store.results_dir / "maya.json"
    assert busy.timeout == 0.2
    assert str(busy) == (
        "maya.json is being saved by another copy of the app (waited 0.2 s); try again in a moment"
    )
    assert (store.results_dir / "maya.json").read_bytes() == before
    store.save(make_record())  # free again
    assert len(store.records_for("maya")) == 2


def test_save_waits_for_a_short_lock(tmp_path: Path) -> None:
    store = ResultsStore(tmp_path / "results", lock_timeout=10)
    store.save(make_record())
    lock = _hold_lock(store, "maya")
    releaser = threading.Timer(0.3, lock.release)
    releaser.start()
    started = time.monotonic()
    store.save(make_record())
    assert time.monotonic() - started >= 0.25
    releaser.join()
    assert len(store.records_for("maya")) == 2


def test_lock_held_by_another_process_blocks_saves(tmp_path: Path) -> None:
    store = ResultsStore(tmp_path / "results", lock_timeout=0.3)
    store.save(make_record())
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(store.results_dir / ".locks" / "maya.lock")],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(ResultsBusy):
            store.save(make_record())
    finally:
        holder.kill()
        holder.wait()
    store.save(make_record())  # the dead holder's lock is gone with it


HOLD_LOCK = """
import sys, time
from filelock import FileLock
lock = FileLock(sys.argv[1])
lock.acquire()
print("locked", flush=True)
time.sleep(60)
"""


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_everything_the_store_creates_is_private(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        store = ResultsStore(tmp_path / "class" / "results")
        record = make_record()
        store.save(record)
        store.save(record)
    finally:
        os.umask(old_umask)
    results = store.results_dir
    for folder in (results.parent, results, results / ".locks"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    for file in (results / "maya.json", results / "maya.json.bak", results / ".locks/maya.lock"):
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
    assert sorted(p.name for p in results.iterdir()) == [".locks", "maya.json", "maya.json.bak"]


def test_a_save_that_cannot_write_its_backup_changes_neither_file(
    store: ResultsStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from slc_tui.store import fileops

    store.save(make_record())
    path, backup = store.path_for("maya"), store.backup_path_for("maya")
    before = path.read_bytes()
    real_write = fileops._write_temp_file

    def no_room_for_the_backup(target: Path, data: bytes) -> Path:
        if target == backup:
            raise OSError(28, "No space left on device")
        return real_write(target, data)

    monkeypatch.setattr(fileops, "_write_temp_file", no_room_for_the_backup)
    with pytest.raises(OSError, match="No space"):
        store.save(make_record())
    assert path.read_bytes() == before == backup.read_bytes()
    assert not [name for name in os.listdir(store.results_dir) if name.endswith(".tmp")]
