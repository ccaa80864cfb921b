"""``slc schedule`` on a class folder: the plan a teacher reads, the files written (the
invitations read back with pypdf), re-runs, the room, refusals, ``slc validate`` and
``slc forget``."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import icalendar
import pytest
from pypdf import PdfReader

from slc_tui.cli import main
from slc_tui.core.schedule_settings import settings_from_text
from slc_tui.teacher.access import TeacherAccess
from slc_tui.teacher.schedule import plan_class_schedule, unschedule_student, write_schedule
from tests.factories import make_class, portfolio_data

pytestmark = pytest.mark.usefixtures("slc_data_dir")

NAMES = [
    "Maya López",
    "Leo López",
    "Ava Chen",
    "Noah Smith",
    "Zoë Müller",
    "Liam Nguyen",
    "Mia Nguyen",
    "An Nguyen",
    "Ethan Brown",
    "Sofia Rossi",
    "Lucas Silva",
    "Amara Okafor",
    "Kenji Sato",
    "Olivia Wilson",
    "Yusuf Demir",
    "Emma Dubois",
    "Hugo Dubois",
    "Lina Haddad",
    "Chloé Martin",
    "Arjun Patel",
    "Isla Murphy",
    "Mateo García",
    "Anya Ivanova",
    "Finn Larsen",
    "王小明",
]
REQUESTS = """\
Name;Family;Requested time;Private
Maya López;lopez;15:00;
Leo López;lopez;;
Liam Nguyen;nguyen;17:00-18:00;
Mia Nguyen;nguyen;;
An Nguyen;NGUYEN;;
Emma Dubois;dubois;;yes
Hugo Dubois;dubois;;
Lina Haddad;;16:10;
Ava Chen;;15:00;
Noah Smith;;15:00;
Zoë Müller;;15:00;
Kenji Sato;;3:30 pm;
"""
NIGHT = [
    "--day",
    "2026-11-12",
    "--from",
    "14:00",
    "--to",
    "18:45",
    "--slot",
    "30",
    "--families-per-slot",
    "3",
    "--rotate",
    "10",
    "--break",
    "16:00-16:30",
]
#: The same night, longer: room for everyone without the requests' brothers and sisters.
ROOMY = [*NIGHT, "--to", "19:30"]


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err


def student_id(name: str) -> str:
    from slc_tui.core.ids import slug

    return slug(name, fallback="wang-xiaoming")


@pytest.fixture
def room(tmp_path: Path) -> Path:
    portfolios = [portfolio_data(student_id(name), name=name, pieces=[]) for name in NAMES]
    return make_class(tmp_path / "room12", portfolios)


@pytest.fixture
def requests_csv(tmp_path: Path) -> Path:
    path = tmp_path / "requests.csv"
    path.write_bytes(REQUESTS.replace("\n", "\r\n").encode("cp1252", errors="strict"))
    return path


def invitations_text(room: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(room / "invitations.pdf").pages)


def entries(room: Path) -> dict[str, dict[str, object]]:
    data = json.loads((room / "schedule.json").read_text(encoding="utf-8"))
    assert data["format"] == "slc-schedule/1"
    return {entry["student_id"]: entry for entry in data["entries"]}


def test_conference_night_for_25_children_as_a_teacher_plans_it(
    capsys: pytest.CaptureFixture[str], room: Path, requests_csv: Path
) -> None:
    """The issue's case: 14:00-18:45, 30-minute slots, 3 families, a break, siblings."""
    code, out, err = run(capsys, "schedule", room, *NIGHT, "--requests", requests_csv)
    assert code == 0, err
    written = (room / "schedule.json", room / "schedule.ics", room / "invitations.pdf")
    assert err == f"Wrote {written[0]}, {written[1]} and {written[2]}.\n"
    plan = entries(room)
    assert len(plan) == 25
    # brothers and sisters in one slot; the break free; no slot over 3 families
    for family in (["maya-lopez", "leo-lopez"], ["liam-nguyen", "mia-nguyen", "an-nguyen"]):
        assert len({plan[child]["start"] for child in family}) == 1
    assert not any("16:00" <= str(e["start"]) < "16:30" for e in plan.values())
    families = Counter(
        (e["start"], str(e.get("family", "")).casefold() or e["student_id"]) for e in plan.values()
    )
    assert max(Counter(start for start, _ in families).values()) <= 3
    # requests honoured, or said why not
    assert plan["liam-nguyen"]["start"] >= "17:00" and plan["liam-nguyen"]["end"] <= "18:00"
    assert plan["kenji-sato"]["start"] == "15:30"
    assert plan["lina-haddad"]["notes"] == ["requested 16:10: not possible, break 16:00–16:30"]
    at_three = [e for e in plan.values() if e.get("requested") == "15:00"]
    assert sum(e["start"] == "15:00" for e in at_three) == 3  # Maya (and Leo), and two more
    assert any("requested 15:00: not possible, slot full" in e.get("notes", []) for e in at_three)
    # a private talk alone, with the teacher all slot
    dubois = plan["emma-dubois"]
    assert dubois["private"] is True and dubois["teacher_start"] == dubois["start"]
    alone = {e["student_id"] for e in plan.values() if e["start"] == dubois["start"]}
    assert alone == {"emma-dubois", "hugo-dubois"}
    # the table a teacher reads
    lines = out.splitlines()
    assert lines[0].startswith("Conference night 2026-11-12, 14:00–18:45: 8 slot(s) of 30")
    assert "25 child(ren) placed" in lines[0]
    assert any(line.startswith("16:00–16:30") and "(break)" in line for line in lines)
    assert any("Lina Haddad" in line and "break 16:00–16:30" in line for line in lines)
    assert any("王小明" in line for line in lines)
    # the calendar imports
    calendar = icalendar.Calendar.from_ical((room / "schedule.ics").read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 25
    summaries = sorted(str(event["SUMMARY"]) for event in events)
    assert all(any(name in summary for summary in summaries) for name in NAMES)
    assert len({str(event["UID"]) for event in events}) == 25
    maya = next(e for e in events if "Maya López" in str(e["SUMMARY"]))
    assert maya.decoded("DTSTART").isoformat() == f"2026-11-12T{plan['maya-lopez']['start']}:00"
    # the invitations: one slip per family (21 of them), brothers and sisters on one
    text = invitations_text(room)
    slips = text.count("Reply for: ")
    assert slips == 21 and len(PdfReader(room / "invitations.pdf").pages) == 7
    assert "Reply for: Leo López, Maya López" in text
    assert "Reply for: An Nguyen, Liam Nguyen, Mia Nguyen" in text
    for name in NAMES[:-1]:  # 王小明: the font has no Chinese, the slip shows the id
        assert text.count(f"{name}") >= 2, name
    assert "Reply for: wang-xiaoming" in text
    turn = f"{plan['kenji-sato']['teacher_start']}–{plan['kenji-sato']['teacher_end']}"
    assert f"{turn} with the teacher" in text
    assert "Thursday 12 November 2026" in text
    assert text.count("You asked for a private talk") == 1  # the Dubois family
    rooms = [line for line in text.splitlines() if line.startswith("Room ")]
    assert rooms == ["Room 12 · Teacher: Ms. Okafor"] * 21  # the class; no room given, no row


def test_running_again_keeps_every_slot_and_places_a_new_child_in_free_room(
    capsys: pytest.CaptureFixture[str], room: Path, requests_csv: Path
) -> None:
    assert run(capsys, "schedule", room, *NIGHT, "--requests", requests_csv)[0] == 0
    first = entries(room)
    data = json.loads((room / "schedule.json").read_text(encoding="utf-8"))
    data["printed"] = "2026-11-01"
    data["entries"][0]["room"] = "12B"
    (room / "schedule.json").write_text(json.dumps(data), encoding="utf-8")
    (room / "portfolios" / "olivia-wilson.json").unlink()
    make_class(room, [portfolio_data("new-kid", name="New Kid", pieces=[])])
    code, out, _ = run(capsys, "schedule", room, *NIGHT)
    assert code == 0
    again = entries(room)
    for child, entry in first.items():
        if child != "olivia-wilson":
            assert again[child]["start"] == entry["start"], child
            assert again[child].get("teacher_start") == entry.get("teacher_start")
    assert "olivia-wilson" not in again
    assert again["new-kid"]["start"] == first["olivia-wilson"]["start"]  # the place freed
    assert "Olivia Wilson (olivia-wilson), was" in out
    kept = json.loads((room / "schedule.json").read_text(encoding="utf-8"))
    assert kept["printed"] == "2026-11-01"
    assert kept["entries"][0]["room"] == "12B"
    assert again["maya-lopez"]["requested"] == "15:00"  # requests are remembered
    assert again["emma-dubois"]["private"] is True


def test_replan_places_every_family_afresh(
    capsys: pytest.CaptureFixture[str], room: Path, requests_csv: Path
) -> None:
    assert run(capsys, "schedule", room, *NIGHT, "--requests", requests_csv)[0] == 0
    later = REQUESTS.replace("Ava Chen;;15:00;", "Ava Chen;;18:00;")
    requests_csv.write_text(later, encoding="utf-8")
    assert run(capsys, "schedule", room, *NIGHT, "--requests", requests_csv)[0] == 0
    ava = entries(room)["ava-chen"]
    assert ava["start"] == "15:00"  # kept, and said
    assert ava["notes"] == ["requested 18:00: kept in its earlier slot (--replan to move)"]
    assert run(capsys, "schedule", room, *NIGHT, "--requests", requests_csv, "--replan")[0] == 0
    assert entries(room)["ava-chen"]["start"] == "18:00"


def test_no_room_for_everyone_writes_nothing_and_says_who(
    capsys: pytest.CaptureFixture[str], room: Path
) -> None:
    code, out, err = run(capsys, "schedule", room, *NIGHT[:8], "--families-per-slot", "2")
    assert code == 1
    assert "Not placed (7):" in out
    assert "no room: every slot holds 2 families" in out
    assert err.splitlines()[-1].startswith("slc: nothing written: 7 child(ren) have no slot")
    assert not (room / "schedule.json").exists() and not (room / "schedule.ics").exists()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            ["--day", "2026-13-01"],
            "slc: --day: '2026-13-01' is not a day (YYYY-MM-DD, e.g. 2026-11-12)",
        ),
        (["--from", "2pm"], "slc: --from: '2pm' is not a time of day (HH:MM, from 00:00 to 23:59)"),
        (["--to", "13:00"], "slc: --to: must be after the start (14:00), not 13:00"),
        (
            ["--rotate", "7"],
            "slc: --rotate: must divide the 30-minute slot into equal turns (e.g. 10), not 7",
        ),
        (
            ["--break", "16:30-16"],
            "slc: --break: '16:30-16' is not a time range (HH:MM-HH:MM, e.g. 16:00-16:30)",
        ),
        (["--slot", "500"], "slc: --slot: must be from 5 to 240 minutes, not 500"),
    ],
)
def test_bad_options_are_named_and_nothing_is_written(
    capsys: pytest.CaptureFixture[str], room: Path, options: list[str], message: str
) -> None:
    code, out, err = run(capsys, "schedule", room, *NIGHT, *options)
    assert code == 1 and out == ""
    assert message in err.splitlines()
    assert not (room / "schedule.json").exists()


