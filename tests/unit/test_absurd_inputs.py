"""Absurd sizes and numbers: each is refused (or handled) with a named message, quickly.

No timing asserts: a hang would show as a stuck test run, and each case here is built
so that the loader must refuse it before doing work proportional to its size.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from slc_tui.core.class_folder import load_class_folder, load_portfolio_file
from slc_tui.core.classinfo import ClassInfo, parse_class_info
from slc_tui.core.fields import MAX_LIST_ITEMS
from slc_tui.core.json_files import MAX_JSON_BYTES
from slc_tui.core.portfolio import Piece, Portfolio, Student, parse_portfolio
from slc_tui.core.problems import Problem, ProblemList
from slc_tui.core.record import from_record, to_record
from slc_tui.core.text import MAX_TEXT_LENGTH
from slc_tui.export.tabular import CUT_MARK, MAX_CELL_LENGTH, records_to_csv, records_to_json
from slc_tui.teacher.validation import validate_path
from tests.factories import class_data, make_class, piece_data, portfolio_data

FILE = "portfolios/maya.json"


def lines(problems: list[Problem] | tuple[Problem, ...]) -> list[str]:
    return [str(problem) for problem in problems]


def write_portfolio(root: Path, text: str | bytes) -> Path:
    """A class with Maya, whose file then holds ``text`` exactly."""
    make_class(root, [portfolio_data("maya")])
    path = root / FILE
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def errors_of(path: Path, root: Path) -> list[str]:
    entry = load_portfolio_file(path, root)
    return lines([p for p in entry.problems if p.is_error])


# -- huge text, huge lists -----------------------------------------------------------------------


def test_a_megabyte_title_is_refused_and_the_piece_left_out(tmp_path: Path) -> None:
    data = portfolio_data("maya")
    data["pieces"][0]["title"] = "x" * 1_000_000
    make_class(tmp_path / "room", [data])
    entry = load_portfolio_file(tmp_path / "room" / FILE, tmp_path / "room")
    assert lines(entry.problems) == [
        f"{FILE}: pieces[0].title: is too long (1,000,000 characters; the limit is 300)"
    ]
    assert entry.portfolio is not None
    assert [p.id for p in entry.portfolio.pieces] == ["story", "arrays"]


def test_a_megabyte_class_name_is_refused(tmp_path: Path) -> None:
    root = make_class(tmp_path / "room", class_info=class_data(name="é" * 1_000_000))
    folder = load_class_folder(root)
    assert lines(folder.problems) == [
        "class.json: name: is too long (1,000,000 characters; the limit is 300)"
    ]
    assert folder.info.name == "My class"


def test_a_megabyte_unknown_key_is_named_briefly(tmp_path: Path) -> None:
    data = portfolio_data("maya")
    data["\x1b]0;pwned\x07" + "k" * 1_000_000] = 1
    make_class(tmp_path / "room", [data])
    (problem,) = load_portfolio_file(tmp_path / "room" / FILE, tmp_path / "room").problems
    assert problem.severity == "warning"
    assert str(problem).startswith(f"{FILE}: \\x1b]0;pwned\\x07kkk")
    assert str(problem).endswith("…: warning: unknown field (ignored)")
    assert len(str(problem)) < 300


def test_a_hundred_thousand_pieces_are_refused_by_validate(tmp_path: Path) -> None:
    data = portfolio_data("maya", pieces=[])
    data["pieces"] = [{"id": "p"}] * 100_000
    root = make_class(tmp_path / "room", [data])
    (root / FILE).write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    assert (root / FILE).stat().st_size < MAX_JSON_BYTES
    problems, _ = validate_path(root)
    assert lines(problems) == [f"{FILE}: pieces: has 100,000 pieces; the limit is 500"]


@pytest.mark.parametrize("key", ["strengths", "next_steps", "goals", "chosen"])
def test_a_hundred_thousand_items_give_a_few_problems(tmp_path: Path, key: str) -> None:
    data = portfolio_data("maya", **{key: ["x"] * 100_000})
    make_class(tmp_path / "room", [data])
    entry = load_portfolio_file(tmp_path / "room" / FILE, tmp_path / "room")
    assert 1 <= len(entry.problems) <= 51  # chosen: the first 50 are looked at
    assert all(p.field.startswith(key) for p in entry.problems)


def test_a_hundred_thousand_prompt_steps_give_a_counted_warning(tmp_path: Path) -> None:
    steps: dict[str, Any] = {f"s{n}": [] for n in range(100_000)}
    prompts = {"format": "slc-prompts/1", "steps": {**steps, "piece": ["Tell me more."]}}
    root = make_class(tmp_path / "room", prompts=prompts)
    assert (root / "prompts.json").stat().st_size < MAX_JSON_BYTES
    folder = load_class_folder(root)
    found = [p for p in folder.problems if p.file == "prompts.json"]
    assert len(found) == 21
    assert str(found[-1]) == "prompts.json: steps: warning: 99,980 more unknown fields (ignored)"
    assert folder.prompts.steps == {"piece": ("Tell me more.",)}


# -- deep nesting --------------------------------------------------------------------------------

DEEP = "nested too deeply (lists or objects inside each other)"


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"a":' * 100_000 + "1" + "}" * 100_000,
        '{"format": "slc-class/1", "name": ' + "[" * 100_000 + "]" * 100_000 + "}",
        "[" * 100_000,  # and never closed
    ],
    ids=["lists", "objects", "inside-a-field", "unclosed"],
)
@pytest.mark.parametrize("name", ["class.json", "prompts.json", FILE])
def test_deep_nesting_is_a_clear_message(tmp_path: Path, name: str, text: str) -> None:
    root = make_class(tmp_path / "room", [portfolio_data("maya")])
    (root / name).write_text(text, encoding="utf-8")
    problems, _ = validate_path(root)
    assert lines(problems) == [f"{name}: invalid JSON: {DEEP}"]


# -- huge files ----------------------------------------------------------------------------------


def test_a_file_over_two_megabytes_is_refused_unread(tmp_path: Path) -> None:
    path = write_portfolio(tmp_path / "room", b" " * (MAX_JSON_BYTES + 1))
    assert errors_of(path, tmp_path / "room") == [
        f"{FILE}: file is too large (2,097,153 bytes; the limit is 2,097,152)"
    ]


def test_a_sparse_ten_gigabyte_file_is_refused_unread(tmp_path: Path) -> None:
    path = write_portfolio(tmp_path / "room", b"")
    with path.open("r+b") as handle:
        handle.truncate(10 * 1024**3)
    assert errors_of(path, tmp_path / "room") == [
        f"{FILE}: file is too large (10,737,418,240 bytes; the limit is 2,097,152)"
    ]


def test_a_two_megabyte_line_with_a_syntax_error_at_the_end(tmp_path: Path) -> None:
    text = '{"format": "slc-portfolio/1", "x": "' + "a" * (MAX_JSON_BYTES - 100) + '" oops}'
    path = write_portfolio(tmp_path / "room", text)
    column = len(text) - len("oops}") + 1
    assert errors_of(path, tmp_path / "room") == [
        f"{FILE}: line 1, column {column}: invalid JSON: Expecting ',' delimiter"
    ]


# -- numbers -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("token", "message"),
    [
        ("1e999", "number 1e999 is too large"),
        ("-1e999", "number -1e999 is too large"),
        ("1" + "0" * 5000, "number 100000000000… (5,001 characters long) is too large"),
        ("-" + "9" * 4400, "number -99999999999… (4,401 characters long) is too large"),
        ("NaN", "NaN is not a JSON value (write a number or null)"),
        ("Infinity", "Infinity is not a JSON value (write a number or null)"),
        ("-Infinity", "-Infinity is not a JSON value (write a number or null)"),
    ],
)
def test_numbers_json_cannot_hold_are_named_with_line_and_column(
    tmp_path: Path, token: str, message: str
) -> None:
    text = '{\n  "format": "slc-class/1",\n  "name": "NaN 1e999",  "minutes": ' + token + "\n}"
    root = make_class(tmp_path / "room")
    (root / "class.json").write_text(text, encoding="utf-8")
    assert lines(load_class_folder(root).problems) == [
        f"class.json: line 3, column 36: invalid JSON: {message}"
    ]


@pytest.mark.parametrize(
    ("minutes", "shown"),
    [(10**4000, "a very large number"), (1e308, "1e+308"), (-0.0, "-0.0"), (20.5, "20.5")],
)
def test_odd_but_parseable_numbers_are_refused_by_the_rule(minutes: Any, shown: str) -> None:
    problems = ProblemList("class.json")
    info = parse_class_info(class_data(minutes=minutes), problems)
    assert info is not None and info.minutes == 20
    assert lines(problems) == [
        f"class.json: minutes: must be a whole number of minutes from 5 to 120, not {shown}"
    ]


def test_a_grade_python_cannot_print_is_still_described(tmp_path: Path) -> None:
    # Only a Python caller can pass this (JSON parsing refuses it first); no ValueError.
    problems = ProblemList(FILE)
    data = portfolio_data("maya", grade=10**5000, pieces=[])
    assert parse_portfolio(data, problems, portfolio_dir=tmp_path, class_root=tmp_path) is None
    assert lines(problems) == [f"{FILE}: student.grade: must be K or 1-12, not a very large number"]


# -- odd image paths -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("image", "message"),
    [
        ("n" * 300 + ".png", "cannot be opened (File name too long): nnnn"),
        ("d/" * 500 + "x.png", "is too long (1,005 characters; the limit is 1,000)"),
        ("maya/\ud800.png", "file not found: maya/\ufffd.png"),
    ],
    ids=["component-too-long", "path-too-long", "lone-surrogate"],
)
def test_absurd_image_paths(tmp_path: Path, image: str, message: str) -> None:
    data = portfolio_data("maya", pieces=[piece_data("butterfly", image=image)])
    path = write_portfolio(tmp_path / "room", json.dumps(data))
    (error,) = errors_of(path, tmp_path / "room")
    assert error.startswith(f"{FILE}: pieces[0].image: {message}")


# -- records and exports -------------------------------------------------------------------------


def test_a_record_with_absurd_sizes_resumes_with_texts_capped() -> None:
    portfolio = Portfolio(Student("maya", "Maya", "2"), (Piece("butterfly", "Butterfly"),))
    record = {
        "strengths": ["kind"] * 100_000,
        "said": {"welcome": "w" * 10_000_000},
        "chosen": ["butterfly"] * 100_000,
        "started": "9" * 1_000_000,
    }
    conference = from_record(record, portfolio, ClassInfo("Room 12"))
    assert conference.chosen == ["butterfly"]
    assert len(conference.said["welcome"]) == MAX_TEXT_LENGTH
    assert len(conference.strengths) == MAX_LIST_ITEMS  # as many as a portfolio may give


@pytest.mark.parametrize(
    "student_id", [5, None, ["maya"], {"id": "maya"}, True, "sam", "x" * 10**6]
)
def test_a_record_with_a_wrong_typed_student_id_resumes_as_the_portfolios_student(
    student_id: object,
) -> None:
    portfolio = Portfolio(Student("maya", "Maya", "2"), (Piece("butterfly", "Butterfly"),))
    record = {"student_id": student_id, "said": {"welcome": "hi"}, "step": "welcome"}
    conference = from_record(record, portfolio, ClassInfo("Room 12"))
    assert conference.said == {"welcome": "hi"}
    assert to_record(conference)["student_id"] == "maya"


def test_an_absurd_cell_is_cut_for_spreadsheets_but_kept_in_json() -> None:
    record = {"student_id": "maya", "commitment": "c" * 1_000_000}
    out = io.StringIO(newline="")
    records_to_csv([record], out)
    [row] = csv.DictReader(io.StringIO(out.getvalue(), newline=""))
    cell = row["commitment"]
    assert len(cell) == MAX_CELL_LENGTH and cell.endswith(CUT_MARK)
    out = io.StringIO()
    records_to_json([record], out)
    assert json.loads(out.getvalue())["conferences"][0]["commitment"] == "c" * 1_000_000


# -- odd file names ------------------------------------------------------------------------------


def test_file_names_that_are_not_text_are_shown_escaped(tmp_path: Path) -> None:
    root = make_class(tmp_path / "room")
    (root / "portfolios" / "ok.json").write_bytes(b"{}")
    folder = bytes(root / "portfolios")
    with open(folder + b"/caf\xe9.json", "wb") as handle:  # Latin-1 bytes in the name
        handle.write(b"[]")
    with open(folder + b"/\x1b[2Jboom.json", "wb") as handle:  # clears the screen if printed
        handle.write(b"null")
    problems, _ = validate_path(root)
    shown = sorted(lines(problems))
    assert shown == [
        "portfolios/\\x1b[2Jboom.json: must be an object, not null",
        "portfolios/caf\\udce9.json: must be an object, not a list",
        'portfolios/ok.json: format: is required; this slc reads "slc-portfolio/1"',
    ]
    for line in shown:
        assert line.isprintable()
        line.encode("utf-8")
