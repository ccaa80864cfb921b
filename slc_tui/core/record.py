"""The saved record of a conference (``slc-record/1``), to and from a :class:`Conference`."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from slc_tui.core.classinfo import ClassInfo
from slc_tui.core.conference import Conference
from slc_tui.core.portfolio import PIECES_TO_CHOOSE, Goal, Portfolio
from slc_tui.core.text import clean_text

RECORD_FORMAT = "slc-record/1"


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None


def _parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


#: A conference set aside when the family chose "Start again"; kept, never resumed.
ABANDONED = "abandoned"


def _this_term(records: list[dict[str, Any]], term: str) -> list[dict[str, Any]]:
    """Records of ``term`` (all when the class has no term), abandoned ones left out."""
    return [
        r for r in records if r.get("status") != ABANDONED and (not term or r.get("term") == term)
    ]


def conference_status(records: list[dict[str, Any]], term: str) -> str:
    """``not started``, ``in progress`` or ``done`` for this term, from a student's records
    (oldest first).

    Only records of ``term`` count (a conference from last term is history, shown in
    ``review``), unless the class has no term set. The newest record decides.
    """
    this_term = _this_term(records, term)
    if not this_term:
        return "not started"
    return "done" if this_term[-1].get("status") == "done" else "in progress"


def resume_point(records: list[dict[str, Any]], term: str) -> dict[str, Any] | None:
    """The conference to offer to carry on: this term's newest, if it is unfinished."""
    this_term = _this_term(records, term)
    if this_term and this_term[-1].get("status") == "in_progress":
        return this_term[-1]
    return None


def last_finished(records: list[dict[str, Any]], exclude_id: str = "") -> dict[str, Any] | None:
    """The newest finished conference (what ``review`` looks back on), other than ``exclude_id``."""
    done = [r for r in records if r.get("status") == "done" and r.get("id") != exclude_id]
    return done[-1] if done else None


def to_record(conference: Conference) -> dict[str, Any]:
    """The plain dict saved for ``conference`` (and exported)."""
    student = conference.portfolio.student
    agreed = conference.agreed_goals()
    return {
        "format": RECORD_FORMAT,
        "id": conference.id,
        "student_id": student.id,
        "student_name": student.name,
        "grade": student.grade,
        "class_name": conference.class_info.name,
        "term": conference.class_info.term,
        "status": "done" if conference.is_done else "in_progress",
        "step": conference.step.key,
        "choosing": conference.choosing,
        "started": _iso(conference.started),
        "updated": _iso(conference.updated),
        "finished": _iso(conference.finished),
        "chosen": list(conference.chosen),
        "chosen_titles": [_title(conference.portfolio, pid) for pid in conference.chosen],
        "said": dict(conference.said),
        "strengths": list(conference.strengths),
        "next_steps": list(conference.next_steps),
        "goals": [{"goal": g.goal, "how": g.how, "by": g.by} for _, g, _ in agreed],
        "parent_questions": list(conference.parent_questions),
        "commitment": conference.commitment,
        "goal_commitments": [pledge for _, _, pledge in agreed],
        "follow_up": conference.follow_up,
    }


def _title(portfolio: Portfolio, piece_id: str) -> str:
    try:
        return portfolio.piece(piece_id).title
    except KeyError:
        return piece_id


def _texts(value: Any) -> list[str]:
    if not isinstance(value, list):
        return []
    return [clean_text(item) for item in value if isinstance(item, str)]


def _goals(value: Any) -> list[Goal]:
    if not isinstance(value, list):
        return []
    goals = []
    for item in value:
        if isinstance(item, dict) and isinstance(item.get("goal"), str):
            how, by = item.get("how", ""), item.get("by", "")
            goals.append(
                Goal(
                    item["goal"],
                    how if isinstance(how, str) else "",
                    by if isinstance(by, str) else "",
                )
            )
    return goals


def from_record(
    record: dict[str, Any],
    portfolio: Portfolio,
    class_info: ClassInfo,
    previous: dict[str, Any] | None = None,
) -> Conference:
    """Rebuild a conference from its saved record, to resume exactly where it stopped.

    Pieces no longer in the portfolio are dropped from the choice (and the ``choose``
    step comes back so the child can pick again); the resume point falls back to the
    first step if it no longer exists.
    """
    started = _parse_time(record.get("started")) or datetime.now()
    known = {piece.id for piece in portfolio.pieces}
    chosen = [pid for pid in _texts(record.get("chosen")) if pid in known]
    said_value = record.get("said")
    said = (
        {
            k: clean_text(v)
            for k, v in said_value.items()
            if isinstance(k, str) and isinstance(v, str)
        }
        if isinstance(said_value, dict)
        else {}
    )
    step = record.get("step")
    chosen = chosen[:PIECES_TO_CHOOSE]
    # A chosen piece removed from the portfolio since: let the child pick again.
    incomplete = len(chosen) != min(PIECES_TO_CHOOSE, len(portfolio.pieces))
    return Conference(
        portfolio=portfolio,
        class_info=class_info,
        started=started,
        id=str(record.get("id") or "") or uuid.uuid4().hex,
        previous=previous,
        chosen=chosen,
        said=said,
        strengths=_texts(record.get("strengths")),
        next_steps=_texts(record.get("next_steps")),
        goals=_goals(record.get("goals")),
        parent_questions=_texts(record.get("parent_questions")),
        commitment=clean_text(str(record.get("commitment") or "")),
        goal_commitments=_texts(record.get("goal_commitments")),
        follow_up=record.get("follow_up") is True,
        step_key=step if isinstance(step, str) else "welcome",
        finished=_parse_time(record.get("finished")),
        updated=_parse_time(record.get("updated")),
        choosing=record.get("choosing") is True or incomplete,
    )
