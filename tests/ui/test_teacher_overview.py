"""The teacher's desk from the student list, and its overview: PIN, follow-ups first, a
follow-up marked done that stays done, a record read-only, a CSV export, the class report."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from slc_tui.store.results import ResultsStore
from slc_tui.store.teacher_access import PinStore
from slc_tui.ui.app import SlcApp, create_app
from slc_tui.ui.screens.picker import PickerScreen
from slc_tui.ui.screens.pin_dialog import PinDialog
from slc_tui.ui.screens.teacher.home import TeacherHomeScreen
from slc_tui.ui.screens.teacher.overview import OverviewScreen
from slc_tui.ui.screens.teacher.record import RecordScreen
from tests.factories import make_class, portfolio_data, record_data
from tests.ui.helpers import FrozenClock, settle, static_text, type_text, wait_until

PIN = "246813"


@pytest.fixture
def room(tmp_path: Path, slc_data_dir: Path) -> Path:
    """Four children: Maya (done, asked for a follow-up), Leo (done), Zoe (started,
    asked for one), Ada (not started)."""
    root = make_class(
        tmp_path / "room",
        [
            portfolio_data("maya", name="Maya López"),
            portfolio_data("leo", name="Leo [red]Chen[/]", grade="5"),
            portfolio_data("zoe", name="Zoe Ito", grade="1"),
            portfolio_data("ada", name="Ada Byrne", grade="K"),
        ],
        images=False,
    )
    store = ResultsStore(root / "results")
    store.save(record_data("maya", student_name="Maya López", follow_up=True, minutes=22))
    store.save(record_data("leo", commitment="[b]Bold[/b] promise", goal_commitments=[]))
    store.save(record_data("zoe", follow_up=True, done=False, minutes=6))
    return root


def app_for(room: Path) -> SlcApp:
    return create_app(room, room / "results", clock=FrozenClock())


def notes(app: SlcApp) -> list[str]:
    return [n.message for n in app._notifications]


def table_rows(app: SlcApp) -> list[list[str]]:
    table = app.screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def open_overview(app: SlcApp, pilot: Pilot[Any]) -> OverviewScreen:
    """From the student list: F3, then O; the table is read."""
    await settle(app, pilot)
    await pilot.press("f3")
    await settle(app, pilot)
    assert isinstance(app.screen, TeacherHomeScreen)
    await pilot.press("o")
    await settle(app, pilot)
    assert isinstance(app.screen, OverviewScreen)
    await wait_until(pilot, lambda: app.screen.query_one(DataTable).row_count == 4, what="rows")
    return app.screen


async def highlight(app: SlcApp, pilot: Pilot[Any], student_id: str) -> None:
    table = app.screen.query_one(DataTable)
    table.move_cursor(row=table.get_row_index(student_id))
    await pilot.pause()


async def test_the_desk_opens_with_f3_or_the_button_and_escape_goes_back(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, PickerScreen)
        await pilot.click("#teacher-mode")
        await settle(app, pilot)
        assert isinstance(app.screen, TeacherHomeScreen)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("f3")
        await settle(app, pilot)
        assert isinstance(app.screen, TeacherHomeScreen)
        await pilot.click("#section-overview")
        await settle(app, pilot)
        assert isinstance(app.screen, OverviewScreen)
        await pilot.click("#overview-back")
        await settle(app, pilot)
        await pilot.click("#teacher-back")
        await settle(app, pilot)
        assert isinstance(app.screen, PickerScreen)


async def test_with_a_pin_the_desk_needs_it_and_a_wrong_one_is_refused(room: Path) -> None:
    PinStore(room / "results").set(PIN)
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f3")
        await settle(app, pilot)
        assert isinstance(app.screen, PinDialog)
        await type_text(pilot, "000001")
        await pilot.press("enter")
        await wait_until(pilot, lambda: bool(app.screen.query("#pin-error")), what="error")
        assert isinstance(app.screen, PinDialog)
        assert "not right" in static_text(app.screen.query_one("#pin-error", Static))
        await wait_until(pilot, lambda: isinstance(app.screen.focused, Input), what="PIN box")
        await type_text(pilot, PIN)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, TeacherHomeScreen), what="desk")
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("f3")  # once left, the desk is locked again
        await settle(app, pilot)
        assert isinstance(app.screen, PinDialog)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, PickerScreen)


async def test_follow_ups_come_first_marked_and_text_stays_plain(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_overview(app, pilot)
        rows = table_rows(app)
        assert [row[1] for row in rows] == [
            "Maya López",
            "Zoe Ito",
            "Ada Byrne",
            "Leo [red]Chen[/]",
        ]
        assert [row[0] for row in rows] == ["⚑ open", "⚑ open", "", ""]
        assert [row[3] for row in rows] == ["● done", "◐ in progress", "○ not started", "● done"]
        assert rows[0][4:6] == ["2026-11-22", "22"]
        assert rows[3][6] == "[b]Bold[/b] promise"
        summary = static_text(app.screen.query_one("#overview-summary", Static))
        assert "⚑ 2 follow-up(s) open, shown first" in summary
        detail = static_text(app.screen.query_one("#overview-detail", Static))
        assert detail.startswith("Maya López: ⚑ asked for a private follow-up (open)")


async def test_a_follow_up_marked_done_stays_done_and_can_be_opened_again(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(app, pilot)
        await pilot.press("d")  # Maya, the first row
        await settle(app, pilot)
        assert table_rows(app)[0][:2] == ["✓ done", "Maya López"]
        assert "Maya López's follow-up: marked done." in notes(app)
        await pilot.press("escape", "o")  # the overview read again
        await settle(app, pilot)
        await wait_until(pilot, lambda: app.screen.query_one(DataTable).row_count == 4)
        rows = table_rows(app)
        assert [row[1] for row in rows[:2]] == ["Zoe Ito", "Ada Byrne"]  # Maya's is handled
        assert rows[3][:2] == ["✓ done", "Maya López"]
    app = app_for(room)  # and after slc is started again
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(app, pilot)
        await highlight(app, pilot, "maya")
        assert table_rows(app)[3][0] == "✓ done"
        await pilot.click("#mark-follow-up")  # undo, with the mouse
        await settle(app, pilot)
        assert table_rows(app)[3][0] == "⚑ open"
        assert "Maya López's follow-up: open again." in notes(app)


async def test_no_request_nothing_to_mark(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(app, pilot)
        await highlight(app, pilot, "ada")
        assert app.screen.query_one("#mark-follow-up").disabled
        await pilot.press("d")
        await settle(app, pilot)
        assert "Ada Byrne's family asked for no private follow-up." in notes(app)
        assert not (room / "results" / "teacher").exists()


async def test_a_finished_record_opens_read_only_and_escape_closes_it(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(app, pilot)
        await pilot.press("enter")  # Maya
        await settle(app, pilot)
        assert isinstance(app.screen, RecordScreen)
        text = static_text(app.screen.query_one("#record-text", Static))
        assert "Maya's conference — 22 November 2026" in text
        assert "Private follow-up with the teacher requested: yes" in text
        assert not app.screen.query(Input)  # nothing to type in: read-only
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, OverviewScreen)
        await pilot.press("down")  # Zoe: not finished
        await pilot.press("o")
        await settle(app, pilot)
        assert isinstance(app.screen, OverviewScreen)
        assert "Zoe Ito has no finished conference yet." in notes(app)


async def test_export_csv_writes_into_the_results_folder_and_says_where(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(app, pilot)
        await pilot.press("e")
        await settle(app, pilot)
    path = room / "results" / "exports" / "conferences-2026-11-22.csv"
    assert f"Exported 3 conference(s) to {path}" in notes(app)
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert sorted(row["student_id"] for row in rows) == ["leo", "maya", "zoe"]
    assert path.stat().st_mode & 0o077 == 0


async def test_a_results_file_damaged_while_open_is_named_not_a_crash(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)  # (the student list repairs what it finds damaged)
        (room / "results" / "leo.json").write_text("{ cut off", encoding="utf-8")
        await open_overview(app, pilot)
        problems = static_text(app.screen.query_one("#overview-problems", Static))
        assert "leo.json" in problems and "not valid JSON" in problems
        await highlight(app, pilot, "leo")
        assert table_rows(app)[3][3] == "⚠ unreadable"
        await pilot.press("e")
        await settle(app, pilot)
        assert any(n.startswith("Nothing exported: ") and "leo.json" in n for n in notes(app))


async def test_with_the_mouse_one_click_picks_a_row_and_a_second_opens_it(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_overview(app, pilot)
        leo_row = 1 + 3  # under the header, the fourth row
        await pilot.click(DataTable, offset=(20, leo_row))
        await settle(app, pilot)
        assert isinstance(app.screen, OverviewScreen)
        detail = static_text(app.screen.query_one("#overview-detail", Static))
        assert detail.startswith("Leo [red]Chen[/]: no private follow-up asked")
        await pilot.click(DataTable, offset=(20, leo_row))
        await settle(app, pilot)
        assert isinstance(app.screen, RecordScreen)
        await pilot.click("#close-record")
        await settle(app, pilot)
        assert isinstance(app.screen, OverviewScreen)


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    pages = PdfReader(io.BytesIO(path.read_bytes())).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


async def test_p_writes_the_class_report_in_a_thread_and_says_where(
    room: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from slc_tui.teacher import report

    threads: list[str] = []
    real_write = report.write_report

    def write_report(*args: Any, **kwargs: Any) -> report.ReportWritten:
        threads.append(threading.current_thread().name)
        return real_write(*args, **kwargs)

    monkeypatch.setattr(report, "write_report", write_report)
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(app, pilot)
        await pilot.press("p")
        await wait_until(pilot, lambda: any("Class report" in n for n in notes(app)), what="note")
    path = room / "results" / "exports" / "report-2026-11-22.pdf"
    assert f"Class report (4 children) written to {path}" in notes(app)
    assert threads and threads[0] != threading.main_thread().name
    text = pdf_text(path)
    assert text.index("Follow-up requests") < text.index("Every child")
    assert "[b]Bold[/b] promise" in text and "Leo [red]Chen[/]" in text
    assert "Ada Byrne" in text[text.index("No conference yet") :]
    assert path.stat().st_mode & 0o077 == 0


async def test_a_report_that_cannot_be_written_is_said_with_the_button(room: Path) -> None:
    (room / "results" / "exports").write_text("a file where the folder goes")
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(app, pilot)
        await pilot.click("#write-report")
        await wait_until(pilot, lambda: any("report" in n for n in notes(app)), what="note")
        assert isinstance(app.screen, OverviewScreen)
    assert any(n.startswith("No report written: cannot write ") for n in notes(app))
    assert any(str(room / "results" / "exports") in n for n in notes(app))
