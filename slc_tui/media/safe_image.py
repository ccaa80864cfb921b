"""Open portfolio pictures defensively and turn them into small RGB thumbnails.

Portfolio files come from teachers and families, so a picture may be missing, renamed, truncated,
enormous, or point somewhere it should not. Every such case becomes an :class:`ImageProblem` whose
``reason`` is short enough to show to a family on screen; nothing here lets a Pillow exception or
warning escape.
"""

from __future__ import annotations

import os
import re
import threading
import warnings
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from PIL import Image, ImageOps, UnidentifiedImageError

from slc_tui.core.file_kinds import not_a_picture_file
from slc_tui.core.i18n import _, fill

__all__ = [
    "ALLOWED_FORMATS",
    "MAX_FILE_BYTES",
    "MAX_PIXELS",
    "ImageProblem",
    "check_image",
    "check_images",
    "load_thumbnail",
]

#: Pillow format names we agree to decode (everything else is refused before decoding).
ALLOWED_FORMATS: tuple[str, ...] = ("PNG", "JPEG", "GIF", "WEBP", "BMP")
#: Files bigger than this are refused without being opened.
MAX_FILE_BYTES = 40 * 1024 * 1024
#: Images with more pixels than this are refused after reading only the header.
MAX_PIXELS = 80_000_000

_SMOOTH_RESIZE_PIXELS = 4_000_000
#: The size :func:`check_image` decodes for: JPEGs then decode at 1/8 scale (draft mode).
_CHECK_SIZE = (8, 8)
#: Threads :func:`check_images` decodes on (Pillow's decoders release the GIL).
_CHECK_THREADS = max(1, min(4, os.cpu_count() or 1))
_ALLOWED_LABEL = "PNG, JPEG, GIF, WebP, BMP"
_BOMB_PIXELS = re.compile(r"\((\d+) pixels\)")

# ``warnings.catch_warnings`` swaps process-wide state; serialise our (header-only) use of it so
# two loader threads cannot restore each other's filters out of order.
_WARNINGS_LOCK = threading.Lock()


