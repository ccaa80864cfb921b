"""Which screen shows which kind of step (each screen's module is imported when first needed,
so starting the app does not import every step's widgets)."""

from __future__ import annotations

from importlib import import_module

from slc_tui.core.conference import Conference
from slc_tui.core.steps import StepKind
from slc_tui.ui.screens.base import StepContext, StepScreen

SCREENS: dict[StepKind, str] = {
    StepKind.WELCOME: "welcome:WelcomeScreen",
    StepKind.REVIEW: "review:ReviewScreen",
    StepKind.CHOOSE: "choose:ChooseScreen",
    StepKind.PIECE: "piece:PieceScreen",
    StepKind.STRENGTHS: "lists:StrengthsScreen",
    StepKind.NEXT_STEPS: "lists:NextStepsScreen",
    StepKind.GOALS: "goals:GoalsScreen",
    StepKind.QUESTIONS: "questions:QuestionsScreen",
    StepKind.COMMITMENT: "commitment:CommitmentScreen",
    StepKind.WRAP_UP: "wrap_up:WrapUpScreen",
}


def screen_class(kind: StepKind) -> type[StepScreen]:
    """The screen class for ``kind`` (its module is imported on first use)."""
    module, name = SCREENS[kind].split(":")
    screen: type[StepScreen] = getattr(import_module(f"slc_tui.ui.screens.{module}"), name)
    return screen


def screen_for(conference: Conference, context: StepContext) -> StepScreen:
    """A new screen for the conference's current step."""
    return screen_class(conference.step.kind)(conference, context)


def preload_screens() -> None:
    """Import every step screen now (done once the first screen is up, so no step waits)."""
    for kind in SCREENS:
        screen_class(kind)
