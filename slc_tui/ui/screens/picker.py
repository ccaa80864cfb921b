"""The student picker: names, grade and status only."""

from __future__ import annotations

from dataclasses import dataclass

from rich.table import Table
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from slc_tui.session import PickerRow

STATUS_BADGES = {
    "not started": "○ not started",
    "in progress": "◐ in progress",
    "done": "● done",
    "unreadable": "⚠ ask teacher",
}


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
            yield Static(self._row_table("Name", "Grade", "Status"), id="students-header")
            yield OptionList(id="students")
            yield Static(self.notice, id="picker-notice")
        yield Footer()

    def on_mount(self) -> None:
        """Fill the list and focus it."""
        self.set_rows(self.rows)
        self.query_one(OptionList).focus()

    @staticmethod
    def _row_table(name: str, grade: str, status: str) -> Table:
        """One line laid out in the same columns as the header."""
        grid = Table.grid(expand=True, padding=(0, 1))
        grid.add_column(ratio=3, no_wrap=True, overflow="ellipsis")
        grid.add_column(width=6)
        grid.add_column(width=16, no_wrap=True)
        grid.add_row(name, grade, status)
        return grid

    def set_rows(self, rows: list[PickerRow]) -> None:
        """Show ``rows`` (after a conference, statuses change); one click opens a student."""
        self.rows = rows
        students = self.query_one(OptionList)
        highlighted = students.highlighted
        students.clear_options()
        students.add_options(
            Option(
                self._row_table(
                    row.portfolio.student.name,
                    row.portfolio.student.grade,
                    STATUS_BADGES[row.status],
                ),
                id=row.portfolio.student.id,
            )
            for row in rows
        )
        if rows:
            students.highlighted = min(highlighted or 0, len(rows) - 1)
        else:
            self.query_one("#picker-ask", Static).update(
                "No students yet: add portfolios to the class folder (see its README)."
            )

    @on(OptionList.OptionSelected, "#students")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.post_message(self.StudentPicked(event.option.id))
