"""Students & portfolios on the teacher's desk: add a student and find them in the student
list, rename, remove (confirmed, results forgotten), and refusals named."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Select, Static

from slc_tui.store.presence import ConferenceClaim
from slc_tui.store.results import ResultsStore
from slc_tui.ui.app import SlcApp, create_app
from slc_tui.ui.screens.choice_dialog import ChoiceDialog
from slc_tui.ui.screens.picker import PickerScreen
from slc_tui.ui.screens.teacher.home import TeacherHomeScreen
from slc_tui.ui.screens.teacher.student_dialog import StudentDialog
from slc_tui.ui.screens.teacher.students import StudentsScreen
from tests.factories import make_class, portfolio_data, record_data
from tests.ui.helpers import FrozenClock, screen_text, settle, static_text, type_text, wait_until


@pytest.fixture
def room(tmp_path: Path, slc_data_dir: Path) -> Path:
    """Maya (3 pieces, a finished conference) and Leo (no pieces yet)."""
    root = make_class(
        tmp_path / "room",
        [
            portfolio_data("maya", name="Maya López"),
            portfolio_data("leo", name="Leo [red]Chen[/]", grade="5", pieces=[]),
        ],
    )
    ResultsStore(root / "results").save(record_data("maya", student_name="Maya López"))
    return root


def app_for(room: Path) -> SlcApp:
    return create_app(room, room / "results", clock=FrozenClock())


def notes(app: SlcApp) -> list[str]:
    return [n.message for n in app._notifications]


def names(app: SlcApp) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def open_students(app: SlcApp, pilot: Pilot[Any], rows: int) -> StudentsScreen:
    """From the student list: F3, then S; the table is read."""
    await settle(app, pilot)
    await pilot.press("f3")
    await settle(app, pilot)
    assert isinstance(app.screen, TeacherHomeScreen)
    await pilot.press("s")
    await settle(app, pilot)
    assert isinstance(app.screen, StudentsScreen)
    await wait_until(pilot, lambda: app.screen.query_one(DataTable).row_count == rows, what="rows")
    return app.screen


async def highlight(app: SlcApp, pilot: Pilot[Any], student_id: str) -> None:
    table = app.screen.query_one(DataTable)
    table.move_cursor(row=table.get_row_index(student_id))
    await pilot.pause()


async def test_the_list_names_every_child_with_pieces_and_problems(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_students(app, pilot, rows=2)
        table = app.screen.query_one(DataTable)
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        assert rows == [
            ["Leo [red]Chen[/]", "5", "0", "! 1 warning(s)"],
            ["Maya López", "2", "3", ""],
        ]
        detail = static_text(app.screen.query_one("#students-detail", Static))
        assert detail == "Leo [red]Chen[/] · portfolios/leo.json · pieces: no pieces of work yet"
        await pilot.press("q")  # a letter that is no key here is not dropped silently
        assert "Nothing to type here" in static_text(
            app.screen.query_one("#students-detail", Static)
        )


async def test_a_student_added_is_in_the_student_list_of_the_app(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_students(app, pilot, rows=2)
        await pilot.press("a")
        await settle(app, pilot)
        assert isinstance(app.screen, StudentDialog)
        await type_text(pilot, "Zoe Ito")
        app.screen.query_one("#student-dialog-grade", Select).value = "3"
        await pilot.press("enter")  # in the name box: the grade is picked, so it adds
        await settle(app, pilot)
        assert isinstance(app.screen, StudentsScreen)
        await wait_until(pilot, lambda: len(names(app)) == 3, what="the new row")
        assert names(app) == ["Leo [red]Chen[/]", "Maya López", "Zoe Ito"]
        assert "Added portfolios/zoe-ito.json" in notes(app)
        assert (room / "portfolios" / "zoe-ito.json").exists()
        assert app.screen.query_one(DataTable).cursor_row == 2  # the new child is highlighted
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, PickerScreen)
        await wait_until(pilot, lambda: "Zoe Ito" in screen_text(app), what="Zoe in the list")


async def test_adding_refuses_a_taken_id_and_says_why(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_students(app, pilot, rows=2)
        await pilot.click("#student-add")
        await settle(app, pilot)
        await type_text(pilot, "Another Maya")
        dialog = app.screen
        assert isinstance(dialog, StudentDialog)
        assert dialog.query_one("#student-dialog-grade", Select).value == "5"  # Leo's grade
        dialog.query_one("#student-dialog-id", Input).value = "maya"
        await pilot.click("#student-ok")
        await wait_until(
            pilot,
            lambda: (
                "already exists" in static_text(dialog.query_one("#student-dialog-error", Static))
            ),
            what="the reason",
        )
        assert isinstance(app.screen, StudentDialog)
        await pilot.press("escape")
        await settle(app, pilot)
        assert names(app) == ["Leo [red]Chen[/]", "Maya López"]


async def test_rename_keeps_the_id_and_the_records(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_students(app, pilot, rows=2)
        await highlight(app, pilot, "maya")
        await pilot.press("r")
        await settle(app, pilot)
        box = app.screen.query_one("#student-dialog-name", Input)
        assert box.value == "Maya López"
        box.value = ""
        await type_text(pilot, "Maya Lopez-Ruiz")
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, StudentsScreen)
        await wait_until(pilot, lambda: "Maya Lopez-Ruiz" in names(app), what="the new name")
        assert ResultsStore(room / "results").records_for("maya") != []


async def test_remove_asks_naming_what_goes_then_forgets(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_students(app, pilot, rows=2)
        await highlight(app, pilot, "maya")
        await pilot.press("x")
        await settle(app, pilot)
        assert isinstance(app.screen, ChoiceDialog)
        question = static_text(app.screen.query_one("#dialog-question", Static))
        assert "Remove Maya López from the class for good?" in question
        assert "portfolios/maya.json" in question
        assert "the 3 file(s) in portfolios/maya/" in question
        assert "conference records" in question
        await pilot.press("enter")  # the default is to keep
        await settle(app, pilot)
        assert (room / "portfolios" / "maya.json").exists()
        await pilot.press("x")
        await settle(app, pilot)
        await pilot.click("#remove")
        await settle(app, pilot)
        await wait_until(pilot, lambda: names(app) == ["Leo [red]Chen[/]"], what="Maya gone")
        assert not (room / "portfolios" / "maya.json").exists()
        assert not (room / "portfolios" / "maya").exists()
        assert ResultsStore(room / "results").records_for("maya") == []
        assert any(note.startswith("Removed Maya López") for note in notes(app))


async def test_remove_is_refused_while_the_conference_is_open_elsewhere(room: Path) -> None:
    elsewhere = ConferenceClaim(room / "results", "maya")
    assert elsewhere.acquire() is None
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_students(app, pilot, rows=2)
        await highlight(app, pilot, "maya")
        await pilot.click("#student-remove")
        await settle(app, pilot)
        assert isinstance(app.screen, StudentsScreen)
        assert any("open in another window" in note for note in notes(app))
        assert (room / "portfolios" / "maya.json").exists()
    elsewhere.release()
