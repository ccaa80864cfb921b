"""Snapshots of Students & portfolios on the teacher's desk, at 80×24 and 120×40: the student
list, its dialogs, every tab of the portfolio editor, its questions and the picture browser.

The app runs on a copy of the sample class in the test's folder (made the working folder,
so every path on screen is the same on every run); nothing here saves a portfolio.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable

from slc_tui.store.paths import bundled_sample_dir
from slc_tui.store.presence import ConferenceClaim
from slc_tui.teacher.drafts import TeacherDrafts
from slc_tui.teacher.portfolios import open_portfolio
from slc_tui.ui.app import create_app
from slc_tui.ui.screens.choice_dialog import ChoiceDialog
from slc_tui.ui.screens.teacher.picture_dialog import PictureDialog, PictureTree
from slc_tui.ui.screens.teacher.portfolio_editor import PortfolioEditorScreen
from slc_tui.ui.screens.teacher.student_dialog import StudentDialog
from slc_tui.ui.screens.teacher.students import StudentsScreen
from tests.factories import write_png
from tests.ui.helpers import FROZEN_START, FrozenClock, settle, stop_cursor_blink, wait_until

SIZES = {"80x24": (80, 24), "120x40": (120, 40)}
CLASS = Path("class")
EDITOR = ("f3", "s", "enter")  # Aiyana, the first in the list


@dataclass(frozen=True)
class Scene:
    """The keys pressed from the conference list, what is then on screen, and what the class
    holds first."""

    keys: tuple[str, ...]
    shows: type[Any]
    draft: bool = False  # a half-finished edit of Aiyana's portfolio was kept
    elsewhere: bool = False  # Aiyana's conference is open in another window


SCENES = {
    "students": Scene(("f3", "s"), StudentsScreen),
    "student_add": Scene(("f3", "s", "a"), StudentDialog),
    "student_remove": Scene(("f3", "s", "x"), ChoiceDialog),
    "editor_pieces": Scene(EDITOR, PortfolioEditorScreen),
    "editor_student": Scene((*EDITOR, "f2"), PortfolioEditorScreen),
    "editor_lists": Scene((*EDITOR, "f4"), PortfolioEditorScreen),
    "editor_goals": Scene((*EDITOR, "f5"), PortfolioEditorScreen),
    "editor_prompts": Scene((*EDITOR, "f6"), PortfolioEditorScreen),
    # Enter: the keyboard to the title; Ctrl+U empties it; the save is refused by field.
    "editor_refused": Scene((*EDITOR, "enter", "ctrl+u", "ctrl+s"), PortfolioEditorScreen),
    "editor_elsewhere": Scene(EDITOR, PortfolioEditorScreen, elsewhere=True),
    "editor_leave": Scene((*EDITOR, "!", "escape"), ChoiceDialog),
    "draft_offered": Scene(EDITOR, ChoiceDialog, draft=True),
    "picture_dialog": Scene((*EDITOR, "ctrl+o"), PictureDialog),
}


@pytest.fixture
def room(tmp_path: Path, slc_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The sample class copied to ``class/`` in the working folder; home is ``home/``."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("HOME", "home")
    shutil.copytree(bundled_sample_dir(), CLASS, ignore=shutil.ignore_patterns("results"))
    write_png(Path("home") / "Pictures" / "volcano model.png")
    write_png(Path("home") / "Pictures" / "leaf.jpg")
    (Path("home") / "notes.txt").write_text("not a picture", encoding="utf-8")
    return CLASS


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scene_name", SCENES)
def test_students_snapshot(scene_name: str, size: str, snap_compare: Any, room: Path) -> None:
    scene = SCENES[scene_name]
    results = room / "results"
    if scene.draft:
        document = open_portfolio(room, "aiyana")
        document.set_student(learner="I learn best when I can talk it through.")
        drafts = TeacherDrafts(results)
        drafts.keep(document.label, document.to_text(), document.base_text, FROZEN_START)
    elsewhere = ConferenceClaim(results, "aiyana", FROZEN_START)  # held while the test runs
    if scene.elsewhere:
        assert elsewhere.acquire(now=FROZEN_START) is None
    app = create_app(room, results, clock=FrozenClock())

    def tree_shown() -> bool:
        return bool(app.screen.query_one(PictureTree).root.children)

    def rows_shown() -> bool:
        return app.screen.query_one("#students-table", DataTable).row_count == 5

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(app, pilot)
        for key in scene.keys:
            await pilot.press(key)
            if key == "ctrl+o":  # the folder reader never ends: no settling with it up
                await wait_until(pilot, lambda: isinstance(app.screen, PictureDialog))
                await wait_until(pilot, tree_shown, what="the tree")
                continue
            await settle(app, pilot)
            if isinstance(app.screen, StudentsScreen):
                await wait_until(pilot, rows_shown, what="the rows")
        if isinstance(app.screen, PortfolioEditorScreen):
            await pilot.pause(0.6)  # the check after the last change
            await settle(app, pilot)
        assert isinstance(app.screen, scene.shows)
        stop_cursor_blink(app)
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZES[size], run_before=run_before)
    elsewhere.release()
