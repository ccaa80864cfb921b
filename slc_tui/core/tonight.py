"""Tonight's order on the student list: when ``schedule.json`` plans today, the children
come in the order of their time with the teacher, and the first one still to come is next.

A child's *time* is their family's turn with the teacher when the evening rotates, else
their slot. *Next* is the first child in that order whose conference is neither done nor
under way and whose time has not ended yet; a family that did not come is passed over once
its time is over.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from slc_tui.core.json_files import read_json_file
from slc_tui.core.problems import ProblemList
from slc_tui.core.schedule_file import SCHEDULE_FILE, parse_schedule
from slc_tui.core.schedule_times import TimeRange

__all__ = ["TonightSchedule", "next_up", "tonight_order", "tonight_times"]

#: Statuses of a child who is not still to come.
_NOT_WAITING = frozenset({"done", "in progress"})


def tonight_times(data: Any, day: date) -> dict[str, TimeRange]:
    """Each planned child's time on ``day`` from parsed ``schedule.json`` ({} when it
    plans another day or cannot be read: the list then stays in name order)."""
    problems = ProblemList(SCHEDULE_FILE)
    saved = parse_schedule(data, problems)
    if saved is None or saved.plan.settings.day != day:
        return {}
    return {p.student_id: p.turn or p.slot for p in saved.plan.placements}


def tonight_order(ids: Sequence[str], times: Mapping[str, TimeRange]) -> list[str]:
    """``ids`` (in name order) with the planned ones first, by time (the name order kept
    between equal times), then the rest as they were."""
    planned = sorted((i for i in ids if i in times), key=lambda i: times[i].start)
    return planned + [i for i in ids if i not in times]


def next_up(
    ordered: Sequence[tuple[str, str]], times: Mapping[str, TimeRange], now: datetime
) -> str | None:
    """Who is next among ``ordered`` (``(student id, status)`` pairs in tonight's order),
    or None when no one planned is still to come."""
    minute = now.hour * 60 + now.minute
    for student_id, status in ordered:
        when = times.get(student_id)
        if when is not None and status not in _NOT_WAITING and when.end > minute:
            return student_id
    return None


class TonightSchedule:
    """The class folder's ``schedule.json``, read again only when it changed on disk."""

    def __init__(self, root: Path) -> None:
        self.path = root / SCHEDULE_FILE
        self._seen: tuple[int, int] | None = None
        self._data: Any = None

    def times(self, day: date) -> dict[str, TimeRange]:
        """Each planned child's time when the schedule plans ``day`` (else {})."""
        try:
            found = self.path.stat()
        except OSError:
            self._seen, self._data = None, None
            return {}
        seen = (found.st_mtime_ns, found.st_size)
        if seen != self._seen:
            problems = ProblemList(SCHEDULE_FILE)
            self._seen, self._data = seen, read_json_file(self.path, problems)
        return tonight_times(self._data, day) if self._data is not None else {}
