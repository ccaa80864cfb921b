"""Editing goals: what I want to learn, how I'll get there, and by when."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Static

from slc_tui.core.portfolio import Goal
from slc_tui.core.text import MAX_LINE_LENGTH


class GoalRow(Grid):
    """One goal: what, how and by when, and a remove button, in a framed grid.

    The three labels are one Static beside the three boxes (a goal is built with six widgets,
    not eleven: the goals step is built while the family waits).
    """

    DEFAULT_CSS = """
    GoalRow {
        height: auto;
        border: round $primary 50%;
        padding: 0 1;
        grid-size: 3 3;
        grid-columns: 19 1fr 5;
        grid-rows: 1;
        grid-gutter: 1 0;
    }
    GoalRow > .goal-labels { row-span: 3; height: 5; padding-right: 1; }
    GoalRow > Input { background: $boost; }
    GoalRow > Input:focus { background: $primary 30%; }
    GoalRow > .goal-how { column-span: 2; }
    GoalRow > .goal-by { width: 14; }
    GoalRow > Button { min-width: 5; width: 5; }
    """

    def __init__(self, goal: Goal, number: int) -> None:
        super().__init__()
        self.goal = goal
        self.border_title = f"🎯 Goal {number}"

    def compose(self) -> ComposeResult:
        """Labels, then the goal, remove, how and by, in grid order."""
        yield Static("My goal\n\nHow I'll get there\n\nBy (YYYY-MM)", classes="goal-labels")
        yield Input(
            self.goal.goal,
            placeholder="What I want to get better at",
            max_length=MAX_LINE_LENGTH,
            classes="goal-text",
            compact=True,
            select_on_focus=False,
        )
        yield Button("✕", classes="remove-goal", tooltip="Remove this goal", compact=True)
        yield Input(
            self.goal.how,
            placeholder="What I will do",
            max_length=MAX_LINE_LENGTH * 2,
            classes="goal-how",
            compact=True,
            select_on_focus=False,
        )
        yield Input(
            self.goal.by,
            placeholder="2027-03",
            max_length=10,
            classes="goal-by",
            compact=True,
            select_on_focus=False,
        )

    def value(self) -> Goal:
        """The goal as typed now."""
        return Goal(
            self.query_one(".goal-text", Input).value,
            self.query_one(".goal-how", Input).value,
            self.query_one(".goal-by", Input).value,
        )


class GoalEditor(Vertical):
    """All goals, with an "add a goal" button; posts :class:`GoalEditor.Changed`."""

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

    def __init__(self, goals: list[Goal], *, max_goals: int = 5, id: str | None = None) -> None:
        super().__init__(id=id)
        self.initial_goals = goals
        self.max_goals = max_goals

    def compose(self) -> ComposeResult:
        """One row per goal and the add button."""
        for number, goal in enumerate(self.initial_goals, start=1):
            yield GoalRow(goal, number)
        yield Button("+ Add a goal", id="add-goal", compact=True)

    @property
    def goals(self) -> list[Goal]:
        """The goals as typed now."""
        return [row.value() for row in self.query(GoalRow)]

    def _renumber(self) -> None:
        for number, row in enumerate(self.query(GoalRow), start=1):
            row.border_title = f"🎯 Goal {number}"

    @on(Button.Pressed, "#add-goal")
    async def _add(self, event: Button.Pressed) -> None:
        event.stop()
        rows = list(self.query(GoalRow))
        if len(rows) >= self.max_goals:
            self.notify(f"{self.max_goals} goals is plenty!")
            return
        row = GoalRow(Goal(""), len(rows) + 1)
        await self.mount(row, before=self.query_one("#add-goal"))
        row.query_one(".goal-text", Input).focus()

    @on(Button.Pressed, ".remove-goal")
    async def _remove(self, event: Button.Pressed) -> None:
        event.stop()
        rows = list(self.query(GoalRow))
        for ancestor in event.button.ancestors:
            if isinstance(ancestor, GoalRow):
                index = rows.index(ancestor)
                await ancestor.remove()
                self._renumber()
                self.post_message(self.Changed(self, self.goals, removed=index))
                return

    @on(Input.Changed)
    def _edited(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(self, self.goals))
