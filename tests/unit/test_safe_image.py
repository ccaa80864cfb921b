"""Tests for slc_tui.media.safe_image: refusing bad pictures, thumbnailing good ones."""

from __future__ import annotations

import os
import socket
import struct
import threading
import time
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from slc_tui.media import safe_image
from slc_tui.media.safe_image import (
    MAX_FILE_BYTES,
    ImageProblem,
    check_image,
    check_images,
    load_thumbnail,
)

RED = (255, 0, 0)
BLUE = (0, 0, 255)


def write_bilevel_png(path: Path, width: int, height: int) -> None:
    """Write a valid all-black 1-bit PNG of any size without holding it in memory."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    row = b"\x00" * (1 + (width + 7) // 8)  # filter byte + packed bits
    compressor = zlib.compressobj(9)
    parts = [compressor.compress(row) for _ in range(height)]
    parts.append(compressor.flush())
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", b"".join(parts))
        + chunk(b"IEND", b"")
    )


def assert_close(actual: tuple[int, ...], expected: tuple[int, int, int], slack: int = 40) -> None:
    assert all(abs(a - e) <= slack for a, e in zip(actual, expected, strict=True)), actual


# --- load_thumbnail: good pictures ------------------------------------------------------------


def test_normal_png_becomes_rgb_thumbnail(tmp_path: Path) -> None:
    path = tmp_path / "pic.png"
    Image.new("RGB", (800, 400), RED).save(path)
    thumb = load_thumbnail(path, (100, 100))
    assert thumb.mode == "RGB"
    assert thumb.size == (100, 50)
    assert_close(thumb.getpixel((50, 25)), RED)  # type: ignore[arg-type]


def test_small_image_is_not_enlarged(tmp_path: Path) -> None:
    path = tmp_path / "tiny.png"
    Image.new("RGB", (10, 6), BLUE).save(path)
    assert load_thumbnail(path, (240, 240)).size == (10, 6)


def test_transparency_is_composited_on_white(tmp_path: Path) -> None:
    path = tmp_path / "alpha.png"
    Image.new("RGBA", (20, 20), (255, 0, 0, 0)).save(path)
    thumb = load_thumbnail(path, (20, 20))
    assert thumb.getpixel((10, 10)) == (255, 255, 255)


def test_jpeg_exif_orientation_is_honoured(tmp_path: Path) -> None:
    # Stored landscape: left half red, right half blue. Orientation 6 = rotate 90° clockwise to
    # display, so the picture is portrait with red on top.
    stored = Image.new("RGB", (400, 200), BLUE)
    stored.paste(RED, (0, 0, 200, 200))
    exif = Image.Exif()
    exif[0x0112] = 6
    path = tmp_path / "rotated.jpg"
    stored.save(path, exif=exif, quality=95)

    thumb = load_thumbnail(path, (100, 100))
    assert thumb.size == (50, 100)
    assert_close(thumb.getpixel((25, 10)), RED)  # type: ignore[arg-type]
    assert_close(thumb.getpixel((25, 90)), BLUE)  # type: ignore[arg-type]


def test_large_jpeg_is_decoded_small(tmp_path: Path) -> None:
    path = tmp_path / "big.jpg"
    Image.new("RGB", (3000, 2000), (10, 120, 30)).save(path)
    thumb = load_thumbnail(path, (240, 240))
    assert thumb.size == (240, 160)
    assert_close(thumb.getpixel((120, 80)), (10, 120, 30))  # type: ignore[arg-type]


def test_gif_shows_first_frame(tmp_path: Path) -> None:
    path = tmp_path / "anim.gif"
    frames = [Image.new("RGB", (30, 30), colour) for colour in (RED, BLUE)]
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=100, loop=0)
    thumb = load_thumbnail(path, (30, 30))
    assert thumb.mode == "RGB"
    assert_close(thumb.getpixel((15, 15)), RED)  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt,suffix", [("WEBP", ".webp"), ("BMP", ".bmp")])
def test_other_allowed_formats(tmp_path: Path, fmt: str, suffix: str) -> None:
    path = tmp_path / f"pic{suffix}"
    Image.new("RGB", (40, 20), RED).save(path, format=fmt)
    assert load_thumbnail(path, (40, 40)).size == (40, 20)


def test_sixteen_bit_greyscale_is_scaled_not_clipped(tmp_path: Path) -> None:
    path = tmp_path / "grey16.png"
    Image.new("I;16", (8, 8), 32768).save(path)
    value = load_thumbnail(path, (8, 8)).getpixel((4, 4))
    assert value is not None and 120 <= value[0] <= 136  # type: ignore[index]


# --- load_thumbnail: refusals -----------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ImageProblem) as info:
        load_thumbnail(tmp_path / "nope.png", (100, 100))
    assert info.value.reason == "file not found"


def test_directory_is_not_a_picture(tmp_path: Path) -> None:
    with pytest.raises(ImageProblem, match="not a picture"):
        load_thumbnail(tmp_path, (100, 100))


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.png"
    path.touch()
    with pytest.raises(ImageProblem, match="empty"):
        load_thumbnail(path, (100, 100))


def test_truncated_png_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "cut.png"
    Image.effect_noise((300, 300), 80).convert("RGB").save(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ImageProblem) as info:
        load_thumbnail(path, (100, 100))
    assert info.value.reason == "file is damaged or incomplete"


def test_text_file_renamed_png_is_not_an_image(tmp_path: Path) -> None:
    path = tmp_path / "notes.png"
    path.write_text("Dear diary, today I drew a butterfly.\n")
    with pytest.raises(ImageProblem) as info:
        load_thumbnail(path, (100, 100))
    assert info.value.reason.startswith("not a supported image (allowed: PNG, JPEG")


@pytest.mark.parametrize("name", ["scan.tif", "scan.png"])
def test_tiff_is_refused_even_when_renamed(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    Image.new("RGB", (20, 20), RED).save(path, format="TIFF")
    with pytest.raises(ImageProblem, match="not a supported image"):
        load_thumbnail(path, (100, 100))


def test_oversized_file_is_refused_before_opening(tmp_path: Path) -> None:
    path = tmp_path / "huge.png"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(ImageProblem, match="too big"):
        load_thumbnail(path, (100, 100))


def test_30000_square_bomb_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "bomb.png"
    write_bilevel_png(path, 30_000, 30_000)
    assert path.stat().st_size < 1_000_000
    started = time.perf_counter()
    with pytest.raises(ImageProblem, match="too large"):
        load_thumbnail(path, (240, 240))
    assert time.perf_counter() - started < 0.5


def test_bomb_warning_range_is_an_error_not_a_warning(tmp_path: Path) -> None:
    # 100 megapixels: above Pillow's warning threshold, below its hard error.
    path = tmp_path / "warn.png"
    write_bilevel_png(path, 10_000, 10_000)
    with pytest.raises(ImageProblem, match="too large"):
        load_thumbnail(path, (240, 240))


def test_over_our_pixel_cap_names_the_dimensions(tmp_path: Path) -> None:
    path = tmp_path / "big.png"
    write_bilevel_png(path, 9_000, 9_000)  # 81 MP: only our own cap catches it
    with pytest.raises(ImageProblem) as info:
        load_thumbnail(path, (240, 240))
    assert info.value.reason == "image is too large (9000×9000 pixels)"


def test_unreadable_file(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can read anything")
    path = tmp_path / "locked.png"
    Image.new("RGB", (4, 4)).save(path)
    path.chmod(0)
    with pytest.raises(ImageProblem, match="no permission"):
        load_thumbnail(path, (100, 100))


def test_image_problem_str_is_the_reason() -> None:
    assert str(ImageProblem("file not found")) == "file not found"


# --- check_image: what slc validate decodes -------------------------------------------------


def write_picture(path: Path, fmt: str, **options: object) -> bytes:
    """A noisy 320×240 picture in ``fmt`` (noise: so every part of the file holds pixels)."""
    picture = Image.effect_noise((320, 240), 60).convert("RGB")
    if fmt == "GIF":
        picture = picture.convert("P")
    picture.save(path, format=fmt, **options)
    return path.read_bytes()


CUT_OFF = [
    ("JPEG", "cut.jpg", {}),
    ("JPEG", "cut-progressive.jpg", {"progressive": True}),
    ("GIF", "cut.gif", {}),
    ("BMP", "cut.bmp", {}),
    ("PNG", "cut.png", {}),
    ("WEBP", "cut.webp", {}),
]


@pytest.mark.parametrize(("fmt", "name", "options"), CUT_OFF, ids=[c[1] for c in CUT_OFF])
@pytest.mark.parametrize("keep", [0.5, 0.9])
def test_check_image_refuses_a_cut_off_picture(
    tmp_path: Path, fmt: str, name: str, options: dict[str, object], keep: float
) -> None:
    # Pillow's verify() reads headers only: a cut-off JPEG, GIF or BMP passes it.
    path = tmp_path / name
    data = write_picture(path, fmt, **options)
    path.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(ImageProblem) as info:
        check_image(path)
    assert info.value.reason == "file is damaged or incomplete"


@pytest.mark.parametrize(("fmt", "name", "options"), CUT_OFF, ids=[c[1] for c in CUT_OFF])
def test_check_image_refuses_every_cut_the_app_could_not_show(
    tmp_path: Path, fmt: str, name: str, options: dict[str, object]
) -> None:
    path = tmp_path / name
    data = write_picture(path, fmt, **options)
    for keep in range(16, len(data), max(1, len(data) // 40)):
        path.write_bytes(data[:keep])
        try:
            load_thumbnail(path, (240, 240))
        except ImageProblem as problem:
            with pytest.raises(ImageProblem) as info:
                check_image(path)
            assert info.value.reason == problem.reason, keep


@pytest.mark.parametrize(("fmt", "name", "options"), CUT_OFF, ids=[c[1] for c in CUT_OFF])
def test_check_image_passes_a_whole_picture_and_gives_its_size(
    tmp_path: Path, fmt: str, name: str, options: dict[str, object]
) -> None:
    path = tmp_path / name
    write_picture(path, fmt, **options)
    assert check_image(path) == (320, 240)


def test_check_image_refuses_a_png_with_a_bad_checksum(tmp_path: Path) -> None:
    path = tmp_path / "scratched.png"
    data = bytearray(write_picture(path, "PNG"))
    data[len(data) // 2] ^= 0xFF  # inside the pixel data: its chunk's checksum no longer fits
    path.write_bytes(bytes(data))
    with pytest.raises(ImageProblem, match="damaged"):
        check_image(path)


def call_with_timeout(function: Callable[[], object], seconds: float = 5.0) -> object:
    """``function()``'s result or the exception it raised; fails if it takes longer (a hang)."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(function())
        except Exception as error:
            outcome.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert outcome, f"still running after {seconds}s (waiting on a FIFO?)"
    return outcome[0]


