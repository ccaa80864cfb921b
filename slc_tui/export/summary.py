"""A short, warm, plain-text take-home copy of a conference for the family (rendered from
:class:`~slc_tui.export.document.ConferenceDocument`)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from slc_tui.export.document import ConferenceDocument

__all__ = ["document_text", "format_long_date", "take_home_summary"]

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def format_long_date(value: object) -> str:
    """Turn ``"2026-11-22"`` (or a datetime) into ``"22 November 2026"``; ``"2027-03"``
    into ``"March 2027"``. Anything else is returned as text, unchanged."""
    if isinstance(value, datetime | date):
        return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"
    text = "" if value is None else str(value).strip()
    match = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?", text)
    if match and 1 <= int(match.group(2)) <= 12:
        year, month = match.group(1), _MONTHS[int(match.group(2)) - 1]
        day = match.group(3)
        return f"{int(day)} {month} {year}" if day else f"{month} {year}"
    return text


def _section(title: str, lines: list[str]) -> list[str]:
    return ["", title, *lines] if lines else []


def take_home_summary(
    record: Mapping[str, Any], piece_titles: Mapping[str, str] | None = None
) -> str:
    """Return a plain-text take-home copy of one conference record.

    Covers the pieces talked about, strengths, next steps, goals (with how),
    what the grown-up will do at home, and whether a private follow-up with the
    teacher was requested. ``piece_titles`` maps piece ids to titles (the record
    stores the titles it was saved with; without either, the ids are shown tidied up).
    """
    return document_text(ConferenceDocument.from_record(record, piece_titles))


def document_text(doc: ConferenceDocument) -> str:
    """The take-home copy of ``doc`` as plain text."""
    name = doc.first_name
    when = format_long_date(doc.when)
    title = f"{name}'s conference" + (f" — {when}" if when else "")
    lines = [title, "=" * len(title)]
    context = " · ".join(part for part in (doc.class_name, doc.term) if part)
    if context:
        lines.append(context)
    lines += ["", f"Thank you for coming! Here is what {name} shared with you today."]
    if not doc.finished:
        lines.append("(This conference was not finished — you can pick it up again later.)")

    lines += _section(f"Work {name} talked about", [f"- {p.title}" for p in doc.pieces])
    lines += _section(f"What {name} does well", [f"- {s}" for s in doc.strengths])
    lines += _section(f"What {name} is working on", [f"- {s}" for s in doc.next_steps])

    goal_lines: list[str] = []
    for goal in doc.goals:
        by = format_long_date(goal.by)
        goal_lines.append(f"- {goal.goal}" + (f" (by {by})" if by else ""))
        if goal.how:
            goal_lines.append(f"  How: {goal.how}")
    lines += _section(f"{name}'s goals", goal_lines)

    home = [doc.commitment] if doc.commitment else []
    home += [f"For “{goal.goal}”: {goal.at_home}" for goal in doc.goals if goal.at_home]
    lines += _section("How you will help at home", [f"- {h}" for h in home])

    follow_up = "yes — the teacher will be in touch" if doc.follow_up else "no"
    lines += ["", f"Private follow-up with the teacher requested: {follow_up}"]
    lines += ["", f"Keep this somewhere you will see it, and tell {name} one thing they did well."]
    # A lone surrogate (from a hand-edited record) could not be written as UTF-8.
    return re.sub("[\ud800-\udfff]", "\ufffd", "\n".join(lines) + "\n")
