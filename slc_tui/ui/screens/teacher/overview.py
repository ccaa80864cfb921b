"""The overview: every child's conference in a table, families waiting for a private
follow-up first; mark a follow-up done, read a finished record, export CSV, write the class
report (PDF).

The rows come from :mod:`slc_tui.teacher.overview` (read in a thread). A follow-up marked
done (or open again) changes in place: the order is the one read when the screen opened,
so an undo is the same key on the same row.
"""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, DataTable, Static

from slc_tui.core.i18n import N_, _, fill, nfill
from slc_tui.session import ClassSession
from slc_tui.teacher.overview import Overview, OverviewRow, read_overview, set_follow_up_done
from slc_tui.ui.languages import TranslatedBindings
from slc_tui.ui.plain_text import plain
from slc_tui.ui.screens.teacher import TEACHER_CSS
from slc_tui.ui.screens.teacher.columns import translated_columns
from slc_tui.ui.widgets.key_footer import KeyFooter

#: The cells' words (marked: translated where shown).
FOLLOW_UP_CELLS = {"open": N_("⚑ open"), "done": N_("✓ done"), "none": ""}
STATUS_CELLS = {
    "not started": N_("○ not started"),
    "in progress": N_("◐ in progress"),
    "done": N_("● done"),
    "unreadable": N_("⚠ unreadable"),
}
#: Columns: key, header, width (None: the rest of the table's width). When that rest is
#: under :data:`LEAST_LAST_WIDTH` (80 columns), the last column is left out and the name
#: takes the room: the line under the table says what it holds.
COLUMNS: tuple[tuple[str, str, int | None], ...] = (
    ("follow_up", N_("Follow-up"), 9),
    ("name", N_("Name"), 22),
    ("grade", N_("Gr."), 3),
    ("status", N_("Status"), 13),
    ("date", N_("Date"), 10),
    ("minutes", N_("Min"), 3),
    ("commitments", N_("At home"), None),
)
LEAST_LAST_WIDTH = 12


def _cell(text: str) -> Text:
    """Plain text (never markup) on one line, cut with an ellipsis to its column's width."""
    return Text(" ".join(text.split()), no_wrap=True, overflow="ellipsis", end="")


def row_cells(row: OverviewRow) -> list[Text]:
    """The table's cells for ``row``, in :data:`COLUMNS` order."""
    name = row.name if row.in_class else fill("{name} (no portfolio)", name=row.name)
    follow_up = FOLLOW_UP_CELLS[row.follow_up]
    status = STATUS_CELLS.get(row.status)
    values = (
        _(follow_up) if follow_up else "",
        name,
        row.grade,
        _(status) if status else row.status,
        row.date,
        "" if row.minutes is None else str(row.minutes),
        row.commitments,
    )
    return [_cell(value) for value in values]


def row_detail(row: OverviewRow) -> str:
    """The line under the table about the highlighted child."""
    if row.problem:
        return fill("⚠ {name}: {problem}", name=row.name, problem=row.problem)
    follow_up = {
        "open": _("⚑ asked for a private follow-up (open)"),
        "done": _("✓ private follow-up marked done"),
        "none": _("no private follow-up asked"),
    }[row.follow_up]
    at_home = fill("At home: {commitments}", commitments=row.commitments or "—")
    return fill(
        "{name}: {follow_up} · {at_home}", name=row.name, follow_up=follow_up, at_home=at_home
    )


