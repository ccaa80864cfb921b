"""The steps of a conference and their ids (the ids are public: docs/class-folder.md)."""

from __future__ import annotations

from enum import StrEnum

from slc_tui.core.fast_dataclass import fast_dataclass
from slc_tui.core.i18n import N_, _


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

#: Short labels for the stepper, friendly to a young reader (in English: see :attr:`Step.label`).
STEP_LABELS: dict[StepKind, str] = {
    StepKind.WELCOME: N_("Hello"),
    StepKind.REVIEW: N_("Last time"),
    StepKind.CHOOSE: N_("Choose"),
    StepKind.PIECE: N_("My work"),
    StepKind.STRENGTHS: N_("Strengths"),
    StepKind.NEXT_STEPS: N_("Next steps"),
    StepKind.GOALS: N_("Goals"),
    StepKind.QUESTIONS: N_("Questions"),
    StepKind.COMMITMENT: N_("At home"),
    StepKind.WRAP_UP: N_("Done"),
}


@fast_dataclass
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
        """The stepper label, in the active language."""
        return _(STEP_LABELS[self.kind])
