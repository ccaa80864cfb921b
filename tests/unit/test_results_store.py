"""Tests for the per-student results store."""

from __future__ import annotations

import json
import os
import stat
import unicodedata
import uuid
from pathlib import Path
from typing import Any

import pytest

from slc_tui.store.atomic_storage import CorruptResultsFile
from slc_tui.store.results import ResultsStore


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
