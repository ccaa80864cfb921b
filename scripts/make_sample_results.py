"""Write the sample class's one earlier conference, so the ``review`` step has something to show.

    python scripts/make_sample_results.py

Sam had a conference last spring; the record is built through the real conference state
machine and written by the real results store, so it is exactly what slc itself saves.
Deterministic: a fixed id and fixed times.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from slc_tui.core.conference import Conference
from slc_tui.core.portfolio import Goal
from slc_tui.core.record import to_record
from slc_tui.core.steps import StepKind
from slc_tui.session import ClassSession

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample-class"
RESULTS = SAMPLE / "results"
SPRING = datetime(2026, 4, 15, 16, 10)


def main() -> None:
    """Replace ``data/sample-class/results`` with Sam's spring conference."""
    shutil.rmtree(RESULTS, ignore_errors=True)
    session = ClassSession.open(SAMPLE, RESULTS, clock=lambda: SPRING)
    portfolio = session.folder.portfolio("sam")
    assert portfolio is not None, "run scripts/make_sample_class.py first"
    spring_class = replace(session.folder.info, term="Spring 2026")
    conference = Conference.start(portfolio, spring_class, SPRING)
    conference.id = "sample-sam-spring-2026"
    conference.chosen = [piece.id for piece in portfolio.pieces[:3]]
    conference.say("welcome", "I learn best when I can work with a partner and talk it through.")
    conference.set_items(
        StepKind.STRENGTHS, ["I am good at building things.", "I help my friends."]
    )
    conference.set_items(StepKind.NEXT_STEPS, ["My times tables are slow.", "I rush my writing."])
    conference.set_goals(
        [
            Goal(
                "Know my times tables up to 5 x 5.", "Practise five minutes every day.", "2026-06"
            ),
            Goal(
                "Write a story with a beginning, middle and end.",
                "Plan it first with a story map.",
                "2026-06",
            ),
        ]
    )
    conference.set_items(StepKind.QUESTIONS, ["Which subject do you enjoy most, and why?"])
    conference.set_commitment(
        "We will practise times tables in the car on the way to football.",
        {
            0: "Quiz Sam at breakfast on Mondays and Thursdays.",
            1: "Ask Sam to read his stories to us.",
        },
        follow_up=False,
    )
    conference.step_key = StepKind.COMMITMENT.value
    conference.next(datetime(2026, 4, 15, 16, 31))
    conference.updated = datetime(2026, 4, 15, 16, 31)
    path = session.store.save(to_record(conference))
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