def test_bad_request_rows_are_named_by_line_and_nothing_is_written(
    capsys: pytest.CaptureFixture[str], room: Path, tmp_path: Path
) -> None:
    requests = tmp_path / "bad.csv"
    requests.write_text("Name,Family,Time\nNobody,x,15:00\nAva Chen,,tea time\n", "utf-8")
    code, _, err = run(capsys, "schedule", room, *NIGHT, "--requests", requests)
    assert code == 1
    assert f"slc: {requests}:2: no child called Nobody in the class" in err
    assert (
        f"slc: {requests}:3: time 'tea time' is not a time (15:00) or a range (15:00-16:30)" in err
    )
    assert not (room / "schedule.json").exists()
    code, _, err = run(capsys, "schedule", room, *NIGHT, "--requests", tmp_path / "none.csv")
    assert code == 1 and f"slc: {tmp_path / 'none.csv'}: file not found" in err


def test_a_damaged_schedule_is_named_and_kept_unless_replan(
    capsys: pytest.CaptureFixture[str], room: Path
) -> None:
    (room / "schedule.json").write_text('{"format": "slc-schedule/1", "day": 3}', "utf-8")
    code, _, err = run(capsys, "schedule", room, *ROOMY)
    assert code == 1
    assert "slc: schedule.json: day: must be text, not a number" in err
    assert "slc: schedule.json: mend it, or plan afresh over it with --replan" in err
    assert run(capsys, "schedule", room, *ROOMY, "--replan")[0] == 0
    assert len(entries(room)) == 25


