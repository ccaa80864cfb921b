"""Forgetting a student: every record slc keeps of them, deleted (teacher-only)."""

from __future__ import annotations

from pathlib import Path

from slc_tui.core.fields import is_valid_id
from slc_tui.store.claims import OpenElsewhere
from slc_tui.store.follow_ups import FollowUpsUnreadable
from slc_tui.store.teacher_access import forget_student

__all__ = ["FollowUpsUnreadable", "StudentOpenElsewhere", "forget"]


class StudentOpenElsewhere(Exception):
    """The student's conference is open on another screen: nothing was deleted."""

    def __init__(self, student_id: str, other: OpenElsewhere) -> None:
        super().__init__(f"{student_id}'s conference is open {other.describe()}: close it first")
        self.other = other


def forget(results_dir: Path, student_id: str) -> list[Path]:
    """Delete every record, backup, damaged copy and take-home copy of ``student_id``, take
    their follow-up mark out of ``RESULTS/teacher/follow-ups.json``, and return the files
    deleted.

    The conference is held while deleting, so no screen saves it again meanwhile. Raises
    ValueError for something that is not a student id, :class:`StudentOpenElsewhere` when
    the conference is open elsewhere, OSError when a file cannot be deleted,
    :class:`FollowUpsUnreadable` (once the files are deleted) when the marks file is damaged.
    """
    from slc_tui.store.presence import ConferenceClaim

    if not is_valid_id(student_id):
        raise ValueError(f"{student_id!r} is not a student id")
    claim = ConferenceClaim(results_dir, student_id)
    other = claim.acquire()
    if other is not None:
        raise StudentOpenElsewhere(student_id, other)
    try:
        return forget_student(results_dir, student_id)
    finally:
        claim.release()
