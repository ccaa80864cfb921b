"""Pilot tests for the ImagePreview widget."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PIL import Image
from textual.app import App, ComposeResult
from textual.pilot import Pilot

from slc_tui.ui.widgets.image_preview import ImagePreview


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


def test_importing_the_widget_does_not_import_pillow() -> None:
    code = (
        "import sys, slc_tui.ui.widgets.image_preview, slc_tui.media\n"
        "assert 'PIL' not in sys.modules, 'PIL imported'\n"
        "assert 'slc_tui.media.safe_image' not in sys.modules\n"
    )
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root)
