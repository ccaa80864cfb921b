"""What a class list's columns and grades are called: ``Student Name``, ``Surname``, ``KG``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

#: Column headings as they are compared: lowercase, without spaces and punctuation.
NAME_HEADINGS = frozenset(
    {
        "name",
        "names",
        "studentname",
        "fullname",
        "studentfullname",
        "student",
        "pupil",
        "pupilname",
        "learner",
        "learnername",
        "child",
        "childname",
        "displayname",
    }
)
FIRST_HEADINGS = frozenset(
    {
        "first",
        "firstname",
        "firstnames",
        "given",
        "givenname",
        "givennames",
        "forename",
        "forenames",
        "studentfirstname",
        "studentgivenname",
        "legalfirstname",
    }
)
LAST_HEADINGS = frozenset(
    {
        "last",
        "lastname",
        "surname",
        "family",
        "familyname",
        "studentlastname",
        "studentsurname",
        "studentfamilyname",
        "legallastname",
    }
)
GRADE_HEADINGS = frozenset(
    {
        "grade",
        "grades",
        "gradelevel",
        "gr",
        "studentgrade",
        "currentgrade",
        "year",
        "yearlevel",
        "yeargroup",
        "classlevel",
        "level",
    }
)
ID_HEADINGS = frozenset(
    {"id", "studentid", "pupilid", "idnumber", "studentnumber", "studentno", "slcid"}
)
#: Headings that together mark a OneRoster 1.1 ``users.csv``.
ONEROSTER_HEADINGS = frozenset({"sourcedid", "role", "givenname", "familyname"})

_PUNCTUATION = re.compile(r"[\s_\-.:#*()/\\'\"]+")
#: Grade words and codes (CEDS: KG, PK, TK, PR) that slc counts as kindergarten.
_KINDERGARTEN = frozenset(
    {
        "k",
        "kg",
        "kindergarten",
        "kinder",
        "kindy",
        "jk",
        "sk",
        "prep",
        "reception",
        "foundation",
        "pk",
        "prek",
        "tk",
        "pr",
        "preschool",
        "transitionalkindergarten",
    }
)
_GRADE_SPACES = re.compile(r"[\s_\-]+")
_GRADE_WORDS = re.compile(r"^(grade|gr|year|yr|y|class|level|std)\.?|(grade|year)$")
_ORDINAL = re.compile(r"^(\d{1,2})(st|nd|rd|th)?$")
_DECIMAL = re.compile(r"^(\d{1,2})\.0+$")


def heading_key(heading: str) -> str:
    """``heading`` as it is compared: ``"Student ID"`` and ``student_id`` are ``studentid``."""
    return _PUNCTUATION.sub("", heading.replace("\ufeff", "").casefold())


@dataclass(frozen=True)
class Columns:
    """Where each field of a class list is (column positions; None when absent)."""

    name: int | None = None
    first: int | None = None
    last: int | None = None
    grade: int | None = None
    student_id: int | None = None

    @property
    def has_names(self) -> bool:
        """True when some column holds names (whole, or first and/or last)."""
        return self.name is not None or self.first is not None or self.last is not None


def find_columns(headings: Sequence[str]) -> Columns:
    """The columns of a spreadsheet's class list (the first heading of each kind wins)."""
    found: dict[str, int] = {}
    kinds = (
        ("name", NAME_HEADINGS),
        ("first", FIRST_HEADINGS),
        ("last", LAST_HEADINGS),
        ("grade", GRADE_HEADINGS),
        ("student_id", ID_HEADINGS),
    )
    for position, heading in enumerate(headings):
        key = heading_key(heading)
        for kind, names in kinds:
            if key in names and kind not in found:
                found[kind] = position
    return Columns(**found)


def grade_from_text(text: str) -> str | None:
    """The slc grade (``K``, ``1`` … ``12``) that ``text`` names, or None.

    Understands ``3``, ``03``, ``3.0``, ``3rd``, ``Grade 3``, ``Year 3``, ``K``,
    ``Kindergarten`` and the CEDS codes OneRoster uses (``KG``, ``01`` … ``12``). Pre-K and
    transitional kindergarten (``PK``, ``TK``, ``PR``) count as K, the nearest grade slc has;
    ``0`` is K too.
    """
    value = _GRADE_SPACES.sub("", text.casefold())
    if value in _KINDERGARTEN:
        return "K"
    value = _GRADE_WORDS.sub("", value)
    if value in _KINDERGARTEN:
        return "K"
    match = _ORDINAL.fullmatch(value) or _DECIMAL.fullmatch(value)
    if match is None:
        return None
    number = int(match.group(1))
    if number == 0:
        return "K"
    return str(number) if number <= 12 else None
