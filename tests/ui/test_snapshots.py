"""Snapshot tests: every step of a conference, and the teacher's desk, at 80×24 and 120×40.

Update after an intended change with ``pytest tests/ui/test_snapshots.py --snapshot-update``
and look at the report (or the SVGs in ``__snapshots__``) before committing. Run them without
``TEXTUAL_THEME`` / ``TEXTUAL_COLOR_SYSTEM`` set: Textual reads those when it is imported.

Determinism: the clock is frozen (the saved badge reads 💾 15:30:00), results go to a relative
folder (so the wrap-up shows ``results/maya.json``), ``run_before`` waits for pictures and saves
(``settle``) and stops cursor blinking.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from slc_tui.session import ClassSession
from slc_tui.store.paths import bundled_sample_dir, seed_results
from slc_tui.store.results import ResultsStore
from slc_tui.store.teacher_access import PinStore
from slc_tui.ui.app import SlcApp
from slc_tui.ui.screens.choice_dialog import ChoiceDialog
from slc_tui.ui.screens.picker import PickerScreen
from slc_tui.ui.screens.pin_dialog import PinDialog
from slc_tui.ui.screens.teacher.home import TeacherHomeScreen
from slc_tui.ui.screens.teacher.overview import OverviewScreen
from slc_tui.ui.screens.teacher.record import RecordScreen
from tests.factories import record_data
from tests.ui.conftest import AppFactory
from tests.ui.helpers import FrozenClock, settle, stop_cursor_blink, wait_until

SIZES = {"80x24": (80, 24), "120x40": (120, 40)}


@pytest.fixture
def results_dir(tmp_path: Path, slc_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A *relative* results folder, so the paths shown on screen are the same on every run."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)  # read by App(): it would grey every picture
    target = Path("results")
    seed_results(bundled_sample_dir() / "results", target)
    return target


@dataclass(frozen=True)
class Scene:
    """What to show: whose conference, which step, and anything to do once there."""

    student: str | None
    step: str = ""
    keys: tuple[str, ...] = ()
    unfinished_at: str = ""  # save an unfinished conference at this step first (resume dialog)
    pin: bool = False  # the class has a teacher PIN (last time's record is locked)
    unlock: bool = False  # the teacher pressed "Show last time": the PIN dialog is up


SCENES = {
    "picker": Scene(None),
    "welcome": Scene("maya", "welcome"),
    "review": Scene("sam", "review"),
    "choose": Scene("sam", "choose", keys=("enter",)),  # one card picked
    "piece": Scene("maya", "piece:butterfly"),
    "strengths": Scene("maya", "strengths"),
    "next_steps": Scene("maya", "next_steps"),
    "goals": Scene("maya", "goals"),
    "questions": Scene("maya", "questions"),
    "commitment": Scene("maya", "commitment"),
    "wrap_up": Scene("maya", "wrap_up"),
    "help": Scene("maya", "piece:butterfly", keys=("f1",)),
    "resume_dialog": Scene("maya", unfinished_at="piece:story"),
    "review_locked": Scene("sam", "review", pin=True),
    "pin_dialog": Scene("sam", "review", pin=True, unlock=True),
    "undo_offered": Scene("maya", "strengths", keys=("shift+tab", "enter")),  # ✕ pressed
}


def save_unfinished(results_dir: Path, clock: FrozenClock, student: str, step: str) -> None:
    """Write an unfinished conference stopped at ``step`` (as if the app had quit there)."""
    session = ClassSession.open(bundled_sample_dir(), results_dir, clock)
    conference = session.start(student)
    while conference.step.key != step:
        conference.next(clock())
    session.save(session.snapshot(conference))


def navigate(app: SlcApp, scene: Scene) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """The ``run_before`` for ``scene``: go there, press its keys, let everything settle."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(app, pilot)
        conference = app.conference
        if scene.step and conference is not None and conference.step.key != scene.step:
            # Jump to the step before (the Pilot tests walk every step) and press Next once.
            steps = conference.steps()
            target = [step.key for step in steps].index(scene.step)
            if target > 1:
                conference.go_to(steps[target - 1])
                app.show_step()
                await settle(app, pilot)
            await pilot.press("ctrl+n")
            await settle(app, pilot)
        if scene.step:
            assert app.conference is not None and app.conference.step.key == scene.step
        if scene.unlock:
            app.unlock_previous()
            await settle(app, pilot)
            assert isinstance(app.screen, PinDialog)
        if scene.keys:
            await pilot.press(*scene.keys)
            app.save_now()  # now, not after the autosave delay: the badge must be settled
            await settle(app, pilot)
        # The picture must be of the intended screen: a snapshot of the wrong one must not pass.
        if scene.student is None:
            assert isinstance(app.screen, PickerScreen)
        if scene.unfinished_at:
            assert isinstance(app.screen, ChoiceDialog)
        stop_cursor_blink(app)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scene_name", SCENES)
