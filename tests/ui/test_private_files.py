"""Everything the app writes on a shared laptop is readable by its owner only."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from slc_tui.store.paths import bundled_sample_dir, results_dir_for, seed_results
from slc_tui.ui.app import create_app
from slc_tui.ui.screens.picker import PickerScreen
from slc_tui.ui.steps.wrap_up import WrapUpStep
from tests.ui.helpers import FrozenClock, press_next_until, settle

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")


async def test_a_whole_conference_writes_owner_only_files_and_folders(
    slc_data_dir: Path,
) -> None:
    sample = bundled_sample_dir()
    results = results_dir_for(sample, sample, None)  # the per-user folder, as `slc` uses
    assert slc_data_dir in results.parents
    seed_results(sample / "results", results)
    app = create_app(sample, results, student_id="maya", clock=FrozenClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press_next_until(app, pilot, WrapUpStep)
        await pilot.click("#take-home")
        await settle(app, pilot)
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("ctrl+q")
    written = [path for path in slc_data_dir.rglob("*")]
    assert any(path.name.startswith("maya-") for path in written)  # the take-home copy
    assert len(written) >= 5
    for path in [slc_data_dir, *written]:
        assert path.stat().st_mode & 0o077 == 0, f"{path} is {oct(path.stat().st_mode)}"
