"""The slc Textual app: a student picker, then a conference screen that shows one step at a
time."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import sys
from collections.abc import Callable, Iterable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeGuard

from textual import events, on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widgets import Static

from slc_tui.core import i18n
from slc_tui.core.conference import Conference, StepBlocked
from slc_tui.core.i18n import N_, _, fill, nfill
from slc_tui.core.portfolio import Portfolio
from slc_tui.core.prompts import commitment_ideas, help_prompts, parent_questions
from slc_tui.core.steps import Step
from slc_tui.session import ClassSession, CorruptResultsFile, speak_class_language
from slc_tui.ui.collection import collect_everything, freeze_long_lived, pause_collection
from slc_tui.ui.messages import (
    ConferenceEdited,
    LanguageRequested,
    Navigate,
    StepShown,
    TakeHomeRequested,
    UnlockRequested,
)
from slc_tui.ui.saving import Saving
from slc_tui.ui.screens.conference import ConferenceScreen
from slc_tui.ui.steps.base import StepContext
from slc_tui.ui.steps.registry import step_for

if TYPE_CHECKING:  # imported when first needed: not on the way to a child's first step
    from slc_tui.ui.doors import Doors
    from slc_tui.ui.screens.picker import PickerScreen

#: Seconds after the last change before the next step is built again ahead of time.
PREPARE_AFTER_EDIT = 0.5

#: Seconds between "still open here" notes while a conference is open.
#: How often the student list checks who is next on conference night.
NEXT_UP_SECONDS = 30
CLAIM_TOUCH_SECONDS = 30.0


class SlcApp(Saving):
    """A child leads their conference; the app owns the class session and all saving."""

    CSS_PATH = "slc.tcss"
    TITLE = N_("slc — my conference")
    BINDINGS = [
        Binding("ctrl+q", "quit", N_("Quit"), id="quit", priority=True),
        # In a terminal Ctrl+C means "stop": save first, then close (not copy).
        Binding("ctrl+c", "quit", N_("Quit"), id="quit-ctrl-c", show=False, priority=True),
    ]
    ENABLE_COMMAND_PALETTE = False

    def __init__(
        self,
        class_dir: Path,
        results_dir: Path,
        *,
        student_id: str | None = None,
        clock: Callable[[], datetime] = datetime.now,
        notice: str = "",
        freeze_objects: bool = False,
    ) -> None:
        super().__init__()
        self.freeze_objects = freeze_objects
        self.class_dir = class_dir
        self.results_dir = results_dir
        self.start_student = student_id
        self.clock = clock
        self.notice = notice
        self.session: ClassSession | None = None
        self.conference: Conference | None = None
        self.crash_log: Path | None = None
        self._picker_heading = ("", "")
        #: The note under the student list, made in the language spoken when it is shown.
        self._picker_notice: Callable[[], str] = lambda: self.notice
        self._first_rows: list[Any] | None = None  # None: not read yet
        self._unlocked: set[str] = set()  # conferences whose last record the teacher unlocked
        #: Until the first screen is painted (see ``_started``): a step shown now is the first
        #: step painted, so it draws its empty notes box with a stand-in.
        self._painting_first = True

    def update_styles(self, node: DOMNode, animate: bool = True) -> None:
        """Restyle ``node`` after a class change, unless it is not mounted yet.

        Textual restyles a widget (and its children) whenever its classes change, even while
        it is only being built: an Input's constructor changes its classes twice, a Button's
        once, each time matching the whole stylesheet. Mounting styles every widget anyway,
        so those passes are wasted; skipping them makes building a step about a third faster.
        """
        if node is self or node.is_attached:
            super().update_styles(node, animate)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Show a notification, always as plain text: slc's messages hold names, titles and
        paths from the class folder, which must never be read as markup (``markup`` is
        ignored; it is there because widgets pass it on)."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    async def on_event(self, event: events.Event) -> None:
        """Keys first pass the typing rule of the screen shown, when it has one (the
        conference's and the teacher editors' ``route_key``: typed words land in a text
        box, not on a card or checkbox: :mod:`slc_tui.ui.typing_router`)."""
        if isinstance(event, events.Key) and not event.is_forwarded:
            route_key = getattr(self.screen, "route_key", None)
            if route_key is not None and route_key(event):
                return
        await super().on_event(event)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The command palette (Ctrl+P): slc's three looks in place of Textual's many themes."""
        from slc_tui.ui.themes import theme_commands

        yield from theme_commands(self)
        for command in super().get_system_commands(screen):
            if command.title != "Theme":
                yield command

    def compose(self) -> ComposeResult:
        """Shown only while the class loads."""
        yield Static(_("Opening the class…"), id="loading")

    def on_mount(self) -> None:
        """Read the class; save before closing on a hang-up or kill."""
        if not self.is_headless:
            self._catch_signals()
        self.set_interval(CLAIM_TOUCH_SECONDS, self._keep_claim)
        self.set_interval(NEXT_UP_SECONDS, self._keep_next_up)
        if self.start_student:  # (once mounted: a screen pushed while mounting is not painted)
            self.call_later(self._open_student_first)
        else:
            self.load_class()

    def on_unmount(self) -> None:
        """However the app ends, let other screens open the conference."""
        if self.session is not None:
            with contextlib.suppress(OSError):
                self.session.release_claim()

    def _keep_next_up(self) -> None:
        """Every half minute on conference night: move "next" on the student list past a
        family whose time is over."""
        screen = self.screen
        if _is_picker(screen) and screen.rows and self.session is not None:
            rows = self.session.with_next(screen.rows)
            if rows != screen.rows:
                screen.set_rows(rows)

    def _keep_claim(self) -> None:
        """Every half minute: tell other screens the open conference is still open here."""
        if self.conference is not None and self.session is not None:
            self.run_worker(self.session.touch_claim, thread=True, group="save")

    def _open_student_first(self) -> None:
        """``slc open CLASS --student ID``: that child's files are read here, on the UI
        thread, before anything is painted: when the portfolio is found by its name and the
        results read cleanly, they are the same few files whatever the size of the class (a
        few milliseconds), and a thread and a loading screen would cost more than the
        reading. Otherwise (a portfolio to look for among the others, a results file to
        repair, a question to ask first, nowhere to save) the class is read in a worker, as
        without ``--student``."""
        speak_class_language(self.class_dir)  # problems found while reading are said in it
        session = ClassSession.open_student_only(
            self.class_dir, self.results_dir, self.start_student or "", self.clock
        )
        if session is None:
            self.load_class()
            return
        ready, cannot_write = self._start_straight_away(session, repair=False)
        if ready is None:
            self.load_class(session, cannot_write)
        else:
            self._class_read(session, None, ready, cannot_write)

    @work(thread=True, exclusive=True, group="load")
    def load_class(
        self, session: ClassSession | None = None, cannot_write: str | None = None
    ) -> None:
        """Read the class folder and results (unless ``session`` is already open, with
        ``cannot_write`` found), then show the picker."""
        ready = None
        if session is None:
            session = self._open_session()
            ready, cannot_write = self._start_straight_away(session)
        rows = session.picker_rows(read_whole=False) if ready is None else None
        self.call_from_thread(self._class_read, session, rows, ready, cannot_write)

    def _open_session(self) -> ClassSession:
        """The class session: the child to open's portfolio only, or who is in the class
        (the rest is read after the first paint)."""
        speak_class_language(self.class_dir)  # problems found while reading are said in it
        if self.start_student:
            return ClassSession.open_for_student(
                self.class_dir, self.results_dir, self.start_student, self.clock
            )
        return ClassSession.open_for_list(self.class_dir, self.results_dir, self.clock)

    def _start_straight_away(
        self, session: ClassSession, repair: bool = True
    ) -> tuple[Conference | None, str | None]:
        """The conference of the child to open, when it starts without a question (and,
        without ``repair``, its results file is not damaged); and why the results folder
        cannot be written (None when it can)."""
        # Going straight to a student: start it here too when no question needs asking,
        # so the first screen painted is the child's first step; the student list (every
        # results file of the class) is then read when the conference ends.
        # (It is claimed once painted: the claim's file lock costs start-up ~20 ms.)
        cannot_write = session.cannot_write()
        student = None if cannot_write else self.start_student
        ready = (
            session.start_without_questions(student, claim=False, repair=repair)
            if student
            else None
        )
        session.translation(session.folder.info.language)  # read before anything is shown
        if ready is not None:
            session.translation(ready.language)
        return ready, cannot_write

    def _class_read(
        self,
        session: ClassSession,
        rows: list[Any] | None,
        ready: Conference | None,
        cannot_write: str | None,
    ) -> None:
        """The class is read: show what comes first, and offer another folder when the
        results folder cannot be written."""
        self._class_loaded(session, rows, ready)
        if cannot_write:
            self.offer_own_folder(cannot_write)

    def _tell_recoveries(self) -> list[str]:
        """Tell the teacher about damaged results files just recovered; return the messages."""
        assert self.session is not None
        messages = [recovery.message for recovery in self.session.take_recoveries()]
        for message in messages:
            self.notify(message, title=_("Results file repaired"), severity="warning", timeout=30)
        return messages

    def _class_loaded(
        self, session: ClassSession, rows: list[Any] | None, ready: Conference | None = None
    ) -> None:
        self.session = session
        self._speak_class_language()
        if session.folder.info.theme != "standard":
            from slc_tui.ui.themes import apply_theme

            apply_theme(self, session.folder.info.theme)
        repaired = self._tell_recoveries()
        info = session.folder.info
        subtitle = _heading_subtitle(info.teacher, info.term)
        results_dir, given = session.results_dir, self.notice

        def notice() -> str:  # (the class may be read whole only later: counted when shown)
            folder = session.folder
            problems = len([p for p in folder.all_problems if p.is_error])
            lines = [given or fill("Results are saved in {folder}", folder=results_dir)]
            if repaired:
                lines.append(_repaired_line(len(repaired)))
            if problems:
                lines.append(_problems_line(problems, len(folder.left_out)))
            return "\n".join(lines)

        self._picker_heading = (info.name, subtitle)
        self._picker_notice = notice
        self._first_rows = rows
        if ready is not None:
            self.begin(ready, claimed=False)  # the picker is made when the conference ends
        else:
            self.push_screen(self._new_picker(rows))
            if self.start_student:
                self.open_student(self.start_student)
        self.call_after_refresh(self._started)

    def _started(self) -> None:
        """The first screen is painted: with ``freeze_objects`` (the command line), objects
        made so far are kept out of later collections (see ``ui/collection.py``); then
        collection resumes. (Each step's module is imported when the step is first built,
        ahead of time while the step before it is on screen.)"""
        self._painting_first = False
        if self.freeze_objects:
            freeze_long_lived()
            gc.enable()
        if self.session is not None and not self.session.folder.complete:
            if _is_picker(self.screen):  # listed from the index: now in full
                self.refresh_picker()
            else:  # one child's conference is on screen: now the rest of the class
                self.run_worker(self.session.read_whole_class, thread=True, group="load")

    def _speak_class_language(self) -> None:
        """The student list and the teacher's desk speak the class's language."""
        if self.session is not None:
            self._speak(self.session.translation(self.session.folder.info.language))

    def _speak(self, language: i18n.Translation) -> None:
        """Make ``language`` the one the screens (and the window's title) speak."""
        i18n.use(language)
        self.title = _(self.TITLE)

    def _back_to_picker(self) -> None:
        """Leave the conference for the student list (made now if it was skipped); free
        the conference's leftovers once the list is painted."""
        self._speak_class_language()
        self.call_after_refresh(self._free_leftovers)
        if any(_is_picker(screen) for screen in self.screen_stack):
            self.pop_screen()
        else:
            self.switch_screen(self._new_picker(self._first_rows))

    def _free_leftovers(self) -> None:
        """What Textual still holds of the ended conference's widgets is let go (see
        ``ui/leftovers.py``); with ``freeze_objects``, all garbage is then collected."""
        from slc_tui.ui.leftovers import let_go  # (not needed to start)

        let_go(self)
        if self.freeze_objects:
            collect_everything()

    # -- opening a student ------------------------------------------------------------

    @work(exclusive=True, group="open")
    async def offer_own_folder(self, reason: str) -> None:
        """The results folder cannot be written: offer the per-user folder instead, or
        say plainly on the student list that nothing can be saved."""
        from slc_tui.session import own_results_dir

        session = self.session
        assert session is not None
        stuck = session.results_dir
        own = own_results_dir(self.class_dir)
        if own != stuck and await _doors(self, session).save_elsewhere(reason, own):
            moved = session.moved_to(own)
            problem = await asyncio.to_thread(moved.cannot_write)
            if problem is None:
                self.results_dir = own
                self.session = moved
                self._show_notice(partial(_saved_elsewhere_note, own, stuck, reason))
                self.refresh_picker_soon()
                return
            stuck, reason = own, problem
        self._show_notice(partial(_nothing_saved_note, stuck, reason))

    def _new_picker(self, rows: list[Any] | None) -> PickerScreen:
        """The student list, with the class's heading and notice."""
        name, subtitle = self._picker_heading
        from slc_tui.ui.screens.picker import PickerScreen

        picker = PickerScreen(name, subtitle, rows, self._picker_notice())
        picker.has_problems = self.session is not None and bool(self.session.folder.all_problems)
        return picker

    def on_picker_screen_problems_requested(self) -> None:
        """F2 on the student list."""
        self.show_problems()

    @work(exclusive=True, group="unlock")
    async def show_problems(self) -> None:
        """Teacher PIN (when set), then every problem of the class folder."""
        from slc_tui.ui.screens.problems import ProblemsScreen

        session = self.session
        if session is None:
            return
        if await asyncio.to_thread(_doors(self, session).access.is_set):
            reason = _("Teacher PIN to see the problems in the class folder")
            if not await _doors(self, session).teacher_says_yes(reason):
                return
        await asyncio.to_thread(session.read_whole_class)  # every portfolio checked
        await self.push_screen_wait(ProblemsScreen(session.folder))
        self.refresh_picker()  # (the list may have been read in full meanwhile)

    def on_picker_screen_teacher_requested(self) -> None:
        """F3 on the student list."""
        if _is_picker(self.screen):
            self.open_teacher_mode()

    @work(exclusive=True, group="unlock")
    async def open_teacher_mode(self) -> None:
        """Teacher PIN (when set), then the teacher's desk over the student list; the list
        is read again when the teacher comes back."""
        from slc_tui.ui.screens.teacher.home import TeacherHomeScreen

        session = self.session
        if session is None:
            return
        doors = _doors(self, session)
        if await asyncio.to_thread(doors.access.is_set) and not await doors.teacher_says_yes(
            _("Teacher PIN to open the teacher's desk")
        ):
            return
        await asyncio.to_thread(session.read_whole_class)  # the desk works on the whole class
        self.push_screen(TeacherHomeScreen(session), lambda _: self.refresh_picker_soon())

    def _show_notice(self, notice: Callable[[], str]) -> None:
        """Change the note under the student list (now, and whenever the list is made):
        ``notice`` makes it in the language spoken then."""
        self._picker_notice = notice
        for screen in self.screen_stack:
            if _is_picker(screen):
                screen.show_notice(notice())

    def refresh_picker_soon(self) -> None:
        """Re-read the student list in a thread (see :meth:`refresh_picker`)."""
        self.run_worker(self.refresh_picker, thread=True, group="load")

    def on_picker_screen_student_picked(self, event: PickerScreen.StudentPicked) -> None:
        """A name picked on the student list."""
        # A double click must not open two dialogs: only from the picker, one at a time.
        opening = any(w.group == "open" and w.is_running for w in self.workers)
        if _is_picker(self.screen) and not opening:
            if event.practice:
                self.open_practice(event.student_id)
            else:
                self.open_student(event.student_id)

    @work(exclusive=True, group="open")
    async def open_practice(self, student_id: str) -> None:
        """Rehearse ``student_id``'s whole conference: their own portfolio, a "Practice"
        band on every step, nothing claimed or saved, and leaving asks nothing."""
        session = self.session
        assert session is not None
        await asyncio.to_thread(session.bring_up_to_date)
        conference = await asyncio.to_thread(session.start_practice, student_id)
        if conference is None:
            self._no_portfolio(student_id)
            return
        await asyncio.to_thread(session.translation, conference.language)
        self.practising = True
        self.conference = conference
        self._speak(session.translation(conference.language))
        self.show_step()

    def _no_portfolio(self, student_id: str) -> None:
        self.notify(
            fill(
                "No usable portfolio for {student}: run slc validate on the class folder.",
                student=repr(student_id),
            ),
            severity="error",
            timeout=10,
        )

    @work(exclusive=True, group="open")
    async def open_student(self, student_id: str) -> None:
        """Start, resume or restart a student's conference, asking when there is a choice.

        Results are read in a thread; a damaged results file is named, never a crash.
        """
        await self._open(student_id)

    async def _open(self, student_id: str) -> None:
        await self._ask_and_open(student_id)
        if self.conference is None and isinstance(self.screen, ConferenceScreen):
            self._back_to_picker()  # nothing opened, and a conference screen was left
            self.refresh_picker()

    async def _ask_and_open(self, student_id: str) -> None:
        session = self.session
        assert session is not None
        # (the whole class read, and what the teacher may have edited meanwhile)
        await asyncio.to_thread(session.bring_up_to_date)
        portfolio = session.folder.portfolio(student_id)
        if portfolio is None:
            self._no_portfolio(student_id)
            return
        name = portfolio.student.first_name
        doors = _doors(self, session)
        if not await doors.claim(student_id, name):
            return
        try:
            conference = await doors.choose_conference(student_id, name)
        except OSError as error:  # the disk, or another copy holding the file too long
            await asyncio.to_thread(session.release_claim)
            self._save_failed(error)
            return
        except CorruptResultsFile as corrupt:
            await asyncio.to_thread(session.release_claim)
            self.notify(
                fill(
                    "Can't read {file} in {folder}: {reason}. Ask the teacher to check the file.",
                    file=corrupt.path.name,
                    folder=corrupt.path.parent,
                    reason=corrupt.reason,
                ),
                severity="error",
                timeout=15,
            )
            return
        self._tell_recoveries()
        if conference is None:
            await asyncio.to_thread(session.release_claim)
        else:
            await asyncio.to_thread(session.translation, conference.language)  # read it here
            self.begin(conference)

    def _read_languages(self) -> list[str]:
        """The languages the 🌐 menu offers, every catalog of them read (once; a switch
        then reads none)."""
        session = self.session
        if session is None:
            return []
        codes = session.languages()
        for code in codes:
            session.translation(code)
        return codes

    @on(LanguageRequested)
    def _language_requested(self) -> None:
        self.choose_language()

    @work(exclusive=True, group="language")
    async def choose_language(self) -> None:
        """The 🌐 menu, then the conference goes on in the language picked: the step on
        screen is built again in it, keeping everything typed (it is in the conference)."""
        from slc_tui.core.i18n import language_name
        from slc_tui.ui.screens.language_menu import LanguageMenu

        conference, session = self.conference, self.session
        if conference is None or session is None:
            return
        # The catalogs are read now, while the menu opens (never while a child is leading).
        codes = await asyncio.to_thread(self._read_languages)
        choices = [(code, language_name(code)) for code in codes]
        picked = await self.push_screen_wait(LanguageMenu(choices, conference.language))
        if picked is None or conference is not self.conference:
            return
        self.switch_language(picked)

    def switch_language(self, code: str) -> None:
        """Lead the conference on in ``code`` from this step (saved with the record)."""
        conference, session = self.conference, self.session
        if conference is None or session is None or code == conference.language:
            return
        conference.language = code
        self._speak(session.translation(code))
        self.show_step()
        self.post_message(ConferenceEdited())

    @on(UnlockRequested)
    def _unlock_requested(self) -> None:
        self.unlock_previous()

    @work(exclusive=True, group="unlock")
    async def unlock_previous(self) -> None:
        """Teacher PIN, then show last time's record on the review step."""
        conference = self.conference
        if conference is None:
            return
        doors = _doors(self, self.session) if self.session else None
        if doors and await doors.teacher_says_yes(_("Teacher PIN to show last time's conference")):
            self._unlocked.add(conference.id)
            if self.conference is conference:
                self.show_step()

    def begin(self, conference: Conference, claimed: bool = True) -> None:
        """Show the conference's current step, and save it as soon as that is painted (the
        save's thread would otherwise compete with building the first step); a conference
        not ``claimed`` yet is claimed first, and nothing is saved until it is."""
        self.conference = conference
        self.practising = False
        self._claim_pending = not claimed
        if self.session is not None:
            self._speak(self.session.translation(conference.language))
        self.show_step()
        self.call_after_refresh(self.save_now if claimed else self.claim_then_save)

    @work(exclusive=True, group="open")
    async def claim_then_save(self) -> None:
        """Hold the conference on screen for this window, check (its results read again)
        that opening it still asks nothing, then save it. Else - open in another window, or
        saved or finished elsewhere since it was first read - drop it unsaved and ask what
        the student list would ask."""
        conference, session = self.conference, self.session
        if conference is None or session is None:
            return
        student_id = conference.portfolio.student.id
        try:
            elsewhere = await asyncio.to_thread(session.claim, student_id)
            fresh = None
            if elsewhere is None:
                fresh = await asyncio.to_thread(session.start_without_questions, student_id, False)
            still_fine = fresh is not None
        except OSError:  # the disk, or a lock file: the doors below say so
            still_fine = False
        if conference is not self.conference:
            return
        self._claim_pending = False
        if still_fine:
            self.save_now()
            return
        self.conference = None  # nothing of it was saved
        await self._open(student_id)

    def step_context(self, conference: Conference, step: Step | None = None) -> StepContext:
        """What a step of ``conference`` (by default its current one) is shown with."""
        assert self.session is not None
        prompts = self.session.folder.prompts
        kind = (step or conference.step).kind.value
        # Built-in prompts copied into prompts.json are in the class's language: read them
        # back as built-in ones, in the conference's.
        written_in = self.session.translation(self.session.folder.info.language)
        portfolio = conference.portfolio
        return StepContext(
            help_prompts=help_prompts(kind, portfolio, prompts, written_in=written_in),
            clock=self.clock,
            parent_questions=parent_questions(portfolio, prompts, written_in=written_in),
            commitment_ideas=commitment_ideas(portfolio, prompts, written_in=written_in),
            results_dir=str(self.session.results_dir),
            practice=self.practising,
            previous_locked=(
                conference.previous is not None
                and conference.id not in self._unlocked
                and _doors(self, self.session).access.is_set()
            ),
        )

    def show_step(self) -> None:
        """Show the conference's current step (on a new conference screen if need be)."""
        conference = self.conference
        assert conference is not None
        context = self.step_context(conference)
        screen = self.screen
        if isinstance(screen, ConferenceScreen) and screen.conference is conference:
            ready = screen.prepared
            if ready is not None and ready.is_current_for(conference, context):
                screen.show(ready)  # built ahead of time: only shown now
            else:
                screen.show(step_for(conference, context))
            return
        body = step_for(conference, context, first_screen=self._painting_first)
        resume_collection = pause_collection()  # until the new screen is painted
        if isinstance(screen, ConferenceScreen):
            self.switch_screen(ConferenceScreen(body, practice=self.practising))
        else:
            self.push_screen(ConferenceScreen(body, practice=self.practising))
        self.call_after_refresh(resume_collection)

    @on(StepShown)
    def _step_shown(self) -> None:
        if self.freeze_objects:
            self.call_after_refresh(freeze_long_lived)  # the step on screen is long-lived
        self.prepare_next_step()

    @work(exclusive=True, group="prepare")
    async def prepare_next_step(self, wait: float = 0.0) -> None:
        """Build the step after the one on screen, hidden, while the family looks at this one
        (after ``wait`` seconds: typing restarts the wait, so nothing is built mid-word).

        Next then only shows it. A step built from contents that changed since (a piece
        picked, a commitment typed) is not used: it is built again here, or on Next.
        """
        await asyncio.sleep(wait)
        if not self.screen_stack:
            return  # the app is closing
        conference, screen = self.conference, self.screen
        if conference is None or not isinstance(screen, ConferenceScreen):
            return
        if screen.conference is not conference or screen.shown is not screen.body:
            return  # a step is being shown: it asks again once it is
        steps = conference.steps()
        if conference.index + 1 >= len(steps):
            return
        step = steps[conference.index + 1]
        context = self.step_context(conference, step)
        ready = screen.prepared
        if ready is not None and ready.is_current_for(conference, context, step):
            return
        screen.prepare(step_for(conference, context, step))

    def conference_taken_over(self, record_id: str, message: str) -> None:
        """Another screen took this conference over: leave it unsaved, say why."""
        if self.conference is not None and self.conference.id == record_id:
            self.conference = None
            if self.session is not None:
                self.run_worker(self.session.release_claim, thread=True, group="save")
            self._back_to_picker()
            self.refresh_picker_soon()
        from slc_tui.ui.screens.choice_dialog import ChoiceDialog  # (not needed to start)

        self.push_screen(ChoiceDialog(message, [("ok", _("OK"))], cancel="ok"))

    # -- moving through the conference -----------------------------------------------

    @on(Navigate)
    def _navigate(self, event: Navigate) -> None:
        conference = self.conference
        if conference is None:
            return
        finishing = event.where == "finish" or (event.where == "next" and conference.is_last)
        if finishing:
            # The picker refreshes now and again when this save lands, whichever is last.
            self.save_now(release=True)  # (a rehearsal saves nothing)
            self.conference = None
            self.practising = False
            self._back_to_picker()
            self.refresh_picker()
            return
        try:
            if event.where == "next":
                conference.next(self.clock())
            elif event.where == "back":
                conference.back()
            else:
                conference.change_pieces()
        except StepBlocked as blocked:
            if isinstance(self.screen, ConferenceScreen):
                self.screen.flash(str(blocked))
            self.bell()
            return
        self.save_now()
        self.show_step()

    @on(TakeHomeRequested)
    def _take_home(self) -> None:
        if self.practising:
            self.notify(_("This is practice: nothing is printed or saved."), timeout=8)
            return
        if self.conference is not None and self.session is not None:
            record = self.session.snapshot(self.conference)
            self.write_take_home(record, self.conference.portfolio)

    @work(thread=True, group="save", exit_on_error=False)
    def write_take_home(self, record: dict[str, Any], portfolio: Portfolio) -> None:
        """Write the family's PDF copy off the UI thread and say where it is (nothing is
        opened: it is printed from the teacher's computer)."""
        from slc_tui.teacher.take_home import write_take_home

        session = self.session
        assert session is not None
        try:
            path = write_take_home(
                record,
                "pdf",
                session.folder.info,
                portfolio,
                session.results_dir,
                class_dir=session.folder.root,
            )
        except OSError as error:
            where = error.filename or session.results_dir
            self.call_from_thread(self._take_home_failed, f"{where}: {error.strerror or error}")
            return
        except Exception as error:  # a bug: said calmly, the details in a crash log
            from slc_tui.session import write_crash_log

            log = write_crash_log(session.results_dir, error, "take-home copy")
            reason = (
                fill("something went wrong (details in {log})", log=log)
                if log
                else _("something went wrong")
            )
            self.call_from_thread(self._take_home_failed, reason)
            return

        from slc_tui.ui.served import offer_take_home, served

        if served():  # slc serve: the copy goes to the browser as a download
            self.call_from_thread(offer_take_home, self, path)
            return

        def written() -> None:
            from slc_tui.ui.steps.wrap_up import WrapUpStep

            screen = self.screen
            if isinstance(screen, ConferenceScreen) and isinstance(screen.body, WrapUpStep):
                screen.body.show_take_home(str(path))  # said under the record, where it stays
            else:
                self.notify(fill("Take-home copy written to {path}", path=path), timeout=10)

        self.call_from_thread(written)

    def _take_home_failed(self, reason: str) -> None:
        """Say the copy could not be written, and why (the record is saved apart)."""
        self.notify(
            fill(
                "Could not write the take-home copy: {reason}. Please tell the teacher.",
                reason=reason,
            ),
            title=_("No take-home copy"),
            severity="error",
            timeout=20,
        )

    @work(thread=True, exclusive=True, group="picker")
    def refresh_picker(self) -> None:
        """Re-read statuses after a conference and update the picker."""
        session = self.session
        assert session is not None
        rows = session.picker_rows()
        info = session.folder.info  # (the teacher may have renamed the class)

        def update() -> None:
            picker = self.screen if _is_picker(self.screen) else None
            if picker is not None:
                self._speak_class_language()  # (the teacher may have changed it)
            self._tell_recoveries()
            self._picker_heading = (info.name, _heading_subtitle(info.teacher, info.term))
            if picker is not None:
                picker.show_heading(*self._picker_heading)
                picker.show_notice(self._picker_notice())
                picker.has_problems = bool(session.folder.all_problems)
                picker.set_rows(rows)

        self.call_from_thread(update)

    # -- saving (the rest is in ui/saving.py) ---------------------------------------------

    @on(ConferenceEdited)
    def _edited(self) -> None:
        """Something was typed or picked: save soon, and build the next step again if what
        it shows changed (after a pause in the typing)."""
        self.prepare_next_step(PREPARE_AFTER_EDIT)
        self.autosave_soon()

    def _saved(self, path: str, record_id: str) -> None:
        self._tell_recoveries()  # a save that found its file damaged repaired it
        screen = self.screen
        if isinstance(screen, ConferenceScreen) and screen.conference.id == record_id:
            screen.show_saved(path, self.clock().strftime("%H:%M:%S"))
        elif _is_picker(screen):
            self.refresh_picker()  # a conference just finished: show its new status


