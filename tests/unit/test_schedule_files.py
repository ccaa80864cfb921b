"""Times, the evening's settings, ``schedule.json``, the requests CSV and ``schedule.ics``."""

from __future__ import annotations

import codecs
import copy
import json
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import icalendar
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from slc_tui.core.problems import ProblemList
from slc_tui.core.schedule import Child, Placement, Plan, Request, plan_schedule
from slc_tui.core.schedule_file import parse_schedule, schedule_data, schedule_text, without_student
from slc_tui.core.schedule_requests import match_requests, read_requests
from slc_tui.core.schedule_settings import settings_from_text
from slc_tui.core.schedule_table import cell_width, schedule_lines
from slc_tui.core.schedule_times import TimeRange, parse_clock, parse_range, parse_requested
from slc_tui.export.schedule_calendar import calendar_without, event_uid, schedule_calendar

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "docs" / "schemas" / "schedule.schema.json"
NOW = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


def evening(**changes: Any) -> Any:
    values: dict[str, Any] = {
        "day": "2026-11-12",
        "start": "14:00",
        "end": "18:45",
        "slot_minutes": 30,
        "families_per_slot": 3,
        "rotate_minutes": 10,
        "breaks": ["16:00-16:30"],
    }
    values.update(changes)
    settings, problems = settings_from_text(**values)
    assert settings is not None, problems
    return settings


# -- times and settings ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15:00", (900, 900)),
        (" 9:05 ", (545, 545)),
        ("3pm", (900, 900)),
        ("3:30 PM", (930, 930)),
        ("12am", (0, 0)),
        ("15.30", (930, 930)),
        ("15h30", (930, 930)),
        ("15:00:00", (900, 900)),
        ("15:00-16:30", (900, 990)),
        ("15:00 – 16:30", (900, 990)),
        ("3-4pm", (900, 960)),
        ("3 pm to 4:30 pm", (900, 990)),
        ("", None),
    ],
)
def test_requested_times_as_people_type_them(text: str, expected: tuple[int, int] | None) -> None:
    found = parse_requested(text)
    assert ((found.start, found.end) if found else None) == expected


@pytest.mark.parametrize("text", ["15", "25:00", "15:60", "13pm", "soon", "16:00-15:00", "1-2-3"])
def test_requested_times_that_are_not_times_say_so(text: str) -> None:
    with pytest.raises(ValueError, match=repr(text)[1:-1][:10]):
        parse_requested(text)


def test_strict_times_for_options_and_files() -> None:
    assert parse_clock("08:30") == 510
    assert parse_range("16:00-16:30") == TimeRange(960, 990)
    for bad in ("3pm", "24:00", "16-17", "16:30-16:00", "16:00"):
        with pytest.raises(ValueError):
            parse_range(bad) if "-" in bad or bad == "16:00" else parse_clock(bad)


def test_settings_problems_name_each_field() -> None:
    settings, problems = settings_from_text(
        day="12/11/2026",
        start="14:00",
        end="13:00",
        slot_minutes=3,
        families_per_slot=0,
        breaks=["16:00"],
    )
    assert settings is None
    assert [field for field, _ in problems] == [
        "day",
        "breaks[0]",
        "slot_minutes",
        "families_per_slot",
        "to",
    ]


def test_rotation_must_divide_the_slot_and_give_each_family_a_turn() -> None:
    _, problems = settings_from_text(
        day="2026-11-12", start="14:00", end="18:00", slot_minutes=30, rotate_minutes=7
    )
    assert problems == [
        ("rotate_minutes", "must divide the 30-minute slot into equal turns (e.g. 10), not 7")
    ]
    _, problems = settings_from_text(
        day="2026-11-12",
        start="14:00",
        end="18:00",
        slot_minutes=30,
        families_per_slot=4,
        rotate_minutes=10,
    )
    assert problems[0][0] == "families_per_slot" and "only 3 turn(s)" in problems[0][1]


def test_an_evening_with_no_room_for_a_slot_is_refused() -> None:
    _, problems = settings_from_text(day="2026-11-12", start="14:00", end="14:20", slot_minutes=30)
    assert problems == [("slot_minutes", "no 30-minute slot fits from 14:00-14:20")]


# -- schedule.json -----------------------------------------------------------------------------


