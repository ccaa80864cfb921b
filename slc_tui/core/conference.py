"""The conference state machine: which step we are on, what was said, what may come next.

Pure domain code: the UI asks for the current step and reports what happened; tests
drive it without a terminal.
"""

from __future__ import annotations

import uuid
from dataclasses import field
from datetime import datetime, timedelta
from typing import Any

from slc_tui.core.classinfo import ClassInfo
from slc_tui.core.fast_dataclass import fast_dataclass
from slc_tui.core.fields import is_valid_date
from slc_tui.core.i18n import N_, _, fill, nfill
from slc_tui.core.portfolio import PIECES_TO_CHOOSE, Goal, Portfolio
from slc_tui.core.steps import Step, StepKind
from slc_tui.core.text import MAX_LINE_LENGTH, clean_line, clean_text

#: A piece step's label on the stepper.
PIECE_LABEL = N_("My work {number} of {total}")
#: Most goals, strengths, next steps or questions one conference keeps.
MAX_ITEMS = 20


def clean_by(value: str) -> str:
    """A goal's "by": an ISO month ``YYYY-MM`` (or day ``YYYY-MM-DD``) as given, else ""."""
    value = clean_line(value, max_length=10)
    return value if is_valid_date(value) else ""


@fast_dataclass
class RemovedGoal:
    """A goal just removed, with what the parent said for it (to put both back)."""

    index: int
    goal: Goal
    pledge: str


class StepBlocked(Exception):
    """Next was pressed but this step is not finished; ``str(exc)`` says why, kindly."""


