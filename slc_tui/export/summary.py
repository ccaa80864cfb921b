"""A short, warm, plain-text take-home copy of a conference for the family."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

__all__ = ["format_long_date", "take_home_summary"]

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


def _strings(value: object) -> list[str]:
    if not isinstance(value, list | tuple):
        value = [value]
    return [str(v).strip() for v in value if v is not None and str(v).strip()]


def _list(value: object) -> list[Any]:
    """``value`` if it is a list (or tuple), else [] — a damaged record still gets a summary."""
    return list(value) if isinstance(value, list | tuple) else []


def _first_name(record: Mapping[str, Any]) -> str:
    name = str(record.get("student_name") or "").strip()
    if name:
        return name.split()[0]
    return str(record.get("student_id") or "Your child")


def _piece_title(piece_id: str, piece_titles: Mapping[str, str] | None) -> str:
    if piece_titles and piece_titles.get(piece_id):
        return piece_titles[piece_id]
    words = re.sub(r"[-_]+", " ", piece_id).strip()
    return words[:1].upper() + words[1:]


def _section(title: str, lines: list[str]) -> list[str]:
    return ["", title, *lines] if lines else []


def take_home_summary(
    record: Mapping[str, Any], piece_titles: Mapping[str, str] | None = None
) -> str:
    """Return a plain-text take-home copy of one conference record.

    Covers the pieces talked about, strengths, next steps, goals (with how),
    what the grown-up will do at home, and whether a private follow-up with the
    teacher was requested. ``piece_titles`` maps piece ids to titles (the record
    only stores ids); without it the ids are shown tidied up.
    """
    if piece_titles is None:
        titles = _strings(record.get("chosen_titles"))
        piece_titles = dict(zip(_strings(record.get("chosen")), titles, strict=False))
    name = _first_name(record)
    when = format_long_date(
        record.get("finished") or record.get("started") or record.get("updated")
    )
    title = f"{name}'s conference" + (f" — {when}" if when else "")
    lines = [title, "=" * len(title)]
    context = " · ".join(_strings([record.get("class_name"), record.get("term")]))
    if context:
        lines.append(context)
    lines += ["", f"Thank you for coming! Here is what {name} shared with you today."]
    if record.get("status") != "done":
        lines.append("(This conference was not finished — you can pick it up again later.)")

    pieces = [_piece_title(str(p), piece_titles) for p in _strings(record.get("chosen"))]
    lines += _section(f"Work {name} talked about", [f"- {p}" for p in pieces])
    lines += _section(
        f"What {name} does well", [f"- {s}" for s in _strings(record.get("strengths"))]
    )
    lines += _section(
        f"What {name} is working on", [f"- {s}" for s in _strings(record.get("next_steps"))]
    )

    goals = [g for g in _list(record.get("goals")) if isinstance(g, Mapping)]
    goal_lines: list[str] = []
    for goal in goals:
        text = str(goal.get("goal") or "").strip()
        if not text:
            continue
        by = format_long_date(goal.get("by"))
        goal_lines.append(f"- {text}" + (f" (by {by})" if by else ""))
        how = str(goal.get("how") or "").strip()
        if how:
            goal_lines.append(f"  How: {how}")
    lines += _section(f"{name}'s goals", goal_lines)

    home: list[str] = _strings(record.get("commitment"))
    for index, commitment in enumerate(_list(record.get("goal_commitments"))):
        commitment_text = str(commitment or "").strip()
        if not commitment_text:
            continue
        goal_text = str(goals[index].get("goal") or "").strip() if index < len(goals) else ""
        home.append(f"For “{goal_text}”: {commitment_text}" if goal_text else commitment_text)
    lines += _section("How you will help at home", [f"- {h}" for h in home])

    follow_up = "yes — the teacher will be in touch" if record.get("follow_up") else "no"
    lines += ["", f"Private follow-up with the teacher requested: {follow_up}"]
    lines += ["", f"Keep this somewhere you will see it, and tell {name} one thing they did well."]
    # A lone surrogate (from a hand-edited record) could not be written as UTF-8.
    return re.sub("[\ud800-\udfff]", "\ufffd", "\n".join(lines) + "\n")
