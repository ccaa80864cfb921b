"""Drive the real slc app headless (Textual's ``run_test``), in a child process of the benchmark.

``python -m bench.app_driver conference CLASS_DIR RESULTS_DIR STUDENT OUT`` leads one whole
conference and writes, to OUT as JSON, the time of every step change, the event-loop lag while
the ``choose`` gallery loads, and the process's peak RSS. ``python -m bench.app_driver picker
CLASS_DIR RESULTS_DIR COUNT OUT`` times opening the student picker until it lists COUNT students
(and until the class is read in full behind it);
``... overview CLASS_DIR RESULTS_DIR COUNT OUT`` times the teacher's overview until its table
holds COUNT rows. ``... night CLASS_DIR RESULTS_DIR ID,ID,... OUT`` leads those children's
conferences one after another in one app, from the student list and back, and writes the
process's RSS (``VmRSS``) after each.

How a step change is timed: ``App._display`` (which Textual calls with the compositor's update
each time the top screen is painted; headless it renders every widget but writes nothing) is
wrapped to timestamp each paint. The clock starts just before Ctrl+N is sent and stops at the
first paint of the conference screen showing the new step (``ConferenceScreen.shown``: the step
is composed, mounted and focused; the paint lays it out and renders its widgets). Pictures
are still decoding in threads then; the time until they are painted too is reported as
``ready_ms``.

How loop lag is measured: a task sleeps 5 ms in a loop and records how much later than asked it
woke; the longest delay is the longest the event loop was blocked (to within a few ms).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import resource
import sys
import time
import weakref
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from bench.common import status_kib

SIZE = (120, 40)
LAG_INTERVAL = 0.005
TIMEOUT = 120.0


class FrozenClock:
    """A clock standing still at an after-school moment (as the UI tests use)."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 22, 15, 30, 0)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        """Move the clock on."""
        self.now += timedelta(seconds=seconds)


class PaintRecorder:
    """Timestamps every paint of the app's top screen (see the module docstring)."""

    def __init__(self, app: Any, history: bool = True) -> None:
        """``history``: keep every paint (and so every screen painted) for
        :meth:`first_paint_after`; without it only :meth:`wait_for` works."""
        self.paints: list[tuple[float, Any]] = []
        #: Each screen's first paint (weakly: it keeps no screen alive).
        self.first_paints: weakref.WeakKeyDictionary[Any, float] = weakref.WeakKeyDictionary()
        self._waiters: list[tuple[Callable[[Any], bool], asyncio.Future[float]]] = []
        original = app._display

        def display(screen: Any, renderable: Any) -> None:
            original(screen, renderable)
            if renderable is None:
                return
            now = time.perf_counter()
            self.first_paints.setdefault(screen, now)
            if history:
                self.paints.append((now, screen))
            for wanted, future in self._waiters:
                if not future.done() and _safely(wanted, screen):
                    future.set_result(now)

        app._display = display

    async def wait_for(self, wanted: Callable[[Any], bool], timeout: float = TIMEOUT) -> float:
        """The time of the first paint (from now on) of a screen for which ``wanted`` is true."""
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        entry = (wanted, future)
        self._waiters.append(entry)
        try:
            return await asyncio.wait_for(future, timeout)
        finally:
            self._waiters.remove(entry)

    async def painted(self, screen: Any, timeout: float = TIMEOUT) -> float:
        """When ``screen`` was first painted (waiting for it if it has not been yet)."""
        done = self.first_paints.get(screen)
        return done if done is not None else await self.wait_for(lambda s: s is screen, timeout)

    def first_paint_after(self, screen: Any, moment: float) -> float | None:
        """When ``screen`` was first painted at or after ``moment`` (None if not yet)."""
        return min((t for t, s in self.paints if s is screen and t >= moment), default=None)


def _safely(wanted: Callable[[Any], bool], screen: Any) -> bool:
    try:
        return bool(wanted(screen))
    except Exception:
        return False


