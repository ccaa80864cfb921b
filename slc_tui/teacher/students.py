"""The class's children as the teacher's student list shows them, and removing one.

Removing a student is forgetting them (every record and take-home copy, their follow-up
mark) and deleting their portfolio, with the pictures folder slc keeps for them
(``portfolios/ID/``); pictures elsewhere in the class folder stay.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from slc_tui.core.class_folder import PORTFOLIOS_DIR, load_class_folder
from slc_tui.core.fields import is_valid_id
from slc_tui.core.i18n import _, fill, nfill
from slc_tui.teacher.drafts import TeacherDrafts
from slc_tui.teacher.forget import FollowUpsUnreadable, StudentOpenElsewhere, holding_conference
from slc_tui.teacher.portfolios import portfolio_label, portfolio_path
from slc_tui.teacher.schedule import ScheduleUnreadable, unschedule_student

__all__ = [
    "RemovalPlan",
    "Removed",
    "StudentOpenElsewhere",
    "StudentRow",
    "removal_plan",
    "remove_student",
    "student_rows",
]


@dataclass(frozen=True)
class StudentRow:
    """One portfolio file of the class: who, how many pieces, and what is wrong with it.

    ``usable`` is False when the file cannot be used as it is (the child is then not in the
    conference list); ``problem`` is its first error, else its first warning.
    """

    student_id: str
    name: str
    grade: str
    pieces: int
    usable: bool
    errors: int
    warnings: int
    problem: str


def student_rows(class_dir: Path) -> list[StudentRow]:
    """Every portfolio file in ``class_dir``, in the order of the conference list (by
    name; files that cannot be used last, by file name)."""
    folder = load_class_folder(class_dir)
    rows = []
    for entry in folder.students:
        portfolio = entry.portfolio
        errors = [p for p in entry.problems if p.is_error]
        warnings = [p for p in entry.problems if not p.is_error]
        first = next(iter(errors or warnings), None)
        problem = ""
        if first is not None:
            problem = f"{first.field}: {first.message}" if first.field else first.message
        rows.append(
            StudentRow(
                student_id=entry.path.stem,
                name=portfolio.student.name if portfolio else entry.path.stem,
                grade=portfolio.student.grade if portfolio else "",
                pieces=len(portfolio.pieces) if portfolio else 0,
                usable=portfolio is not None,
                errors=len(errors),
                warnings=len(warnings),
                problem=problem,
            )
        )
    usable = [row for row in rows if row.usable]
    return usable + sorted((row for row in rows if not row.usable), key=lambda r: r.student_id)


@dataclass(frozen=True)
class RemovalPlan:
    """What removing ``student_id`` deletes: the portfolio file, the files in their
    pictures folder, and the files of their results (records, backups, take-home copies)."""

    student_id: str
    portfolio: Path | None
    pictures_folder: Path | None
    picture_files: int
    results_files: int

    def describe(self) -> list[str]:
        """One line per thing deleted, for the teacher to confirm."""
        lines = []
        if self.portfolio is not None:
            lines.append(portfolio_label(self.student_id))
        if self.pictures_folder is not None and self.picture_files:
            where = f"{PORTFOLIOS_DIR}/{self.student_id}/"
            lines.append(
                nfill(
                    "the {n} file(s) in {folder}",
                    "the {n} file(s) in {folder}",
                    self.picture_files,
                    folder=where,
                )
            )
        if self.results_files:
            lines.append(
                nfill(
                    "{n} file(s) of conference records and take-home copies",
                    "{n} file(s) of conference records and take-home copies",
                    self.results_files,
                )
            )
        else:
            lines.append(_("no conference records (there are none)"))
        return lines


@dataclass(frozen=True)
class Removed:
    """What :func:`remove_student` deleted, and what it could not finish (``warnings``)."""

    student_id: str
    deleted: list[Path]
    warnings: list[str] = field(default_factory=list)


def _pictures_folder(class_dir: Path, student_id: str) -> Path | None:
    """``portfolios/ID/`` when it is a real folder inside the portfolios folder (a link
    to somewhere else is never followed)."""
    portfolios = class_dir / PORTFOLIOS_DIR
    folder = portfolios / student_id
    if folder.is_symlink() or not folder.is_dir():
        return None
    if not folder.resolve().is_relative_to(portfolios.resolve()):
        return None
    return folder


def _files_under(folder: Path) -> list[Path]:
    found: list[Path] = []
    for top, _folders, files in os.walk(folder, followlinks=False):
        found.extend(Path(top) / name for name in files)
    return sorted(found)


def removal_plan(class_dir: Path, results_dir: Path, student_id: str) -> RemovalPlan:
    """What :func:`remove_student` would delete now (nothing is deleted or held)."""
    from slc_tui.store.teacher_access import student_files

    if not is_valid_id(student_id):
        raise ValueError(fill("{id} is not a student id", id=repr(student_id)))
    path = portfolio_path(class_dir, student_id)
    folder = _pictures_folder(class_dir, student_id)
    return RemovalPlan(
        student_id=student_id,
        portfolio=path if path.exists() else None,
        pictures_folder=folder,
        picture_files=len(_files_under(folder)) if folder is not None else 0,
        results_files=len(student_files(results_dir, student_id)),
    )


def remove_student(class_dir: Path, results_dir: Path, student_id: str) -> Removed:
    """Forget ``student_id`` (records, take-home copies, follow-up mark, schedule entry) and
    delete their portfolio, its draft and their pictures folder.

    The conference is held meanwhile, so no screen saves it again. Raises
    :class:`StudentOpenElsewhere` (nothing deleted) when it is open on another screen,
    ValueError for something that is not a student id, OSError when a file cannot be
    deleted (what was deleted before stays deleted; removing again finishes the job).
    """
    from slc_tui.store.teacher_access import forget_student

    warnings: list[str] = []
    with holding_conference(results_dir, student_id):
        try:
            deleted = forget_student(results_dir, student_id)
        except FollowUpsUnreadable as damaged:
            deleted = []
            warnings.append(
                fill("their follow-up mark is still in a damaged file: {problem}", problem=damaged)
            )
        try:
            deleted.extend(unschedule_student(class_dir, student_id).deleted)
        except ScheduleUnreadable as damaged:
            warnings.append(
                fill(
                    "they are still in a schedule file slc cannot read: {problem}", problem=damaged
                )
            )
        TeacherDrafts(results_dir).drop(portfolio_label(student_id))
        folder = _pictures_folder(class_dir, student_id)
        if folder is not None:
            deleted.extend(_delete_folder(folder))
        path = portfolio_path(class_dir, student_id)
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            deleted.append(path)
    return Removed(student_id, deleted, warnings)


def _delete_folder(folder: Path) -> list[Path]:
    """Delete every file under ``folder`` (links themselves, never what they point to),
    then the folders left empty; returns the files deleted."""
    deleted = []
    for path in _files_under(folder):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            deleted.append(path)
    for top, _folders, _files in sorted(os.walk(folder, followlinks=False), reverse=True):
        with contextlib.suppress(OSError):
            Path(top).rmdir()
    return deleted
