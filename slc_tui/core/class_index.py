"""Who is in a class, read cheaply: each portfolio's ``student`` (id, name, grade) only.

The student list of a big class shows from this index; the portfolios are read in full
(pieces, pictures, every field checked: :func:`~slc_tui.core.class_folder.load_class_folder`)
afterwards. A portfolio is listed here when its file is a readable UTF-8 JSON file of the
portfolio format whose ``student`` is usable, read with the checks the full read makes of
it (:func:`~slc_tui.core.portfolio.parse_student`), so names and grades are the same. What
only the full read finds (a damaged piece list, JSON broken further down the file, a second
``student`` key) it reports, and the list then follows it.

Most portfolios begin ``{"format": "slc-portfolio/1", "student": {…}``: for those only
the ``student`` object is decoded, not the whole file (a tenth of the time). Any other
file is parsed whole.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from slc_tui.core.json_files import MAX_JSON_BYTES
from slc_tui.core.portfolio import PORTFOLIO_FORMAT, Student, parse_student
from slc_tui.core.problems import ProblemList

#: The usual start of a portfolio file, up to the value of its ``student`` key.
_USUAL_START = re.compile(
    r'\s*\{\s*"format"\s*:\s*"' + re.escape(PORTFOLIO_FORMAT) + r'"\s*,\s*"student"\s*:\s*'
)
_DECODER = json.JSONDecoder()


@dataclass(frozen=True)
class ListedStudent:
    """One portfolio file as the index read it: whose it is, and the file's name."""

    student: Student
    file: str


def list_students(folder: Path, limit: int) -> list[ListedStudent]:
    """The students of the portfolio files in ``folder`` (the first ``limit`` files by
    name, as the full read takes them), in name order; a student id met again in a later
    file (in that order) is left out, as the full read refuses it."""
    try:
        with os.scandir(folder) as entries:
            names = sorted(e.name for e in entries if e.name.endswith(".json") and _regular(e))
    except OSError:
        return []
    where = os.fspath(folder)
    listed = [found for name in names[:limit] if (found := _read_student(where, name))]
    listed.sort(key=lambda entry: (entry.student.name.casefold(), entry.file))
    seen: set[str] = set()
    unique = []
    for entry in listed:
        if entry.student.id not in seen:
            seen.add(entry.student.id)
            unique.append(entry)
    return unique


def _regular(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def _read_student(folder: str, name: str) -> ListedStudent | None:
    """The student of the portfolio file ``name`` in ``folder``, or None when it is not
    usable."""
    try:
        with open(os.path.join(folder, name), "rb") as handle:
            raw = handle.read()  # (read(limit) would allocate the limit for every file)
        if len(raw) > MAX_JSON_BYTES:
            return None
        text = raw.decode("utf-8-sig")
    except (OSError, ValueError):  # ValueError: not UTF-8
        return None
    value = _student_value(text)
    if not isinstance(value, dict):
        return None
    student = parse_student(value, ProblemList(name))
    return None if student is None else ListedStudent(student, name)


def _student_value(text: str) -> Any:
    """The value of the ``student`` key of a portfolio file's text (None if none)."""
    try:
        usual = _USUAL_START.match(text)
        if usual is not None:
            return _DECODER.raw_decode(text, usual.end())[0]
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or data.get("format") != PORTFOLIO_FORMAT:
        return None
    return data.get("student")
