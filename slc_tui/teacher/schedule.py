"""Planning conference night for a class folder (``slc schedule``), and forgetting a child in it.

:func:`plan_class_schedule` reads the class, the families' requests and any earlier
``schedule.json``, and plans without writing anything; :func:`write_schedule` then writes
``schedule.json``, ``schedule.ics`` and ``invitations.pdf`` in the class folder, atomically,
when every child has a slot and every request could be read. :func:`unschedule_student` takes
one child out of all three.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from slc_tui.core.class_folder import load_class_folder, relative_name
from slc_tui.core.classinfo import ClassInfo
from slc_tui.core.i18n import fill, speaking
from slc_tui.core.json_document import document_text
from slc_tui.core.json_files import read_json_file
from slc_tui.core.portfolio import Portfolio
from slc_tui.core.problems import Problem, ProblemList
from slc_tui.core.schedule import Child, Plan, Request, plan_schedule
from slc_tui.core.schedule_file import (
    SCHEDULE_FILE,
    SavedSchedule,
    parse_schedule,
    schedule_text,
    without_student,
)
from slc_tui.core.schedule_requests import match_requests, read_requests
from slc_tui.core.schedule_settings import ScheduleSettings
from slc_tui.store.fileops import write_bytes_atomically
from slc_tui.store.paths import language_folders
from slc_tui.teacher.roster import read_list_file

CALENDAR_FILE = "schedule.ics"
INVITATIONS_FILE = "invitations.pdf"


class ScheduleRefused(Exception):
    """Nothing was written; ``reasons`` say why, each naming its file."""

    def __init__(self, reasons: list[str]) -> None:
        super().__init__("; ".join(reasons))
        self.reasons = reasons


@dataclass(frozen=True)
class SchedulePlan:
    """A plan for a class folder, not written yet."""

    class_dir: Path
    plan: Plan
    #: The class (its name, teacher and paper go on the calendar and the invitations).
    info: ClassInfo
    #: Rows of the requests file that could not be used, as ``FILE:LINE: reason``.
    bad_requests: tuple[str, ...] = ()
    #: Portfolio files left out of the class (their children are not planned), by problem.
    left_out: tuple[str, ...] = ()
    #: The earlier ``schedule.json`` object (its unknown keys are written back), if any.
    base: dict[str, Any] | None = field(default=None, compare=False)
    #: The language each child's family reads, when their portfolio says (by student id).
    family_languages: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def refusals(self) -> list[str]:
        """Why the plan may not be written ([] when it may)."""
        reasons = list(self.bad_requests)
        reasons += [f"{u.name} ({u.student_id}): {u.reason}" for u in self.plan.unplaced]
        return reasons


def plan_class_schedule(
    class_dir: Path,
    settings: ScheduleSettings,
    *,
    requests_file: Path | None = None,
    requests_label: str | None = None,
    replan: bool = False,
    keep_room: bool = True,
) -> SchedulePlan:
    """Plan every usable child of ``class_dir``; nothing is written.

    Requests kept in the earlier ``schedule.json`` still count; a requests file replaces
    them for the children it names. With no room in ``settings`` the earlier schedule's is
    kept, unless not ``keep_room``. Raises :class:`ScheduleRefused` when the earlier
    ``schedule.json`` cannot be read (unless ``replan``, which plans afresh over it).
    """
    folder = load_class_folder(class_dir)
    children = [Child(p.student.id, p.student.name) for p in folder.portfolios]
    left_out = tuple(
        fill(
            "{file}: not planned (slc validate says why)",
            file=relative_name(entry.path, folder.root),
        )
        for entry in folder.left_out
    )
    saved, base = _earlier(class_dir, replan)
    requests: dict[str, Request] = {}
    if saved is not None:
        requests.update(
            (p.student_id, Request(p.family, p.requested, p.private)) for p in saved.plan.placements
        )
    bad: tuple[str, ...] = ()
    if requests_file is not None:
        label = requests_label if requests_label is not None else str(requests_file)
        raw, problem = read_list_file(requests_file)
        found = read_requests(raw) if not problem else None
        if found is None:
            bad = (f"{label}: {problem}",)
        else:
            from_file, bad_rows = match_requests(found, children)
            requests.update(from_file)
            bad = tuple(row.where(label) for row in bad_rows)
    earlier = saved.plan if saved is not None else None
    if keep_room and not settings.room and earlier is not None:
        settings = replace(settings, room=earlier.settings.room)
    plan = plan_schedule(settings, children, requests, earlier, replan=replan)
    spoken = _family_languages(folder.portfolios)
    return SchedulePlan(class_dir, plan, folder.info, bad, left_out, base, spoken)


def _family_languages(portfolios: list[Portfolio]) -> dict[str, str]:
    return {
        p.student.id: p.student.family_language for p in portfolios if p.student.family_language
    }


def _earlier(class_dir: Path, replan: bool) -> tuple[SavedSchedule | None, dict[str, Any] | None]:
    """The earlier schedule and its object; ScheduleRefused when it has errors (not replan)."""
    path = class_dir / SCHEDULE_FILE
    if not path.exists():
        return None, None
    problems = ProblemList(SCHEDULE_FILE)
    data = read_json_file(path, problems)
    saved = None if problems.has_errors else parse_schedule(data, problems)
    errors = [str(problem) for problem in problems if problem.is_error]
    if errors and not replan:
        hint = fill("{file}: mend it, or plan afresh over it with --replan", file=SCHEDULE_FILE)
        raise ScheduleRefused([*errors, hint])
    base = data if isinstance(data, dict) else None
    return (None if errors else saved), base


def write_schedule(planned: SchedulePlan, *, now: datetime | None = None) -> list[Path]:
    """Write ``schedule.json``, ``schedule.ics`` and ``invitations.pdf``; returns their paths.

    With no child in the plan there are no invitations: an earlier ``invitations.pdf`` is
    deleted. Raises :class:`ScheduleRefused` (nothing written) when a child has no slot or a
    request could not be read, OSError when a file cannot be written.
    """
    from slc_tui.export.schedule_calendar import schedule_calendar

    if planned.refusals:
        raise ScheduleRefused(planned.refusals)
    stamp = now or datetime.now(UTC)
    info = planned.info
    text = schedule_text(planned.plan, planned.base)
    calendar = schedule_calendar(planned.plan, info.name, teacher=info.teacher, now=stamp)
    json_path = planned.class_dir / SCHEDULE_FILE
    ics_path = planned.class_dir / CALENDAR_FILE
    write_bytes_atomically(json_path, text.encode("utf-8"))
    write_bytes_atomically(ics_path, calendar)
    written = [json_path, ics_path]
    if _write_invitations(planned.class_dir, planned.plan, info, planned.family_languages):
        written.append(planned.class_dir / INVITATIONS_FILE)
    return written


def _write_invitations(
    class_dir: Path, plan: Plan, info: ClassInfo, family_languages: dict[str, str]
) -> bool:
    """Write ``invitations.pdf`` for ``plan`` (True), each slip in its family's language and
    the rest in the class's, or delete it when no one is in the plan (False)."""
    from slc_tui.export.invitations_pdf import invitations_pdf

    path = class_dir / INVITATIONS_FILE
    if not plan.placements:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        return False
    folders = language_folders(class_dir)
    spoken = {code: speaking(code, folders) for code in set(family_languages.values())}
    languages = {sid: spoken[code] for sid, code in family_languages.items()}
    class_language = speaking(info.language, folders)
    write_bytes_atomically(path, invitations_pdf(plan, info, class_language, languages))
    return True


