"""Importing a class list (``slc roster import``): a plan to look at first, then new portfolios.

:func:`plan_roster_import` reads the list and says, without writing anything, which
students it would add (with their ids and portfolio files) and which rows it cannot use,
each as ``FILE:LINE: reason``. :func:`apply_roster_import` then writes one portfolio per
planned student, with no pieces yet. An existing portfolio is never replaced.
"""

from __future__ import annotations

import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from slc_tui.core.class_folder import PORTFOLIOS_DIR, load_class_folder
from slc_tui.core.i18n import _, fill, number_text
from slc_tui.core.ids import slug, unique_id
from slc_tui.core.portfolio_document import PortfolioDocument
from slc_tui.core.roster import MAX_ROSTER_BYTES, BadRow, RosterKind, RosterRow, read_roster
from slc_tui.store.fileops import write_bytes_atomically
from slc_tui.store.private_paths import make_private_dir
from slc_tui.teacher.portfolios import portfolio_label, portfolio_path


@dataclass(frozen=True)
class PlannedStudent:
    """A student the import would add: from ``line`` of the list, into ``path``."""

    line: int
    student_id: str
    name: str
    grade: str
    path: Path


@dataclass(frozen=True)
class RosterPlan:
    """What importing ``source`` into ``class_dir`` would do."""

    class_dir: Path
    #: The list's name in messages, as the teacher gave it.
    source: str
    kind: RosterKind = "spreadsheet"
    students: tuple[PlannedStudent, ...] = ()
    refused: tuple[BadRow, ...] = ()
    #: Lines of OneRoster rows that are not active students (teachers, parents, leavers).
    skipped: tuple[int, ...] = ()
    #: Lines of refused rows whose student is already in the class (their portfolio stays).
    in_class: tuple[int, ...] = ()

    def refused_lines(self) -> list[str]:
        """Every refused row as ``FILE:LINE: reason`` (``FILE: reason`` for the whole file)."""
        return [bad.where(self.source) for bad in self.refused]


@dataclass(frozen=True)
class RosterImport:
    """What :func:`apply_roster_import` did: the portfolios written and the rows not written."""

    created: tuple[PlannedStudent, ...] = ()
    refused: tuple[BadRow, ...] = field(default=())


def plan_roster_import(class_dir: Path, roster_file: Path, source: str | None = None) -> RosterPlan:
    """Read ``roster_file`` and plan its import into ``class_dir``; nothing is written.

    A row with an id that already has a portfolio is refused; so is a row without an id
    whose student is already in the class by that name (give an id to add a second child
    of the same name). Other ids are made from names, unique in the list and the class.
    """
    label = source if source is not None else str(roster_file)
    raw, problem = read_list_file(roster_file)
    if problem:
        return RosterPlan(class_dir, label, refused=(BadRow(0, problem),))
    roster = read_roster(raw)
    existing = _existing_students(class_dir)
    given = {row.student_id for row in roster.rows if row.student_id}
    taken = existing.ids | given
    planned: list[PlannedStudent] = []
    refused = list(roster.bad)
    in_class: list[int] = []
    first_line: dict[str, int] = {}
    for row in roster.rows:
        student_id, reason = _id_for(row, taken, existing, first_line)
        if reason:
            refused.append(BadRow(row.line, reason))
            if student_id:  # the class's own student: refused, never replaced
                in_class.append(row.line)
            continue
        first_line[student_id] = row.line
        taken.add(student_id)
        path = portfolio_path(class_dir, student_id)
        planned.append(PlannedStudent(row.line, student_id, row.name, row.grade, path))
    refused.sort(key=lambda bad: bad.line)
    return RosterPlan(
        class_dir,
        label,
        roster.kind,
        tuple(planned),
        tuple(refused),
        roster.skipped,
        tuple(in_class),
    )


