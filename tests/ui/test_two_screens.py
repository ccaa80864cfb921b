"""Two screens on one class: opening a conference that is open elsewhere says so."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from slc_tui.store.presence import ConferenceClaim
from slc_tui.ui.screens.choice_dialog import ChoiceDialog
from slc_tui.ui.screens.picker import PickerScreen
from slc_tui.ui.steps.welcome import WelcomeStep
from tests.ui.conftest import AppFactory
from tests.ui.helpers import current_step, screen_text, settle, static_text


async def test_a_conference_open_in_another_window_is_named_not_forked(
    make_app: AppFactory, results_dir: Path
) -> None:
    elsewhere = ConferenceClaim(results_dir, "maya")
    assert elsewhere.acquire() is None  # another window has Maya's conference open
    app = make_app("maya")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, ChoiceDialog)
        question = static_text(app.screen.query_one("#dialog-question", Static))
        assert "Maya's conference is open in another window on this computer" in question
        assert "Maya's conference is open" in screen_text(app)
        await pilot.click("#cancel")
        await settle(app, pilot)
        assert isinstance(app.screen, PickerScreen)
        assert app.conference is None

        app.open_student("maya")
        await settle(app, pilot)
        await pilot.click("#anyway")
        await settle(app, pilot)
        assert isinstance(current_step(app), WelcomeStep)
    elsewhere.release()


async def test_finishing_or_quitting_lets_other_screens_open_it(
    make_app: AppFactory, results_dir: Path
) -> None:
    app = make_app("zoe")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert isinstance(current_step(app), WelcomeStep)
        assert ConferenceClaim(results_dir, "zoe").acquire() is not None  # held here
        await pilot.press("ctrl+q")
        await pilot.pause()
    claim = ConferenceClaim(results_dir, "zoe")
    assert claim.acquire() is None
    claim.release()
