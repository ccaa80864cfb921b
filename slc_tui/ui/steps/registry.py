"""Which step shows which kind of step (each step's module is imported when first needed,
so starting the app does not import every step's widgets)."""

from __future__ import annotations

from importlib import import_module

from slc_tui.core.conference import Conference
from slc_tui.core.steps import Step, StepKind
from slc_tui.ui.steps.base import StepBody, StepContext

STEPS: dict[StepKind, str] = {
    StepKind.WELCOME: "welcome:WelcomeStep",
    StepKind.REVIEW: "review:ReviewStep",
    StepKind.CHOOSE: "choose:ChooseStep",
    StepKind.PIECE: "piece:PieceStep",
    StepKind.STRENGTHS: "lists:StrengthsStep",
    StepKind.NEXT_STEPS: "lists:NextStepsStep",
    StepKind.GOALS: "goals:GoalsStep",
    StepKind.QUESTIONS: "questions:QuestionsStep",
    StepKind.COMMITMENT: "commitment:CommitmentStep",
    StepKind.WRAP_UP: "wrap_up:WrapUpStep",
}


def step_class(kind: StepKind) -> type[StepBody]:
    """The step class for ``kind`` (its module is imported on first use)."""
    module, name = STEPS[kind].split(":")
    step: type[StepBody] = getattr(import_module(f"slc_tui.ui.steps.{module}"), name)
    return step


def step_for(
    conference: Conference,
    context: StepContext,
    step: Step | None = None,
    *,
    first_screen: bool = False,
) -> StepBody:
    """A new step for ``step`` of the conference (by default the one it is on;
    ``first_screen``: the first step the app paints, see ``StepBody``)."""
    step = step or conference.step
    return step_class(step.kind)(conference, context, step, first_screen=first_screen)
