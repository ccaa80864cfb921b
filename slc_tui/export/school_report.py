"""The class report a teacher files after conference night, as plain typed data and the
words it says; :mod:`slc_tui.export.school_report_pdf` draws it.

A :class:`SchoolReport` holds one :class:`ReportChild` per child; its properties sort them
into the report's three sections: the follow-up requests, every child with a conference
this term (or a results file that cannot be read), and the children with none yet.
"""

from __future__ import annotations

from dataclasses import dataclass

from slc_tui.export.dates import format_long_date
from slc_tui.export.document import GoalPlan

__all__ = ["ReportChild", "SchoolReport", "minutes_text", "status_text"]

# The words of the report (English for now; each a whole label with named fields).
TITLE = "{name}: conference report"
SUBTITLE_TEACHER = "Teacher: {teacher}"
SUBTITLE_TERM = "Term: {term}"
SUBTITLE_MADE = "Made on {day}"
SEPARATOR = " · "
SUMMARY = "{children} children: {done} done, {in_progress} in progress, {not_started} not started"
SUMMARY_UNREADABLE = "{count} with a results file that cannot be read"
SUMMARY_FOLLOW_UPS = "{open} follow-up(s) open, {done} done"
PAGE = "page {page} of {pages}"
LANGUAGE = "en"

FOLLOW_UPS = "Follow-up requests"
FOLLOW_UPS_INTRO = (
    "Families who asked for a private follow-up with the teacher. The record says only that"
    " they asked, never what about."
)
FOLLOW_UPS_NONE = "No family asked for a private follow-up."
FOLLOW_UP_COLUMNS = ("Child", "ID", "Grade", "Request", "Asked on", "Conference")
FOLLOW_UP_STATES = {"open": "open", "done": "done (handled)"}

EVERY_CHILD = "Every child"
EVERY_CHILD_INTRO = "Each child's latest conference this term: its day, length, goals and"
EVERY_CHILD_INTRO += " what the family will do at home."
EVERY_CHILD_NONE = "No child has a conference this term yet."
GRADE = "Grade {grade}"
STUDENT_ID = "ID {student_id}"
NO_PORTFOLIO = "no portfolio in the class folder"
FOLLOW_UP_ASKED = "follow-up {state}"
UNREADABLE = "The results file cannot be read: {problem}"
GOALS = "Goals"
GOALS_NONE = "No goals were saved."
GOAL_HOW = "How: {how}"
GOAL_BY = "By: {by}"
GOAL_AT_HOME = "At home: {at_home}"
AT_HOME = "At home"
AT_HOME_NONE = "Nothing was saved."

NOT_STARTED = "No conference yet"
NOT_STARTED_INTRO = "Children with no conference this term."
NOT_STARTED_NONE = "Every child has had a conference this term."
NOT_STARTED_COLUMNS = ("Child", "ID", "Grade", "Last conference")

STATUS = {
    "done": "Done",
    "in progress": "In progress (not finished)",
    "not started": "Not started",
    "unreadable": "Results file cannot be read",
}
MINUTES = "{minutes} min"


@dataclass(frozen=True)
class ReportChild:
    """One child as the report shows them (all text as saved; "" when not known)."""

    student_id: str
    name: str
    grade: str = ""
    #: This term's conference: "not started", "in progress", "done" or "unreadable".
    status: str = "not started"
    #: The latest conference (any term): its day (``YYYY-MM-DD``) and length.
    day: str = ""
    minutes: int | None = None
    #: The newest request for a private follow-up: "none", "open" or "done".
    follow_up: str = "none"
    follow_up_day: str = ""
    goals: tuple[GoalPlan, ...] = ()
    #: What the family will do at home overall, one line each.
    at_home: tuple[str, ...] = ()
    in_class: bool = True
    #: Why the results file cannot be read ("" when it can).
    problem: str = ""


@dataclass(frozen=True)
class SchoolReport:
    """The whole report: the class, when it was made, and every child."""

    class_name: str
    teacher: str = ""
    term: str = ""
    #: The day the report was made, ``YYYY-MM-DD``.
    made_on: str = ""
    #: ``a4`` or ``letter``.
    paper: str = "a4"
    children: tuple[ReportChild, ...] = ()
    #: Problems that are no one child's (the follow-up marks could not be read …).
    notes: tuple[str, ...] = ()

    @property
    def follow_ups(self) -> list[ReportChild]:
        """The children whose family asked for a follow-up: open ones first, then by name."""
        asked = [child for child in self.children if child.follow_up in FOLLOW_UP_STATES]
        return sorted(asked, key=lambda c: (c.follow_up != "open", *_by_name(c)))

    @property
    def with_conference(self) -> list[ReportChild]:
        """Every child with a conference this term, or whose results cannot be read, by name."""
        shown = [child for child in self.children if child.status != "not started"]
        return sorted(shown, key=_by_name)

    @property
    def not_started(self) -> list[ReportChild]:
        """The children with no conference this term, by name."""
        waiting = [child for child in self.children if child.status == "not started"]
        return sorted(waiting, key=_by_name)

    @property
    def title(self) -> str:
        """The report's title."""
        return TITLE.format(name=self.class_name)

    @property
    def subtitle(self) -> str:
        """Teacher · term · made on DAY (the parts that are known)."""
        parts = [
            SUBTITLE_TEACHER.format(teacher=self.teacher) if self.teacher else "",
            SUBTITLE_TERM.format(term=self.term) if self.term else "",
            SUBTITLE_MADE.format(day=format_long_date(self.made_on)) if self.made_on else "",
        ]
        return SEPARATOR.join(part for part in parts if part)

    @property
    def summary_lines(self) -> tuple[str, str]:
        """How many children, by status; how many follow-ups are open and done."""
        count = dict.fromkeys(STATUS, 0)
        for child in self.children:
            count[child.status] = count.get(child.status, 0) + 1
        children = SUMMARY.format(
            children=len(self.children),
            done=count["done"],
            in_progress=count["in progress"],
            not_started=count["not started"],
        )
        if count["unreadable"]:
            children += ", " + SUMMARY_UNREADABLE.format(count=count["unreadable"])
        asked = [child.follow_up for child in self.children]
        follow_ups = SUMMARY_FOLLOW_UPS.format(open=asked.count("open"), done=asked.count("done"))
        return children, follow_ups

    @property
    def summary(self) -> str:
        """:attr:`summary_lines` on one line."""
        return SEPARATOR.join(self.summary_lines)


def status_text(child: ReportChild) -> str:
    """The child's status in words."""
    return STATUS.get(child.status, child.status)


def minutes_text(minutes: int | None) -> str:
    """``22 min``, or "" when the length is not known."""
    return "" if minutes is None else MINUTES.format(minutes=minutes)


def _by_name(child: ReportChild) -> tuple[str, str]:
    return child.name.casefold(), child.student_id
