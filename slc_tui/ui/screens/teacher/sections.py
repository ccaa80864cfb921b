"""The sections of the teacher's desk, in the order its home screen lists them.

To add a section, add one :class:`TeacherSection` to :data:`SECTIONS`: the home screen
then shows its button and description, and binds its key (binding id ``teacher-<id>``).
``screen`` builds the section's screen from the class session (import the screen inside
it, so the desk opens without loading every section); the screen is pushed over the home
screen, and Escape in it should ``dismiss()`` back there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.screen import Screen

from slc_tui.session import ClassSession


@dataclass(frozen=True)
class TeacherSection:
    """One section: ``id`` names its button and binding, ``key`` opens it from the home."""

    id: str
    key: str
    label: str
    description: str
    screen: Callable[[ClassSession], Screen[None]]


def _overview(session: ClassSession) -> Screen[None]:
    from slc_tui.ui.screens.teacher.overview import OverviewScreen

    return OverviewScreen(session)


def _roster_import(session: ClassSession) -> Screen[None]:
    from slc_tui.ui.screens.teacher.roster_import import RosterImportScreen

    return RosterImportScreen(session)


def _prompts(session: ClassSession) -> Screen[None]:
    from slc_tui.ui.screens.teacher.prompts import PromptsScreen

    return PromptsScreen(session)


def _class_settings(session: ClassSession) -> Screen[None]:
    from slc_tui.ui.screens.teacher.class_settings import ClassSettingsScreen

    return ClassSettingsScreen(session)


def _students(session: ClassSession) -> Screen[None]:
    from slc_tui.ui.screens.teacher.students import StudentsScreen

    return StudentsScreen(session)


SECTIONS: tuple[TeacherSection, ...] = (
    TeacherSection(
        "overview",
        "o",
        "Overview",
        "Every child's conference: follow-ups first, commitments, records, export to CSV.",
        _overview,
    ),
    TeacherSection(
        "students",
        "s",
        "Students",
        "Add, rename, remove students; edit a portfolio: pieces, pictures, goals, prompts.",
        _students,
    ),
    TeacherSection(
        "roster",
        "r",
        "Roster import",
        "A class list from a spreadsheet (CSV) or OneRoster: a preview, then one portfolio each.",
        _roster_import,
    ),
    TeacherSection(
        "prompts",
        "p",
        "Prompts",
        "The Help prompts of each step, parent questions, ideas for home; the built-in ones.",
        _prompts,
    ),
    TeacherSection(
        "settings",
        "c",
        "Class settings",
        "Name, teacher, term, conference minutes and language.",
        _class_settings,
    ),
)
