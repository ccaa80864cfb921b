"""The teacher's overview after conference night: one row per child, follow-ups first.

Each child's results file is read once (:func:`read_overview`); everything a row shows comes
from those records and the follow-up marks (:mod:`slc_tui.store.follow_ups`). Nothing here
repairs or writes a results file: a damaged one makes its row ``unreadable``, named in
:attr:`Overview.problems`.

What the columns mean:

- *status*: this term's conference, as the student list shows it;
- *date*, *minutes* and *commitments*: the child's latest conference (any term; a
  conference set aside by "Start again" does not count): its day, the minutes from its
  start to its finish (to its last save while unfinished), and what the family promised;
- *follow-up*: the newest conference in which the family asked for a private follow-up.
  It is ``done`` once the teacher marked that conference's request handled, else ``open``;
  a request made in a later conference is open again.

The class report (:mod:`slc_tui.teacher.report`) is made from these same rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Literal

from slc_tui.core.class_folder import ClassFolder
from slc_tui.core.i18n import fill
from slc_tui.core.record import ABANDONED, conference_status, last_finished
from slc_tui.store.follow_ups import FollowUpMarks, FollowUpsUnreadable, Mark
from slc_tui.store.results import ResultsStore
from slc_tui.store.tinydb_document import CorruptResultsFile

__all__ = [
    "FollowUp",
    "Overview",
    "OverviewRow",
    "overview_row",
    "read_overview",
    "set_follow_up_done",
]

FollowUp = Literal["none", "open", "done"]

#: The commitments column is cut to this many characters (the record holds them all).
COMMITMENTS_LENGTH = 120
#: A conference longer than this (from a clock set wrong) shows no minutes.
LONGEST_CONFERENCE = timedelta(hours=12)


@dataclass(frozen=True)
class OverviewRow:
    """One child's line of the overview."""

    student_id: str
    name: str
    grade: str
    status: str  # "not started", "in progress", "done" or "unreadable"
    date: str = ""  # YYYY-MM-DD of the latest conference ("" when none)
    minutes: int | None = None
    follow_up: FollowUp = "none"
    follow_up_record: str = ""  # the record id of the conference that asked for it
    follow_up_day: str = ""  # YYYY-MM-DD of the conference that asked for it
    commitments: str = ""
    finished: dict[str, Any] | None = None  # the newest finished conference (read-only view)
    latest: dict[str, Any] | None = None  # the conference date, minutes and commitments are of
    in_class: bool = True  # False: results are kept, but there is no usable portfolio
    problem: str = ""  # why the results file cannot be read

    @property
    def follow_up_open(self) -> bool:
        """True when the family asked for a follow-up that is not marked done."""
        return self.follow_up == "open"


@dataclass(frozen=True)
class Overview:
    """Every row (open follow-ups first, then by name) and what could not be read."""

    rows: list[OverviewRow]
    problems: list[str] = field(default_factory=list)

    @property
    def open_follow_ups(self) -> int:
        """How many families wait for a private follow-up."""
        return sum(row.follow_up_open for row in self.rows)


def read_overview(folder: ClassFolder, results_dir: Path) -> Overview:
    """The overview of ``folder``'s children (and of anyone else with results kept in
    ``results_dir``); reads each results file once and the follow-up marks once."""
    store = ResultsStore(results_dir)
    problems: list[str] = []
    marks = _read_marks(results_dir, problems)
    term = folder.info.term
    rows: list[OverviewRow] = []
    in_class: set[str] = set()
    for portfolio in folder.portfolios:
        student = portfolio.student
        in_class.add(student.id)
        rows.append(_row(store, student.id, student.name, student.grade, term, marks, True))
    for student_id in store.student_ids():
        if student_id not in in_class:
            rows.append(_row(store, student_id, "", "", term, marks, False))
    problems.extend(row.problem for row in rows if row.problem)
    return Overview(_follow_ups_first(rows), problems)


def _read_marks(results_dir: Path, problems: list[str]) -> dict[str, Mark]:
    marks = FollowUpMarks(results_dir)
    try:
        return marks.read()
    except FollowUpsUnreadable as damaged:
        problems.append(
            fill(
                "{problem}. Every follow-up shows as open; marking one keeps this file aside.",
                problem=damaged,
            )
        )
    except OSError as error:
        problems.append(
            fill(
                "{path}: {reason}. Every follow-up shows as open.",
                path=marks.path,
                reason=error.strerror or error,
            )
        )
    return {}


