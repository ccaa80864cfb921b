"""Conference records on disk: one small TinyDB file per student.

Layout: ``RESULTS_DIR/<student_id>.json``, each a TinyDB database with a single
``"conferences"`` table. Saving a conference rewrites only that student's file,
so the cost of a save does not grow with the size of the class.
"""

from __future__ import annotations

import copy
import os
import threading
import unicodedata
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any, TypeVar

from tinydb import Query, TinyDB

from slc_tui.core.fields import is_valid_id
from slc_tui.store.atomic_storage import AtomicJSONStorage

__all__ = ["ResultsStore"]

TABLE_NAME = "conferences"

_T = TypeVar("_T")


def _nfc(value: _T) -> _T:
    """Return a deep copy of ``value`` with every string normalised to NFC."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)  # type: ignore[return-value]
    if isinstance(value, dict):
        return {_nfc(k): _nfc(v) for k, v in value.items()}  # type: ignore[return-value]
    if isinstance(value, list | tuple):
        return [_nfc(v) for v in value]  # type: ignore[return-value]
    return copy.deepcopy(value)


def _sort_key(record: dict[str, Any]) -> tuple[str, str, str]:
    """Order records by start time (ties: last update, then id)."""
    started, updated, record_id = (record.get(k) or "" for k in ("started", "updated", "id"))
    return str(started), str(updated), str(record_id)


class ResultsStore:
    """Reads and writes conference records under one results folder.

    Each student's conferences live in ``<results_dir>/<student_id>.json`` (a
    TinyDB file written through :class:`AtomicJSONStorage`). Every call opens the
    file, does its work and closes it again, so reads always reflect the disk.
    The folder is created (mode 0o700) on the first write, not before.

    Records go in and come out as plain ``dict`` copies. Strings are normalised
    to NFC when saved. A results file that is not valid JSON raises
    :class:`~slc_tui.store.atomic_storage.CorruptResultsFile`; it is never reset.
    Calls are serialised by an in-process lock (saves may run in worker
    threads); there is no lock between processes.
    """

    def __init__(self, results_dir: Path) -> None:
        """Use ``results_dir`` for results; it need not exist yet."""
        self._results_dir = Path(results_dir)
        self._lock = threading.RLock()

    @property
    def results_dir(self) -> Path:
        """The folder that holds the per-student results files."""
        return self._results_dir

    def path_for(self, student_id: str) -> Path:
        """Return the results file for ``student_id``; raise ValueError for unsafe ids."""
        if not is_valid_id(student_id):
            raise ValueError(f"invalid student id: {student_id!r}")
        return self._results_dir / f"{student_id}.json"

    # -- writing -----------------------------------------------------------

    def save(self, record: dict[str, Any]) -> Path:
        """Insert or replace (by ``record["id"]``) a conference record; return its file."""
        record_id = record.get("id")
        if not isinstance(record_id, str) or not record_id:
            raise ValueError("record has no id")
        path = self.path_for(record.get("student_id"))  # type: ignore[arg-type]
        document: dict[str, Any] = _nfc(dict(record))

        def replace(doc: MutableMapping[str, Any]) -> None:
            doc.clear()
            doc.update(document)

        with self._lock:
            self._ensure_dir()
            with self._open(path) as db:
                table = db.table(TABLE_NAME)
                matches = Query().id == record_id
                if table.contains(matches):
                    table.update(replace, matches)
                else:
                    table.insert(document)
        return path

    def delete(self, record_id: str, student_id: str) -> bool:
        """Remove the conference ``record_id`` of ``student_id``; return True if one was removed."""
        path = self.path_for(student_id)
        with self._lock:
            if not path.exists():
                return False
            with self._open(path) as db:
                table = db.table(TABLE_NAME)
                matches = Query().id == record_id
                if not table.contains(matches):
                    return False
                table.remove(matches)
        return True

    # -- reading -----------------------------------------------------------

    def records_for(self, student_id: str) -> list[dict[str, Any]]:
        """Return all conferences of ``student_id``, oldest first (by ``started``)."""
        path = self.path_for(student_id)
        return self._read_file(path)

    def all_records(self) -> list[dict[str, Any]]:
        """Return every stored conference, sorted by student id, then by ``started``.

        Only ``*.json`` files whose name is a valid student id are read.
        """
        with self._lock:
            try:
                names = sorted(os.listdir(self._results_dir))
            except FileNotFoundError:
                return []
        records: list[dict[str, Any]] = []
        for name in names:
            stem, dot, ext = name.rpartition(".")
            if dot and ext == "json" and is_valid_id(stem):
                path = self._results_dir / name
                if path.is_file():
                    records.extend(self._read_file(path))
        records.sort(key=lambda r: (str(r.get("student_id") or ""), *_sort_key(r)))
        return records

    # -- helpers -----------------------------------------------------------

    def _read_file(self, path: Path) -> list[dict[str, Any]]:
        with self._lock:
            if not path.exists():
                return []
            with self._open(path) as db:
                documents = db.table(TABLE_NAME).all()
        records = [copy.deepcopy(dict(doc)) for doc in documents]
        records.sort(key=_sort_key)
        return records

    def _ensure_dir(self) -> None:
        self._results_dir.mkdir(mode=0o700, parents=True, exist_ok=True)

    @staticmethod
    def _open(path: Path) -> TinyDB:
        return TinyDB(path, storage=AtomicJSONStorage)
