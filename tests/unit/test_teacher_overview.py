"""The overview service: one row per child from one read of their results, open
follow-ups first, marks that survive a later conference, damaged files named."""

from __future__ import annotations

from pathlib import Path

import pytest

from slc_tui.core.class_folder import load_class_folder
from slc_tui.store.follow_ups import FollowUpMarks
from slc_tui.store.results import ResultsStore
from slc_tui.teacher import overview as overview_module
from slc_tui.teacher.overview import read_overview, set_follow_up_done
from slc_tui.teacher.record_view import record_text
from tests.factories import FIXED_NOW, make_class, portfolio_data, record_data


@pytest.fixture
def room(tmp_path: Path) -> Path:
    students = [
        portfolio_data("maya", name="Maya López"),
        portfolio_data("leo", name="Leo Chen", grade="5"),
        portfolio_data("ada", name="Ada Byrne", grade="K"),
        portfolio_data("zoe", name="Zoe Ito", grade="1"),
    ]
    return make_class(tmp_path / "room", students, images=False)


def rows_by_id(room: Path) -> dict[str, overview_module.OverviewRow]:
    overview = read_overview(load_class_folder(room), room / "results")
    return {row.student_id: row for row in overview.rows}


def test_rows_say_status_date_minutes_and_commitments(room: Path) -> None:
    store = ResultsStore(room / "results")
    store.save(record_data("maya", minutes=23, goal_commitments=["Library on Saturdays."]))
    store.save(record_data("leo", done=False, minutes=7, commitment="", goal_commitments=[]))
    rows = rows_by_id(room)
    maya, leo, ada = rows["maya"], rows["leo"], rows["ada"]
    assert (maya.name, maya.grade, maya.status) == ("Maya López", "2", "done")
    assert (maya.date, maya.minutes) == ("2026-11-22", 23)
    assert maya.commitments == "We will read together every night. · Library on Saturdays."
    assert maya.finished is not None and maya.finished["id"] == "maya-202611221530"
    assert (leo.status, leo.minutes, leo.finished, leo.commitments) == ("in progress", 7, None, "")
    assert (ada.status, ada.date, ada.minutes, ada.follow_up) == ("not started", "", None, "none")


def test_open_follow_ups_come_first_then_everyone_by_name(room: Path) -> None:
    store = ResultsStore(room / "results")
    store.save(record_data("zoe", follow_up=True))
    store.save(record_data("leo", follow_up=True))
    store.save(record_data("maya", follow_up=True))
    FollowUpMarks(room / "results").mark_done("maya", "maya-202611221530")
    overview = read_overview(load_class_folder(room), room / "results")
    assert [row.student_id for row in overview.rows] == ["leo", "zoe", "ada", "maya"]
    assert [row.follow_up for row in overview.rows] == ["open", "open", "none", "done"]
    assert overview.open_follow_ups == 2
    assert overview.problems == []


def test_a_mark_survives_a_later_conference_and_a_new_request_is_open(room: Path) -> None:
    store = ResultsStore(room / "results")
    spring = record_data("maya", follow_up=True, term="Spring 2026", started="2026-04-15T16:00:00")
    store.save(spring)
    row = rows_by_id(room)["maya"]
    assert row.follow_up == "open"
    done, kept = set_follow_up_done(room / "results", row, True, lambda: FIXED_NOW)
    assert (done.follow_up, kept) == ("done", None)
    store.save(record_data("maya", follow_up=False))  # this term: no new request
    assert rows_by_id(room)["maya"].follow_up == "done"
    store.save(record_data("maya", follow_up=True, started="2026-11-23T09:00:00"))
    again = rows_by_id(room)["maya"]
    assert (again.follow_up, again.follow_up_record) == ("open", "maya-202611230900")


def test_undo_opens_the_follow_up_again(room: Path) -> None:
    ResultsStore(room / "results").save(record_data("leo", follow_up=True))
    row = rows_by_id(room)["leo"]
    set_follow_up_done(room / "results", row, True)
    reopened, _ = set_follow_up_done(room / "results", rows_by_id(room)["leo"], False)
    assert reopened.follow_up == "open"
    assert rows_by_id(room)["leo"].follow_up == "open"


