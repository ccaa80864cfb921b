"""Reading the families' requests for conference night from a spreadsheet's CSV.

Columns (the first row names them; case, spaces and punctuation do not matter): the child's
student id (``ID``, ``Student ID``…) or name (``Name``, ``Student``, or first and last name),
and any of ``Family`` (a family id: brothers and sisters share it), ``Time`` (``15:00``,
``15:00-16:30``, ``3pm``…) and ``Private`` (``yes``/``no``, ``true``, ``1``, ``x``). The file is
read as class lists are (see :mod:`.roster`): ``,``, ``;`` or tab; UTF-8, UTF-16 or
Windows-1252. Every row with something in it becomes a request or a :class:`BadRow`.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from slc_tui.core.fields import is_valid_id
from slc_tui.core.i18n import _, fill, number_text
from slc_tui.core.roster import BadRow, csv_file_text, csv_records
from slc_tui.core.roster_columns import find_columns, heading_key
from slc_tui.core.schedule import Child, Request
from slc_tui.core.schedule_file import MAX_ENTRIES, MAX_FAMILY_LENGTH
from slc_tui.core.schedule_times import TimeRange, parse_requested
from slc_tui.core.text import MAX_LINE_LENGTH, clean_line, printable

FAMILY_HEADINGS = frozenset(
    {"family", "familyid", "familycode", "familynumber", "household", "householdid"}
)
TIME_HEADINGS = frozenset(
    {"time", "times", "requestedtime", "requested", "preferredtime", "when", "availability"}
)
PRIVATE_HEADINGS = frozenset(
    {"private", "privatetalk", "privatemeeting", "privateconference", "privatechat"}
)
_YES = frozenset({"yes", "y", "true", "1", "x", "✓", "✔"})
_NO = frozenset({"", "no", "n", "false", "0", "-"})


@dataclass(frozen=True)
class RequestRow:
    """One row of the requests file: whose (an id, or a name) and what was asked."""

    line: int
    student_id: str
    name: str
    family: str = ""
    window: TimeRange | None = None
    private: bool = False


@dataclass(frozen=True)
class RequestsFile:
    """The rows read, and the rows (or, at line 0, the whole file) that could not be."""

    rows: tuple[RequestRow, ...] = ()
    bad: tuple[BadRow, ...] = ()


@dataclass(frozen=True)
class _Columns:
    student_id: int | None
    name: int | None
    first: int | None
    last: int | None
    family: int | None
    time: int | None
    private: int | None


def read_requests(raw: bytes) -> RequestsFile:
    """Read the bytes of a requests file. Never raises: every problem is a :class:`BadRow`."""
    text, problem = csv_file_text(raw)
    if problem:
        return RequestsFile(bad=(BadRow(0, problem),))
    records = csv_records(text)
    try:
        heading_line, headings = next(
            ((line, cells) for line, cells in records if any(c.strip() for c in cells)), (0, [])
        )
    except csv.Error as error:
        return RequestsFile(bad=(BadRow(0, fill("cannot be read as CSV ({error})", error=error)),))
    if not headings:
        empty = _("is empty: the first row should name the columns")
        return RequestsFile(bad=(BadRow(0, empty),))
    columns, missing = _columns(headings)
    if columns is None:
        return RequestsFile(bad=(BadRow(heading_line, missing),))
    return _rows(records, columns)


def _columns(headings: Sequence[str]) -> tuple[_Columns | None, str]:
    keys = [heading_key(heading) for heading in headings]

    def first_of(names: frozenset[str]) -> int | None:
        return next((n for n, key in enumerate(keys) if key in names), None)

    family = first_of(FAMILY_HEADINGS)  # "Family" is a family id here, not a surname
    others = [heading if n != family else "" for n, heading in enumerate(headings)]
    found = find_columns(others)
    columns = _Columns(
        found.student_id,
        found.name,
        found.first,
        found.last,
        family,
        first_of(TIME_HEADINGS),
        first_of(PRIVATE_HEADINGS),
    )
    shown = ", ".join(printable(h.strip(), max_length=40) for h in headings[:12] if h.strip())
    if columns.student_id is None and not found.has_names:
        return None, fill("no Student ID or Name column (found: {found})", found=shown)
    if columns.family is None and columns.time is None and columns.private is None:
        return None, fill("no Family, Time or Private column (found: {found})", found=shown)
    return columns, ""


def _rows(records: Iterator[tuple[int, list[str]]], columns: _Columns) -> RequestsFile:
    rows: list[RequestRow] = []
    bad: list[BadRow] = []
    line = 0
    try:
        for line, cells in records:
            if not any(cell.strip() for cell in cells):
                continue
            if len(rows) + len(bad) >= MAX_ENTRIES:
                reason = fill(
                    "has more than {limit} rows; a class holds at most that",
                    limit=number_text(MAX_ENTRIES),
                )
                return RequestsFile(bad=(BadRow(0, reason),))
            found = _row(line, cells, columns)
            if isinstance(found, BadRow):
                bad.append(found)
            else:
                rows.append(found)
    except csv.Error as error:
        reason = fill("cannot be read as CSV from here on ({error})", error=error)
        bad.append(BadRow(line + 1, reason))
    return RequestsFile(tuple(rows), tuple(bad))


def _cell(cells: list[str], position: int | None) -> str:
    if position is None or position >= len(cells):
        return ""
    return clean_line(cells[position], max_length=4 * MAX_LINE_LENGTH)


def _row(line: int, cells: list[str], columns: _Columns) -> RequestRow | BadRow:
    reasons: list[str] = []
    id_text = _cell(cells, columns.student_id)
    student_id = id_text.casefold()
    if student_id and not is_valid_id(student_id):
        reasons.append(fill("id {id} is not a student id", id=repr(id_text[:70])))
    name = _cell(cells, columns.name) or " ".join(
        filter(None, (_cell(cells, columns.first), _cell(cells, columns.last)))
    )
    if not student_id and not name:
        reasons.append(_("no student id or name"))
    family = _cell(cells, columns.family)
    if len(family) > MAX_FAMILY_LENGTH:
        reasons.append(
            fill("the family id is longer than {limit} characters", limit=MAX_FAMILY_LENGTH)
        )
    window = None
    try:
        window = parse_requested(_cell(cells, columns.time))
    except ValueError as error:
        # TRANSLATORS: {problem} is what is wrong with the time cell ("'25:00' is not a time
        # of day (from 00:00 to 23:59)").
        reasons.append(fill("time {problem}", problem=error))
    private_text = _cell(cells, columns.private)
    private = private_text.casefold() in _YES
    if not private and private_text.casefold() not in _NO:
        reasons.append(fill("private {value} is not yes or no", value=repr(private_text[:40])))
    if reasons:
        return BadRow(line, "; ".join(reasons))
    return RequestRow(line, student_id, name[:MAX_LINE_LENGTH], family, window, private)


def match_requests(
    found: RequestsFile, children: Sequence[Child]
) -> tuple[dict[str, Request], tuple[BadRow, ...]]:
    """Each child's request (by student id), and the rows that name no child of the class
    (or one named on an earlier row), with the file's own bad rows, in line order."""
    ids = {child.id for child in children}
    by_name: dict[str, list[str]] = {}
    for child in children:
        by_name.setdefault(_name_key(child.name), []).append(child.id)
    requests: dict[str, Request] = {}
    first_line: dict[str, int] = {}
    bad = list(found.bad)
    for row in found.rows:
        student_id, reason = _whose(row, ids, by_name)
        if not reason and student_id in first_line:
            reason = fill("{id} is also on line {line}", id=student_id, line=first_line[student_id])
        if reason:
            bad.append(BadRow(row.line, reason))
            continue
        first_line[student_id] = row.line
        requests[student_id] = Request(row.family, row.window, row.private)
    bad.sort(key=lambda row: row.line)
    return requests, tuple(bad)


def _whose(row: RequestRow, ids: set[str], by_name: dict[str, list[str]]) -> tuple[str, str]:
    """(the child's id, "") or ("", why the row names no one)."""
    if row.student_id:
        if row.student_id in ids:
            return row.student_id, ""
        return "", fill("no child with id {id} in the class", id=repr(row.student_id))
    same = by_name.get(_name_key(row.name), [])
    if len(same) == 1:
        return same[0], ""
    if not same:
        return "", fill("no child called {name} in the class", name=row.name)
    return "", fill(
        "{count} children are called {name}: give their student id",
        count=len(same),
        name=row.name,
    )


def _name_key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())
