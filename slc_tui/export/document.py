"""One typed model of a conference record, for every rendering of it (the wrap-up, the
review step, the take-home copy, the teacher's read-only view).

Built from the saved record (a plain dict, see :mod:`slc_tui.core.record`) and tolerant of a
damaged one: a field of the wrong type reads as empty, never as an error, so a family's
copy can always be printed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from slc_tui.core.i18n import ENGLISH, N_, Translation

__all__ = ["ConferenceDocument", "GoalPlan", "PieceTalk"]

#: Who a record with neither the child's name nor their id is about.
YOUR_CHILD = N_("Your child")


@dataclass(frozen=True)
class PieceTalk:
    """A piece of work the child talked about, and the notes typed on its step."""

    id: str
    title: str
    said: str = ""


@dataclass(frozen=True)
class GoalPlan:
    """A goal agreed at the conference: how, by when (``YYYY-MM`` or a day, as saved) and
    what the family will do for it at home."""

    goal: str
    how: str = ""
    by: str = ""
    at_home: str = ""


@dataclass(frozen=True)
class ConferenceDocument:
    """Everything a rendering of one conference needs, typed."""

    record_id: str
    #: The record's status as saved (``done``, ``in_progress``, ``abandoned``…), or "".
    status: str
    #: When it started and when it finished, as saved (ISO date-times), or "".
    started: str
    finished_at: str
    student_id: str
    student_name: str
    grade: str
    class_name: str
    term: str
    #: When it finished (else started, else last saved), as saved: an ISO date-time or "".
    when: str
    finished: bool
    pieces: tuple[PieceTalk, ...]
    strengths: tuple[str, ...]
    next_steps: tuple[str, ...]
    goals: tuple[GoalPlan, ...]
    parent_questions: tuple[str, ...]
    #: What the family will do at home overall (may span several lines).
    commitment: str
    follow_up: bool
    #: Every note typed, by step key (``welcome``, ``piece:ID``, ``review``…) in the order
    #: saved; a piece's note is also its :attr:`PieceTalk.said`.
    said: Mapping[str, str]
    #: The language the conference was led in (a code such as ``es``), as saved, or "".
    language: str = ""

    @property
    def first_name(self) -> str:
        """The first word of the child's name (the id when the record has no name)."""
        return self.first_name_in(ENGLISH)

    def first_name_in(self, language: Translation) -> str:
        """:attr:`first_name`, with "Your child" (for a record with neither name nor id)
        in ``language``."""
        words = self.student_name.split()
        return words[0] if words else (self.student_id or language.gettext(YOUR_CHILD))

    @property
    def day(self) -> str:
        """The day as ``YYYY-MM-DD``, or ""."""
        return self.when[:10] if re.match(r"\d{4}-\d{2}-\d{2}", self.when) else ""

    @property
    def home_lines(self) -> list[str]:
        """The family's overall commitment, one line each (blank lines left out)."""
        return [line.strip() for line in self.commitment.splitlines() if line.strip()]

    @classmethod
    def from_record(
        cls, record: Mapping[str, Any], piece_titles: Mapping[str, str] | None = None
    ) -> ConferenceDocument:
        """The document of ``record``. ``piece_titles`` maps piece ids to titles; without it
        the titles saved with the record are used, else the ids tidied up."""
        chosen = _strings(record.get("chosen"))
        if piece_titles is None:  # saved side by side with the ids, one title for each
            raw_ids, raw_titles = _list(record.get("chosen")), _list(record.get("chosen_titles"))
            piece_titles = {
                _text(pid): _text(title) for pid, title in zip(raw_ids, raw_titles, strict=False)
            }
        said = record.get("said")
        said_by_step = (
            {str(k): str(v).strip() for k, v in said.items() if isinstance(v, str) and v.strip()}
            if isinstance(said, Mapping)
            else {}
        )
        pieces = tuple(
            PieceTalk(pid, _piece_title(pid, piece_titles), said_by_step.get(f"piece:{pid}", ""))
            for pid in chosen
        )
        pledges = _list(record.get("goal_commitments"))
        goals = []
        for index, goal in enumerate(_list(record.get("goals"))):
            if not isinstance(goal, Mapping) or not _text(goal.get("goal")):
                continue
            pledge = _text(pledges[index]) if index < len(pledges) else ""
            goals.append(
                GoalPlan(
                    _text(goal.get("goal")), _text(goal.get("how")), _text(goal.get("by")), pledge
                )
            )
        return cls(
            record_id=_text(record.get("id")),
            status=_text(record.get("status")),
            started=_text(record.get("started")),
            finished_at=_text(record.get("finished")),
            student_id=_text(record.get("student_id")),
            student_name=_text(record.get("student_name")),
            grade=_text(record.get("grade")),
            class_name=_text(record.get("class_name")),
            term=_text(record.get("term")),
            when=_text(record.get("finished") or record.get("started") or record.get("updated")),
            finished=record.get("status") == "done",
            pieces=pieces,
            strengths=tuple(_strings(record.get("strengths"))),
            next_steps=tuple(_strings(record.get("next_steps"))),
            goals=tuple(goals),
            parent_questions=tuple(_strings(record.get("parent_questions"))),
            commitment=_text(record.get("commitment")),
            follow_up=record.get("follow_up") is True,
            said=said_by_step,
            language=_text(record.get("language")),
        )


def _text(value: object) -> str:
    """Text as saved, stripped; "" for anything that is not text or a number."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return ""
    return str(value).strip()


def _list(value: object) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else []


def _strings(value: object) -> list[str]:
    if not isinstance(value, list | tuple):
        value = [value]
    return [text for text in map(_text, value) if text]


def _piece_title(piece_id: str, piece_titles: Mapping[str, str]) -> str:
    if piece_titles.get(piece_id):
        return str(piece_titles[piece_id])
    words = re.sub(r"[-_]+", " ", piece_id).strip()
    return words[:1].upper() + words[1:]
