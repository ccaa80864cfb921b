"""Pilot tests for the ImagePreview widget."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from textual.app import App, ComposeResult
from textual.pilot import Pilot

from slc_tui.ui.widgets import image_preview
from slc_tui.ui.widgets.image_preview import ImagePreview
from tests.ui.helpers import settle, wait_until


class PreviewApp(App[None]):
    """A tiny host app that records the Loaded messages it receives."""

    def __init__(self, path: Path | None, problem: str | None = None) -> None:
        super().__init__()
        self.path = path
        self.problem = problem
        self.loaded_messages: list[ImagePreview.Loaded] = []

    def compose(self) -> ComposeResult:
        yield ImagePreview(self.path, self.problem, id="preview")

    def on_image_preview_loaded(self, message: ImagePreview.Loaded) -> None:
        self.loaded_messages.append(message)


async def wait_loaded(pilot: Pilot[None], preview: ImagePreview) -> None:
    for _ in range(200):
        if preview.loaded:
            break
        await pilot.pause(0.01)
    assert preview.loaded
    await pilot.pause()


def screen_text(preview: ImagePreview) -> str:
    return "\n".join(preview.render_line(y).text for y in range(preview.size.height))


async def test_good_image_is_drawn_with_half_blocks(tmp_path: Path) -> None:
    path = tmp_path / "butterfly.png"
    picture = Image.new("RGB", (200, 100), (250, 180, 40))
    picture.paste((30, 90, 200), (0, 50, 200, 100))
    picture.save(path)
    app = PreviewApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        preview = app.query_one(ImagePreview)
        await wait_loaded(pilot, preview)
        text = screen_text(preview)
        assert "▀" in text
        assert "Loading" not in text
        lines_with_picture = [line for line in text.splitlines() if "▀" in line]
        assert max(line.count("▀") for line in lines_with_picture) <= 80
        assert len(lines_with_picture) <= 24
        assert [m.problem for m in app.loaded_messages] == [None]

        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        assert max(line.count("▀") for line in screen_text(preview).splitlines()) <= 40


async def test_broken_image_shows_calm_placeholder(tmp_path: Path) -> None:
    path = tmp_path / "story.png"
    path.write_text("once upon a time")
    app = PreviewApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        preview = app.query_one(ImagePreview)
        await wait_loaded(pilot, preview)
        text = screen_text(preview)
        assert "Picture can't be shown" in text
        assert "Not a supported image" in text
        assert "story.png" in text
        assert "▀" not in text
        assert [m.problem for m in app.loaded_messages] == [
            "not a supported image (allowed: PNG, JPEG, GIF, WebP, BMP)"
        ]


async def test_no_path_shows_the_given_problem() -> None:
    app = PreviewApp(None, "path leaves the class folder")
    async with app.run_test(size=(80, 24)) as pilot:
        preview = app.query_one(ImagePreview)
        await wait_loaded(pilot, preview)
        assert "Path leaves the class folder" in screen_text(preview)


async def test_show_switches_picture(tmp_path: Path) -> None:
    good = tmp_path / "good.png"
    Image.new("RGB", (20, 20), (0, 200, 0)).save(good)
    app = PreviewApp(tmp_path / "missing.png")
    async with app.run_test(size=(80, 24)) as pilot:
        preview = app.query_one(ImagePreview)
        await wait_loaded(pilot, preview)
        assert "File not found" in screen_text(preview)
        preview.show(good)
        await wait_loaded(pilot, preview)
        assert "▀" in screen_text(preview)


async def test_a_cut_off_picture_says_why_as_validate_does(tmp_path: Path) -> None:
    from slc_tui.media.safe_image import ImageProblem, check_image

    path = tmp_path / "volcano.jpg"
    Image.effect_noise((320, 240), 60).convert("RGB").save(path)
    path.write_bytes(path.read_bytes()[:3000])
    with pytest.raises(ImageProblem) as validate_says:
        check_image(path)
    app = PreviewApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        preview = app.query_one(ImagePreview)
        await wait_loaded(pilot, preview)
        text = screen_text(preview)
        assert "Picture can't be shown" in text
        assert "File is damaged or incomplete" in text
        assert "volcano.jpg" in text
        assert [m.problem for m in app.loaded_messages] == [validate_says.value.reason]


async def test_a_folder_given_as_a_picture_is_named_as_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "art"
    folder.mkdir()
    app = PreviewApp(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        preview = app.query_one(ImagePreview)
        await wait_loaded(pilot, preview)
        assert "Is a folder, not a picture" in screen_text(preview)


def slow_loads(monkeypatch: pytest.MonkeyPatch, wait: Callable[[], object]) -> list[Path]:
    """Make every picture load call ``wait()`` first; returns the paths loads were started for."""
    real_load = image_preview._load_picture
    started: list[Path] = []

    def slow_load(path: Path, cells: tuple[int, int]) -> Any:
        started.append(path)
        wait()
        return real_load(path, cells)

    monkeypatch.setattr(image_preview, "_load_picture", slow_load)
    return started


async def test_a_cancelled_load_starts_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kite.png"
    Image.new("RGB", (40, 20), (200, 30, 30)).save(path)
    gate = threading.Event()
    started = slow_loads(monkeypatch, lambda: gate.wait(5))
    app = PreviewApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        preview = app.query_one(ImagePreview)
        await wait_until(pilot, lambda: started, what="the load to start")
        (worker,) = [w for w in app.workers if w.node is preview]
        worker.cancel()  # as a test helper's timeout or a closing step might
        await wait_until(pilot, lambda: len(started) == 2, what="the load to start again")
        gate.set()
        await wait_loaded(pilot, preview)
        assert "▀" in screen_text(preview)
        assert [m.problem for m in app.loaded_messages] == [None]


async def test_settle_waits_for_a_slow_picture_without_cancelling_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kite.png"
    Image.new("RGB", (40, 20), (200, 30, 30)).save(path)
    started = slow_loads(monkeypatch, lambda: time.sleep(1.2))  # longer than one wait of settle
    app = PreviewApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        preview = app.query_one(ImagePreview)
        await settle(app, pilot, timeout=6)
        assert preview.loaded
        assert "▀" in screen_text(preview)
        assert started == [path]  # loaded once: settle did not cancel the load


def test_importing_the_widget_does_not_import_pillow() -> None:
    code = (
        "import sys, slc_tui.ui.widgets.image_preview, slc_tui.media\n"
        "assert 'PIL' not in sys.modules, 'PIL imported'\n"
        "assert 'slc_tui.media.safe_image' not in sys.modules\n"
    )
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root)
