"""Teacher-only in the app: last time's record and a finished conference need the PIN."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from slc_tui.core.class_folder import load_class_folder
from slc_tui.core.pin_backoff import FREE_TRIES
from slc_tui.store.paths import bundled_sample_dir
from slc_tui.store.results import ResultsStore
from slc_tui.store.teacher_access import GUESSES_FILE, PinStore
from slc_tui.ui.screens.choice_dialog import ChoiceDialog
from slc_tui.ui.screens.picker import PickerScreen
from slc_tui.ui.screens.pin_dialog import PinDialog
from slc_tui.ui.steps.review import ReviewStep
from slc_tui.ui.steps.welcome import WelcomeStep
from slc_tui.ui.widgets.talking_points import TalkingPoints
from tests.ui.conftest import AppFactory
from tests.ui.helpers import (
    FrozenClock,
    current_step,
    screen_text,
    settle,
    static_text,
    step_on_screen,
    type_text,
    wait_until,
)

PIN = "246813"
WRONG = "000001"


@pytest.fixture
def pin_set(results_dir: Path) -> None:
    PinStore(results_dir).set(PIN)


async def _answer_pin(app, pilot, pin: str) -> None:  # type: ignore[no-untyped-def]
    """Type ``pin`` into the PIN dialog on screen and press Enter; wait for what follows
    (the dialog's check runs in a thread: another dialog, or the step, comes after it)."""
    await wait_until(pilot, lambda: isinstance(app.screen, PinDialog), what="PIN dialog")
    dialog = app.screen
    await wait_until(pilot, lambda: isinstance(dialog.focused, Input), what="PIN box focused")
    await type_text(pilot, pin)
    await pilot.press("enter")
    await wait_until(pilot, lambda: app.screen is not dialog, what="PIN dialog closed")
    await settle(app, pilot)


@pytest.mark.usefixtures("pin_set")
async def test_last_time_is_private_until_the_teacher_types_the_pin(make_app: AppFactory) -> None:
    app = make_app("sam")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        assert isinstance(current_step(app), ReviewStep)
        assert not step_on_screen(app).query(TalkingPoints)  # Sam's spring promises are not shown
        assert "times tables in the car" not in screen_text(app)
        assert "kept private" in static_text(
            step_on_screen(app).query_one("#review-locked", Static)
        )

        await pilot.click("#unlock")
        await settle(app, pilot)
        await _answer_pin(app, pilot, "111122")
        assert isinstance(app.screen, PinDialog)  # wrong: asked again, kindly
        assert "not right" in static_text(app.screen.query_one("#pin-error", Static))
        assert app.screen.query_one("#pin", Input).password  # the digits never show
        await _answer_pin(app, pilot, PIN)
        assert isinstance(current_step(app), ReviewStep)
        assert step_on_screen(app).query(TalkingPoints)
        assert "times tables in the car" in screen_text(app)


@pytest.mark.usefixtures("pin_set")
async def test_three_wrong_pins_or_escape_open_nothing(make_app: AppFactory) -> None:
    app = make_app("sam")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        await pilot.click("#unlock")
        await settle(app, pilot)
        for _ in range(3):
            await _answer_pin(app, pilot, WRONG)
        assert isinstance(current_step(app), ReviewStep)
        assert not step_on_screen(app).query(TalkingPoints)
        await pilot.click("#unlock")
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert not step_on_screen(app).query(TalkingPoints)


async def test_without_a_pin_last_time_shows_as_before(make_app: AppFactory) -> None:
    app = make_app("sam")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        assert step_on_screen(app).query(TalkingPoints)
        assert not step_on_screen(app).query("#unlock")


def _finish_this_term(results_dir: Path, student_id: str) -> None:
    term = load_class_folder(bundled_sample_dir()).info.term
    [spring] = ResultsStore(bundled_sample_dir() / "results").records_for("sam")
    record = {**spring, "id": f"done-{student_id}", "student_id": student_id, "term": term}
    ResultsStore(results_dir).save(json.loads(json.dumps(record)))


@pytest.mark.usefixtures("pin_set")
async def test_a_finished_conference_opens_again_only_with_the_pin(
    make_app: AppFactory, results_dir: Path
) -> None:
    _finish_this_term(results_dir, "zoe")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.open_student("zoe")
        await settle(app, pilot)
        assert isinstance(app.screen, PinDialog)
        assert "Zoe's conference is done" in static_text(
            app.screen.query_one("#dialog-question", Static)
        )
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, PickerScreen)
        assert app.conference is None

        app.open_student("zoe")
        await settle(app, pilot)
        await _answer_pin(app, pilot, PIN)
        assert isinstance(current_step(app), WelcomeStep)


