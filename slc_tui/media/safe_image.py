"""Open portfolio pictures defensively and turn them into small RGB thumbnails.

Portfolio files come from teachers and families, so a picture may be missing, renamed, truncated,
enormous, or point somewhere it should not. Every such case becomes an :class:`ImageProblem` whose
``reason`` is short enough to show to a family on screen; nothing here lets a Pillow exception or
warning escape.
"""

from __future__ import annotations

import re
import stat
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

__all__ = [
    "ALLOWED_FORMATS",
    "MAX_FILE_BYTES",
    "MAX_PIXELS",
    "ImageProblem",
    "check_image",
    "load_thumbnail",
]

#: Pillow format names we agree to decode (everything else is refused before decoding).
ALLOWED_FORMATS: tuple[str, ...] = ("PNG", "JPEG", "GIF", "WEBP", "BMP")
#: Files bigger than this are refused without being opened.
MAX_FILE_BYTES = 40 * 1024 * 1024
#: Images with more pixels than this are refused after reading only the header.
MAX_PIXELS = 80_000_000

_SMOOTH_RESIZE_PIXELS = 4_000_000
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

    The file is checked for size and type, only allowed formats are identified, and the pixel
    count is checked from the header before any decoding. JPEGs are decoded at a reduced scale.
    The result honours EXIF orientation (so width and height may be swapped relative to
    ``max_size``), has transparency composited onto white, and for animations is the first frame.

    Raises:
        ImageProblem: for any reason the picture cannot be shown.
    """
    if max_size[0] < 1 or max_size[1] < 1:
        raise ValueError(f"max_size must be positive, got {max_size!r}")
    _check_file(path)
    with _image_errors(), _open_allowed(path) as img:
        _check_pixels(img.size)
        if img.format == "JPEG":
            img.draft("RGB", max_size)
        small = _prepare_for_resize(img)
        small.thumbnail(max_size)
        # thumbnail() loaded the pixels, so the file can be closed when we return a copy.
        return _to_rgb(_upright(small))


def check_image(path: Path) -> tuple[int, int]:
    """Check ``path`` is a picture slc can show, without decoding it; returns (width, height).

    Reads the header (allowed formats, pixel count) and lets Pillow verify the file's
    structure, so ``slc validate`` names damaged and oversized pictures quickly.

    Raises:
        ImageProblem: for any reason the picture could not be shown.
    """
    _check_file(path)
    with _image_errors(), _open_allowed(path) as img:
        _check_pixels(img.size)
        size = img.size
        img.verify()
        return size


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
        raise ImageProblem(f"not a supported image (allowed: {_ALLOWED_LABEL})") from exc
    except FileNotFoundError as exc:
        raise ImageProblem("file not found") from exc
    except PermissionError as exc:
        raise ImageProblem("file cannot be read (no permission)") from exc
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise ImageProblem("file is damaged or incomplete") from exc
    except MemoryError as exc:
        raise ImageProblem("image is too large") from exc


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
    """Refuse missing, non-regular and oversized files before opening them."""
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise ImageProblem("file not found") from exc
    except PermissionError as exc:
        raise ImageProblem("file cannot be read (no permission)") from exc
    except (OSError, ValueError) as exc:
        raise ImageProblem("file cannot be read") from exc
    if not stat.S_ISREG(info.st_mode):
        raise ImageProblem("not a picture file")
    if info.st_size == 0:
        raise ImageProblem("file is empty")
    if info.st_size > MAX_FILE_BYTES:
        size_mb = info.st_size / (1024 * 1024)
        limit_mb = MAX_FILE_BYTES // (1024 * 1024)
        raise ImageProblem(f"file is too big ({size_mb:.0f} MB; limit {limit_mb} MB)")


def _open_allowed(path: Path) -> Image.Image:
    """``Image.open`` restricted to allowed formats, with bomb warnings raised as errors."""
    with _WARNINGS_LOCK, warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            return Image.open(path, formats=list(ALLOWED_FORMATS))
        except Image.DecompressionBombWarning as exc:
            raise _too_large_from_message(str(exc)) from exc


def _check_pixels(size: tuple[int, int]) -> None:
    width, height = size
    if width < 1 or height < 1:
        raise ImageProblem("file is damaged or incomplete")
    if width * height > MAX_PIXELS:
        raise ImageProblem(f"image is too large ({width}×{height} pixels)")


def _too_large_from_message(message: str) -> ImageProblem:
    match = _BOMB_PIXELS.search(message)
    if match is None:
        return ImageProblem("image is too large")
    megapixels = int(match.group(1)) / 1_000_000
    return ImageProblem(f"image is too large (about {megapixels:,.0f} megapixels)")


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
