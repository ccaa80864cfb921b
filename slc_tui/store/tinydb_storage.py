"""A crash-safe JSON storage for TinyDB.

TinyDB's stock ``JSONStorage`` truncates the database file and rewrites it in
place, so a crash or a power cut mid-write leaves a half-written (corrupt) file.
:class:`AtomicJSONStorage` instead writes the whole document to a temporary file
in the same folder, flushes and fsyncs it, and then ``os.replace``-s it onto the
real file. Readers therefore only ever see the old or the new version.

Optionally it also keeps the *last good copy*: before a write replaces the file,
the version it replaces (which TinyDB has just read and this module has just
checked) is kept as a backup, again atomically.

The format itself (checking and encoding the document) is :mod:`slc_tui.store.tinydb_document`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from tinydb.storages import Storage

from slc_tui.store.fileops import (
    FileIdentity,
    file_identity,
    replace_with_link_or_copy,
    write_bytes_atomically,
)
from slc_tui.store.tinydb_document import (
    CorruptResultsFile,
    encode_tinydb_document,
    parse_tinydb_document,
)

__all__ = ["AtomicJSONStorage", "CorruptResultsFile"]

_Parsed = TypeVar("_Parsed")


class AtomicJSONStorage(Storage):
    """TinyDB storage that never truncates the real file in place.

    Use it as ``TinyDB(path, storage=AtomicJSONStorage)`` (extra keyword arguments
    to ``TinyDB`` are passed on here). The file is not created until the first
    write; a missing file reads as an empty database, and so does an empty one
    unless ``empty_is_corrupt``. A file that is not a TinyDB JSON document raises
    :class:`CorruptResultsFile`; it is never overwritten: a write needs a read
    first, and TinyDB always reads before it writes.

    With ``backup_path``, each write first keeps the version it replaces there
    (only a version this storage has just read and found valid, and only if the
    file has not changed since): the last good copy, for recovery.

    The results store does not use it (it writes its files, and their last good copies,
    itself: :mod:`slc_tui.store.results`); it is for opening those files with TinyDB.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        indent: int | None = None,
        *,
        backup_path: str | os.PathLike[str] | None = None,
        empty_is_corrupt: bool = False,
    ) -> None:
        """Store the database at ``path``; ``indent`` (default: compact) is for ``json.dumps``."""
        super().__init__()
        self.path = Path(path)
        self.indent = indent
        self.backup_path = None if backup_path is None else Path(backup_path)
        self.empty_is_corrupt = empty_is_corrupt
        self._last_good: tuple[bytes, FileIdentity] | None = None

    def read(self) -> dict[str, dict[str, Any]] | None:
        """Return the stored database, or ``None`` when the file is missing (or empty).

        Each call reads and parses the file afresh; the result is the caller's own
        (new objects every time). Raises :class:`CorruptResultsFile` when the content
        is not a TinyDB JSON document; other I/O errors (e.g. permissions) propagate
        as ``OSError``.
        """
        return self.read_with(self._parse)

    def _parse(self, path: Path, raw: bytes) -> dict[str, dict[str, Any]] | None:
        return parse_tinydb_document(path, raw, empty_is_corrupt=self.empty_is_corrupt)

    def read_with(self, parse: Callable[[Path, bytes], _Parsed | None]) -> _Parsed | None:
        """Read the file and return ``parse(path, raw_bytes)``; ``None`` if it is missing.

        ``parse`` must raise :class:`CorruptResultsFile` for a damaged file and may
        return ``None`` for an empty one. Only bytes it accepted (and did not call
        empty) are kept, to become the last good copy when the next write replaces
        them.
        """
        self._last_good = None
        try:
            with open(self.path, "rb") as handle:
                identity = file_identity(os.fstat(handle.fileno()))
                raw = handle.read()
        except FileNotFoundError:
            return None
        parsed = parse(self.path, raw)
        if parsed is not None:
            self._last_good = (raw, identity)
        return parsed

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        """Serialise ``data`` and atomically replace the file with it.

        With a ``backup_path``, the version being replaced is kept there first.
        """
        # Serialise first: an unserialisable value must not touch the disk at all.
        self.write_bytes(encode_tinydb_document(data, self.indent))

    def write_bytes(self, payload: bytes) -> None:
        """Atomically replace the file with ``payload`` (a TinyDB document's bytes).

        With a ``backup_path``, the version the last read accepted is kept there
        first (if the file still is that version, by a hard link; else its bytes).
        """
        if self.backup_path is not None and self._last_good is not None:
            raw, identity = self._last_good
            replace_with_link_or_copy(self.path, self.backup_path, identity, raw)
        self._last_good = None
        write_bytes_atomically(self.path, payload)

    def close(self) -> None:
        """Nothing to close: no file handle is kept open between calls."""
