"""What every conference step shows: who, where we are, the clock, Help, Back/Next."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Label, Static, TextArea

from slc_tui.core.conference import Conference
from slc_tui.core.prompts import Prompt
from slc_tui.ui.messages import ConferenceEdited, Navigate
from slc_tui.ui.widgets.clock_label import ClockLabel
from slc_tui.ui.widgets.help_panel import HelpPanel
from slc_tui.ui.widgets.limited_text_area import LimitedTextArea
from slc_tui.ui.widgets.stepper import Stepper


@dataclass(frozen=True)
class StepContext:
    """What the app hands every step screen besides the conference."""

    help_prompts: list[Prompt]
    clock: Callable[[], datetime]
    parent_questions: list[str]
    commitment_ideas: list[str]
    results_dir: str
    previous_locked: bool = False


class StepScreen(Screen[None]):
    """Base class of the step screens: subclasses yield their middle part in ``compose_body``."""

    BINDINGS = [
        Binding("f1", "toggle_help", "Help", id="help", priority=True),
        Binding("ctrl+n", "next", "Next", id="next", priority=True),
        Binding("ctrl+b", "back", "Back", id="back", priority=True),
        Binding("escape", "hide_help", "Hide help", show=False),
    ]

    #: The big friendly question at the top of the step.
    HEADLINE = ""

    def __init__(self, conference: Conference, context: StepContext) -> None:
        super().__init__(classes=f"step step-{conference.step.kind.value}")
        self.conference = conference
        self.context = context
        self.step = conference.step
        self._last_saved: tuple[str, str] | None = None

    def compose(self) -> ComposeResult:
        """Top bar, body with the help panel, navigation bar, footer."""
        student = self.conference.portfolio.student
        with Horizontal(id="topbar"):
            yield Label(f"{student.name}", id="student-name")
            yield Stepper(self.conference.stepper_labels(), self.conference.index, id="stepper")
            yield Static("", id="saved-badge")
            yield ClockLabel(
                self.conference.clock_start,
                self.conference.class_info.minutes,
                self.context.clock,
                id="clock",
            )
        with Horizontal(id="main"):
            with Vertical(id="body"):
                yield Static(self.headline(), id="headline")
                yield from self.compose_body()
            yield HelpPanel(self.context.help_prompts, id="help-panel")
        with Horizontal(id="nav"):
            yield Button("◀ Back", id="back", disabled=self.conference.is_first)
            yield Button("? Help", id="help", variant="warning")
            yield Static("", id="nav-message")
            yield Button(self.next_label(), id="next", variant="success")
        yield Footer()

    def headline(self) -> str:
        """The headline for this step (subclasses may personalise it)."""
        return self.HEADLINE

    def next_label(self) -> str:
        """The Next button's text."""
        return "Next ▶"

    def compose_body(self) -> ComposeResult:
        """The step's own content."""
        yield from ()

    def notes_box(self, placeholder: str) -> TextArea:
        """A text box whose words are kept as what was said at this step."""
        box = LimitedTextArea(
            self.conference.said.get(self.step.key, ""),
            id="notes",
            soft_wrap=True,
            show_line_numbers=False,
            tab_behavior="focus",
            placeholder=placeholder,
            max_checkpoints=200,
        )
        return box

    @on(TextArea.Changed, "#notes")
    def _notes_changed(self, event: TextArea.Changed) -> None:
        self.conference.say(self.step.key, event.text_area.text)
        self.edited()

    def edited(self) -> None:
        """Tell the app the conference changed (it autosaves shortly)."""
        self.post_message(ConferenceEdited())

    def on_mount(self) -> None:
        """Show a save that finished while this screen was still being built."""
        if self._last_saved is not None:
            self.show_saved(*self._last_saved)

    def show_saved(self, path: str, when: str) -> None:
        """Confirm that the conference was written to disk (remembered until mounted)."""
        self._last_saved = (path, when)
        for badge in self.query("#saved-badge").results(Static):
            badge.update(f"💾 {when}")

    def flash(self, text: str) -> None:
        """Show a short message in the navigation bar."""
        self.query_one("#nav-message", Static).update(text)

    # -- navigation -------------------------------------------------------------

    @on(Button.Pressed, "#next")
    def action_next(self) -> None:
        """Go on to the next step."""
        self.post_message(Navigate("next"))

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        """Go back a step."""
        if not self.conference.is_first:
            self.post_message(Navigate("back"))

    @on(Button.Pressed, "#help")
    def action_toggle_help(self) -> None:
        """Show or hide the teacher's prompts for this step."""
        shown = self.query_one(HelpPanel).toggle()
        self.query_one("#help", Button).label = "✕ Hide help" if shown else "? Help"

    def action_hide_help(self) -> None:
        """Hide the prompts (Escape)."""
        panel = self.query_one(HelpPanel)
        if panel.shown:
            self.action_toggle_help()
