"""The teacher's desk: one button per section (see ``sections.py``), and the way back to
the student list."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Static

from slc_tui.core.i18n import N_, _, fill
from slc_tui.session import ClassSession
from slc_tui.ui.languages import TranslatedBindings
from slc_tui.ui.plain_text import plain
from slc_tui.ui.screens.teacher import TEACHER_CSS
from slc_tui.ui.screens.teacher.sections import SECTIONS, TeacherSection
from slc_tui.ui.widgets.key_footer import KeyFooter


class TeacherHomeScreen(TranslatedBindings, Screen[None]):
    """Where the teacher picks what to do; Escape (or the button) goes back to the children."""

    CSS_PATH = TEACHER_CSS

    BINDINGS = [
        Binding("escape", "back", N_("Student list"), id="teacher-back"),
        *(
            Binding(s.key, f"open_section('{s.id}')", s.label, id=f"teacher-{s.id}")
            for s in SECTIONS
        ),
    ]

    def __init__(self, session: ClassSession) -> None:
        super().__init__(id="teacher-home")
        self.session = session

    def compose(self) -> ComposeResult:
        """Title, one row per section, the way back, footer."""
        info = self.session.folder.info
        with Vertical(id="teacher-box"):
            yield Static(plain(_title(info.name)), id="teacher-title")
            yield Static(
                _("For the teacher only. Pick a section; Escape goes back to the student list."),
                id="teacher-subtitle",
            )
            with VerticalScroll(id="teacher-sections"):
                for section in SECTIONS:
                    with Horizontal(classes="teacher-section"):
                        yield Button(
                            f"{_(section.label)} ({section.key})",
                            id=f"section-{section.id}",
                            variant="primary",
                        )
                        yield Static(_(section.description), classes="section-description")
            yield Button(_("← Student list (Esc)"), id="teacher-back")
        yield KeyFooter()

    def on_mount(self) -> None:
        """The first section has the keyboard."""
        self.query(".teacher-section Button").first(Button).focus()

    def on_screen_resume(self) -> None:
        """Back from a section: the title shows the class's name as it is now."""
        title = _title(self.session.folder.info.name)
        self.query_one("#teacher-title", Static).update(plain(title))

    @on(Button.Pressed, ".teacher-section Button")
    def _section_pressed(self, event: Button.Pressed) -> None:
        self.action_open_section((event.button.id or "").removeprefix("section-"))

    def action_open_section(self, section_id: str) -> None:
        """Show the section ``section_id`` over this screen."""
        section = _section(section_id)
        if section is not None:
            self.app.push_screen(section.screen(self.session))

    @on(Button.Pressed, "#teacher-back")
    def action_back(self) -> None:
        """Back to the student list."""
        self.dismiss(None)


def _title(class_name: str) -> str:
    return fill("🍎 Teacher's desk — {name}", name=class_name)


def _section(section_id: str) -> TeacherSection | None:
    return next((s for s in SECTIONS if s.id == section_id), None)
