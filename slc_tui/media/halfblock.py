"""Draw a Pillow image in the terminal with upper-half-block characters.

Each terminal cell shows two vertically stacked pixels: the "▀" glyph in the top pixel's colour on
a background of the bottom pixel's colour. A cell is about twice as tall as it is wide, so this
makes square pixels: one column is one pixel wide and one line is two pixels tall.
"""

from __future__ import annotations

from PIL import Image
from rich.color import Color, ColorType
from rich.color_triplet import ColorTriplet
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style

__all__ = ["UPPER_HALF_BLOCK", "HalfBlockImage", "fit_size"]

UPPER_HALF_BLOCK = "▀"


def fit_size(image_w: int, image_h: int, max_cols: int, max_lines: int | None) -> tuple[int, int]:
    """Return the ``(cols, lines)`` that fit an ``image_w``×``image_h`` picture in the box.

    The aspect ratio is kept (one column = one pixel wide, one line = two pixels tall) and the
    image is scaled up or down to touch the box. ``max_lines=None`` means no height limit.
    Both results are at least 1 (the box is assumed to be at least 1×1).
    """
    if image_w < 1 or image_h < 1:
        return (1, 1)
    max_cols = max(1, max_cols)
    scale = max_cols / image_w
    if max_lines is not None:
        scale = min(scale, max(1, max_lines) * 2 / image_h)
    cols = min(max_cols, max(1, round(image_w * scale)))
    lines = max(1, round(image_h * scale / 2))
    if max_lines is not None:
        lines = min(lines, max(1, max_lines))
    return (cols, lines)


class HalfBlockImage:
    """A Rich renderable drawing an image with "▀", two pixel rows per line.

    The picture is scaled (keeping its aspect ratio) to fit ``options.max_width`` and the height
    limit, which is ``options.height`` when the console sets one (Textual does) and otherwise the
    ``max_height`` given here. The lines for the last size drawn are cached, so repainting at the
    same size costs nothing. The source image is never modified.
    """

    def __init__(self, image: Image.Image, max_height: int | None = None) -> None:
        self.image = image if image.mode == "RGB" else image.convert("RGB")
        self.max_height = max_height
        self._cached_size: tuple[int, int] | None = None
        self._cached_lines: list[list[Segment]] = []

    def size_for(self, options: ConsoleOptions) -> tuple[int, int]:
        """The ``(cols, lines)`` this image takes when rendered with ``options``."""
        max_lines = options.height if options.height is not None else self.max_height
        return fit_size(self.image.width, self.image.height, options.max_width, max_lines)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        cols, _lines = self.size_for(options)
        return Measurement(cols, cols)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        newline = Segment.line()
        for line in self.render_lines(*self.size_for(options)):
            yield from line
            yield newline

    def render_lines(self, cols: int, lines: int) -> list[list[Segment]]:
        """Return the segments of each line at exactly ``cols``×``lines`` cells (cached)."""
        size = (cols, lines)
        if self._cached_size != size:
            self._cached_lines = self.lines_at(cols, lines)
            self._cached_size = size
        return self._cached_lines

    def lines_at(self, cols: int, lines: int) -> list[list[Segment]]:
        """The segments of each line at exactly ``cols``×``lines`` cells, made anew (nothing
        is cached or changed: threads may call it at once)."""
        return _build_lines(self.image, cols, lines)


def _build_lines(image: Image.Image, cols: int, lines: int) -> list[list[Segment]]:
    pixel_h = lines * 2
    if image.size == (cols, pixel_h):
        scaled = image
    else:
        shrinking = cols <= image.width and pixel_h <= image.height
        resample = Image.Resampling.BOX if shrinking else Image.Resampling.BILINEAR
        scaled = image.resize((cols, pixel_h), resample)
    data = scaled.tobytes()
    row_bytes = cols * 3
    styles: dict[bytes, Style] = {}
    block = UPPER_HALF_BLOCK
    result: list[list[Segment]] = []
    for line_no in range(lines):
        top_start = 2 * line_no * row_bytes
        top = data[top_start : top_start + row_bytes]
        bottom = data[top_start + row_bytes : top_start + 2 * row_bytes]
        segments: list[Segment] = []
        run_key = b""
        run_length = 0
        for offset in range(0, row_bytes, 3):
            key = top[offset : offset + 3] + bottom[offset : offset + 3]
            if key == run_key:
                run_length += 1
                continue
            if run_length:
                segments.append(Segment(block * run_length, _style(styles, run_key)))
            run_key = key
            run_length = 1
        if run_length:
            segments.append(Segment(block * run_length, _style(styles, run_key)))
        result.append(segments)
    return result


def _style(styles: dict[bytes, Style], key: bytes) -> Style:
    """Style for a 6-byte (top RGB, bottom RGB) key; built directly, ~4x faster than Style()."""
    style = styles.get(key)
    if style is None:
        hex_digits = key.hex()
        top = Color(
            "#" + hex_digits[:6], ColorType.TRUECOLOR, triplet=ColorTriplet(key[0], key[1], key[2])
        )
        bottom = Color(
            "#" + hex_digits[6:], ColorType.TRUECOLOR, triplet=ColorTriplet(key[3], key[4], key[5])
        )
        style = Style.from_color(top, bottom)
        styles[key] = style
    return style
