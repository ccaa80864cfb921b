"""The first step's empty notes box is drawn by a stand-in until Textual's TextArea is made
(``ui/widgets/text_box_stand_in.py``): it must look the same, and nothing typed into it may be
lost or land out of order."""

from __future__ import annotations

from typing import Any

import pytest
from rich.segment import Segment
from textual import events
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, TextArea

from slc_tui.ui.app import SlcApp
from slc_tui.ui.steps.welcome import WelcomeStep
from slc_tui.ui.themes import THEME_NAMES
from slc_tui.ui.widgets.text_box_stand_in import TextBoxStandIn
from tests.ui.conftest import AppFactory
from tests.ui.helpers import settle, stop_cursor_blink, use_look, wait_until
from tests.ui.test_conference_flow import conference_of
from tests.ui.test_typing_lands import type_like_a_parent

Cells = list[tuple[str, Any]]


class HeldBack:
    """Stand-ins wait to make their real box until :meth:`set` (a handler that waited would
    hold up ``Pilot.pause``, which waits for every widget's messages)."""

    def __init__(self) -> None:
        self.released = False
        self.waiting: list[TextBoxStandIn] = []

    def set(self) -> None:
        self.released = True
        for stand_in in self.waiting:
            stand_in.call_later(ORIGINAL_MOUNT_BOX, stand_in)
        self.waiting.clear()


ORIGINAL_MOUNT_BOX = TextBoxStandIn._mount_box


@pytest.fixture
def box_held_back(monkeypatch: pytest.MonkeyPatch) -> HeldBack:
    """The stand-in makes the real box only once ``set()``."""
    held = HeldBack()

    async def when_released(self: TextBoxStandIn) -> None:
        if held.released:
            await ORIGINAL_MOUNT_BOX(self)
        else:
            held.waiting.append(self)

    monkeypatch.setattr(TextBoxStandIn, "_mount_box", when_released)
    return held


def cells_of(app: SlcApp, widget: Widget) -> Cells:
    """Each character the screen shows where ``widget`` is, with its style."""
    region = widget.region
    strips = app.screen._compositor.render_strips()
    cells: Cells = []
    for strip in strips[region.y : region.bottom]:
        cropped = strip.crop(region.x, region.right)
        for text, style, _ in Segment.simplify(cropped):
            cells.extend((character, style) for character in text)
    return cells


def notes_box(app: SlcApp) -> TextArea:
    return app.screen.query_one(WelcomeStep).query_one("#notes", TextArea)


async def first_step(app: SlcApp, pilot: Pilot[Any], look: str) -> None:
    await wait_until(pilot, lambda: app.screen.query("#headline"), what="the first step")
    use_look(app, look)
    await pilot.pause()


@pytest.mark.parametrize("look", list(THEME_NAMES))
async def test_the_stand_in_looks_like_the_empty_box(
    make_app: AppFactory, box_held_back: HeldBack, look: str
) -> None:
    app = make_app(student_id="maya")
    async with app.run_test(size=(80, 24)) as pilot:
        await first_step(app, pilot, look)
        stand_in = app.screen.query_one(TextBoxStandIn)
        assert stand_in.has_focus
        assert not app.screen.query_one(WelcomeStep).query(TextArea)
        drawn = cells_of(app, stand_in)
        region = stand_in.region

        box_held_back.set()
        await wait_until(pilot, lambda: app.screen.query("#notes"), what="the real box")
        await settle(app, pilot)
        box = notes_box(app)
        stop_cursor_blink(app)  # (its cursor is on, as the stand-in's is)
        await pilot.pause()
        assert not app.screen.query_one(WelcomeStep).query(TextBoxStandIn)
        assert box.has_focus
        assert box.region == region
        assert cells_of(app, box) == drawn
        assert "Anything else I want to say about me" in "".join(c for c, _ in drawn)


async def test_keys_and_a_paste_before_the_box_is_made_land_in_it_in_order(
    make_app: AppFactory, box_held_back: HeldBack
) -> None:
    app = make_app(student_id="maya")
    async with app.run_test(size=(80, 24)) as pilot:
        await first_step(app, pilot, "standard")
        await type_like_a_parent(pilot, "Él lee [2+3]")
        app.post_message(events.Paste(" & voilà (très) "))
        await pilot.pause()
        await type_like_a_parent(pilot, "xy")
        await pilot.press("backspace")
        assert "welcome" not in conference_of(app).said

        box_held_back.set()
        await settle(app, pilot)
        expected = "Él lee [2+3] & voilà (très) x"
        assert notes_box(app).text == expected
        assert notes_box(app).has_focus
        assert conference_of(app).said["welcome"] == expected
        await type_like_a_parent(pilot, "!")  # straight into the box now
        assert conference_of(app).said["welcome"] == expected + "!"


async def test_letters_typed_on_a_button_before_the_box_is_made_go_to_it(
    make_app: AppFactory, box_held_back: HeldBack
) -> None:
    app = make_app(student_id="maya")
    async with app.run_test(size=(80, 24)) as pilot:
        await first_step(app, pilot, "standard")
        app.screen.query_one("#help", Button).focus()
        await pilot.pause()
        await type_like_a_parent(pilot, "Hola")
        assert isinstance(app.focused, TextBoxStandIn)

        box_held_back.set()
        await settle(app, pilot)
        assert notes_box(app).has_focus
        assert conference_of(app).said["welcome"] == "Hola"


async def test_only_the_first_screen_and_an_empty_box_have_a_stand_in(
    make_app: AppFactory,
) -> None:
    app = make_app(student_id="maya")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        step = app.screen.query_one(WelcomeStep)
        assert step.first_screen
        assert isinstance(step.notes_box("…"), TextBoxStandIn)
        conference_of(app).say("welcome", "Déjà dit")
        box = step.notes_box("…")  # words to carry on with: the real box at once
        assert isinstance(box, TextArea) and box.text == "Déjà dit"
        await wait_until(pilot, lambda: app.screen.prepared is not None, what="the next step")
        assert not app.screen.prepared.first_screen  # built after the first paint
