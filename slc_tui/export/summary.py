"""A short, warm, plain-text take-home copy of a conference for the family (rendered from
:class:`~slc_tui.export.document.ConferenceDocument`)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from slc_tui.core.i18n import ENGLISH, Translation
from slc_tui.export import take_home_words as words
from slc_tui.export.dates import format_long_date
from slc_tui.export.document import ConferenceDocument

__all__ = ["document_text", "take_home_summary"]


def _section(title: str, lines: list[str]) -> list[str]:
    return ["", title, *lines] if lines else []


def take_home_summary(
    record: Mapping[str, Any],
    piece_titles: Mapping[str, str] | None = None,
    language: Translation | None = None,
) -> str:
    """Return a plain-text take-home copy of one conference record, in ``language``
    (English when None).

    Covers the pieces talked about, strengths, next steps, goals (with how),
    what the grown-up will do at home, and whether a private follow-up with the
    teacher was requested. ``piece_titles`` maps piece ids to titles (the record
    stores the titles it was saved with; without either, the ids are shown tidied up).
    """
    return document_text(ConferenceDocument.from_record(record, piece_titles), language)


def document_text(doc: ConferenceDocument, language: Translation | None = None) -> str:
    """The take-home copy of ``doc`` as plain text, in ``language`` (English when None)."""
    t = language if language is not None else ENGLISH
    name = doc.first_name_in(t)
    when = format_long_date(doc.when, t)
    title = (
        t.fill(words.TEXT_TITLE, name=name, day=when) if when else t.fill(words.TITLE, name=name)
    )
    lines = [title, "=" * len(title)]
    context = words.PART_SEPARATOR.join(part for part in (doc.class_name, doc.term) if part)
    if context:
        lines.append(context)
    lines += ["", t.fill(words.INTRO, name=name)]
    if not doc.finished:
        lines.append(t.gettext(words.TEXT_UNFINISHED))

    pieces = [f"- {p.title}" for p in doc.pieces]
    lines += _section(t.fill(words.TEXT_PIECES, name=name), pieces)
    lines += _section(t.fill(words.TEXT_GLOWS, name=name), [f"- {s}" for s in doc.strengths])
    lines += _section(t.fill(words.TEXT_GROWS, name=name), [f"- {s}" for s in doc.next_steps])

    how_label = t.fill(words.DETAIL, label=t.gettext(words.GOAL_HOW))
    goal_lines: list[str] = []
    for goal in doc.goals:
        by = format_long_date(goal.by, t)
        text = t.fill(words.TEXT_GOAL_BY, goal=goal.goal, day=by) if by else goal.goal
        goal_lines.append(f"- {text}")
        if goal.how:
            goal_lines.append(f"  {how_label}{goal.how}")
    lines += _section(t.fill(words.GOALS, name=name), goal_lines)

    home = [doc.commitment] if doc.commitment else []
    home += [
        t.fill(words.TEXT_GOAL_AT_HOME, goal=goal.goal, at_home=goal.at_home)
        for goal in doc.goals
        if goal.at_home
    ]
    lines += _section(t.gettext(words.TEXT_HOME), [f"- {h}" for h in home])

    follow_up = words.TEXT_FOLLOW_UP if doc.follow_up else words.TEXT_NO_FOLLOW_UP
    lines += ["", t.gettext(follow_up)]
    lines += ["", t.fill(words.CLOSING, name=name)]
    # A lone surrogate (from a hand-edited record) could not be written as UTF-8.
    return re.sub("[\ud800-\udfff]", "\ufffd", "\n".join(lines) + "\n")