def test_validate_reads_the_schedule_too(capsys: pytest.CaptureFixture[str], room: Path) -> None:
    assert run(capsys, "schedule", room, *ROOMY)[0] == 0
    (room / "portfolios" / "ava-chen.json").unlink()
    data = json.loads((room / "schedule.json").read_text(encoding="utf-8"))
    data["entries"][1]["private"] = "no"
    (room / "schedule.json").write_text(json.dumps(data), encoding="utf-8")
    code, out, _ = run(capsys, "validate", room)
    assert code == 1
    assert "schedule.json: entries[1].private: must be true or false, not 'no'" in out
    assert "student_id: warning: 'ava-chen' is not in the class (slc schedule takes it out)" in out


def test_forget_takes_the_child_out_of_the_schedule_and_the_calendar(
    capsys: pytest.CaptureFixture[str], room: Path
) -> None:
    assert run(capsys, "schedule", room, *ROOMY)[0] == 0
    data = json.loads((room / "schedule.json").read_text(encoding="utf-8"))
    data["keep_me"] = True
    (room / "schedule.json").write_text(json.dumps(data), encoding="utf-8")
    TeacherAccess(room / "results").set_pin("246813")
    code, out, err = run(capsys, "forget", room, "maya-lopez", "--pin", "246813")
    assert code == 0, err
    assert out.splitlines() == [
        f"took maya-lopez out of {room / 'schedule.json'}",
        f"took maya-lopez out of {room / 'schedule.ics'}",
        f"took maya-lopez out of {room / 'invitations.pdf'}",
    ]
    assert "taken out of the schedule" in err
    assert "maya-lopez" not in entries(room) and len(entries(room)) == 24
    assert json.loads((room / "schedule.json").read_text(encoding="utf-8"))["keep_me"] is True
    ics = (room / "schedule.ics").read_bytes()
    assert b"Maya" not in ics and len(list(icalendar.Calendar.from_ical(ics).walk("VEVENT"))) == 24
    text = invitations_text(room)
    assert "Maya" not in text and "Reply for: Leo López" in text
    assert run(capsys, "forget", room, "maya-lopez", "--pin", "246813")[1] == ""  # nothing left


