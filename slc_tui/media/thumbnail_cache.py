"""A small, thread-safe LRU cache of thumbnails (and of the problems met loading them).

Entries are keyed by the resolved path, the file's modification time and size, and the requested
``max_size``, so an edited or replaced picture is decoded again. Failures are cached too, so a
broken picture is not re-read on every paint. Decoding happens outside the lock: two threads
asking for the same new picture at once may both decode it, which is harmless.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path

from PIL import Image

from slc_tui.media.safe_image import ImageProblem, load_thumbnail

__all__ = [
    "DEFAULT_CAPACITY",
    "ThumbnailCache",
    "cached_thumbnails",
    "clear_thumbnail_cache",
    "get_thumbnail",
]

DEFAULT_CAPACITY = 128

_CacheKey = tuple[str, int, int, tuple[int, int]]


class ThumbnailCache:
    """A bounded LRU map from (path, mtime_ns, size, max_size) to a thumbnail or an ImageProblem.

    Returned images are shared between callers: treat them as read-only (copy before drawing on
    them).
    """

    def __init__(self, capacity: int = DEFAULT_CAPACITY) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self._entries: OrderedDict[_CacheKey, Image.Image | ImageProblem] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, path: Path, max_size: tuple[int, int]) -> Image.Image:
        """Return the thumbnail of ``path`` no larger than ``max_size``, decoding it if needed.

        Raises:
            ImageProblem: if the picture cannot be shown (the problem is cached as well, except
                for files that cannot even be looked at, such as missing ones).
        """
        key = _key_for(path, max_size)
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
                self.hits += 1
            else:
                self.misses += 1
        if entry is None:
            try:
                entry = load_thumbnail(Path(key[0]), max_size)
            except ImageProblem as problem:
                entry = problem
            with self._lock:
                self._entries[key] = entry
                self._entries.move_to_end(key)
                while len(self._entries) > self.capacity:
                    self._entries.popitem(last=False)
        if isinstance(entry, ImageProblem):
            raise ImageProblem(entry.reason)
        return entry

    def clear(self) -> None:
        """Forget every cached thumbnail and problem."""
        with self._lock:
            self._entries.clear()
            self.hits = 0
            self.misses = 0

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)


def _key_for(path: Path, max_size: tuple[int, int]) -> _CacheKey:
    try:
        resolved = path.resolve()
        info = resolved.stat()
    except FileNotFoundError as exc:
        raise ImageProblem("file not found") from exc
    except PermissionError as exc:
        raise ImageProblem("file cannot be read (no permission)") from exc
    except (OSError, RuntimeError, ValueError) as exc:
        raise ImageProblem("file cannot be read") from exc
    return (str(resolved), info.st_mtime_ns, info.st_size, (int(max_size[0]), int(max_size[1])))


_DEFAULT_CACHE = ThumbnailCache()


def get_thumbnail(path: Path, max_size: tuple[int, int]) -> Image.Image:
    """Return a cached RGB thumbnail of ``path`` (see :func:`load_thumbnail`); read-only.

    Raises:
        ImageProblem: if the picture cannot be shown.
    """
    return _DEFAULT_CACHE.get(path, max_size)


def clear_thumbnail_cache() -> None:
    """Empty the process-wide thumbnail cache (between conferences, and for tests)."""
    _DEFAULT_CACHE.clear()


def cached_thumbnails() -> int:
    """How many thumbnails (and problems) the process-wide cache holds."""
    return len(_DEFAULT_CACHE)
