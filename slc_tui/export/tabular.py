"""Export conference records as CSV (one row per conference) or JSON.

Both take plain record dicts (see ``slc_tui.core.record``) and a text stream. A CSV row is
rendered from the record's :class:`~slc_tui.export.document.ConferenceDocument`, like the
take-home copy and the wrap-up; the JSON export is the records themselves, unchanged, so
that it loses nothing (not even keys slc does not know).
Open CSV files with ``newline=""`` (the csv module writes its own line ends) and
``encoding="utf-8-sig"`` (what ``slc export`` writes): the byte-order mark makes Excel
read accents, emoji, CJK and RTL text as UTF-8.

A list (strengths, goals, questions…) is one cell with one item per line, as spreadsheets
show a cell with line breaks: a semicolon or comma inside an item is just text. An item's
own line breaks (a parent's multi-line promise for a goal) become `` / `` so that every
line of a list cell is exactly one item.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime
from typing import Any, TextIO

from slc_tui.export.document import ConferenceDocument, GoalPlan

__all__ = [
    "BYTE_ORDER_MARK",
    "EXPORT_COLUMNS",
    "EXPORT_FORMAT",
    "csv_chunks",
    "format_goal",
    "json_chunks",
    "neutralise_formula",
    "record_to_row",
    "records_to_csv",
    "records_to_json",
]

EXPORT_FORMAT = "slc-export/1"

LIST_SEPARATOR = "\n"
#: What ``slc export`` writes before a CSV (UTF-8's byte-order mark, U+FEFF).
BYTE_ORDER_MARK = "\ufeff"
LINE_BREAK_IN_ITEM = " / "

_SURROGATE = re.compile("[\ud800-\udfff]")
MAX_CELL_LENGTH = 32_767
"""Excel and LibreOffice hold at most this many characters in a cell (Python's csv reader
refuses fields over 131,072); longer cells are cut, ending in :data:`CUT_MARK`."""
CUT_MARK = "… [cut: see the JSON export]"

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
"""Cells starting with one of these could run as a spreadsheet formula."""


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _list(value: object) -> list[Any]:
    """``value`` if it is a list (or tuple), else [] — a damaged record must not stop an export."""
    return list(value) if isinstance(value, list | tuple) else []


def _encodable(text: str) -> str:
    """``text`` with lone surrogates (a ``"\\ud800"`` escape) replaced: UTF-8 cannot hold them."""
    return _SURROGATE.sub("\ufffd", text)


def _one_line(text: str) -> str:
    """``text`` on one line: its own line breaks shown as :data:`LINE_BREAK_IN_ITEM`."""
    return LINE_BREAK_IN_ITEM.join(line.strip() for line in text.splitlines() if line.strip())


def _strings(value: object) -> list[str]:
    if isinstance(value, list | tuple):
        return [_text(v) for v in value if _text(v).strip()]
    return [_text(value)] if _text(value).strip() else []


def _items(values: Iterable[str]) -> str:
    """A list cell: one item per line (items folded onto one line each)."""
    return LIST_SEPARATOR.join(item for item in map(_one_line, values) if item)


def format_goal(goal: GoalPlan) -> str:
    """Render a goal as ``"goal — how (by DATE)"``, leaving out empty parts."""
    text = goal.goal
    if goal.how:
        text = f"{text} — {goal.how}" if text else goal.how
    if goal.by:
        text = f"{text} (by {goal.by})" if text else f"by {goal.by}"
    return text


def _goal_commitments(doc: ConferenceDocument) -> str:
    return _items(f"{g.goal}: {g.at_home}" for g in doc.goals if g.at_home)


def _said(doc: ConferenceDocument) -> str:
    return _items(f"{step}: {text}" for step, text in doc.said.items())


_COLUMN_FORMATTERS: dict[str, Callable[[ConferenceDocument], str]] = {
    "student_id": lambda d: d.student_id,
    "student_name": lambda d: d.student_name,
    "grade": lambda d: d.grade,
    "class_name": lambda d: d.class_name,
    "term": lambda d: d.term,
    "status": lambda d: d.status,
    "started": lambda d: d.started,
    "finished": lambda d: d.finished_at,
    "chosen": lambda d: _items(piece.id for piece in d.pieces),
    "chosen_titles": lambda d: _items(piece.title for piece in d.pieces),
    "strengths": lambda d: _items(d.strengths),
    "next_steps": lambda d: _items(d.next_steps),
    "goals": lambda d: _items(map(format_goal, d.goals)),
    "parent_questions": lambda d: _items(d.parent_questions),
    "commitment": lambda d: d.commitment,
    "goal_commitments": _goal_commitments,
    "follow_up": lambda d: "yes" if d.follow_up else "no",
    "said": _said,
}

EXPORT_COLUMNS: tuple[str, ...] = tuple(_COLUMN_FORMATTERS)
"""CSV columns, in order (also the header row)."""


def neutralise_formula(cell: str) -> str:
    """Defuse spreadsheet formula injection (CSV injection).

    A cell starting with ``=``, ``+``, ``-``, ``@`` (or a tab / carriage return)
    may be run as a formula by Excel or LibreOffice. Such cells get a leading
    ``'`` so spreadsheets show them as text. The change is visible in the CSV
    (e.g. ``"- reads daily"`` becomes ``"'- reads daily"``); the JSON export
    keeps the original text untouched.
    """
    return "'" + cell if cell.startswith(FORMULA_PREFIXES) else cell


def _fit_cell(cell: str) -> str:
    if len(cell) <= MAX_CELL_LENGTH:
        return cell
    return cell[: MAX_CELL_LENGTH - len(CUT_MARK)] + CUT_MARK


def record_to_row(record: Mapping[str, Any]) -> list[str]:
    """Flatten one record into CSV cells, in :data:`EXPORT_COLUMNS` order (read through
    :class:`~slc_tui.export.document.ConferenceDocument`, as every rendering is).

    Cells are defused (:func:`neutralise_formula`), hold no lone surrogates and are
    cut to :data:`MAX_CELL_LENGTH` characters (only a hand-edited record gets there).
    """
    doc = ConferenceDocument.from_record(record)
    return [
        _fit_cell(neutralise_formula(_encodable(_COLUMN_FORMATTERS[column](doc))))
        for column in EXPORT_COLUMNS
    ]


class _Lines:
    """A text stream that keeps what is written to it until it is taken."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)

    def take(self) -> str:
        text, self.parts = "".join(self.parts), []
        return text


