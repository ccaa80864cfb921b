"""The class report (``teacher/report.py`` on ``export/school_report_pdf.py``): read back
with pypdf, by its text and where on which page each part landed."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from slc_tui.core.class_folder import load_class_folder
from slc_tui.export.document import GoalPlan
from slc_tui.export.school_report import ReportChild, SchoolReport
from slc_tui.export.school_report_pdf import school_report_pdf
from slc_tui.store.results import ResultsStore
from slc_tui.teacher.overview import OverviewRow, read_overview, set_follow_up_done
from slc_tui.teacher.report import (
    ReportFailed,
    class_report,
    default_report_path,
    write_class_report,
    write_report,
)
from tests.factories import make_class, portfolio_data, record_data

DAY = date(2026, 11, 23)


def pages(data: bytes) -> list[str]:
    """Each page's text, lines joined by single spaces (pypdf breaks lines its own way)."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


def text(data: bytes) -> str:
    return " ".join(pages(data))


@pytest.fixture
def room(tmp_path: Path) -> Path:
    """Maya (done, follow-up open, two goals), Leo (done, follow-up handled), Zoe (started),
    Ada (no conference this term, one last spring)."""
    root = make_class(
        tmp_path / "room",
        [
            portfolio_data("maya", name="Maya López"),
            portfolio_data("leo", name="Leo Chen", grade="5"),
            portfolio_data("zoe", name="Zoe Ito", grade="1"),
            portfolio_data("ada", name="Ada Byrne", grade="K"),
        ],
        images=False,
    )
    store = ResultsStore(root / "results")
    goals = [
        {"goal": "Read a chapter book.", "how": "Read every night.", "by": "2027-03"},
        {"goal": "Learn the 7 times table.", "how": "Flash cards.", "by": "2027-01-15"},
    ]
    store.save(
        record_data(
            "maya",
            follow_up=True,
            minutes=22,
            goals=goals,
            goal_commitments=["Library on Saturdays.", "Cards in the car."],
            commitment="We will read together 📚 every night.\nAsk about school at dinner.",
        )
    )
    store.save(record_data("leo", follow_up=True, minutes=15, commitment="Robotics club."))
    store.save(record_data("zoe", done=False, minutes=6, commitment="", goals=[]))
    store.save(record_data("ada", started="2026-04-15T16:00:00", term="Spring 2026"))
    folder = load_class_folder(root)
    rows = read_overview(folder, root / "results").rows
    leo = next(row for row in rows if row.name == "Leo Chen")
    set_follow_up_done(root / "results", leo, True)
    return root


def report_bytes(room: Path) -> bytes:
    path = write_class_report(room, room / "results", DAY).path
    return path.read_bytes()


def test_the_report_has_its_sections_in_order_with_goals_and_commitments(room: Path) -> None:
    all_text = text(report_bytes(room))
    assert "Room 12: conference report" in all_text
    assert "Teacher: Ms. Okafor · Term: Fall 2026 · Made on 23 November 2026" in all_text
    assert "4 children: 2 done, 1 in progress, 1 not started 1 follow-up(s) open, 1 done" in (
        all_text
    )
    follow_ups = all_text.index("Follow-up requests")
    every = all_text.index("Every child")
    waiting = all_text.index("No conference yet")
    assert follow_ups < every < waiting
    requests = all_text[follow_ups:every]
    assert requests.index("Maya López") < requests.index("Leo Chen")  # open ones first
    assert "Maya López maya 2 open 22 November 2026 done" in requests
    assert "Leo Chen leo 5 done (handled) 22 November 2026 done" in requests
    children = all_text[every:waiting]
    for words in (
        "Read a chapter book.",
        "How: Read every night. · By: March 2027",
        "At home: Library on Saturdays.",
        "Learn the 7 times table.",
        "By: 15 January 2027",
        "At home: Cards in the car.",
        "We will read together every night.",  # the emoji left out
        "Ask about school at dinner.",
        "Robotics club.",
        "Grade 1 · ID zoe · In progress (not finished) · 22 November 2026 · 6 min",
    ):
        assert words in children
    assert "Ada Byrne" not in children
    assert "Ada Byrne ada K 15 April 2026" in all_text[waiting:]
    assert "📚" not in all_text


def test_every_page_says_the_class_and_its_number(room: Path) -> None:
    data = report_bytes(room)
    for number, page in enumerate(pages(data), start=1):
        assert f"Room 12 · page {number} of {len(pages(data))}" in page


def test_the_default_path_is_in_the_exports_folder_and_owner_only(room: Path) -> None:
    written = write_class_report(room, room / "results", DAY)
    assert written.path == room / "results" / "exports" / "report-2026-11-23.pdf"
    assert written.path == default_report_path(room / "results", DAY)
    assert written.path.stat().st_mode & 0o077 == 0
    assert (written.children, written.problems) == (4, ())


def test_the_report_and_the_overview_agree(room: Path) -> None:
    folder = load_class_folder(room)
    overview = read_overview(folder, room / "results")
    report = class_report(folder, overview, DAY)
    by_id = {child.student_id: child for child in report.children}
    for row in overview.rows:
        child = by_id[row.student_id]
        assert (child.status, child.day, child.minutes, child.follow_up) == (
            row.status,
            row.date,
            row.minutes,
            row.follow_up,
        )
    assert [c.student_id for c in report.follow_ups] == ["maya", "leo"]
    assert [c.student_id for c in report.not_started] == ["ada"]


