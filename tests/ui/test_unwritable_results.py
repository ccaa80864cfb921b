"""A results folder that cannot be written: named, the user's own folder offered, no crash."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static, TextArea

from slc_tui.store.crash_log import write_crash_log
from slc_tui.store.paths import bundled_sample_dir, user_results_dir
from slc_tui.ui.app import SlcApp, create_app
from slc_tui.ui.screens.choice_dialog import ChoiceDialog
from slc_tui.ui.screens.picker import PickerScreen
from tests.ui.helpers import (
    FrozenClock,
    saved_records,
    settle,
    static_text,
    step_on_screen,
    wait_until,
)


def unwritable(tmp_path: Path) -> Path:
    """A results folder nobody can create, root included: its parent is a file."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    return blocker / "results"


def notice(app: SlcApp) -> str:
    return static_text(app.screen.query_one("#picker-notice", Static))


async def test_the_own_folder_is_offered_and_conferences_are_saved_there(
    tmp_path: Path, slc_data_dir: Path
) -> None:
    app = create_app(bundled_sample_dir(), unwritable(tmp_path), clock=FrozenClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceDialog), what="the offer")
        question = static_text(app.screen.query_one("#dialog-question", Static))
        assert "not-a-folder/results\n(File exists)" in question  # where, and why
        await pilot.pause()
        await pilot.click("#own")
        own = user_results_dir(bundled_sample_dir())
        await wait_until(
            pilot,
            lambda: (
                isinstance(app.screen, PickerScreen)
                and notice(app).startswith(f"Results are saved in {own}")
            ),
            what="the student list saying where results go now",
        )
        await settle(app, pilot)
        await pilot.press("enter")  # the first child
        await settle(app, pilot)
        step_on_screen(app).query_one("#notes", TextArea).text = "Hola"
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        assert app.is_running
    [record] = saved_records(own, "aiyana")
    assert record["said"] == {"welcome": "Hola"}


async def test_not_now_says_so_and_opening_a_child_is_refused_calmly(
    tmp_path: Path, slc_data_dir: Path
) -> None:
    app = create_app(
        bundled_sample_dir(), unwritable(tmp_path), student_id="maya", clock=FrozenClock()
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceDialog), what="the offer")
        assert app.conference is None  # not the child's first step
        await pilot.pause()
        await pilot.click("#no")
        await wait_until(
            pilot,
            lambda: (
                isinstance(app.screen, PickerScreen)
                and notice(app).startswith("⚠ Nothing can be saved")
            ),
            what="the student list's warning",
        )
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, PickerScreen)
        assert app.is_running
        messages = [n.message for n in app._notifications]
        assert any("Can't open Aiyana's conference" in m for m in messages)


def test_a_crash_log_goes_to_the_users_folder_when_results_cannot_be_written(
    tmp_path: Path, slc_data_dir: Path
) -> None:
    log = write_crash_log(unwritable(tmp_path), RuntimeError("boom"), "test")
    assert log is not None and log.is_relative_to(slc_data_dir)
    assert "RuntimeError: boom" in log.read_text(encoding="utf-8")
