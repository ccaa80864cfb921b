"""The student list on conference night: children by their time, who is next named above
the list with the cursor on them, and "next" moving on when a family's time is over."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import OptionList, Static

from slc_tui.core.schedule_settings import settings_from_text
from slc_tui.store.paths import bundled_sample_dir
from slc_tui.teacher.schedule import plan_class_schedule, write_schedule
from slc_tui.ui.app import create_app
from slc_tui.ui.screens.picker import PickerScreen
from tests.ui.helpers import FrozenClock, screen_text, settle, static_text


def _tonight(tmp_path: Path) -> Path:
    """The sample class planned for the clock's day (2026-11-22) from 15:00, turns of 15
    minutes: Aiyana 15:00, Lukas 15:15, Maya 15:30, Sam 15:45, Zoe 16:00."""
    root = tmp_path / "class"
    shutil.copytree(bundled_sample_dir(), root, ignore=shutil.ignore_patterns("results"))
    settings, _ = settings_from_text(
        day="2026-11-22",
        start="15:00",
        end="17:00",
        slot_minutes=30,
        families_per_slot=2,
        rotate_minutes=15,
    )
    assert settings is not None
    write_schedule(plan_class_schedule(root, settings))
    return root


async def test_the_list_shows_tonights_times_and_who_is_next(
    tmp_path: Path, results_dir: Path, clock: FrozenClock
) -> None:
    app = create_app(_tonight(tmp_path), results_dir, clock=clock)  # 15:30
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, PickerScreen)
        students = app.screen.query_one(OptionList)
        lines = [students.get_option_at_index(i).prompt.line(70) for i in range(5)]
        assert [line.split()[0:2] for line in lines] == [
            ["15:00", "Aiyana"],
            ["15:15", "Lukas"],
            ["▶", "15:30"],
            ["15:45", "Sam"],
            ["16:00", "Zoe"],
        ]
        ask = static_text(app.screen.query_one("#picker-ask", Static))
        assert ask.startswith("▶ Next: Maya López at 15:30.")
        assert students.highlighted == 2
        assert "Time Name" in screen_text(app)

        clock.advance(minutes=15)  # Maya's family did not come: Sam is next
        app._keep_next_up()
        await settle(app, pilot)
        assert static_text(app.screen.query_one("#picker-ask", Static)).startswith(
            "▶ Next: Sam Okoro at 15:45."
        )
        assert students.highlighted == 3
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.conference is not None
        assert app.conference.portfolio.student.id == "sam"


async def test_without_a_schedule_for_today_the_list_is_by_name(
    results_dir: Path, clock: FrozenClock
) -> None:
    app = create_app(bundled_sample_dir(), results_dir, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, PickerScreen)
        ask = static_text(app.screen.query_one("#picker-ask", Static))
        assert ask == "Who is leading their conference? Pick your name."
        assert "Time" not in screen_text(app)
