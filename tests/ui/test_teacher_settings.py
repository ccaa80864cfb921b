"""Class settings on the teacher's desk: 200 minutes refused with the field named and
nothing written, a new name saved and shown on the student list, a draft after a kill."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from slc_tui.teacher.drafts import TeacherDrafts
from slc_tui.ui.app import SlcApp, create_app
from slc_tui.ui.screens.choice_dialog import ChoiceDialog
from slc_tui.ui.screens.picker import PickerScreen
from slc_tui.ui.screens.teacher.class_settings import ClassSettingsScreen
from slc_tui.ui.screens.teacher.home import TeacherHomeScreen
from tests.factories import make_class, portfolio_data
from tests.ui.helpers import FrozenClock, settle, static_text, wait_until


@pytest.fixture
def room(tmp_path: Path, slc_data_dir: Path) -> Path:
    class_info = {
        "format": "slc-class/1",
        "name": "Room 12",
        "teacher": "Ms. Okafor",
        "term": "Fall 2026",
        "minutes": 20,
        "language": "en",
        "x-school": "Hillside",
    }
    return make_class(tmp_path / "room", [portfolio_data("maya")], class_info=class_info)


def app_for(room: Path) -> SlcApp:
    return create_app(room, room / "results", clock=FrozenClock())


def status(screen: ClassSettingsScreen) -> str:
    return static_text(screen.query_one("#editor-status", Static))


def box(screen: ClassSettingsScreen, field: str) -> Input:
    return screen.query_one(f"#settings-{field}", Input)


async def open_settings(app: SlcApp, pilot: Pilot[Any]) -> ClassSettingsScreen:
    await settle(app, pilot)
    await pilot.press("f3")
    await settle(app, pilot)
    assert isinstance(app.screen, TeacherHomeScreen)
    await pilot.press("c")
    await settle(app, pilot)
    return next(s for s in app.screen_stack if isinstance(s, ClassSettingsScreen))


async def loaded(app: SlcApp, pilot: Pilot[Any]) -> ClassSettingsScreen:
    screen = await open_settings(app, pilot)
    await wait_until(pilot, lambda: box(screen, "name").value == "Room 12", what="class.json")
    return screen


async def test_200_minutes_are_refused_then_a_new_name_is_saved_and_shown(room: Path) -> None:
    before = (room / "class.json").read_bytes()
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await loaded(app, pilot)
        assert screen.focused is box(screen, "name")
        await pilot.press("tab", "tab", "tab")  # name → teacher → term → minutes
        assert screen.focused is box(screen, "minutes")
        await pilot.press("end", "backspace", "backspace", *"200")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await wait_until(pilot, lambda: "Not saved" in status(screen), what="the refusal")
        assert status(screen) == (
            "⚠ Not saved: class.json: minutes: must be a whole number of minutes from 5 to "
            "120, not 200"
        )
        assert box(screen, "minutes").has_class("-invalid")
        assert screen.focused is box(screen, "minutes")
        assert (room / "class.json").read_bytes() == before  # nothing written
        # Mend it, rename the class as a French teacher would type it, pick a language.
        await pilot.press("backspace", "backspace", "backspace", *"25")
        assert not box(screen, "minutes").has_class("-invalid")
        await pilot.press("shift+tab", "shift+tab", "shift+tab")
        assert screen.focused is box(screen, "name")
        await pilot.press("end", *" [B] - Mme Côté")
        screen.query_one("#settings-language", Select).value = "fr"
        await pilot.pause()
        assert box(screen, "language-code").value == "fr"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await wait_until(pilot, lambda: "Saved" in status(screen), what="the save")
        saved = json.loads((room / "class.json").read_text(encoding="utf-8"))
        assert saved == {
            "format": "slc-class/1",
            "name": "Room 12 [B] - Mme Côté",
            "teacher": "Ms. Okafor",
            "term": "Fall 2026",
            "minutes": 25,
            "language": "fr",
            "x-school": "Hillside",
        }
        assert "Room 12 [B] - Mme Côté" in static_text(screen.query_one("#settings-title", Static))
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, TeacherHomeScreen)
        title = static_text(app.screen.query_one("#teacher-title", Static))
        assert title.endswith("Room 12 [B] - Mme Côté")
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, PickerScreen)
        picker = app.screen
        await wait_until(
            pilot,
            lambda: "Mme Côté" in static_text(picker.query_one("#picker-title", Static)),
            what="the student list's heading",
        )


async def test_a_language_that_is_not_a_code_is_refused_by_name(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(app, pilot)
        await pilot.click("#settings-language-code")
        await pilot.press("end", "backspace", "backspace", *"English")
        assert screen.query_one("#settings-language", Select).value == "other"
        await pilot.click("#editor-save")
        await settle(app, pilot)
        await wait_until(pilot, lambda: "Not saved" in status(screen), what="the refusal")
        assert "class.json: language: must be a language code" in status(screen)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, ChoiceDialog)  # unsaved changes: asked
        await pilot.click("#drop")
        await settle(app, pilot)
        assert isinstance(app.screen, TeacherHomeScreen)
    assert json.loads((room / "class.json").read_text(encoding="utf-8"))["language"] == "en"


async def test_a_draft_survives_a_kill_and_is_offered_back(room: Path) -> None:
    drafts = TeacherDrafts(room / "results")
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(app, pilot)
        await pilot.press(*" - mañana")
        await wait_until(pilot, lambda: drafts.path_for("class.json").exists(), what="draft")
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(app, pilot)
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceDialog), what="offer")
        await pilot.press("enter")  # Carry on with them
        await settle(app, pilot)
        assert box(screen, "name").value == "Room 12 - mañana"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await wait_until(pilot, lambda: "Saved" in status(screen), what="the save")
    saved = json.loads((room / "class.json").read_text(encoding="utf-8"))
    assert saved["name"] == "Room 12 - mañana"
    assert not drafts.path_for("class.json").exists()
