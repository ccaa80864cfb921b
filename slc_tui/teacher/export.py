"""Export every saved conference of a class as CSV or JSON (``slc export`` and the
teacher's overview both call this).

CSV starts with UTF-8's byte-order mark, so Excel reads accents and other scripts right.
Files are written atomically (owner-only); the overview writes to
``RESULTS/exports/conferences-YYYY-MM-DD.csv`` (:func:`export_path`), a folder that is never
read as results.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Literal

from slc_tui.export.tabular import BYTE_ORDER_MARK, records_to_csv, records_to_json
from slc_tui.store.fileops import write_bytes_atomically
from slc_tui.store.private_paths import make_private_dir
from slc_tui.store.results import ResultsStore
from slc_tui.store.tinydb_document import CorruptResultsFile

__all__ = [
    "EXPORTS_DIR",
    "ExportFailed",
    "export_conferences",
    "export_path",
    "export_text",
    "export_to_results",
]

ExportFormat = Literal["csv", "json"]

#: The sub-folder of the results folder that the overview's exports go to.
EXPORTS_DIR = "exports"


class ExportFailed(Exception):
    """Nothing was exported; ``str()`` names the file and says why."""


def export_path(results_dir: Path, fmt: ExportFormat, day: date) -> Path:
    """Where the overview writes an export made on ``day`` (one a day: a later one
    replaces it)."""
    return Path(results_dir) / EXPORTS_DIR / f"conferences-{day.isoformat()}.{fmt}"


def export_to_results(results_dir: Path, fmt: ExportFormat, day: date) -> tuple[Path, int]:
    """Export into the results folder's ``exports/`` (made owner-only if missing): the
    file written and how many conferences it holds. Raises :class:`ExportFailed`."""
    out = export_path(results_dir, fmt, day)
    try:
        make_private_dir(out.parent)
    except OSError as error:
        raise ExportFailed(f"cannot make {out.parent}: {error.strerror or error}") from None
    return out, export_conferences(results_dir, fmt, out)


def export_text(results_dir: Path, fmt: ExportFormat) -> tuple[str, int]:
    """Every conference in ``results_dir`` as CSV (with the byte-order mark) or JSON text,
    and how many there are. Raises :class:`ExportFailed` when a results file cannot be
    read (nothing is left out silently)."""
    try:
        records = ResultsStore(Path(results_dir)).all_records()
    except CorruptResultsFile as corrupt:
        raise ExportFailed(f"{corrupt.path}: {corrupt.reason}") from None
    except OSError as error:
        where = error.filename or results_dir
        raise ExportFailed(f"cannot read results in {where}: {error.strerror}") from None
    buffer = io.StringIO(newline="")
    if fmt == "csv":
        buffer.write(BYTE_ORDER_MARK)  # Excel then reads the file as UTF-8
        count = records_to_csv(records, buffer)
    else:
        count = records_to_json(records, buffer)
    return buffer.getvalue(), count


def export_conferences(results_dir: Path, fmt: ExportFormat, out: Path) -> int:
    """Write every conference of ``results_dir`` to ``out`` (atomically) and return how
    many were exported. Raises :class:`ExportFailed`."""
    text, count = export_text(results_dir, fmt)
    try:
        write_bytes_atomically(out, text.encode("utf-8"))
    except OSError as error:
        raise ExportFailed(f"cannot write {out}: {error.strerror or error}") from None
    return count
