"""Portfolio pictures made small enough to print: a take-home copy embeds a few hundred
pixels a side, never a 12 MP photo."""

from __future__ import annotations

import io
from pathlib import Path

from slc_tui.media.safe_image import load_thumbnail

__all__ = ["PRINT_PIXELS", "printable_jpeg"]

#: Longest side of a printed picture, in pixels: about 300 dpi at the 6 cm a copy prints it.
PRINT_PIXELS = 720
#: JPEG quality of printed pictures (photos and drawings alike stay clean at this size).
PRINT_QUALITY = 85


def printable_jpeg(path: Path, longest_side: int = PRINT_PIXELS) -> tuple[bytes, int, int]:
    """``path`` opened safely (see :func:`~slc_tui.media.safe_image.load_thumbnail`), upright,
    scaled down to ``longest_side`` and encoded as a baseline JPEG: (bytes, width, height).

    Raises:
        ImageProblem: for any reason the picture cannot be used.
    """
    picture = load_thumbnail(path, (longest_side, longest_side))
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=PRINT_QUALITY)
    return buffer.getvalue(), picture.width, picture.height
