"""The looks a class can choose: class.json's ``theme`` and the command palette's commands."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from textual.filter import Monochrome

from slc_tui.store.paths import bundled_sample_dir
from slc_tui.ui.app import create_app
from slc_tui.ui.themes import apply_theme, theme_commands
from tests.ui.helpers import FrozenClock, settle


def _class_with(tmp_path: Path, theme: str) -> Path:
    root = tmp_path / "class"
    shutil.copytree(bundled_sample_dir(), root, ignore=shutil.ignore_patterns("results"))
    info = json.loads((root / "class.json").read_text(encoding="utf-8"))
    info["theme"] = theme
    (root / "class.json").write_text(json.dumps(info), encoding="utf-8")
    return root


async def test_class_json_chooses_high_contrast(
    tmp_path: Path, results_dir: Path, clock: FrozenClock
) -> None:
    app = create_app(_class_with(tmp_path, "high-contrast"), results_dir, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.theme == "slc-high-contrast"
        assert app.current_theme.background == "#000000"
        assert not any(isinstance(f, Monochrome) for f in app._filters)


async def test_monochrome_drains_colour_and_the_palette_changes_it_back(
    tmp_path: Path, results_dir: Path, clock: FrozenClock
) -> None:
    app = create_app(_class_with(tmp_path, "monochrome"), results_dir, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.theme == "slc-monochrome"
        assert sum(isinstance(f, Monochrome) for f in app._filters) == 1
        apply_theme(app, "monochrome")  # again: still one filter
        assert sum(isinstance(f, Monochrome) for f in app._filters) == 1
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert titles[:3] == [
            "Theme: standard",
            "Theme: high contrast",
            "Theme: monochrome (no colour)",
        ]
        assert "Theme" not in titles  # Textual's own list of twenty themes is not offered
        standard = next(theme_commands(app))
        standard.callback()
        await settle(app, pilot)
        assert app.theme == "textual-dark"
        assert not any(isinstance(f, Monochrome) for f in app._filters)


async def test_an_unknown_theme_is_a_warning_and_the_standard_look(
    tmp_path: Path, results_dir: Path, clock: FrozenClock
) -> None:
    from slc_tui.core.class_folder import load_class_folder

    root = _class_with(tmp_path, "sparkly")
    folder = load_class_folder(root)
    assert folder.info.theme == "standard"
    assert any("theme" in str(problem) for problem in folder.all_problems)
    app = create_app(root, results_dir, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.theme == "textual-dark"