def _doors(app: SlcApp, session: ClassSession) -> Doors:
    """The questions asked before a door opens (imported when first asked)."""
    from slc_tui.ui.doors import Doors

    return Doors(app, session)


def _is_picker(screen: object) -> TypeGuard[PickerScreen]:
    """Whether ``screen`` is the student list (its module is imported once one is made)."""
    picker = sys.modules.get("slc_tui.ui.screens.picker")
    return picker is not None and isinstance(screen, picker.PickerScreen)


def _saved_elsewhere_note(own: Path, stuck: Path, reason: str) -> str:
    """The student list's note once results go to the user's own folder."""
    return fill(
        "Results are saved in {folder}\n(slc can't save in {stuck}: {reason})",
        folder=own,
        stuck=stuck,
        reason=reason,
    )


def _nothing_saved_note(stuck: Path, reason: str) -> str:
    """The student list's note when no folder can be written."""
    return fill(
        "⚠ Nothing can be saved: slc can't write in {folder} ({reason}).\n"
        "Conferences can't be opened until the teacher fixes it.",
        folder=stuck,
        reason=reason,
    )


def _repaired_line(count: int) -> str:
    """The student list's note that damaged results files were repaired."""
    return nfill(
        "⚠ {n} damaged results file(s) repaired: see the messages",
        "⚠ {n} damaged results file(s) repaired: see the messages",
        count,
    )


