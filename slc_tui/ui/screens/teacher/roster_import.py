"""Roster import: a class list (a spreadsheet's CSV or a OneRoster ``users.csv``) becomes
one new portfolio per student, after a preview.

The list comes from a file browser that starts at the home folder, or from its path typed,
pasted or dragged into the box (terminals type a dragged file as its path). The preview
(:func:`~slc_tui.teacher.roster.plan_roster_import`, read in a thread) shows each student
to be added and every row that will not be, as ``FILE:LINE: reason``; "Import" then writes
them (:func:`~slc_tui.teacher.roster.apply_roster_import`, in a thread) and the class is
read again, so the student list has them.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Self

from rich.text import Text, TextType
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import (
    Button,
    ContentSwitcher,
    DataTable,
    DirectoryTree,
    Input,
    Static,
)
from textual.widgets._directory_tree import DirEntry
from textual.widgets.tree import TreeNode

from slc_tui.core.i18n import N_, _, fill, nfill
from slc_tui.session import ClassSession
from slc_tui.teacher.pasted_paths import clean_pasted_path
from slc_tui.teacher.roster import (
    RosterImport,
    RosterPlan,
    apply_roster_import,
    plan_roster_import,
)
from slc_tui.ui.languages import TranslatedBindings
from slc_tui.ui.plain_text import plain
from slc_tui.ui.screens.teacher import TEACHER_CSS
from slc_tui.ui.screens.teacher.columns import translated_columns
from slc_tui.ui.screens.teacher.typing import DeskTyping, text_box
from slc_tui.ui.widgets.key_footer import KeyFooter

#: The files the browser shows (besides folders): what spreadsheets export a list as.
LIST_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})
#: The preview's columns: key, heading, width (None: as wide as the names).
PREVIEW_COLUMNS: tuple[tuple[str, str, int | None], ...] = (
    ("line", N_("Line"), 5),
    ("id", N_("Id"), 18),
    ("name", N_("Name"), None),
    ("grade", N_("Grade"), 5),
)
HELP = N_(
    "A spreadsheet's CSV (name or first and last name, grade, optional id) or a OneRoster "
    "users.csv: pick it below, or type, paste or drag its path into the box. A preview first."
)


class ClassListTree(DirectoryTree):
    """Folders and class lists (``.csv``, ``.txt``, ``.tsv``); hidden files left out. The
    top is labelled ``label`` (``~`` for the home folder) rather than its full path."""

    def __init__(self, path: Path, label: str, *, id: str | None = None) -> None:
        self.top_label = label
        super().__init__(path, id=id)

    def reset_node(
        self, node: TreeNode[DirEntry], label: TextType, data: DirEntry | None = None
    ) -> Self:
        """As a DirectoryTree does, the top keeping its own label."""
        return super().reset_node(node, self.top_label if node is self.root else label, data)

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        """Folders and class lists, not hidden ones."""
        return [
            path
            for path in paths
            if not path.name.startswith(".")
            and (path.suffix.lower() in LIST_SUFFIXES or self._safe_is_dir(path))
        ]


class RosterImportScreen(TranslatedBindings, Screen[None]):
    """Pick a class list, look at the preview, import; Escape goes back to the desk."""

    CSS_PATH = TEACHER_CSS

    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="roster-back"),
        Binding("ctrl+o", "browse", N_("Choose a file"), id="roster-browse"),
        Binding("ctrl+s", "import_students", N_("Import"), id="roster-import"),
    ]

    def __init__(self, session: ClassSession, start: Path | None = None) -> None:
        super().__init__(id="roster")
        self.session = session
        self.start = start if start is not None else Path.home()
        self.plan: RosterPlan | None = None
        self.importing = False
        self.typing = DeskTyping(self, lambda: self.query_one("#roster-path", Input))

    def compose(self) -> ComposeResult:
        """Title, help, the path box, the file browser or the preview, buttons, footer."""
        label = "~" if self.start == Path.home() else str(self.start)
        with Vertical(id="roster-box"):
            title = fill("🍎 Roster import — {name}", name=self.session.folder.info.name)
            yield Static(plain(title), id="roster-title")
            yield Static(_(HELP), id="roster-help")
            with Horizontal(id="roster-source"):
                yield text_box(
                    placeholder=_("Path of the class list (type, paste or drag it here)"),
                    id="roster-path",
                )
                yield Button(_("Preview"), id="roster-preview", compact=True)
            with ContentSwitcher(id="roster-stage", initial="roster-files"):
                yield ClassListTree(self.start, label, id="roster-files")
                with Vertical(id="roster-plan"):
                    yield Static("", id="roster-summary")
                    with VerticalScroll(id="roster-refused-box"):
                        yield Static("", id="roster-refused")
                    yield DataTable(id="roster-table", cursor_type="row", zebra_stripes=True)
            with Horizontal(id="roster-buttons"):
                yield Button(_("Import (Ctrl+S)"), id="roster-import", variant="success")
                yield Button(_("Choose a file (Ctrl+O)"), id="roster-choose")
                yield Button(_("Back (Esc)"), id="roster-back")
        yield KeyFooter()

    def on_mount(self) -> None:
        """The file browser has the keyboard; Import waits for a preview."""
        table = self.query_one(DataTable)
        for key, heading, width in translated_columns(PREVIEW_COLUMNS):
            table.add_column(heading, key=key, width=width)
        self.query_one("#roster-refused-box").display = False
        self._fit_import_button()
        self.query_one(ClassListTree).focus()

    def route_key(self, key: events.Key) -> bool:
        """Letters typed on the browser or a button go to the path box (docs/typing.md)."""
        return self.typing.route_key(key)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Import only with students to import (shown greyed out until then)."""
        if action == "import_students":
            return True if self._can_import() else None
        return True

    def _can_import(self) -> bool:
        return self.plan is not None and bool(self.plan.students) and not self.importing

    def _fit_import_button(self) -> None:
        button = self.query_one("#roster-import", Button)
        count = len(self.plan.students) if self.plan is not None else 0
        if count:
            button.label = nfill(
                "Import {n} student(s) (Ctrl+S)", "Import {n} student(s) (Ctrl+S)", count
            )
        else:
            button.label = _("Import (Ctrl+S)")
        button.disabled = not self._can_import()
        button.refresh(layout=True)  # (a Button's label does not change its width itself)
        self.refresh_bindings()

    # -- choosing the list ------------------------------------------------------------------

    @on(DirectoryTree.FileSelected)
    def _file_picked(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        box = self.query_one("#roster-path", Input)
        box.value = str(event.path)
        self.preview(str(event.path))

    @on(Input.Submitted, "#roster-path")
    @on(Button.Pressed, "#roster-preview")
    def _preview_pressed(self) -> None:
        self.preview(self.query_one("#roster-path", Input).value)

    def on_paste(self, event: events.Paste) -> None:
        """A file dragged onto the browser (or a button) comes as its path: preview it."""
        text = event.text.strip()
        if text:
            event.stop()
            self.query_one("#roster-path", Input).value = text.splitlines()[0]
            self.preview(text.splitlines()[0])

    @on(Button.Pressed, "#roster-choose")
    def action_browse(self) -> None:
        """Back to the file browser."""
        self._stage("roster-files")
        self.query_one(ClassListTree).focus()

    def _stage(self, stage: str) -> None:
        """Show the file browser (with the help above it) or the preview."""
        self.query_one(ContentSwitcher).current = stage
        self.query_one("#roster-help").display = stage == "roster-files"

    def preview(self, text: str) -> None:
        """Read the list ``text`` names (a pasted path is cleaned first) and show the plan."""
        if not text.strip():
            self._say(_("Type, paste or drag the class list's path into the box first."))
            self.query_one("#roster-path", Input).focus()
            return
        self._say(_("Reading the class list…"))
        self._stage("roster-plan")
        self.make_plan(text)

    @work(thread=True, exclusive=True, group="roster-plan", exit_on_error=False)
    def make_plan(self, text: str) -> None:
        """Plan the import in a thread (nothing is written)."""
        path = clean_pasted_path(text)
        plan = plan_roster_import(self.session.folder.root, path, source=path.name or str(path))
        self.app.call_from_thread(self._show_plan, plan, path)

    def _show_plan(self, plan: RosterPlan, path: Path) -> None:
        self.plan = plan
        self._say(plan_summary(plan, path))
        self._show_refused(plan.refused_lines(), _("Not imported:"))
        table = self.query_one(DataTable)
        table.display = bool(plan.students)
        table.clear()
        table.add_rows(
            [(str(s.line), _cell(s.student_id), _cell(s.name), s.grade) for s in plan.students]
        )
        self._fit_import_button()
        if plan.students:
            table.focus()
        else:
            self.query_one("#roster-path", Input).focus()

    def _show_refused(self, lines: list[str], heading: str) -> None:
        box = self.query_one("#roster-refused-box")
        box.display = bool(lines)
        text = "\n".join([f"⚠ {heading}", *lines]) if lines else ""
        self.query_one("#roster-refused", Static).update(plain(text))
        box.scroll_home(animate=False)

    def _say(self, text: str) -> None:
        self.query_one("#roster-summary", Static).update(plain(text))

    # -- importing ------------------------------------------------------------------------

    @on(Button.Pressed, "#roster-import")
    def action_import_students(self) -> None:
        """Write the students of the preview."""
        plan = self.plan
        if plan is None or not self._can_import():
            return
        self.importing = True
        self._fit_import_button()
        count = len(plan.students)
        self._say(nfill("Writing {n} portfolio(s)…", "Writing {n} portfolio(s)…", count))
        self.write_portfolios(plan)

    @work(thread=True, exclusive=True, group="roster-import", exit_on_error=False)
    def write_portfolios(self, plan: RosterPlan) -> None:
        """Write the portfolios, then read the class again (the student list has them)."""
        try:
            done = apply_roster_import(plan)
        except OSError as error:
            where = error.filename or plan.class_dir
            failed = fill(
                "Nothing imported: {path}: {reason}", path=where, reason=error.strerror or error
            )
            self.app.call_from_thread(self._import_failed, failed)
            return
        self.session.refresh()
        self.app.call_from_thread(self._imported, plan, done)

    def _import_failed(self, message: str) -> None:
        self.importing = False
        self._say(message)
        self._fit_import_button()
        self.app.notify(message, severity="error", timeout=20)

    def _imported(self, plan: RosterPlan, done: RosterImport) -> None:
        self.importing = False
        self.plan = None
        created = len(done.created)
        name = self.session.folder.info.name
        text = nfill(
            "✓ {n} student(s) added to {class_name}: they are on the student list now.",
            "✓ {n} student(s) added to {class_name}: they are on the student list now.",
            created,
            class_name=name,
        )
        if done.refused:
            text += " " + nfill(
                "{n} could not be written (below).",
                "{n} could not be written (below).",
                len(done.refused),
            )
        self._say(text)
        if done.refused:
            lines = [bad.where(plan.source) for bad in done.refused]
            self._show_refused(lines, _("Not written:"))
        self._fit_import_button()
        self.app.notify(text, title=_("Roster imported"), timeout=10)

    @on(Button.Pressed, "#roster-back")
    def action_back(self) -> None:
        """Back to the teacher's desk (not while portfolios are being written)."""
        if self.importing:
            self.app.notify(_("Still writing the portfolios: a moment…"), timeout=4)
            return
        self.dismiss(None)


def plan_summary(plan: RosterPlan, path: Path) -> str:
    """The line above the preview: what the list holds and what importing it would do."""
    if plan.refused and plan.refused[0].line == 0:
        return fill(
            "⚠ {path} can't be imported: {reason}", path=path, reason=plan.refused[0].reason
        )
    if not plan.students and not plan.in_class:
        return fill("⚠ {file}: no student in it can be imported (why is below).", file=path.name)
    kind = _("OneRoster users.csv") if plan.kind == "oneroster" else _("spreadsheet list")
    parts = [fill("{file} ({kind}) · to add: {n}", file=path.name, kind=kind, n=len(plan.students))]
    other = len(plan.refused) - len(plan.in_class)
    if other:
        parts.append(fill("refused: {n}", n=other))
    if plan.in_class:
        parts.append(fill("already in the class, kept as they are: {n}", n=len(plan.in_class)))
    if plan.skipped:
        parts.append(fill("skipped (not active students): {n}", n=len(plan.skipped)))
    return " · ".join(parts)


def _cell(text: str) -> Text:
    """Plain text (never markup) on one line, cut with an ellipsis to its column."""
    return Text(" ".join(text.split()), no_wrap=True, overflow="ellipsis", end="")
