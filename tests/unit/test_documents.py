"""Core writers: portfolio, prompts.json and class.json documents edited and written back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from slc_tui.core.class_documents import ClassDocument, PromptsDocument
from slc_tui.core.json_document import JsonDocument, Refused, document_text
from slc_tui.core.json_files import MAX_JSON_BYTES, parse_json_text
from slc_tui.core.portfolio import parse_portfolio
from slc_tui.core.portfolio_document import PortfolioDocument
from slc_tui.core.problems import ProblemList
from tests.factories import class_data, make_class, portfolio_data
from tests.unit.test_fuzz_strategies import (
    FUZZ,
    class_files,
    json_values,
    portfolios,
    prompt_files,
    texts,
)

FILE = "portfolios/maya.json"


def portfolio_document(root: Path, data: dict[str, Any]) -> PortfolioDocument:
    path = root / "portfolios" / "maya.json"
    document = PortfolioDocument.from_data(data, ProblemList(FILE), label=FILE, path=path)
    assert document is not None
    return document


def reread(document: JsonDocument) -> Any:
    return json.loads(document.to_text())


def errors(problems: ProblemList) -> list[str]:
    return [str(problem) for problem in problems if problem.is_error]


# -- the round trip --------------------------------------------------------------------------


def is_finite(data: Any) -> bool:
    """True when ``data`` holds no NaN or infinity (JSON files cannot)."""
    try:
        json.dumps(data, allow_nan=False)
    except ValueError:
        return False
    return True


#: Any JSON object the readers would accept as JSON (no NaN or infinities).
finite_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    # Lone surrogates too: they are written as escapes.
    | texts,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(texts, children, max_size=4),
    max_leaves=12,
)


@FUZZ
@given(st.one_of(portfolios, class_files, prompt_files, st.dictionaries(texts, finite_json)))
def test_load_write_load_is_the_same_object_with_keys_in_order(data: Any) -> None:
    assume(isinstance(data, dict) and is_finite(data))
    problems = ProblemList("x.json")
    document = JsonDocument.from_data(data, problems, label="x.json")
    assert document is not None
    text = document.to_text()
    text.encode("utf-8")  # never a lone surrogate in the bytes
    again = parse_json_text(text, problems)
    assert not problems.has_errors
    assert again == data
    assert list(again) == list(data)
    assert document_text(again) == text  # writing it again changes nothing


@FUZZ
@given(portfolios, st.sampled_from(["colour", "$schema", "zz", "aa"]), json_values)
def test_an_edit_keeps_unknown_keys_and_the_order_of_the_rest(
    data: Any, key: str, value: Any
) -> None:
    assume(isinstance(data, dict) and isinstance(data.get("student"), dict))
    data = {**data, key: value}
    assume(is_finite(data))
    order = list(data)
    student_order = list(data["student"])
    document = JsonDocument.from_data(data, ProblemList(FILE), label=FILE)
    assert document is not None
    document = PortfolioDocument(document.data, label=FILE)
    document.set_student(name="Maya Renamed")
    document.set_strengths(["I am kind."])
    written = reread(document)
    assert written[key] == data[key]
    assert list(written)[: len(order)] == order  # new keys (strengths, maybe) at the end
    assert list(written["student"])[: len(student_order)] == student_order
    assert written["student"]["name"] == "Maya Renamed"


def test_a_lone_surrogate_is_written_as_an_escape() -> None:
    text = document_text({"name": "a\ud800b"})
    assert "\\ud800" in text
    assert json.loads(text) == {"name": "a\ud800b"}
    text.encode("utf-8")


def test_the_text_is_indented_utf8_with_a_final_newline() -> None:
    assert (
        document_text({"name": "Zoë", "n": [1]}) == '{\n  "name": "Zoë",\n  "n": [\n    1\n  ]\n}\n'
    )


# -- portfolio edits ---------------------------------------------------------------------------


def test_piece_edits_keep_the_piece_own_unknown_keys(tmp_path: Path) -> None:
    data = portfolio_data("maya")
    data["pieces"][1]["rating"] = 5
    root = make_class(tmp_path / "room", [data])
    document = portfolio_document(root, data)
    document.update_piece(1, title="The Lost Cat", why_chosen="")
    document.move_piece(1, 0)
    piece = reread(document)["pieces"][0]
    assert piece["id"] == "story"
    assert piece["title"] == "The Lost Cat"
    assert piece["rating"] == 5
    assert piece["why_chosen"] == ""
    assert list(piece)[-1] == "rating"
    assert document.check(root).ok


def test_add_piece_makes_a_unique_id_from_the_title(tmp_path: Path) -> None:
    root = make_class(tmp_path / "room", [portfolio_data("maya")])
    document = portfolio_document(root, portfolio_data("maya"))
    first = document.add_piece("Story")
    second = document.add_piece("Story", subject="Writing", date="")
    pieces = reread(document)["pieces"]
    assert (pieces[first]["id"], pieces[second]["id"]) == ("story-2", "story-3")
    assert pieces[second] == {"id": "story-3", "title": "Story", "subject": "Writing"}
    with pytest.raises(ValueError, match="colour"):
        document.add_piece("x", colour="red")


def test_removing_a_piece_takes_it_out_of_chosen(tmp_path: Path) -> None:
    data = portfolio_data("maya", chosen=["butterfly", "story"])
    root = make_class(tmp_path / "room", [data])
    document = portfolio_document(root, data)
    document.remove_piece(0)
    written = reread(document)
    assert written["chosen"] == ["story"]
    assert [p["id"] for p in written["pieces"]] == ["story", "arrays"]


def test_goals_prompts_chosen_and_lists(tmp_path: Path) -> None:
    data = portfolio_data("maya")
    root = make_class(tmp_path / "room", [data])
    document = portfolio_document(root, data)
    index = document.add_goal("Add to 20", "Games with my brother", "2027-03")
    document.update_goal(0, how="Read with Mom")
    document.move_goal(index, 0)
    document.set_prompts("piece", ["Point to your favourite part."])
    document.set_chosen(["arrays", "butterfly"])
    document.set_next_steps(["Finger spaces."])
    document.set_student(learner="I learn by drawing.", grade="3")
    written = reread(document)
    assert written["goals"][0] == {
        "goal": "Add to 20",
        "how": "Games with my brother",
        "by": "2027-03",
    }
    assert written["goals"][1]["how"] == "Read with Mom"
    assert written["prompts"] == {"piece": ["Point to your favourite part."]}
    assert written["chosen"] == ["arrays", "butterfly"]
    checked = document.check(root)
    assert checked.ok and checked.value is not None
    assert checked.value.student.grade == "3"
    document.remove_goal(0)
    assert len(reread(document)["goals"]) == 1
    with pytest.raises(ValueError):
        document.set_prompts("nope", ["x"])


def test_an_empty_value_adds_no_key(tmp_path: Path) -> None:
    document = PortfolioDocument.new("sam", "Sam", "K", label="portfolios/sam.json")
    document.set_student(learner="")
    document.set_strengths([])
    assert reread(document) == {
        "format": "slc-portfolio/1",
        "student": {"id": "sam", "name": "Sam", "grade": "K"},
        "pieces": [],
    }


# -- checked before saving ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("edit", "field"),
    [
        (lambda d: d.update_piece(2, title="  "), "pieces[2].title"),
        (lambda d: d.update_piece(0, date="2026-13-01"), "pieces[0].date"),
        (lambda d: d.update_piece(1, image="../../etc/passwd"), "pieces[1].image"),
        (lambda d: d.update_piece(1, image="maya/missing.png"), "pieces[1].image"),
        (lambda d: d.set_chosen(["butterfly", "story", "arrays", "x"]), "chosen[3]"),
        (lambda d: d.set_student(grade="13"), "student.grade"),
        (lambda d: d.set_student(name=""), "student.name"),
        (lambda d: d.update_goal(0, by="March"), "goals[0].by"),
        (lambda d: d.set_strengths(["x" * 3000]), "strengths[0]"),
    ],
)
def test_what_validate_refuses_is_refused_by_field(tmp_path: Path, edit: Any, field: str) -> None:
    data = portfolio_data("maya")
    root = make_class(tmp_path / "room", [data])
    document = portfolio_document(root, data)
    edit(document)
    checked = document.check(root)
    assert not checked.ok
    assert field in [problem.field for problem in checked.problems if problem.is_error]
    assert all(problem.file == FILE for problem in checked.problems)


def test_a_document_too_large_to_read_back_is_refused(tmp_path: Path) -> None:
    data = portfolio_data("maya")
    root = make_class(tmp_path / "room", [data])
    document = portfolio_document(root, data)
    for _ in range(MAX_JSON_BYTES // 1900 + 1):
        document.add_piece("Big", why_chosen="x" * 1900)
    checked = document.check(root)
    assert not checked.ok
    assert "too large" in errors(checked.problems)[0]


def test_nan_set_by_a_caller_is_refused() -> None:
    document = ClassDocument(class_data(), label="class.json")
    document.data["minutes"] = float("nan")
    checked = document.check()
    assert not checked.ok
    assert "NaN" in errors(checked.problems)[0]


def test_a_student_id_unlike_the_file_name_is_a_warning(tmp_path: Path) -> None:
    data = portfolio_data("maya")
    root = make_class(tmp_path / "room", {"maya": data})
    document = PortfolioDocument(data, label=FILE, path=root / "portfolios" / "other.json")
    checked = document.check(root)
    assert checked.ok
    assert [p.field for p in checked.problems] == ["student.id"]


def test_a_field_of_the_wrong_shape_is_refused_not_replaced(tmp_path: Path) -> None:
    data = portfolio_data("maya", pieces="a drawing")
    data["pieces"] = "a drawing"
    document = portfolio_document(tmp_path, data)
    with pytest.raises(Refused) as refused:
        document.add_piece("x")
    assert str(refused.value.problems[0]).startswith(f"{FILE}: pieces: must be a list")
    data = portfolio_data("maya")
    data["goals"] = ["read more"]
    document = portfolio_document(tmp_path, data)
    with pytest.raises(Refused, match=r"goals\[0\]"):
        document.update_goal(0, how="x")
    assert reread(document)["goals"] == ["read more"]


def test_a_new_portfolio_with_no_pieces_is_only_a_warning(tmp_path: Path) -> None:
    root = make_class(tmp_path / "room")
    path = root / "portfolios" / "sam.json"
    document = PortfolioDocument.new("sam", "Sam Lee", "K", label="portfolios/sam.json", path=path)
    checked = document.check(root)
    assert checked.ok
    assert [str(p) for p in checked.problems] == [
        "portfolios/sam.json: pieces: warning: no pieces of work yet"
    ]


def test_an_empty_pieces_list_is_a_warning_like_no_list(tmp_path: Path) -> None:
    for pieces in ([], None):
        data = portfolio_data("maya", pieces=[])
        data["pieces"] = pieces
        problems = ProblemList(FILE)
        found = parse_portfolio(data, problems, portfolio_dir=tmp_path, class_root=tmp_path)
        assert found is not None and found.pieces == ()
        assert [(p.field, p.severity) for p in problems] == [("pieces", "warning")]


# -- prompts.json and class.json -----------------------------------------------------------------


def test_prompts_document_edits_and_checks() -> None:
    document = PromptsDocument.new(label="prompts.json")
    document.set_step_prompts("goals", ["What will you do every week?"])
    document.set_parent_questions(["What are you proud of?"])
    document.set_commitment_ideas(["Read together."])
    checked = document.check()
    assert checked.ok and checked.value is not None
    assert checked.value.steps == {"goals": ("What will you do every week?",)}
    assert list(reread(document)) == ["format", "steps", "parent_questions", "commitment_ideas"]
    document.set_step_prompts("piece", ["x" * 2001])
    checked = document.check()
    assert [p.field for p in checked.problems if p.is_error] == ["steps.piece[0]"]
    with pytest.raises(ValueError):
        document.set_step_prompts("lunch", [])


def test_class_document_keeps_unknown_keys_and_refuses_bad_minutes() -> None:
    data = {"format": "slc-class/1", "room": 12, "name": "Room 12", "minutes": 20}
    document = ClassDocument(data, label="class.json")
    document.set_settings(teacher="Ms. Okafor", minutes=25, language="fr")
    assert reread(document) == {
        "format": "slc-class/1",
        "room": 12,
        "name": "Room 12",
        "minutes": 25,
        "teacher": "Ms. Okafor",
        "language": "fr",
    }
    assert document.check().ok
    document.set_settings(minutes=500, name="")
    fields = {p.field for p in document.check().problems if p.is_error}
    assert fields == {"minutes", "name"}
