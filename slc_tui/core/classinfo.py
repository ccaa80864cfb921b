"""``class.json``: the class's name, teacher, term, conference length and paper size."""

from __future__ import annotations

from typing import Any

from slc_tui.core.fast_dataclass import fast_dataclass
from slc_tui.core.fields import read_document, read_text, shown
from slc_tui.core.i18n import fill, is_language_code
from slc_tui.core.problems import ProblemList
from slc_tui.core.text import MAX_LINE_LENGTH

CLASS_FORMAT = "slc-class/1"
DEFAULT_MINUTES = 20
#: Paper sizes printed copies can be laid out for (``paper`` in ``class.json``).
PAPER_SIZES = ("a4", "letter")
DEFAULT_PAPER = "a4"
#: How the screens can look (``monochrome`` is what ``NO_COLOR`` gives too).
THEMES = ("standard", "high-contrast", "monochrome")
DEFAULT_THEME = "standard"


@fast_dataclass
class ClassInfo:
    """What ``class.json`` says about the class."""

    name: str
    teacher: str = ""
    term: str = ""
    minutes: int = DEFAULT_MINUTES
    language: str = "en"
    #: The paper printed copies are laid out for: ``a4`` or ``letter``.
    paper: str = DEFAULT_PAPER
    #: How the screens look: ``standard``, ``high-contrast`` or ``monochrome``.
    theme: str = DEFAULT_THEME

    def to_json(self) -> dict[str, Any]:
        """The ``class.json`` object for this class."""
        return {
            "format": CLASS_FORMAT,
            "name": self.name,
            "teacher": self.teacher,
            "term": self.term,
            "minutes": self.minutes,
            "language": self.language,
            "paper": self.paper,
            "theme": self.theme,
        }


def language_code_problem(code: str) -> str:
    """Why ``code`` is not a language code such as ``en`` or ``fr-CA`` ("" when it is)."""
    if is_language_code(code):
        return ""
    return fill("must be a language code such as en, es or fr-CA, not {found}", found=shown(code))


def parse_class_info(data: Any, problems: ProblemList) -> ClassInfo | None:
    """Build :class:`ClassInfo` from parsed ``class.json``, recording problems by field."""
    known = {"name", "teacher", "term", "minutes", "language", "paper", "theme"}
    obj = read_document(data, CLASS_FORMAT, known, problems)
    if obj is None:
        return None
    minutes = obj.get("minutes", DEFAULT_MINUTES)
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 5 <= minutes <= 120:
        problems.error(
            "minutes",
            fill(
                "must be a whole number of minutes from 5 to 120, not {found}", found=shown(minutes)
            ),
        )
        minutes = DEFAULT_MINUTES
    paper = obj.get("paper")
    if paper is None:
        paper = DEFAULT_PAPER
    elif paper not in PAPER_SIZES:
        problems.error("paper", fill('must be "a4" or "letter", not {found}', found=shown(paper)))
        paper = DEFAULT_PAPER
    theme = obj.get("theme")
    if theme is None:
        theme = DEFAULT_THEME
    elif theme not in THEMES:
        choices = ", ".join(f'"{name}"' for name in THEMES)
        problems.warning(
            "theme",
            fill("must be one of {choices}, not {found}", choices=choices, found=shown(theme)),
        )
        theme = DEFAULT_THEME
    name = read_text(obj, "name", "", problems, required=True, max_length=MAX_LINE_LENGTH)
    language = read_text(obj, "language", "", problems, max_length=20).strip() or "en"
    if why := language_code_problem(language):
        problems.warning("language", why)
        language = "en"
    return ClassInfo(
        name=name.strip() or "My class",
        teacher=read_text(obj, "teacher", "", problems, max_length=MAX_LINE_LENGTH).strip(),
        term=read_text(obj, "term", "", problems, max_length=MAX_LINE_LENGTH).strip(),
        minutes=minutes,
        language=language,
        paper=paper,
        theme=theme,
    )