def a_plan() -> Plan:
    children = [Child("maya", "Maya López"), Child("leo", "Leo López"), Child("sam", "Sam Lee")]
    requests = {
        "maya": Request("lopez", parse_requested("15:00")),
        "leo": Request("lopez"),
        "sam": Request(private=True),
    }
    return plan_schedule(evening(), children, requests)


def read(data: Any) -> tuple[Any, list[str]]:
    problems = ProblemList("schedule.json")
    return parse_schedule(data, problems), [str(problem) for problem in problems]


def test_a_written_schedule_reads_back_as_the_same_plan() -> None:
    plan = a_plan()
    saved, problems = read(json.loads(schedule_text(plan)))
    assert problems == []
    assert saved.plan.settings == plan.settings
    assert saved.plan.placements == tuple(
        Placement(
            p.student_id, p.name, p.slot, p.turn, p.family, p.requested, p.private, False, p.notes
        )
        for p in plan.placements
    )


def test_a_written_schedule_matches_the_schema() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    data = json.loads(schedule_text(a_plan()))
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(data)) == []
    for example in schema["examples"]:
        assert read(example)[1] == []


def test_the_room_is_written_read_back_and_checked_as_the_schema_checks_it() -> None:
    plan = replace(a_plan(), settings=evening(room=" Room\n12 "))
    assert plan.settings.room == "Room 12"
    data = json.loads(schedule_text(plan))
    assert data["room"] == "Room 12"
    saved, problems = read(data)
    assert problems == [] and saved.plan.settings == plan.settings
    assert "room" not in schedule_data(a_plan(), data)  # a plan with no room drops it
    schema = jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    assert list(schema.iter_errors(data)) == []
    for room in ("", None, "Library, 2nd floor"):
        assert read({**data, "room": room})[1] == []
        assert list(schema.iter_errors({**data, "room": room})) == []
    for room in (12, "x" * 101, ["Room 12"]):
        assert read({**data, "room": room})[1], room
        assert list(schema.iter_errors({**data, "room": room})), room
    _, found = settings_from_text(
        day="2026-11-12", start="14:00", end="16:00", slot_minutes=30, room="y" * 150
    )
    assert found == [("room", "is too long (150 characters; the limit is 100)")]


def test_unknown_keys_are_kept_where_they_were() -> None:
    base = schedule_data(a_plan())
    base = {"printed": "2026-11-01", **base}
    base["entries"][0] = {"seat": 4, **base["entries"][0], "teacher_start": "14:00"}
    base["entries"][0]["teacher_end"] = "14:10"
    saved, problems = read(base)
    assert problems == [
        "schedule.json: printed: warning: unknown field (ignored)",
        "schedule.json: entries[0].seat: warning: unknown field (ignored)",
    ]
    written = schedule_data(a_plan(), saved.data)
    assert list(written)[:2] == ["printed", "format"]
    first = written["entries"][0]
    assert list(first)[:2] == ["seat", "student_id"] and first["seat"] == 4


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (
            {"format": "slc-schedule/2"},
            "format: unknown format 'slc-schedule/2'; this slc reads \"slc-schedule/1\"",
        ),
        ({"day": "2026-02-30"}, "day: '2026-02-30' is not a day (YYYY-MM-DD, e.g. 2026-11-12)"),
        ({"slot_minutes": "30"}, "slot_minutes: must be a whole number of minutes, not '30'"),
        ({"families_per_slot": 0}, "families_per_slot: must be from 1 to 50, not 0"),
        (
            {"breaks": ["later"]},
            "breaks[0]: 'later' is not a time range (HH:MM-HH:MM, e.g. 16:00-16:30)",
        ),
        ({"entries": {}}, "entries: must be a list, not an object"),
        ({"room": 12}, "room: must be text, not a number"),
        ({"room": "x" * 101}, "room: is too long (101 characters; the limit is 100)"),
    ],
)
def test_problems_name_the_field(change: dict[str, Any], problem: str) -> None:
    data = {**schedule_data(a_plan()), **change}
    _, problems = read(data)
    assert f"schedule.json: {problem}" in problems


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"student_id": "Maya"}, "entries[0].student_id: 'Maya' is not a student id"),
        (
            {"start": "2pm"},
            "entries[0].start: '2pm' is not a time of day (HH:MM, from 00:00 to 23:59)",
        ),
        ({"end": "13:00"}, "entries[0].end: must be after start (14:00)"),
        ({"teacher_end": "gone"}, "entries[0].teacher_end: is required"),
        ({"private": "yes"}, "entries[0].private: must be true or false, not 'yes'"),
        (
            {"requested": "3pm"},
            "entries[0].requested: '3pm' is not a time of day (HH:MM, from 00:00 to 23:59)",
        ),
        ({"name": ""}, "entries[0].name: is required (it is empty)"),
    ],
)
def test_a_bad_entry_is_named_and_left_out(change: dict[str, Any], problem: str) -> None:
    data = schedule_data(a_plan())
    data["entries"][0].update(change)
    if change.get("teacher_end") == "gone":
        del data["entries"][0]["teacher_end"]
    saved, problems = read(data)
    assert f"schedule.json: {problem}" in problems
    assert len(saved.plan.placements) == 2
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    if change != {"end": "13:00"}:  # the schema cannot compare two times
        assert list(jsonschema.Draft202012Validator(schema).iter_errors(data)), "schema accepts it"


