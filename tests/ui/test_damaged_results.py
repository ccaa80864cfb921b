"""Pilot tests: results files that are damaged, or hold another student's conferences.

A record is only ever resumed, shown or saved for the student whose file it is; a file
damaged while a conference is open is repaired by the next save, and nothing typed is lost.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import TextArea

from slc_tui.ui.app import SlcApp
from slc_tui.ui.screens.choice_dialog import ChoiceDialog
from slc_tui.ui.steps.welcome import WelcomeStep
from tests.ui.conftest import AppFactory
from tests.ui.helpers import (
    current_step,
    saved_records,
    screen_text,
    settle,
    step_on_screen,
)
from tests.ui.test_conference_flow import conference_of, pick_with_keyboard, status_in_picker

SAMS_WORDS = "Sam says the volcano was his best work"


def notifications(app: SlcApp, title: str) -> list[str]:
    return [n.message for n in app._notifications if n.title == title]


def repaired(app: SlcApp) -> list[str]:
    return notifications(app, "Results file repaired")


def write_conferences(path: Path, records: list[dict[str, Any]]) -> bytes:
    """Write ``path`` by hand as a results file holding ``records``; return its bytes."""
    raw = json.dumps({"conferences": {str(n): r for n, r in enumerate(records, 1)}}).encode()
    path.write_bytes(raw)
    return raw


def sams_conferences(results_dir: Path) -> list[dict[str, Any]]:
    """Sam's finished spring conference (the seed) and an unfinished one of this term."""
    [spring] = saved_records(results_dir, "sam")
    unfinished = {
        **spring,
        "id": "sam-fall",
        "term": "Fall 2026",
        "status": "in_progress",
        "step": "welcome",
        "started": "2026-11-22T15:00:00",
        "updated": "2026-11-22T15:10:00",
        "finished": None,
        "said": {"welcome": SAMS_WORDS},
    }
    return [spring, unfinished]


async def type_notes(app: SlcApp, pilot: Pilot[Any], text: str) -> None:
    """Put ``text`` in the step's notes box, as typing would."""
    step_on_screen(app).query_one("#notes", TextArea).text = text
    await pilot.pause()


async def test_sams_conferences_in_maya_json_are_never_shown_resumed_or_saved_to_sam(
    make_app: AppFactory, results_dir: Path
) -> None:
    sam_json = (results_dir / "sam.json").read_bytes()
    copied = write_conferences(results_dir / "maya.json", sams_conferences(results_dir))

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        [message] = repaired(app)
        assert message.startswith(
            "maya.json was damaged (2 conferences in it are not maya's: student id 'sam'); "
            "it is kept as maya.damaged-"
        )
        assert status_in_picker(app, "maya") == "○ not started"
        await pick_with_keyboard(app, pilot, "maya")
        assert not isinstance(app.screen, ChoiceDialog), "Sam's conference is not offered"
        assert isinstance(current_step(app), WelcomeStep)
        conference = conference_of(app)
        assert conference.portfolio.student.id == "maya"
        assert conference.previous is None, "Sam's last time is not Maya's"
        assert "review" not in [step.key for step in conference.steps()]
        assert SAMS_WORDS not in screen_text(app)
        await type_notes(app, pilot, "Maya's own words")
        await pilot.press("ctrl+q")

    assert (results_dir / "sam.json").read_bytes() == sam_json, "nothing written to sam.json"
    [record] = saved_records(results_dir, "maya")
    assert record["student_id"] == "maya"
    assert record["said"] == {"welcome": "Maya's own words"}
    [kept] = results_dir.glob("maya.damaged-*.json")
    assert kept.read_bytes() == copied


async def test_carry_on_with_a_wrong_typed_student_id_in_the_file_does_not_crash(
    make_app: AppFactory, results_dir: Path
) -> None:
    app = make_app("maya")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await type_notes(app, pilot, "Our own words")
        await pilot.press("ctrl+q")
    path = results_dir / "maya.json"
    [own] = saved_records(results_dir, "maya")
    stray = {**own, "id": "stray", "student_id": 5, "started": "2026-11-22T15:45:00"}
    write_conferences(path, [own, stray])  # the stray one is the newest

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pick_with_keyboard(app, pilot, "maya")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.click("#resume")
        await settle(app, pilot)
        assert conference_of(app).id == own["id"]
        assert step_on_screen(app).query_one("#notes", TextArea).text == "Our own words"
        [message] = repaired(app)
        assert "1 conference in it is not maya's: student id a number" in message
        assert "what was maya's own in it (1 conference) was kept" in message
        app.exit()
    assert [r["id"] for r in saved_records(results_dir, "maya")] == [own["id"]]


async def test_a_file_damaged_mid_conference_is_repaired_by_the_next_save(
    make_app: AppFactory, results_dir: Path
) -> None:
    app = make_app("maya")
    path = results_dir / "maya.json"
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await type_notes(app, pilot, "We")
        app.save_now()
        await settle(app, pilot)
        path.write_bytes(b'{"conferences": {"1": {"id": "')  # broken while the app is open

        await type_notes(app, pilot, "We read together")
        app.save_now()
        await settle(app, pilot)
        assert notifications(app, "Not saved") == []
        [message] = repaired(app)
        assert message.startswith("maya.json was damaged (cut off part-way")
        assert message.endswith("The conference open now was saved into it too.")
        [record] = saved_records(results_dir, "maya")
        assert record["said"] == {"welcome": "We read together"}

        await type_notes(app, pilot, "We read together every night")
        app.save_now()  # and every later save works too
        await settle(app, pilot)
        [record] = saved_records(results_dir, "maya")
        assert record["said"] == {"welcome": "We read together every night"}

        path.write_bytes(b"")  # broken again, just before quitting
        await type_notes(app, pilot, "We read together every night 📚")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running, "quits at once: the last words are saved"
        assert notifications(app, "Not saved") == []
    [record] = saved_records(results_dir, "maya")
    assert record["said"] == {"welcome": "We read together every night 📚"}
    assert len(list(results_dir.glob("maya.damaged-*.json"))) == 2


async def test_repair_after_a_restart_brings_back_the_last_save(
    make_app: AppFactory, results_dir: Path
) -> None:
    app = make_app("maya")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await type_notes(app, pilot, "First words")
        app.save_now()
        await settle(app, pilot)
        await type_notes(app, pilot, "First words, and the last ones")
        await pilot.press("ctrl+q")  # the last save
    (results_dir / "maya.json").write_bytes(b"\x00" * 64)  # then the file is damaged

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert "last good copy (1 conference) was restored" in repaired(app)[0]
        await pick_with_keyboard(app, pilot, "maya")
        await pilot.click("#resume")
        await settle(app, pilot)
        notes = step_on_screen(app).query_one("#notes", TextArea)
        assert notes.text == "First words, and the last ones"
        app.exit()
