"""Helpers for Pilot and snapshot tests of the slc app (fixtures live in ``conftest.py``)."""

from __future__ import annotations

import asyncio
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.screen import ModalScreen
from textual.widgets import Input, Static, TextArea
from textual.worker import Worker

from slc_tui.store.results import ResultsStore
from slc_tui.ui.screens.conference import ConferenceScreen
from slc_tui.ui.steps.choose import ChooseStep
from slc_tui.ui.themes import STANDARD, apply_theme
from slc_tui.ui.widgets.image_preview import ImagePreview

#: The moment every UI test starts at (conferences run after school).
FROZEN_START = datetime(2026, 11, 22, 15, 30, 0)

#: How long ``settle`` waits before giving up (a hang must fail the test, not block the suite).
SETTLE_TIMEOUT = 20.0


class FrozenClock:
    """A clock that only moves when told to: ``clock()`` is start + offset."""

    def __init__(self, start: datetime = FROZEN_START) -> None:
        self.start = start
        self.offset = timedelta()

    def __call__(self) -> datetime:
        return self.start + self.offset

    def advance(self, **delta: float) -> datetime:
        """Move the clock forward (``advance(minutes=12)``) and return the new time."""
        self.offset += timedelta(**delta)
        return self()


def current_step(app: App[Any]) -> Any:
    """The conference step fully on screen (mounted and focused), else None."""
    screen = app.screen
    if isinstance(screen, ConferenceScreen) and screen.shown is screen.body:
        return screen.body
    return None


def step_on_screen(app: App[Any]) -> Any:
    """The conference step on screen (for queries: the screen also holds, hidden, the next
    step built ahead of time); fails when none is."""
    step = current_step(app)
    assert step is not None, f"no conference step on screen ({app.screen!r})"
    return step


def showing(app: App[Any], kind: type[Any]) -> bool:
    """True when the screen (a picker, a dialog) or the step on screen is a ``kind``."""
    return isinstance(app.screen, kind) or isinstance(current_step(app), kind)


def _busy_workers(app: App[Any]) -> list[Worker[Any]]:
    """Workers still running; one waiting on a dialog's answer ("open", "unlock") does not
    count, nor a file browser's loader (it waits for folders to read while it is shown;
    each folder it reads is a worker of its own, which counts)."""
    dialog_open = isinstance(app.screen, ModalScreen)  # a question, a PIN, the problems
    return [
        worker
        for worker in app.workers
        if not worker.is_finished
        and not (dialog_open and worker.group in ("open", "unlock"))
        and worker.group != "_loader"
    ]


def _unloaded_pictures(app: App[Any]) -> list[Any]:
    """Pictures still loading (and a placeholder per gallery card still to come)."""
    step = current_step(app)
    to_come = step.cards_to_come if isinstance(step, ChooseStep) else 0
    unloaded = [preview for preview in app.screen.query(ImagePreview) if not preview.loaded]
    # (hidden steps built ahead of time count too: they load their pictures as well)
    return ["card"] * to_come + unloaded


async def wait_for_workers(workers: list[Worker[Any]], timeout: float) -> None:
    """Wait until every one of ``workers`` has finished, or ``timeout`` seconds have passed.

    Never cancels them: ``asyncio.wait_for`` cancels what it waits on when it times out, and
    a cancelled worker's result is lost (a picture load would have to start again).
    """
    deadline = time.monotonic() + timeout
    while any(not worker.is_finished for worker in workers):
        if time.monotonic() >= deadline:
            return
        await asyncio.sleep(0.01)


async def settle(app: App[Any], pilot: Pilot[Any], timeout: float = SETTLE_TIMEOUT) -> None:
    """Wait until every picture on screen is loaded and no worker (load, save…) is running.

    Checks twice in a row with a pause between, because a finished worker may start the next
    thing (a save after a screen switch, a picture load after layout). Fails after ``timeout``.
    """
    deadline = time.monotonic() + timeout
    calm_checks = 0
    while calm_checks < 2:
        await pilot.pause()
        busy = _busy_workers(app)
        unloaded = _unloaded_pictures(app)
        if not busy and not unloaded:
            calm_checks += 1
            continue
        calm_checks = 0
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise AssertionError(
                f"app did not settle in {timeout}s: workers {busy}, pictures {unloaded}"
            )
        if busy:
            # Loop round to re-check and time out (a worker may also be cancelled by a newer
            # one of its group: the step built ahead of time, after more typing).
            await wait_for_workers(busy, timeout=min(remaining, 0.5))
        else:
            await pilot.pause(0.02)


def stop_cursor_blink(app: App[Any]) -> None:
    """Stop blinking cursors so a screenshot does not depend on the moment taken (on every
    screen of the stack: a dialog shows the screen under it)."""
    for screen in app.screen_stack:
        for box in screen.query(Input):
            box.cursor_blink = False
        for area in screen.query(TextArea):
            area.cursor_blink = False


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Type ``text`` key by key (ASCII only: ``Pilot.press`` cannot type emoji)."""
    await pilot.press(*("space" if char == " " else char for char in text))


def static_text(widget: Static) -> str:
    """The plain text a Static shows."""
    return str(widget.render())


def screen_text(app: App[Any]) -> str:
    """Everything on the app's screen as plain text (for "is it shown?" checks)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


async def wait_until(
    pilot: Pilot[Any], condition: Any, timeout: float = 15.0, what: str = "condition"
) -> None:
    """Pause until ``condition()`` is true; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        await pilot.pause(0.05)


def saved_records(results_dir: Path, student_id: str) -> list[dict[str, Any]]:
    """What the app wrote for ``student_id`` (oldest first)."""
    return ResultsStore(results_dir).records_for(student_id)


async def press_next_until(
    app: App[Any], pilot: Pilot[Any], kind: type[Any], most: int = 30
) -> None:
    """Press Next (settling after each) until a ``kind`` (a screen or a step) is shown."""
    for _ in range(most):
        if showing(app, kind):
            return
        await pilot.press("ctrl+n")
        await settle(app, pilot)
    assert showing(app, kind), f"never reached {kind.__name__}"


def use_look(app: App[Any], look: str) -> None:
    """Show ``app`` in slc's look ``look`` (a ``class.json`` theme name), checking it took:
    ``apply_theme`` falls back to the standard look for a name it does not know."""
    apply_theme(app, look)
    assert app.theme == (STANDARD if look == "standard" else f"slc-{look}")
