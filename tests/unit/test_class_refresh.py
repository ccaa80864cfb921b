"""A class folder read again after the teacher changed it: only what changed is re-read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import slc_tui.core.class_folder as class_folder
from slc_tui.core.class_folder import folder_stamp, load_class_folder, refreshed_class_folder
from slc_tui.session import ClassSession
from tests.factories import FIXED_NOW, class_data, portfolio_data, write_json


def touch_later(path: Path) -> None:
    """Give ``path`` a newer modification time (file systems can be coarse)."""
    found = path.stat()
    os.utime(path, ns=(found.st_atime_ns, found.st_mtime_ns + 2_000_000_000))


def test_only_changed_portfolios_are_read_again(
    class_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = folder_stamp(class_dir)
    folder = load_class_folder(class_dir)
    leo = class_dir / "portfolios" / "leo.json"
    write_json(leo, portfolio_data("leo", name="Leo Chen-Park"))
    touch_later(leo)
    write_json(class_dir / "portfolios" / "ana.json", portfolio_data("ana", name="Ana Silva"))
    read: list[str] = []
    real_load = class_folder.load_portfolio_file
    monkeypatch.setattr(
        class_folder,
        "load_portfolio_file",
        lambda path, *a, **k: read.append(path.name) or real_load(path, *a, **k),
    )
    refreshed = refreshed_class_folder(folder, before, folder_stamp(class_dir))
    assert sorted(read) == ["ana.json", "leo.json"]
    assert [p.student.name for p in refreshed.portfolios] == [
        "Ana Silva",
        "Leo Chen-Park",
        "Maya López",
    ]
    assert refreshed.portfolio("maya") is folder.portfolio("maya")  # not read again


def test_a_removed_portfolio_leaves_the_class(class_dir: Path) -> None:
    before = folder_stamp(class_dir)
    folder = load_class_folder(class_dir)
    (class_dir / "portfolios" / "leo.json").unlink()
    refreshed = refreshed_class_folder(folder, before, folder_stamp(class_dir))
    assert [p.student.id for p in refreshed.portfolios] == ["maya"]


def test_a_changed_class_file_reads_the_whole_folder_again(class_dir: Path) -> None:
    before = folder_stamp(class_dir)
    folder = load_class_folder(class_dir)
    write_json(class_dir / "class.json", class_data(name="Room 14"))
    touch_later(class_dir / "class.json")
    refreshed = refreshed_class_folder(folder, before, folder_stamp(class_dir))
    assert refreshed.info.name == "Room 14"


def test_a_duplicate_becomes_usable_when_the_other_file_changes(class_dir: Path) -> None:
    write_json(class_dir / "portfolios" / "zz-copy.json", portfolio_data("maya", name="Copy"))
    before = folder_stamp(class_dir)
    folder = load_class_folder(class_dir)
    assert len(folder.left_out) == 1
    (class_dir / "portfolios" / "maya.json").unlink()
    refreshed = refreshed_class_folder(folder, before, folder_stamp(class_dir))
    assert refreshed.left_out == []
    assert refreshed.portfolio("maya") is not None


def test_the_session_picks_up_edits_for_the_next_student_not_the_open_conference(
    class_dir: Path,
) -> None:
    session = ClassSession.open(class_dir, class_dir / "results", lambda: FIXED_NOW)
    conference = session.start("maya")
    maya = class_dir / "portfolios" / "maya.json"
    write_json(maya, portfolio_data("maya", name="Maya López-Reyes"))
    touch_later(maya)
    assert [row.student.name for row in session.picker_rows()][-1] == "Maya López-Reyes"
    assert conference.portfolio.student.name == "Maya López"  # the one in progress keeps its own
    assert session.start("maya").portfolio.student.name == "Maya López-Reyes"
    assert session.refresh() is False  # nothing changed since
