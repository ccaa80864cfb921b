"""The cheap index of who is in a class (``core/class_index.py``): the student list of a big
class shows from it before the portfolios are read in full (issue 15)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from slc_tui.core.class_folder import MAX_PORTFOLIOS, load_class_folder
from slc_tui.core.class_index import list_students
from slc_tui.session import ClassSession
from tests.factories import make_class, portfolio_data, write_json
from tests.unit.test_fuzz_strategies import FUZZ_DISK, portfolios

pytestmark = pytest.mark.usefixtures("slc_data_dir")


def _odd_class(root: Path) -> Path:
    """A class whose files are written every way the index must read as the full read does."""
    make_class(
        root,
        {
            "maya": portfolio_data("maya", name="  Maya López "),
            "sam": portfolio_data("sam", name="Sam Okoro", grade=3),  # a number
            "Zoé Martin (copy)": portfolio_data("zoe", name="Zoé Martin", grade="K"),
            "sam2": portfolio_data("sam", name="Sam Okoro"),  # the id again: refused
            "ben": portfolio_data("ben", name="Ben", grade="13"),  # a bad grade: left out
            "old": {**portfolio_data("old", name="Old"), "format": "slc-portfolio/0"},
        },
    )
    folder = root / "portfolios"
    student_first = {"student": portfolio_data("leo")["student"], "format": "slc-portfolio/1"}
    student_first["student"]["name"] = "Leo Kim"
    write_json(folder / "leo.json", student_first)  # not the usual order: parsed whole
    write_json(folder / "ana.json", portfolio_data("ana", name="Ana Silva"), bom=True)
    compact = json.dumps(portfolio_data("eve", name="Eve Dubois"), separators=(",", ":"))
    (folder / "eve.json").write_text(compact, encoding="utf-8")
    (folder / "latin1.json").write_bytes(
        json.dumps(portfolio_data("lat", name="Zoë"), ensure_ascii=False).encode("latin-1")
    )
    (folder / "folder.json").mkdir()
    (folder / "notes.txt").write_text("not a portfolio", encoding="utf-8")
    return root


def test_the_index_lists_whom_the_full_read_lists_with_the_same_names_and_grades(
    tmp_path: Path,
) -> None:
    root = _odd_class(tmp_path / "room")
    listed = list_students(root / "portfolios", MAX_PORTFOLIOS)
    full = load_class_folder(root).portfolios
    assert [(entry.student, entry.file) for entry in listed] == [
        (portfolio.student, portfolio.source.name if portfolio.source else "") for portfolio in full
    ]
    assert [(e.student.id, e.student.name, e.student.grade, e.file) for e in listed] == [
        ("ana", "Ana Silva", "2", "ana.json"),
        ("eve", "Eve Dubois", "2", "eve.json"),
        ("leo", "Leo Kim", "2", "leo.json"),
        ("maya", "Maya López", "2", "maya.json"),
        ("sam", "Sam Okoro", "3", "sam.json"),  # (sam2.json comes after it)
        ("zoe", "Zoé Martin", "K", "Zoé Martin (copy).json"),
    ]


def test_the_index_takes_the_files_the_full_read_takes(tmp_path: Path) -> None:
    root = make_class(tmp_path / "room", [portfolio_data(f"s{n}", name=f"S {n}") for n in range(5)])
    assert [e.student.id for e in list_students(root / "portfolios", 3)] == ["s0", "s1", "s2"]
    assert list_students(tmp_path / "nowhere", MAX_PORTFOLIOS) == []


def test_a_portfolio_broken_after_its_student_is_listed_first_then_reported(
    tmp_path: Path,
) -> None:
    root = make_class(tmp_path / "room", [portfolio_data("maya"), portfolio_data("sam")])
    text = json.dumps(portfolio_data("zoe", name="Zoé Martin"), indent=2)
    (root / "portfolios" / "zoe.json").write_text(text[: len(text) // 2], encoding="utf-8")
    session = ClassSession.open_for_list(root, tmp_path / "results")
    first = session.picker_rows(read_whole=False)
    assert not session.folder.complete  # nothing but the students read
    assert [row.student.id for row in first] == ["maya", "sam", "zoe"]
    assert [row.status for row in first] == ["not started"] * 3
    rows = session.picker_rows()  # read in full: zoe's file cannot be used
    assert session.folder.complete
    assert [row.student.id for row in rows] == ["maya", "sam"]
    assert [p.file for p in session.folder.all_problems] == ["portfolios/zoe.json"]
    assert session.folder.portfolio("zoe") is None


def test_a_class_opened_for_its_list_gives_the_fully_read_portfolio(tmp_path: Path) -> None:
    root = make_class(tmp_path / "room", [portfolio_data("maya"), portfolio_data("sam")])
    session = ClassSession.open_for_list(root, tmp_path / "results")
    assert session.folder.portfolio("maya") is None  # only listed so far
    session.bring_up_to_date()
    portfolio = session.folder.portfolio("maya")
    assert portfolio is not None and portfolio.pieces
    assert portfolio == load_class_folder(root).portfolio("maya")


@FUZZ_DISK
@given(portfolios, st.booleans())
def test_the_index_reads_any_portfolio_as_the_full_read_does(
    tmp_path_factory: pytest.TempPathFactory, data: Any, compact: bool
) -> None:
    try:
        text = json.dumps(data, ensure_ascii=False, allow_nan=False, indent=None if compact else 2)
    except ValueError:  # NaN: the full read refuses the file, past where the index looks
        return
    root = tmp_path_factory.mktemp("room")
    (root / "portfolios").mkdir()
    (root / "portfolios" / "x.json").write_text(text, encoding="utf-8", errors="surrogatepass")
    full = load_class_folder(root)
    if full.all_problems and any("invalid JSON" in p.message for p in full.all_problems):
        return  # (a number too large to read, further down: only the full read sees it)
    listed = list_students(root / "portfolios", MAX_PORTFOLIOS)
    assert [entry.student for entry in listed] == [p.student for p in full.portfolios]
