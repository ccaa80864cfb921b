"""``slc open --student ID`` reads that child's portfolio (with class.json and prompts.json)
before the rest of the class, which is read after the first paint (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest

from slc_tui.core.class_folder import load_one_student
from slc_tui.session import ClassSession
from tests.factories import make_class, portfolio_data, write_json

pytestmark = pytest.mark.usefixtures("slc_data_dir")


def _class(tmp_path: Path) -> Path:
    root = make_class(tmp_path / "room", [portfolio_data("maya"), portfolio_data("sam")])
    (root / "portfolios" / "broken.json").write_text("{ not json", encoding="utf-8")
    write_json(root / "portfolios" / "leo-file.json", portfolio_data("leo"))  # file ≠ id
    return root


def test_one_child_is_read_alone_then_the_whole_class(tmp_path: Path) -> None:
    root = _class(tmp_path)
    session = ClassSession.open_for_student(root, tmp_path / "results", "maya")
    assert not session.folder.complete
    assert [p.student.id for p in session.folder.portfolios] == ["maya"]
    assert session.folder.all_problems == []  # broken.json not read yet
    assert session.start_without_questions("maya", claim=False) is not None
    rows = session.picker_rows()  # the list needs the whole class
    assert session.folder.complete
    assert sorted(r.student.id for r in rows) == ["leo", "maya", "sam"]
    assert any("broken.json" in str(p) for p in session.folder.all_problems)
    assert not session.read_whole_class()  # once


def test_a_child_not_found_by_file_name_reads_the_whole_class(tmp_path: Path) -> None:
    root = _class(tmp_path)
    assert load_one_student(root, "leo") is None  # its file is leo-file.json
    assert load_one_student(root, "nobody") is None
    assert load_one_student(root, "broken") is None
    session = ClassSession.open_for_student(root, tmp_path / "results", "leo")
    assert session.folder.complete and session.folder.portfolio("leo") is not None
