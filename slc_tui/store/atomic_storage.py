"""A crash-safe JSON storage for TinyDB.

TinyDB's stock ``JSONStorage`` truncates the database file and rewrites it in
place, so a crash or a power cut mid-write leaves a half-written (corrupt) file.
:class:`AtomicJSONStorage` instead writes the whole document to a temporary file
in the same folder, flushes and fsyncs it, and then ``os.replace``-s it onto the
real file. Readers therefore only ever see the old or the new version.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

__all__ = ["AtomicJSONStorage", "CorruptResultsFile", "write_bytes_atomically"]


class CorruptResultsFile(Exception):
    """A results file exists but does not hold a valid TinyDB JSON document.

    Raised instead of silently starting over, so that nothing a family typed is
    lost: callers can move the file aside, show it to the teacher, or recover it.
    """

    def __init__(self, path: Path, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


def _fsync_directory(directory: Path) -> None:
    """Flush a directory entry to disk (best effort; a no-op where unsupported)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that readers see either old or new bytes.

    The bytes go to a hidden temporary file (mode 0o600) in the same folder, which
    is flushed, fsynced and then renamed onto ``path`` with :func:`os.replace`.
    The folder is fsynced afterwards (best effort). On any failure the temporary
    file is removed and the original file is left untouched.
    """
    path = Path(path)
    directory = path.parent
    fd, tmp_name = tempfile.mkstemp(dir=directory, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_directory(directory)


class AtomicJSONStorage(Storage):
    """TinyDB storage that never truncates the real file in place.

    Use it as ``TinyDB(path, storage=AtomicJSONStorage)``. The file is not
    created until the first write; a missing or empty file reads as an empty
    database. A file that exists but is not a JSON object raises
    :class:`CorruptResultsFile`.
    """

    def __init__(self, path: str | os.PathLike[str], indent: int | None = 1) -> None:
        """Store the database at ``path``; ``indent`` is passed to ``json.dumps``."""
        super().__init__()
        self.path = Path(path)
        self.indent = indent

    def read(self) -> dict[str, dict[str, Any]] | None:
        """Return the stored database, or ``None`` when the file is missing or empty.

        Raises :class:`CorruptResultsFile` when the content is not a TinyDB JSON
        document; other I/O errors (e.g. permissions) propagate as ``OSError``.
        """
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        if not raw.strip():
            return None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CorruptResultsFile(self.path, f"not UTF-8 text: {exc}") from exc
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise CorruptResultsFile(self.path, f"not valid JSON: {exc}") from exc
        if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
            raise CorruptResultsFile(self.path, "not a TinyDB document (expected an object)")
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        """Serialise ``data`` and atomically replace the file with it."""
        # Serialise first: an unserialisable value must not touch the disk at all.
        text = json.dumps(data, ensure_ascii=False, indent=self.indent, sort_keys=True)
        write_bytes_atomically(self.path, (text + "\n").encode("utf-8"))

    def close(self) -> None:
        """Nothing to close: no file handle is kept open between calls."""
