"""The conference screen: who, where we are, the clock, Help, Back/Next — and the current step.

The screen is made once per conference. Moving to another step swaps only the step in the
middle (``ui/steps/``); the top bar, the navigation bar, the help panel and the footer stay
mounted, so a step change costs the new step's widgets and nothing else. What is hidden when
a conference opens (the help panel, the Undo and 🔊 buttons) is made when first shown. The
app may also have the next step built ahead of time (:meth:`ConferenceScreen.prepare`): it
waits hidden under the current one, and Next only has to show it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import MountError, Widget
from textual.widgets import Button, Label, Static

from slc_tui.core.conference import Conference
from slc_tui.core.default_prompts import GradeBand, grade_band
from slc_tui.core.i18n import N_, _, fill, language_name
from slc_tui.ui.collection import pause_collection
from slc_tui.ui.languages import TranslatedBindings
from slc_tui.ui.messages import Flash, ItemRemoved, LanguageRequested, Navigate, StepShown
from slc_tui.ui.plain_text import plain
from slc_tui.ui.read_aloud import ReadAloud
from slc_tui.ui.served import served
from slc_tui.ui.steps.base import StepBody
from slc_tui.ui.typing_router import EDITING_KEYS, TypingRouter, takes_text
from slc_tui.ui.widgets.clock_label import ClockLabel
from slc_tui.ui.widgets.key_footer import KeyFooter
from slc_tui.ui.widgets.stepper import Stepper

if TYPE_CHECKING:
    from slc_tui.ui.widgets.help_panel import HelpPanel  # (made when help is first asked for)


class ConferenceScreen(TranslatedBindings, Screen[None]):
    """One conference, one step at a time (see the module docstring)."""

    BINDINGS = [
        Binding("f1", "toggle_help", N_("Help"), id="help", priority=True),
        Binding("ctrl+n", "next", N_("Next"), id="next", priority=True),
        Binding("ctrl+b", "back", N_("Back"), id="back", priority=True),
        Binding("f4", "language", N_("Language"), id="language", priority=True),
        Binding("f5", "read_aloud", N_("Read aloud"), id="read-aloud", priority=True),
        Binding("escape", "hide_help", N_("Hide help"), show=False, id="hide-help"),
        # Only while an Undo is offered; otherwise Ctrl+Z undoes typing in a text box.
        Binding("ctrl+z", "undo", N_("Undo"), id="undo", priority=True),
    ]

    #: Seconds the Undo button stays after something is removed.
    UNDO_SECONDS = 10.0

    #: No automatic focus: each step says where the keyboard starts.
    AUTO_FOCUS = None

    def __init__(self, first: StepBody, practice: bool = False) -> None:
        """``practice``: a rehearsal (a band on every step says nothing is saved)."""
        super().__init__(classes="-practice" if practice else "")
        self.practice = practice
        self.conference: Conference = first.conference
        #: The step on screen (or being put there).
        self.body = first
        #: The step fully shown: mounted, laid out and focused (the benchmark waits for it).
        self.shown: StepBody | None = None
        #: The next step, built ahead of time and hidden (None when there is none).
        self.prepared: StepBody | None = None
        self._wanted = first
        self._swapping = asyncio.Lock()  # one change to the steps mounted at a time
        #: A save that landed while the step was being put on screen.
        self._saved_meanwhile: tuple[str, str] | None = None
        self.typing = TypingRouter()
        #: What the Undo button would put back (None when nothing is offered).
        self._undo: Callable[[], Awaitable[None]] | None = None
        self._undo_timer: Timer | None = None
        self.read_aloud = ReadAloud()
        # The parts that stay while the steps change: kept, not queried for (a query walks
        # the whole screen, the step built ahead too).
        conference, context = self.conference, first.context
        self._stepper = Stepper(conference.stepper_labels(), conference.index, id="stepper")
        self._saved_badge = Static("", id="saved-badge")
        self._clock = ClockLabel(
            conference.clock_start, conference.class_info.minutes, context.clock, id="clock"
        )
        self._main = Horizontal(id="main")
        self._holder = Vertical(id="body")
        self._headline = Static(plain(first.headline()), id="headline")
        self._nav = Horizontal(id="nav")
        self._back = Button(_("◀ Back"), id="back", disabled=conference.is_first)
        self._help = Button(_("? Help"), id="help", variant="warning")
        self._nav_message = Static("", id="nav-message")
        self._language = Button(self._language_label(), id="language", compact=True)
        self._next = Button(first.next_label(), id="next", variant="success")
        #: Made when first shown (most conferences never show them).
        self._undo_button: Button | None = None
        self._read_aloud_button: Button | None = None
        self._panel: HelpPanel | None = None

    def compose(self) -> ComposeResult:
        """Top bar, the step, navigation bar, footer (the help panel, Undo and 🔊 are made
        when first shown: most conferences never show them)."""
        conference = self.conference
        if self.practice:
            yield Static(
                plain(_("🎭 Practice: this is a rehearsal, nothing is saved")), id="practice-band"
            )
        with Horizontal(id="topbar"):
            yield Label(plain(conference.portfolio.student.name), id="student-name")
            yield self._stepper
            yield self._saved_badge
            yield self._clock
        with self._main, self._holder:
            yield self._headline
            yield self.body
        with self._nav:
            yield self._back
            yield self._help
            yield self._nav_message
            yield self._language
            yield self._next
        yield KeyFooter()

    def _language_label(self) -> str:
        return f"🌐 {language_name(self.conference.language)}"

    def on_mount(self) -> None:
        """The first step is in place; is there a voice to read it with?"""
        self._arrived(self.body)
        self.call_after_refresh(self.check_voice)  # after the first paint: it asks espeak-ng

    # -- reading aloud --------------------------------------------------------------------

    #: Whether 🔊 can speak the conference's language on this computer.
    can_speak = False
    _hinted = False

    @work(thread=True, exclusive=True, group="voice")
    def check_voice(self) -> None:
        """Ask the speech engine, off the UI thread, for a voice in the conference's language,
        then show 🔊 (or, for the youngest, a hint that it could be there)."""
        language = self.conference.language
        can = self.read_aloud.available(language)
        self.app.call_from_thread(self._voice_checked, language, can)

    def _voice_checked(self, language: str, can: bool) -> None:
        if language != self.conference.language:
            return  # switched meanwhile: asked again
        self.can_speak = can
        young = grade_band(self.conference.portfolio.student.grade) is GradeBand.EARLY
        button = self._read_aloud_button
        if can and button is None:
            button = self._read_aloud_button = Button("🔊", id="read-aloud", compact=True)
            self._mount_nav_button(button, self._language)
        if button is not None:
            button.display = can
            button.label = "🔊"
            button.tooltip = _("Read this step aloud (F5)")
        self.refresh_bindings()
        if young and self.conference.is_first and not self._hinted:
            self._hinted = True  # once: the youngest are told where to tap (or what is missing)
            if can:
                self.flash(_("Tap 🔊 to hear it."))
            elif not served():
                self.flash(_("🔇 To hear each step read aloud, the teacher can install espeak-ng."))

    @on(Button.Pressed, "#read-aloud")
    def action_read_aloud(self) -> None:
        """Read the step aloud (its headline, talking points and, when open, the help
        prompts), or stop reading when it is being read."""
        if not self.can_speak:
            return
        body = self.body
        parts = [body.headline(), body.spoken_text()]
        panel = self._made_help_panel()
        if panel is not None and panel.shown:
            parts.extend(prompt.text for prompt in panel.prompts)
        self._speak("\n".join(part for part in parts if part), self.conference.language)

    @work(thread=True, exclusive=True, group="speech")
    def _speak(self, text: str, language: str) -> None:
        speaking = self.read_aloud.toggle(text, language)
        if speaking is None:
            self.app.call_from_thread(self._spoken)
            return
        self.app.call_from_thread(self._speaking_now)
        speaking.wait()
        self.app.call_from_thread(self._spoken)

    def _speaking_now(self) -> None:
        if self._read_aloud_button is not None:
            self._read_aloud_button.label = _("⏹ Stop")

    def _spoken(self) -> None:
        if not self.read_aloud.speaking:
            self._voice_checked(self.conference.language, self.can_speak)

    def on_unmount(self) -> None:
        """Nothing goes on talking once the conference is left."""
        self.read_aloud.stop()

    # -- changing step ------------------------------------------------------------------

    def show(self, body: StepBody) -> None:
        """Put ``body`` in the middle of the screen in place of the step there now.

        Swaps run one at a time; when Next is pressed faster than steps are built, only the
        latest step asked for is built.
        """
        self._wanted = body
        self.run_worker(self._swap(), group="step-swap")

    async def _swap(self) -> None:
        async with self._swapping:
            body = self._wanted
            if body is self.body:
                return
            resume_collection = pause_collection()
            try:
                holder = self._holder
                # The step on screen, and any other step left (one built ahead for another
                # step): hidden now, removed once the new step is painted.
                leaving = [step for step in holder.query_children(StepBody) if step is not body]
                self.prepared = None
                self.body = body
                with self.app.batch_update():
                    self._update_chrome(body)
                    for old in leaving:
                        old.display = False
                    if body.parent is None:
                        await holder.mount(body)
                    else:
                        body.display = True  # built ahead of time (and fully mounted: see
                        # prepare, which holds the same lock until its mount is done)
                    self._arrived(body)
                for old in leaving:
                    self.call_after_refresh(old.remove)
            finally:
                # Through the app: it runs even if this screen is gone by then.
                self.app.call_after_refresh(resume_collection)

    def prepare(self, body: StepBody) -> None:
        """Build ``body`` (the step after the current one) now, hidden, so that showing it
        later costs only its layout and paint; a step prepared before is dropped.

        The build runs in this screen's own worker: a newer request from the app never
        cancels a build half-way (a half-built step must never be shown).
        """
        self.run_worker(self._prepare(body), group="step-prepare")

    async def _prepare(self, body: StepBody) -> None:
        async with self._swapping:
            if self._wanted is not self.body:
                return  # a step change is waiting: it comes first (and asks again after)
            if body is self.body or body is self.prepared:
                return
            holder = self._holder
            if not holder.is_attached:
                return  # the conference is ending
            old, self.prepared = self.prepared, body
            if old is not None:
                await old.remove()
            body.display = False
            try:
                await holder.mount(body)
            except MountError:  # the app closed meanwhile
                self.prepared = None
                return
            self._expect_ahead()

    def _expect_ahead(self) -> None:
        """The step built ahead will take the place of the step on screen: its pictures make
        their lines for the size they will have there now, not in the paint that shows
        them."""
        from slc_tui.ui.layout_ahead import expect_pictures  # (not needed to start)

        if self.prepared is not None and self.body.outer_size:
            expect_pictures(self.prepared, self.body.outer_size)

    def on_resize(self) -> None:
        """A new window size: the pictures of the step built ahead, once it is laid out."""
        if self.prepared is not None:
            self.call_after_refresh(self._expect_ahead)

    def _update_chrome(self, body: StepBody) -> None:
        """The parts that stay on screen show the new step."""
        conference, context = body.conference, body.context
        self.conference = conference
        self._stepper.show(conference.stepper_labels(), conference.index)
        self._headline.update(plain(body.headline()))
        self._back.disabled = conference.is_first
        self._next.label = body.next_label()
        self._nav_message.update("")
        clock = self._clock
        clock.started = conference.clock_start
        clock.refresh()  # the minutes as of this step, not of the last half-minute tick
        panel = self._made_help_panel()
        if panel is not None:
            panel.show_prompts(context.help_prompts)
        self._help.label = _("? Help")  # each step starts without help
        self._back.label = _("◀ Back")
        if self._undo_button is not None:
            self._undo_button.label = _("↶ Undo")
        language = self._language
        language.label = self._language_label()
        language.refresh(layout=True)  # the name's width changes with the language
        self.read_aloud.stop()  # a new step: what was being read is over
        self.check_voice()  # (the language may have changed)
        self.refresh_bindings()  # the footer, in the language now spoken
        self._end_undo()

    def _arrived(self, body: StepBody) -> None:
        """The step is mounted: give it the keyboard and any save that landed meanwhile."""
        self.typing.reset()
        body.arrive()
        if self._saved_meanwhile is not None:
            path, when = self._saved_meanwhile
            self._saved_meanwhile = None
            self._saved_badge.update(f"💾 {when}")
            body.show_saved(path, when)
        self.shown = body
        # Once painted, the app may build the next step (never before the first paint).
        self.call_after_refresh(self.post_message, StepShown())

    # -- typing ---------------------------------------------------------------------------

    def route_key(self, key: events.Key) -> bool:
        """Called by the app for every key before the widget with the keyboard sees it:
        True when the key was typed into the step's text box instead (see
        :mod:`slc_tui.ui.typing_router`)."""
        body, focused = self.body, self.focused
        if body is not self.shown:
            return False  # between steps: keys reach whatever has the keyboard
        if (
            (key.is_printable or key.key in EDITING_KEYS)
            and takes_text(focused)
            and focused is not None
            and body in focused.ancestors
        ):
            body.last_box = focused  # type: ignore[assignment]  # (takes_text: a box)
        if not self.typing.redirects(focused, key):
            return False
        body.type_into_box(key)
        return True

    # -- undo -----------------------------------------------------------------------------

    @on(ItemRemoved)
    def _offer_undo(self, message: ItemRemoved) -> None:
        message.stop()
        self._undo = message.undo
        undo = self._undo_button
        if undo is None:
            undo = self._undo_button = Button(_("↶ Undo"), id="undo", variant="primary")
            self._mount_nav_button(undo, self._nav_message)
        undo.display = True
        self._language.display = False  # room for what was removed
        what = message.what if len(message.what) <= 24 else message.what[:23] + "…"
        self.flash(fill("Removed “{what}”", what=what))
        if self._undo_timer is not None:
            self._undo_timer.stop()
        self._undo_timer = self.set_timer(self.UNDO_SECONDS, self._end_undo)

    def _end_undo(self) -> None:
        self._undo = None
        if self._undo_timer is not None:
            self._undo_timer.stop()
            self._undo_timer = None
        if self._undo_button is not None:
            self._undo_button.display = False
        self._language.display = True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Ctrl+Z is the screen's only while an Undo is offered; F5 where there is a voice."""
        if action == "undo":
            return self._undo is not None
        if action == "read_aloud":
            return self.can_speak
        return True

    @on(Button.Pressed, "#undo")
    async def action_undo(self) -> None:
        """Put back what was just removed."""
        undo = self._undo
        self._end_undo()
        if undo is not None:
            await undo()
            self.flash(_("Put back ✔"))

    # -- what the app and the steps tell the screen ---------------------------------------

    def show_saved(self, path: str, when: str) -> None:
        """Confirm that the conference was written to disk."""
        if self._saved_badge.is_mounted:  # (not before the screen is)
            self._saved_badge.update(f"💾 {when}")
        if self._wanted is self.shown:
            self._wanted.show_saved(path, when)
        else:
            self._saved_meanwhile = (path, when)

    def flash(self, text: str) -> None:
        """Show a short message in the navigation bar."""
        self._nav_message.update(plain(text))

    @on(Flash)
    def _flash(self, message: Flash) -> None:
        message.stop()
        self.flash(message.text)

    # -- navigation -----------------------------------------------------------------------

    @on(Button.Pressed, "#next")
    def action_next(self) -> None:
        """Go on to the next step."""
        self.post_message(Navigate("next"))

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        """Go back a step."""
        if not self.conference.is_first:
            self.post_message(Navigate("back"))

    def _mount_nav_button(self, button: Button, before: Widget) -> None:
        """Put ``button`` in the navigation bar (made when first needed), before ``before``."""
        self._nav.mount(button, before=before)

    def _made_help_panel(self) -> HelpPanel | None:
        """The help panel, if help was asked for on this screen."""
        return self._panel

    def _help_panel(self) -> HelpPanel:
        """The help panel, made the first time help is asked for on this screen."""
        panel = self._made_help_panel()
        if panel is not None:
            return panel
        from slc_tui.ui.widgets.help_panel import HelpPanel

        panel = self._panel = HelpPanel(self.body.context.help_prompts, id="help-panel")
        self._main.mount(panel)
        return panel

    @on(Button.Pressed, "#help")
    def action_toggle_help(self) -> None:
        """Show or hide the teacher's prompts for this step."""
        shown = self._help_panel().toggle()
        self._help.label = _("✕ Hide help") if shown else _("? Help")

    @on(Button.Pressed, "#language")
    def action_language(self) -> None:
        """Ask the app for the 🌐 menu: which language to go on in."""
        self.post_message(LanguageRequested())

    def action_hide_help(self) -> None:
        """Hide the prompts (Escape)."""
        panel = self._made_help_panel()
        if panel is not None and panel.shown:
            self.action_toggle_help()
