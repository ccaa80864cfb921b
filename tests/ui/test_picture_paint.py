"""Pictures in a step built ahead of time cost its paint almost nothing.

A step built ahead waits hidden, so Textual gives its pictures no size until the paint that
shows it; ``ui/layout_ahead.py`` works their size out beforehand, so their lines are made in
their loader threads, not in that paint. And while a picture is drawn, Textual's
ANSI-to-true-colour filter is left out (``ImagePreview.get_line_filters``): it must change
nothing of what is drawn.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from slc_tui.ui.screens.conference import ConferenceScreen
from slc_tui.ui.steps.base import StepBody
from slc_tui.ui.themes import THEME_NAMES
from slc_tui.ui.widgets import image_preview
from slc_tui.ui.widgets.image_preview import ImagePreview
from slc_tui.ui.widgets.piece_card import PieceCard
from tests.ui.conftest import AppFactory
from tests.ui.helpers import current_step, settle, use_look

SIZES = [(80, 24), (120, 40), (200, 50)]


def lines_made_on_this_thread(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """The sizes of every picture's lines made on the UI thread from now on."""
    made: list[tuple[int, int]] = []
    here = threading.current_thread()
    original = image_preview.PictureStrips.__init__

    def recording(strips: Any, picture: Any, width: int, height: int) -> None:
        original(strips, picture, width, height)
        if threading.current_thread() is here:
            made.append((width, height))

    monkeypatch.setattr(image_preview.PictureStrips, "__init__", recording)
    return made


def pictures(step: StepBody) -> list[ImagePreview]:
    return [p for p in step.query(ImagePreview) if p.display and p.path is not None]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("student", "kind"), [("maya", "piece"), ("aiyana", "choose")])
async def test_the_pictures_of_a_step_built_ahead_are_drawn_without_making_lines(
    make_app: AppFactory,
    monkeypatch: pytest.MonkeyPatch,
    student: str,
    kind: str,
    size: tuple[int, int],
) -> None:
    app = make_app(student)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ConferenceScreen)
        ahead = screen.prepared
        assert ahead is not None and ahead.step.kind.value == kind
        waiting = pictures(ahead)
        assert waiting and all(p.loaded for p in waiting)
        made = lines_made_on_this_thread(monkeypatch)

        await pilot.press("ctrl+n")
        await settle(app, pilot)

        assert current_step(app) is ahead
        on_screen = [p for p in waiting if p.region.overlaps(app.screen.region)]
        assert on_screen
        for picture in on_screen:
            shown = (picture.size.width, picture.size.height)
            assert picture._strips is not None and picture._strips.size == shown
        assert made == []  # every picture's lines were ready, made for the size shown


async def test_a_new_window_size_is_told_to_the_pictures_waiting(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app("maya")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.resize_terminal(90, 30)  # (a browser tab made smaller, under slc serve)
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ConferenceScreen) and screen.prepared is not None
        waiting = pictures(screen.prepared)
        made = lines_made_on_this_thread(monkeypatch)

        await pilot.press("ctrl+n")
        await settle(app, pilot)

        assert all(p._strips is not None and p._strips.size == tuple(p.size) for p in waiting)
        assert made == []


def segments(widget: Widget) -> list[list[tuple[str, Any]]]:
    """Every cell of ``widget`` as drawn now: its lines' text and styles, filters applied."""
    widget._styles_cache.clear()
    strips: list[Strip] = widget.render_lines(Region(0, 0, *widget.outer_size))
    return [[(segment.text, segment.style) for segment in strip] for strip in strips]


@pytest.mark.parametrize("look", list(THEME_NAMES))
@pytest.mark.parametrize("student", ["maya", "aiyana"])
async def test_leaving_out_the_truecolor_filter_changes_nothing_drawn(
    make_app: AppFactory, student: str, look: str
) -> None:
    app = make_app(student)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        use_look(app, look)
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        step = current_step(app)
        assert step is not None
        drawn = pictures(step)
        assert drawn and all(p._picture is not None for p in drawn)
        if student == "aiyana":  # a picked card and a focused one look different
            cards = [p for p in drawn if isinstance(p, PieceCard)]
            await pilot.press("enter")
            await settle(app, pilot)
            assert any(card.has_class("-chosen") for card in cards)
        for picture in drawn:
            assert len(picture.get_line_filters()) < len(app.get_line_filters())
            ours = segments(picture)
            picture.get_line_filters = app.get_line_filters  # type: ignore[method-assign]
            assert segments(picture) == ours, f"{picture.id} in {look}"