def apply_roster_import(plan: RosterPlan) -> RosterImport:
    """Write one portfolio per planned student (atomically, never over an existing file).

    A portfolio that appeared since the plan was made is refused; the first write that
    fails (a full disk, say) refuses it and every student after it.
    """
    created: list[PlannedStudent] = []
    refused: list[BadRow] = []
    if plan.students:
        make_private_dir(plan.class_dir / PORTFOLIOS_DIR)
    for number, student in enumerate(plan.students):
        label = portfolio_label(student.student_id)
        document = PortfolioDocument.new(
            student.student_id, student.name, student.grade, label=label, path=student.path
        )
        checked = document.check(plan.class_dir)
        if not checked.ok:
            reason = "; ".join(str(problem) for problem in checked.problems if problem.is_error)
            refused.append(BadRow(student.line, reason))
            continue
        try:
            write_bytes_atomically(student.path, checked.text.encode("utf-8"), overwrite=False)
        except FileExistsError:
            reason = fill("{file} appeared meanwhile: not replaced", file=label)
            refused.append(BadRow(student.line, reason))
            continue
        except OSError as error:
            reason = fill(
                "cannot write {file}: {reason}", file=label, reason=error.strerror or error
            )
            refused.extend(BadRow(s.line, reason) for s in plan.students[number:])
            break
        created.append(student)
    return RosterImport(tuple(created), tuple(refused))


def read_list_file(path: Path) -> tuple[bytes, str]:
    """(the bytes of the spreadsheet's CSV at ``path``, "") or (b"", why it cannot be read)."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return b"", _("is not a regular file")
        if info.st_size > MAX_ROSTER_BYTES:
            limit, size = number_text(MAX_ROSTER_BYTES), number_text(info.st_size)
            return b"", fill(
                "is too large ({size} bytes; the limit is {limit})", size=size, limit=limit
            )
        with path.open("rb") as handle:
            return handle.read(MAX_ROSTER_BYTES + 1), ""
    except FileNotFoundError:
        return b"", _("file not found")
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or error
        return b"", fill("cannot be read ({reason})", reason=reason)


@dataclass
class _Existing:
    """The class's students before the import: the ids taken, and the ids of each name."""

    ids: set[str]
    by_name: dict[str, list[str]]


def _existing_students(class_dir: Path) -> _Existing:
    folder = load_class_folder(class_dir) if class_dir.is_dir() else None
    ids: set[str] = set()
    by_name: dict[str, list[str]] = {}
    if folder is not None:
        for entry in folder.students:
            ids.add(entry.path.stem)
            if entry.portfolio is not None:
                student = entry.portfolio.student
                ids.add(student.id)
                by_name.setdefault(_name_key(student.name), []).append(student.id)
    for same_name in by_name.values():
        same_name.sort(key=lambda student_id: (len(student_id), student_id))  # x before x-2
    return _Existing(ids, by_name)


def _name_key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def _id_for(
    row: RosterRow,
    taken: set[str],
    existing: _Existing,
    first_line: dict[str, int],
) -> tuple[str, str]:
    """(the row's id, "") or (its id or "", why the row is refused): a refused row with an
    id is a student already in the class, with that id."""
    if row.student_id:
        if row.student_id in existing.ids:
            file = portfolio_label(row.student_id)
            return (
                row.student_id,
                fill(
                    "{id} already has a portfolio ({file}): not replaced",
                    id=repr(row.student_id),
                    file=file,
                ),
            )
        if row.student_id in first_line:
            return "", fill(
                "id {id} is also on line {line}",
                id=repr(row.student_id),
                line=first_line[row.student_id],
            )
        return row.student_id, ""
    same_name = existing.by_name.get(_name_key(row.name))
    if same_name:
        found = same_name.pop(0)
        return found, fill(
            "{name} is already in the class ({file}): not imported again (give the row an id "
            "to add another child of that name)",
            name=row.name,
            file=portfolio_label(found),
        )
    return unique_id(slug(row.name), taken), ""