@fast_dataclass(frozen=False)
class Conference:
    """One student's conference in progress (or finished).

    Holds everything typed so far; :mod:`slc_tui.core.record` turns it into the
    saved record and back.
    """

    portfolio: Portfolio
    class_info: ClassInfo
    started: datetime
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    previous: dict[str, Any] | None = None
    chosen: list[str] = field(default_factory=list)
    said: dict[str, str] = field(default_factory=dict)
    strengths: list[str] = field(default_factory=list)
    next_steps: list[str] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    parent_questions: list[str] = field(default_factory=list)
    commitment: str = ""
    goal_commitments: list[str] = field(default_factory=list)
    follow_up: bool = False
    step_key: str = StepKind.WELCOME.value
    finished: datetime | None = None
    updated: datetime | None = None
    choosing: bool = False
    #: Where the gentle clock counts from (moved forward on resume; not saved).
    clock_started: datetime | None = None
    #: The language the conference is led in (a code such as ``es``): the family's, else
    #: the class's; 🌐 changes it, and the record keeps the one it finished in.
    language: str = "en"

    @classmethod
    def start(
        cls,
        portfolio: Portfolio,
        class_info: ClassInfo,
        now: datetime,
        previous: dict[str, Any] | None = None,
    ) -> Conference:
        """A fresh conference, pre-filled from the child's portfolio."""
        return cls(
            portfolio=portfolio,
            class_info=class_info,
            started=now,
            updated=now,
            previous=previous,
            chosen=list(portfolio.default_chosen),
            strengths=list(portfolio.strengths),
            next_steps=list(portfolio.next_steps),
            goals=list(portfolio.goals),
            language=portfolio.student.family_language or class_info.language,
        )

    def resumed(self, now: datetime) -> None:
        """Carry on after a break: the clock shows the time used before it, not the gap."""
        used = (self.updated or self.started) - self.started
        self.clock_started = now - max(used, timedelta(0))

    @property
    def clock_start(self) -> datetime:
        """The moment the conference clock counts from."""
        return self.clock_started or self.started

    # -- the flow ---------------------------------------------------------------------

    @property
    def pieces_required(self) -> int:
        """How many pieces the child talks about: three, or all when fewer exist."""
        return min(PIECES_TO_CHOOSE, len(self.portfolio.pieces))

    @property
    def choose_in_flow(self) -> bool:
        """True when the ``choose`` step is part of this conference."""
        if self.choosing:
            return True
        return len(self.portfolio.default_chosen) != self.pieces_required

    def steps(self) -> list[Step]:
        """Every step of this conference, in order."""
        steps = [Step(StepKind.WELCOME)]
        if self.previous is not None:
            steps.append(Step(StepKind.REVIEW))
        if self.choose_in_flow:
            steps.append(Step(StepKind.CHOOSE))
        steps.extend(Step(StepKind.PIECE, piece_id) for piece_id in self.chosen)
        steps.extend(
            Step(kind)
            for kind in (
                StepKind.STRENGTHS,
                StepKind.NEXT_STEPS,
                StepKind.GOALS,
                StepKind.QUESTIONS,
                StepKind.COMMITMENT,
                StepKind.WRAP_UP,
            )
        )
        return steps

    def stepper_labels(self) -> list[str]:
        """A label for every step, with places kept for pieces not picked yet.

        While the child is choosing, the stepper still shows three "My work" places,
        so the number of steps does not jump when a piece is picked.
        """
        labels = [self.step_label(step) for step in self.steps()]
        missing = self.pieces_required - len(self.chosen)
        if missing > 0:
            at = len(labels) - 6  # the six steps after the pieces
            need = self.pieces_required
            labels[at:at] = [
                fill(PIECE_LABEL, number=n, total=need)
                for n in range(len(self.chosen) + 1, need + 1)
            ]
        return labels

    def step_label(self, step: Step) -> str:
        """The stepper's name for ``step``: ``My work 2 of 3`` for pieces."""
        if step.kind is StepKind.PIECE and step.piece_id in self.chosen:
            number = self.chosen.index(step.piece_id) + 1
            return fill(PIECE_LABEL, number=number, total=self.pieces_required)
        return step.label

    @property
    def step(self) -> Step:
        """The current step (the welcome step if the saved one no longer exists)."""
        steps = self.steps()
        try:
            current = Step.from_key(self.step_key)
        except ValueError:
            return steps[0]
        return current if current in steps else steps[0]

    @property
    def index(self) -> int:
        """Position of the current step in :meth:`steps` (0-based)."""
        return self.steps().index(self.step)

    @property
    def is_first(self) -> bool:
        """True on the first step (Back does nothing)."""
        return self.index == 0

    @property
    def is_last(self) -> bool:
        """True on the wrap-up, where Next finishes the conference."""
        return self.step.kind is StepKind.WRAP_UP

    @property
    def can_change_pieces(self) -> bool:
        """True when there are more pieces than the child talks about."""
        return len(self.portfolio.pieces) > self.pieces_required

    @property
    def is_done(self) -> bool:
        """True once the conference reached the wrap-up."""
        return self.finished is not None

    def blocked_reason(self) -> str:
        """Why Next cannot be pressed yet ("" when it can)."""
        step = self.step
        if step.kind is StepKind.CHOOSE and len(self.chosen) != self.pieces_required:
            return nfill(
                "Pick {n} piece to talk about (you have picked {picked}).",
                "Pick {n} pieces to talk about (you have picked {picked}).",
                self.pieces_required,
                picked=len(self.chosen),
            )
        if step.kind is StepKind.WRAP_UP:
            return _("This is the last step.")
        return ""

    def next(self, now: datetime) -> Step:
        """Move to the next step; raises :class:`StepBlocked` when this one is not finished."""
        reason = self.blocked_reason()
        if reason:
            raise StepBlocked(reason)
        steps = self.steps()
        target = steps[self.index + 1]
        self.step_key = target.key
        if target.kind is StepKind.WRAP_UP and self.finished is None:
            self.finished = now
        self.updated = now
        return target

    def back(self) -> Step:
        """Move to the previous step (stays put on the first)."""
        steps = self.steps()
        self.step_key = steps[max(0, self.index - 1)].key
        return self.step

    def go_to(self, step: Step) -> Step:
        """Jump to ``step`` if it is part of the conference and not past an unfinished choice."""
        steps = self.steps()
        if step not in steps:
            raise ValueError(f"{step.key} is not a step of this conference")
        if steps.index(step) > self.index and self.blocked_reason():
            raise StepBlocked(self.blocked_reason())
        self.step_key = step.key
        return step

    def change_pieces(self) -> Step:
        """Bring the ``choose`` step into the flow (for pre-chosen portfolios) and go there."""
        self.choosing = True
        self.step_key = StepKind.CHOOSE.value
        return self.step

    # -- what the child chose and said ---------------------------------------------

    def contents(self) -> tuple[Any, ...]:
        """Everything chosen and said so far, as one value to compare: a step shown from
        equal contents shows the same (the UI uses it to tell whether a step built ahead
        of time is still up to date)."""
        pledges = list(self.goal_commitments)
        while pledges and not pledges[-1]:  # blank pledges kept only to line up with goals
            pledges.pop()
        return (
            tuple(self.chosen),
            tuple(sorted(self.said.items())),
            tuple(self.strengths),
            tuple(self.next_steps),
            tuple(self.goals),
            tuple(self.parent_questions),
            self.commitment,
            tuple(pledges),
            self.follow_up,
            self.choosing,
        )

    def toggle_piece(self, piece_id: str) -> bool:
        """Choose or un-choose a piece; returns True when it is now chosen.

        Raises :class:`StepBlocked` when three are already chosen.
        """
        self.portfolio.piece(piece_id)  # KeyError for unknown ids
        if piece_id in self.chosen:
            self.chosen.remove(piece_id)
            return False
        if len(self.chosen) >= self.pieces_required:
            raise StepBlocked(
                f"You already picked {self.pieces_required}. Tap one to put it back first."
            )
        self.chosen.append(piece_id)
        return True

    def say(self, step_key: str, text: str) -> None:
        """Keep what was typed for a step (cleaned; empty text removes it)."""
        cleaned = clean_text(text)
        if cleaned.strip():
            self.said[step_key] = cleaned
        else:
            self.said.pop(step_key, None)

    def set_items(self, kind: StepKind, items: list[str]) -> None:
        """Replace the strengths, next steps or parent questions with ``items`` (cleaned)."""
        cleaned = [line for line in (clean_line(item) for item in items) if line][:MAX_ITEMS]
        if kind is StepKind.STRENGTHS:
            self.strengths = cleaned
        elif kind is StepKind.NEXT_STEPS:
            self.next_steps = cleaned
        elif kind is StepKind.QUESTIONS:
            self.parent_questions = cleaned
        else:
            raise ValueError(f"{kind} has no list of items")

    def items(self, kind: StepKind) -> list[str]:
        """The list edited at a strengths / next steps / questions step."""
        lists = {
            StepKind.STRENGTHS: self.strengths,
            StepKind.NEXT_STEPS: self.next_steps,
            StepKind.QUESTIONS: self.parent_questions,
        }
        return list(lists[kind])

    def set_goals(self, goals: list[Goal]) -> None:
        """Replace the goals with the rows being edited (cleaned, blank rows kept in place).

        Rows stay where they are so each keeps its commitment from the parent; blank
        rows are left out only when the record is written (:meth:`agreed_goals`).
        """
        self.goals = [
            Goal(
                clean_line(goal.goal),
                clean_line(goal.how, max_length=MAX_LINE_LENGTH * 2),
                clean_by(goal.by),
            )
            for goal in goals[:MAX_ITEMS]
        ]

    def remove_goal(self, index: int) -> RemovedGoal | None:
        """Remove goal ``index`` together with what the parent said for it; return both
        (for :meth:`restore_goal`), or None when there is no such goal."""
        if not 0 <= index < len(self.goals):
            return None
        goal = self.goals.pop(index)
        pledge = self.goal_commitments.pop(index) if index < len(self.goal_commitments) else ""
        return RemovedGoal(index, goal, pledge)

    def restore_goal(self, removed: RemovedGoal) -> int:
        """Put a removed goal back where it was (or last), with its pledge; return where."""
        index = min(removed.index, len(self.goals))
        self.goals.insert(index, removed.goal)
        del self.goals[MAX_ITEMS:]
        if removed.pledge or index < len(self.goal_commitments):
            pledges = [*self.goal_commitments, *[""] * (index - len(self.goal_commitments))]
            pledges.insert(index, removed.pledge)
            self.goal_commitments = pledges
        return index

    def shown_said(self) -> dict[str, str]:
        """What was said at each step, without notes of pieces no longer chosen (those are
        kept in :attr:`said` while the conference is open, in case the child swaps back)."""
        return {
            key: text
            for key, text in self.said.items()
            if not key.startswith(f"{StepKind.PIECE.value}:")
            or key.partition(":")[2] in self.chosen
        }

    def agreed_goals(self) -> list[tuple[int, Goal, str]]:
        """``(index, goal, commitment)`` for every goal with any text in it."""
        pledges = self.goal_commitments
        return [
            (index, goal, pledges[index] if index < len(pledges) else "")
            for index, goal in enumerate(self.goals)
            if goal.goal or goal.how or goal.by
        ]

    def set_commitment(self, overall: str, per_goal: dict[int, str], follow_up: bool) -> None:
        """Keep what the parent commits to, overall and per goal (by goal index), and
        whether they asked for a private follow-up."""
        self.commitment = clean_text(overall).strip()
        pledges = [*self.goal_commitments, *[""] * (len(self.goals) - len(self.goal_commitments))]
        for index, text in per_goal.items():
            if 0 <= index < len(pledges):
                pledges[index] = clean_text(text).strip()
        self.goal_commitments = pledges
        self.follow_up = follow_up
