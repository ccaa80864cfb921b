"""Exporting every saved conference of a class as CSV or JSON (``slc export`` and the
teacher's overview)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Literal

from slc_tui.core.i18n import fill
from slc_tui.export.tabular import BYTE_ORDER_MARK, records_to_csv, records_to_json
from slc_tui.store.fileops import write_bytes_atomically
from slc_tui.store.private_paths import make_private_dir
from slc_tui.store.results import ResultsStore
from slc_tui.store.tinydb_document import CorruptResultsFile

__all__ = [
    "EXPORTS_DIR",
    "ExportFailed",
    "Format",
    "default_export_path",
    "export_text",
    "export_to",
]

Format = Literal["csv", "json"]

#: Sub-folder of the results folder where the teacher's overview puts its exports.
EXPORTS_DIR = "exports"


class ExportFailed(Exception):
    """A results file could not be read, or the export could not be written: the message
    names the file."""


def export_text(results_dir: Path, fmt: Format) -> tuple[str, int]:
    """Every saved conference in ``results_dir`` as one CSV (with a byte-order mark, so
    Excel reads it as UTF-8) or JSON text, and how many conferences it holds."""
    try:
        records = ResultsStore(results_dir).all_records()
    except CorruptResultsFile as corrupt:
        raise ExportFailed(f"{corrupt.path}: {corrupt.reason}") from corrupt
    except OSError as error:
        where = error.filename or results_dir
        message = fill("cannot read results in {path}: {reason}", path=where, reason=error.strerror)
        raise ExportFailed(message) from error
    buffer = io.StringIO(newline="")
    if fmt == "csv":
        buffer.write(BYTE_ORDER_MARK)
        count = records_to_csv(records, buffer)
    else:
        count = records_to_json(records, buffer)
    return buffer.getvalue(), count


def export_to(results_dir: Path, fmt: Format, out: Path) -> int:
    """Write the export to ``out`` atomically; returns how many conferences it holds."""
    text, count = export_text(results_dir, fmt)
    try:
        make_private_dir(out.parent)
        write_bytes_atomically(out, text.encode("utf-8"))
    except OSError as error:
        reason = error.strerror or error
        raise ExportFailed(
            fill("cannot write {path}: {reason}", path=out, reason=reason)
        ) from error
    return count


def default_export_path(results_dir: Path, fmt: Format, day: date) -> Path:
    """Where the overview's export goes: ``RESULTS/exports/conferences-DAY.FMT``."""
    return Path(results_dir) / EXPORTS_DIR / f"conferences-{day.isoformat()}.{fmt}"
