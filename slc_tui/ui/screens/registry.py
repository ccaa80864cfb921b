"""Which screen shows which kind of step."""

from __future__ import annotations

from slc_tui.core.conference import Conference
from slc_tui.core.steps import StepKind
from slc_tui.ui.screens.base import StepContext, StepScreen
from slc_tui.ui.screens.choose import ChooseScreen
from slc_tui.ui.screens.commitment import CommitmentScreen
from slc_tui.ui.screens.goals import GoalsScreen
from slc_tui.ui.screens.lists import NextStepsScreen, StrengthsScreen
from slc_tui.ui.screens.piece import PieceScreen
from slc_tui.ui.screens.questions import QuestionsScreen
from slc_tui.ui.screens.review import ReviewScreen
from slc_tui.ui.screens.welcome import WelcomeScreen
from slc_tui.ui.screens.wrap_up import WrapUpScreen

SCREENS: dict[StepKind, type[StepScreen]] = {
    StepKind.WELCOME: WelcomeScreen,
    StepKind.REVIEW: ReviewScreen,
    StepKind.CHOOSE: ChooseScreen,
    StepKind.PIECE: PieceScreen,
    StepKind.STRENGTHS: StrengthsScreen,
    StepKind.NEXT_STEPS: NextStepsScreen,
    StepKind.GOALS: GoalsScreen,
    StepKind.QUESTIONS: QuestionsScreen,
    StepKind.COMMITMENT: CommitmentScreen,
    StepKind.WRAP_UP: WrapUpScreen,
}


def screen_for(conference: Conference, context: StepContext) -> StepScreen:
    """A new screen for the conference's current step."""
    return SCREENS[conference.step.kind](conference, context)
