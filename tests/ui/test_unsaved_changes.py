"""The very last save of a conference can fail: the record is kept, tried again, and every
quit warns until it is saved or written to a rescue file the family is told about."""

from __future__ import annotations

import errno
import json
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static, TextArea

from slc_tui.session import ClassSession
from slc_tui.store import rescue
from slc_tui.ui import saving
from slc_tui.ui.screens.choice_dialog import ChoiceDialog
from slc_tui.ui.screens.picker import PickerScreen
from slc_tui.ui.steps.commitment import CommitmentStep
from tests.ui.conftest import AppFactory
from tests.ui.helpers import press_next_until, saved_records, settle, static_text, step_on_screen

COMMITMENT = "Leeremos juntos cada noche 📚"


class DiskFull:
    """Makes every save fail with ENOSPC while ``full`` is True."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.full = False
        real_save = ClassSession.save

        def save(session: ClassSession, record: dict[str, Any], seq: int = 0) -> Path:
            if self.full:
                raise OSError(errno.ENOSPC, "No space left on device")
            return real_save(session, record, seq)

        monkeypatch.setattr(ClassSession, "save", save)


async def finish_with_a_full_disk(app: Any, pilot: Any, disk: DiskFull) -> None:
    await settle(app, pilot)
    await press_next_until(app, pilot, CommitmentStep)
    step_on_screen(app).query_one("#commitment", TextArea).text = COMMITMENT
    await pilot.pause()
    disk.full = True
    await pilot.press("ctrl+n")  # to the wrap-up (saves)
    await settle(app, pilot)
    await pilot.press("ctrl+n")  # Finish (the last save)
    await settle(app, pilot)
    assert isinstance(app.screen, PickerScreen)
    assert app.owed == 1


def dialog_text(app: Any) -> str:
    assert isinstance(app.screen, ChoiceDialog)
    return static_text(app.screen.query_one("#dialog-question", Static))


async def test_quitting_writes_a_rescue_file_and_says_where(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch, slc_data_dir: Path
) -> None:
    disk = DiskFull(monkeypatch)
    app = make_app("maya")
    async with app.run_test(size=(80, 24)) as pilot:
        await finish_with_a_full_disk(app, pilot, disk)
        await pilot.press("ctrl+q")
        await settle(app, pilot)
        question = dialog_text(app)
        assert "could not be saved" in question and "Please tell the teacher" in question
        [rescued] = (slc_data_dir / rescue.RESCUE_DIR).glob("rescue-*.json")
        assert str(rescued) in question
        await pilot.click("#quit")
        await pilot.pause()
    document = json.loads(rescued.read_text(encoding="utf-8"))
    assert document["format"] == "slc-rescue/1"
    [record] = document["conferences"]
    assert record["student_id"] == "maya" and record["commitment"] == COMMITMENT
    assert record["status"] == "done"


async def test_every_quit_warns_while_the_changes_are_nowhere(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    disk = DiskFull(monkeypatch)
    monkeypatch.setattr(rescue, "write_rescue_file", lambda *_a, **_k: None)
    app = make_app("maya")
    async with app.run_test(size=(80, 24)) as pilot:
        await finish_with_a_full_disk(app, pilot, disk)
        for _ in range(2):
            await pilot.press("ctrl+q")
            await settle(app, pilot)
            assert "could not be saved anywhere" in dialog_text(app)
            await pilot.click("#stay")
            await pilot.pause()
            assert app.is_running and app.owed == 1


async def test_a_failed_last_save_is_tried_again_until_it_lands(
    make_app: AppFactory,
    monkeypatch: pytest.MonkeyPatch,
    results_dir: Path,
) -> None:
    monkeypatch.setattr(saving, "RETRY_SECONDS", 0.2)
    disk = DiskFull(monkeypatch)
    app = make_app("maya")
    async with app.run_test(size=(80, 24)) as pilot:
        await finish_with_a_full_disk(app, pilot, disk)
        assert saved_records(results_dir, "maya")[-1]["status"] == "in_progress"
        disk.full = False  # the teacher made room
        await pilot.pause(0.5)
        await settle(app, pilot)
        assert app.owed == 0
    [record] = saved_records(results_dir, "maya")
    assert record["status"] == "done" and record["commitment"] == COMMITMENT
