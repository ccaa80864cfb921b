"""Editing goals: what I want to learn, how I'll get there, and by when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Input, Select, Static

from slc_tui.core.i18n import N_, _, fill, nfill
from slc_tui.core.portfolio import Goal
from slc_tui.core.text import MAX_LINE_LENGTH
from slc_tui.ui.plain_text import plain
from slc_tui.ui.widgets.month_picker import MonthPicker

#: A goal's frame title.
GOAL_TITLE = N_("🎯 Goal {number}")


def goal_title(number: int) -> Content:
    """The title on goal ``number``'s frame, in the active language."""
    return plain(fill(GOAL_TITLE, number=number))


class GoalRow(Grid):
    """One goal: what, how and by when, and a tall remove button, in a framed grid.

    The three labels are one Static beside the three controls (a goal is built with six
    widgets, not eleven: the goals step is built while the family waits).
    """

    DEFAULT_CSS = """
    GoalRow {
        height: auto;
        border: round $primary 50%;
        padding: 0 1;
        grid-size: 3 3;
        grid-columns: 19 1fr 7;
        grid-rows: 1;
        grid-gutter: 1 1;
    }
    GoalRow > .goal-labels { row-span: 3; height: 5; padding-right: 1; }
    GoalRow > Input { background: $boost; }
    GoalRow > Input:focus { background: $primary 30%; }
    GoalRow > .remove-goal { row-span: 3; height: 5; min-width: 7; width: 7; }
    GoalRow > .goal-by { width: 24; }
    """

    def __init__(self, goal: Goal, number: int, today: date) -> None:
        super().__init__()
        self.goal = goal
        self.today = today
        self.border_title = goal_title(number)

    def compose(self) -> ComposeResult:
        """Labels, the goal, remove, how and by, in grid order (the labels short: a child
        of five reads them, and each must fit its 18 cells in every language)."""
        labels = "\n\n".join((_("My goal"), _("How I'll get there"), _("By when")))
        yield Static(plain(labels), classes="goal-labels")
        yield Input(
            self.goal.goal,
            placeholder=_("What I want to get better at"),
            max_length=MAX_LINE_LENGTH,
            classes="goal-text",
            compact=True,
            select_on_focus=False,
        )
        yield Button("✕", classes="remove-goal", tooltip=plain(_("Remove this goal")))
        yield Input(
            self.goal.how,
            placeholder=_("What I will do"),
            max_length=MAX_LINE_LENGTH * 2,
            classes="goal-how",
            compact=True,
            select_on_focus=False,
        )
        yield MonthPicker(self.goal.by, self.today, classes="goal-by", compact=True)

    @property
    def text_box(self) -> Input:
        """The box for what the goal is."""
        return self.query_one(".goal-text", Input)

    def value(self) -> Goal:
        """The goal as typed now."""
        return Goal(
            self.text_box.value,
            self.query_one(".goal-how", Input).value,
            self.query_one(MonthPicker).month,
        )


class GoalEditor(Vertical):
    """All goals, with an "add a goal" button; posts :class:`GoalEditor.Changed`.

    With no goals yet it shows one empty goal to type into. Enter moves from a goal's text
    to its "how", then to its month; picking a month moves on to the next goal (from the
    last one, to "+ Add a goal").
    """

    DEFAULT_CSS = """
    GoalEditor { height: auto; }
    GoalEditor > #add-goal { margin-left: 1; }
    """

    @dataclass
    class Changed(Message):
        """The goals changed; ``goals`` is the whole list now.

        ``removed`` is the position of a goal just removed (so whatever belonged to it
        can go too), else None.
        """

        editor: GoalEditor
        goals: list[Goal]
        removed: int | None = None

        @property
        def control(self) -> GoalEditor:
            """The editor that changed (lets ``@on(..., "#id")`` match)."""
            return self.editor

    def __init__(
        self, goals: list[Goal], today: date, *, max_goals: int = 5, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.initial_goals = goals or [Goal("")]
        self.today = today
        self.max_goals = max_goals

    def compose(self) -> ComposeResult:
        """One row per goal and the add button."""
        for number, goal in enumerate(self.initial_goals, start=1):
            yield GoalRow(goal, number, self.today)
        yield Button(plain(_("+ Add a goal")), id="add-goal")

    @property
    def rows(self) -> list[GoalRow]:
        """The goal rows, in order."""
        return list(self.query(GoalRow))

    @property
    def goals(self) -> list[Goal]:
        """The goals as typed now."""
        return [row.value() for row in self.rows]

    def _renumber(self) -> None:
        for number, row in enumerate(self.rows, start=1):
            row.border_title = goal_title(number)

    def _row_of(self, widget: Widget) -> GoalRow | None:
        """The goal row holding ``widget``."""
        for ancestor in widget.ancestors_with_self:
            if isinstance(ancestor, GoalRow):
                return ancestor
        return None

    @on(Button.Pressed, "#add-goal")
    async def _add(self, event: Button.Pressed) -> None:
        event.stop()
        rows = self.rows
        if len(rows) >= self.max_goals:
            self.notify(nfill("{n} goal is plenty!", "{n} goals is plenty!", self.max_goals))
            return
        row = GoalRow(Goal(""), len(rows) + 1, self.today)
        await self.mount(row, before=self.query_one("#add-goal"))
        row.text_box.focus()

    async def put_back(self, index: int, goal: Goal) -> None:
        """Undo a removal: ``goal`` goes back at ``index`` and takes the keyboard."""
        if not self.is_attached:
            return
        rows = self.rows
        row = GoalRow(goal, index + 1, self.today)
        await self.mount(row, before=rows[index] if index < len(rows) else "#add-goal")
        self._renumber()
        row.text_box.focus()
        self.post_message(self.Changed(self, self.goals))

    @on(Button.Pressed, ".remove-goal")
    async def _remove(self, event: Button.Pressed) -> None:
        event.stop()
        rows = self.rows
        row = self._row_of(event.button)
        if row is None or row not in rows:
            return
        index = rows.index(row)
        rows.remove(row)
        await row.remove()
        self._renumber()
        # The keyboard goes to the goal now in its place, else the one before, else "add".
        if rows:
            rows[min(index, len(rows) - 1)].text_box.focus()
        else:
            self.query_one("#add-goal", Button).focus()
        self.post_message(self.Changed(self, self.goals, removed=index))

    @on(Input.Submitted)
    def _next_box(self, event: Input.Submitted) -> None:
        """Enter: from a goal's text to its "how", from "how" to its month."""
        event.stop()
        row = self._row_of(event.input)
        if row is None:
            return
        if event.input.has_class("goal-text"):
            row.query_one(".goal-how", Input).focus()
        else:
            row.query_one(MonthPicker).focus()

    @on(Select.Changed)
    def _month_picked(self, event: Select.Changed) -> None:
        """A month picked: on to the next goal's text (from the last, "+ Add a goal")."""
        event.stop()
        self.post_message(self.Changed(self, self.goals))
        row = self._row_of(event.select)
        if row is None or not event.select.has_focus:
            return
        rows = self.rows
        index = rows.index(row)
        if index + 1 < len(rows):
            rows[index + 1].text_box.focus()
        else:
            self.query_one("#add-goal", Button).focus()

    @on(Input.Changed)
    def _edited(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(self, self.goals))
