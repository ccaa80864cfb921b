"""Loading a whole class folder: class.json, prompts.json and every portfolio."""

from __future__ import annotations

from pathlib import Path

from slc_tui.core.class_folder import load_class_folder
from slc_tui.core.classinfo import ClassInfo
from slc_tui.core.prompts import default_prompts_json
from tests.factories import class_data, make_class, portfolio_data, write_json


def problem_lines(root: Path) -> list[str]:
    return [str(p) for p in load_class_folder(root).all_problems]


def test_loads_a_whole_class(class_dir: Path) -> None:
    folder = load_class_folder(class_dir)
    assert folder.all_problems == []
    assert folder.root == class_dir.resolve()
    assert folder.info == ClassInfo("Room 12", "Ms. Okafor", "Fall 2026", 20, "en")
    assert [p.student.name for p in folder.portfolios] == ["Leo Chen", "Maya López"]
    maya = folder.portfolio("maya")
    assert maya is not None
    assert maya.source == class_dir.resolve() / "portfolios" / "maya.json"
    assert all(piece.image_path is not None for piece in maya.pieces)
    assert folder.portfolio("nobody") is None
    assert len(folder.students) == 2


def test_a_broken_portfolio_does_not_stop_the_others(tmp_path: Path) -> None:
    root = make_class(tmp_path / "room", [portfolio_data("maya"), portfolio_data("leo")])
    (root / "portfolios" / "leo.json").write_text("{ not json", encoding="utf-8")
    (root / "portfolios" / "notes.txt").write_text("not a portfolio", encoding="utf-8")
    folder = load_class_folder(root)
    assert [p.student.id for p in folder.portfolios] == ["maya"]
    assert len(folder.students) == 2
    broken = [entry for entry in folder.students if entry.portfolio is None]
    assert [entry.path.name for entry in broken] == ["leo.json"]
    assert [str(p) for p in folder.all_problems] == [
        "portfolios/leo.json: line 1, column 3: invalid JSON: "
        "Expecting property name enclosed in double quotes"
    ]


def test_duplicate_student_ids_across_files(tmp_path: Path) -> None:
    root = make_class(
        tmp_path / "room",
        {"maya": portfolio_data("maya"), "maya2": portfolio_data("maya", name="Maya Twin")},
    )
    folder = load_class_folder(root)
    assert [p.student.name for p in folder.portfolios] == ["Maya López"]
    lines = [str(p) for p in folder.all_problems]
    assert "portfolios/maya2.json: student.id: 'maya' is also used by maya.json" in lines
    assert (
        "portfolios/maya2.json: student.id: warning: is 'maya' but the file is maya2.json"
    ) in lines
    assert sum(p.is_error for p in folder.all_problems) == 1


def test_file_name_not_matching_student_id_warns(tmp_path: Path) -> None:
    root = make_class(tmp_path / "room", {"Maya": portfolio_data("maya")})
    folder = load_class_folder(root)
    assert folder.portfolio("maya") is not None
    assert [str(p) for p in folder.all_problems] == [
        "portfolios/Maya.json: student.id: warning: is 'maya' but the file is Maya.json"
    ]


def test_missing_class_json(tmp_path: Path) -> None:
    root = make_class(tmp_path / "room12", [portfolio_data("maya")])
    (root / "class.json").unlink()
    folder = load_class_folder(root)
    assert [str(p) for p in folder.all_problems] == ["class.json: file not found"]
    assert folder.info.name == "room12"
    assert folder.portfolio("maya") is not None


def test_missing_portfolios_folder(tmp_path: Path) -> None:
    root = tmp_path / "room"
    root.mkdir()
    write_json(root / "class.json", class_data())
    folder = load_class_folder(root)
    assert folder.portfolios == []
    lines = problem_lines(root)
    assert len(lines) == 1
    assert lines[0].startswith("portfolios: folder not found")


def test_missing_class_folder(tmp_path: Path) -> None:
    folder = load_class_folder(tmp_path / "nowhere")
    lines = [str(p) for p in folder.all_problems]
    assert len(lines) == 1
    assert lines[0].startswith("class.json: class folder not found: ")
    assert folder.students == ()


def test_class_json_problems_name_the_field(tmp_path: Path) -> None:
    root = make_class(tmp_path / "room", class_info=class_data(minutes=500, name="", extra=1))
    lines = problem_lines(root)
    assert "class.json: minutes: must be a whole number of minutes from 5 to 120, not 500" in lines
    assert "class.json: name: is required (it is empty)" in lines
    assert "class.json: extra: warning: unknown field (ignored)" in lines
    folder = load_class_folder(root)
    assert folder.info.minutes == 20
    assert folder.info.name == "My class"


def test_class_json_holding_null_is_an_error(tmp_path: Path) -> None:
    root = make_class(tmp_path / "room", [portfolio_data("maya")])
    (root / "class.json").write_text("null", encoding="utf-8")
    assert problem_lines(root) == ["class.json: must be an object, not null"]


def test_prompts_json_is_optional(class_dir: Path) -> None:
    assert not (class_dir / "prompts.json").exists()
    folder = load_class_folder(class_dir)
    assert folder.prompts.steps == {}
    assert folder.all_problems == []


def test_prompts_json_is_loaded(tmp_path: Path) -> None:
    prompts = {
        "format": "slc-prompts/1",
        "steps": {"piece": ["What did you try first?"]},
        "parent_questions": ["What was hardest?"],
        "commitment_ideas": ["Read together."],
    }
    root = make_class(tmp_path / "room", [portfolio_data("maya")], prompts=prompts)
    folder = load_class_folder(root)
    assert folder.all_problems == []
    assert folder.prompts.steps == {"piece": ("What did you try first?",)}
    assert folder.prompts.parent_questions == ("What was hardest?",)
    assert folder.prompts.commitment_ideas == ("Read together.",)


def test_prompts_json_problems_are_named_by_step(tmp_path: Path) -> None:
    prompts = {
        "format": "slc-prompts/1",
        "steps": {"piece": "not a list", "dance": ["x"], "goals": ["ok", 3]},
        "parent_questions": {"a": 1},
        "colour": "blue",
    }
    root = make_class(tmp_path / "room", [portfolio_data("maya")], prompts=prompts)
    lines = problem_lines(root)
    assert sorted(lines) == sorted(
        [
            "prompts.json: steps.piece: must be a list of text, not text",
            "prompts.json: steps.dance: warning: unknown step id (ignored)",
            "prompts.json: steps.goals[1]: must be text, not a number",
            "prompts.json: parent_questions: must be a list of text, not an object",
            "prompts.json: colour: warning: unknown field (ignored)",
        ]
    )
    folder = load_class_folder(root)
    assert folder.prompts.steps["goals"] == ("ok",)


def test_prompts_json_wrong_format_or_syntax(tmp_path: Path) -> None:
    root = make_class(tmp_path / "room", [portfolio_data("maya")], prompts={"steps": {}})
    assert problem_lines(root) == [
        'prompts.json: format: is required; this slc reads "slc-prompts/1"'
    ]
    (root / "prompts.json").write_text('{"format": "slc-prompts/1",\n,}', encoding="utf-8")
    lines = problem_lines(root)
    assert len(lines) == 1
    assert lines[0].startswith("prompts.json: line 2, column 1: invalid JSON")


def test_new_class_default_prompts_load_cleanly(tmp_path: Path) -> None:
    root = make_class(tmp_path / "room", [portfolio_data("maya")], prompts=default_prompts_json())
    assert problem_lines(root) == []