class LagProbe:
    """Measures how late a 5 ms sleep wakes up, over and over, on the running event loop."""

    def __init__(self) -> None:
        self.samples: list[tuple[float, float]] = []  # (woke at, lag in seconds)
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Start probing on the running loop."""
        self._task = asyncio.get_running_loop().create_task(self._run())

    async def _run(self) -> None:
        while True:
            asked = time.perf_counter()
            await asyncio.sleep(LAG_INTERVAL)
            woke = time.perf_counter()
            self.samples.append((woke, max(0.0, woke - asked - LAG_INTERVAL)))

    def stop(self) -> None:
        """Stop probing."""
        if self._task is not None:
            self._task.cancel()

    def max_between(self, start: float, end: float) -> float:
        """The longest lag (seconds) of the sleeps that overlapped ``start``..``end``."""
        return max(
            (lag for woke, lag in self.samples if woke >= start and woke - lag <= end + 0.001),
            default=0.0,
        )


def peak_rss_kib() -> int:
    """This process's peak resident set size in KiB.

    ``VmHWM`` from /proc: the high-water mark of this program's own memory. (``ru_maxrss`` is not
    used where /proc exists: Linux carries it over from the parent across fork and exec, so a
    child of a big benchmark process would report the parent's size.)
    """
    try:
        return status_kib("self", "VmHWM")
    except (OSError, KeyError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _other_screen(old: Any) -> Callable[[Any], bool]:
    """A test for "a screen other than ``old``"."""
    return lambda screen: screen is not old


def _new_step(old: Any) -> Callable[[Any], bool]:
    """A test for "the conference screen, showing a step other than ``old``"."""
    from slc_tui.ui.screens.conference import ConferenceScreen

    return lambda screen: isinstance(screen, ConferenceScreen) and screen.shown not in (None, old)


def _previews(node: Any) -> list[Any]:
    from slc_tui.ui.widgets.image_preview import ImagePreview

    return list(node.query(ImagePreview))


def _preview_cells(step: Any) -> list[int] | None:
    """The (columns, lines) of the step's only picture, if it shows exactly one."""
    previews = _previews(step)
    if len(previews) != 1:
        return None
    size = previews[0].content_size
    return [size.width, size.height]


def _busy_workers(app: Any) -> list[Any]:
    from slc_tui.ui.screens.choice_dialog import ChoiceDialog

    dialog = isinstance(app.screen, ChoiceDialog)
    return [w for w in app.workers if not w.is_finished and not (dialog and w.group == "open")]


def _pending(app: Any) -> bool:
    """True while the app or its screen has messages waiting, or callbacks waiting for the
    next refresh (such as a step's "shown", which starts building the next one)."""
    screen = app.screen
    queues = (getattr(node, "_message_queue", None) for node in (app, screen))
    return bool(getattr(screen, "_callbacks", None)) or any(
        queue is not None and not queue.empty() for queue in queues
    )


class _PreviewWatch:
    """The pictures on screen, re-queried only when the screen or its step changes or every
    half second (a query walks every widget: polling it would load the loop being measured)."""

    def __init__(self) -> None:
        self.showing: tuple[Any, Any] = (None, None)
        self.previews: list[Any] = []
        self.queried_at = 0.0

    def unloaded(self, app: Any, now: float) -> list[Any]:
        showing = (app.screen, getattr(app.screen, "shown", None))  # the screen and its step
        if showing != self.showing or now - self.queried_at > 0.5:
            self.showing, self.previews, self.queried_at = showing, _previews(app.screen), now
        return [p for p in self.previews if not getattr(p, "loaded", True)]