async def test_without_a_pin_a_finished_conference_asks_before_starting_again(
    make_app: AppFactory, results_dir: Path
) -> None:
    _finish_this_term(results_dir, "zoe")
    app = make_app("zoe")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, ChoiceDialog)
        assert "already done" in screen_text(app)


def _pin_error(app) -> str:  # type: ignore[no-untyped-def]
    assert isinstance(app.screen, PinDialog)
    return static_text(app.screen.query_one("#pin-error", Static))


async def _open_unlock(app, pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.click("#unlock")
    await wait_until(pilot, lambda: isinstance(app.screen, PinDialog), what="PIN dialog")
    await settle(app, pilot)


async def _to_last_time(app, pilot) -> None:  # type: ignore[no-untyped-def]
    """Sam's Last time step, carrying on his conference if an earlier run started it."""
    await settle(app, pilot)
    if isinstance(app.screen, ChoiceDialog):
        await pilot.click("#resume")
        await settle(app, pilot)
    if isinstance(current_step(app), WelcomeStep):
        await pilot.press("ctrl+n")
        await settle(app, pilot)
    assert isinstance(current_step(app), ReviewStep)


@pytest.mark.usefixtures("pin_set")
async def test_wrong_pins_in_the_app_start_a_wait_the_dialog_shows(
    make_app: AppFactory, clock: FrozenClock, results_dir: Path
) -> None:
    app = make_app("sam")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        await _open_unlock(app, pilot)
        for _ in range(FREE_TRIES):  # free: no wait (the dialog gives up after three)
            await _answer_pin(app, pilot, WRONG)
        assert isinstance(current_step(app), ReviewStep)

        await _open_unlock(app, pilot)  # reopening at once gains nothing now
        assert not app.screen.query("#pin-error")
        await _answer_pin(app, pilot, WRONG)
        assert _pin_error(app) == (
            "That PIN is not right. Too many wrong PINs. Try again in 1 second."
        )
        await _answer_pin(app, pilot, PIN)  # right, but the wait is not over: not checked
        assert _pin_error(app) == "Too many wrong PINs. Try again in 1 second."
        clock.advance(seconds=1)
        await _answer_pin(app, pilot, PIN)
        assert isinstance(current_step(app), ReviewStep)
        assert step_on_screen(app).query(TalkingPoints)
        assert not (results_dir / GUESSES_FILE).exists()  # the right PIN starts afresh


async def test_a_wait_from_the_cli_shows_as_the_dialog_opens_and_outlives_a_restart(
    make_app: AppFactory, clock: FrozenClock, results_dir: Path
) -> None:
    cli = PinStore(results_dir, clock=lambda: clock().timestamp())  # another process, same file
    cli.set(PIN)
    for _ in range(FREE_TRIES + 7):  # the last one starts a 64 s wait
        clock.advance(seconds=cli.wait_left())
        assert cli.check(WRONG) is False
    for _ in range(2):  # the app, then the app started again
        app = make_app("sam")
        async with app.run_test(size=(80, 24)) as pilot:
            await _to_last_time(app, pilot)
            await _open_unlock(app, pilot)
            assert _pin_error(app) == "Too many wrong PINs. Try again in 2 minutes."
            await _answer_pin(app, pilot, PIN)
            assert _pin_error(app) == "Too many wrong PINs. Try again in 2 minutes."
            await pilot.press("escape")
            await settle(app, pilot)
            assert not step_on_screen(app).query(TalkingPoints)
    clock.advance(seconds=64)
    app = make_app("sam")
    async with app.run_test(size=(80, 24)) as pilot:
        await _to_last_time(app, pilot)
        await _open_unlock(app, pilot)
        assert not app.screen.query("#pin-error")
        await _answer_pin(app, pilot, PIN)
        assert step_on_screen(app).query(TalkingPoints)


@pytest.mark.usefixtures("pin_set")
async def test_a_passphrase_can_be_typed_in_the_dialog(
    make_app: AppFactory, results_dir: Path
) -> None:
    PinStore(results_dir).set("purple llama 42")
    app = make_app("sam")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        await _open_unlock(app, pilot)
        await _answer_pin(app, pilot, "purple llama 42")
        assert step_on_screen(app).query(TalkingPoints)
