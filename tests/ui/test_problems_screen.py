"""The teacher sees what is wrong in the class folder in the app: every problem by file and
field, and the children left out of the student list."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Static

from slc_tui.store.teacher_access import PinStore
from slc_tui.ui.app import create_app
from slc_tui.ui.screens.picker import PickerScreen
from slc_tui.ui.screens.pin_dialog import PinDialog
from slc_tui.ui.screens.problems import ProblemsScreen
from tests.factories import make_class, portfolio_data
from tests.ui.helpers import FrozenClock, settle, static_text


def class_with_problems(root: Path) -> Path:
    good = portfolio_data("maya", extra_key="typo")  # a warning: unknown key
    bad = portfolio_data("sam", name="Sam [/] Okoro", grade="13")  # an error: left out
    make_class(root, [good, bad])
    (root / "portfolios" / "zoe.json").write_text("{ not json", encoding="utf-8")
    return root


async def test_the_student_list_points_to_the_problems_and_f2_shows_them(
    tmp_path: Path, slc_data_dir: Path
) -> None:
    root = class_with_problems(tmp_path / "room")
    app = create_app(root, root / "results", clock=FrozenClock())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, PickerScreen)
        notice = static_text(app.screen.query_one("#picker-notice", Static))
        assert "2 portfolio(s) left out of this list" in notice
        assert "press F2" in notice
        await pilot.press("f2")
        await settle(app, pilot)
        assert isinstance(app.screen, ProblemsScreen)
        report = static_text(app.screen.query_one("#problems-text", Static))
        assert "Left out of the student list (2):" in report
        assert "portfolios/sam.json — student.grade: must be K or 1-12" in report
        assert "portfolios/zoe.json" in report
        assert "portfolios/maya.json: extra_key: warning:" in report
        await pilot.press("escape")
        assert isinstance(app.screen, PickerScreen)


async def test_with_a_teacher_pin_the_problems_need_it(tmp_path: Path, slc_data_dir: Path) -> None:
    root = class_with_problems(tmp_path / "room")
    PinStore(root / "results").set("246810")
    app = create_app(root, root / "results", clock=FrozenClock())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("f2")
        await settle(app, pilot)
        assert isinstance(app.screen, PinDialog)


def test_snapshot_of_the_problems_screen(
    snap_compare: Any, tmp_path: Path, slc_data_dir: Path, monkeypatch: Any
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    root = class_with_problems(Path("room"))
    app = create_app(root, root / "results", clock=FrozenClock())

    async def run_before(pilot: Any) -> None:
        await settle(app, pilot)
        await pilot.press("f2")
        await settle(app, pilot)
        assert isinstance(app.screen, ProblemsScreen)

    for size in ((80, 24), (120, 40)):
        assert snap_compare(app, terminal_size=size, run_before=run_before)
        app = create_app(root, root / "results", clock=FrozenClock())
