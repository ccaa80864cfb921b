"""Loading and validating one portfolio file: every rule names the file and the field."""

from __future__ import annotations

import json
import os
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from slc_tui.core.class_folder import StudentEntry, load_portfolio_file
from slc_tui.core.json_files import MAX_JSON_BYTES
from slc_tui.core.portfolio import Goal
from slc_tui.core.problems import Problem
from tests.factories import make_class, piece_data, portfolio_data, write_json, write_png

FILE = "portfolios/maya.json"


def load(
    root: Path, data: Any = None, *, raw: bytes | None = None, bom: bool = False
) -> StudentEntry:
    """Make a class whose ``portfolios/maya.json`` holds ``data`` (or ``raw`` bytes) and load it.

    The images of the default pieces (``maya/butterfly.png``…) always exist; others do not.
    """
    make_class(root, [portfolio_data("maya")])
    path = root / "portfolios" / "maya.json"
    if raw is not None:
        path.write_bytes(raw)
    elif data is not None:
        write_json(path, data, bom=bom)
    return load_portfolio_file(path, root)


def errors(entry: StudentEntry) -> list[Problem]:
    return [p for p in entry.problems if p.is_error]


def only_error(entry: StudentEntry) -> Problem:
    found = errors(entry)
    assert len(found) == 1, [str(p) for p in entry.problems]
    return found[0]


# -- a good portfolio ----------------------------------------------------------------------


def test_good_portfolio_loads_every_field(tmp_path: Path) -> None:
    nfd_name = unicodedata.normalize("NFD", "María José Ñúñez")
    data = portfolio_data(
        "maya",
        name=nfd_name,
        grade="2",
        pieces=[
            piece_data("butterfly", title=unicodedata.normalize("NFD", "Mariposa café")),
            piece_data("story", date="2026-10"),
            piece_data("arrays", subject="Maths", image=""),
        ],
        chosen=["story", "butterfly"],
        strengths=[unicodedata.normalize("NFD", "Je suis créative"), "  ", "I help 🙂"],
        next_steps=["Spelling"],
        goals=[{"goal": "Read more", "how": "Every night", "by": "2027-03-01"}],
        prompts={"piece": ["Tell them about the colours you picked."]},
    )
    root = tmp_path / "room"
    entry = load(root, data)

    assert entry.problems == ()
    portfolio = entry.portfolio
    assert portfolio is not None
    assert portfolio.source == root / "portfolios" / "maya.json"
    student = portfolio.student
    assert (student.id, student.grade) == ("maya", "2")
    assert student.name == "María José Ñúñez"
    assert unicodedata.is_normalized("NFC", student.name)
    assert student.learner == "I learn best by building things."
    assert student.first_name == "María"
    assert [p.id for p in portfolio.pieces] == ["butterfly", "story", "arrays"]
    butterfly = portfolio.piece("butterfly")
    assert butterfly.title == "Mariposa café"
    assert unicodedata.is_normalized("NFC", butterfly.title)
    assert butterfly.subject == "Science"
    assert butterfly.date == "2026-10-03"
    assert butterfly.image == "maya/butterfly.png"
    assert butterfly.image_path == (root / "portfolios" / "maya" / "butterfly.png").resolve()
    assert butterfly.image_problem == ""
    assert butterfly.why_chosen.startswith("I chose butterfly")
    assert butterfly.what_i_did == "I drew each stage."
    assert butterfly.skills == "Observing, labelling."
    assert butterfly.proud_of == "The colours."
    assert butterfly.next_time == "Add more detail."
    assert [name for name, _ in butterfly.notes()] == [
        "why_chosen",
        "what_i_did",
        "skills",
        "proud_of",
        "next_time",
    ]
    assert portfolio.piece("story").date == "2026-10"
    assert portfolio.piece("arrays").image_path is None
    assert portfolio.chosen == ("story", "butterfly")
    assert portfolio.strengths == ("Je suis créative", "I help 🙂")
    assert unicodedata.is_normalized("NFC", portfolio.strengths[0])
    assert portfolio.next_steps == ("Spelling",)
    assert portfolio.goals == (Goal("Read more", "Every night", "2027-03-01"),)
    assert portfolio.prompts == {"piece": ("Tell them about the colours you picked.",)}
    with pytest.raises(KeyError):
        portfolio.piece("nope")


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    entry = load(tmp_path / "room", portfolio_data("maya"), bom=True)
    assert entry.problems == ()
    assert entry.portfolio is not None
    assert entry.portfolio.student.name == "Maya López"


