"""Forgetting a student: every record slc keeps of them, deleted (teacher-only)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from slc_tui.core.fields import is_valid_id
from slc_tui.core.i18n import fill
from slc_tui.store.claims import OpenElsewhere
from slc_tui.store.follow_ups import FollowUpsUnreadable
from slc_tui.store.teacher_access import forget_student
from slc_tui.teacher.schedule import ScheduleUnreadable, unschedule_student

__all__ = [
    "FollowUpsUnreadable",
    "Forgotten",
    "ScheduleUnreadable",
    "StudentOpenElsewhere",
    "forget",
    "holding_conference",
]


class StudentOpenElsewhere(Exception):
    """The student's conference is open on another screen: nothing was deleted."""

    def __init__(self, student_id: str, other: OpenElsewhere) -> None:
        from slc_tui.teacher.open_conferences import where_open

        super().__init__(
            fill(
                "{id}'s conference is open {where}: close it first",
                id=student_id,
                where=where_open(other),
            )
        )
        self.other = other


class Forgotten(list[Path]):
    """The files deleted (``invitations.pdf`` among them when it could not be made again
    without the student); ``rewritten`` holds the class's schedule files rewritten without
    them."""

    def __init__(self, deleted: list[Path], rewritten: list[Path]) -> None:
        super().__init__(deleted)
        self.rewritten = rewritten


def forget(results_dir: Path, student_id: str, *, class_dir: Path | None = None) -> Forgotten:
    """Delete every record, backup, damaged copy and take-home copy of ``student_id``, take
    their follow-up mark out of ``RESULTS/teacher/follow-ups.json`` and, given the class
    folder, their entry out of ``schedule.json``, ``schedule.ics`` and ``invitations.pdf``;
    return the files.

    The conference is held while deleting, so no screen saves it again meanwhile. Raises
    ValueError for something that is not a student id, :class:`StudentOpenElsewhere` when
    the conference is open elsewhere, OSError when a file cannot be deleted or rewritten,
    :class:`FollowUpsUnreadable` (once the files are deleted) when the marks file is damaged,
    :class:`ScheduleUnreadable` (once the rest is done) when a schedule file is.
    """
    with holding_conference(results_dir, student_id):
        try:
            deleted = forget_student(results_dir, student_id)
        except FollowUpsUnreadable:
            if class_dir is not None:  # still out of the schedule before saying so
                with contextlib.suppress(ScheduleUnreadable):
                    unschedule_student(class_dir, student_id)
            raise
        if class_dir is None:
            return Forgotten(deleted, [])
        unscheduled = unschedule_student(class_dir, student_id)
        return Forgotten([*deleted, *unscheduled.deleted], list(unscheduled))


@contextlib.contextmanager
def holding_conference(results_dir: Path, student_id: str) -> Iterator[None]:
    """Hold ``student_id``'s conference while the block deletes what slc keeps of them, so
    no screen saves it again meanwhile. ValueError for something that is not a student id,
    :class:`StudentOpenElsewhere` (nothing done) when it is open on another screen."""
    from slc_tui.store.presence import ConferenceClaim

    if not is_valid_id(student_id):
        raise ValueError(fill("{id} is not a student id", id=repr(student_id)))
    claim = ConferenceClaim(results_dir, student_id)
    other = claim.acquire()
    if other is not None:
        raise StudentOpenElsewhere(student_id, other)
    try:
        yield
    finally:
        claim.release()
