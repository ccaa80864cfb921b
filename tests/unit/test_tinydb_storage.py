"""Tests for the crash-safe TinyDB storage and the results document it writes."""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path

import pytest
from tinydb import TinyDB

from slc_tui.store.fileops import write_bytes_atomically
from slc_tui.store.tinydb_document import CorruptResultsFile, parse_tinydb_document
from slc_tui.store.tinydb_storage import AtomicJSONStorage


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


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'{"conferences": {"1": {"id": "a"', "cut off part-way (the JSON stops early, at line 1"),
        (b'{"conferences": nope}', "not valid JSON at line 1, column 17: expecting value"),
        (b'{"a": {}}\n{"b": {}}', "not valid JSON at line 2, column 1: extra data"),
        (b"\xff\xfe{}", "not UTF-8 text (unreadable byte at position 0)"),
        (b"[1, 2]", "expected an object of tables, found a list"),
        (b'{"conferences": 3}', "table 'conferences' is a number, not an object"),
        (b'{"conferences": {"1": "hi"}}', "entry 1 in table 'conferences' is text, not an object"),
        (b'{"conferences": {"x": {}}}', "'x' in table 'conferences' is not a number"),
    ],
)
def test_corrupt_reason_is_readable(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "maya.json"
    with pytest.raises(CorruptResultsFile) as caught:
        parse_tinydb_document(path, content)
    assert expected in caught.value.reason
    assert str(caught.value) == f"{path}: {caught.value.reason}"


def test_empty_file_can_count_as_damage(tmp_path: Path) -> None:
    path = tmp_path / "maya.json"
    path.write_bytes(b" \n")
    with pytest.raises(CorruptResultsFile, match="the file is empty"):
        AtomicJSONStorage(path, empty_is_corrupt=True).read()
    assert path.read_bytes() == b" \n"


def test_temp_files_are_named_after_their_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    real_replace = os.replace

    def spy(src: str, dst: str) -> None:
        seen.append(Path(src).name)
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    write_bytes_atomically(tmp_path / "maya.json", b"{}")
    assert len(seen) == 1
    assert seen[0].startswith(".maya.json.") and seen[0].endswith(".tmp")


def _storage_with_backup(path: Path) -> AtomicJSONStorage:
    return AtomicJSONStorage(path, backup_path=path.with_name(path.name + ".bak"))


def test_write_keeps_the_version_it_replaces(tmp_path: Path) -> None:
    path, backup = tmp_path / "maya.json", tmp_path / "maya.json.bak"
    storage = _storage_with_backup(path)
    assert storage.read() is None
    storage.write({"conferences": {"1": {"id": "v1"}}})
    assert not backup.exists(), "nothing to keep before the first write"
    first = path.read_bytes()

    storage.read()
    storage.write({"conferences": {"1": {"id": "v2"}}})
    assert backup.read_bytes() == first
    assert not os.path.samefile(path, backup)
    storage.write({"conferences": {"1": {"id": "v3"}}})
    assert backup.read_bytes() == first, "a write without a (good) read keeps no backup"
    assert _leftover_temp_files(tmp_path) == []
    if os.name == "posix":
        assert stat.S_IMODE(backup.stat().st_mode) == 0o600


def test_no_backup_of_a_file_that_failed_to_read(tmp_path: Path) -> None:
    path, backup = tmp_path / "maya.json", tmp_path / "maya.json.bak"
    path.write_bytes(b'{"conferences": ')
    storage = _storage_with_backup(path)
    with pytest.raises(CorruptResultsFile):
        storage.read()
    storage.write({"conferences": {}})
    assert not backup.exists()


def test_backup_holds_what_was_read_even_if_the_file_changed(tmp_path: Path) -> None:
    path, backup = tmp_path / "maya.json", tmp_path / "maya.json.bak"
    storage = _storage_with_backup(path)
    storage.write({"conferences": {"1": {"id": "read"}}})
    storage.read()
    read_bytes = path.read_bytes()
    path.write_bytes(b'{"conferences": {"1": {"id": "changed by someone else"}}}')
    storage.write({"conferences": {"1": {"id": "new"}}})
    assert backup.read_bytes() == read_bytes
    assert _leftover_temp_files(tmp_path) == []


def test_backup_is_copied_where_hard_links_fail(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(src: object, dst: object) -> None:
        raise PermissionError(errno.EPERM, "hard links not supported here")

    monkeypatch.setattr(os, "link", no_links)
    path, backup = tmp_path / "maya.json", tmp_path / "maya.json.bak"
    storage = _storage_with_backup(path)
    storage.write({"conferences": {"1": {"id": "v1"}}})
    first = path.read_bytes()
    storage.read()
    storage.write({"conferences": {"1": {"id": "v2"}}})
    assert backup.read_bytes() == first
    assert _leftover_temp_files(tmp_path) == []
    if os.name == "posix":
        assert stat.S_IMODE(backup.stat().st_mode) == 0o600
