"""Students & portfolios: every child of the class, to add, rename, remove, or open in the
portfolio editor.

The rows come from :mod:`slc_tui.teacher.students` (read in a thread, again after every
change). Removing forgets the child (records, take-home copies, follow-up mark) and deletes
their portfolio and pictures folder, after a question naming all of it; it is refused while
their conference is open on another screen.
"""

from __future__ import annotations

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, DataTable, Static

from slc_tui.core.i18n import N_, _, fill, nfill
from slc_tui.core.json_document import Refused
from slc_tui.session import ClassSession
from slc_tui.teacher.portfolio_edit import EditorOpening
from slc_tui.teacher.students import StudentRow
from slc_tui.ui.languages import TranslatedBindings
from slc_tui.ui.plain_text import plain
from slc_tui.ui.screens.choice_dialog import ChoiceDialog
from slc_tui.ui.screens.teacher import TEACHER_CSS
from slc_tui.ui.screens.teacher.columns import translated_columns
from slc_tui.ui.typing_router import takes_text
from slc_tui.ui.widgets.key_footer import KeyFooter

#: Columns: key, header, width (None: the rest).
COLUMNS: tuple[tuple[str, str, int | None], ...] = (
    ("name", N_("Name"), None),
    ("grade", N_("Gr."), 3),
    ("pieces", N_("Pieces"), 6),
    ("problems", N_("Problems"), 22),
)
#: What a letter that is no key here says (nothing typed is dropped silently).
KEYS_HINT = N_(
    "Nothing to type here: A adds a student, Enter opens the portfolio, R renames, X removes."
)


def _cell(text: str) -> Text:
    """Plain text (never markup) on one line, cut with an ellipsis to its column's width."""
    return Text(" ".join(text.split()), no_wrap=True, overflow="ellipsis", end="")


def problems_cell(row: StudentRow) -> str:
    """``⚠ cannot be used`` (errors: the child is not in the conference list), ``! 2
    warnings``, or nothing."""
    if not row.usable:
        return _("⚠ cannot be used")
    if row.errors:
        return nfill("⚠ {n} to mend", "⚠ {n} to mend", row.errors)
    if row.warnings:
        return nfill("! {n} warning(s)", "! {n} warning(s)", row.warnings)
    return ""


def row_cells(row: StudentRow) -> list[Text]:
    """The table's cells for ``row``, in :data:`COLUMNS` order."""
    return [
        _cell(row.name),
        _cell(row.grade),
        _cell(str(row.pieces)),
        _cell(problems_cell(row)),
    ]


