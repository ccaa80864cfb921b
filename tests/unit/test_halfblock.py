"""Tests for slc_tui.media.halfblock: sizing, colours, run-length joining, caching, speed."""

from __future__ import annotations

import io
import time

import pytest
from PIL import Image
from rich.color import Color
from rich.console import Console
from rich.measure import Measurement
from rich.segment import Segment

from slc_tui.media.halfblock import UPPER_HALF_BLOCK, HalfBlockImage, fit_size


def make_console(width: int = 80, height: int = 25) -> Console:
    return Console(
        file=io.StringIO(),
        width=width,
        height=height,
        color_system="truecolor",
        legacy_windows=False,
    )


def render_lines(image: HalfBlockImage, width: int, height: int | None) -> list[list[Segment]]:
    console = make_console(width)
    options = console.options.update(width=width, height=height)
    return list(Segment.split_lines(console.render(image, options)))


def text_of(line: list[Segment]) -> str:
    return "".join(segment.text for segment in line)


# --- fit_size ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "image,box,expected",
    [
        ((240, 180), (60, 30), (60, 22)),  # width-limited: 180 px tall -> 45 px -> 22.5 lines
        ((180, 240), (60, 30), (45, 30)),  # height-limited: 60 px tall -> 45 px wide
        ((100, 100), (80, 24), (48, 24)),
        ((10, 10), (80, 24), (48, 24)),  # small images are scaled up to fill
        ((1000, 1), (80, 24), (80, 1)),  # never less than one line
        ((1, 1000), (80, 24), (1, 24)),  # never less than one column
        ((200, 100), (50, None), (50, 12)),  # no height limit
        ((0, 10), (50, 20), (1, 1)),
    ],
)
def test_fit_size(
    image: tuple[int, int], box: tuple[int, int | None], expected: tuple[int, int]
) -> None:
    assert fit_size(image[0], image[1], box[0], box[1]) == expected


def test_fit_size_never_exceeds_box() -> None:
    for width in range(1, 60, 7):
        for height in range(1, 60, 5):
            cols, lines = fit_size(width, height, 13, 7)
            assert 1 <= cols <= 13 and 1 <= lines <= 7


# --- rendering --------------------------------------------------------------------------------


def test_top_pixel_is_foreground_bottom_is_background() -> None:
    image = Image.new("RGB", (2, 2), (0, 0, 255))
    image.putpixel((0, 0), (255, 0, 0))
    image.putpixel((1, 0), (255, 0, 0))
    lines = render_lines(HalfBlockImage(image), width=2, height=1)
    assert len(lines) == 1
    [segment] = lines[0]  # both cells equal -> joined into one run
    assert segment.text == UPPER_HALF_BLOCK * 2
    assert segment.style is not None
    assert segment.style.color == Color.from_rgb(255, 0, 0)
    assert segment.style.bgcolor == Color.from_rgb(0, 0, 255)


def test_runs_of_equal_cells_are_joined() -> None:
    image = Image.new("RGB", (40, 20), (10, 20, 30))
    image.paste((200, 100, 0), (20, 0, 40, 20))
    lines = render_lines(HalfBlockImage(image), width=40, height=10)
    assert len(lines) == 10
    for line in lines:
        assert [len(segment.text) for segment in line] == [20, 20]


def test_output_fits_width_and_height_and_keeps_aspect() -> None:
    image = Image.effect_noise((240, 180), 50).convert("RGB")
    lines = render_lines(HalfBlockImage(image), width=60, height=30)
    assert len(lines) == 22
    for line in lines:
        assert text_of(line) == UPPER_HALF_BLOCK * 60


def test_constructor_max_height_used_when_options_have_none() -> None:
    image = Image.new("RGB", (100, 100), (1, 2, 3))
    lines = render_lines(HalfBlockImage(image, max_height=5), width=80, height=None)
    assert len(lines) == 5
    assert len(text_of(lines[0])) == 10


def test_measure_reports_fitted_width() -> None:
    console = make_console(80)
    image = HalfBlockImage(Image.new("RGB", (100, 100)))
    options = console.options.update(width=80, height=10)
    assert Measurement.get(console, options, image) == Measurement(20, 20)


def test_non_rgb_input_is_converted_and_source_untouched() -> None:
    source = Image.new("L", (8, 8), 128)
    picture = HalfBlockImage(source)
    assert picture.image.mode == "RGB"
    assert source.mode == "L"
    render_lines(picture, width=4, height=2)
    assert source.size == (8, 8)


def test_lines_are_cached_for_the_last_size() -> None:
    picture = HalfBlockImage(Image.effect_noise((120, 120), 50).convert("RGB"))
    first = picture.render_lines(30, 15)
    assert picture.render_lines(30, 15) is first
    other = picture.render_lines(20, 10)
    assert other is not first and len(other) == 10


def test_render_is_fast() -> None:
    picture_source = Image.effect_noise((240, 180), 100).convert("RGB")  # worst case: no runs
    console = make_console(60, 30)
    options = console.options.update(width=60, height=30)
    timings = []
    for _ in range(5):
        picture = HalfBlockImage(picture_source)
        started = time.perf_counter()
        list(console.render(picture, options))
        timings.append(time.perf_counter() - started)
    assert min(timings) < 0.05  # typically ~5 ms; generous for slow CI machines