class ScheduleUnreadable(Exception):
    """``schedule.json`` or ``schedule.ics`` could not be read, so a child stays in it."""


class Unscheduled(list[Path]):
    """The files rewritten without the child; ``deleted`` holds ``invitations.pdf`` when it
    could not be made again without them."""

    def __init__(self, rewritten: list[Path], deleted: list[Path]) -> None:
        super().__init__(rewritten)
        self.deleted = deleted


def unschedule_student(class_dir: Path, student_id: str) -> Unscheduled:
    """Take ``student_id`` out of ``schedule.json`` and ``schedule.ics`` (each rewritten
    atomically, everything else kept) and remake ``invitations.pdf`` from the schedule left.

    The invitations are deleted instead when no one is left or when ``schedule.json`` cannot
    be read or is gone (they might name the child). Raises :class:`ScheduleUnreadable`
    naming each file that could not be read (the rest is still done), OSError when one
    cannot be written.
    """
    from slc_tui.export.schedule_calendar import calendar_without

    rewritten: list[Path] = []
    unreadable: list[str] = []
    json_path = class_dir / SCHEDULE_FILE
    remade: bool | None = None  # the invitations: remade, deleted (False) or left (None)
    if json_path.exists():
        problems = ProblemList(SCHEDULE_FILE)
        data = read_json_file(json_path, problems)
        if problems.has_errors:
            unreadable.extend(str(problem) for problem in problems if problem.is_error)
            remade = False
        else:
            changed = without_student(data, student_id)
            if changed is not None:
                write_bytes_atomically(json_path, document_text(changed).encode("utf-8"))
                rewritten.append(json_path)
                remade = _remake_invitations(class_dir, changed)
    else:
        remade = False
    ics_path = class_dir / CALENDAR_FILE
    if ics_path.exists():
        try:
            changed_ics = calendar_without(ics_path.read_bytes(), student_id)
        except (OSError, ValueError) as error:
            unreadable.append(
                fill("{file}: cannot be read ({reason})", file=CALENDAR_FILE, reason=error)
            )
        else:
            if changed_ics is not None:
                write_bytes_atomically(ics_path, changed_ics)
                rewritten.append(ics_path)
    pdf_path = class_dir / INVITATIONS_FILE
    deleted: list[Path] = []
    if remade:
        rewritten.append(pdf_path)
    elif remade is False:
        with contextlib.suppress(FileNotFoundError):
            pdf_path.unlink()
            deleted.append(pdf_path)
    if unreadable:
        if deleted:
            unreadable.append(
                fill(
                    "{file} was deleted (it is made from {schedule})",
                    file=INVITATIONS_FILE,
                    schedule=SCHEDULE_FILE,
                )
            )
        raise ScheduleUnreadable("; ".join(unreadable))
    return Unscheduled(rewritten, deleted)


