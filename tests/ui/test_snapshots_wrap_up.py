"""Snapshots of the wrap-up of a conference filled in (pieces, strengths, goals, what the
family will do at home, a follow-up asked for), before and after its take-home copy is
written: see ``test_snapshots.py`` for how snapshots are made and looked at."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Button

from slc_tui.core.portfolio import Goal
from slc_tui.core.steps import StepKind
from tests.ui.conftest import AppFactory
from tests.ui.helpers import settle, stop_cursor_blink, wait_until
from tests.ui.test_snapshots import SIZES, results_dir  # noqa: F401 (the relative results fixture)

SCENES = {"wrap_up_filled": False, "wrap_up_take_home": True}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scene_name", SCENES)
def test_wrap_up_snapshot(
    scene_name: str,
    size: str,
    snap_compare: Any,
    make_app: AppFactory,
    results_dir: Path,  # noqa: F811
) -> None:
    app = make_app("maya")

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(app, pilot)
        conference = app.conference
        assert conference is not None
        conference.say("piece:butterfly", "I drew every stage, the chrysalis was the hardest.")
        conference.set_items(StepKind.STRENGTHS, ["I look closely", "I help my friends [always]"])
        conference.set_items(StepKind.NEXT_STEPS, ["Reading longer books"])
        conference.set_goals([Goal("Read a chapter book", "20 minutes every night", "2027-03")])
        conference.set_commitment(
            "Read together after dinner — en français aussi.",
            {0: "Library trip every Saturday"},
            True,
        )
        steps = conference.steps()
        conference.go_to(steps[-2])
        app.show_step()
        await settle(app, pilot)
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        assert conference.step.key == "wrap_up"
        if SCENES[scene_name]:
            await pilot.click("#take-home")
            button = app.screen.query_one("#take-home", Button)
            await wait_until(pilot, lambda: "written" in str(button.label), what="the copy")
            await settle(app, pilot)
        stop_cursor_blink(app)
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZES[size], run_before=run_before)
