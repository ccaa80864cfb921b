"""A crash-safe JSON storage for TinyDB.

TinyDB's stock ``JSONStorage`` truncates the database file and rewrites it in
place, so a crash or a power cut mid-write leaves a half-written (corrupt) file.
:class:`AtomicJSONStorage` instead writes the whole document to a temporary file
in the same folder, flushes and fsyncs it, and then ``os.replace``-s it onto the
real file. Readers therefore only ever see the old or the new version.

Optionally it also keeps the *last good copy*: before a write replaces the file,
the version it replaces (which TinyDB has just read and this module has just
checked) is kept as a backup, again atomically.

Files are written as compact JSON (no indentation, so CPython's C encoder does
the work) in UTF-8; TinyDB's own ``JSONStorage`` and any JSON reader read them.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from tinydb.storages import Storage

from slc_tui.core.fields import json_type
from slc_tui.store.fileops import (
    FileIdentity,
    file_identity,
    replace_with_link_or_copy,
    write_bytes_atomically,
)

__all__ = [
    "AtomicJSONStorage",
    "CorruptResultsFile",
    "encode_tinydb_document",
    "parse_tinydb_document",
    "write_bytes_atomically",
]

_Parsed = TypeVar("_Parsed")


class CorruptResultsFile(Exception):
    """A results file exists but does not hold a valid TinyDB JSON document.

    Raised instead of silently starting over, so that nothing a family typed is
    lost: callers can move the file aside, show it to the teacher, or recover it.
    ``reason`` is a short plain-words description (e.g. ``not valid JSON at line 1,
    column 5: expecting value``).
    """

    def __init__(self, path: Path, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


def _shape_problem(data: object) -> str | None:
    """Say what is wrong with the shape of a parsed TinyDB document (None if nothing)."""
    if not isinstance(data, dict):
        return f"not a TinyDB document: expected an object of tables, found {json_type(data)}"
    for table_name, table in data.items():
        if not isinstance(table, dict):
            kind = json_type(table)
            return f"not a TinyDB document: table {table_name!r} is {kind}, not an object"
        for doc_id, document in table.items():
            if not (doc_id.isascii() and doc_id.isdigit()):
                return f"not a TinyDB document: {doc_id!r} in table {table_name!r} is not a number"
            if not isinstance(document, dict):
                return (
                    f"not a TinyDB document: entry {doc_id} in table {table_name!r} "
                    f"is {json_type(document)}, not an object"
                )
    return None


def _json_error_reason(text: str, exc: json.JSONDecodeError) -> str:
    """Describe a JSON syntax error: where it is, and whether the text was cut off."""
    end = len(text.rstrip())
    if exc.pos >= end or exc.msg.startswith("Unterminated string"):
        line = text.count("\n", 0, end) + 1
        column = end - text.rfind("\n", 0, end)
        return f"cut off part-way (the JSON stops early, at line {line}, column {column})"
    message = exc.msg.removesuffix(" at")
    message = message[:1].lower() + message[1:]
    return f"not valid JSON at line {exc.lineno}, column {exc.colno}: {message}"


def parse_tinydb_document(
    path: Path, raw: bytes, *, empty_is_corrupt: bool = False
) -> dict[str, dict[str, Any]] | None:
    """Parse the bytes of a TinyDB file; ``None`` means an empty file (empty database).

    Raises :class:`CorruptResultsFile` (with a readable reason) when ``raw`` is not
    UTF-8, not JSON, or not shaped ``{table: {"<number>": {document}}}``, and for
    an empty file too when ``empty_is_corrupt`` (the atomic writer never leaves
    an empty file, so one is a sign of damage).
    """
    if not raw.strip():
        if empty_is_corrupt:
            raise CorruptResultsFile(path, "the file is empty")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        reason = f"not UTF-8 text (unreadable byte at position {exc.start})"
        raise CorruptResultsFile(path, reason) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CorruptResultsFile(path, _json_error_reason(text, exc)) from exc
    except (ValueError, RecursionError) as exc:
        raise CorruptResultsFile(path, f"not valid JSON ({exc})") from exc
    problem = _shape_problem(data)
    if problem is not None:
        raise CorruptResultsFile(path, problem)
    return data  # type: ignore[no-any-return]


def encode_tinydb_document(data: dict[str, dict[str, Any]], indent: int | None = None) -> bytes:
    """Serialise a TinyDB document to the bytes of a results file (UTF-8, newline-ended).

    Without ``indent`` the JSON is compact, which CPython's C encoder writes several
    times faster than indented JSON. Keys are sorted so equal documents give equal
    bytes. Raises ``TypeError``/``ValueError`` for values JSON cannot hold.
    """
    separators = (",", ":") if indent is None else None
    text = json.dumps(
        data, ensure_ascii=False, indent=indent, separators=separators, sort_keys=True
    )
    return (text + "\n").encode("utf-8")


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

    The results store uses it without TinyDB (:meth:`read_with`, :meth:`write_bytes`):
    one read and one write per save.
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