class StudentsScreen(TranslatedBindings, Screen[None]):
    """Every child; Escape goes back to the teacher's desk."""

    CSS_PATH = TEACHER_CSS

    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="students-back"),
        Binding("e", "edit", N_("Edit portfolio"), id="students-edit"),
        Binding("a", "add", N_("Add"), id="students-add"),
        Binding("r", "rename", N_("Rename"), id="students-rename"),
        Binding("x,delete", "remove", N_("Remove"), id="students-remove"),
    ]

    def __init__(self, session: ClassSession) -> None:
        super().__init__(id="teacher-students")
        self.session = session
        self.rows: dict[str, StudentRow] = {}
        self.order: list[str] = []

    def compose(self) -> ComposeResult:
        """Title, summary, table, the highlighted child, buttons, footer."""
        with Vertical(id="students-box"):
            title = fill("🍎 Students & portfolios — {name}", name=self.session.folder.info.name)
            yield Static(plain(title), id="students-title")
            yield Static(_("Reading the class folder…"), id="students-summary")
            yield DataTable(id="students-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="students-detail")
            with Horizontal(id="students-buttons"):
                yield Button(_("✎ Edit (Enter)"), id="student-edit", variant="primary")
                yield Button(_("+ Add (a)"), id="student-add")
                yield Button(_("Rename (r)"), id="student-rename")
                yield Button(_("✕ Remove (x)"), id="student-remove")
                yield Button(_("Back (Esc)"), id="students-back")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Read the rows in a thread."""
        self.query_one(DataTable).focus()
        self._show_selected()
        self.load()

    @work(thread=True, exclusive=True, group="students")
    def load(self, select: str | None = None) -> None:
        """Read every portfolio file (and ``select`` that child once shown)."""
        from slc_tui.teacher.students import student_rows

        try:
            rows = student_rows(self.session.folder.root)
        except OSError as error:
            message = fill("Cannot read the class: {error}", error=error)
            self.app.call_from_thread(self.app.notify, message)
            rows = []
        self.app.call_from_thread(self._show, rows, select)

    def _show(self, rows: list[StudentRow], select: str | None) -> None:
        table = self.query_one(DataTable)
        current = self._selected()
        selected = select or (current.student_id if current is not None else None)
        self.rows = {row.student_id: row for row in rows}
        self.order = [row.student_id for row in rows]
        table.clear(columns=True)
        columns = translated_columns(COLUMNS)
        room = max(12, table.size.width - 2 - sum(w or 0 for _, _, w in columns) - 2 * 4)
        for key, header, width in columns:
            table.add_column(header, key=key, width=width or room)
        for row in rows:
            table.add_row(*row_cells(row), key=row.student_id)
        if selected in self.rows:
            table.move_cursor(row=self.order.index(selected), animate=False)
        self._summarise(rows)
        self._show_selected()

    def on_resize(self) -> None:
        """The name column takes the width left."""
        if self.order:
            self._show(list(self.rows[i] for i in self.order), None)

    def _summarise(self, rows: list[StudentRow]) -> None:
        if not rows:
            text = _("No students yet: press A to add the first.")
        else:
            broken = sum(not row.usable or row.errors > 0 for row in rows)
            text = nfill("{n} student(s)", "{n} student(s)", len(rows))
            if broken:
                mend = nfill(
                    "⚠ {n} portfolio(s) to mend (Enter opens one)",
                    "⚠ {n} portfolio(s) to mend (Enter opens one)",
                    broken,
                )
                text = f"{text} · {mend}"
        self.query_one("#students-summary", Static).update(plain(text))

    def _selected(self) -> StudentRow | None:
        table = self.query_one(DataTable)
        if not self.rows or table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.rows.get(key or "")

    def _show_selected(self) -> None:
        row = self._selected()
        detail = ""
        if row is not None:
            detail = f"{row.name} · portfolios/{row.student_id}.json"
            if row.problem:
                detail += f" · {row.problem}"
        self.query_one("#students-detail", Static).update(plain(detail))
        for button in ("#student-edit", "#student-rename", "#student-remove"):
            self.query_one(button, Button).disabled = row is None
        self.query_one("#student-rename", Button).disabled = row is None or not row.usable

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self._show_selected()

    def route_key(self, key: events.Key) -> bool:
        """A letter that is no key here says what the keys are (never dropped silently)."""
        if not key.is_printable or key.key in ("space", "e", "a", "r", "x"):
            return False
        if takes_text(self.focused):
            return False
        self.query_one("#students-detail", Static).update(_(KEYS_HINT))
        return True

    # -- add, rename, remove -------------------------------------------------------------------

    @on(Button.Pressed, "#student-add")
    def action_add(self) -> None:
        """Ask for the new student's name and grade (the highlighted child's by default)."""
        from slc_tui.ui.screens.teacher.student_dialog import StudentDialog

        row = self._selected()
        dialog = StudentDialog(self.session.folder.root, grade=row.grade if row else "")
        self.app.push_screen(dialog, self._added)

    def _added(self, student_id: object) -> None:  # (str | None: the dialog's answer)
        if isinstance(student_id, str) and student_id:
            self.app.notify(
                fill("Added portfolios/{id}.json", id=student_id), title=_("Student added")
            )
            self.load(student_id)

    @on(Button.Pressed, "#student-rename")
    def action_rename(self) -> None:
        """Ask for the highlighted child's new name (their id and records stay)."""
        from slc_tui.ui.screens.teacher.student_dialog import StudentDialog

        row = self._selected()
        if row is None or not row.usable:
            return
        dialog = StudentDialog(self.session.folder.root, student_id=row.student_id, name=row.name)
        self.app.push_screen(dialog, self._renamed)

    def _renamed(self, student_id: object) -> None:  # (str | None: the dialog's answer)
        if isinstance(student_id, str) and student_id:
            self.app.notify(_("Renamed (the id and the records stay)."), title=_("Renamed"))
            self.load(student_id)

    @on(Button.Pressed, "#student-remove")
    def action_remove(self) -> None:
        """Ask, naming what goes, then remove the highlighted child."""
        row = self._selected()
        if row is not None:
            self.plan_removal(row)

    @work(thread=True, exclusive=True, group="students-remove", exit_on_error=False)
    def plan_removal(self, row: StudentRow) -> None:
        """Find what removing ``row`` deletes (in a thread), then ask."""
        from slc_tui.teacher.open_conferences import conference_open, where_open
        from slc_tui.teacher.students import removal_plan

        session = self.session
        other = conference_open(session.results_dir, row.student_id)
        if other is not None:
            message = fill(
                "{name}'s conference is open {where}: close it there first, then remove.",
                name=row.name,
                where=where_open(other),
            )
            self.app.call_from_thread(self.app.notify, message, severity="warning", timeout=10)
            return
        try:
            plan = removal_plan(session.folder.root, session.results_dir, row.student_id)
        except (OSError, ValueError) as error:
            message = fill("Cannot remove: {error}", error=error)
            self.app.call_from_thread(self.app.notify, message, severity="error")
            return
        self.app.call_from_thread(self._confirm_removal, row, plan.describe())

    def _confirm_removal(self, row: StudentRow, what: list[str]) -> None:
        question = fill(
            "Remove {name} from the class for good? This deletes:\n{what}\nIt cannot be undone.",
            name=row.name,
            what="\n".join(f"  • {line}" for line in what),
        )
        choices = [
            ("keep", fill("Keep {name}", name=row.name)),
            ("remove", _("✕ Remove for good")),
        ]

        def answered(choice: str | None) -> None:
            if choice == "remove":
                self.remove_student(row)

        self.app.push_screen(ChoiceDialog(question, choices, cancel="keep"), answered)

    @work(thread=True, exclusive=True, group="students-remove", exit_on_error=False)
    def remove_student(self, row: StudentRow) -> None:
        """Forget the child and delete their files (in a thread)."""
        from slc_tui.teacher.students import StudentOpenElsewhere, remove_student

        session, app = self.session, self.app
        try:
            removed = remove_student(session.folder.root, session.results_dir, row.student_id)
        except StudentOpenElsewhere as elsewhere:
            message = fill("Not removed: {reason}", reason=elsewhere)
            app.call_from_thread(app.notify, message, severity="warning")
            return
        except (OSError, ValueError) as error:
            message = fill("Not all removed ({error}): remove again to finish.", error=error)
            app.call_from_thread(app.notify, message, severity="error", timeout=15)
            self.load()
            return
        message = nfill(
            "Removed {name}: {n} file(s) deleted.",
            "Removed {name}: {n} file(s) deleted.",
            len(removed.deleted),
            name=row.name,
        )
        app.call_from_thread(app.notify, message, title=_("Removed"))
        for warning in removed.warnings:
            app.call_from_thread(app.notify, warning, severity="warning", timeout=15)
        self.app.call_from_thread(self.load)

    # -- the portfolio editor ------------------------------------------------------------------

    @on(DataTable.RowSelected)
    @on(Button.Pressed, "#student-edit")
    def action_edit(self) -> None:
        """Open the highlighted child's portfolio in the editor."""
        row = self._selected()
        if row is not None:
            self.prepare_editor(row.student_id)

    @work(thread=True, exclusive=True, group="students-edit", exit_on_error=False)
    def prepare_editor(self, student_id: str) -> None:
        """Open the portfolio (in a thread), then offer its draft back."""
        from slc_tui.teacher.portfolio_edit import open_for_editing

        session, app = self.session, self.app
        try:
            opening = open_for_editing(session.folder.root, session.results_dir, student_id)
        except Refused as refused:
            lines = "; ".join(str(problem) for problem in refused.problems[:3])
            message = fill("Cannot edit it here: {problems}", problems=lines)
            app.call_from_thread(app.notify, message, severity="error", timeout=20)
            return
        except OSError as error:
            message = fill("Cannot open it: {error}", error=error)
            app.call_from_thread(app.notify, message, severity="error")
            return
        app.call_from_thread(self._offer_draft, opening)

    def _offer_draft(self, opening: EditorOpening) -> None:
        draft = opening.draft
        if draft is None:
            self._open_editor(opening)
            return
        when = opening.draft_time(self.session.clock().date())
        question = fill("Carry on with the changes from {time}? They were not saved.", time=when)
        if draft.based_on_changed:
            question += " " + _("The file has changed since: saving them will ask whose to keep.")
        choices = [("carry-on", _("Carry on with them")), ("drop", _("Throw them away"))]
        # Escape carries on too, as on the desk's other editors: nothing is lost by it.

        def answered(choice: str | None) -> None:
            if choice == "carry-on":
                try:
                    opening.edit.resume(draft)
                except Refused as refused:
                    self.app.notify(str(refused), severity="error")
                self._open_editor(opening)
            elif choice == "drop":
                self.drop_draft(opening)

        self.app.push_screen(ChoiceDialog(question, choices, cancel="carry-on"), answered)

    @work(thread=True, exclusive=True, group="students-edit", exit_on_error=False)
    def drop_draft(self, opening: EditorOpening) -> None:
        """Throw the draft away (in a thread), then open the file as saved."""
        try:
            opening.edit.drop_draft()
        except OSError as error:
            message = fill("The draft stays: {error}", error=error)
            self.app.call_from_thread(self.app.notify, message)
        self.app.call_from_thread(self._open_editor, opening)

    def _open_editor(self, opening: EditorOpening) -> None:
        from slc_tui.ui.screens.teacher.portfolio_editor import PortfolioEditorScreen

        student_id = opening.edit.student_id

        def closed(_: object) -> None:
            self.load(student_id)

        self.app.push_screen(PortfolioEditorScreen(self.session, opening), closed)

    @on(Button.Pressed, "#students-back")
    def action_back(self) -> None:
        """Back to the teacher's desk."""
        self.dismiss(None)
