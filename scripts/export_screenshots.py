"""Write SVG screenshots of the app on the sample class, for the README and docs.

    python scripts/export_screenshots.py            # writes docs/images/*.svg

The app is built through ``create_app`` with a frozen clock and a throw-away results
folder, then driven with Textual's Pilot, exactly as the tests do.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from slc_tui.store.paths import bundled_sample_dir
from slc_tui.ui.app import create_app
from slc_tui.ui.widgets.image_preview import ImagePreview

OUT = Path(__file__).resolve().parent.parent / "docs" / "images"
START = datetime(2026, 11, 22, 15, 30)


def frozen_clock() -> datetime:
    """Seven minutes into the conference, always."""
    return START + timedelta(minutes=7)


async def wait_for_images(app: object, pilot: object) -> None:
    """Wait until every picture on screen has finished loading."""
    for _ in range(200):
        previews = list(app.screen.query(ImagePreview))  # type: ignore[attr-defined]
        if all(preview.loaded for preview in previews):
            return
        await pilot.pause(0.05)  # type: ignore[attr-defined]


async def shoot(student: str, steps_forward: int, name: str, size: tuple[int, int]) -> Path:
    """Open ``student``, press Next ``steps_forward`` times, save an SVG."""
    with tempfile.TemporaryDirectory() as results:
        app = create_app(
            bundled_sample_dir(), Path(results), student_id=student, clock=frozen_clock
        )
        async with app.run_test(size=size) as pilot:
            await pilot.pause(0.3)
            for _ in range(steps_forward):
                await pilot.press("ctrl+n")
                await pilot.pause(0.2)
            await wait_for_images(app, pilot)
            await pilot.pause(0.1)
            path = OUT / f"{name}.svg"
            app.save_screenshot(filename=path.name, path=str(OUT))
            return path


async def main() -> int:
    """Write the screenshots the README uses."""
    OUT.mkdir(parents=True, exist_ok=True)
    shots = [
        ("maya", 1, "piece", (100, 30)),
        ("maya", 0, "welcome", (100, 30)),
    ]
    for student, forward, name, size in shots:
        print(await shoot(student, forward, name, size))
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