def test_forget_with_a_damaged_schedule_deletes_the_records_and_says_so(
    capsys: pytest.CaptureFixture[str], room: Path
) -> None:
    assert run(capsys, "schedule", room, *ROOMY)[0] == 0
    (room / "schedule.json").write_text("{not json", "utf-8")
    results = room / "results"
    TeacherAccess(results).set_pin("246813")
    (results / "maya-lopez.json").write_text("{}", "utf-8")
    code, _, err = run(capsys, "forget", room, "maya-lopez", "--pin", "246813")
    assert code == 1
    assert not (results / "maya-lopez.json").exists()
    assert "maya-lopez's records were deleted, not their schedule entry: schedule.json:" in err
    assert b"Maya" not in (room / "schedule.ics").read_bytes()  # the calendar was still done
    # the invitations are made from schedule.json, so they cannot be remade: they go
    assert not (room / "invitations.pdf").exists()
    assert "invitations.pdf was deleted (it is made from schedule.json)" in err


def test_forgetting_the_last_child_deletes_the_invitations(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    room = make_class(tmp_path / "one", [portfolio_data("ava", name="Ava Chen", pieces=[])])
    assert run(capsys, "schedule", room, *ROOMY)[0] == 0
    assert "Ava Chen" in invitations_text(room)
    TeacherAccess(room / "results").set_pin("246813")
    code, out, _ = run(capsys, "forget", room, "ava", "--pin", "246813")
    assert code == 0
    assert f"deleted {room / 'invitations.pdf'}" in out.splitlines()
    assert not (room / "invitations.pdf").exists()
    assert entries(room) == {}


def test_the_room_is_kept_shown_and_put_on_the_calendar(
    capsys: pytest.CaptureFixture[str], room: Path
) -> None:
    def locations() -> set[str]:
        calendar = icalendar.Calendar.from_ical((room / "schedule.ics").read_bytes())
        return {str(event["LOCATION"]) for event in calendar.walk("VEVENT")}

    def saved() -> dict[str, object]:
        return dict(json.loads((room / "schedule.json").read_text(encoding="utf-8")))

    code, out, _ = run(capsys, "schedule", room, *ROOMY, "--room", "  Hall\t7 ")
    assert code == 0
    assert out.startswith("Conference night 2026-11-12, 14:00–19:30, Hall 7: ")
    assert saved()["room"] == "Hall 7"
    assert list(saved()).index("room") == list(saved()).index("entries") - 1
    assert locations() == {"Hall 7"}
    assert invitations_text(room).count("Room Hall 7") == 25  # each slip's Room row (no families)
    assert run(capsys, "schedule", room, *ROOMY)[0] == 0  # again, without --room: kept
    assert saved()["room"] == "Hall 7" and locations() == {"Hall 7"}
    assert run(capsys, "schedule", room, *ROOMY, "--room", "Library")[0] == 0
    assert "Hall 7" not in invitations_text(room) and "Room Library" in invitations_text(room)
    assert run(capsys, "schedule", room, *ROOMY, "--room", "")[0] == 0  # "" takes it away
    assert "room" not in saved()
    assert locations() == {"Room 12"}  # the class's name
    assert "Room Library" not in invitations_text(room)
    code, out, err = run(capsys, "schedule", room, *ROOMY, "--room", "x" * 101)
    assert code == 1 and out == ""
    assert "slc: --room: is too long (101 characters; the limit is 100)" in err.splitlines()


def test_the_service_plans_without_writing(room: Path) -> None:
    settings, _ = settings_from_text(day="2026-11-12", start="14:00", end="16:00", slot_minutes=15)
    assert settings is not None
    planned = plan_class_schedule(room, settings)
    assert len(planned.plan.placements) == 8 and len(planned.plan.unplaced) == 17
    assert not (room / "schedule.json").exists()
    assert planned.refusals[0].endswith("no room: every slot holds 1 family")
    with pytest.raises(Exception, match="no room"):
        write_schedule(planned)
    gone = unschedule_student(room, "maya-lopez")  # no schedule: nothing to do
    assert gone == [] and gone.deleted == []
