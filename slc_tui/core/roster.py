"""Reading a class list: a spreadsheet's CSV, or a OneRoster 1.1 ``users.csv``.

Rows are counted as a spreadsheet shows them: the heading row is line 1, a cell holding a
line break does not start a new line, and empty rows count (and are skipped). Every row
with something in it becomes a :class:`RosterRow` or a :class:`BadRow` saying why not.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from slc_tui.core.fields import is_valid_id
from slc_tui.core.i18n import N_, _, fill, number_text
from slc_tui.core.roster_columns import (
    ONEROSTER_HEADINGS,
    Columns,
    find_columns,
    grade_from_text,
    heading_key,
)
from slc_tui.core.text import MAX_LINE_LENGTH, clean_line, printable

#: Larger files are refused before reading (a class list of 5,000 is well under 1 MiB).
MAX_ROSTER_BYTES = 10 * 1024 * 1024
#: More students than this in one list are refused (as many as a class folder holds).
MAX_ROSTER_ROWS = 5000
_DELIMITERS = (",", ";", "\t")
_WORKBOOKS = {
    b"PK\x03\x04": N_(
        "is an Excel workbook (.xlsx), not CSV: save it from the spreadsheet as CSV UTF-8"
    ),
    b"\xd0\xcf\x11\xe0": N_(
        "is an old Excel workbook (.xls), not CSV: save it from the spreadsheet as CSV UTF-8"
    ),
}

RosterKind = Literal["spreadsheet", "oneroster"]


@dataclass(frozen=True)
class RosterRow:
    """One student read from the list; ``student_id`` is "" when the list gives none."""

    line: int
    name: str
    grade: str
    student_id: str = ""


@dataclass(frozen=True)
class BadRow:
    """A row that cannot be imported, or (``line`` 0) the whole file, and why."""

    line: int
    reason: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "reason", printable(self.reason, max_length=500))

    def where(self, file: str) -> str:
        """``FILE:LINE: reason`` (``FILE: reason`` for the whole file)."""
        return f"{file}:{self.line}: {self.reason}" if self.line else f"{file}: {self.reason}"


@dataclass(frozen=True)
class Roster:
    """What a class list holds: students, bad rows, and rows that are not students."""

    kind: RosterKind = "spreadsheet"
    rows: tuple[RosterRow, ...] = ()
    bad: tuple[BadRow, ...] = ()
    #: Lines of OneRoster rows left out because they are not active students.
    skipped: tuple[int, ...] = field(default=())


def read_roster(raw: bytes) -> Roster:
    """Read a class list's bytes. Never raises: every problem becomes a :class:`BadRow`."""
    text, problem = csv_file_text(raw)
    if problem:
        return _refused(problem)
    records = csv_records(text)
    try:
        heading_line, headings = next(
            ((line, cells) for line, cells in records if any(c.strip() for c in cells)),
            (0, []),
        )
    except csv.Error as error:
        return _refused(fill("cannot be read as CSV ({error})", error=error))
    if not headings:
        return _refused(_("is empty: the first row should name the columns, e.g. Name,Grade"))
    keys = {heading_key(heading) for heading in headings}
    if keys >= ONEROSTER_HEADINGS:
        return _read_rows(records, _OneRosterReader(headings), "oneroster", heading_line)
    columns = find_columns(headings)
    missing = _missing_columns(columns, headings)
    if missing:
        return Roster(bad=(BadRow(heading_line, missing),))
    return _read_rows(records, _SpreadsheetReader(columns), "spreadsheet", heading_line)


def csv_file_text(raw: bytes) -> tuple[str, str]:
    """(the text, "") of a spreadsheet's CSV file, or ("", why it cannot be read as one): too
    large, an Excel workbook, or not text (see :func:`decode_roster`)."""
    if len(raw) > MAX_ROSTER_BYTES:
        return "", fill(
            "is too large ({size} bytes; the limit is {limit})",
            size=number_text(len(raw)),
            limit=number_text(MAX_ROSTER_BYTES),
        )
    for magic, refusal in _WORKBOOKS.items():
        if raw.startswith(magic):
            return "", _(refusal)
    return decode_roster(raw)


def decode_roster(raw: bytes) -> tuple[str, str]:
    """(the text, "") of a class list's bytes, or ("", why not).

    UTF-8 with or without a byte-order mark, UTF-16 with one (Excel's "Unicode text"), else
    Windows-1252 (what Excel writes as plain "CSV" on Windows).
    """
    try:
        if raw.startswith(codecs.BOM_UTF8):
            return raw[len(codecs.BOM_UTF8) :].decode("utf-8"), ""
        if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return raw.decode("utf-16"), ""
    except UnicodeDecodeError as error:
        return "", fill(
            "is not {encoding} text (bad bytes at offset {offset})",
            encoding=error.encoding.upper(),
            offset=error.start,
        )
    try:
        return raw.decode("utf-8"), ""
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), ""
    except UnicodeDecodeError as error:
        byte = f"0x{raw[error.start]:02X}"
        return "", fill(
            "is neither UTF-8 nor Windows-1252 text (byte {byte} at offset {offset}):"
            " save it from the spreadsheet as CSV UTF-8",
            byte=byte,
            offset=error.start,
        )


def _refused(reason: str) -> Roster:
    return Roster(bad=(BadRow(0, reason),))


def csv_records(text: str) -> Iterator[tuple[int, list[str]]]:
    """(line as a spreadsheet counts it, cells) of each row. A first line ``sep=;`` (which
    Excel reads and hides) sets the delimiter and is not counted."""
    first_line, _newline, rest = text.partition("\n")
    first_line = first_line.rstrip("\r")
    if first_line.casefold().startswith("sep=") and first_line[4:] in (*_DELIMITERS, "|"):
        delimiter, text = first_line[4:], rest
    else:
        delimiter = _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    yield from enumerate(reader, start=1)