async def settle(app: Any, timeout: float = TIMEOUT) -> float:
    """Wait until no worker runs, no message or after-refresh callback waits, and every
    picture on screen is loaded; returns when that was.

    Polls every 20 ms. A picture that stays unloaded for a second while nothing else happens is
    scrolled into view (in case previews load lazily, only when visible).
    """
    deadline = time.perf_counter() + timeout
    watch = _PreviewWatch()
    calm_since: float | None = None
    progress_at, last_unloaded = time.perf_counter(), -1
    while True:
        now = time.perf_counter()
        if now > deadline:
            raise TimeoutError(f"app did not settle in {timeout}s")
        unloaded = watch.unloaded(app, now)
        busy = _busy_workers(app) or _pending(app)
        if busy or unloaded:
            calm_since = None
            if len(unloaded) != last_unloaded:
                progress_at, last_unloaded = now, len(unloaded)
            elif unloaded and not busy and now - progress_at > 1.0:
                unloaded[0].scroll_visible(animate=False)
                progress_at = now
        elif calm_since is None:
            calm_since = now
        elif now - calm_since > 0.05:
            return calm_since
        await asyncio.sleep(0.02)


def send_key(app: Any, key: str) -> None:
    """Send a key press the way ``Pilot.press`` does, without its waits for the app to idle."""
    from textual import events

    event = events.Key(key, "\r" if key == "enter" else None)
    event.set_sender(app)
    app._driver.send_message(event)


async def wait_until(condition: Callable[[], bool], timeout: float) -> bool:
    """Poll ``condition`` every 10 ms; False if it is still false after ``timeout`` seconds."""
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            return False
        await asyncio.sleep(0.01)
    return True


async def pick_pieces(app: Any) -> None:
    """On ``choose``: pick pieces with Enter, moving right between cards, until enough."""
    conference = app.conference
    chosen = conference.chosen
    while len(chosen) < conference.pieces_required:
        count, focused = len(chosen), app.focused
        send_key(app, "enter")
        if not await wait_until(lambda: len(chosen) != count, 5.0):  # noqa: B023
            break
        if len(chosen) < conference.pieces_required:
            send_key(app, "right")
            if not await wait_until(lambda: app.focused is not focused, 5.0):  # noqa: B023
                break
    # If the keys did not pick enough, pick the first unpicked pieces directly.
    missing = conference.pieces_required - len(chosen)
    unpicked = [p.id for p in conference.portfolio.pieces if p.id not in chosen]
    for piece_id in unpicked[: max(0, missing)]:
        conference.toggle_piece(piece_id)


async def first_step(app: Any) -> None:
    """Wait for the conference's first step (starting anew when results from an earlier run
    make the app ask)."""
    from slc_tui.ui.screens.choice_dialog import ChoiceDialog
    from slc_tui.ui.screens.conference import ConferenceScreen

    first = (ConferenceScreen, ChoiceDialog)
    if not await wait_until(lambda: isinstance(app.screen, first), 30):
        raise TimeoutError(f"the first step never showed (on screen: {app.screen!r})")
    if isinstance(app.screen, ChoiceDialog):
        dialog = app.screen
        if not await wait_until(lambda: bool(dialog.query("#new")), 10):
            raise TimeoutError("the dialog offers no new conference")
        dialog.query_one("#new").press()
        if not await wait_until(lambda: isinstance(app.screen, ConferenceScreen), 30):
            raise TimeoutError(f"the first step never showed (on screen: {app.screen!r})")


async def lead_conference(class_dir: Path, results_dir: Path, student_id: str) -> dict[str, Any]:
    """Open ``student_id`` straight away and press Next through the whole conference."""
    from slc_tui.ui.app import create_app

    clock = FrozenClock()
    # Built as `slc open` builds it (slc_tui.cli.cmd_open).
    app = create_app(
        class_dir, results_dir, student_id=student_id, clock=clock, freeze_objects=True
    )
    paints = PaintRecorder(app)
    probe = LagProbe()
    async with app.run_test(size=SIZE):
        probe.start()
        await first_step(app)
        steps, finish_ms = await press_next_through(app, clock, paints, probe)
    probe.stop()
    return {"steps": steps, "finish_ms": finish_ms, "peak_rss_mib": peak_rss_kib() / 1024}


