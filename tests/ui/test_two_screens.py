"""Two screens on one class: opening a conference that is open elsewhere says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from slc_tui.core.conference import Conference
from slc_tui.session import ClassSession
from slc_tui.store.presence import ConferenceClaim
from slc_tui.ui.screens.choice_dialog import ChoiceDialog
from slc_tui.ui.screens.picker import PickerScreen
from slc_tui.ui.steps.welcome import WelcomeStep
from tests.ui.conftest import AppFactory
from tests.ui.helpers import current_step, saved_records, screen_text, settle, static_text


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


async def test_a_conference_saved_elsewhere_before_the_claim_is_asked_about_not_overwritten(
    make_app: AppFactory, results_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`slc open --student` shows the first step before claiming it; if another window saved
    Maya's conference in between, this one saves nothing and asks "Carry on?"."""
    original = ClassSession.start_without_questions
    calls: list[bool] = []

    def then_saved_elsewhere(
        session: ClassSession, student_id: str, claim: bool = True, repair: bool = True
    ) -> Conference | None:
        started = original(session, student_id, claim, repair)
        if not calls:  # the first read, before the claim: another window saves meanwhile
            other = original(session, student_id, False)
            assert other is not None
            other.say("welcome", "typed in the other window")
            session.save(session.snapshot(other))
        calls.append(claim)
        return started

    monkeypatch.setattr(ClassSession, "start_without_questions", then_saved_elsewhere)
    app = make_app("maya")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert calls == [False, False]  # read at start, read again once claimed
        assert isinstance(app.screen, ChoiceDialog)
        assert "isn't finished yet" in static_text(app.screen.query_one("#dialog-question", Static))
        [record] = saved_records(results_dir, "maya")  # only the other window's
        assert record["said"] == {"welcome": "typed in the other window"}
        await pilot.click("#resume")
        await settle(app, pilot)
        assert app.conference is not None
        assert app.conference.said == {"welcome": "typed in the other window"}


async def other_window_takes_over(results_dir: Path, start_again: bool) -> ClassSession:
    """Another window opens Maya's conference anyway (and maybe starts it again)."""
    from slc_tui.store.paths import bundled_sample_dir

    other = ClassSession.open(bundled_sample_dir(), results_dir)
    assert other.claim("maya", force=True) is None
    if start_again:
        unfinished = other.unfinished_record("maya")
        assert unfinished is not None
        other.abandon(unfinished)
        other.save(other.snapshot(other.start("maya")))
    return other


@pytest.mark.parametrize("start_again", [False, True])
async def test_a_window_that_lost_the_conference_saves_nothing_over_the_other(
    make_app: AppFactory, results_dir: Path, slc_data_dir: Path, start_again: bool
) -> None:
    from textual.widgets import TextArea

    from slc_tui.store.rescue import RESCUE_DIR

    app = make_app("maya")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        notes = app.screen.query_one("#notes", TextArea)
        notes.text = "Typed in the first window"
        await pilot.press("ctrl+n")  # saved while this window holds it
        await settle(app, pilot)
        other = await other_window_takes_over(results_dir, start_again)
        before = saved_records(results_dir, "maya")
        await pilot.press("ctrl+b")  # a step change saves: this window must not
        await settle(app, pilot)
        assert isinstance(app.screen, ChoiceDialog)
        told = static_text(app.screen.query_one("#dialog-question", Static))
        assert "Maya López's conference was opened in another window on this computer" in told
        assert "nothing more is saved from this one" in told
        [rescued] = (slc_data_dir / RESCUE_DIR).glob("rescue-*.json")
        assert str(rescued) in told
        assert "Typed in the first window" in rescued.read_text(encoding="utf-8")
        await pilot.click("#ok")
        await settle(app, pilot)
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert saved_records(results_dir, "maya") == before  # untouched, abandoned stays so
    if start_again:
        assert [r["status"] for r in before] == ["abandoned", "in_progress"]
    other.release_claim()