def _sniff_delimiter(text: str) -> str:
    """The delimiter the heading row uses most: ``,``, ``;`` or tab (``,`` when none)."""
    heading = next((line for line in text.splitlines() if line.strip()), "")
    counts = {delimiter: _count_outside_quotes(heading, delimiter) for delimiter in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def _count_outside_quotes(line: str, delimiter: str) -> int:
    parts = line.split('"')
    return sum(part.count(delimiter) for part in parts[::2])


def _missing_columns(columns: Columns, headings: Sequence[str]) -> str:
    """Why ``headings`` are not a class list's ("" when they are)."""
    found = ", ".join(printable(h.strip(), max_length=40) for h in headings[:12] if h.strip())
    if not columns.has_names:
        return fill(
            "no column of names: the first row should name the columns, e.g. Name,Grade or"
            " First name,Last name,Grade (found: {found})",
            found=found,
        )
    if columns.grade is None:
        return fill(
            "no Grade column: the first row should name the columns, e.g. Name,Grade"
            " (found: {found})",
            found=found,
        )
    return ""


class _RowReader(Protocol):
    """Turns one row's cells into a :class:`RosterRow`, a :class:`BadRow` or None (skipped)."""

    def read(self, line: int, cells: list[str]) -> RosterRow | BadRow | None: ...


def _read_rows(
    records: Iterator[tuple[int, list[str]]], reader: _RowReader, kind: RosterKind, line: int
) -> Roster:
    """Every row after the heading row (on ``line``) read by ``reader``."""
    rows: list[RosterRow] = []
    bad: list[BadRow] = []
    skipped: list[int] = []
    try:
        for line, cells in records:
            if not any(cell.strip() for cell in cells):
                continue
            if len(rows) + len(bad) >= MAX_ROSTER_ROWS:
                reason = fill(
                    "has more than {limit} students; a class holds at most that",
                    limit=number_text(MAX_ROSTER_ROWS),
                )
                return Roster(kind, bad=(BadRow(0, reason),))
            found = reader.read(line, cells)
            if found is None:
                skipped.append(line)
            elif isinstance(found, BadRow):
                bad.append(found)
            else:
                rows.append(found)
    except csv.Error as error:
        bad.append(
            BadRow(line + 1, fill("cannot be read as CSV from here on ({error})", error=error))
        )
    return Roster(kind, tuple(rows), tuple(bad), tuple(skipped))


def _cell(cells: list[str], position: int | None) -> str:
    if position is None or position >= len(cells):
        return ""
    return clean_line(cells[position], max_length=4 * MAX_LINE_LENGTH)


def _student(
    line: int, name: str, grade_text: str, id_text: str, no_name: str
) -> RosterRow | BadRow:
    """A row from its cleaned name, grade and id, or every reason it cannot be one
    (``no_name``, marked with ``N_``: why when there is no name)."""
    reasons: list[str] = []
    if not name:
        reasons.append(_(no_name))
    elif len(name) > MAX_LINE_LENGTH:
        reasons.append(fill("the name is longer than {limit} characters", limit=MAX_LINE_LENGTH))
    grade = grade_from_text(grade_text)
    if not grade_text:
        reasons.append(_("no grade (the grade cell is empty)"))
    elif grade is None:
        reasons.append(fill("grade {grade} is not K or 1-12", grade=repr(grade_text[:40])))
    student_id = id_text.casefold()
    if student_id and not is_valid_id(student_id):
        reasons.append(
            fill(
                "id {id} must be lowercase letters, digits, '-' or '_' (at most 64)",
                id=repr(id_text[:70]),
            )
        )
    if reasons or grade is None:  # (no grade always gives a reason)
        return BadRow(line, "; ".join(reasons))
    return RosterRow(line, name, grade, student_id)


class _SpreadsheetReader:
    def __init__(self, columns: Columns) -> None:
        self.columns = columns

    def read(self, line: int, cells: list[str]) -> RosterRow | BadRow:
        columns = self.columns
        name = _turned_round(_cell(cells, columns.name))
        if not name:
            name = " ".join(filter(None, (_cell(cells, columns.first), _cell(cells, columns.last))))
        no_name = (
            N_("no name (the name cell is empty)")
            if columns.name is not None
            else N_("no name (the name cells are empty)")
        )
        grade = _cell(cells, columns.grade)
        return _student(line, name, grade, _cell(cells, columns.student_id), no_name)


def _turned_round(name: str) -> str:
    """``"López, Maya"`` (one comma) as ``"Maya López"``; other names as they are."""
    if name.count(",") != 1:
        return name
    last, first = (part.strip() for part in name.split(","))
    return f"{first} {last}" if first and last else (first or last)


class _OneRosterReader:
    """OneRoster 1.1 ``users.csv``: active rows with role ``student``."""

    def __init__(self, headings: Sequence[str]) -> None:
        keys = [heading_key(heading) for heading in headings]
        self.position = {key: keys.index(key) for key in set(keys)}

    def _get(self, cells: list[str], key: str) -> str:
        return _cell(cells, self.position.get(key))

    def read(self, line: int, cells: list[str]) -> RosterRow | BadRow | None:
        if self._get(cells, "role").casefold() != "student":
            return None
        if self._get(cells, "status").casefold() not in ("", "active"):
            return None
        if self._get(cells, "enableduser").casefold() == "false":
            return None
        given, family = self._get(cells, "givenname"), self._get(cells, "familyname")
        name = " ".join(filter(None, (given, family)))
        grades = [part.strip() for part in self._get(cells, "grades").split(",")]
        grade = next((part for part in grades if part), "")
        return _student(line, name, grade, "", N_("no name (givenName and familyName are empty)"))