def test_a_child_twice_is_an_error_and_counted_once() -> None:
    data = schedule_data(a_plan())
    data["entries"].append(copy.deepcopy(data["entries"][0]))
    saved, problems = read(data)
    assert "schedule.json: entries[3].student_id: is also entries[0] (left out)" in problems
    assert len(saved.plan.placements) == 3


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5)
        ),
        max_leaves=20,
    )
)
def test_any_json_gives_a_schedule_or_problems_never_an_exception(data: Any) -> None:
    base = schedule_data(a_plan())
    for document in (data, {**base, "entries": data}, {**base, "entries": [data]}):
        saved, problems = read(document)
        assert saved is not None or problems


def test_without_a_student_everything_else_stays() -> None:
    data = {"extra": [1], **schedule_data(a_plan())}
    changed = without_student(data, "leo")
    assert changed is not None
    assert [e["student_id"] for e in changed["entries"]] == ["sam", "maya"]
    assert changed["extra"] == [1] and len(data["entries"]) == 3  # the original stays
    assert without_student(data, "nobody") is None
    assert without_student([1, 2], "leo") is None


# -- the table ---------------------------------------------------------------------------------


def test_the_table_shows_breaks_free_slots_turns_and_notes() -> None:
    lines = schedule_lines(a_plan())
    assert lines[0].startswith("Conference night 2026-11-12, 14:00–18:45: 8 slot(s)")
    assert lines[2].split() == ["Time", "With", "teacher", "Child", "Family", "Notes"]
    text = "\n".join(lines)
    assert "Maya López" in text and "requested 15:00" in text
    assert "16:00–16:30" in text and "(break)" in text and "(free)" in text
    assert "Sam Lee" in text and "private talk" in text


def test_wide_letters_take_two_cells() -> None:
    assert cell_width("王小明") == 6 and cell_width("Zoë") == 3 and cell_width("e\u0301") == 1


# -- the requests CSV --------------------------------------------------------------------------

CHILDREN = [
    Child("maya", "Maya López"),
    Child("leo", "Leo López"),
    Child("sam", "Sam Lee"),
    Child("sam-2", "Sam Lee"),
]


def requests_of(raw: bytes) -> tuple[dict[str, Request], list[str]]:
    found, bad = match_requests(read_requests(raw), CHILDREN)
    return found, [row.where("requests.csv") for row in bad]


def test_requests_by_id_or_name_with_families_times_and_private() -> None:
    text = (
        "Student ID,Name,Family,Requested time,Private\nmaya,,lopez,15:00,\n,Leo López,lopez,,yes\n"
    )
    found, bad = requests_of(text.encode())
    assert bad == []
    assert found == {
        "maya": Request("lopez", TimeRange(900, 900), False),
        "leo": Request("lopez", None, True),
    }


def test_semicolons_a_bom_and_windows_1252_as_excel_writes_them() -> None:
    text = "Name;Family;Time;Private\r\nMaya López;López;3-4pm;x\r\n"
    for raw in (codecs.BOM_UTF8 + text.encode(), text.encode("cp1252")):
        found, bad = requests_of(raw)
        assert bad == [] and found["maya"] == Request("López", TimeRange(900, 960), True)