def test_damaged_records_and_unreadable_files_are_listed_not_a_crash(room: Path) -> None:
    store = ResultsStore(room / "results")
    store.save(
        record_data(
            "zoe",
            started="2026-11-22T17:00:00",
            goals="not a list",
            goal_commitments={"a": 1},
            commitment=["not", "text"],
            minutes=3,
        )
    )
    store.save(record_data("gone", student_name="Gone Away", minutes=9))  # no portfolio
    (room / "results" / "leo.json").write_text("{ cut off", encoding="utf-8")
    written = write_class_report(room, room / "results", DAY)
    all_text = text(written.path.read_bytes())
    assert any("leo.json" in problem for problem in written.problems)
    assert "1 with a results file that cannot be read" in all_text
    assert "The results file cannot be read:" in all_text and "leo.json" in all_text
    assert "Gone Away (no portfolio in the class folder)" in all_text
    zoe = all_text[all_text.index("Zoe Ito") :]
    assert "Goals No goals were saved." in zoe and "At home Nothing was saved." in zoe


def test_a_damaged_follow_up_marks_file_is_said_under_the_title(room: Path) -> None:
    (room / "results" / "teacher" / "follow-ups.json").write_text("[1, 2", encoding="utf-8")
    all_text = text(report_bytes(room))
    # (the note names the file by its whole path, which wraps where the path is long)
    assert "follow-ups.json" in all_text and "not valid JSON" in all_text
    assert "2 follow-up(s) open, 0 done" in all_text


def test_a_report_that_cannot_be_written_is_named(room: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("")
    with pytest.raises(ReportFailed, match=r"cannot write .*a file"):
        write_report(load_class_folder(room), room / "results", DAY, blocker / "report.pdf")
    with pytest.raises(ReportFailed, match="is not a class folder"):
        write_class_report(tmp_path, room / "results", DAY)


def child(number: int, **changes: object) -> ReportChild:
    goals = tuple(GoalPlan(f"Goal {g} of child {number}.", "Every day.", "2027-03") for g in (1, 2))
    fields: dict[str, object] = {
        "student_id": f"s{number:04d}",
        "name": f"Child {number:04d}",
        "grade": "3",
        "status": "done",
        "day": "2026-11-22",
        "minutes": 20,
        "goals": goals,
        "at_home": (f"Promise of child {number:04d}.",),
    }
    fields.update(changes)
    return ReportChild(**fields)  # type: ignore[arg-type]


def test_a_childs_block_is_kept_on_one_page() -> None:
    report = SchoolReport("Big", children=tuple(child(n) for n in range(60)))
    found = pages(school_report_pdf(report))
    assert len(found) > 5
    for number in range(60):
        holding = [i for i, page in enumerate(found) if f"Child {number:04d}" in page]
        promise = [i for i, page in enumerate(found) if f"Promise of child {number:04d}." in page]
        assert holding == promise and len(holding) == 1, number


def test_long_text_prints_whole_on_letter_and_a_table_header_repeats() -> None:
    long_word = "x" * 300
    children = [
        child(0, name="N" * 150, at_home=(long_word, "word " * 300)),
        *(child(n, status="not started") for n in range(1, 120)),
    ]
    data = school_report_pdf(SchoolReport("Wide", paper="letter", children=tuple(children)))
    reader = PdfReader(io.BytesIO(data))
    assert round(float(reader.pages[0].mediabox.width)) == 612
    joined = "".join(text(data).split())
    assert long_word in joined and "N" * 150 in joined
    waiting = [page for page in pages(data) if "Child 0119" in page or "Child 0050" in page]
    assert waiting and all("Child ID Grade Last conference" in page for page in waiting)


def test_wrapped_lines_fit_their_width_and_long_words_are_cut() -> None:
    from slc_tui.export.pdf_pages import FAMILY, new_pdf
    from slc_tui.export.school_report_pdf import _Writer

    pdf = new_pdf("a4", "")
    writer = _Writer(pdf, SchoolReport("A"))
    text = "Read 📚 together " + "x" * 300 + " then a few words\nand a second line " * 5
    lines = writer.wrap(text, 60.0, 9.5)
    pdf.set_font(FAMILY, "", 9.5)
    assert all(pdf.get_string_width(line) <= 60.0 + 1e-6 for line in lines)
    assert "".join(lines).count("x") == 300 and lines[0] == "Read together"
    assert len(lines) > 10 and all(line == line.strip() and line for line in lines)


def test_an_empty_class_says_so() -> None:
    all_text = text(school_report_pdf(SchoolReport("Empty", teacher="Ms. A")))
    assert "0 children: 0 done, 0 in progress, 0 not started" in all_text
    assert "No family asked for a private follow-up." in all_text
    assert "No child has a conference this term yet." in all_text
    assert "Every child has had a conference this term." in all_text


def test_an_overview_row_carries_the_latest_record_and_the_request_day() -> None:
    from slc_tui.teacher.overview import overview_row

    asked = record_data("maya", started="2026-04-10T15:00:00", follow_up=True, term="Spring")
    later = record_data("maya", started="2026-11-22T15:30:00", commitment="Newest promise.")
    row: OverviewRow = overview_row("maya", "Maya", "2", [asked, later], "Fall 2026")
    assert row.latest is later and row.follow_up_day == "2026-04-10"
