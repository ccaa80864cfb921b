"""Teacher-only in the app: last time's record and a finished conference need the PIN."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from slc_tui.core.class_folder import load_class_folder
from slc_tui.locations import bundled_sample_dir
from slc_tui.store.results import ResultsStore
from slc_tui.store.teacher_access import PinStore
from slc_tui.ui.screens.choice_dialog import ChoiceDialog
from slc_tui.ui.screens.picker import PickerScreen
from slc_tui.ui.screens.pin_dialog import PinDialog
from slc_tui.ui.steps.review import ReviewStep
from slc_tui.ui.steps.welcome import WelcomeStep
from slc_tui.ui.widgets.talking_points import TalkingPoints
from tests.ui.conftest import AppFactory
from tests.ui.helpers import (
    current_step,
    screen_text,
    settle,
    static_text,
    step_on_screen,
    type_text,
)

PIN = "2468"


@pytest.fixture
def pin_set(results_dir: Path) -> None:
    PinStore(results_dir).set(PIN)


async def _answer_pin(app, pilot, pin: str) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(app.screen, PinDialog)
    await type_text(pilot, pin)
    await pilot.press("enter")
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
        await _answer_pin(app, pilot, "1111")
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
            await _answer_pin(app, pilot, "0000")
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
