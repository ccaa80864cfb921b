"""Whose conferences a results file holds: ``<id>.json`` holds student ``<id>``'s only.

A record in it whose ``student_id`` is another student's, is missing or is not text
(a file copied over another, a hand edit, a bug elsewhere) is damage: it is never
resumed, shown or saved for this student. Readers raise
:class:`~slc_tui.store.tinydb_document.CorruptResultsFile` with :func:`foreign_records_reason`;
recovery keeps the file aside and keeps the student's own records (:func:`own_tables`).
"""

from __future__ import annotations

from typing import Any

from slc_tui.core.fields import json_type
from slc_tui.core.i18n import _, nfill
from slc_tui.store.results_file import TABLE_NAME

__all__ = ["conferences_phrase", "foreign_records_reason", "is_own", "own_tables"]

_OWNERS_SHOWN = 3
_LONGEST_ID_SHOWN = 40


def conferences_phrase(count: int) -> str:
    """``no conferences``, ``1 conference``, ``2 conferences``… (in the active language)."""
    if count == 0:
        return _("no conferences")
    return nfill("{n} conference", "{n} conferences", count)


def is_own(student_id: str, record: dict[str, Any]) -> bool:
    """True if ``record`` says it is ``student_id``'s conference."""
    return record.get("student_id") == student_id


def _owner(record: dict[str, Any]) -> str:
    """How a foreign record's ``student_id`` is named in a message."""
    if "student_id" not in record:
        return "missing"
    value = record["student_id"]
    if not isinstance(value, str):
        return json_type(value)
    if len(value) > _LONGEST_ID_SHOWN:
        value = value[:_LONGEST_ID_SHOWN] + "…"
    return repr(value)


def foreign_records_reason(student_id: str, tables: dict[str, dict[str, Any]]) -> str | None:
    """Say what is wrong when the conferences in ``tables`` are not all ``student_id``'s.

    ``None`` when every record is the student's own. Otherwise, for example
    ``1 conference in it is not maya's: student id 'sam'`` (or ``missing``, ``a number``…).
    """
    foreign = [r for r in tables.get(TABLE_NAME, {}).values() if not is_own(student_id, r)]
    if not foreign:
        return None
    owners = list(dict.fromkeys(_owner(record) for record in foreign))
    shown = ", ".join(owners[:_OWNERS_SHOWN]) + (", …" if len(owners) > _OWNERS_SHOWN else "")
    return nfill(
        "{n} conference in it is not {student}'s: student id {shown}",
        "{n} conferences in it are not {student}'s: student id {shown}",
        len(foreign),
        student=student_id,
        shown=shown,
    )


def own_tables(student_id: str, tables: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """``tables`` with only ``student_id``'s own conferences (other tables as they are)."""
    kept = dict(tables)
    if TABLE_NAME in kept:
        kept[TABLE_NAME] = {
            doc_id: record
            for doc_id, record in kept[TABLE_NAME].items()
            if is_own(student_id, record)
        }
    return kept
