"""Tests for the crash-safe TinyDB storage."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from tinydb import TinyDB

from slc_tui.store.atomic_storage import AtomicJSONStorage, CorruptResultsFile


def _leftover_temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_missing_and_empty_files_read_as_none(tmp_path: Path) -> None:
    path = tmp_path / "maya.json"
    assert AtomicJSONStorage(path).read() is None
    assert not path.exists(), "reading must not create the file"
    path.write_text("  \n", encoding="utf-8")
    assert AtomicJSONStorage(path).read() is None


def test_round_trip_through_tinydb(tmp_path: Path) -> None:
    path = tmp_path / "maya.json"
    with TinyDB(path, storage=AtomicJSONStorage) as db:
        db.table("conferences").insert({"id": "a", "said": "😀 é 中文 שלום"})
    text = path.read_text(encoding="utf-8")
    assert "😀 é 中文 שלום" in text, "stored as real UTF-8, not \\u escapes"
    assert json.loads(text) == {"conferences": {"1": {"id": "a", "said": "😀 é 中文 שלום"}}}
    with TinyDB(path, storage=AtomicJSONStorage) as db:
        assert db.table("conferences").all() == [{"id": "a", "said": "😀 é 中文 שלום"}]
    assert _leftover_temp_files(tmp_path) == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_new_file_is_private(tmp_path: Path) -> None:
    path = tmp_path / "maya.json"
    AtomicJSONStorage(path).write({"conferences": {}})
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_crash_before_replace_keeps_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "maya.json"
    storage = AtomicJSONStorage(path)
    storage.write({"conferences": {"1": {"id": "old"}}})
    before = path.read_bytes()

    def crash(src: object, dst: object) -> None:
        raise OSError("simulated power cut")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="power cut"):
        storage.write({"conferences": {"1": {"id": "new"}}})
    monkeypatch.undo()

    assert path.read_bytes() == before
    assert storage.read() == {"conferences": {"1": {"id": "old"}}}
    assert _leftover_temp_files(tmp_path) == []


def test_unserialisable_data_does_not_touch_the_file(tmp_path: Path) -> None:
    path = tmp_path / "maya.json"
    storage = AtomicJSONStorage(path)
    storage.write({"conferences": {"1": {"id": "old"}}})
    with pytest.raises(TypeError):
        storage.write({"conferences": {"1": {"id": object()}}})
    assert storage.read() == {"conferences": {"1": {"id": "old"}}}
    assert _leftover_temp_files(tmp_path) == []


@pytest.mark.parametrize(
    "content",
    [b'{"conferences": {"1": {"id": "a"', b"[1, 2]", b'{"conferences": 3}', b"\xff\xfe{}"],
    ids=["truncated", "array", "table-not-object", "not-utf8"],
)
def test_corrupt_file_raises(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "maya.json"
    path.write_bytes(content)
    with pytest.raises(CorruptResultsFile) as caught:
        AtomicJSONStorage(path).read()
    assert caught.value.path == path
    assert caught.value.reason
    assert path.read_bytes() == content, "a corrupt file is never reset"