class OverviewScreen(TranslatedBindings, Screen[None]):
    """Every child of the class; Escape goes back to the teacher's desk."""

    CSS_PATH = TEACHER_CSS

    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="overview-back"),
        Binding("o", "open_record", N_("Open record"), id="overview-open"),
        Binding("d", "toggle_follow_up", N_("Follow-up"), id="overview-follow-up"),
        Binding("e", "export_csv", N_("Export CSV"), id="overview-export"),
        Binding("p", "write_report", N_("Report PDF"), id="overview-report"),
    ]

    def __init__(self, session: ClassSession) -> None:
        super().__init__(id="overview")
        self.session = session
        self.rows: dict[str, OverviewRow] = {}
        self.order: list[str] = []  # student ids, as the table lists them
        self._last_width = 0  # the width of the "At home" column now

    def compose(self) -> ComposeResult:
        """Title, summary, problems, table, the highlighted child, buttons, footer."""
        with Vertical(id="overview-box"):
            title = fill("🍎 Overview — {name}", name=self.session.folder.info.name)
            yield Static(plain(title), id="overview-title")
            yield Static(_("Reading the class's conferences…"), id="overview-summary")
            yield Static("", id="overview-problems")
            yield DataTable(id="overview-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="overview-detail")
            with Horizontal(id="overview-buttons"):
                yield Button(_("Record (o)"), id="open-record")
                yield Button(_("✓ Follow-up done (d)"), id="mark-follow-up", variant="primary")
                yield Button(_("Export CSV (e)"), id="export-csv")
                yield Button(_("Report (p)"), id="write-report")
                yield Button(_("Back (Esc)"), id="overview-back")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Read the rows in a thread."""
        self.query_one(DataTable).focus()
        self._show_selected(None)
        self.load()

    def on_resize(self) -> None:
        """The "At home" column takes the width left: the table is made again for a new one."""
        if self.order and self._fill_width() != self._last_width:
            self._fill_table()

    def _fill_width(self) -> int:
        table = self.query_one(DataTable)
        columns = translated_columns(COLUMNS)
        fixed = sum(width or 0 for _, _, width in columns) + 2 * table.cell_padding * len(columns)
        return table.size.width - table.styles.scrollbar_size_vertical - fixed

    def _fill_table(self) -> None:
        """Columns and rows, the cursor kept on the same child."""
        table = self.query_one(DataTable)
        if not table.size.width:  # not laid out yet: its width is known after the next paint
            self.call_after_refresh(self._fill_table)
            return
        selected = self._selected()
        table.clear(columns=True)
        self._last_width = room = self._fill_width()
        columns = translated_columns(COLUMNS)
        if room < LEAST_LAST_WIDTH:
            columns.pop()
            key, header, width = columns[1]
            columns[1] = (key, header, (width or 0) + max(0, room + 2 * table.cell_padding))
        for key, header, width in columns:
            table.add_column(header, key=key, width=width or room)
        for student_id in self.order:
            table.add_row(*row_cells(self.rows[student_id])[: len(columns)], key=student_id)
        if selected is not None:
            table.move_cursor(row=self.order.index(selected.student_id), animate=False)
        self._show_selected(self._selected())

    @work(thread=True, exclusive=True, group="overview")
    def load(self) -> None:
        """Read every child's results (a thousand files take a fraction of a second)."""
        session = self.session
        try:
            overview = read_overview(session.folder, session.results_dir)
        except OSError as error:
            where = error.filename or session.results_dir
            overview = Overview([], [f"{where}: {error.strerror or error}"])
        self.app.call_from_thread(self._show, overview)

    def _show(self, overview: Overview) -> None:
        self.rows = {row.student_id: row for row in overview.rows}
        self.order = [row.student_id for row in overview.rows]
        self._fill_table()
        self._summarise(overview)
        problems = self.query_one("#overview-problems", Static)
        problems.update(plain(_problems_text(overview.problems)))
        problems.display = bool(overview.problems)

    def _summarise(self, overview: Overview) -> None:
        rows = overview.rows
        if not rows:
            text = _("No children yet: add portfolios to the class folder.")
        else:
            done = sum(row.status == "done" for row in rows)
            waiting = overview.open_follow_ups
            parts = [
                nfill("{n} children", "{n} children", len(rows)),
                nfill("{n} conferences done this term", "{n} conferences done this term", done),
                nfill(
                    "⚑ {n} follow-up(s) open, shown first",
                    "⚑ {n} follow-up(s) open, shown first",
                    waiting,
                )
                if waiting
                else _("no follow-ups open"),
            ]
            text = " · ".join(parts)
        self.query_one("#overview-summary", Static).update(text)

    def _selected(self) -> OverviewRow | None:
        table = self.query_one(DataTable)
        if not self.rows or table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.rows.get(key or "")

    def _show_selected(self, row: OverviewRow | None) -> None:
        """Say more about ``row`` under the table, and fit the buttons to it."""
        detail = "" if row is None else row_detail(row)
        self.query_one("#overview-detail", Static).update(plain(detail))
        button = self.query_one("#mark-follow-up", Button)
        button.disabled = row is None or row.follow_up == "none"
        reopen = row is not None and row.follow_up == "done"
        button.label = _("↺ Follow-up open (d)") if reopen else _("✓ Follow-up done (d)")
        self.query_one("#open-record", Button).disabled = row is None or row.finished is None

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self._show_selected(self._selected())

    @on(DataTable.RowSelected)
    @on(Button.Pressed, "#open-record")
    def action_open_record(self) -> None:
        """Enter (or a second click on a row): the child's latest finished conference."""
        from slc_tui.teacher.record_view import record_text
        from slc_tui.ui.screens.teacher.record import RecordScreen

        row = self._selected()
        if row is None:
            return
        if row.finished is None:
            why = row.problem or fill("{name} has no finished conference yet.", name=row.name)
            self.app.notify(why, severity="warning", timeout=8)
            return
        if row.date:
            title = fill("{name}'s conference — {date}", name=row.name, date=row.date)
        else:
            title = fill("{name}'s conference", name=row.name)
        self.app.push_screen(RecordScreen(title, record_text(row.finished)))

    @on(Button.Pressed, "#mark-follow-up")
    def action_toggle_follow_up(self) -> None:
        """Mark the highlighted child's follow-up done, or open again."""
        row = self._selected()
        if row is None:
            return
        if row.follow_up == "none":
            message = fill("{name}'s family asked for no private follow-up.", name=row.name)
            self.app.notify(message, timeout=6)
            return
        self.save_follow_up(row, row.follow_up == "open")

    @work(thread=True, group="overview-save", exit_on_error=False)
    def save_follow_up(self, row: OverviewRow, done: bool) -> None:
        """Write the mark in a thread; the row changes once it is saved."""
        results_dir, clock = self.session.results_dir, self.session.clock
        try:
            changed, kept = set_follow_up_done(results_dir, row, done, clock)
        except (OSError, ValueError) as error:
            message = fill("The follow-up mark could not be saved: {error}", error=error)
            self.app.call_from_thread(self.app.notify, message, severity="error", timeout=15)
            return
        self.app.call_from_thread(self._follow_up_saved, changed, kept)

    def _follow_up_saved(self, row: OverviewRow, kept: object) -> None:
        self.rows[row.student_id] = row
        table = self.query_one(DataTable)
        table.update_cell(row.student_id, "follow_up", row_cells(row)[0])
        if kept is not None:
            self.app.notify(
                fill("The follow-up marks file was damaged: it is kept as {path}.", path=kept),
                severity="warning",
                timeout=20,
            )
        if row.follow_up == "done":
            said = fill("{name}'s follow-up: marked done.", name=row.name)
        else:
            said = fill("{name}'s follow-up: open again.", name=row.name)
        self.app.notify(said, timeout=5)
        self._show_selected(self._selected())

    @on(Button.Pressed, "#export-csv")
    def action_export_csv(self) -> None:
        """Export every conference as CSV into the results folder."""
        self.export_csv()

    @work(thread=True, exclusive=True, group="overview-export", exit_on_error=False)
    def export_csv(self) -> None:
        """Write the CSV in a thread and say where it went."""
        from slc_tui.teacher.export import ExportFailed, default_export_path, export_to

        session = self.session
        path = default_export_path(session.results_dir, "csv", session.clock().date())
        try:
            count = export_to(session.results_dir, "csv", path)
        except ExportFailed as failed:
            message = fill("Nothing exported: {reason}", reason=failed)
            self.app.call_from_thread(self.app.notify, message, severity="error", timeout=20)
            return
        message = nfill(
            "Exported {n} conference(s) to {path}",
            "Exported {n} conference(s) to {path}",
            count,
            path=path,
        )
        title = _("CSV written")
        self.app.call_from_thread(self.app.notify, message, title=title, timeout=20)

    @on(Button.Pressed, "#write-report")
    def action_write_report(self) -> None:
        """Write the class report (PDF) into the results folder."""
        self.write_report()

    @work(thread=True, exclusive=True, group="overview-report", exit_on_error=False)
    def write_report(self) -> None:
        """Make and write the report in a thread and say where it went."""
        from slc_tui.teacher.report import ReportFailed, write_report

        session = self.session
        try:
            written = write_report(session.folder, session.results_dir, session.clock().date())
        except ReportFailed as failed:
            message = fill("No report written: {reason}", reason=failed)
            self.app.call_from_thread(self.app.notify, message, severity="error", timeout=20)
            return
        message = nfill(
            "Class report ({n} children) written to {path}",
            "Class report ({n} children) written to {path}",
            written.children,
            path=written.path,
        )
        title = _("Report written")
        self.app.call_from_thread(self.app.notify, message, title=title, timeout=20)

    @on(Button.Pressed, "#overview-back")
    def action_back(self) -> None:
        """Back to the teacher's desk."""
        self.dismiss(None)


def _problems_text(problems: list[str]) -> str:
    if not problems:
        return ""
    if len(problems) == 1:
        return f"⚠ {problems[0]}"
    return nfill(
        "⚠ {problem} (and {n} more)",
        "⚠ {problem} (and {n} more)",
        len(problems) - 1,
        problem=problems[0],
    )
