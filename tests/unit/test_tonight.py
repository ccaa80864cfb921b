"""Tonight's order on the student list (``core/tonight.py``, ``ClassSession.picker_rows``):
children by their time when ``schedule.json`` plans today, and who is next."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

from slc_tui.core.schedule_settings import settings_from_text
from slc_tui.core.schedule_times import TimeRange
from slc_tui.core.tonight import TonightSchedule, next_up, tonight_order, tonight_times
from slc_tui.session import ClassSession
from slc_tui.store.paths import bundled_sample_dir
from slc_tui.teacher.schedule import plan_class_schedule, write_schedule
from tests.factories import record_data

pytestmark = pytest.mark.usefixtures("slc_data_dir")

EVENING = datetime(2026, 11, 22, 15, 0)
TIMES = {"maya": TimeRange(960, 975), "sam": TimeRange(900, 915), "zoe": TimeRange(915, 930)}


def _planned_class(tmp_path: Path, day: str = "2026-11-22") -> Path:
    """The sample class, planned from 15:00 in turns of 15 minutes, two families a slot:
    Aiyana 15:00, Lukas 15:15, Maya 15:30, Sam 15:45, Zoe 16:00."""
    root = tmp_path / "class"
    shutil.copytree(bundled_sample_dir(), root, ignore=shutil.ignore_patterns("results"))
    settings, problems = settings_from_text(
        day=day, start="15:00", end="17:00", slot_minutes=30, families_per_slot=2, rotate_minutes=15
    )
    assert settings is not None, problems
    write_schedule(plan_class_schedule(root, settings))
    return root


def test_planned_children_come_first_by_time_the_rest_in_name_order() -> None:
    ids = ["aiyana", "lukas", "maya", "sam", "zoe"]
    assert tonight_order(ids, TIMES) == ["sam", "zoe", "maya", "aiyana", "lukas"]
    assert tonight_order(ids, {}) == ids


def test_next_is_the_first_still_to_come_whose_time_is_not_over() -> None:
    order = [("sam", "not started"), ("zoe", "not started"), ("maya", "not started")]
    assert next_up(order, TIMES, EVENING) == "sam"
    assert next_up(order, TIMES, EVENING.replace(minute=14)) == "sam"
    assert next_up(order, TIMES, EVENING.replace(minute=15)) == "zoe"  # Sam did not come
    done = [("sam", "done"), ("zoe", "in progress"), ("maya", "not started")]
    assert next_up(done, TIMES, EVENING) == "maya"
    assert next_up(order, TIMES, EVENING.replace(hour=16, minute=15)) is None
    assert next_up([("lukas", "not started")], TIMES, EVENING) is None  # not planned


def test_a_schedule_for_another_day_or_a_damaged_one_plans_nothing(tmp_path: Path) -> None:
    root = _planned_class(tmp_path)
    watch = TonightSchedule(root)
    assert watch.times(date(2026, 11, 22))["maya"] == TimeRange(930, 945)
    assert watch.times(date(2026, 11, 23)) == {}
    (root / "schedule.json").write_text("{ not json", encoding="utf-8")
    assert watch.times(date(2026, 11, 22)) == {}  # read again: it changed
    (root / "schedule.json").unlink()
    assert watch.times(date(2026, 11, 22)) == {}
    assert tonight_times(["not", "a", "schedule"], date(2026, 11, 22)) == {}


def test_the_student_list_follows_tonight(tmp_path: Path) -> None:
    root = _planned_class(tmp_path)
    now = [datetime(2026, 11, 22, 15, 20)]
    session = ClassSession.open(root, tmp_path / "results", lambda: now[0])
    rows = session.picker_rows()
    order = [row.student.id for row in rows]
    assert order == ["aiyana", "lukas", "maya", "sam", "zoe"]
    assert [row.student.id for row in rows if row.next] == ["lukas"]
    assert rows[2].time == TimeRange(930, 945)

    session.store.save(record_data("lukas", term="Fall 2026"))
    rows = session.picker_rows()
    assert [row.student.id for row in rows if row.next] == ["maya"]
    now[0] = datetime(2026, 11, 22, 15, 50)
    assert [row.student.id for row in session.with_next(rows) if row.next] == ["sam"]
    now[0] = datetime(2026, 11, 23, 15, 50)  # the next day: name order, no times
    rows = session.picker_rows()
    assert all(row.time is None and not row.next for row in rows)