def test_snapshot(
    scene_name: str,
    size: str,
    snap_compare: Any,
    make_app: AppFactory,
    results_dir: Path,
    clock: FrozenClock,
) -> None:
    scene = SCENES[scene_name]
    if scene.unfinished_at:
        assert scene.student is not None
        save_unfinished(results_dir, clock, scene.student, scene.unfinished_at)
    if scene.pin:
        PinStore(results_dir).set("246813")
    app = make_app(scene.student)
    assert snap_compare(app, terminal_size=SIZES[size], run_before=navigate(app, scene))


# -- the teacher's desk ---------------------------------------------------------------------------

#: The keys pressed on the student list to reach each teacher screen.
TEACHER_SCENES: dict[str, tuple[str, ...]] = {
    "teacher_home": ("f3",),
    "overview": ("f3", "o"),
    "overview_record": ("f3", "o", "enter"),
}


def save_conference_night(results_dir: Path) -> None:
    """Four of the sample class's conferences this term, two asking for a follow-up."""
    store = ResultsStore(results_dir)
    store.save(record_data("maya", follow_up=True, minutes=22))
    store.save(record_data("lukas", minutes=26, commitment="Drive him to robotics club."))
    store.save(record_data("zoe", done=False, minutes=7, commitment="", goal_commitments=[]))
    store.save(record_data("aiyana", follow_up=True, minutes=19, commitment="Planner on Sundays."))


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scene_name", TEACHER_SCENES)
def test_teacher_snapshot(
    scene_name: str, size: str, snap_compare: Any, make_app: AppFactory, results_dir: Path
) -> None:
    save_conference_night(results_dir)
    app = make_app()

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(app, pilot)
        for key in TEACHER_SCENES[scene_name]:
            await pilot.press(key)
            await settle(app, pilot)
        expected = {"teacher_home": TeacherHomeScreen, "overview": OverviewScreen}
        assert isinstance(app.screen, expected.get(scene_name, RecordScreen))
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZES[size], run_before=run_before)


# -- the teacher's desk: roster import, prompts, class settings ----------------------------------

#: What is done on the student list to reach each editor: keys, or "type:" text to type.
DESK_EDITOR_SCENES: dict[str, tuple[str, ...]] = {
    "roster_import": ("f3", "r"),
    "roster_preview": ("f3", "r", "type:home/class list.csv", "enter"),
    "prompts": ("f3", "p"),
    "prompts_editing": ("f3", "p", "shift+tab", "down", "enter", "type: (a photo)"),
    "class_settings": ("f3", "c"),
}


def write_home_folder(home: Path) -> None:
    """The teacher's home folder: a spreadsheet's class list, with two children already in
    the sample class, and one bad row (line 4)."""
    (home / "Documents").mkdir(parents=True)
    (home / ".config").mkdir()
    rows = ["Name;Grade", "Maya López;2", "Ana Núñez;3", ";4", "Jürgen Weiß;K", "Sam Lee;2"]
    (home / "class list.csv").write_bytes(("\r\n".join(rows) + "\r\n").encode("cp1252"))


def desk_ready(app: SlcApp) -> bool:
    """The file browser shows the home folder, and an editor has read its file."""
    from slc_tui.ui.screens.teacher.roster_import import ClassListTree

    screen = app.screen
    trees_read = all(tree.root.children for tree in screen.query(ClassListTree))
    files_read = all(
        not str(status.render()).startswith("Reading") for status in screen.query("#editor-status")
    )
    return trees_read and files_read


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scene_name", DESK_EDITOR_SCENES)
def test_desk_editor_snapshot(
    scene_name: str,
    size: str,
    snap_compare: Any,
    make_app: AppFactory,
    results_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from slc_tui.ui.screens.teacher.class_settings import ClassSettingsScreen
    from slc_tui.ui.screens.teacher.prompts import PromptsScreen
    from slc_tui.ui.screens.teacher.roster_import import RosterImportScreen

    home = Path("home").resolve()  # (the test's folder is the working folder)
    write_home_folder(home)
    monkeypatch.setenv("HOME", str(home))
    app = make_app()

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(app, pilot)
        for key in DESK_EDITOR_SCENES[scene_name]:
            if key.startswith("type:"):
                await pilot.press(*key.removeprefix("type:"))
            else:
                await pilot.press(key)
            await settle(app, pilot)
            await wait_until(pilot, lambda: desk_ready(app), what="the folder or file read")
        expected = {"roster": RosterImportScreen, "prompts": PromptsScreen}
        kind = expected.get(scene_name.split("_")[0], ClassSettingsScreen)
        assert isinstance(app.screen, kind)
        stop_cursor_blink(app)
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZES[size], run_before=run_before)
