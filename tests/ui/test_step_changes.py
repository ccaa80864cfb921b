"""Pilot tests: one conference screen whose middle step is swapped, and the next step built
ahead of time (shown on Next only while it still shows what it would if built then)."""

from __future__ import annotations

import gc
import weakref
from typing import Any

from textual import events
from textual.widgets import Static, TextArea

from slc_tui.ui.collection import collect_everything, freeze_long_lived
from slc_tui.ui.screens.conference import ConferenceScreen
from slc_tui.ui.steps.base import StepBody
from slc_tui.ui.steps.piece import PieceStep
from slc_tui.ui.steps.wrap_up import WrapUpStep
from slc_tui.ui.widgets.help_panel import HelpPanel
from slc_tui.ui.widgets.image_preview import ImagePreview
from tests.ui.conftest import AppFactory
from tests.ui.helpers import current_step, settle, static_text, step_on_screen, type_text


def conference_screen(app: Any) -> ConferenceScreen:
    screen = app.screen
    assert isinstance(screen, ConferenceScreen)
    return screen


def steps_in_dom(app: Any) -> list[StepBody]:
    return list(conference_screen(app).query(StepBody))


async def go_to_commitment(app: Any, pilot: Any) -> None:
    """Jump to the "at home" step (its next step, the wrap-up, shows what is typed there)."""
    await settle(app, pilot)
    conference = app.conference
    assert conference is not None
    conference.go_to(next(s for s in conference.steps() if s.key == "commitment"))
    app.show_step()
    await settle(app, pilot)


async def test_the_next_step_waits_hidden_and_next_shows_that_very_step(
    make_app: AppFactory,
) -> None:
    app = make_app("maya")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        screen = conference_screen(app)
        welcome = current_step(app)
        ahead = screen.prepared
        assert isinstance(ahead, PieceStep) and ahead.step.key == "piece:butterfly"
        assert not ahead.display  # hidden under the welcome step
        assert all(p.loaded for p in ahead.query(ImagePreview))  # its picture is ready too
        assert welcome is not None and welcome.step.key == "welcome"

        await pilot.press("ctrl+n")
        await settle(app, pilot)
        assert current_step(app) is ahead and ahead.display
        assert screen.conference.step.key == "piece:butterfly"
        # The welcome step is gone; the only other step is the next one, hidden.
        others = [body for body in steps_in_dom(app) if body is not ahead]
        assert [body.step.key for body in others] == ["piece:story"]
        assert not others[0].display
        assert screen.query_one("#stepper").index == 1
        assert "Butterfly" in static_text(screen.query_one("#headline", Static))


async def test_typing_makes_the_step_built_ahead_stale_so_next_shows_the_new_words(
    make_app: AppFactory,
) -> None:
    app = make_app("maya")
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to_commitment(app, pilot)
        stale = conference_screen(app).prepared
        assert isinstance(stale, WrapUpStep)

        step_on_screen(app).query_one("#commitment", TextArea).focus()
        await type_text(pilot, "We read every night")
        await pilot.press("ctrl+n")  # at once: no time to build the wrap-up again
        await settle(app, pilot)
        await pilot.pause(0.1)
        shown = step_on_screen(app)
        assert isinstance(shown, WrapUpStep) and shown is not stale
        assert "We read every night" in static_text(shown.query_one("#record", Static))
        assert stale not in steps_in_dom(app)


async def test_a_pause_after_typing_builds_the_next_step_again(make_app: AppFactory) -> None:
    app = make_app("maya")
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to_commitment(app, pilot)
        stale = conference_screen(app).prepared
        step_on_screen(app).query_one("#commitment", TextArea).focus()
        await type_text(pilot, "Library on Saturdays")
        await settle(app, pilot)  # waits for the wrap-up to be built again
        fresh = conference_screen(app).prepared
        assert isinstance(fresh, WrapUpStep) and fresh is not stale
        assert "Library on Saturdays" in static_text(fresh.query_one("#record", Static))
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        assert current_step(app) is fresh


def send_keys_at_once(app: Any, *keys: str) -> None:
    """Queue key presses without waiting between them (Pilot.press waits for the app to be
    idle after each: a child mashing Next does not)."""
    for key in keys:
        event = events.Key(key, None)
        event.set_sender(app)
        app._driver.send_message(event)


async def test_next_pressed_quickly_lands_on_the_right_step_with_one_step_showing(
    make_app: AppFactory,
) -> None:
    app = make_app("maya")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        send_keys_at_once(app, "ctrl+n", "ctrl+n", "ctrl+n", "ctrl+n")
        await settle(app, pilot)
        await pilot.pause(0.1)  # steps left behind are removed after a paint
        conference = app.conference
        assert conference is not None and conference.step.key == "strengths"
        shown = step_on_screen(app)
        assert shown.step == conference.step
        assert [body for body in steps_in_dom(app) if body.display] == [shown]
        assert len(steps_in_dom(app)) <= 2  # the step shown and the next one, nothing left
        assert conference_screen(app).query_one("#stepper").index == conference.index
        assert gc.isenabled()  # collection paused for each step change came back


async def test_help_closes_on_a_step_change_and_then_shows_the_new_steps_prompts(
    make_app: AppFactory,
) -> None:
    app = make_app("maya")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("f1")
        panel = conference_screen(app).query_one(HelpPanel)
        assert panel.shown
        welcome_prompts = list(panel.prompts)
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        assert not panel.shown
        await pilot.press("f1")
        await pilot.pause()
        assert panel.shown and panel.prompts != welcome_prompts
        assert panel.prompts == step_on_screen(app).context.help_prompts


def test_frozen_objects_stay_until_everything_is_collected() -> None:
    class Node:
        def __init__(self) -> None:
            self.me = self  # a cycle: only the collector frees it

    try:
        node = Node()
        gone = weakref.ref(node)
        freeze_long_lived()
        del node
        gc.collect()
        assert gone() is not None  # frozen: collections skip it
        collect_everything()
        assert gone() is None
        assert gc.get_freeze_count() > 0  # what is left is frozen again
    finally:
        gc.unfreeze()
