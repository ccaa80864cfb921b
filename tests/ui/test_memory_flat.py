"""One app left open all evening: the conferences it has led leave nothing behind.

The same child's conference (last time's record, the gallery, three pieces with pictures)
is led again and again in one app, from the student list and back. After each, once the
list is back and settled, no thumbnail may be cached any more; then, garbage collected,
the widgets still alive (by class) and Textual's style caches are counted: a conference
like the one before must leave no more than it did, and no conference screen (once each
idle pool thread has forgotten the last worker it ran: that one reference is bounded, and
by chance). Counts, not times or bytes: they do not depend on how loaded the machine is.
"""

from __future__ import annotations

import asyncio
import gc
import threading
from collections import Counter
from typing import Any

from textual._styles_cache import StylesCache
from textual.widget import Widget
from textual.widgets import OptionList
from textual.worker import active_worker

from slc_tui.media.thumbnail_cache import cached_thumbnails
from slc_tui.ui.app import SlcApp
from slc_tui.ui.screens.choice_dialog import ChoiceDialog
from slc_tui.ui.screens.conference import ConferenceScreen
from slc_tui.ui.screens.picker import PickerScreen
from tests.ui.conftest import AppFactory
from tests.ui.helpers import FrozenClock, settle, wait_until

#: Sam has last time's record (a review step) and no pieces chosen yet (the gallery).
CHILD = "sam"
CONFERENCES = 4


async def lead_conference(app: SlcApp, pilot: Any, clock: FrozenClock) -> None:
    """From the student list: open a new conference of :data:`CHILD` (starting again when
    asked) and press Next through to Finish and the list again."""
    assert isinstance(app.screen, PickerScreen)
    students = app.screen.query_one("#students", OptionList)
    students.highlighted = students.get_option_index(CHILD)
    await pilot.press("enter")
    opened = (ConferenceScreen, ChoiceDialog)
    await wait_until(pilot, lambda: isinstance(app.screen, opened), what="the conference")
    if isinstance(app.screen, ChoiceDialog):
        await wait_until(pilot, lambda: bool(app.screen.query("#new")), what="start again")
        await pilot.click("#new")
    await wait_until(pilot, lambda: isinstance(app.screen, ConferenceScreen), what="first step")
    await settle(app, pilot)
    for _ in range(30):
        conference = app.conference
        assert conference is not None
        if conference.step.kind.value == "choose":
            for piece in conference.portfolio.pieces[: conference.pieces_required]:
                if piece.id not in conference.chosen:
                    conference.toggle_piece(piece.id)
        last = conference.is_last
        clock.advance(minutes=2)
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        if last:
            break
    await wait_until(pilot, lambda: isinstance(app.screen, PickerScreen), what="the list")
    await settle(app, pilot)
    # Once the list is painted the app lets go of the conference: no thumbnail is left then.
    await wait_until(pilot, lambda: cached_thumbnails() == 0, what="the pictures let go")


async def forget_finished_thread_workers() -> None:
    """Each idle thread of the event loop's pool still names, as Textual's active worker,
    the last worker it ran, and so that worker's widget (a conference screen, a picture):
    which thread ran what last is chance. Make every one of them forget it: one job per
    thread, held at a barrier so that no thread takes two."""
    loop = asyncio.get_running_loop()
    pool = getattr(loop, "_default_executor", None)
    threads = len(getattr(pool, "_threads", ()))
    if not threads:
        return
    barrier = threading.Barrier(threads, timeout=10)

    def forget() -> None:
        barrier.wait()
        active_worker.set(None)  # type: ignore[arg-type]

    await asyncio.gather(*(loop.run_in_executor(None, forget) for _ in range(threads)))


def alive() -> Counter[str]:
    """After a full collection: how many widgets of each class, and of Textual's style
    caches, are alive."""
    gc.collect()
    found: Counter[str] = Counter()
    for thing in gc.get_objects():
        if isinstance(thing, Widget | StylesCache):
            found[type(thing).__name__] += 1
    return found


async def test_the_same_conference_led_again_and_again_leaves_no_more_behind(
    make_app: AppFactory, clock: FrozenClock
) -> None:
    app = make_app()
    after: list[Counter[str]] = []
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        for number in range(1, CONFERENCES + 1):
            await lead_conference(app, pilot, clock)
            await forget_finished_thread_workers()
            after.append(alive())
            screens = after[-1]["ConferenceScreen"]
            assert not screens, f"{screens} conference screens alive after conference {number}"
    second, last = after[1], after[-1]
    grown = {kind: (second[kind], last[kind]) for kind in last if last[kind] > second[kind]}
    assert not grown, f"alive after conference 2 and {CONFERENCES}, where more: {grown}"