def csv_chunks(
    records: Iterable[Mapping[str, Any]], counted: list[int] | None = None
) -> Iterator[str]:
    """The CSV export of ``records`` piece by piece: the header row, then one row per record
    (each cell passed through :func:`neutralise_formula`). ``counted``, when given, ends
    holding the number of rows."""
    out = _Lines()
    writer = csv.writer(out)
    writer.writerow(EXPORT_COLUMNS)
    yield out.take()
    count = 0
    for record in records:
        writer.writerow(record_to_row(record))
        count += 1
        yield out.take()
    if counted is not None:
        counted.append(count)


def records_to_csv(records: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    """Write a header row and one row per record to ``out``; return the rows written."""
    counted: list[int] = []
    for chunk in csv_chunks(records, counted):
        out.write(chunk)
    return counted[0]


def json_chunks(
    records: Iterable[Mapping[str, Any]],
    *,
    exported: datetime | None = None,
    counted: list[int] | None = None,
) -> Iterator[str]:
    """``{"format": "slc-export/1", "exported": ..., "conferences": [...]}`` piece by piece,
    laid out as ``json.dumps(..., indent=2)`` lays it out, one conference at a time.

    Records are written unchanged (UTF-8 text kept as is), except that a lone surrogate,
    which UTF-8 cannot hold, becomes U+FFFD. ``exported`` defaults to the local time now.
    ``counted``, when given, ends holding the number of conferences.
    """
    when = exported if exported is not None else datetime.now()
    head = {"format": EXPORT_FORMAT, "exported": when.isoformat(timespec="seconds")}
    opening = json.dumps(head, ensure_ascii=False, indent=2)[:-2]  # without "\n}"
    yield opening + ',\n  "conferences": ['
    count = 0
    for record in records:
        body = json.dumps(dict(record), ensure_ascii=False, indent=2)
        yield ("," if count else "") + "\n    " + _encodable(body).replace("\n", "\n    ")
        count += 1
    yield ("\n  ]" if count else "]") + "\n}\n"
    if counted is not None:
        counted.append(count)


def records_to_json(
    records: Iterable[Mapping[str, Any]], out: TextIO, *, exported: datetime | None = None
) -> int:
    """Write the JSON export of ``records`` to ``out`` (see :func:`json_chunks`); returns the
    number of conferences written."""
    counted: list[int] = []
    for chunk in json_chunks(records, exported=exported, counted=counted):
        out.write(chunk)
    return counted[0]
