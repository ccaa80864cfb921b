"""Recovering a damaged results file from its last good copy.

A results file can still end up damaged: a disk or a shared folder that lies
about ``fsync``, a power cut on a file system that reorders writes, a person
editing the file by hand, an old copy of the app. Nothing is ever reset
silently: the damaged file is kept under a new name that the store does not
read (``<id>.damaged-<YYYYmmdd-HHMMSS>.json``), the last good copy
(``<id>.json.bak``, kept by every save) is restored when it is valid, and the
caller gets a :class:`Recovery` describing what happened in plain words.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from slc_tui.store.fileops import (
    fsync_directory,
    keep_copy_under_new_name,
    remove_stale_temp_files,
    write_bytes_atomically,
)
from slc_tui.store.tinydb_document import CorruptResultsFile, parse_tinydb_document

__all__ = ["BACKUP_SUFFIX", "Recovery", "damaged_copy_stem", "recover_results_file"]

BACKUP_SUFFIX = ".bak"
"""``<id>.json`` keeps its last good copy in ``<id>.json.bak``."""


@dataclass(frozen=True)
class Recovery:
    """What was done about one damaged results file.

    ``damaged_copy`` is where the damaged file now is (kept, never deleted);
    ``restored`` says whether the last good copy was put back, holding
    ``records_restored`` conferences; ``reason`` says what was wrong.
    """

    student_id: str
    damaged_copy: Path
    restored: bool
    records_restored: int
    reason: str

    @property
    def file_name(self) -> str:
        """The name of the results file that was damaged (``<id>.json``)."""
        return f"{self.student_id}.json"

    @property
    def message(self) -> str:
        """A sentence or two for the teacher, naming the files involved."""
        kept = (
            f"{self.file_name} was damaged ({self.reason}); it is kept as {self.damaged_copy.name}"
        )
        if self.restored:
            count = self.records_restored
            held = {0: "no conferences", 1: "1 conference"}.get(count, f"{count} conferences")
            return f"{kept} and the last good copy ({held}) was restored."
        return (
            f"{kept}. There was no good earlier copy to restore, "
            f"so {self.student_id} has no saved conferences for now."
        )


def damaged_copy_stem(student_id: str, now: datetime) -> str:
    """The name (without ``.json``) a damaged file of ``student_id`` is kept under."""
    return f"{student_id}.damaged-{now:%Y%m%d-%H%M%S}"


def _read_valid(path: Path) -> tuple[bytes, int] | None:
    """Return the bytes of ``path`` and its number of documents, if it is a valid
    non-empty TinyDB file; ``None`` if it is missing, unreadable or damaged."""
    try:
        raw = path.read_bytes()
        document = parse_tinydb_document(path, raw, empty_is_corrupt=True)
    except (OSError, CorruptResultsFile):
        return None
    assert document is not None  # empty_is_corrupt
    return raw, sum(len(table) for table in document.values())


def recover_results_file(path: Path, student_id: str, now: datetime) -> Recovery | None:
    """Check ``path`` and, if it is damaged, keep it aside and restore its last good copy.

    The caller must hold the student's write lock. Returns ``None`` when the file
    is missing or fine. Leftover temporary files of killed writers are removed
    on the way. Restoring is atomic (readers see the damaged or the restored
    file, never a missing one); without a valid backup the damaged file is
    removed (after it has been kept under its new name) so the student starts
    fresh. I/O errors propagate as ``OSError``.
    """
    remove_stale_temp_files(path.parent, path.name)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    try:
        parse_tinydb_document(path, raw, empty_is_corrupt=True)
    except CorruptResultsFile as corrupt:
        reason = corrupt.reason
    else:
        return None
    damaged_copy = keep_copy_under_new_name(path, damaged_copy_stem(student_id, now))
    backup = _read_valid(path.with_name(path.name + BACKUP_SUFFIX))
    if backup is not None:
        backup_raw, count = backup
        write_bytes_atomically(path, backup_raw)
    else:
        count = 0
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        fsync_directory(path.parent)
    return Recovery(student_id, damaged_copy, backup is not None, count, reason)
