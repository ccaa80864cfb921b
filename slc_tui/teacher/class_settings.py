"""The class's settings as a form: name, teacher, term, minutes and language, as typed.

The form's values are text (what the editor's boxes hold); :func:`fill` puts them into the
``class.json`` document as they are, so a check names whatever is wrong (``minutes: must be
a whole number of minutes from 5 to 120, not 200``). :func:`save_settings` refuses what
``slc validate`` would refuse, and a language that is not a code, before writing anything.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from slc_tui.core.class_documents import ClassDocument
from slc_tui.core.classinfo import language_code_problem
from slc_tui.core.json_document import Refused
from slc_tui.core.problems import Problem
from slc_tui.teacher.class_files import save_class_settings

#: Languages offered by name (any other code can be typed).
LANGUAGES: tuple[tuple[str, str], ...] = (
    ("en", "English"),
    ("es", "Español"),
    ("fr", "Français"),
    ("de", "Deutsch"),
    ("pt", "Português"),
    ("it", "Italiano"),
    ("nl", "Nederlands"),
    ("pl", "Polski"),
    ("zh", "中文"),
)
MINUTES_HINT = "5 to 120"


@dataclass(frozen=True)
class SettingsForm:
    """The settings as the editor's boxes hold them."""

    name: str = ""
    teacher: str = ""
    term: str = ""
    minutes: str = ""
    language: str = ""


def form_of(document: ClassDocument) -> SettingsForm:
    """The document's settings as text (a value of the wrong type shown as JSON)."""
    data = document.data
    return SettingsForm(
        name=_as_text(data.get("name")),
        teacher=_as_text(data.get("teacher")),
        term=_as_text(data.get("term")),
        minutes=_as_text(data.get("minutes")),
        language=_as_text(data.get("language")),
    )


def fill(document: ClassDocument, form: SettingsForm) -> None:
    """Put every value of ``form`` into ``document``, as typed (minutes as a number when
    they are one)."""
    document.set_settings(
        name=form.name,
        teacher=form.teacher,
        term=form.term,
        minutes=form.minutes,
        language=form.language,
    )


def save_settings(document: ClassDocument, *, replace_changes: bool = False) -> tuple[Problem, ...]:
    """Check and write ``class.json``; its warnings. Raises Refused (naming the field) and
    writes nothing when a setting is wrong; ChangedOnDisk as ``save_class_settings``."""
    problems = [problem for problem in document.check().problems if problem.is_error]
    language = document.data.get("language")
    if isinstance(language, str) and (why := language_code_problem(language)):
        problems.append(Problem(document.label, "language", why))
    if problems:
        raise Refused(problems)
    return save_class_settings(document, replace_changes=replace_changes)


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)
