"""Tests for slc_tui.media.thumbnail_cache: hits, invalidation, cached problems, bounds, threads."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from PIL import Image

from slc_tui.media.safe_image import ImageProblem
from slc_tui.media.thumbnail_cache import (
    ThumbnailCache,
    clear_thumbnail_cache,
    get_thumbnail,
)


def save_png(path: Path, colour: tuple[int, int, int], size: tuple[int, int] = (64, 32)) -> Path:
    Image.new("RGB", size, colour).save(path)
    return path


def test_second_request_is_a_hit_returning_the_same_image(tmp_path: Path) -> None:
    cache = ThumbnailCache()
    path = save_png(tmp_path / "a.png", (255, 0, 0))
    first = cache.get(path, (32, 32))
    second = cache.get(path, (32, 32))
    assert second is first
    assert (cache.hits, cache.misses) == (1, 1)


def test_key_includes_max_size(tmp_path: Path) -> None:
    cache = ThumbnailCache()
    path = save_png(tmp_path / "a.png", (255, 0, 0))
    assert cache.get(path, (32, 32)).size == (32, 16)
    assert cache.get(path, (16, 16)).size == (16, 8)
    assert len(cache) == 2


def test_equivalent_paths_share_an_entry(tmp_path: Path) -> None:
    cache = ThumbnailCache()
    (tmp_path / "sub").mkdir()
    path = save_png(tmp_path / "a.png", (255, 0, 0))
    first = cache.get(path, (32, 32))
    assert cache.get(tmp_path / "sub" / ".." / "a.png", (32, 32)) is first


def test_changed_file_is_decoded_again(tmp_path: Path) -> None:
    cache = ThumbnailCache()
    path = save_png(tmp_path / "a.png", (255, 0, 0))
    assert cache.get(path, (32, 32)).getpixel((1, 1)) == (255, 0, 0)
    save_png(path, (0, 0, 255), size=(64, 40))
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert cache.get(path, (32, 32)).getpixel((1, 1)) == (0, 0, 255)


def test_problems_are_cached_and_raised_each_time(tmp_path: Path) -> None:
    cache = ThumbnailCache()
    path = tmp_path / "notes.png"
    path.write_text("not a picture")
    for _ in range(2):
        with pytest.raises(ImageProblem, match="not a supported image"):
            cache.get(path, (32, 32))
    assert (cache.hits, cache.misses) == (1, 1)


def test_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(ImageProblem, match="file not found"):
        ThumbnailCache().get(tmp_path / "missing.png", (32, 32))


def test_cache_is_bounded_lru(tmp_path: Path) -> None:
    cache = ThumbnailCache(capacity=2)
    paths = [save_png(tmp_path / f"{n}.png", (n * 40, 0, 0)) for n in range(3)]
    first = cache.get(paths[0], (8, 8))
    cache.get(paths[1], (8, 8))
    assert cache.get(paths[0], (8, 8)) is first  # touch 0 so 1 is least recent
    cache.get(paths[2], (8, 8))  # evicts 1
    assert len(cache) == 2
    assert cache.get(paths[0], (8, 8)) is first
    misses = cache.misses
    cache.get(paths[1], (8, 8))
    assert cache.misses == misses + 1


def test_capacity_must_be_positive() -> None:
    with pytest.raises(ValueError):
        ThumbnailCache(capacity=0)


def test_concurrent_use_is_safe(tmp_path: Path) -> None:
    cache = ThumbnailCache(capacity=8)
    paths = [save_png(tmp_path / f"{n}.png", (n * 10, 50, 50)) for n in range(12)]
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n garbage")

    def work(index: int) -> str:
        path = bad if index % 5 == 0 else paths[index % len(paths)]
        try:
            return f"ok {cache.get(path, (16, 16)).size}"
        except ImageProblem as problem:
            return problem.reason

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(work, range(400)))
    assert len(cache) <= 8
    assert {r for i, r in enumerate(results) if i % 5 == 0} == {"file is damaged or incomplete"}
    assert {r for i, r in enumerate(results) if i % 5} == {"ok (16, 8)"}


def test_module_level_get_thumbnail(tmp_path: Path) -> None:
    clear_thumbnail_cache()
    path = save_png(tmp_path / "a.png", (0, 255, 0))
    image = get_thumbnail(path, (32, 32))
    assert get_thumbnail(path, (32, 32)) is image
    clear_thumbnail_cache()
    assert get_thumbnail(path, (32, 32)) is not image
