"""Conference records on disk: one small TinyDB file per student.

Layout of the results folder::

    <student_id>.json                     a TinyDB database, table "conferences"
    <student_id>.json.bak                 what the last save wrote (the last good copy)
    <student_id>.damaged-<when>.json      a damaged file kept by recovery (never read)
    .locks/<student_id>.lock              the inter-process write lock

Saving a conference rewrites only that student's file, so the cost of a save
does not grow with the size of the class. A save parses that file once,
replaces or adds its record and writes the file back (and the same bytes to
its last good copy), re-encoding only that record (see
:mod:`slc_tui.store.results_file`); a read parses each file once with
``json.loads``. The files stay TinyDB documents
(``{"conferences": {"<doc id>": {record}}}``, compact JSON, one record per line)
that TinyDB itself can open, but the store needs no TinyDB to read or write them.

A student's file holds that student's conferences only: one whose ``student_id``
is not the file's student (or not text) makes the file damaged, like bad JSON
does (see :mod:`slc_tui.store.ownership`), so it is never returned, resumed or
saved into for that student.
"""

from __future__ import annotations

import dataclasses
import os
import threading
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from slc_tui.core.fields import is_valid_id
from slc_tui.store.fileops import write_file_and_backup
from slc_tui.store.locking import DEFAULT_LOCK_TIMEOUT, ResultsBusy, student_file_lock
from slc_tui.store.ownership import foreign_records_reason
from slc_tui.store.private_paths import make_private_dir
from slc_tui.store.results_file import BACKUP_SUFFIX, TABLE_NAME, ResultsFile
from slc_tui.store.tinydb_document import CorruptResultsFile, parse_tinydb_document

if TYPE_CHECKING:  # imported when a damaged file is met: not on the start-up path
    from slc_tui.store.recovery import Recovery

__all__ = ["ResultsBusy", "ResultsStore"]

_T = TypeVar("_T")


def _nfc(value: _T) -> _T:
    """Return a copy of ``value`` with every string normalised to NFC.

    Dicts and lists are copied (tuples become lists, as in JSON); anything else is
    returned as it is: numbers, ``True``/``False`` and ``None`` are immutable, and
    any other value is refused by the JSON encoder before anything is written.
    """
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)  # type: ignore[return-value]
    if isinstance(value, dict):
        return {_nfc(k): _nfc(v) for k, v in value.items()}  # type: ignore[return-value]
    if isinstance(value, list | tuple):
        return [_nfc(v) for v in value]  # type: ignore[return-value]
    return value


def _sort_key(record: dict[str, Any]) -> tuple[str, str, str]:
    """Order records by start time (ties: last update, then id)."""
    get = record.get
    return str(get("started") or ""), str(get("updated") or ""), str(get("id") or "")