class ImageProblem(Exception):
    """A picture that cannot be shown, with a short reason a family can read."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

    def __str__(self) -> str:
        return self.reason


def load_thumbnail(path: Path, max_size: tuple[int, int]) -> Image.Image:
    """Decode ``path`` into an RGB thumbnail no larger than ``max_size`` (before EXIF rotation).

    Only a regular file is opened (never a folder or a FIFO), its size and type are checked,
    only allowed formats are identified, and the pixel count is checked from the header before
    any decoding. JPEGs are decoded at a reduced scale. The result honours EXIF orientation (so
    width and height may be swapped relative to ``max_size``), has transparency composited onto
    white, and for animations is the first frame.

    Raises:
        ImageProblem: for any reason the picture cannot be shown.
    """
    if max_size[0] < 1 or max_size[1] < 1:
        raise ValueError(f"max_size must be positive, got {max_size!r}")
    with _opened(path) as img:
        return _thumbnail(img, max_size)


def check_image(path: Path) -> tuple[int, int]:
    """Check ``path`` is a picture slc can show; returns its (width, height).

    Runs the checks of :func:`load_thumbnail`, then decodes the picture's pixels as it does,
    only as small as the format allows (JPEGs at 1/8 scale in draft mode, GIFs their first
    frame): a file cut off or damaged so that the app could not show it fails here too. A PNG
    is first verified (its checksums), which finds damage the decoder would let through.

    Raises:
        ImageProblem: for any reason the picture could not be shown.
    """
    with _opened(path) as img:
        size = img.size
        verify = img.format == "PNG"  # the only allowed format whose verify() reads the data
        if verify:
            img.verify()
        else:
            _load_small(img, _CHECK_SIZE)
    if verify:  # a verified image cannot be decoded: open it again
        with _opened(path) as img:
            _load_small(img, _CHECK_SIZE)
    return size


def check_images(paths: Sequence[Path]) -> list[ImageProblem | None]:
    """:func:`check_image` for many pictures: the problem of each (None if fine), in order.

    Pictures are decoded a few at a time on threads (Pillow releases the GIL while decoding),
    and a path given more than once is checked once.
    """
    unique = list(dict.fromkeys(paths))
    if len(unique) < 2 or _CHECK_THREADS < 2:
        found = [_problem_of(path) for path in unique]
    else:
        with ThreadPoolExecutor(_CHECK_THREADS, thread_name_prefix="slc-check") as pool:
            found = list(pool.map(_problem_of, unique))
    by_path = dict(zip(unique, found, strict=True))
    return [by_path[path] for path in paths]


def _problem_of(path: Path) -> ImageProblem | None:
    try:
        check_image(path)
    except ImageProblem as problem:
        return problem
    return None


@contextmanager
def _opened(path: Path) -> Iterator[Image.Image]:
    """``path`` opened as an image of an allowed format whose size was checked; every
    problem on the way (and in the ``with`` block) raised as an :class:`ImageProblem`."""
    _check_file(path)
    with _image_errors(), _open_regular_file(path) as file, _open_allowed(file) as img:
        _check_pixels(img.size)
        yield img


def _thumbnail(img: Image.Image, max_size: tuple[int, int]) -> Image.Image:
    """Decode ``img`` into an upright RGB thumbnail no larger than ``max_size``."""
    _draft(img, max_size)
    small = _prepare_for_resize(img)
    small.thumbnail(max_size)
    # thumbnail() loaded the pixels, so the file can be closed when we return a copy.
    return _to_rgb(_upright(small))


def _draft(img: Image.Image, max_size: tuple[int, int]) -> None:
    """Let a JPEG decode at the smallest scale (1/2 to 1/8) that still covers ``max_size``."""
    if img.format == "JPEG":
        img.draft("RGB", max_size)


def _load_small(img: Image.Image, max_size: tuple[int, int]) -> None:
    """Decode ``img``'s pixels (the first frame) as :func:`_thumbnail` would, at the smallest
    scale the format allows for ``max_size``."""
    _draft(img, max_size)
    img.load()


@contextmanager
def _image_errors() -> Iterator[None]:
    """Turn everything Pillow raises for a bad file into an :class:`ImageProblem`."""
    try:
        yield
    except ImageProblem:
        raise
    except Image.DecompressionBombError as exc:
        raise _too_large_from_message(str(exc)) from exc
    except UnidentifiedImageError as exc:
        raise ImageProblem(
            fill("not a supported image (allowed: {kinds})", kinds=_ALLOWED_LABEL)
        ) from exc
    except FileNotFoundError as exc:
        raise ImageProblem(_("file not found")) from exc
    except PermissionError as exc:
        raise ImageProblem(_("file cannot be read (no permission)")) from exc
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise ImageProblem(_("file is damaged or incomplete")) from exc
    except MemoryError as exc:
        raise ImageProblem(_("image is too large")) from exc


def _prepare_for_resize(img: Image.Image) -> Image.Image:
    """Palette and 1-bit images resize with nearest-neighbour; give small ones a smoother mode."""
    if img.mode in ("P", "1") and img.width * img.height <= _SMOOTH_RESIZE_PIXELS:
        return img.convert("RGBA" if img.mode == "P" else "L")
    return img


def _upright(img: Image.Image) -> Image.Image:
    """Apply the EXIF orientation; an unreadable EXIF block is ignored, not fatal."""
    try:
        return ImageOps.exif_transpose(img)
    except Exception:  # broken EXIF must not hide an otherwise good picture
        return img


def _check_file(path: Path) -> None:
    """Refuse missing, non-regular and oversized files before opening them (``stat`` opens
    nothing: a FIFO is never opened, so never waited on)."""
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise ImageProblem(_("file not found")) from exc
    except PermissionError as exc:
        raise ImageProblem(_("file cannot be read (no permission)")) from exc
    except (OSError, ValueError) as exc:
        raise ImageProblem(_("file cannot be read")) from exc
    kind = not_a_picture_file(info.st_mode)
    if kind:
        raise ImageProblem(kind)
    if info.st_size == 0:
        raise ImageProblem(_("file is empty"))
    if info.st_size > MAX_FILE_BYTES:
        size_mb = info.st_size / (1024 * 1024)
        limit_mb = MAX_FILE_BYTES // (1024 * 1024)
        raise ImageProblem(
            fill(
                "file is too big ({size} MB; limit {limit} MB)",
                size=round(size_mb),
                limit=limit_mb,
            )
        )


def _open_regular_file(path: Path) -> BinaryIO:
    """Open ``path`` for reading if it is (still) a regular file.

    Opened without blocking, then checked on the open file, so a FIFO put in the picture's
    place after :func:`_check_file` is refused rather than waited on.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    try:
        kind = not_a_picture_file(os.fstat(descriptor).st_mode)
        if kind:
            raise ImageProblem(kind)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def _open_allowed(file: BinaryIO) -> Image.Image:
    """``Image.open`` restricted to allowed formats, with bomb warnings raised as errors."""
    with _WARNINGS_LOCK, warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            return Image.open(file, formats=list(ALLOWED_FORMATS))
        except Image.DecompressionBombWarning as exc:
            raise _too_large_from_message(str(exc)) from exc


def _check_pixels(size: tuple[int, int]) -> None:
    width, height = size
    if width < 1 or height < 1:
        raise ImageProblem(_("file is damaged or incomplete"))
    if width * height > MAX_PIXELS:
        raise ImageProblem(
            fill("image is too large ({width}×{height} pixels)", width=width, height=height)
        )


def _too_large_from_message(message: str) -> ImageProblem:
    match = _BOMB_PIXELS.search(message)
    if match is None:
        return ImageProblem(_("image is too large"))
    megapixels = int(match.group(1)) / 1_000_000
    return ImageProblem(
        fill("image is too large (about {megapixels} megapixels)", megapixels=round(megapixels))
    )


def _to_rgb(img: Image.Image) -> Image.Image:
    """Return an independent RGB copy, compositing any transparency onto white."""
    if img.mode == "RGB":
        return img.copy()
    if img.mode.startswith("I;16"):
        # 16-bit greyscale: scale to 8 bits rather than clipping everything to white.
        img = img.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    has_alpha = img.mode in ("RGBA", "LA", "PA", "RGBa") or (
        img.mode == "P" and "transparency" in img.info
    )
    if not has_alpha:
        return img.convert("RGB")
    rgba = img.convert("RGBA")
    background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    background.alpha_composite(rgba)
    return background.convert("RGB")
