"""``welcome``: the child introduces themself and what kind of learner they are."""

from __future__ import annotations

from textual.app import ComposeResult

from slc_tui.core.i18n import N_, _, fill
from slc_tui.ui.steps.base import StepBody
from slc_tui.ui.widgets.talking_points import TalkingPoints

#: Each grade's name (one message each: schools name their years in their own ways).
GRADE_NAMES = {
    "K": N_("Kindergarten"),
    "1": N_("Grade 1"),
    "2": N_("Grade 2"),
    "3": N_("Grade 3"),
    "4": N_("Grade 4"),
    "5": N_("Grade 5"),
    "6": N_("Grade 6"),
    "7": N_("Grade 7"),
    "8": N_("Grade 8"),
    "9": N_("Grade 9"),
    "10": N_("Grade 10"),
    "11": N_("Grade 11"),
    "12": N_("Grade 12"),
}


class WelcomeStep(StepBody):
    """Hello, who I am, how I learn best."""

    #: The first step painted needs nothing beyond the app's ``slc.tcss``.
    STYLESHEET = ""

    def headline(self) -> str:
        """Greets the child by name."""
        name = self.conference.portfolio.student.first_name
        return fill("👋 Hello! I'm {name}. Welcome to my conference.", name=name)

    def compose(self) -> ComposeResult:
        """About me, then a box for anything else said."""
        student = self.conference.portfolio.student
        info = self.conference.class_info
        known = GRADE_NAMES.get(student.grade)  # (a portfolio's grade is K or 1-12)
        grade = _(known) if known else student.grade
        if info.teacher:
            # TRANSLATORS: "Grade 1, Room 12 — Maple Class with Ms. Okafor"
            where = fill(
                "{grade}, {class_name} with {teacher}",
                grade=grade,
                class_name=info.name,
                teacher=info.teacher,
            )
        else:
            where = fill("{grade}, {class_name}", grade=grade, class_name=info.name)
        points = [(_("I am in"), where)]
        if student.learner:
            points.append((_("What kind of learner I am"), student.learner))
        points.append(
            (_("Today I will show you"), _("my best work, what I am good at, and my goals"))
        )
        yield TalkingPoints(points, title=_("About me"))
        yield self.notes_box(_("Anything else I want to say about me (optional)"))