def test_first_and_last_name_columns() -> None:
    found, _ = requests_of(b"First name,Last name,Family\nLeo,L\xc3\xb3pez,7\n")
    assert found == {"leo": Request("7")}


def test_bad_rows_are_named_by_line() -> None:
    text = (
        "Name,Family,Time,Private\n"
        "Nobody,x,15:00,\n"
        "Maya López,,25:00,maybe\n"
        "\n"
        "Sam Lee,,,\n"
        ",fam,,\n"
        "Leo López,,,\n"
        "Leo López,,16:00,\n"
    )
    _, bad = requests_of(text.encode())
    assert bad == [
        "requests.csv:2: no child called Nobody in the class",
        "requests.csv:3: time '25:00' is not a time of day (from 00:00 to 23:59); "
        "private 'maybe' is not yes or no",
        "requests.csv:5: 2 children are called Sam Lee: give their student id",
        "requests.csv:6: no student id or name",
        "requests.csv:8: leo is also on line 7",
    ]


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "requests.csv: is empty: the first row should name the columns"),
        (
            b"PK\x03\x04rest",
            "requests.csv: is an Excel workbook (.xlsx), not CSV: save it from the spreadsheet "
            "as CSV UTF-8",
        ),
        (
            b"Name,Grade\nMaya,2\n",
            "requests.csv:1: no Family, Time or Private column (found: Name, Grade)",
        ),
        (
            b"Family,Time\nx,15:00\n",
            "requests.csv:1: no Student ID or Name column (found: Family, Time)",
        ),
        (b"ID,Family\nMaya Lopez,x\n", "requests.csv:2: id 'Maya Lopez' is not a student id"),
    ],
)
def test_a_file_that_is_no_requests_file_says_why(raw: bytes, reason: str) -> None:
    assert requests_of(raw)[1] == [reason]


@given(st.binary(max_size=300))
def test_any_bytes_give_requests_or_reasons_never_an_exception(raw: bytes) -> None:
    found = read_requests(b"Name,Family,Time,Private\n" + raw)
    assert all(row.line >= 2 for row in found.rows)
    match_requests(found, CHILDREN)


# -- schedule.ics ------------------------------------------------------------------------------


def test_the_calendar_has_one_event_per_child_in_local_time() -> None:
    plan = a_plan()
    ics = schedule_calendar(plan, "Room 12", teacher="Ms. Okafor", now=NOW)
    calendar = icalendar.Calendar.from_ical(ics)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 3
    maya = next(e for e in events if "Maya López" in str(e["SUMMARY"]))
    assert maya.decoded("DTSTART") == datetime(2026, 11, 12, 15, 0)  # floating: no tzinfo
    assert maya.decoded("DTEND") == datetime(2026, 11, 12, 15, 30)
    assert str(maya["UID"]) == event_uid(date(2026, 11, 12), "maya", "Room 12")
    assert "With the teacher: 15:" in str(maya["DESCRIPTION"])
    assert str(maya["LOCATION"]) == "Room 12"  # no room: the class's name
    assert b"DTSTART:20261112T150000\r\n" in ics
    ics = schedule_calendar(
        replace(plan, settings=evening(room="Hall 7")), "Room 12", teacher="", now=NOW
    )
    assert {str(e["LOCATION"]) for e in icalendar.Calendar.from_ical(ics).walk("VEVENT")} == {
        "Hall 7"
    }


def test_the_uid_stays_for_a_child_and_day_and_differs_between_them() -> None:
    day = date(2026, 11, 12)
    assert event_uid(day, "maya", "Room 12") == "slc-2026-11-12-maya@room-12.slc"
    assert event_uid(day, "maya", "Room 12") != event_uid(day, "maya-2", "Room 12")
    assert event_uid(day, "maya", "Room 12") != event_uid(date(2027, 3, 4), "maya", "Room 12")


def test_a_child_taken_out_of_the_calendar() -> None:
    ics = schedule_calendar(a_plan(), "Room 12", teacher="", now=NOW)
    without = calendar_without(ics, "leo")
    assert without is not None
    summaries = [str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(without).walk("VEVENT")]
    assert len(summaries) == 2 and not any("Leo" in s for s in summaries)
    assert calendar_without(ics, "le") is None  # an id is matched whole
    with pytest.raises(ValueError):
        calendar_without(b"not a calendar", "leo")
