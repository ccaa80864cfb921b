"""Class settings: the class's name, teacher, term, conference minutes and language, saved
to ``class.json`` (checked as ``slc validate`` reads it; a refusal names the field).

What is typed goes into the document at once (:mod:`slc_tui.teacher.class_settings`) and is
kept as a draft, offered back if slc stopped before Save. Once saved the class is read
again, so the student list's heading shows the new name.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select, Static

from slc_tui.core.class_documents import ClassDocument
from slc_tui.core.i18n import N_, _, fill
from slc_tui.core.problems import Problem
from slc_tui.session import ClassSession
from slc_tui.teacher import class_settings
from slc_tui.teacher.class_settings import LANGUAGES, SettingsForm, form_of
from slc_tui.teacher.file_edits import FileEdit
from slc_tui.ui.plain_text import plain
from slc_tui.ui.screens.teacher.file_editor import FileEditorScreen
from slc_tui.ui.screens.teacher.typing import text_box
from slc_tui.ui.widgets.key_footer import KeyFooter

OTHER_LANGUAGE = "other"
#: The box of each field of ``class.json``.
FIELD_BOXES = {
    "name": "#settings-name",
    "teacher": "#settings-teacher",
    "term": "#settings-term",
    "minutes": "#settings-minutes",
    "language": "#settings-language-code",
}


class ClassSettingsScreen(FileEditorScreen[ClassDocument]):
    """The class's settings; Escape goes back to the teacher's desk."""

    LEAVE_QUESTION = N_("Your changes to the class settings are not saved. (Escape: stay here.)")
    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="settings-back"),
        Binding("ctrl+s", "save", N_("Save"), id="settings-save"),
    ]

    def __init__(self, session: ClassSession) -> None:
        super().__init__(session, id="settings")
        self._shown = SettingsForm()  # the form as the boxes were last filled or read

    def compose(self) -> ComposeResult:
        """Title, one row per setting, status and buttons, footer."""
        with Vertical(id="settings-box"):
            yield Static(plain(_title(self.class_name)), id="settings-title")
            yield Static(
                _("Saved in class.json: the student list and every conference show them."),
                id="settings-help",
            )
            with Grid(id="settings-form"):
                yield Label(_("Class name"), classes="settings-label")
                yield text_box(id="settings-name", disabled=True)
                yield Label(_("Teacher"), classes="settings-label")
                yield text_box(id="settings-teacher", disabled=True)
                yield Label(_("Term"), classes="settings-label")
                yield text_box(
                    placeholder=_("e.g. Fall 2026 (other terms' conferences count as last time)"),
                    id="settings-term",
                    disabled=True,
                )
                yield Label(_("Minutes"), classes="settings-label")
                with Horizontal(classes="settings-row"):
                    yield text_box(id="settings-minutes", disabled=True)
                    yield Static(
                        _("5 to 120: how long each conference's gentle clock runs"),
                        classes="settings-hint",
                    )
                yield Label(_("Language"), classes="settings-label")
                with Horizontal(classes="settings-row"):
                    yield Select(
                        [
                            *((f"{name} ({code})", code) for code, name in LANGUAGES),
                            (_("Another: type its code →"), OTHER_LANGUAGE),
                        ],
                        allow_blank=False,
                        id="settings-language",
                        disabled=True,
                    )
                    yield text_box(
                        placeholder=_("e.g. uk"), id="settings-language-code", disabled=True
                    )
            with Horizontal(classes="editor-bottom"):
                yield Static(_("Reading class.json…"), id="editor-status")
                yield Button(_("💾 Save (Ctrl+S)"), id="editor-save", compact=True)
                yield Button(_("Back (Esc)"), id="editor-back", compact=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        """Read the file in a thread."""
        self.open_file()

    def main_box(self) -> Input | None:
        """Typing on a button or the language list goes to the name box, if none was typed in."""
        return self.query_one("#settings-name", Input)

    # -- the file ---------------------------------------------------------------------------

    def read_file(self) -> FileEdit[ClassDocument]:
        """Open ``class.json``."""
        from slc_tui.teacher.class_files import open_class_settings

        document = open_class_settings(self.session.folder.root)
        return FileEdit(document, self.session.results_dir)

    def write_file(self, document: ClassDocument, replace: bool) -> tuple[Problem, ...]:
        """Save ``class.json`` (in a worker)."""
        from slc_tui.teacher.class_settings import save_settings

        return save_settings(document, replace_changes=replace)

    def show_document(self) -> None:
        """Fill the boxes from the document (just opened, or taken from a draft)."""
        assert self.edit is not None
        form = form_of(self.edit.document)
        self._shown = form
        for field, selector in FIELD_BOXES.items():
            box = self.query_one(selector, Input)
            box.value = getattr(form, field)
            box.disabled = False
            box.remove_class("-invalid")
        self.query_one("#settings-language", Select).disabled = False
        self._match_language(form.language)
        name = self.query_one("#settings-name", Input)
        name.cursor_position = len(name.value)
        name.focus()

    def show_refused(self, problems: tuple[Problem, ...]) -> None:
        """Mark the box of every field refused; the first has the keyboard."""
        first: Input | None = None
        for problem in problems:
            selector = FIELD_BOXES.get(problem.field)
            if selector is not None:
                box = self.query_one(selector, Input)
                box.add_class("-invalid")
                first = first or box
        if first is not None:
            first.focus()

    def after_save(self) -> None:
        """The title shows the name just saved."""
        self.query_one("#settings-title", Static).update(plain(_title(self.class_name)))

    # -- typing -----------------------------------------------------------------------------

    def _form(self) -> SettingsForm:
        values = {field: self.query_one(box, Input).value for field, box in FIELD_BOXES.items()}
        return SettingsForm(**values)

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        """Each change goes into the document (and its draft) as it is typed."""
        if self.edit is None:
            return
        form = self._form()
        if form == self._shown:
            return
        event.input.remove_class("-invalid")
        self._shown = form
        class_settings.fill(self.edit.document, form)
        if event.input.id == "settings-language-code":
            self._match_language(event.value)
        self.edited()

    def _match_language(self, code: str) -> None:
        """The language list shows the code typed (or "Another")."""
        picker = self.query_one("#settings-language", Select)
        known = {known for known, _ in LANGUAGES}
        value = code.strip() if code.strip() in known else OTHER_LANGUAGE
        if picker.value != value:
            picker.value = value

    @on(Select.Changed, "#settings-language")
    def _language_picked(self, event: Select.Changed) -> None:
        """A language picked from the list fills the code box."""
        box = self.query_one("#settings-language-code", Input)
        if isinstance(event.value, str) and event.value != OTHER_LANGUAGE:
            if box.value.strip() != event.value:
                box.value = event.value
        elif (
            event.value == OTHER_LANGUAGE
            and self.edit is not None
            and self.focused is event.control
        ):
            box.focus()


def _title(class_name: str) -> str:
    return fill("🍎 Class settings — {name}", name=class_name)
