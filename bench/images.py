"""``image_preview``: a big JPEG to a half-block preview, against a plain decode and resize."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

from PIL import Image

#: The piece step's picture area at 120×40 when the app does not tell (columns, lines).
DEFAULT_PREVIEW_CELLS = (58, 33)


def slc_preview(path: Path, cells: tuple[int, int]) -> tuple[int, int]:
    """What the piece step's ImagePreview does in its loader thread, bypassing the cache:
    a safe thumbnail, then the picture's lines for ``cells`` as Textual strips.

    Returns the pixel size the picture is drawn at (columns, 2 × lines).
    """
    from slc_tui.media.halfblock import HalfBlockImage
    from slc_tui.media.safe_image import load_thumbnail
    from slc_tui.ui.widgets import image_preview

    max_size = getattr(image_preview, "THUMBNAIL_MAX_SIZE", (240, 240))
    thumbnail = load_thumbnail(path, max_size)
    strips = image_preview.PictureStrips(HalfBlockImage(thumbnail), *cells)  # ready to paint
    return strips.cols, len(strips.segments) * 2


def plain_preview(path: Path, pixels: tuple[int, int]) -> None:
    """The baseline: decode the whole file, convert to RGB and resize to ``pixels``."""
    with Image.open(path) as image:
        image.convert("RGB").resize(pixels)


def measure_preview(
    photos: Sequence[Path], cells: tuple[int, int], runs: int
) -> dict[str, list[float]]:
    """Time :func:`slc_preview` and :func:`plain_preview` alternately, each on a new file.

    ``photos`` must hold at least ``runs + 1`` different paths (run 0 is a warm-up). Returns
    seconds per run for ``slc`` and ``plain``, and the CPU seconds of this thread for each
    (``slc_cpu``, ``plain_cpu``: less disturbed by other load on the machine).
    """
    if len(photos) < runs + 1:
        raise ValueError("need a different photo path for every run")
    times: dict[str, list[float]] = {"slc": [], "plain": [], "slc_cpu": [], "plain_cpu": []}
    for run, path in enumerate(photos[: runs + 1]):
        start, start_cpu = time.perf_counter(), time.thread_time()
        pixels = slc_preview(path, cells)
        middle, middle_cpu = time.perf_counter(), time.thread_time()
        plain_preview(path, pixels)
        end, end_cpu = time.perf_counter(), time.thread_time()
        if run:
            times["slc"].append(middle - start)
            times["plain"].append(end - middle)
            times["slc_cpu"].append(middle_cpu - start_cpu)
            times["plain_cpu"].append(end_cpu - middle_cpu)
    return times
