"""The saved record of a conference (``slc-record/1``), to and from a :class:`Conference`."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from slc_tui.core.classinfo import ClassInfo, language_code_problem
from slc_tui.core.conference import Conference, clean_by
from slc_tui.core.fields import MAX_LIST_ITEMS, is_valid_id
from slc_tui.core.portfolio import PIECES_TO_CHOOSE, Goal, Portfolio
from slc_tui.core.steps import Step, StepKind
from slc_tui.core.text import MAX_TEXT_LENGTH, clean_text, without_surrogates

RECORD_FORMAT = "slc-record/1"


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None


def _parse_time(value: Any) -> datetime | None:
    """A saved ISO time as a naive local datetime (what the clock gives), or None.

    A time with a UTC offset (a hand-edited or imported record) is converted to local
    time: mixing it with the clock's naive times would raise on every subtraction.
    """
    if not isinstance(value, str) or len(value) > 64:
        return None
    try:
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is not None:
            moment = moment.astimezone().replace(tzinfo=None)
    except (ValueError, OverflowError, OSError):
        return None
    return moment


#: Longest stretch between a record's start and its last save that is believed;
#: beyond it the saved "updated" time is ignored (the clock could not show it anyway).
_MAX_USED = timedelta(days=366)


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
        "said": conference.shown_said(),
        "strengths": list(conference.strengths),
        "next_steps": list(conference.next_steps),
        "goals": [{"goal": g.goal, "how": g.how, "by": g.by} for _, g, _ in agreed],
        "parent_questions": list(conference.parent_questions),
        "commitment": conference.commitment,
        "goal_commitments": [pledge for _, _, pledge in agreed],
        "follow_up": conference.follow_up,
        "language": conference.language,
    }


def _language(value: Any, portfolio: Portfolio, class_info: ClassInfo) -> str:
    """The saved language of a conference, or the one it would start in."""
    if isinstance(value, str) and value.strip() and not language_code_problem(value.strip()):
        return value.strip()
    return portfolio.student.family_language or class_info.language


def _title(portfolio: Portfolio, piece_id: str) -> str:
    try:
        return portfolio.piece(piece_id).title
    except KeyError:
        return piece_id


def _texts(value: Any) -> list[str]:
    if not isinstance(value, list):
        return []
    return [clean_text(item) for item in value[:MAX_LIST_ITEMS] if isinstance(item, str)]


def _text(value: Any, *, max_length: int = MAX_TEXT_LENGTH, multiline: bool = True) -> str:
    """``value`` cleaned if it is text, else ""."""
    if not isinstance(value, str):
        return ""
    return clean_text(value, max_length=max_length, multiline=multiline)


def _goals(value: Any) -> list[Goal]:
    if not isinstance(value, list):
        return []
    goals = []
    for item in value[:MAX_LIST_ITEMS]:
        if isinstance(item, dict) and isinstance(item.get("goal"), str):
            goals.append(
                Goal(
                    _text(item["goal"], multiline=False),
                    _text(item.get("how"), multiline=False),
                    clean_by(_text(item.get("by"), max_length=10, multiline=False)),
                )
            )
    return goals


def _is_step_key(key: object) -> bool:
    """True for a key of ``said``: a step id, or ``piece:`` and a piece id."""
    if not isinstance(key, str) or len(key) > 100:
        return False
    try:
        step = Step.from_key(key)
    except ValueError:
        return False
    return not step.piece_id or is_valid_id(step.piece_id)


def _record_id(value: object) -> str:
    """The saved id, or a new one when it is missing or could not be saved again."""
    if isinstance(value, str) and 0 < len(value) <= 200 and value == without_surrogates(value):
        return value
    return uuid.uuid4().hex


def _unique(items: list[str]) -> list[str]:
    """``items`` without repeats, first occurrence kept (a piece chosen twice is one step)."""
    return list(dict.fromkeys(items))


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

    Never raises for a damaged or hand-edited record: anything of the wrong type is
    left out, texts are cleaned, lists cut to :data:`MAX_LIST_ITEMS`, a piece chosen
    twice counts once, times with a UTC offset become local, and a wrap-up that was
    never finished resumes at the commitment step.
    """
    if not isinstance(record, dict):  # a damaged results file: start from nothing
        record = {}
    started = _parse_time(record.get("started")) or datetime.now()
    updated = _parse_time(record.get("updated"))
    if updated is not None and not timedelta(0) <= updated - started <= _MAX_USED:
        updated = None
    known = {piece.id for piece in portfolio.pieces}
    chosen = _unique([pid for pid in _texts(record.get("chosen")) if pid in known])
    said_value = record.get("said")
    said = (
        {k: clean_text(v) for k, v in said_value.items() if _is_step_key(k) and isinstance(v, str)}
        if isinstance(said_value, dict)
        else {}
    )
    step = record.get("step")
    finished = _parse_time(record.get("finished"))
    if step == StepKind.WRAP_UP.value and finished is None:
        # Only Next from the commitment step finishes a conference: resume just before.
        step = StepKind.COMMITMENT.value
    chosen = chosen[:PIECES_TO_CHOOSE]
    # A chosen piece removed from the portfolio since: let the child pick again.
    incomplete = len(chosen) != min(PIECES_TO_CHOOSE, len(portfolio.pieces))
    return Conference(
        portfolio=portfolio,
        class_info=class_info,
        started=started,
        id=_record_id(record.get("id")),
        previous=previous,
        chosen=chosen,
        said=said,
        strengths=_texts(record.get("strengths")),
        next_steps=_texts(record.get("next_steps")),
        goals=_goals(record.get("goals")),
        parent_questions=_texts(record.get("parent_questions")),
        commitment=_text(record.get("commitment")),
        goal_commitments=_texts(record.get("goal_commitments")),
        follow_up=record.get("follow_up") is True,
        step_key=step if isinstance(step, str) else "welcome",
        finished=finished,
        updated=updated,
        choosing=record.get("choosing") is True or incomplete,
        language=_language(record.get("language"), portfolio, class_info),
    )
