"""Recovering a damaged results file: kept aside, its good conferences kept or restored.

A results file can still end up damaged: a disk or a shared folder that lies
about ``fsync``, a power cut on a file system that reorders writes, a person
editing the file by hand or copying one student's file over another's, an old
copy of the app. Nothing is ever reset silently: the damaged file is kept under
a new name that the store does not read (``<id>.damaged-<YYYYmmdd-HHMMSS>.json``)
and the caller gets a :class:`Recovery` describing what happened in plain words.

What the student's file then holds:

- a file that reads but holds conferences of other students (or with no or a
  wrong-typed ``student_id``): the student's own conferences in it, the others
  left out (they stay in the damaged copy);
- a file that cannot be read, or holds none of the student's own conferences:
  the last good copy (``<id>.json.bak``, which every save leaves equal to what it
  wrote), its own conferences only, when it is valid; else no file at all.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from slc_tui.core.i18n import N_, _, fill
from slc_tui.store.fileops import (
    fsync_directory,
    keep_copy_under_new_name,
    remove_stale_temp_files,
    write_bytes_atomically,
)
from slc_tui.store.ownership import conferences_phrase, foreign_records_reason, own_tables
from slc_tui.store.results_file import BACKUP_SUFFIX, TABLE_NAME, ResultsFile
from slc_tui.store.tinydb_document import CorruptResultsFile, parse_tinydb_document

__all__ = ["BACKUP_SUFFIX", "Recovery", "damaged_copy_stem", "recover_results_file"]


@dataclass(frozen=True)
class Recovery:
    """What was done about one damaged results file.

    ``damaged_copy`` is where the damaged file now is (kept, never deleted);
    ``reason`` says what was wrong. The repaired file holds ``records_restored``
    conferences: the last good copy's (``restored``), or the student's own ones
    from the damaged file itself (``kept_own``: the file held other students'
    too); neither means the student was left with no file. ``saved_again``: a
    save found the damage, and wrote the conference it was saving into the
    repaired file.
    """

    student_id: str
    damaged_copy: Path
    restored: bool
    records_restored: int
    reason: str
    kept_own: bool = False
    saved_again: bool = False

    @property
    def file_name(self) -> str:
        """The name of the results file that was damaged (``<id>.json``)."""
        return f"{self.student_id}.json"

    @property
    def message(self) -> str:
        """A sentence or two for the teacher, naming the files involved (in the active
        language)."""
        if self.kept_own:
            message = _KEPT_OWN
        elif self.restored:
            message = _RESTORED
        elif self.saved_again:
            message = _STARTED_AGAIN
        else:
            message = _NONE_LEFT
        text = fill(
            message,
            file=self.file_name,
            reason=self.reason,
            copy=self.damaged_copy.name,
            student=self.student_id,
            held=conferences_phrase(self.records_restored),
        )
        if self.saved_again and (self.kept_own or self.restored):
            text += " " + _("The conference open now was saved into it too.")
        return text


_KEPT_OWN = N_(
    "{file} was damaged ({reason}); it is kept as {copy} and what was {student}'s own in it "
    "({held}) was kept."
)
_RESTORED = N_(
    "{file} was damaged ({reason}); it is kept as {copy} and the last good copy ({held}) "
    "was restored."
)
_STARTED_AGAIN = N_(
    "{file} was damaged ({reason}); it is kept as {copy}. There was no good earlier copy to "
    "restore, so a new {file} was started with the conference open now."
)
_NONE_LEFT = N_(
    "{file} was damaged ({reason}); it is kept as {copy}. There was no good earlier copy to "
    "restore, so {student} has no saved conferences for now."
)


def damaged_copy_stem(student_id: str, now: datetime) -> str:
    """The name (without ``.json``) a damaged file of ``student_id`` is kept under."""
    return f"{student_id}.damaged-{now:%Y%m%d-%H%M%S}"


def _count(tables: dict[str, dict[str, Any]]) -> int:
    return len(tables.get(TABLE_NAME, {}))


def _good_copy(path: Path, student_id: str) -> tuple[bytes, int] | None:
    """The bytes to restore from ``path`` and their number of conferences, if it is a
    valid non-empty TinyDB file; ``None`` if it is missing, unreadable or damaged.

    Conferences in it that are not ``student_id``'s are left out of the bytes.
    """
    try:
        raw = path.read_bytes()
        tables = parse_tinydb_document(path, raw, empty_is_corrupt=True)
    except (OSError, CorruptResultsFile):
        return None
    assert tables is not None  # empty_is_corrupt
    if foreign_records_reason(student_id, tables) is not None:
        tables = own_tables(student_id, tables)
        raw = ResultsFile(tables, {}).encode()
    return raw, _count(tables)


def recover_results_file(path: Path, student_id: str, now: datetime) -> Recovery | None:
    """Check ``path`` and, if it is damaged, keep it aside and repair it (see above).

    The caller must hold the student's write lock. Returns ``None`` when the file
    is missing or fine. Leftover temporary files of killed writers are removed
    on the way. Repairing is atomic (readers see the damaged or the repaired
    file, never a missing one); with nothing good to put back the damaged file is
    removed (after it has been kept under its new name) so the student starts
    fresh. The last good copy itself is left as it is. I/O errors propagate as
    ``OSError``.
    """
    remove_stale_temp_files(path.parent, path.name)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    own: dict[str, dict[str, Any]] = {}
    try:
        tables = parse_tinydb_document(path, raw, empty_is_corrupt=True)
    except CorruptResultsFile as corrupt:
        reason = corrupt.reason
    else:
        assert tables is not None  # empty_is_corrupt
        foreign = foreign_records_reason(student_id, tables)
        if foreign is None:
            return None
        reason, own = foreign, own_tables(student_id, tables)
    damaged_copy = keep_copy_under_new_name(path, damaged_copy_stem(student_id, now))
    if _count(own):
        write_bytes_atomically(path, ResultsFile(own, {}).encode())
        return Recovery(student_id, damaged_copy, False, _count(own), reason, kept_own=True)
    backup = _good_copy(path.with_name(path.name + BACKUP_SUFFIX), student_id)
    if backup is not None:
        backup_raw, count = backup
        write_bytes_atomically(path, backup_raw)
    else:
        count = 0
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        fsync_directory(path.parent)
    return Recovery(student_id, damaged_copy, backup is not None, count, reason)
