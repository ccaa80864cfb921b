"""``goals``: goals for next term and how the child will reach them."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input

from slc_tui.core.i18n import N_, fill
from slc_tui.ui.messages import ItemRemoved
from slc_tui.ui.steps.base import StepBody
from slc_tui.ui.widgets.goal_editor import GoalEditor


class GoalsStep(StepBody):
    """Edit, add and remove goals."""

    HEADLINE = N_("🎯 My goals for next term, and how I'll get there")

    def compose(self) -> ComposeResult:
        """The goal editor, scrollable."""
        with VerticalScroll(id="goals-scroll", can_focus=False):
            yield GoalEditor(
                list(self.conference.goals), self.context.clock().date(), id="goal-editor"
            )

    def spoken_text(self) -> str:
        """Each goal and how the child will get there."""
        return "\n".join(
            f"{goal.goal}. {goal.how}" if goal.how else goal.goal
            for goal in self.conference.goals
            if goal.goal
        )

    def main_box(self) -> Input | None:
        """The first goal's text (the editor always shows at least one goal)."""
        for box in self.query(".goal-text").results(Input):
            return box
        return None

    @on(GoalEditor.Changed, "#goal-editor")
    def _goals_changed(self, event: GoalEditor.Changed) -> None:
        removed = None if event.removed is None else self.conference.remove_goal(event.removed)
        self.conference.set_goals(event.goals)
        self.edited()
        if removed is None:
            return
        editor = event.editor

        async def undo() -> None:
            index = self.conference.restore_goal(removed)
            await editor.put_back(index, removed.goal)

        what = removed.goal.goal or fill("Goal {number}", number=removed.index + 1)
        self.post_message(ItemRemoved(what, undo))