class ResultsStore:
    """Reads and writes conference records under one results folder.

    Each student's conferences live in ``<results_dir>/<student_id>.json`` (a
    TinyDB document, written atomically). Every call opens the file, does its work
    and closes it again, so reads always reflect the disk. The folder is created
    (mode 0o700) on the first write, not before. Every write also leaves
    ``<student_id>.json.bak`` equal to what it wrote: the last good copy.

    Records go in and come out as plain ``dict`` copies. Strings are normalised
    to NFC when saved. A results file that is damaged (empty, cut off, not JSON,
    not a TinyDB document, or holding a conference that is not its student's)
    raises :class:`~slc_tui.store.tinydb_document.CorruptResultsFile`; it is never
    reset. :meth:`check_and_recover` (at start-up), :meth:`recover` (for one
    student) and :meth:`save_recovering` (a save that finds the damage) keep such
    a file aside and repair it (:mod:`slc_tui.store.recovery`).

    Every read-modify-write (save, delete, recover) holds an in-process lock and
    the student's inter-process file lock, so two copies of the app on one class
    folder lose no update; waiting longer than ``lock_timeout`` seconds raises
    :class:`~slc_tui.store.locking.ResultsBusy` (an ``OSError``). Reads take no
    lock: files are replaced atomically, so a reader sees the old or the new one.
    """

    def __init__(
        self,
        results_dir: Path,
        *,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        """Use ``results_dir`` for results; it need not exist yet.

        ``lock_timeout`` is how long a write waits for another writer; ``clock``
        dates the names of damaged copies.
        """
        self._results_dir = Path(results_dir)
        self._lock = threading.RLock()
        self._lock_timeout = lock_timeout
        self._clock = clock

    @property
    def results_dir(self) -> Path:
        """The folder that holds the per-student results files."""
        return self._results_dir

    def path_for(self, student_id: str) -> Path:
        """Return the results file for ``student_id``; raise ValueError for unsafe ids."""
        if not is_valid_id(student_id):
            raise ValueError(f"invalid student id: {student_id!r}")
        return self._results_dir / f"{student_id}.json"

    def backup_path_for(self, student_id: str) -> Path:
        """Return where the last good copy of ``student_id``'s results file is kept."""
        return self._backup_path(self.path_for(student_id))

    # -- writing -----------------------------------------------------------

    def save(self, record: dict[str, Any]) -> Path:
        """Insert or replace (by ``record["id"]``) a conference record; return its file.

        Raises ``ValueError`` for a record without an id or with an unsafe student
        id, :class:`CorruptResultsFile` if the student's file is damaged (nothing
        is written), :class:`ResultsBusy` if another writer holds the file too long.
        """
        path, _ = self._save(record, repair=False)
        return path

    def save_recovering(self, record: dict[str, Any]) -> tuple[Path, Recovery | None]:
        """:meth:`save`, repairing a damaged file on the way instead of raising.

        The damaged file is kept aside and repaired as :meth:`recover` does, and
        ``record`` is then saved into the repaired file, all under one lock. Returns
        the file and the :class:`Recovery` (``saved_again``), or ``None`` when the
        file was fine.
        """
        return self._save(record, repair=True)

    def _save(self, record: dict[str, Any], repair: bool) -> tuple[Path, Recovery | None]:
        record_id = record.get("id")
        if not isinstance(record_id, str) or not record_id:
            raise ValueError("record has no id")
        student_id = record.get("student_id")
        path = self.path_for(student_id)  # type: ignore[arg-type]
        assert isinstance(student_id, str)  # a valid id
        document: dict[str, Any] = _nfc(dict(record))
        recovery: Recovery | None = None
        with self._writing(student_id):
            try:
                content = self._read_for_change(path, student_id)
            except CorruptResultsFile:
                if not repair:
                    raise
                from slc_tui.store.recovery import recover_results_file

                recovery = recover_results_file(path, student_id, self._clock())
                content = self._read_for_change(path, student_id)
            content = content or ResultsFile.empty()
            content.put(record_id, document)
            write_file_and_backup(path, self._backup_path(path), content.encode())
        if recovery is not None:
            recovery = dataclasses.replace(recovery, saved_again=True)
        return path, recovery

    def delete(self, record_id: str, student_id: str) -> bool:
        """Remove the conference ``record_id`` of ``student_id``; return True if one was removed."""
        path = self.path_for(student_id)
        if not path.exists():
            return False
        with self._writing(student_id):
            content = self._read_for_change(path, student_id)
            if content is None or not content.remove(record_id):
                return False
            write_file_and_backup(path, self._backup_path(path), content.encode())
        return True

    # -- recovery ----------------------------------------------------------

    def recover(self, student_id: str) -> Recovery | None:
        """Repair ``student_id``'s results file if it is damaged; ``None`` if it is fine.

        The damaged file is kept as ``<id>.damaged-<YYYYmmdd-HHMMSS>.json`` (which
        :meth:`all_records` does not read). A file that reads but holds other
        students' conferences keeps the student's own ones; otherwise the last good
        copy is restored if it is valid, or the student starts with no file. Takes the same
        locks as a save (so it may raise :class:`ResultsBusy`). Use it when a read
        raised :class:`CorruptResultsFile` mid-session; show ``.message``.
        """
        path = self.path_for(student_id)
        if not self._results_dir.is_dir():
            return None
        from slc_tui.store.recovery import recover_results_file

        with self._writing(student_id):
            return recover_results_file(path, student_id, self._clock())

    def check_and_recover(self) -> list[Recovery]:
        """Check every results file and :meth:`recover` the damaged ones (call at start-up).

        Returns one :class:`Recovery` per damaged file, in student-id order; an
        empty list when all is well. Files that read fine are not locked, unless a
        killed writer left temporary files of theirs behind, which are removed.
        """
        damaged: set[str] = set()
        for student_id in self._student_ids():
            try:
                self._read_file(self.path_for(student_id), student_id)
            except CorruptResultsFile:
                damaged.add(student_id)
        recoveries: list[Recovery] = []
        for student_id in sorted(damaged | self._students_with_temp_files()):
            recovery = self.recover(student_id)
            if recovery is not None:
                recoveries.append(recovery)
        return recoveries

    # -- reading -----------------------------------------------------------

    def records_for(self, student_id: str) -> list[dict[str, Any]]:
        """Return all conferences of ``student_id``, oldest first (by ``started``).

        Raises :class:`CorruptResultsFile` when the file is damaged, also when a
        conference in it is not ``student_id``'s.
        """
        path = self.path_for(student_id)
        return self._read_file(path, student_id)

    def iter_records(self) -> Iterator[dict[str, Any]]:
        """Every stored conference, one student's file at a time (in student id order, each
        student's by ``started``): what :meth:`all_records` returns, in constant memory.
        Raises :class:`CorruptResultsFile` when it reaches a damaged file."""
        for student_id in self._student_ids():
            yield from self._read_file(self.path_for(student_id), student_id)

    def all_records(self) -> list[dict[str, Any]]:
        """Return every stored conference, sorted by student id, then by ``started``.

        Only ``*.json`` files whose name is a valid student id are read (so backups,
        damaged copies and lock files are not).
        """
        records: list[dict[str, Any]] = []
        for student_id in self._student_ids():
            records.extend(self._read_file(self.path_for(student_id), student_id))
        records.sort(key=lambda r: (str(r.get("student_id") or ""), *_sort_key(r)))
        return records

    def student_ids(self) -> list[str]:
        """The ids of the students that have a results file, sorted (only ``<id>.json``
        files at the top of the folder: sub-folders such as ``teacher/`` are not results)."""
        return self._student_ids()

    # -- helpers -----------------------------------------------------------

    def _student_ids(self) -> list[str]:
        """The ids of the students that have a results file, sorted."""
        try:
            names = sorted(os.listdir(self._results_dir))
        except FileNotFoundError:
            return []
        ids: list[str] = []
        for name in names:
            stem, dot, ext = name.rpartition(".")
            if dot and ext == "json" and is_valid_id(stem) and (self._results_dir / name).is_file():
                ids.append(stem)
        return ids

    def _students_with_temp_files(self) -> set[str]:
        """The ids of students whose folder holds temporary files (``.<id>.json.….tmp``)."""
        try:
            names = os.listdir(self._results_dir)
        except FileNotFoundError:
            return set()
        found: set[str] = set()
        for name in names:
            if name.startswith(".") and name.endswith(".tmp") and ".json." in name:
                student_id = name[1:].split(".json.", 1)[0]
                if is_valid_id(student_id):
                    found.add(student_id)
        return found

    @staticmethod
    def _read_file(path: Path, student_id: str) -> list[dict[str, Any]]:
        """The records in ``path`` (``[]`` if it is missing), sorted by :func:`_sort_key`.

        The file is parsed once; the records are new objects, the caller's to keep.
        Raises :class:`CorruptResultsFile` if it is damaged or holds a conference
        that is not ``student_id``'s.
        """
        try:
            with open(path, "rb") as handle:
                raw = handle.read()
        except FileNotFoundError:
            return []
        tables = parse_tinydb_document(path, raw, empty_is_corrupt=True)
        assert tables is not None  # empty_is_corrupt
        _check_ownership(path, student_id, tables)
        records: list[dict[str, Any]] = list(tables.get(TABLE_NAME, {}).values())
        records.sort(key=_sort_key)
        return records

    @staticmethod
    def _read_for_change(path: Path, student_id: str) -> ResultsFile | None:
        """The content of ``path`` for a save or delete (``None`` if it is missing), checked
        as :meth:`_read_file` checks it."""
        try:
            with open(path, "rb") as handle:
                raw = handle.read()
        except FileNotFoundError:
            return None
        content = ResultsFile.parse(path, raw)
        _check_ownership(path, student_id, content.tables)
        return content

    @contextmanager
    def _writing(self, student_id: str) -> Iterator[None]:
        """Hold the in-process lock and the student's inter-process lock."""
        with self._lock:
            make_private_dir(self._results_dir)
            with student_file_lock(self._results_dir, student_id, self._lock_timeout):
                yield

    @staticmethod
    def _backup_path(path: Path) -> Path:
        return path.with_name(path.name + BACKUP_SUFFIX)


def _check_ownership(path: Path, student_id: str, tables: dict[str, dict[str, Any]]) -> None:
    """Raise :class:`CorruptResultsFile` if a conference in ``tables`` is not ``student_id``'s."""
    reason = foreign_records_reason(student_id, tables)
    if reason is not None:
        raise CorruptResultsFile(path, reason)