def _remake_invitations(class_dir: Path, data: dict[str, Any]) -> bool:
    """Write ``invitations.pdf`` from the schedule ``data`` (True), or say it is to be
    deleted (False): no one is left in it, or its settings cannot be read."""
    if not (class_dir / INVITATIONS_FILE).exists():
        return False
    saved = parse_schedule(data, ProblemList(SCHEDULE_FILE))
    if saved is None or not saved.plan.placements:
        return False
    folder = load_class_folder(class_dir)
    spoken = _family_languages(folder.portfolios)
    return _write_invitations(class_dir, saved.plan, folder.info, spoken)


def schedule_problems(class_dir: Path, student_ids: set[str]) -> list[Problem]:
    """Every problem in the class's ``schedule.json`` ([] when it has none or there is none),
    with a warning for each child in it not among ``student_ids`` (the class's)."""
    path = class_dir / SCHEDULE_FILE
    if not path.exists():
        return []
    problems = ProblemList(SCHEDULE_FILE)
    data = read_json_file(path, problems)
    saved = None if problems.has_errors else parse_schedule(data, problems)
    entries = saved.data.get("entries") if saved is not None else None
    for number, entry in enumerate(entries if isinstance(entries, list) else []):
        student_id = entry.get("student_id") if isinstance(entry, dict) else None
        if isinstance(student_id, str) and student_id not in student_ids:
            message = fill(
                "{id} is not in the class (slc schedule takes it out)", id=repr(student_id)
            )
            problems.warning(f"entries[{number}].student_id", message)
    return list(problems)
