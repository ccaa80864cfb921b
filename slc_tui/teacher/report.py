"""The class report after conference night, as a PDF: made from the overview's rows
(:func:`~slc_tui.teacher.overview.read_overview`: each results file read once) and each
child's latest conference as a :class:`~slc_tui.export.document.ConferenceDocument`, drawn
by :mod:`slc_tui.export.school_report_pdf`, written atomically.

Used by ``slc report`` and the overview's "Report PDF" button.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from slc_tui.core.class_folder import CLASS_FILE, ClassFolder, load_class_folder
from slc_tui.core.i18n import (
    ENGLISH,
    Translation,
    fill,
    speaking,
)
from slc_tui.export.document import ConferenceDocument
from slc_tui.export.school_report import ReportChild, SchoolReport
from slc_tui.store.fileops import write_bytes_atomically
from slc_tui.store.paths import language_folders
from slc_tui.store.private_paths import make_private_dir
from slc_tui.teacher.export import EXPORTS_DIR
from slc_tui.teacher.overview import Overview, OverviewRow, read_overview

__all__ = [
    "ReportFailed",
    "ReportWritten",
    "class_report",
    "default_report_path",
    "report_language",
    "write_class_report",
    "write_report",
]


class ReportFailed(Exception):
    """No report could be made: the message names the folder or the file."""


@dataclass(frozen=True)
class ReportWritten:
    """Where the report went, how many children it lists and what could not be read."""

    path: Path
    children: int
    problems: tuple[str, ...] = ()


def default_report_path(results_dir: Path, day: date) -> Path:
    """``RESULTS/exports/report-DAY.pdf``, beside the overview's CSV exports."""
    return Path(results_dir) / EXPORTS_DIR / f"report-{day.isoformat()}.pdf"


def report_language(folder: ClassFolder) -> Translation:
    """The language the report speaks: the class's (its catalogs in the class folder's
    ``languages/``, the user's and the bundled ones), English when slc has none for it."""
    return speaking(folder.info.language, language_folders(folder.root))


def class_report(
    folder: ClassFolder, overview: Overview, day: date, language: Translation = ENGLISH
) -> SchoolReport:
    """The report of ``folder``'s class from its ``overview``, made on ``day``, in
    ``language``."""
    row_problems = {row.problem for row in overview.rows if row.problem}
    info = folder.info
    return SchoolReport(
        class_name=info.name,
        teacher=info.teacher,
        term=info.term,
        made_on=day.isoformat(),
        paper=info.paper,
        children=tuple(report_child(row) for row in overview.rows),
        notes=tuple(p for p in overview.problems if p not in row_problems),
        language=language,
    )


def report_child(row: OverviewRow) -> ReportChild:
    """One overview row as the report shows it: goals and what the family will do at home
    from the conference the row's day and minutes are of."""
    document = ConferenceDocument.from_record(row.latest) if row.latest is not None else None
    return ReportChild(
        student_id=row.student_id,
        name=row.name,
        grade=row.grade,
        status=row.status,
        day=row.date,
        minutes=row.minutes,
        follow_up=row.follow_up,
        follow_up_day=row.follow_up_day,
        goals=document.goals if document is not None else (),
        at_home=tuple(document.home_lines) if document is not None else (),
        in_class=row.in_class,
        problem=row.problem,
    )


def write_report(
    folder: ClassFolder,
    results_dir: Path,
    day: date,
    out: Path | None = None,
    language: Translation | None = None,
) -> ReportWritten:
    """Read the class's results, draw the report and write it to ``out`` (default:
    :func:`default_report_path`) atomically, owner-only, in ``language`` (default: the
    class's, :func:`report_language`: the report is made in a worker, never in the
    active language).

    Raises:
        ReportFailed: the results folder cannot be read or the file cannot be written.
    """
    from slc_tui.export.school_report_pdf import school_report_pdf

    try:
        overview = read_overview(folder, results_dir)
    except OSError as error:
        where = error.filename or results_dir
        reason = error.strerror or error
        raise ReportFailed(
            fill("cannot read {file}: {reason}", file=where, reason=reason)
        ) from error
    spoken = language if language is not None else report_language(folder)
    data = school_report_pdf(class_report(folder, overview, day, spoken))
    path = out if out is not None else default_report_path(results_dir, day)
    try:
        make_private_dir(path.parent)
        write_bytes_atomically(path, data)
    except OSError as error:
        reason = error.strerror or error
        raise ReportFailed(
            fill("cannot write {file}: {reason}", file=path, reason=reason)
        ) from error
    return ReportWritten(path, len(overview.rows), tuple(overview.problems))


def write_class_report(
    class_dir: Path, results_dir: Path, day: date, out: Path | None = None
) -> ReportWritten:
    """``slc report``: the report of the class folder ``class_dir``.

    Raises:
        ReportFailed: ``class_dir`` is not a class folder, or as :func:`write_report`.
    """
    if not (class_dir / CLASS_FILE).is_file():
        raise ReportFailed(
            fill("{folder} is not a class folder (no {file})", folder=class_dir, file=CLASS_FILE)
        )
    return write_report(load_class_folder(class_dir), results_dir, day, out)
