"""Roster import into a class folder: the plan, the portfolios written, nothing replaced."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from slc_tui.core.class_folder import load_class_folder
from slc_tui.core.fields import is_valid_id
from slc_tui.teacher.roster import apply_roster_import, plan_roster_import
from tests.factories import make_class, portfolio_data
from tests.unit.test_fuzz_strategies import FUZZ_FOLDER


def write_list(folder: Path, text: str, name: str = "list.csv") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_plan_writes_nothing_and_applying_it_makes_valid_portfolios(tmp_path: Path) -> None:
    root = make_class(tmp_path / "room", [portfolio_data("maya")])
    roster = write_list(tmp_path, "Name,Grade\nZoë O'Brien,K\nLeo Chen,5\nZoë O'Brien,1\n")
    plan = plan_roster_import(root, roster, "list.csv")
    assert [(s.line, s.student_id, s.name, s.grade) for s in plan.students] == [
        (2, "zoe-obrien", "Zoë O'Brien", "K"),
        (3, "leo-chen", "Leo Chen", "5"),
        (4, "zoe-obrien-2", "Zoë O'Brien", "1"),
    ]
    assert plan.refused == ()
    assert sorted(p.name for p in (root / "portfolios").glob("*.json")) == ["maya.json"]

    done = apply_roster_import(plan)
    assert done.created == plan.students and done.refused == ()
    written = json.loads((root / "portfolios" / "zoe-obrien.json").read_text(encoding="utf-8"))
    assert written == {
        "format": "slc-portfolio/1",
        "student": {"id": "zoe-obrien", "name": "Zoë O'Brien", "grade": "K"},
        "pieces": [],
    }
    problems = load_class_folder(root).all_problems  # (no pictures to decode)
    assert not [p for p in problems if p.is_error]
    assert sum(p.message == "no pieces of work yet" for p in problems) == 3


def test_existing_portfolios_are_never_replaced(tmp_path: Path) -> None:
    root = make_class(tmp_path / "room", [portfolio_data("maya", name="Maya López")])
    before = (root / "portfolios" / "maya.json").read_bytes()
    roster = write_list(tmp_path, "ID,Name,Grade\nmaya,Someone Else,3\n,Maya López,2\n,Ada,2\n")
    plan = plan_roster_import(root, roster, "list.csv")
    assert plan.refused_lines() == [
        "list.csv:2: 'maya' already has a portfolio (portfolios/maya.json): not replaced",
        "list.csv:3: Maya López is already in the class (portfolios/maya.json): not imported "
        "again (give the row an id to add another child of that name)",
    ]
    assert [s.student_id for s in plan.students] == ["ada"]
    assert plan.in_class == (2, 3)  # the preview says which rows are already in the class
    # A portfolio that appears between the plan and the import is not replaced either.
    (root / "portfolios" / "ada.json").write_text("{}", encoding="utf-8")
    done = apply_roster_import(plan)
    assert done.created == ()
    assert [bad.where("list.csv") for bad in done.refused] == [
        "list.csv:4: portfolios/ada.json appeared meanwhile: not replaced"
    ]
    assert (root / "portfolios" / "maya.json").read_bytes() == before
    assert (root / "portfolios" / "ada.json").read_text(encoding="utf-8") == "{}"


def test_a_repeated_id_is_refused_but_is_not_in_the_class(tmp_path: Path) -> None:
    root = make_class(tmp_path / "room", [])
    roster = write_list(tmp_path, "ID,Name,Grade\nada,Ada,2\nada,Ada Two,2\n")
    plan = plan_roster_import(root, roster, "list.csv")
    assert plan.refused_lines() == ["list.csv:3: id 'ada' is also on line 2"]
    assert plan.in_class == ()


def test_given_ids_win_over_ids_made_from_names(tmp_path: Path) -> None:
    root = make_class(tmp_path / "room")
    roster = write_list(tmp_path, "Name,Grade,ID\nAda,2,\nBob,3,ada\nCy,3,ada\n")
    plan = plan_roster_import(root, roster, "list.csv")
    assert [(s.name, s.student_id) for s in plan.students] == [("Ada", "ada-2"), ("Bob", "ada")]
    assert plan.refused_lines() == ["list.csv:4: id 'ada' is also on line 3"]


def test_an_unreadable_list_is_named(tmp_path: Path) -> None:
    root = make_class(tmp_path / "room")
    plan = plan_roster_import(root, tmp_path / "missing.csv", "missing.csv")
    assert plan.refused_lines() == ["missing.csv: file not found"]
    plan = plan_roster_import(root, tmp_path, "folder")
    assert plan.refused_lines() == ["folder: is not a regular file"]


def test_a_thousand_rows(tmp_path: Path) -> None:
    root = make_class(tmp_path / "room")
    rows = "".join(f"Student {n % 300},{n % 12 + 1}\n" for n in range(1000))
    plan = plan_roster_import(root, write_list(tmp_path, "Name,Grade\n" + rows), "list.csv")
    ids = [s.student_id for s in plan.students]
    assert len(ids) == len(set(ids)) == 1000
    done = apply_roster_import(plan)
    assert len(done.created) == 1000
    assert len(list((root / "portfolios").glob("*.json"))) == 1000


names = st.sampled_from(["Maya López", "maya lopez", "Zoë", "王芳", "李雷", "Leo", "a" * 90, "-"])


@FUZZ_FOLDER
@given(
    st.lists(st.tuples(names, st.sampled_from(["", "maya-lopez", "leo", "x"])), max_size=10),
    st.lists(st.sampled_from(["maya-lopez", "leo", "student", "zoe"]), unique=True, max_size=3),
)
def test_every_planned_id_is_valid_and_unique_and_new(
    rows: list[tuple[str, str]], existing: list[str]
) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        root = make_class(folder / "room", [portfolio_data(i, name=i.title()) for i in existing])
        text = "Name,Grade,ID\n" + "".join(f"{name},3,{given}\n" for name, given in rows)
        plan = plan_roster_import(root, write_list(folder, text), "list.csv")
        ids = [s.student_id for s in plan.students]
        assert len(ids) == len(set(ids))
        assert all(is_valid_id(i) for i in ids)
        assert not set(ids) & set(existing)
        lines = [s.line for s in plan.students] + [b.line for b in plan.refused]
        assert sorted(lines) == list(range(2, len(rows) + 2))
