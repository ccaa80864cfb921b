"""Snapshots of the teacher's desk in Spanish and French at 80×24: the desk's first screen,
the overview and a record, the students and their dialogs, the portfolio editor's tabs and
its picture browser, roster import, prompts and class settings.

The desk speaks the class's language (``class.json`` ``language``). The app runs on a copy
of the sample class in the test's folder (made the working folder, so every path on screen
is the same on every run), with four conferences of conference night saved.

Update with ``pytest tests/ui/test_snapshots_desk_languages.py --snapshot-update``, then
look at every picture (``rsvg-convert in.svg -o out.png``) before committing them.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import DataTable

from slc_tui.core import i18n
from slc_tui.store.paths import bundled_sample_dir, seed_results
from slc_tui.store.presence import ConferenceClaim
from slc_tui.teacher.drafts import TeacherDrafts
from slc_tui.teacher.portfolios import open_portfolio
from slc_tui.ui.app import SlcApp, create_app
from slc_tui.ui.screens.choice_dialog import ChoiceDialog
from slc_tui.ui.screens.teacher.class_settings import ClassSettingsScreen
from slc_tui.ui.screens.teacher.file_editor import FileEditorScreen
from slc_tui.ui.screens.teacher.home import TeacherHomeScreen
from slc_tui.ui.screens.teacher.overview import OverviewScreen
from slc_tui.ui.screens.teacher.picture_dialog import PictureDialog, PictureTree
from slc_tui.ui.screens.teacher.portfolio_editor import PortfolioEditorScreen
from slc_tui.ui.screens.teacher.prompts import PromptsScreen
from slc_tui.ui.screens.teacher.record import RecordScreen
from slc_tui.ui.screens.teacher.roster_import import ClassListTree, RosterImportScreen
from slc_tui.ui.screens.teacher.student_dialog import StudentDialog
from slc_tui.ui.screens.teacher.students import StudentsScreen
from tests.factories import write_png
from tests.ui.helpers import FROZEN_START, FrozenClock, settle, stop_cursor_blink, wait_until
from tests.ui.test_snapshots import save_conference_night, write_home_folder

SIZE = (80, 24)
LANGUAGES = ("es", "fr")
CLASS = Path("class")
EDITOR = ("f3", "s", "enter")  # Aiyana, the first in the list


@dataclass(frozen=True)
class Scene:
    """The keys pressed on the student list ("type:" text to type), and the screen then shown."""

    keys: tuple[str, ...]
    shows: type[Screen[Any]]
    draft: bool = False  # a half-finished edit of Aiyana's portfolio was kept
    elsewhere: bool = False  # Aiyana's conference is open in another window


SCENES = {
    "home": Scene(("f3",), TeacherHomeScreen),
    "overview": Scene(("f3", "o"), OverviewScreen),
    "overview_record": Scene(("f3", "o", "enter"), RecordScreen),
    "students": Scene(("f3", "s"), StudentsScreen),
    "student_add": Scene(("f3", "s", "a"), StudentDialog),
    "student_remove": Scene(("f3", "s", "x"), ChoiceDialog),
    "editor_pieces": Scene(EDITOR, PortfolioEditorScreen),
    "editor_student": Scene((*EDITOR, "f2"), PortfolioEditorScreen),
    "editor_lists": Scene((*EDITOR, "f4"), PortfolioEditorScreen),
    "editor_goals": Scene((*EDITOR, "f5"), PortfolioEditorScreen),
    "editor_prompts": Scene((*EDITOR, "f6"), PortfolioEditorScreen),
    "editor_leave": Scene((*EDITOR, "!", "escape"), ChoiceDialog),
    # Enter: the keyboard to the title; Ctrl+U empties it; the save is refused by field.
    "editor_refused": Scene((*EDITOR, "enter", "ctrl+u", "ctrl+s"), PortfolioEditorScreen),
    "editor_elsewhere": Scene(EDITOR, PortfolioEditorScreen, elsewhere=True),
    "draft_offered": Scene(EDITOR, ChoiceDialog, draft=True),
    "picture_dialog": Scene((*EDITOR, "ctrl+o"), PictureDialog),
    "roster_import": Scene(("f3", "r"), RosterImportScreen),
    "roster_preview": Scene(("f3", "r", "type:home/class list.csv", "enter"), RosterImportScreen),
    "prompts": Scene(("f3", "p"), PromptsScreen),
    "class_settings": Scene(("f3", "c"), ClassSettingsScreen),
}


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    """The app makes the class's language the active one: later tests start in English."""
    yield
    i18n.use(i18n.ENGLISH)


def class_in(language: str) -> Path:
    """The sample class copied to ``class/`` (its ``language`` set), results in
    ``class/results`` with Sam's spring conference and four of conference night."""
    shutil.copytree(bundled_sample_dir(), CLASS, ignore=shutil.ignore_patterns("results"))
    settings = json.loads((CLASS / "class.json").read_text(encoding="utf-8"))
    settings["language"] = language
    (CLASS / "class.json").write_text(json.dumps(settings, ensure_ascii=False), encoding="utf-8")
    results = CLASS / "results"
    seed_results(bundled_sample_dir() / "results", results)
    save_conference_night(results)
    return CLASS


def ready(app: SlcApp) -> Callable[[], bool]:
    """True once the screen shown has read what it shows (in any language)."""

    def check() -> bool:
        screen = app.screen
        if isinstance(screen, FileEditorScreen) and screen.edit is None:
            return False
        if isinstance(screen, OverviewScreen | StudentsScreen) and not screen.order:
            return False
        if isinstance(screen, StudentsScreen):
            return screen.query_one(DataTable).row_count == 5
        trees = [*screen.query(ClassListTree), *screen.query(PictureTree)]
        return all(tree.root.children for tree in trees)

    return check


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("scene_name", SCENES)
def test_desk_language_snapshot(
    scene_name: str,
    language: str,
    snap_compare: Any,
    tmp_path: Path,
    slc_data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    home = Path("home")  # (relative: the picture browser shows the folder it starts in)
    write_home_folder(home)
    write_png(home / "Pictures" / "volcano model.png")
    monkeypatch.setenv("HOME", str(home))
    room = class_in(language)
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

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(app, pilot)
        for key in scene.keys:
            if key.startswith("type:"):
                await pilot.press(*key.removeprefix("type:"))
            else:
                await pilot.press(key)
            if key == "ctrl+o":  # the folder reader never ends: no settling with it up
                await wait_until(pilot, lambda: isinstance(app.screen, PictureDialog))
                await wait_until(pilot, ready(app), what="the pictures folder read")
                continue
            await settle(app, pilot)
            await wait_until(pilot, ready(app), what="the screen's files read")
        if isinstance(app.screen, PortfolioEditorScreen):
            await pilot.pause(0.6)  # the check after the last change
            await settle(app, pilot)
        assert isinstance(app.screen, scene.shows)
        assert i18n.active().code == language
        stop_cursor_blink(app)
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
    elsewhere.release()
