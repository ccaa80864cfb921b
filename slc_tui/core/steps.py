"""The steps of a conference and their ids (the ids are public: docs/class-folder.md)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class StepKind(StrEnum):
    """The kinds of step, in conference order; the value is the public step id."""

    WELCOME = "welcome"
    REVIEW = "review"
    CHOOSE = "choose"
    PIECE = "piece"
    STRENGTHS = "strengths"
    NEXT_STEPS = "next_steps"
    GOALS = "goals"
    QUESTIONS = "questions"
    COMMITMENT = "commitment"
    WRAP_UP = "wrap_up"


STEP_IDS = frozenset(kind.value for kind in StepKind)

#: Short labels for the stepper, friendly to a young reader.
STEP_LABELS: dict[StepKind, str] = {
    StepKind.WELCOME: "Hello",
    StepKind.REVIEW: "Last time",
    StepKind.CHOOSE: "Choose",
    StepKind.PIECE: "My work",
    StepKind.STRENGTHS: "Strengths",
    StepKind.NEXT_STEPS: "Next steps",
    StepKind.GOALS: "Goals",
    StepKind.QUESTIONS: "Questions",
    StepKind.COMMITMENT: "At home",
    StepKind.WRAP_UP: "Done",
}


@dataclass(frozen=True)
class Step:
    """One step of a conference; piece steps carry the piece they show."""

    kind: StepKind
    piece_id: str = ""

    @property
    def key(self) -> str:
        """A stable string for records: ``strengths`` or ``piece:butterfly``."""
        return f"{self.kind.value}:{self.piece_id}" if self.piece_id else self.kind.value

    @classmethod
    def from_key(cls, key: str) -> Step:
        """Parse :attr:`key` back (ValueError when it is not a step key)."""
        kind, _, piece_id = key.partition(":")
        step_kind = StepKind(kind)
        if (step_kind is StepKind.PIECE) != bool(piece_id):
            raise ValueError(f"bad step key {key!r}")
        return cls(step_kind, piece_id)

    @property
    def label(self) -> str:
        """The stepper label."""
        return STEP_LABELS[self.kind]
