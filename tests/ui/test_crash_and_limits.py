"""Pilot tests: a bug mid-conference, Ctrl+C, and the visible length limit of text boxes."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.events import Paste
from textual.widgets import TextArea

from slc_tui.core.text import MAX_TEXT_LENGTH
from slc_tui.store.crash_log import CRASH_LOG_DIR, crash_message
from slc_tui.ui.screens.picker import PickerScreen
from slc_tui.ui.widgets.limited_text_area import LimitedTextArea
from tests.ui.conftest import AppFactory
from tests.ui.helpers import saved_records, settle, step_on_screen, type_text


class Boom(RuntimeError):
    """The bug we plant."""


async def test_a_bug_saves_first_logs_for_the_teacher_and_shows_no_traceback(
    make_app: AppFactory,
    results_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    typed = "We will read together — 一起读书 📚"
    app = make_app("maya")
    with pytest.raises(Boom):  # Pilot re-raises the app's exception when the test ends
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            step_on_screen(app).query_one("#notes", TextArea).text = typed
            await pilot.pause()

            def broken(*_args: object) -> None:
                raise Boom("planted bug in step_context")

            monkeypatch.setattr(type(app), "step_context", broken)
            await pilot.press("ctrl+n")  # well before the 1 s autosave
            await pilot.pause()
    assert app.return_code == 1
    # Saved first: the typed words are on disk.
    [record] = saved_records(results_dir, "maya")
    assert record["said"]["welcome"] == typed
    # A crash log for the teacher, owner-only, with the traceback but not the typed words.
    assert app.crash_log is not None
    assert app.crash_log.parent == results_dir / CRASH_LOG_DIR
    log = app.crash_log.read_text(encoding="utf-8")
    assert "Boom: planted bug in step_context" in log
    assert "student maya" in log
    assert typed not in log
    assert app.crash_log.stat().st_mode & 0o077 == 0
    # What the family reads instead of a traceback.
    shown = capsys.readouterr().err
    assert shown.startswith("Sorry — slc ran into a problem")
    assert "Everything typed so far was saved" in shown
    assert "Traceback" not in shown


def test_crash_message_is_honest_about_what_was_saved(tmp_path: Path) -> None:
    log = tmp_path / "crash.log"
    assert "Everything typed so far was saved" in crash_message(True, log)
    assert "may not have been saved" in crash_message(False, None)
    assert "typed" not in crash_message(None, None)
    assert str(log) in crash_message(True, log)


async def test_ctrl_c_saves_and_quits_even_from_a_text_box(
    make_app: AppFactory, results_dir: Path
) -> None:
    app = make_app("maya")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        box = step_on_screen(app).query_one("#notes", TextArea)
        assert box.has_focus
        await type_text(pilot, "hi mum")
        await pilot.press("ctrl+c")  # a terminal user's "stop": not copy, not lost
        await pilot.pause()
        assert not app.is_running
    [record] = saved_records(results_dir, "maya")
    assert record["said"] == {"welcome": "hi mum"}


async def test_ctrl_c_on_the_picker_quits(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert not app.is_running


async def test_text_boxes_stop_at_the_limit_and_show_it(
    make_app: AppFactory, results_dir: Path
) -> None:
    app = make_app("maya")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        box = step_on_screen(app).query_one("#notes", LimitedTextArea)
        assert box.border_subtitle == ""  # no counter while there is plenty of room
        box.post_message(Paste("ab" * MAX_TEXT_LENGTH))  # a huge paste is cut to fit
        await pilot.pause()
        assert len(box.text) == MAX_TEXT_LENGTH
        assert box.border_subtitle == f"{MAX_TEXT_LENGTH} / {MAX_TEXT_LENGTH} — full"
        await type_text(pilot, "x")  # typing at the limit adds nothing
        assert len(box.text) == MAX_TEXT_LENGTH
        await pilot.press("backspace", "backspace")
        assert box.border_subtitle == f"{MAX_TEXT_LENGTH - 2} / {MAX_TEXT_LENGTH}"
        box.load_text("short")
        await pilot.pause()
        assert box.border_subtitle == ""
        box.text = "z" * (MAX_TEXT_LENGTH + 50)  # set by the program: cut as well
        await pilot.pause()
        assert len(box.text) == MAX_TEXT_LENGTH
        app.save_now()
        await settle(app, pilot)
    [record] = saved_records(results_dir, "maya")
    assert record["said"]["welcome"] == "z" * MAX_TEXT_LENGTH


async def test_typing_without_a_pause_is_still_saved_every_few_seconds(
    make_app: AppFactory, results_dir: Path
) -> None:
    app = make_app("maya")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)

        def saved() -> str:
            [record] = saved_records(results_dir, "maya")
            return str(record["said"].get("welcome", ""))

        typed = ""
        for letter in "we read every night":  # a key every 0.3 s: the 1 s pause never comes
            await type_text(pilot, letter)
            typed += letter
            await pilot.pause(0.3)
            if saved():
                break
        assert saved() and typed.startswith(saved())  # saved mid-sentence, before a pause
        assert len(typed) < len("we read every night")


async def test_a_bug_in_a_worker_is_logged_with_its_traceback_and_one_calm_message(
    make_app: AppFactory,
    results_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from slc_tui.session import ClassSession

    def broken_save(*_args: object, **_kwargs: object) -> None:
        raise Boom("planted bug in a save worker")

    app = make_app("maya")
    with pytest.raises(Boom):
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            monkeypatch.setattr(ClassSession, "save", broken_save)
            app.run_worker(lambda: broken_save(), thread=True)  # a worker's bug
            app.run_worker(lambda: broken_save(), thread=True)  # and a second one
            for _ in range(50):
                await pilot.pause(0.02)
    assert app.return_code == 1
    assert app.crash_log is not None
    log = app.crash_log.read_text(encoding="utf-8")
    assert "Boom: planted bug in a save worker" in log
    assert "in broken_save" in log  # the frame where it happened, not just WorkerFailed
    shown = capsys.readouterr().err
    assert shown.startswith("Sorry — slc ran into a problem")
    assert "NOTE" not in shown and "errors shown" not in shown