def _problems_line(problems: int, left_out: int) -> str:
    """The student list's note for the teacher that the class folder has problems."""
    if left_out:
        return nfill(
            "⚠ {n} problem(s) in the class folder, {left_out} portfolio(s) left out of this "
            "list: teacher, press F2 to see them",
            "⚠ {n} problem(s) in the class folder, {left_out} portfolio(s) left out of this "
            "list: teacher, press F2 to see them",
            problems,
            left_out=left_out,
        )
    return nfill(
        "⚠ {n} problem(s) in the class folder: teacher, press F2 to see them",
        "⚠ {n} problem(s) in the class folder: teacher, press F2 to see them",
        problems,
    )


def _heading_subtitle(teacher: str, term: str) -> str:
    """The line under the class's name on the student list."""
    return " · ".join(part for part in (teacher, term) if part)


def create_app(
    class_dir: Path,
    results_dir: Path,
    *,
    student_id: str | None = None,
    clock: Callable[[], datetime] = datetime.now,
    notice: str = "",
    freeze_objects: bool = False,
) -> SlcApp:
    """Build the app with injected paths and clock (tests and the CLI use this).

    ``freeze_objects`` (the command line sets it, after turning garbage collection off
    for start-up): keep long-lived objects out of collections (those made at start-up, and
    each step's once it is shown) and free a conference's leftovers when it ends (see
    ``ui/collection.py``). Tests leave it off (a test that does not finish its conference
    would keep its garbage for the rest of the run).
    """
    return SlcApp(
        class_dir,
        results_dir,
        student_id=student_id,
        clock=clock,
        notice=notice,
        freeze_objects=freeze_objects,
    )
