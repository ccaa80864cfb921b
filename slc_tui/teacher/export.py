"""Exporting every saved conference of a class as CSV or JSON (``slc export`` and the
teacher's overview)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any, Literal

from slc_tui.core.i18n import fill
from slc_tui.export.tabular import BYTE_ORDER_MARK, csv_chunks, json_chunks
from slc_tui.store.fileops import write_chunks_atomically
from slc_tui.store.private_paths import make_private_dir
from slc_tui.store.results import ResultsStore
from slc_tui.store.tinydb_document import CorruptResultsFile

__all__ = [
    "EXPORTS_DIR",
    "ExportFailed",
    "Format",
    "check_readable",
    "default_export_path",
    "export_chunks",
    "export_text",
    "export_to",
]

Format = Literal["csv", "json"]

#: Sub-folder of the results folder where the teacher's overview puts its exports.
EXPORTS_DIR = "exports"


class ExportFailed(Exception):
    """A results file could not be read, or the export could not be written: the message
    names the file."""


def export_chunks(
    results_dir: Path, fmt: Format, counted: list[int] | None = None
) -> Iterator[str]:
    """Every saved conference in ``results_dir`` as CSV (after a byte-order mark, so Excel
    reads it as UTF-8) or JSON, piece by piece: one student's results file is read at a
    time, so memory stays the same whatever the size of the class. ``counted`` ends holding
    how many conferences there were. Raises :class:`ExportFailed` on reaching a file that
    cannot be read."""
    records = _records(results_dir)
    if fmt == "csv":
        yield BYTE_ORDER_MARK
        yield from csv_chunks(records, counted)
    else:
        yield from json_chunks(records, counted=counted)


def _records(results_dir: Path) -> Iterator[dict[str, Any]]:
    try:
        yield from ResultsStore(results_dir).iter_records()
    except CorruptResultsFile as corrupt:
        raise ExportFailed(f"{corrupt.path}: {corrupt.reason}") from corrupt
    except OSError as error:
        where = error.filename or results_dir
        message = fill("cannot read results in {path}: {reason}", path=where, reason=error.strerror)
        raise ExportFailed(message) from error


def check_readable(results_dir: Path) -> None:
    """Read every results file once, keeping nothing: :class:`ExportFailed` names the first
    that cannot be read (so an export to the screen is not cut off half-way)."""
    for _record in _records(results_dir):
        pass


def export_text(results_dir: Path, fmt: Format) -> tuple[str, int]:
    """The whole export as one text, and how many conferences it holds (for a small class,
    or a test; :func:`export_chunks` for any size)."""
    counted: list[int] = []
    text = "".join(export_chunks(results_dir, fmt, counted))
    return text, counted[0]


def export_to(results_dir: Path, fmt: Format, out: Path) -> int:
    """Write the export to ``out`` atomically, piece by piece (nothing is written when a
    results file cannot be read); returns how many conferences it holds."""
    counted: list[int] = []
    chunks = (chunk.encode("utf-8") for chunk in export_chunks(results_dir, fmt, counted))
    try:
        make_private_dir(out.parent)
        write_chunks_atomically(out, chunks)
    except OSError as error:
        reason = error.strerror or error
        raise ExportFailed(
            fill("cannot write {path}: {reason}", path=out, reason=reason)
        ) from error
    return counted[0]


def default_export_path(results_dir: Path, fmt: Format, day: date) -> Path:
    """Where the overview's export goes: ``RESULTS/exports/conferences-DAY.FMT``."""
    return Path(results_dir) / EXPORTS_DIR / f"conferences-{day.isoformat()}.{fmt}"
