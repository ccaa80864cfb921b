"""``welcome``: the child introduces themself and what kind of learner they are."""

from __future__ import annotations

from textual.app import ComposeResult

from slc_tui.ui.steps.base import StepBody
from slc_tui.ui.widgets.talking_points import TalkingPoints


class WelcomeStep(StepBody):
    """Hello, who I am, how I learn best."""

    def headline(self) -> str:
        """Greets the child by name."""
        name = self.conference.portfolio.student.first_name
        return f"👋 Hello! I'm {name}. Welcome to my conference."

    def compose(self) -> ComposeResult:
        """About me, then a box for anything else said."""
        student = self.conference.portfolio.student
        info = self.conference.class_info
        grade = "Kindergarten" if student.grade == "K" else f"Grade {student.grade}"
        points = [
            ("I am in", f"{grade}, {info.name}" + (f" with {info.teacher}" if info.teacher else ""))
        ]
        if student.learner:
            points.append(("What kind of learner I am", student.learner))
        points.append(("Today I will show you", "my best work, what I am good at, and my goals"))
        yield TalkingPoints(points, title="About me")
        yield self.notes_box("Anything else I want to say about me (optional)")
