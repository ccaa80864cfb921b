"""The class report a teacher files after conference night, as plain typed data and the
words it says; :mod:`slc_tui.export.school_report_pdf` draws it.

A :class:`SchoolReport` holds one :class:`ReportChild` per child; its properties sort them
into the report's three sections: the follow-up requests, every child with a conference
this term (or a results file that cannot be read), and the children with none yet.
"""

from __future__ import annotations

from dataclasses import dataclass

from slc_tui.core.i18n import ENGLISH, N_, Translation
from slc_tui.export.dates import format_long_date
from slc_tui.export.document import GoalPlan

__all__ = [
    "ReportChild",
    "SchoolReport",
    "follow_up_state_text",
    "minutes_text",
    "short_status_text",
    "status_text",
]

# The words of the report: each a whole label with named fields, written in English and only
# marked here (N_); the report is translated with its own Translation (``SchoolReport.language``,
# the class's), never the active one, since it is made in a worker. It speaks of the families
# and children to the teacher and the school.
TITLE = N_("{name}: conference report")
SUBTITLE_TEACHER = N_("Teacher: {teacher}")
SUBTITLE_TERM = N_("Term: {term}")
SUBTITLE_MADE = N_("Made on {day}")
SEPARATOR = " · "
SUMMARY_UNREADABLE = N_("{count} with a results file that cannot be read")
SUMMARY_FOLLOW_UPS = N_("{open} follow-up(s) open, {done} done")
# TRANSLATORS: the page footer of the class report, after the class's name.
PAGE = N_("page {page} of {pages}")

FOLLOW_UPS = N_("Follow-up requests")
FOLLOW_UPS_INTRO = N_(
    "Families who asked for a private follow-up with the teacher. The record says only that"
    " they asked, never what about."
)
FOLLOW_UPS_NONE = N_("No family asked for a private follow-up.")
# TRANSLATORS: the headings of the table of follow-up requests in the class report.
FOLLOW_UP_COLUMNS = (
    N_("Child"),
    N_("ID"),
    N_("Grade"),
    N_("Request"),
    N_("Asked on"),
    N_("Conference"),
)
# TRANSLATORS: a follow-up request, in the "Request" column of the class report.
FOLLOW_UP_STATES = {"open": N_("open"), "done": N_("done (handled)")}

EVERY_CHILD = N_("Every child")
EVERY_CHILD_INTRO = N_(
    "Each child's latest conference this term: its day, length, goals and"
    " what the family will do at home."
)
EVERY_CHILD_NONE = N_("No child has a conference this term yet.")
GRADE = N_("Grade {grade}")
STUDENT_ID = N_("ID {student_id}")
NO_PORTFOLIO = N_("{name} (no portfolio in the class folder)")
# TRANSLATORS: in a child's line of the class report: their family asked for a follow-up.
FOLLOW_UP_ASKED = {"open": N_("follow-up open"), "done": N_("follow-up done")}
UNREADABLE = N_("The results file cannot be read: {problem}")
GOALS = N_("Goals")
GOALS_NONE = N_("No goals were saved.")
GOAL_HOW = N_("How: {how}")
GOAL_BY = N_("By: {by}")
GOAL_AT_HOME = N_("At home: {at_home}")
AT_HOME = N_("At home")
AT_HOME_NONE = N_("Nothing was saved.")

NOT_STARTED = N_("No conference yet")
NOT_STARTED_INTRO = N_("Children with no conference this term.")
NOT_STARTED_NONE = N_("Every child has had a conference this term.")
# TRANSLATORS: the headings of the table of children with no conference yet.
NOT_STARTED_COLUMNS = (N_("Child"), N_("ID"), N_("Grade"), N_("Last conference"))

STATUS = {
    "done": N_("Done"),
    "in progress": N_("In progress (not finished)"),
    "not started": N_("Not started"),
    "unreadable": N_("Results file cannot be read"),
}
# TRANSLATORS: a conference's status in the "Conference" column of the follow-up requests.
SHORT_STATUS = {
    "done": N_("done"),
    "in progress": N_("in progress"),
    "not started": N_("not started"),
    "unreadable": N_("unreadable"),
}
MINUTES = N_("{minutes} min")


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
    #: The language the report speaks (the class's).
    language: Translation = ENGLISH

    def words(self, message: str) -> str:
        """``message`` (one of the words above) in the report's language."""
        return self.language.gettext(message)

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
        return self.language.fill(TITLE, name=self.class_name)

    @property
    def subtitle(self) -> str:
        """Teacher · term · made on DAY (the parts that are known)."""
        t = self.language
        made_on = format_long_date(self.made_on, t)
        parts = [
            t.fill(SUBTITLE_TEACHER, teacher=self.teacher) if self.teacher else "",
            t.fill(SUBTITLE_TERM, term=self.term) if self.term else "",
            t.fill(SUBTITLE_MADE, day=made_on) if self.made_on else "",
        ]
        return SEPARATOR.join(part for part in parts if part)

    @property
    def summary_lines(self) -> tuple[str, str]:
        """How many children, by status; how many follow-ups are open and done."""
        count = dict.fromkeys(STATUS, 0)
        for child in self.children:
            count[child.status] = count.get(child.status, 0) + 1
        t = self.language
        children = t.nfill(
            "{children} children: {done} done, {in_progress} in progress,"
            " {not_started} not started",
            "{children} children: {done} done, {in_progress} in progress,"
            " {not_started} not started",
            len(self.children),
            children=len(self.children),
            done=count["done"],
            in_progress=count["in progress"],
            not_started=count["not started"],
        )
        if count["unreadable"]:
            children += ", " + t.fill(SUMMARY_UNREADABLE, count=count["unreadable"])
        asked = [child.follow_up for child in self.children]
        follow_ups = t.fill(SUMMARY_FOLLOW_UPS, open=asked.count("open"), done=asked.count("done"))
        return children, follow_ups


def status_text(child: ReportChild, language: Translation = ENGLISH) -> str:
    """The child's status in words of ``language``."""
    found = STATUS.get(child.status)
    return language.gettext(found) if found is not None else child.status


def short_status_text(child: ReportChild, language: Translation = ENGLISH) -> str:
    """The child's status in a word or two (``done``, ``in progress``), in ``language``."""
    found = SHORT_STATUS.get(child.status)
    return language.gettext(found) if found is not None else child.status


def follow_up_state_text(child: ReportChild, language: Translation = ENGLISH) -> str:
    """The child's follow-up request (``open``, ``done (handled)``), in ``language``."""
    found = FOLLOW_UP_STATES.get(child.follow_up)
    return language.gettext(found) if found is not None else child.follow_up


def minutes_text(minutes: int | None, language: Translation = ENGLISH) -> str:
    """``22 min``, or "" when the length is not known."""
    return "" if minutes is None else language.fill(MINUTES, minutes=minutes)


def _by_name(child: ReportChild) -> tuple[str, str]:
    return child.name.casefold(), child.student_id
