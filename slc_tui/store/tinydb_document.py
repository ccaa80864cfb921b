"""The results file format: a TinyDB JSON document, read and checked, or encoded.

The results store writes it atomically itself (:mod:`slc_tui.store.results`); for TinyDB,
:mod:`slc_tui.store.tinydb_storage` is a crash-safe storage of the same format. Files are
compact JSON (no indentation, so CPython's C encoder does the work) in UTF-8; TinyDB's own
``JSONStorage`` and any JSON reader read them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from slc_tui.core.fields import json_type
from slc_tui.core.i18n import _, fill

__all__ = ["CorruptResultsFile", "encode_tinydb_document", "parse_tinydb_document"]


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
        return fill(
            "cut off part-way (the JSON stops early, at line {line}, column {column})",
            line=line,
            column=column,
        )
    message = exc.msg.removesuffix(" at")
    message = message[:1].lower() + message[1:]
    return fill(
        "not valid JSON at line {line}, column {column}: {message}",
        line=exc.lineno,
        column=exc.colno,
        message=message,
    )


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
            raise CorruptResultsFile(path, _("the file is empty"))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        reason = fill("not UTF-8 text (unreadable byte at position {n})", n=exc.start)
        raise CorruptResultsFile(path, reason) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CorruptResultsFile(path, _json_error_reason(text, exc)) from exc
    except (ValueError, RecursionError) as exc:
        raise CorruptResultsFile(path, fill("not valid JSON ({error})", error=exc)) from exc
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
