"""One student's results file as a save sees it: parsed once, changed, encoded again.

A results file is a TinyDB document, ``{"conferences": {"<doc id>": {record}, ...}}``.
It is written as compact JSON (CPython's C encoder) with each record on a line of
its own::

    {"conferences":{
    "1":{"id":"…","started":"…",…},
    "2":{"id":"…","started":"…",…}
    }}

That is plain JSON, which TinyDB (and older copies of the app) read as before. The
layout lets a save re-encode only the record it changes: every line is parsed on
its own (which checks the whole file, as a save must before it replaces anything)
and the lines of the records left alone are written back as they were. A file in
any other layout (indented by older versions, hand-edited) is parsed as a whole
and written back in this layout; a damaged one raises
:class:`~slc_tui.store.tinydb_document.CorruptResultsFile` with its plain-words
reason, so the cost of a save depends little on how many conferences it holds.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from slc_tui.store.tinydb_document import encode_tinydb_document, parse_tinydb_document

__all__ = ["BACKUP_SUFFIX", "TABLE_NAME", "ResultsFile"]

TABLE_NAME = "conferences"
"""The TinyDB table that holds the conference records."""

BACKUP_SUFFIX = ".bak"
"""``<id>.json`` keeps its last good copy in ``<id>.json.bak``."""

_HEADER = '{"conferences":{'
_FOOTER = "}}"


def _encode_member(doc_id: str, record: dict[str, Any]) -> str:
    """One line of the layout (without its comma): ``"<doc id>":{record}``."""
    body = json.dumps(record, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f'"{doc_id}":{body}'


def _parse_lines(text: str) -> tuple[dict[str, Any], dict[str, str]] | None:
    """The records and their lines, if ``text`` is in the one-record-per-line layout.

    Returns ``None`` for any other text (damaged or not), which is then parsed as a
    whole. Each line must parse on its own as exactly one ``"<digits>": {object}``
    member, and no id may repeat; the whole text is then valid JSON that holds
    exactly these records, so keeping a line as it is keeps its record.
    """
    lines = text.split("\n")
    if len(lines) < 3 or lines[0] != _HEADER or lines[-2] != _FOOTER or lines[-1] != "":
        return None
    members = lines[1:-2]
    table: dict[str, Any] = {}
    raw_lines: dict[str, str] = {}
    last = len(members) - 1
    for index, member in enumerate(members):
        if index != last:
            if not member.endswith(","):
                return None
            member = member[:-1]
        try:
            parsed = json.loads("{" + member + "}")
        except (ValueError, RecursionError):
            return None
        if len(parsed) != 1:
            return None
        ((doc_id, record),) = parsed.items()
        if not (doc_id.isascii() and doc_id.isdigit()) or not isinstance(record, dict):
            return None
        if doc_id in table:
            return None
        table[doc_id] = record
        raw_lines[doc_id] = member
    return table, raw_lines


class ResultsFile:
    """The parsed content of one results file, to change and then encode.

    ``tables`` is the TinyDB document (its ``conferences`` table holds the records,
    keyed by TinyDB document id); the records are new objects, free to change.
    """

    def __init__(self, tables: dict[str, dict[str, Any]], raw_lines: dict[str, str]) -> None:
        """Wrap ``tables``; ``raw_lines`` are known-good encodings of unchanged records."""
        self.tables = tables
        self._raw_lines = raw_lines

    @classmethod
    def empty(cls) -> ResultsFile:
        """The content of a student who has no results file yet."""
        return cls({}, {})

    @classmethod
    def parse(cls, path: Path, raw: bytes) -> ResultsFile:
        """Parse the bytes of ``path``: each line on its own when the layout allows.

        Raises :class:`~slc_tui.store.tinydb_document.CorruptResultsFile` (with the
        same reasons as a whole-file parse) when ``raw`` is not a non-empty TinyDB
        document.
        """
        try:
            fast = _parse_lines(raw.decode("utf-8"))
        except UnicodeDecodeError:
            fast = None
        if fast is not None:
            table, raw_lines = fast
            return cls({TABLE_NAME: table}, raw_lines)
        tables = parse_tinydb_document(path, raw, empty_is_corrupt=True)
        assert tables is not None  # empty_is_corrupt
        return cls(tables, {})

    @property
    def records(self) -> dict[str, Any]:
        """The conference records by TinyDB document id (the table itself, not a copy)."""
        return self.tables.get(TABLE_NAME, {})

    def doc_ids_of(self, record_id: str) -> list[str]:
        """The document ids of the record(s) whose ``id`` is ``record_id``."""
        return [key for key, record in self.records.items() if record.get("id") == record_id]

    def put(self, record_id: str, record: dict[str, Any]) -> None:
        """Replace the record with id ``record_id`` by ``record``, or add it.

        A new record gets the document id TinyDB would give it (one more than the
        highest); ``record`` is stored as it is, not copied.
        """
        table = self.tables.setdefault(TABLE_NAME, {})
        doc_ids = self.doc_ids_of(record_id)
        if not doc_ids:
            doc_ids = [str(max((int(key) for key in table), default=0) + 1)]
        for doc_id in doc_ids:
            table[doc_id] = record
            self._raw_lines.pop(doc_id, None)

    def remove(self, record_id: str) -> bool:
        """Remove the record(s) with id ``record_id``; return True if there were any."""
        doc_ids = self.doc_ids_of(record_id)
        for doc_id in doc_ids:
            del self.records[doc_id]
            self._raw_lines.pop(doc_id, None)
        return bool(doc_ids)

    def encode(self) -> bytes:
        """The bytes to write: one record per line (raises ``TypeError``/``ValueError``
        for values JSON cannot hold, before anything is written)."""
        if set(self.tables) - {TABLE_NAME}:  # other tables (never written by the app)
            return encode_tinydb_document(self.tables)
        members = [
            self._raw_lines.get(doc_id) or _encode_member(doc_id, record)
            for doc_id, record in self.records.items()
        ]
        body = ",\n".join(members) + "\n" if members else ""
        return f"{_HEADER}\n{body}{_FOOTER}\n".encode()
