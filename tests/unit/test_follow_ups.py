"""The teacher's follow-up marks: kept with the class, never taken for results, forgotten
with the student, and a damaged file named, not a traceback."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from slc_tui.store.follow_ups import FOLLOW_UPS_FORMAT, FollowUpMarks, FollowUpsUnreadable
from slc_tui.store.results import ResultsStore
from slc_tui.store.teacher_access import forget_student
from slc_tui.teacher.export import export_text
from tests.factories import FIXED_NOW, record_data


def marks_in(results: Path) -> FollowUpMarks:
    return FollowUpMarks(results, clock=lambda: FIXED_NOW)


def test_a_mark_is_kept_in_the_teacher_folder_privately(tmp_path: Path) -> None:
    marks = marks_in(tmp_path / "results")
    assert marks.read() == {}
    assert marks.mark_done("maya", "conf-1") is None
    path = tmp_path / "results" / "teacher" / "follow-ups.json"
    assert marks.path == path
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document == {
        "format": FOLLOW_UPS_FORMAT,
        "done": {"maya": {"record": "conf-1", "marked": "2026-11-22T14:03:11"}},
    }
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert marks.read()["maya"].record_id == "conf-1"


def test_clear_takes_the_mark_away_and_leaves_the_others(tmp_path: Path) -> None:
    marks = marks_in(tmp_path)
    marks.mark_done("maya", "conf-1")
    marks.mark_done("leo", "conf-2")
    marks.clear("maya")
    assert set(marks.read()) == {"leo"}
    marks.clear("nobody")  # nothing to take away: fine
    assert set(marks.read()) == {"leo"}


def test_the_marks_file_is_never_read_as_a_results_file_nor_exported(tmp_path: Path) -> None:
    results = tmp_path / "results"
    store = ResultsStore(results)
    store.save(record_data("maya", follow_up=True))
    marks_in(results).mark_done("teacher", "x")  # even a child whose id is "teacher"
    marks_in(results).mark_done("maya", "maya-202611221530")
    assert store.student_ids() == ["maya"]
    assert [r["student_id"] for r in store.all_records()] == ["maya"]
    assert store.check_and_recover() == []
    text, count = export_text(results, "csv")
    assert count == 1 and "follow-ups" not in text


def test_forgetting_a_student_takes_their_mark_out(tmp_path: Path) -> None:
    results = tmp_path / "results"
    ResultsStore(results).save(record_data("maya", follow_up=True))
    ResultsStore(results).save(record_data("leo", follow_up=True))
    marks = marks_in(results)
    marks.mark_done("maya", "maya-202611221530")
    marks.mark_done("leo", "leo-202611221530")
    deleted = forget_student(results, "maya")
    assert results / "maya.json" in deleted
    assert all(path.parent == results or path.parent.name == "take-home" for path in deleted)
    assert set(marks.read()) == {"leo"}
    assert (results / "teacher" / "follow-ups.json").exists()


def test_forgetting_a_student_with_no_marks_writes_nothing(tmp_path: Path) -> None:
    results = tmp_path / "results"
    ResultsStore(results).save(record_data("maya"))
    forget_student(results, "maya")
    assert not (results / "teacher").exists()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"{ not json", "not valid JSON"),
        (b"\xff\xfe junk", "not UTF-8 text"),
        (b'{"format": "something else"}', 'format: must be "slc-follow-ups/1"'),
        (b'{"format": "slc-follow-ups/1", "done": []}', "done: must be an object"),
        (b'{"format": "slc-follow-ups/1", "done": {"maya": 3}}', "'maya': not a follow-up mark"),
        (b'{"format": "slc-follow-ups/1", "done": {"../x": {"record": "a"}}}', "'../x'"),
    ],
)
def test_a_damaged_file_is_named_with_its_reason(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    marks = marks_in(tmp_path)
    marks.path.parent.mkdir(parents=True)
    marks.path.write_bytes(content)
    with pytest.raises(FollowUpsUnreadable) as raised:
        marks.read()
    assert str(marks.path) in str(raised.value)
    assert reason in str(raised.value)


def test_marking_over_a_damaged_file_keeps_it_aside(tmp_path: Path) -> None:
    marks = marks_in(tmp_path)
    marks.path.parent.mkdir(parents=True)
    marks.path.write_bytes(b"{ cut off")
    kept = marks.mark_done("maya", "conf-1")
    assert kept == marks.path.parent / "follow-ups.damaged-20261122-140311.json"
    assert kept.read_bytes() == b"{ cut off"
    assert set(marks.read()) == {"maya"}


def test_forget_with_a_damaged_marks_file_says_so_after_deleting(tmp_path: Path) -> None:
    results = tmp_path / "results"
    ResultsStore(results).save(record_data("maya"))
    marks = marks_in(results)
    marks.path.parent.mkdir(parents=True)
    marks.path.write_bytes(b"[]")
    with pytest.raises(FollowUpsUnreadable, match=r"follow-ups\.json"):
        forget_student(results, "maya")
    assert not (results / "maya.json").exists()


def test_bad_ids_are_refused(tmp_path: Path) -> None:
    marks = marks_in(tmp_path)
    with pytest.raises(ValueError):
        marks.mark_done("../maya", "conf-1")
    with pytest.raises(ValueError):
        marks.mark_done("maya", "")


def test_slc_forget_takes_the_mark_out_and_names_a_damaged_marks_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from slc_tui.cli import main
    from slc_tui.store.teacher_access import PinStore
    from tests.factories import make_class, portfolio_data

    room = make_class(tmp_path / "room", [portfolio_data("maya")], images=False)
    results = room / "results"
    ResultsStore(results).save(record_data("maya", follow_up=True))
    PinStore(results).set("246813")
    marks = marks_in(results)
    marks.mark_done("maya", "maya-202611221530")
    marks.mark_done("leo", "leo-1")
    assert main(["forget", str(room), "maya", "--pin", "246813"]) == 0
    assert set(marks.read()) == {"leo"}
    ResultsStore(results).save(record_data("maya"))
    marks.path.write_text("{ cut", encoding="utf-8")
    capsys.readouterr()
    assert main(["forget", str(room), "maya", "--pin", "246813"]) == 1
    err = capsys.readouterr().err
    assert "maya's records were deleted, not their follow-up mark:" in err
    assert "follow-ups.json: not valid JSON" in err
