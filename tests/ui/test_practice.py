"""Practice mode: a child rehearses their whole conference from the student list; a band on
every step says so, nothing under the class folder changes, and leaving asks nothing."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from textual.widgets import Button, Static

from slc_tui.store.paths import bundled_sample_dir, seed_results
from slc_tui.ui.app import create_app
from slc_tui.ui.screens.choice_dialog import ChoiceDialog
from slc_tui.ui.screens.conference import ConferenceScreen
from slc_tui.ui.screens.language_menu import LanguageMenu
from slc_tui.ui.screens.picker import PickerScreen
from tests.ui.helpers import FrozenClock, screen_text, settle, type_text, wait_until


def _class(tmp_path: Path) -> Path:
    """The sample class with its results inside it (Sam's spring conference)."""
    root = tmp_path / "class"
    shutil.copytree(bundled_sample_dir(), root, ignore=shutil.ignore_patterns("results"))
    seed_results(bundled_sample_dir() / "results", root / "results")
    return root


def tree(root: Path) -> dict[str, str]:
    """Every file and folder under ``root``: its bytes' hash (folders: "dir")."""
    found = {}
    for path in sorted(root.rglob("*")):
        name = str(path.relative_to(root))
        found[name] = "dir" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
    return found


async def test_a_whole_rehearsal_changes_nothing_in_the_class_folder(
    tmp_path: Path, clock: FrozenClock
) -> None:
    root = _class(tmp_path)
    app = create_app(root, root / "results", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        before = tree(root)
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("f6")
        await settle(app, pilot)
        assert "Practice: who wants to rehearse?" in screen_text(app)
        await pilot.press("down", "down", "down", "enter")  # Sam, who has last time's record
        await wait_until(pilot, lambda: isinstance(app.screen, ConferenceScreen), what="step")
        await settle(app, pilot)
        assert app.conference is not None and app.conference.portfolio.student.id == "sam"
        assert app.conference.previous is not None  # last time, to look back on
        await type_text(pilot, "Hola a todos [practice] 😀 ")
        steps = 0
        while not app.conference.is_last:
            screen = app.screen
            assert isinstance(screen, ConferenceScreen)
            band = screen.query_one("#practice-band", Static)
            assert "Practice" in str(band.render())
            if app.conference.step.kind.value == "choose":
                for piece in app.conference.portfolio.pieces[:3]:
                    if piece.id not in app.conference.chosen:
                        app.conference.toggle_piece(piece.id)
            await pilot.press("ctrl+n")
            await settle(app, pilot)
            steps += 1
            assert steps < 20
        await pilot.press("f4")  # the language menu works in practice too
        await wait_until(pilot, lambda: isinstance(app.screen, LanguageMenu), what="the menu")
        await pilot.press("escape")
        await settle(app, pilot)
        assert "nothing was saved" in screen_text(app)
        assert not list(app.screen.query("#take-home").results(Button))  # nothing to print
        await pilot.press("ctrl+n")  # Finish
        await settle(app, pilot)
        assert isinstance(app.screen, PickerScreen) and app.conference is None
        assert tree(root) == before


async def test_leaving_a_rehearsal_asks_nothing(tmp_path: Path, clock: FrozenClock) -> None:
    root = _class(tmp_path)
    app = create_app(root, root / "results", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        before = tree(root)
        await pilot.press("f6", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ConferenceScreen), what="step")
        await type_text(pilot, "We practised")
        await settle(app, pilot)
        await pilot.press("ctrl+q")
        await pilot.pause(0.3)
        assert not isinstance(app.screen, ChoiceDialog)
    assert app.return_code == 0 or app.return_code is None
    assert tree(root) == before


async def test_escape_leaves_practice_and_the_next_pick_is_real(
    tmp_path: Path, clock: FrozenClock
) -> None:
    root = _class(tmp_path)
    app = create_app(root, root / "results", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f6")
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert "Practice" not in str(app.screen.query_one("#picker-ask", Static).render())
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ConferenceScreen), what="step")
        await settle(app, pilot)
        assert not app.practising and not app.screen.query("#practice-band")
        await wait_until(
            pilot, lambda: (root / "results" / "aiyana.json").exists(), what="the real save"
        )