def _row(
    store: ResultsStore,
    student_id: str,
    name: str,
    grade: str,
    term: str,
    marks: dict[str, Mark],
    in_class: bool,
) -> OverviewRow:
    try:
        records = store.records_for(student_id)
    except CorruptResultsFile as corrupt:
        problem = f"{corrupt.path}: {corrupt.reason}"
        return OverviewRow(student_id, name or student_id, grade, "unreadable", problem=problem)
    except OSError as error:
        where = error.filename or store.results_dir
        problem = f"{where}: {error.strerror or error}"
        return OverviewRow(student_id, name or student_id, grade, "unreadable", problem=problem)
    return overview_row(student_id, name, grade, records, term, marks.get(student_id), in_class)


def overview_row(
    student_id: str,
    name: str,
    grade: str,
    records: list[dict[str, Any]],
    term: str,
    mark: Mark | None = None,
    in_class: bool = True,
) -> OverviewRow:
    """The row of one child from their records (oldest first) and their follow-up mark;
    ``name`` and ``grade`` default to the latest record's (a child with no portfolio)."""
    kept = [r for r in records if r.get("status") != ABANDONED]
    latest = kept[-1] if kept else None
    request = next((r for r in reversed(kept) if r.get("follow_up") is True), None)
    follow_up: FollowUp = "none"
    request_id = ""
    if request is not None:
        request_id = str(request.get("id") or "")
        done = mark is not None and mark.record_id == request_id
        follow_up = "done" if done else "open"
    return OverviewRow(
        student_id=student_id,
        name=name or _text(latest, "student_name") or student_id,
        grade=grade or _text(latest, "grade"),
        status=conference_status(records, term),
        date=_day(latest),
        minutes=_minutes(latest),
        follow_up=follow_up,
        follow_up_record=request_id,
        follow_up_day=_day(request),
        commitments=_commitments(latest),
        finished=last_finished(records),
        latest=latest,
        in_class=in_class,
    )


def set_follow_up_done(
    results_dir: Path,
    row: OverviewRow,
    done: bool,
    clock: Callable[[], datetime] = datetime.now,
) -> tuple[OverviewRow, Path | None]:
    """Mark ``row``'s follow-up request handled (``done``) or open again; returns the row as
    it is now and where a damaged marks file was kept (else None).

    ValueError when the family asked for no follow-up; OSError when the mark cannot be saved.
    """
    if row.follow_up == "none" or not row.follow_up_record:
        raise ValueError(fill("{name}'s family asked for no private follow-up", name=row.name))
    marks = FollowUpMarks(results_dir, clock)
    if done:
        kept = marks.mark_done(row.student_id, row.follow_up_record)
    else:
        kept = marks.clear(row.student_id)
    return replace(row, follow_up="done" if done else "open"), kept


def _follow_ups_first(rows: Iterable[OverviewRow]) -> list[OverviewRow]:
    return sorted(rows, key=lambda r: (not r.follow_up_open, r.name.casefold(), r.student_id))


def _text(record: dict[str, Any] | None, key: str) -> str:
    value = record.get(key) if record else None
    return value.strip() if isinstance(value, str) else ""


def _moment(record: dict[str, Any] | None, key: str) -> datetime | None:
    value = record.get(key) if record else None
    if not isinstance(value, str) or len(value) > 64:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment.replace(tzinfo=None)


def _day(record: dict[str, Any] | None) -> str:
    moment = _moment(record, "finished") or _moment(record, "started")
    return moment.date().isoformat() if moment else ""


def _minutes(record: dict[str, Any] | None) -> int | None:
    started = _moment(record, "started")
    ended = _moment(record, "finished") or _moment(record, "updated")
    if started is None or ended is None:
        return None
    used = ended - started
    if not timedelta(0) <= used <= LONGEST_CONFERENCE:
        return None
    return int(used.total_seconds() // 60)


def _commitments(record: dict[str, Any] | None) -> str:
    """What the family promised at home, on one line, cut to :data:`COMMITMENTS_LENGTH`."""
    if record is None:
        return ""
    promised = [record.get("commitment")]
    goal_commitments = record.get("goal_commitments")
    if isinstance(goal_commitments, list):
        promised.extend(goal_commitments)
    parts = [" ".join(p.split()) for p in promised if isinstance(p, str) and p.strip()]
    text = " · ".join(parts)
    if len(text) > COMMITMENTS_LENGTH:
        text = text[: COMMITMENTS_LENGTH - 1].rstrip() + "…"
    return text
