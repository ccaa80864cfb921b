"""Roster import on the teacher's desk: a spreadsheet's CSV picked in the file browser (or
dragged in as a path), a preview with the bad row named by line, Import, and the new
students on the student list."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList, Static

from slc_tui.ui.app import SlcApp, create_app
from slc_tui.ui.screens.picker import PickerScreen
from slc_tui.ui.screens.teacher.home import TeacherHomeScreen
from slc_tui.ui.screens.teacher.roster_import import ClassListTree, RosterImportScreen
from tests.factories import make_class, portfolio_data
from tests.ui.helpers import FrozenClock, settle, static_text, type_text, wait_until

#: 25 children, as a French-Canadian school's spreadsheet exports them: semicolons, the
#: accents in Windows-1252, CRLF line ends; line 9 has no name.
SURNAMES = ["Côté", "Lefèvre", "Núñez", "Müller", "O'Brien"]
GIVEN = ["Zoë", "Léa", "Mañana", "Jürgen", "Siobhán"]


def write_class_list(path: Path) -> Path:
    rows = ["Last name;First name;Grade"]
    for number in range(25):
        surname = SURNAMES[number % 5] + ("" if number < 5 else f"-{number}")
        rows.append(f"{surname};{GIVEN[number % 5]};{number % 6 + 1}")
    rows.insert(8, ";;3")  # line 9: a row with a grade and no name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(("\r\n".join(rows) + "\r\n").encode("cp1252"))
    return path


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The teacher's home folder (where the file browser starts), with the class list."""
    folder = tmp_path / "home"
    (folder / "Documents").mkdir(parents=True)
    (folder / ".cache").mkdir()
    (folder / "photo.png").write_bytes(b"not a list")
    write_class_list(folder / "klasse 4B.csv")
    monkeypatch.setenv("HOME", str(folder))
    return folder


@pytest.fixture
def room(tmp_path: Path, slc_data_dir: Path) -> Path:
    return make_class(
        tmp_path / "room", [portfolio_data("zoe-cote", name="Zoë Côté")], images=False
    )


def app_for(room: Path) -> SlcApp:
    return create_app(room, room / "results", clock=FrozenClock())


async def open_roster(app: SlcApp, pilot: Pilot[Any]) -> RosterImportScreen:
    await settle(app, pilot)
    await pilot.press("f3")
    await settle(app, pilot)
    assert isinstance(app.screen, TeacherHomeScreen)
    await pilot.press("r")
    await settle(app, pilot)
    assert isinstance(app.screen, RosterImportScreen)
    tree = app.screen.query_one(ClassListTree)
    await wait_until(pilot, lambda: len(tree.root.children) == 2, what="the home folder")
    return app.screen


def summary(screen: RosterImportScreen) -> str:
    return static_text(screen.query_one("#roster-summary", Static))


async def test_a_spreadsheet_list_is_previewed_then_imported(room: Path, home: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_roster(app, pilot)
        tree = screen.query_one(ClassListTree)
        # The browser shows folders and class lists only (no hidden folder, no picture).
        assert [str(node.label) for node in tree.root.children] == ["Documents", "klasse 4B.csv"]
        await pilot.press("down", "down", "enter")
        await settle(app, pilot)
        await wait_until(pilot, lambda: screen.plan is not None, what="the preview")
        assert screen.plan is not None
        table = screen.query_one(DataTable)
        assert table.row_count == 24  # 25 names, one of them already in the class
        first = [str(cell) for cell in table.get_row_at(0)]
        assert first == ["3", "lea-lefevre", "Léa Lefèvre", "2"]
        refused = static_text(screen.query_one("#roster-refused", Static))
        assert "klasse 4B.csv:9: no name" in refused
        assert "klasse 4B.csv:2: Zoë Côté is already in the class" in refused
        assert "to add: 24" in summary(screen) and "refused: 1" in summary(screen)
        assert "already in the class, kept as they are: 1" in summary(screen)
        assert len(list((room / "portfolios").glob("*.json"))) == 1  # nothing written yet
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await wait_until(pilot, lambda: "added" in summary(screen), what="the import")
        assert summary(screen).startswith("✓ 24 student(s) added to Room 12")
        assert len(list((room / "portfolios").glob("*.json"))) == 25
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, PickerScreen)
        students = app.screen.query_one(OptionList)
        await wait_until(pilot, lambda: students.option_count == 25, what="the student list")
        names = [students.get_option_at_index(i).prompt.student_name for i in range(25)]
        assert "Mañana Núñez" in names and "Siobhán O'Brien" in names


async def test_a_dragged_path_is_previewed_and_letters_go_to_the_path_box(
    room: Path, home: Path
) -> None:
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_roster(app, pilot)
        # A terminal types a dragged file as its quoted path: here onto the browser.
        dragged = f"'{home / 'klasse 4B.csv'}'"
        screen.query_one(ClassListTree).post_message(events.Paste(dragged))
        await settle(app, pilot)
        await wait_until(pilot, lambda: screen.plan is not None, what="the preview")
        assert screen.query_one(DataTable).row_count == 24
        # Letters typed on the file browser go to the path box, never dropped.
        await pilot.press("ctrl+o")
        await settle(app, pilot)
        assert isinstance(screen.focused, ClassListTree)
        box = screen.query_one("#roster-path", Input)
        box.value = ""
        await type_text(pilot, "~/nothing.csv")
        assert box.value == "~/nothing.csv" and screen.focused is box
        await pilot.press("enter")
        await settle(app, pilot)
        await wait_until(pilot, lambda: "file not found" in summary(screen), what="refusal")
        assert summary(screen) == f"⚠ {home / 'nothing.csv'} can't be imported: file not found"
        assert screen.query_one("#roster-import").disabled


async def test_the_mouse_previews_and_imports(room: Path, home: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_roster(app, pilot)
        screen.query_one("#roster-path", Input).value = str(home / "klasse 4B.csv")
        await pilot.click("#roster-preview")
        await settle(app, pilot)
        await wait_until(pilot, lambda: screen.plan is not None, what="the preview")
        await pilot.click("#roster-import")
        await settle(app, pilot)
        await wait_until(pilot, lambda: "added" in summary(screen), what="the import")
        assert screen.query_one("#roster-import").disabled  # the same list is not imported twice
        await pilot.click("#roster-back")
        await settle(app, pilot)
        assert isinstance(app.screen, TeacherHomeScreen)
