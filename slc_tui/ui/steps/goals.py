"""``goals``: goals for next term and how the child will reach them."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll

from slc_tui.ui.steps.base import StepBody
from slc_tui.ui.widgets.goal_editor import GoalEditor


class GoalsStep(StepBody):
    """Edit, add and remove goals."""

    HEADLINE = "🎯 My goals for next term, and how I'll get there"

    def compose(self) -> ComposeResult:
        """The goal editor, scrollable."""
        with VerticalScroll(id="goals-scroll", can_focus=False):
            yield GoalEditor(list(self.conference.goals), id="goal-editor")

    @on(GoalEditor.Changed, "#goal-editor")
    def _goals_changed(self, event: GoalEditor.Changed) -> None:
        if event.removed is not None:
            self.conference.remove_goal(event.removed)
        self.conference.set_goals(event.goals)
        self.edited()
