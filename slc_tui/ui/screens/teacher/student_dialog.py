"""Add a student, or rename one: a small form that asks the teacher service and stays open
with the reason when it refuses. Dismisses with the student's id, or None."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from slc_tui.core.fields import GRADES
from slc_tui.core.i18n import N_, _, fill
from slc_tui.core.json_document import Refused
from slc_tui.ui.languages import TranslatedBindings
from slc_tui.ui.plain_text import plain
from slc_tui.ui.screens.teacher import TEACHER_CSS


def grade_options() -> list[tuple[str, str]]:
    """The grades a student can be in, as a drop-down shows them."""
    return [
        (_("K (kindergarten)") if g == "K" else fill("Grade {grade}", grade=g), g) for g in GRADES
    ]


class StudentDialog(TranslatedBindings, ModalScreen[str | None]):
    """``student_id`` None: add a new student (name, grade, optional id); else rename
    ``student_id`` (now called ``name``)."""

    CSS_PATH = TEACHER_CSS

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="student-dialog-cancel")]

    def __init__(
        self, class_dir: Path, *, student_id: str | None = None, name: str = "", grade: str = ""
    ) -> None:
        super().__init__(classes="dialog")
        self.class_dir = class_dir
        self.student_id = student_id
        self.name_now = name
        self.grade = grade if grade in GRADES else ""

    @property
    def adding(self) -> bool:
        """True when a new student is being added."""
        return self.student_id is None

    def compose(self) -> ComposeResult:
        """The form: name (and for a new student grade and id), the reason, buttons."""
        with Vertical(id="student-dialog-box"):
            if self.adding:
                title = _("+ Add a student")
            else:
                title = fill("Rename {name}", name=self.name_now)
            yield Static(plain(title), id="student-dialog-title")
            yield Label(_("Name"), classes="field-label")
            yield Input(
                self.name_now,
                id="student-dialog-name",
                placeholder=_("First and last name"),
                select_on_focus=False,
                compact=True,
            )
            if self.adding:
                yield Label(_("Grade"), classes="field-label")
                yield Select(
                    grade_options(),
                    value=self.grade or Select.NULL,
                    prompt=_("— pick a grade —"),
                    id="student-dialog-grade",
                    compact=True,
                )
                yield Label(_("Id (optional: made from the name)"), classes="field-label")
                yield Input(
                    id="student-dialog-id",
                    placeholder=_("e.g. maya-l (lowercase letters, digits, - or _)"),
                    compact=True,
                )
            yield Static("", id="student-dialog-error")
            with Horizontal(id="dialog-buttons"):
                ok = _("Add") if self.adding else _("Rename")
                yield Button(ok, id="student-ok", variant="primary")
                yield Button(_("Cancel"), id="student-cancel")

    def on_mount(self) -> None:
        """The teacher types the name straight away."""
        self.query_one("#student-dialog-name", Input).focus()

    def _say(self, text: str) -> None:
        self.query_one("#student-dialog-error", Static).update(plain(text))

    @on(Input.Submitted, "#student-dialog-name")
    def _name_entered(self) -> None:
        if self.adding and self.query_one("#student-dialog-grade", Select).value == Select.NULL:
            self.query_one("#student-dialog-grade", Select).focus()
            return
        self._submit()

    @on(Input.Submitted, "#student-dialog-id")
    @on(Button.Pressed, "#student-ok")
    def _submit(self) -> None:
        name = self.query_one("#student-dialog-name", Input).value.strip()
        if not name:
            self._say(_("Type the student's name first."))
            self.query_one("#student-dialog-name", Input).focus()
            return
        if not self.adding:
            assert self.student_id is not None
            self.rename(self.student_id, name)
            return
        grade = self.query_one("#student-dialog-grade", Select).value
        if not isinstance(grade, str):
            self._say(_("Pick the student's grade."))
            self.query_one("#student-dialog-grade", Select).focus()
            return
        wanted_id = self.query_one("#student-dialog-id", Input).value.strip() or None
        self.add(name, grade, wanted_id)

    @work(thread=True, exclusive=True, group="student-dialog", exit_on_error=False)
    def add(self, name: str, grade: str, student_id: str | None) -> None:
        """Make the portfolio (in a thread)."""
        from slc_tui.teacher.portfolios import add_student

        try:
            document = add_student(self.class_dir, name, grade, student_id)
        except Refused as refused:
            self.app.call_from_thread(self._refused, refused)
            return
        except OSError as error:
            self.app.call_from_thread(self._say, fill("Not added: {error}", error=error))
            return
        made = document.path.stem if document.path is not None else student_id
        self.app.call_from_thread(self.dismiss, made)

    @work(thread=True, exclusive=True, group="student-dialog", exit_on_error=False)
    def rename(self, student_id: str, name: str) -> None:
        """Save the new name (in a thread)."""
        from slc_tui.teacher.portfolios import rename_student

        try:
            rename_student(self.class_dir, student_id, name)
        except Refused as refused:
            self.app.call_from_thread(self._refused, refused)
            return
        except OSError as error:
            self.app.call_from_thread(self._say, fill("Not renamed: {error}", error=error))
            return
        self.app.call_from_thread(self.dismiss, student_id)

    def _refused(self, refused: Refused) -> None:
        lines = [
            f"{p.field}: {p.message}" if p.field else p.message
            for p in refused.problems
            if p.is_error
        ]
        self._say("✗ " + "\n✗ ".join(lines or [str(refused)]))

    @on(Button.Pressed, "#student-cancel")
    def action_cancel(self) -> None:
        """Nothing added or renamed."""
        self.dismiss(None)
