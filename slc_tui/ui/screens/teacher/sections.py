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
from typing import Any

from textual.screen import Screen

from slc_tui.core.i18n import N_
from slc_tui.session import ClassSession


@dataclass(frozen=True)
class TeacherSection:
    """One section: ``id`` names its button and binding, ``key`` opens it from the home.
    ``label`` and ``description`` are marked with ``N_`` and translated where shown."""

    id: str
    key: str
    label: str
    description: str
    screen: Callable[[ClassSession], Screen[Any]]


def _overview(session: ClassSession) -> Screen[Any]:
    from slc_tui.ui.screens.teacher.overview import OverviewScreen

    return OverviewScreen(session)


def _roster_import(session: ClassSession) -> Screen[Any]:
    from slc_tui.ui.screens.teacher.roster_import import RosterImportScreen

    return RosterImportScreen(session)


def _prompts(session: ClassSession) -> Screen[Any]:
    from slc_tui.ui.screens.teacher.prompts import PromptsScreen

    return PromptsScreen(session)


def _class_settings(session: ClassSession) -> Screen[Any]:
    from slc_tui.ui.screens.teacher.class_settings import ClassSettingsScreen

    return ClassSettingsScreen(session)


def _students(session: ClassSession) -> Screen[Any]:
    from slc_tui.ui.screens.teacher.students import StudentsScreen

    return StudentsScreen(session)


SECTIONS: tuple[TeacherSection, ...] = (
    TeacherSection(
        "overview",
        "o",
        N_("Overview"),
        N_("Every child's conference: follow-ups first, commitments, records, export to CSV."),
        _overview,
    ),
    TeacherSection(
        "students",
        "s",
        N_("Students"),
        N_("Add, rename, remove students; edit a portfolio: pieces, pictures, goals, prompts."),
        _students,
    ),
    TeacherSection(
        "roster",
        "r",
        N_("Roster import"),
        N_(
            "A class list from a spreadsheet (CSV) or OneRoster: "
            "a preview, then one portfolio each."
        ),
        _roster_import,
    ),
    TeacherSection(
        "prompts",
        "p",
        N_("Prompts"),
        N_("The Help prompts of each step, parent questions, ideas for home; the built-in ones."),
        _prompts,
    ),
    TeacherSection(
        "settings",
        "c",
        N_("Class settings"),
        N_("Name, teacher, term, conference minutes and language."),
        _class_settings,
    ),
)