def test_no_request_no_mark(room: Path) -> None:
    ResultsStore(room / "results").save(record_data("leo"))
    with pytest.raises(ValueError, match="asked for no private follow-up"):
        set_follow_up_done(room / "results", rows_by_id(room)["leo"], True)


def test_a_conference_set_aside_does_not_count(room: Path) -> None:
    store = ResultsStore(room / "results")
    store.save(record_data("leo", follow_up=True, status="abandoned", done=False))
    row = rows_by_id(room)["leo"]
    assert (row.status, row.follow_up, row.date) == ("not started", "none", "")


def test_a_damaged_results_file_is_an_unreadable_row_named_never_repaired(room: Path) -> None:
    results = room / "results"
    ResultsStore(results).save(record_data("leo", follow_up=True))
    (results / "maya.json").write_text("{ cut", encoding="utf-8")
    overview = read_overview(load_class_folder(room), results)
    maya = next(row for row in overview.rows if row.student_id == "maya")
    assert maya.status == "unreadable"
    assert "maya.json" in maya.problem and "not valid JSON" in maya.problem
    assert overview.problems == [maya.problem]
    assert (results / "maya.json").read_text(encoding="utf-8") == "{ cut"


def test_a_damaged_marks_file_shows_every_follow_up_open_and_says_so(room: Path) -> None:
    results = room / "results"
    ResultsStore(results).save(record_data("leo", follow_up=True))
    marks = FollowUpMarks(results)
    marks.path.parent.mkdir(parents=True)
    marks.path.write_text("nonsense", encoding="utf-8")
    overview = read_overview(load_class_folder(room), results)
    assert overview.rows[0].follow_up == "open"
    assert len(overview.problems) == 1
    assert "follow-ups.json" in overview.problems[0]
    assert "shows as open" in overview.problems[0]


def test_a_child_with_results_but_no_portfolio_is_still_listed(room: Path) -> None:
    ResultsStore(room / "results").save(
        record_data("ravi", follow_up=True, student_name="Ravi Shah", grade="3")
    )
    row = rows_by_id(room)["ravi"]
    assert (row.name, row.grade, row.in_class, row.follow_up) == ("Ravi Shah", "3", False, "open")


def test_minutes_from_a_clock_set_wrong_are_left_out(room: Path) -> None:
    store = ResultsStore(room / "results")
    store.save(record_data("maya", finished="2026-11-20T10:00:00", updated="2026-11-20T10:00:00"))
    store.save({**record_data("leo"), "started": "not a time"})
    rows = rows_by_id(room)
    assert rows["maya"].minutes is None
    assert (rows["leo"].minutes, rows["leo"].date) == (None, "2026-11-22")  # from finished


def test_long_commitments_are_cut_on_one_line(room: Path) -> None:
    promise = "We will read\n together " + "every night " * 30
    ResultsStore(room / "results").save(record_data("maya", commitment=promise))
    text = rows_by_id(room)["maya"].commitments
    assert len(text) == overview_module.COMMITMENTS_LENGTH and text.endswith("…")
    assert "\n" not in text and "  " not in text


def test_each_results_file_is_read_once(room: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = ResultsStore(room / "results")
    for student in ("maya", "leo", "zoe"):
        store.save(record_data(student))
    reads: list[str] = []
    original = ResultsStore.records_for

    def counting(self: ResultsStore, student_id: str) -> list[dict[str, object]]:
        reads.append(student_id)
        return original(self, student_id)

    monkeypatch.setattr(ResultsStore, "records_for", counting)
    read_overview(load_class_folder(room), room / "results")
    assert sorted(reads) == ["ada", "leo", "maya", "zoe"]


def test_the_record_view_has_the_take_home_copy_and_the_teacher_extras() -> None:
    text = record_text(record_data("maya", follow_up=True, parent_questions=["[b]Why?[/b]"]))
    assert "Maya's conference — 22 November 2026" in text
    assert "Private follow-up with the teacher requested: yes" in text
    assert "Questions the family asked\n- [b]Why?[/b]" in text
    assert "- welcome: I like building things." in text
    assert "finished 2026-11-22T15:48:00" in text