async def press_next_through(
    app: Any, clock: FrozenClock, paints: PaintRecorder, probe: LagProbe | None = None
) -> tuple[list[dict[str, Any]], float]:
    """From the conference's first step on screen, press Next (picking pieces on ``choose``)
    through to Finish and the screen after it, settling after each step; returns each step
    change's timings and how long Finish took until the next screen was painted (ms).

    Without ``probe`` (no loop lag measured) ``paints`` may keep no history: the ready and
    lag figures are then left out.
    """
    steps: list[dict[str, Any]] = []
    shown_at = time.perf_counter()  # when the step on screen was shown (about)
    await paints.painted(app.screen)  # a child reads a step only once it is drawn
    await settle(app)
    while True:
        conference = app.conference
        if conference is None:
            raise RuntimeError("no conference on screen")
        if conference.step.kind.value == "choose":
            await pick_pieces(app)
            await settle(app)
        clock.advance(90)  # a minute and a half per step
        before, old_screen = conference.step.key, app.screen
        last = conference.is_last
        start = time.perf_counter()
        wanted = _other_screen(old_screen) if last else _new_step(old_screen.shown)
        painted = asyncio.ensure_future(paints.wait_for(wanted))
        send_key(app, "ctrl+n")
        painted_at = await painted
        if last:
            await settle(app)
            return steps, (painted_at - start) * 1000
        screen = app.screen
        calm_at = await settle(app)
        step: dict[str, Any] = {
            "from": before,
            "to": app.conference.step.key if app.conference else "?",
            "paint_ms": (painted_at - start) * 1000,
        }
        if probe is not None:
            first = paints.first_paint_after(screen, calm_at - 0.015)
            ready_at = max(first or calm_at, painted_at)
            shown = getattr(screen, "shown", None) or screen  # the step (not the one built ahead)
            step.update(
                {
                    "ready_ms": (ready_at - start) * 1000,
                    "lag_max_ms": probe.max_between(start, ready_at) * 1000,
                    "lag_after_paint_ms": probe.max_between(painted_at, ready_at) * 1000,
                    # From when the step before was shown: the app builds the next step
                    # ahead of time while one is on screen, so that work is counted too.
                    "lag_since_step_before_ms": probe.max_between(shown_at, ready_at) * 1000,
                    "pictures": len(_previews(shown)),
                    "preview_cells": _preview_cells(shown),
                }
            )
        steps.append(step)
        shown_at = painted_at


def rss_kib() -> int:
    """This process's resident set size now in KiB (``VmRSS`` from /proc; 0 without it)."""
    try:
        return status_kib("self", "VmRSS")
    except (OSError, KeyError):
        return 0


async def pick_student(app: Any, student_id: str) -> None:
    """On the student list: move the highlight to ``student_id`` and press Enter."""
    from textual.widgets import OptionList

    from slc_tui.ui.screens.picker import PickerScreen

    def listed() -> bool:
        screen = app.screen
        if not isinstance(screen, PickerScreen):
            return False
        found = screen.query("#students").results(OptionList)  # (none until composed)
        return any(option.id == student_id for list_ in found for option in list_.options)

    if not await wait_until(listed, 30):
        raise TimeoutError(f"{student_id} is not on the student list ({app.screen!r})")
    students = app.screen.query_one("#students", OptionList)
    students.highlighted = students.get_option_index(student_id)
    students.focus()
    await wait_until(lambda: app.focused is students, 5)
    send_key(app, "enter")


