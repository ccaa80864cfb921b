"""The student picker: names, grade and status only."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from slc_tui.session import PickerRow

STATUS_BADGES = {"not started": "○ not started", "in progress": "◐ in progress", "done": "● done"}


class PickerScreen(Screen[None]):
    """Who is leading their conference now? Click a name (or move and press Enter)."""

    BINDINGS = [Binding("ctrl+q", "app.quit", "Quit", id="quit")]

    @dataclass
    class StudentPicked(Message):
        """A student was chosen."""

        student_id: str

    def __init__(self, title: str, subtitle: str, rows: list[PickerRow], notice: str) -> None:
        super().__init__(id="picker")
        self.title_text = title
        self.subtitle = subtitle
        self.rows = rows
        self.notice = notice

    def compose(self) -> ComposeResult:
        """Title, table of students, notices, footer."""
        with Vertical(id="picker-box"):
            yield Static(f"📚 {self.title_text}", id="picker-title")
            yield Static(self.subtitle, id="picker-subtitle")
            yield Static("Who is leading their conference? Pick your name.", id="picker-ask")
            yield DataTable(id="students", cursor_type="row", zebra_stripes=True)
            yield Static(self.notice, id="picker-notice")
        yield Footer()

    def on_mount(self) -> None:
        """Fill the table and focus it."""
        table = self.query_one(DataTable)
        table.add_columns("Name", "Grade", "Status")
        self.set_rows(self.rows)
        table.focus()

    def set_rows(self, rows: list[PickerRow]) -> None:
        """Show ``rows`` (after a conference, statuses change)."""
        self.rows = rows
        table = self.query_one(DataTable)
        table.clear()
        for row in rows:
            student = row.portfolio.student
            grade = "K" if student.grade == "K" else student.grade
            table.add_row(student.name, grade, STATUS_BADGES[row.status], key=student.id)
        if not rows:
            self.query_one("#picker-ask", Static).update(
                "No students yet: add portfolios to the class folder (see its README)."
            )

    @on(DataTable.RowSelected, "#students")
    def _picked(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.post_message(self.StudentPicked(event.row_key.value))