def test_a_folder_is_named_as_a_folder(tmp_path: Path) -> None:
    for check in (check_image, lambda path: load_thumbnail(path, (100, 100))):
        with pytest.raises(ImageProblem) as info:
            check(tmp_path)
        assert info.value.reason == "is a folder, not a picture"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_being_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "drawing.png"
    os.mkfifo(fifo)
    for check in (check_image, lambda path: load_thumbnail(path, (100, 100))):
        outcome = call_with_timeout(lambda check=check: check(fifo))  # type: ignore[misc]
        assert isinstance(outcome, ImageProblem)
        assert outcome.reason == "is not a regular file (it is a named pipe)"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_put_in_place_after_the_check_is_not_waited_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fifo = tmp_path / "drawing.png"
    os.mkfifo(fifo)
    monkeypatch.setattr(safe_image, "_check_file", lambda path: None)  # the file changed since
    outcome = call_with_timeout(lambda: check_image(fifo))
    assert isinstance(outcome, ImageProblem)
    assert outcome.reason == "is not a regular file (it is a named pipe)"


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null here")
def test_a_device_is_not_a_picture() -> None:
    outcome = call_with_timeout(lambda: check_image(Path("/dev/null")))
    assert isinstance(outcome, ImageProblem)
    assert outcome.reason == "is not a regular file (it is a device)"


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets here")
def test_a_socket_is_not_a_picture(tmp_path: Path) -> None:
    path = tmp_path / "s.png"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        outcome = call_with_timeout(lambda: check_image(path))
    assert isinstance(outcome, ImageProblem)
    assert outcome.reason == "is not a regular file (it is a socket)"


def test_check_images_answers_in_order_and_checks_each_path_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = tmp_path / "good.png"
    write_picture(good, "PNG")
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(write_picture(cut, "JPEG")[:2000])
    missing = tmp_path / "missing.gif"
    checked: list[Path] = []
    real_check = safe_image.check_image

    def counting_check(path: Path) -> tuple[int, int]:
        checked.append(path)
        return real_check(path)

    monkeypatch.setattr(safe_image, "check_image", counting_check)
    paths = [cut, good, missing, good, cut] + [good] * 20
    found = check_images(paths)
    reasons = [None if problem is None else problem.reason for problem in found]
    assert reasons[:5] == [
        "file is damaged or incomplete",
        None,
        "file not found",
        None,
        "file is damaged or incomplete",
    ]
    assert reasons[5:] == [None] * 20
    assert sorted(checked) == sorted([cut, good, missing])
    assert check_images([]) == []