async def lead_night(class_dir: Path, results_dir: Path, student_ids: list[str]) -> dict[str, Any]:
    """In one app, from the student list, lead each of ``student_ids``'s conferences in turn
    (picked from the list, Next pressed through to Finish); after each, once the student list
    is back and settled, read the process's RSS. Nothing is collected or freed here: the app
    frees a conference's leftovers itself once the list is painted (``collect_everything``),
    as the command line's app does; what is read is what such a process holds."""
    from slc_tui.ui.app import create_app
    from slc_tui.ui.screens.picker import PickerScreen

    clock = FrozenClock()
    app = create_app(class_dir, results_dir, clock=clock, freeze_objects=True)  # as `slc open`
    paints = PaintRecorder(app, history=False)  # (a history would keep every screen alive)
    rss_mib: list[float] = []
    objects: list[int] = []
    step_changes: list[int] = []
    async with app.run_test(size=SIZE):
        for student_id in student_ids:
            await pick_student(app, student_id)
            await first_step(app)
            steps, _finish_ms = await press_next_through(app, clock, paints)
            if not isinstance(app.screen, PickerScreen):
                raise RuntimeError(f"Finish did not go back to the student list ({app.screen!r})")
            await settle(app)
            await asyncio.sleep(0.2)  # past the list's first paint: its leftovers freed
            rss_mib.append(rss_kib() / 1024)
            objects.append(len(gc.get_objects()) + gc.get_freeze_count())
            step_changes.append(len(steps))
    return {
        "rss_mib": rss_mib,
        "gc_objects": objects,
        "step_changes": step_changes,
        "peak_rss_mib": peak_rss_kib() / 1024,
    }


async def switch_languages(
    class_dir: Path, results_dir: Path, student_id: str, count: int
) -> dict[str, Any]:
    """Open ``student_id``, go to the first piece step and switch its language ``count``
    times (French, Spanish, English, …) as the 🌐 menu's pick does: the time from the pick
    until the step is painted in the new language, each time."""
    from slc_tui.core.steps import StepKind
    from slc_tui.ui.app import create_app

    app = create_app(class_dir, results_dir, student_id=student_id, clock=FrozenClock())
    paints = PaintRecorder(app)
    switches: list[float] = []
    async with app.run_test(size=SIZE):
        await first_step(app)
        await settle(app)
        conference = app.conference
        for chosen in conference.portfolio.pieces[: conference.pieces_required]:
            if chosen.id not in conference.chosen:  # (this child's pieces are not pre-chosen)
                conference.toggle_piece(chosen.id)
        piece = next(s for s in conference.steps() if s.kind is StepKind.PIECE)
        conference.go_to(piece)
        app.show_step()
        await settle(app)
        await asyncio.to_thread(app._read_languages)  # as the 🌐 menu does while it opens
        for number in range(count):
            code = ("fr", "es", "en")[number % 3]
            old = app.screen.shown
            start = time.perf_counter()
            painted = asyncio.ensure_future(paints.wait_for(_new_step(old)))
            app.switch_language(code)
            painted_at = await painted
            switches.append((painted_at - start) * 1000)
            await settle(app)
            if app.conference.language != code:
                raise RuntimeError(f"the conference is not in {code}")
        await settle(app)
    return {"switch_ms": switches}


async def open_picker(class_dir: Path, results_dir: Path, count: int) -> dict[str, Any]:
    """Time from creating the app until the picker listing ``count`` students is painted
    (``picker_ms``: the list as the index gives it, statuses read), and until the class is
    read in full and the list shown again from it, nothing left to do (``whole_ms``)."""
    from textual.widgets import OptionList

    from slc_tui.ui.app import create_app
    from slc_tui.ui.screens.picker import PickerScreen

    def listed(screen: Any) -> bool:
        if not isinstance(screen, PickerScreen):
            return False
        return bool(screen.query_one(OptionList).option_count >= count)

    start = time.perf_counter()
    app = create_app(class_dir, results_dir, clock=FrozenClock(), freeze_objects=True)
    paints = PaintRecorder(app)
    async with app.run_test(size=SIZE):
        painted_at = await paints.wait_for(listed)
        if not await wait_until(lambda: app.session.folder.complete, TIMEOUT):
            raise RuntimeError("the class was not read in full")
        settled_at = await settle(app)
    return {"picker_ms": (painted_at - start) * 1000, "whole_ms": (settled_at - start) * 1000}


