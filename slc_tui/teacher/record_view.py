"""A finished conference as the teacher reads it: the family's take-home copy, then what
only the teacher needs (the parents' questions, what the child said at each step)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from slc_tui.core import i18n
from slc_tui.core.i18n import _, fill
from slc_tui.export.summary import take_home_summary

__all__ = ["record_text"]


def _lines(value: object) -> list[str]:
    if not isinstance(value, list | tuple):
        return []
    return [" ".join(str(v).split()) for v in value if isinstance(v, str) and v.strip()]


def record_text(record: Mapping[str, Any]) -> str:
    """Plain text of ``record`` for the teacher's read-only view, in the active language."""
    lines = [take_home_summary(record, language=i18n.active()).rstrip("\n")]
    questions = _lines(record.get("parent_questions"))
    if questions:
        lines += ["", _("Questions the family asked"), *(f"- {q}" for q in questions)]
    said = record.get("said")
    said_items = said.items() if isinstance(said, Mapping) else ()
    notes = [(str(k), " ".join(v.split())) for k, v in said_items if isinstance(v, str)]
    notes = [(step, text) for step, text in notes if text]
    if notes:
        lines += ["", _("What was said, step by step")]
        lines += [f"- {step}: {text}" for step, text in notes]
    started = str(record.get("started") or "")
    finished = str(record.get("finished") or "")
    record_id = record.get("id", "?")
    if finished:
        said = fill(
            "Record {id} · started {started}, finished {finished}",
            id=record_id,
            started=started,
            finished=finished,
        )
    else:
        said = fill("Record {id} · started {started}, not finished", id=record_id, started=started)
    lines += ["", said]
    return "\n".join(lines) + "\n"
