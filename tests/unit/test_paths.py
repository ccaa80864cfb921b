"""Tests for choosing and seeding the results folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from slc_tui.store.paths import default_user_data_dir, results_dir_for, seed_results


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "user-data"
    monkeypatch.setenv("SLC_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    folder = tmp_path / "package" / "sample class"
    (folder / "results").mkdir(parents=True)
    return folder


def test_default_user_data_dir_honours_env(data_dir: Path) -> None:
    assert default_user_data_dir() == data_dir


def test_default_user_data_dir_without_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SLC_DATA_DIR", raising=False)
    assert "slc" in default_user_data_dir().parts


def test_bundled_sample_goes_to_user_dir(data_dir: Path, bundled: Path) -> None:
    result = results_dir_for(bundled, bundled, None)
    assert result.name == "results"
    assert result.parent.parent == data_dir / "classes"
    assert result.parent.name.startswith("sample-class-")
    # The same class always maps to the same folder, even via another spelling.
    assert results_dir_for(bundled / ".." / bundled.name, bundled, None) == result


def test_per_user_folder_names_are_as_before(data_dir: Path) -> None:
    # The name's hash is hashlib's SHA-256, however it is computed: a change would orphan
    # every per-user results folder already written.
    import hashlib

    from slc_tui.store.paths import sha256_hex

    for data in (b"", b"/home/ms.okafor/Room 12", "/tmp/Mañana/教室".encode()):
        assert sha256_hex(data) == hashlib.sha256(data).hexdigest()
    room = Path("/srv/classes/Room 12 — Maple")
    expected = hashlib.sha256(os.fsencode(room.resolve())).hexdigest()[:10]
    assert results_dir_for(room, room, None).parent.name == f"room-12-maple-{expected}"


def test_same_name_different_path_gets_different_folder(data_dir: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "room", tmp_path / "b" / "room"
    first.mkdir(parents=True)
    second.mkdir(parents=True)
    assert results_dir_for(first, first, None) != results_dir_for(second, second, None)


def test_writable_class_keeps_results_beside_it(
    data_dir: Path, bundled: Path, tmp_path: Path
) -> None:
    class_dir = tmp_path / "room12"
    class_dir.mkdir()
    assert results_dir_for(class_dir, bundled, None) == class_dir / "results"


def test_override_wins(data_dir: Path, bundled: Path, tmp_path: Path) -> None:
    override = tmp_path / "elsewhere"
    assert results_dir_for(bundled, bundled, override) == override
    assert results_dir_for(tmp_path, bundled, override) == override


def test_read_only_class_goes_to_user_dir(
    data_dir: Path, bundled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class_dir = tmp_path / "Salle de classe é"
    class_dir.mkdir()
    real_access = os.access

    def no_write_to_class(path: object, mode: int, **kwargs: object) -> bool:
        if Path(str(path)) == class_dir and mode & os.W_OK:
            return False
        return real_access(path, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", no_write_to_class)
    result = results_dir_for(class_dir, bundled, None)
    assert result.parent.parent == data_dir / "classes"
    assert result.parent.name.startswith("salle-de-classe-e-")


def test_seed_copies_when_target_is_empty(bundled: Path, tmp_path: Path) -> None:
    source = bundled / "results"
    (source / "maya.json").write_text('{"conferences": {"1": {"id": "é"}}}', encoding="utf-8")
    (source / "README.txt").write_text("not copied", encoding="utf-8")
    target = tmp_path / "user" / "results"
    seed_results(source, target)
    assert sorted(p.name for p in target.iterdir()) == ["maya.json"]
    assert (target / "maya.json").read_bytes() == (source / "maya.json").read_bytes()


def test_seed_leaves_existing_results_alone(bundled: Path, tmp_path: Path) -> None:
    source = bundled / "results"
    (source / "maya.json").write_text('{"conferences": {}}', encoding="utf-8")
    (source / "zoe.json").write_text('{"conferences": {}}', encoding="utf-8")
    target = tmp_path / "results"
    target.mkdir()
    (target / "maya.json").write_text("family's work", encoding="utf-8")
    seed_results(source, target)
    assert sorted(p.name for p in target.iterdir()) == ["maya.json"]
    assert (target / "maya.json").read_text(encoding="utf-8") == "family's work"


def test_seed_with_missing_source_does_nothing(tmp_path: Path) -> None:
    target = tmp_path / "results"
    seed_results(tmp_path / "nowhere", target)
    assert not target.exists()