async def open_overview(class_dir: Path, results_dir: Path, count: int) -> dict[str, Any]:
    """From the student list (listing ``count`` students, settled): F3 opens the teacher's
    desk (no PIN set), then O the overview; time from O pressed until the overview's table
    is painted with ``count`` rows (and F3 until the desk is painted)."""
    from textual.widgets import DataTable, OptionList

    from slc_tui.ui.app import create_app
    from slc_tui.ui.screens.picker import PickerScreen
    from slc_tui.ui.screens.teacher.home import TeacherHomeScreen
    from slc_tui.ui.screens.teacher.overview import OverviewScreen

    def listed(screen: Any) -> bool:
        return isinstance(screen, PickerScreen) and (
            screen.query_one(OptionList).option_count >= count
        )

    def desk(screen: Any) -> bool:
        return isinstance(screen, TeacherHomeScreen)

    def overview(screen: Any) -> bool:
        return isinstance(screen, OverviewScreen) and (
            screen.query_one(DataTable).row_count >= count
        )

    app = create_app(class_dir, results_dir, clock=FrozenClock(), freeze_objects=True)
    paints = PaintRecorder(app)
    async with app.run_test(size=SIZE):
        await paints.wait_for(listed)
        await settle(app)
        start = time.perf_counter()
        painted = asyncio.ensure_future(paints.wait_for(desk))
        send_key(app, "f3")
        desk_at = await painted
        await settle(app)
        start_overview = time.perf_counter()
        painted = asyncio.ensure_future(paints.wait_for(overview))
        send_key(app, "o")
        overview_at = await painted
    return {
        "desk_ms": (desk_at - start) * 1000,
        "overview_ms": (overview_at - start_overview) * 1000,
    }


def main(argv: list[str] | None = None) -> int:
    """Run one measurement and write its JSON result."""
    parser = argparse.ArgumentParser(prog="python -m bench.app_driver")
    commands = parser.add_subparsers(dest="command", required=True)
    conference = commands.add_parser("conference")
    conference.add_argument("class_dir", type=Path)
    conference.add_argument("results_dir", type=Path)
    conference.add_argument("student")
    conference.add_argument("out", type=Path)
    picker = commands.add_parser("picker")
    picker.add_argument("class_dir", type=Path)
    picker.add_argument("results_dir", type=Path)
    picker.add_argument("count", type=int)
    picker.add_argument("out", type=Path)
    overview = commands.add_parser("overview")
    overview.add_argument("class_dir", type=Path)
    overview.add_argument("results_dir", type=Path)
    overview.add_argument("count", type=int)
    overview.add_argument("out", type=Path)
    night = commands.add_parser("night")
    night.add_argument("class_dir", type=Path)
    night.add_argument("results_dir", type=Path)
    night.add_argument("students", help="student ids, comma-separated, led in this order")
    night.add_argument("out", type=Path)
    languages = commands.add_parser("languages")
    languages.add_argument("class_dir", type=Path)
    languages.add_argument("results_dir", type=Path)
    languages.add_argument("student")
    languages.add_argument("count", type=int)
    languages.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    gc.disable()  # as `slc open` does (slc_tui.cli.main) until the first screen is painted
    import slc_tui.ui.app  # noqa: F401  (imported before timing, as the CLI has by then)

    if args.command == "conference":
        result = asyncio.run(lead_conference(args.class_dir, args.results_dir, args.student))
    elif args.command == "night":
        students = args.students.split(",")
        result = asyncio.run(lead_night(args.class_dir, args.results_dir, students))
    elif args.command == "languages":
        result = asyncio.run(
            switch_languages(args.class_dir, args.results_dir, args.student, args.count)
        )
    elif args.command == "overview":
        result = asyncio.run(open_overview(args.class_dir, args.results_dir, args.count))
    else:
        result = asyncio.run(open_picker(args.class_dir, args.results_dir, args.count))
    args.out.write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