@pytest.mark.parametrize(("grade", "expected"), [("K", "K"), ("12", "12"), (7, "7")])
def test_valid_grades(tmp_path: Path, grade: Any, expected: str) -> None:
    entry = load(tmp_path / "room", portfolio_data("maya", grade=grade))
    assert entry.portfolio is not None, [str(p) for p in entry.problems]
    assert entry.portfolio.student.grade == expected


def test_backslash_image_path_is_accepted(tmp_path: Path) -> None:
    data = portfolio_data("maya", pieces=[piece_data("butterfly", image="maya\\butterfly.png")])
    root = tmp_path / "room"
    write_png(root / "portfolios" / "maya" / "butterfly.png")
    entry = load(root, data)
    assert entry.portfolio is not None
    assert entry.portfolio.pieces[0].image_path is not None
    assert errors(entry) == []


# -- each rule: one error naming file and field ------------------------------------------------


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """A mutation that sets (or, for ``...``, deletes) a dotted path like ``student.grade``."""

    def mutate(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = data
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        key: Any = int(last) if last.isdigit() else last
        if value is ...:
            del target[key]
        else:
            target[key] = value

    return mutate


FOUR_PIECES = [piece_data(pid, image="") for pid in ("a1", "b2", "c3", "d4")]

RULES: list[tuple[str, Callable[[dict[str, Any]], None], str, str]] = [
    ("format missing", _set("format", ...), "format", "is required"),
    ("format wrong", _set("format", "slc-class/1"), "format", "unknown format 'slc-class/1'"),
    ("format version", _set("format", "slc-portfolio/2"), "format", "unknown format"),
    ("format not text", _set("format", 1), "format", "unknown format 1"),
    ("student missing", _set("student", ...), "student", "is required"),
    ("student a list", _set("student", []), "student", "must be an object, not a list"),
    ("id uppercase", _set("student.id", "Maya"), "student.id", "lowercase letters"),
    ("id empty", _set("student.id", ""), "student.id", "lowercase letters"),
    ("id leading dash", _set("student.id", "-maya"), "student.id", "lowercase letters"),
    ("id slash", _set("student.id", "../maya"), "student.id", "lowercase letters"),
    ("id too long", _set("student.id", "m" * 65), "student.id", "at most 64"),
    ("id a number", _set("student.id", 7), "student.id", "lowercase letters"),
    ("grade 13 text", _set("student.grade", "13"), "student.grade", "must be K or 1-12, not '13'"),
    ("grade 13 number", _set("student.grade", 13), "student.grade", "must be K or 1-12"),
    ("grade lower k", _set("student.grade", "k"), "student.grade", "not 'k'"),
    ("grade zero", _set("student.grade", "0"), "student.grade", "must be K or 1-12"),
    ("grade true", _set("student.grade", True), "student.grade", "must be K or 1-12"),
    ("grade missing", _set("student.grade", ...), "student.grade", "must be K or 1-12"),
    ("name missing", _set("student.name", ...), "student.name", "is required"),
    ("name empty", _set("student.name", ""), "student.name", "required"),
    ("name blank", _set("student.name", " \t\x00 "), "student.name", "required"),
    ("name a number", _set("student.name", 5), "student.name", "must be text, not a number"),
    ("pieces not list", _set("pieces", {}), "pieces", "must be a list, not an object"),
    ("piece not object", _set("pieces.1", "story"), "pieces[1]", "must be an object, not text"),
    ("piece id bad", _set("pieces.2.id", "Arrays!"), "pieces[2].id", "lowercase letters"),
    ("piece id dup", _set("pieces.2.id", "butterfly"), "pieces[2].id", "used by another piece"),
    ("title missing", _set("pieces.0.title", ...), "pieces[0].title", "is required"),
    ("title empty", _set("pieces.0.title", "  "), "pieces[0].title", "required"),
    ("date month 13", _set("pieces.1.date", "2026-13-01"), "pieces[1].date", "YYYY-MM-DD"),
    ("date US style", _set("pieces.1.date", "10/03/2026"), "pieces[1].date", "YYYY-MM-DD"),
    ("date Feb 30", _set("pieces.1.date", "2026-02-30"), "pieces[1].date", "YYYY-MM-DD"),
    ("date other digits", _set("pieces.1.date", "٢٠٢٦-10"), "pieces[1].date", "YYYY-MM-DD"),
    ("date a number", _set("pieces.1.date", 2026), "pieces[1].date", "must be text"),
    ("image absolute", _set("pieces.2.image", "/etc/passwd"), "pieces[2].image", "absolute"),
    ("image drive", _set("pieces.2.image", "C:\\x.png"), "pieces[2].image", "absolute"),
    (
        "image dot-dot",
        _set("pieces.2.image", "../../etc/passwd"),
        "pieces[2].image",
        "leaves the class folder",
    ),
    (
        "image missing",
        _set("pieces.2.image", "maya/nothing.png"),
        "pieces[2].image",
        "file not found: maya/nothing.png",
    ),
    ("chosen unknown", _set("chosen", ["story", "dragon"]), "chosen[1]", "'dragon' is not a piece"),
    ("chosen number", _set("chosen", [3]), "chosen[0]", "3 is not a piece"),
    ("chosen twice", _set("chosen", ["story", "story"]), "chosen[1]", "chosen twice"),
    ("chosen not list", _set("chosen", "story"), "chosen", "must be a list of piece ids"),
    ("strengths text", _set("strengths", "kind"), "strengths", "must be a list of text"),
    ("strength number", _set("strengths", ["kind", 5]), "strengths[1]", "must be text"),
    ("goal no text", _set("goals", [{"how": "x"}]), "goals[0].goal", "is required"),
    ("goal bad by", _set("goals.0.by", "spring"), "goals[0].by", "YYYY-MM-DD or YYYY-MM"),
    ("goals object", _set("goals", {}), "goals", "must be a list"),
    ("prompts list", _set("prompts", ["x"]), "prompts", "must be an object"),
    ("prompt bad", _set("prompts", {"piece": "x"}), "prompts.piece", "must be a list of text"),
]


@pytest.mark.parametrize(
    ("mutate", "field", "message"),
    [rule[1:] for rule in RULES],
    ids=[rule[0] for rule in RULES],
)
def test_each_rule_names_file_and_field(
    tmp_path: Path, mutate: Callable[[dict[str, Any]], None], field: str, message: str
) -> None:
    data = portfolio_data("maya")
    mutate(data)
    entry = load(tmp_path / "room", data)
    problem = only_error(entry)
    assert problem.file == FILE
    assert problem.field == field
    assert message in problem.message
    assert str(problem).startswith(f"{FILE}: {field}: ")
    assert message in str(problem)


def test_chosen_four_ids_is_an_error_on_chosen(tmp_path: Path) -> None:
    data = portfolio_data("maya", pieces=FOUR_PIECES, chosen=["a1", "b2", "c3", "d4"])
    entry = load(tmp_path / "room", data)
    problem = only_error(entry)
    assert str(problem) == f"{FILE}: chosen: at most 3 pieces may be chosen"
    assert entry.portfolio is not None
    assert entry.portfolio.chosen == ()


def test_bad_piece_is_left_out_but_the_rest_load(tmp_path: Path) -> None:
    data = portfolio_data("maya")
    data["pieces"][1]["id"] = "Bad Id"
    entry = load(tmp_path / "room", data)
    assert entry.portfolio is not None
    assert [p.id for p in entry.portfolio.pieces] == ["butterfly", "arrays"]


def test_image_problem_keeps_the_piece_without_a_path(tmp_path: Path) -> None:
    data = portfolio_data("maya")
    data["pieces"][0]["image"] = "../../etc/passwd"
    entry = load(tmp_path / "room", data)
    assert entry.portfolio is not None
    piece = entry.portfolio.piece("butterfly")
    assert piece.image_path is None
    assert "leaves the class folder" in piece.image_problem


def test_symlink_pointing_outside_the_class_folder_is_refused(tmp_path: Path) -> None:
    secret = write_png(tmp_path / "outside" / "secret.png")
    root = tmp_path / "room"
    link = root / "portfolios" / "maya" / "link.png"
    link.parent.mkdir(parents=True)
    link.symlink_to(secret)
    data = portfolio_data("maya", pieces=[piece_data("butterfly", image="maya/link.png")])
    problem = only_error(load(root, data))
    assert str(problem).startswith(f"{FILE}: pieces[0].image: ")
    assert "leaves the class folder" in problem.message


def test_symlink_inside_the_class_folder_is_fine(tmp_path: Path) -> None:
    root = tmp_path / "room"
    real = write_png(root / "portfolios" / "shared" / "real.png")
    link = root / "portfolios" / "maya" / "link.png"
    link.parent.mkdir(parents=True)
    link.symlink_to(real)
    data = portfolio_data("maya", pieces=[piece_data("butterfly", image="maya/link.png")])
    entry = load(root, data)
    assert errors(entry) == []
    assert entry.portfolio is not None
    assert entry.portfolio.pieces[0].image_path == real.resolve()


# -- warnings ------------------------------------------------------------------------------------


def test_unknown_keys_warn_but_load(tmp_path: Path) -> None:
    data = portfolio_data("maya", colour="blue")
    data["student"]["pet"] = "cat"
    data["pieces"][1]["rating"] = 5
    data["prompts"] = {"dance": ["x"]}
    entry = load(tmp_path / "room", data)
    assert entry.portfolio is not None
    assert errors(entry) == []
    assert sorted(str(p) for p in entry.problems) == sorted(
        [
            f"{FILE}: colour: warning: unknown field (ignored)",
            f"{FILE}: student.pet: warning: unknown field (ignored)",
            f"{FILE}: pieces[1].rating: warning: unknown field (ignored)",
            f"{FILE}: prompts.dance: warning: unknown step id (ignored)",
        ]
    )


def test_file_name_that_differs_from_student_id_warns(tmp_path: Path) -> None:
    root = make_class(tmp_path / "room", {"maya-l": portfolio_data("maya")})
    entry = load_portfolio_file(root / "portfolios" / "maya-l.json", root)
    assert entry.portfolio is not None
    assert [str(p) for p in entry.problems] == [
        "portfolios/maya-l.json: student.id: warning: is 'maya' but the file is maya-l.json"
    ]


# -- files that are not a portfolio at all --------------------------------------------------------


def test_not_utf8_gives_a_clear_message(tmp_path: Path) -> None:
    raw = json.dumps(portfolio_data("maya"), ensure_ascii=False).encode("latin-1")
    problem = only_error(load(tmp_path / "room", raw=raw))
    assert problem.field == ""
    assert str(problem).startswith(f"{FILE}: is not UTF-8 text")
    assert "save it as UTF-8" in str(problem)


def test_json_syntax_error_gives_line_and_column(tmp_path: Path) -> None:
    entry = load(tmp_path / "room", raw=b'{\n "format": "slc-portfolio/1",\n "b": ]\n}')
    problem = only_error(entry)
    assert entry.portfolio is None
    assert str(problem).startswith(f"{FILE}: line 3, column 7: invalid JSON")


def test_missing_file_is_reported(tmp_path: Path) -> None:
    root = make_class(tmp_path / "room")
    entry = load_portfolio_file(root / "portfolios" / "ghost.json", root)
    assert entry.portfolio is None
    assert [str(p) for p in entry.problems] == ["portfolios/ghost.json: file not found"]


def test_huge_file_is_refused_before_parsing(tmp_path: Path) -> None:
    text = json.dumps(portfolio_data("maya"))
    raw = (text[:-1] + " " * (MAX_JSON_BYTES + 10) + "}").encode()
    entry = load(tmp_path / "room", raw=raw)
    problem = only_error(entry)
    assert entry.portfolio is None
    assert "too large" in str(problem)
    assert str(problem).startswith(f"{FILE}: file is too large")


def test_file_just_under_the_limit_is_parsed(tmp_path: Path) -> None:
    text = json.dumps(portfolio_data("maya"))
    raw = (text[:-1] + " " * (MAX_JSON_BYTES - len(text) - 10) + "}").encode()
    entry = load(tmp_path / "room", raw=raw)
    assert entry.portfolio is not None


@pytest.mark.parametrize("depth", [100_000, 2_000])
def test_deep_nesting_does_not_raise(tmp_path: Path, depth: int) -> None:
    raw = ("[" * depth + "]" * depth).encode()
    entry = load(tmp_path / "room", raw=raw)
    assert entry.portfolio is None
    assert errors(entry), "deep nesting must be reported"
    assert str(errors(entry)[0]).startswith(FILE + ": ")


def test_deep_nesting_inside_a_field_does_not_raise(tmp_path: Path) -> None:
    text = json.dumps(portfolio_data("maya"))
    raw = (text[:-1] + ', "strengths": ' + "[" * 50_000 + "]" * 50_000 + "}").encode()
    entry = load(tmp_path / "room", raw=raw)
    assert entry.portfolio is None
    assert errors(entry)


def test_a_hundred_thousand_pieces_are_refused_quickly(tmp_path: Path) -> None:
    pieces = [{"id": "p"}] * 100_000
    data = portfolio_data("maya", pieces=[])
    data["pieces"] = pieces
    root = make_class(tmp_path / "room")
    path = root / "portfolios" / "maya.json"
    path.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    assert path.stat().st_size < MAX_JSON_BYTES  # refused for its length, not its size
    start = time.perf_counter()
    entry = load_portfolio_file(path, root)
    elapsed = time.perf_counter() - start
    problem = only_error(entry)
    assert problem.field == "pieces"
    assert "100,000" in problem.message and "limit" in problem.message
    assert elapsed < 1.5


def test_a_hundred_thousand_strengths_are_refused(tmp_path: Path) -> None:
    data = portfolio_data("maya", strengths=["kind"] * 100_000)
    problem = only_error(load(tmp_path / "room", data))
    assert problem.field == "strengths"
    assert "limit" in problem.message


def test_overlong_text_is_refused_not_silently_cut(tmp_path: Path) -> None:
    data = portfolio_data("maya")
    data["pieces"][0]["what_i_did"] = "x" * 10_000
    problem = only_error(load(tmp_path / "room", data))
    assert problem.field == "pieces[0].what_i_did"
    assert "too long" in problem.message


@pytest.mark.parametrize(
    ("value", "kind"),
    [([], "a list"), (5, "a number"), (None, "null"), ("maya", "text"), (True, "true/false")],
)
def test_non_object_json_is_a_clear_error(tmp_path: Path, value: Any, kind: str) -> None:
    entry = load(tmp_path / "room", raw=json.dumps(value).encode())
    assert entry.portfolio is None
    problem = only_error(entry)
    assert str(problem) == f"{FILE}: must be an object, not {kind}"


def test_problem_str_formats() -> None:
    assert str(Problem("a.json", "pieces[2].image", "bad")) == "a.json: pieces[2].image: bad"
    assert str(Problem("a.json", "", "bad")) == "a.json: bad"
    assert str(Problem("a.json", "x", "odd", "warning")) == "a.json: x: warning: odd"
    assert Problem("a.json", "x", "odd", "warning").is_error is False


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs os.mkfifo")
def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    root = make_class(tmp_path / "room")
    path = root / "portfolios" / "maya.json"
    os.mkfifo(path)
    problem = only_error(load_portfolio_file(path, root))
    assert str(problem) == f"{FILE}: is not a regular file"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_link_to_an_endless_device_is_refused(tmp_path: Path) -> None:
    root = make_class(tmp_path / "room")
    path = root / "portfolios" / "maya.json"
    path.symlink_to("/dev/zero")
    problem = only_error(load_portfolio_file(path, root))
    assert str(problem) == f"{FILE}: is not a regular file"


def test_a_folder_named_like_a_portfolio_is_refused(tmp_path: Path) -> None:
    root = make_class(tmp_path / "room")
    path = root / "portfolios" / "maya.json"
    path.mkdir()
    problem = only_error(load_portfolio_file(path, root))
    assert problem.file == FILE


# -- the class-folder rule for pictures, called directly ----------------------------------------


def _class_root(tmp_path: Path) -> Path:
    root = tmp_path / "class"
    (root / "portfolios" / "maya").mkdir(parents=True)
    return root


def test_resolve_image_allows_dotdot_that_stays_inside(tmp_path: Path) -> None:
    from slc_tui.core.portfolio import resolve_image

    root = _class_root(tmp_path)
    (root / "portfolios" / "maya" / "x.png").write_bytes(b"x")
    path, problem = resolve_image("maya/../maya/x.png", root / "portfolios", root)
    assert (path, problem) == ((root / "portfolios" / "maya" / "x.png").resolve(), "")


@pytest.mark.parametrize(
    ("image", "reason"),
    [
        ("\\\\server\\share\\x.png", "absolute"),
        ("../../../x.png", "leaves the class folder"),
        ("maya/../../../y.png", "leaves the class folder"),
    ],
)
def test_resolve_image_refuses_unc_and_escapes(tmp_path: Path, image: str, reason: str) -> None:
    from slc_tui.core.portfolio import resolve_image

    root = _class_root(tmp_path)
    path, problem = resolve_image(image, root / "portfolios", root)
    assert path is None
    assert reason in problem


def test_resolve_image_with_no_image_is_no_problem(tmp_path: Path) -> None:
    from slc_tui.core.portfolio import resolve_image

    root = _class_root(tmp_path)
    assert resolve_image("", root / "portfolios", root) == (None, "")
