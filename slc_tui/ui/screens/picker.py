"""The student picker: names, grade and status, and on conference night each child's time
with who is next. Its words are in the language active when they are shown (the class's:
the app makes it active whenever the list is on screen)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.segment import Segment
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.css.styles import RulesMap
from textual.message import Message
from textual.screen import Screen
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from slc_tui.core.i18n import N_, _, placeholders
from slc_tui.core.schedule_times import clock
from slc_tui.session import PickerRow
from slc_tui.ui.languages import TranslatedBindings
from slc_tui.ui.plain_text import plain
from slc_tui.ui.stylesheets import use_stylesheet
from slc_tui.ui.widgets.key_footer import KeyFooter

#: Each status as the list shows it (translated where shown: at most 16 cells).
STATUS_BADGES = {
    # TRANSLATORS: a status on the student list: 16 cells at most, the mark included.
    "not started": N_("○ not started"),
    # TRANSLATORS: a status on the student list: 16 cells at most, the mark included.
    "in progress": N_("◐ in progress"),
    # TRANSLATORS: a status on the student list: 16 cells at most, the mark included.
    "done": N_("● done"),
    # TRANSLATORS: a status on the student list (the results file is damaged): 16 cells at
    # most, the mark included.
    "unreadable": N_("⚠ ask teacher"),
}
#: The grade and status columns (cells); the name takes the rest of the line, and one cell
#: separates each column from the next.
GRADE_WIDTH = 6
STATUS_WIDTH = 16
#: The time column, shown when ``schedule.json`` plans today: ``▶ 14:10`` for who is next.
TIME_WIDTH = 7
NEXT_MARK = "▶"


def _add_columns(grid: Table, with_time: bool = False) -> Table:
    """The picker's columns (time when ``with_time``, name, grade, status), as the header
    has them (every row lines up with it)."""
    if with_time:
        grid.add_column(width=TIME_WIDTH, no_wrap=True, justify="right")
    grid.add_column(ratio=3, no_wrap=True, overflow="ellipsis")
    grid.add_column(width=GRADE_WIDTH)
    grid.add_column(width=STATUS_WIDTH, no_wrap=True)
    return grid


class StudentRow(Visual):
    """One student's line of the picker: name, grade and status in the header's columns,
    drawn the quick way.

    A class can have five thousand students, and the list asks every option for its height
    (at least twice) before its first paint: measured as tables, 1,000 rows cost 14,000
    table renders, and making 5,000 tables took 90 ms. As a :class:`~textual.visual.Visual`
    a row is one line whatever its width, and is laid out only when painted, as one string:
    the name cut with an ellipsis to fit, then grade and status, just where the header's
    ``Table.grid`` puts them from 25 cells wide. The name is plain text, never markup; a
    newline or tab in it shows as a space.
    """

    def __init__(self, name: str, grade: str, status: str, time: str | None = None) -> None:
        self.student_name = " ".join(name.splitlines()).replace("\t", " ")
        self.grade = grade
        self.status = status
        #: The time column's text, or None when the list has no time column.
        self.time = time

    def line(self, width: int) -> str:
        """The row as a string of exactly ``width`` cells."""
        time = "" if self.time is None else f"{self.time:>{TIME_WIDTH}} "
        name = Text(self.student_name)
        name_width = width - len(time) - GRADE_WIDTH - STATUS_WIDTH - 2
        name.truncate(max(1, name_width), overflow="ellipsis", pad=True)
        grade = Text(self.grade)
        grade.truncate(GRADE_WIDTH, overflow="ellipsis", pad=True)
        line = Text(f"{time}{name.plain} {grade.plain} {self.status}")
        line.truncate(width, overflow="crop", pad=True)
        return line.plain

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        """One strip, ``width`` cells wide."""
        if width <= 0 or height == 0:
            return []
        return [Strip([Segment(self.line(width), style.rich_style)], width)]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        """Wide enough for the whole name."""
        time = 0 if self.time is None else TIME_WIDTH + 1
        return time + Text(self.student_name).cell_len + GRADE_WIDTH + STATUS_WIDTH + 2

    def get_height(self, rules: RulesMap, width: int) -> int:
        """Always one line."""
        return 1


#: What the picker asks (translated where shown).
ASK = N_("Who is leading their conference? Pick your name.")
#: The line above the list when someone is next on conference night (the name in bold).
# TRANSLATORS: {name} is the child's name, {time} when their conference starts (14:10).
NEXT_LINE = N_("Next: {name} at {time}.")


def _time_cell(row: PickerRow) -> str:
    """The time column of ``row``: ``14:10``, ``▶ 14:10`` when next, "" when not planned."""
    if row.time is None:
        return ""
    return f"{NEXT_MARK} {clock(row.time.start)}" if row.next else clock(row.time.start)


def _next_id(rows: list[PickerRow]) -> str | None:
    return next((row.student.id for row in rows if row.next), None)


def _next_line(row: PickerRow) -> Text:
    """The line above the list when someone is next: who (in bold), and when, then what
    the list asks."""
    time = clock(row.time.start) if row.time is not None else ""
    sentence = _(NEXT_LINE)
    if placeholders(sentence) != {"name", "time"} or sentence.count("{name}") != 1:
        sentence = NEXT_LINE  # a catalog mistake: English rather than a broken line
    before, after = sentence.split("{name}")
    line = Text(f"{NEXT_MARK} ")
    line.append(before.replace("{time}", time))
    line.append(row.student.name, style="bold")
    line.append(after.replace("{time}", time))
    line.append(" " + _(ASK))
    return line


class PickerScreen(TranslatedBindings, Screen[None]):
    """Who is leading their conference now? Click a name (or move and press Enter)."""

    BINDINGS = [
        Binding("ctrl+q", "app.quit", N_("Quit"), id="quit"),
        Binding("f2", "show_problems", N_("Problems (teacher)"), id="problems"),
        Binding("f3", "teacher_mode", N_("Teacher"), id="teacher-mode"),
        Binding("f6", "practice", N_("Practice"), id="practice"),
        Binding("escape", "stop_practice", N_("Stop practising"), id="stop-practice"),
    ]

    class ProblemsRequested(Message):
        """The teacher asked to see what is wrong in the class folder."""

    class TeacherRequested(Message):
        """The teacher asked for the teacher's desk (the app asks for the PIN first)."""

    @dataclass
    class StudentPicked(Message):
        """A student was chosen (to rehearse their conference, when ``practice``)."""

        student_id: str
        practice: bool = False

    #: Whether the next name picked rehearses their conference (nothing is saved).
    practising = False

    def __init__(
        self, title: str, subtitle: str, rows: list[PickerRow] | None, notice: str
    ) -> None:
        """``rows=None``: the list is still being read (it comes with :meth:`set_rows`)."""
        super().__init__(id="picker")
        self.title_text = title
        self.subtitle = subtitle
        self.rows = rows
        self.notice = notice

    def _post_register(self, app: App[Any]) -> None:
        """Registered with the app: the student list's stylesheet first (``ui/stylesheets.py``:
        it styles the student list)."""
        use_stylesheet(app, "picker.tcss")
        super()._post_register(app)

    def compose(self) -> ComposeResult:
        """Title, table of students, notices, footer."""
        with Vertical(id="picker-box"):
            with Horizontal(id="picker-top"):
                yield Static(plain(f"📚 {self.title_text}"), id="picker-title")
                yield Button(_("🎭 Practice (F6)"), id="practice", compact=True)
                yield Button(_("🍎 Teacher (F3)"), id="teacher-mode", compact=True)
            yield Static(plain(self.subtitle), id="picker-subtitle")
            yield Static(
                _(ASK) if self.rows is not None else _("Reading the class list…"),
                id="picker-ask",
            )
            yield Static(self._header(with_time=False), id="students-header")
            yield OptionList(id="students")
            yield Static(plain(self.notice), id="picker-notice")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Fill the list and focus it."""
        if self.rows is not None:
            self.set_rows(self.rows)
        self.query_one(OptionList).focus()

    @staticmethod
    def _row_table(name: str, grade: str, status: str, time: str | None = None) -> Table:
        """One line laid out in the picker's columns (the header)."""
        grid = _add_columns(Table.grid(expand=True, padding=(0, 1)), time is not None)
        grid.add_row(*([] if time is None else [Text(time)]), Text(name), Text(grade), Text(status))
        return grid

    @classmethod
    def _header(cls, with_time: bool) -> Table:
        """The column headings, in the language spoken now."""
        # TRANSLATORS: a column heading of the student list (the child's school year): 6
        # cells at most.
        grade = _("Grade")
        # TRANSLATORS: a column heading of the student list (when the child's conference
        # starts, on conference night): 7 cells at most.
        time = _("Time")
        return cls._row_table(_("Name"), grade, _("Status"), time if with_time else None)

    #: Whether the class folder has problems to show (the F2 key is offered only then).
    has_problems = False
    #: Who was last shown as next (the cursor moves to them only when that changes).
    _next_shown: str | None = None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """F2 only when there is something to show; Escape only while practising."""
        if action == "show_problems":
            return self.has_problems
        if action == "stop_practice":
            return self.practising
        return True

    def action_show_problems(self) -> None:
        """Ask the app for the problems report (it asks for the teacher PIN first)."""
        self.post_message(self.ProblemsRequested())

    @on(Button.Pressed, "#practice")
    def action_practice(self) -> None:
        """Practice on or off: the next name picked rehearses their whole conference, with
        their own portfolio, and nothing is saved."""
        self.practising = not self.practising
        self._show_practice()

    def action_stop_practice(self) -> None:
        """Escape: back to real conferences."""
        if self.practising:
            self.action_practice()

    def _show_practice(self) -> None:
        self.set_class(self.practising, "-practising")
        button = self.query_one("#practice", Button)
        button.label = _("✕ Stop practice") if self.practising else _("🎭 Practice (F6)")
        ask = self.query_one("#picker-ask", Static)
        if self.practising:
            ask.update(_("🎭 Practice: who wants to rehearse? Pick your name. Nothing is saved."))
        elif self.rows is not None:
            self.set_rows(self.rows)
        self.refresh_bindings()

    @on(Button.Pressed, "#teacher-mode")
    def action_teacher_mode(self) -> None:
        """Ask the app for the teacher's desk."""
        self.post_message(self.TeacherRequested())

    def show_heading(self, title: str, subtitle: str) -> None:
        """Show the class's name and the line under it (the teacher may have changed them)."""
        self.title_text, self.subtitle = title, subtitle
        for line in self.query("#picker-title").results(Static):
            line.update(plain(f"📚 {title}"))
        for line in self.query("#picker-subtitle").results(Static):
            line.update(plain(subtitle))

    def show_notice(self, notice: str) -> None:
        """Replace the note under the list (where results are saved, what went wrong)."""
        self.notice = notice
        for line in self.query("#picker-notice").results(Static):
            line.update(plain(notice))

    def set_rows(self, rows: list[PickerRow]) -> None:
        """Show ``rows`` (after a conference, statuses change); one click opens a student.

        The cursor stays on the child it was on (the list may have lost or gained a child
        above: the class read in full after its index, a portfolio edited). On conference
        night (rows with times) a time column shows, the cursor moves to whoever has just
        become next, and the line above the list names them.
        """
        self.rows = rows
        with_time = any(row.time is not None for row in rows)
        students = self.query_one(OptionList)
        highlighted = students.highlighted
        if highlighted is not None:
            on_id = students.get_option_at_index(highlighted).id
            highlighted = next(
                (i for i, row in enumerate(rows) if row.student.id == on_id), highlighted
            )
        students.clear_options()
        badges = {status: _(badge) for status, badge in STATUS_BADGES.items()}
        students.add_options(
            Option(
                StudentRow(
                    row.student.name,
                    row.student.grade,
                    badges[row.status],
                    _time_cell(row) if with_time else None,
                ),
                id=row.student.id,
            )
            for row in rows
        )
        self.query_one("#students-header", Static).update(self._header(with_time))
        # (the language may have changed since the list was made: the teacher can change it)
        self.query_one("#teacher-mode", Button).label = _("🍎 Teacher (F3)")
        self.refresh_bindings()
        if self.practising:
            self.call_after_refresh(self._show_practice)
        upcoming = next((i for i, row in enumerate(rows) if row.next), None)
        if upcoming is not None and _next_id(rows) != self._next_shown:
            highlighted = upcoming
        self._next_shown = _next_id(rows)
        ask = self.query_one("#picker-ask", Static)
        if rows:
            students.highlighted = min(highlighted or 0, len(rows) - 1)
            ask.update(_(ASK) if upcoming is None else _next_line(rows[upcoming]))
        else:
            ask.update(_("No students yet: add portfolios to the class folder (see its README)."))

    @on(OptionList.OptionSelected, "#students")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.post_message(self.StudentPicked(event.option.id, self.practising))
