"""The JSON Schemas in docs/schemas/ are valid and agree with the loaders in slc_tui.core."""

from __future__ import annotations

import copy
import io
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from referencing import Registry, Resource

from slc_tui.core.classinfo import parse_class_info
from slc_tui.core.conference import Conference
from slc_tui.core.portfolio import Goal, parse_portfolio
from slc_tui.core.problems import ProblemList
from slc_tui.core.prompts import default_prompts_json, parse_prompts
from slc_tui.core.record import to_record
from slc_tui.core.schedule_file import parse_schedule
from slc_tui.core.steps import STEP_IDS, StepKind
from slc_tui.export.tabular import records_to_json
from slc_tui.teacher.class_setup import create_class

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_DIR = ROOT / "docs" / "schemas"
SAMPLE_DIR = ROOT / "data" / "sample-class"
SCHEMA_NAMES = ("class", "prompts", "portfolio", "record", "schedule")


def schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


def schema_errors(name: str, document: Any) -> list[str]:
    validator = jsonschema.Draft202012Validator(schema(name))
    return [error.message for error in validator.iter_errors(document)]


def loader_errors(name: str, document: Any, class_root: Path) -> list[str]:
    """The errors (not warnings) the matching loader reports for ``document``."""
    problems = ProblemList(f"{name}.json")
    if name == "class":
        parse_class_info(document, problems)
    elif name == "prompts":
        parse_prompts(document, problems)
    elif name == "schedule":
        parse_schedule(document, problems)
    else:
        folder = class_root / "portfolios"
        parse_portfolio(document, problems, portfolio_dir=folder, class_root=class_root)
    return [str(problem) for problem in problems if problem.is_error]


# -- the schemas themselves ---------------------------------------------------------------


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_schema_is_valid_draft_2020_12(name: str) -> None:
    document = schema(name)
    jsonschema.Draft202012Validator.check_schema(document)
    assert document["$id"] == f"https://slc.example/schemas/{name}.schema.json"
    assert document["title"] and document["description"]


def _properties(node: Any) -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        for key, sub in (node.get("properties") or {}).items():
            found.append((key, sub))
        for value in node.values():
            found.extend(_properties(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_properties(value))
    return found


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_every_property_has_a_description(name: str) -> None:
    missing = [key for key, sub in _properties(schema(name)) if not sub.get("description")]
    assert missing == []


def _closed_objects(node: Any) -> int:
    if isinstance(node, dict):
        closed = node.get("additionalProperties") is False
        return closed + sum(_closed_objects(value) for value in node.values())
    if isinstance(node, list):
        return sum(_closed_objects(value) for value in node)
    return 0


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_unknown_keys_are_allowed(name: str) -> None:
    """The loaders ignore unknown keys with a warning, so the schemas must not refuse them."""
    assert _closed_objects(schema(name)) == 0


def test_step_ids_match_the_code() -> None:
    assert set(schema("prompts")["properties"]["steps"]["properties"]) == STEP_IDS
    assert set(schema("portfolio")["properties"]["prompts"]["properties"]) == STEP_IDS


# -- real files validate --------------------------------------------------------------------


def _sample_files() -> list[tuple[str, Path]]:
    files: list[tuple[str, Path]] = []
    for name in ("class", "prompts"):
        if (SAMPLE_DIR / f"{name}.json").is_file():
            files.append((name, SAMPLE_DIR / f"{name}.json"))
    files.extend(("portfolio", path) for path in sorted(SAMPLE_DIR.glob("portfolios/*.json")))
    return files


@pytest.mark.skipif(not _sample_files(), reason="data/sample-class/ has no files yet")
@pytest.mark.parametrize(
    ("name", "path"),
    _sample_files() or [("", Path())],
    ids=lambda value: value.name if isinstance(value, Path) else value,
)
def test_sample_class_files_match_their_schema(name: str, path: Path) -> None:
    document = json.loads(path.read_text(encoding="utf-8-sig"))
    assert schema_errors(name, document) == []


def test_new_class_files_match_their_schema(tmp_path: Path) -> None:
    folder = create_class(tmp_path / "room12", name="Room 12")
    for name, file in (
        ("class", "class.json"),
        ("prompts", "prompts.json"),
        ("portfolio", "portfolios/example.json"),
    ):
        document = json.loads((folder / file).read_text(encoding="utf-8"))
        assert schema_errors(name, document) == [], file


@pytest.mark.parametrize("grade", ["K", "2", "4", "7", "11"])
def test_default_prompts_match_the_schema(grade: str) -> None:
    assert schema_errors("prompts", default_prompts_json(grade)) == []


@pytest.mark.parametrize("name", ["class", "prompts", "portfolio"])
def test_schema_examples_pass_schema_and_loader(name: str, tmp_path: Path) -> None:
    (tmp_path / "portfolios" / "maya").mkdir(parents=True)
    (tmp_path / "portfolios" / "maya" / "butterfly.png").write_bytes(b"not checked by loader")
    for example in schema(name)["examples"]:
        assert schema_errors(name, example) == []
        assert loader_errors(name, example, tmp_path) == []


# -- schema and loader agree on what is wrong ------------------------------------------------

PORTFOLIO: dict[str, Any] = {
    "format": "slc-portfolio/1",
    "student": {"id": "maya", "name": "Maya López", "grade": "2"},
    "pieces": [
        {"id": "butterfly", "title": "Butterfly life cycle", "date": "2026-10-03"},
        {"id": "story", "title": "My story"},
        {"id": "arrays", "title": "Arrays"},
        {"id": "map", "title": "A map of my street"},
    ],
    "chosen": ["butterfly", "story"],
    "goals": [{"goal": "Read a chapter book.", "by": "2027-03"}],
}
CLASS: dict[str, Any] = {"format": "slc-class/1", "name": "Room 12", "minutes": 20}
PROMPTS: dict[str, Any] = {"format": "slc-prompts/1", "steps": {"piece": ["What was the task?"]}}
SCHEDULE: dict[str, Any] = {
    "format": "slc-schedule/1",
    "day": "2026-11-12",
    "from": "14:00",
    "to": "16:00",
    "slot_minutes": 30,
    "room": "Room 12",
    "entries": [{"student_id": "maya", "name": "Maya López", "start": "14:00", "end": "14:30"}],
}
BASES = {"portfolio": PORTFOLIO, "class": CLASS, "prompts": PROMPTS, "schedule": SCHEDULE}


def _changed(name: str, path: str, value: Any) -> Any:
    """A copy of the base document with the value at dotted ``path`` replaced."""
    document = copy.deepcopy(BASES[name])
    *parents, last = path.split(".")
    node: Any = document
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    if isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value
    return document


REJECTED = [
    ("portfolio", "student.id", "Maya"),
    ("portfolio", "student.id", "-maya"),
    ("portfolio", "student.id", "m" * 65),
    ("portfolio", "pieces.0.id", "my piece"),
    ("portfolio", "student.grade", "13"),
    ("portfolio", "student.grade", "k"),
    ("portfolio", "student.grade", 0),
    ("portfolio", "chosen", ["butterfly", "story", "arrays", "map"]),
    ("portfolio", "chosen", ["butterfly", "butterfly"]),
    ("portfolio", "chosen", "butterfly"),
    ("portfolio", "format", "slc-portfolio/2"),
    ("portfolio", "pieces.0.date", "2026-13-01"),
    ("portfolio", "pieces.0.date", "3 Oct 2026"),
    ("portfolio", "pieces.0.title", "x" * 301),
    ("portfolio", "pieces.0.title", "  "),
    ("portfolio", "student.name", ""),
    ("portfolio", "goals.0.goal", ""),
    ("portfolio", "pieces.0.image", "/etc/passwd.png"),
    ("portfolio", "goals.0.by", "2027-3"),
    ("portfolio", "strengths", ["x" * 2001]),
    ("portfolio", "strengths", ["ok"] * 501),
    ("portfolio", "prompts", ["What was the task?"]),
    ("class", "format", "slc-class/2"),
    ("class", "minutes", 4),
    ("class", "minutes", 121),
    ("class", "minutes", "20"),
    ("class", "name", None),
    ("class", "name", " "),
    ("class", "paper", "A4"),
    ("class", "paper", "legal"),
    ("class", "paper", 4),
    ("prompts", "format", "slc-portfolio/1"),
    ("prompts", "parent_questions", "Ask me anything"),
    ("prompts", "steps", {"piece": [1, 2]}),
    ("schedule", "room", 12),
    ("schedule", "room", "x" * 101),
    ("schedule", "room", ["Room 12"]),
    ("schedule", "entries.0.start", "2pm"),
]


@pytest.mark.parametrize(("name", "path", "value"), REJECTED, ids=lambda v: str(v)[:30])
def test_schema_and_loader_both_reject(name: str, path: str, value: Any, tmp_path: Path) -> None:
    document = _changed(name, path, value)
    assert schema_errors(name, document), "the schema accepts it"
    assert loader_errors(name, document, tmp_path), "the loader accepts it"


def _without_format(name: str) -> Any:
    document = copy.deepcopy(BASES[name])
    del document["format"]
    return document


@pytest.mark.parametrize("name", ["portfolio", "class", "prompts"])
def test_missing_format_is_rejected_by_both(name: str, tmp_path: Path) -> None:
    assert schema_errors(name, _without_format(name))
    assert loader_errors(name, _without_format(name), tmp_path)


ACCEPTED = [
    ("portfolio", "student.grade", 7),
    ("portfolio", "student.grade", "K"),
    ("portfolio", "notes_for_me", "unknown keys are ignored"),
    ("portfolio", "chosen", None),
    ("portfolio", "chosen", []),
    ("portfolio", "pieces.0.date", "2026-10"),
    ("portfolio", "pieces.0.subject", None),
    ("portfolio", "prompts", {"piece": ["Show us"], "lunch": ["unknown step: ignored"]}),
    ("class", "minutes", 5),
    ("class", "minutes", 120),
    ("class", "teacher", None),
    ("class", "paper", "letter"),
    ("class", "paper", None),
    ("prompts", "steps", None),
    ("schedule", "room", "Library, 2nd floor"),
    ("schedule", "room", ""),
    ("schedule", "room", None),
]


@pytest.mark.parametrize(("name", "path", "value"), ACCEPTED, ids=lambda v: str(v)[:30])
def test_schema_and_loader_both_accept(name: str, path: str, value: Any, tmp_path: Path) -> None:
    document = _changed(name, path, value)
    assert schema_errors(name, document) == []
    assert loader_errors(name, document, tmp_path) == []


# -- the saved record and the JSON export ---------------------------------------------------


def _finished_record(tmp_path: Path) -> dict[str, Any]:
    problems = ProblemList("maya.json")
    portfolio = parse_portfolio(
        PORTFOLIO, problems, portfolio_dir=tmp_path / "portfolios", class_root=tmp_path
    )
    info = parse_class_info(CLASS, ProblemList("class.json"))
    assert portfolio is not None and info is not None
    now = datetime(2026, 11, 14, 15, 30, 2)
    conference = Conference.start(portfolio, info, now)
    conference.toggle_piece("arrays")
    conference.say("piece:butterfly", "I drew every stage.")
    conference.set_items(StepKind.QUESTIONS, ["What do you like to read?"])
    conference.set_goals([Goal("Read a chapter book.", "Every night", "2027-03")])
    conference.set_commitment("We will read together.", {0: "Library on Saturdays"}, True)
    while conference.step.kind is not StepKind.WRAP_UP:
        conference.next(now)
    return to_record(conference)


def test_saved_record_matches_the_record_schema(tmp_path: Path) -> None:
    record = _finished_record(tmp_path)
    assert record["status"] == "done"
    assert schema_errors("record", record) == []
    assert schema_errors("record", schema("record")["examples"][0]) == []


def test_json_export_matches_the_export_definition(tmp_path: Path) -> None:
    out = io.StringIO()
    records_to_json([_finished_record(tmp_path)], out, exported=datetime(2026, 11, 15, 8, 0))
    record_schema = schema("record")
    registry = Registry().with_resource(record_schema["$id"], Resource.from_contents(record_schema))
    validator = jsonschema.Draft202012Validator(
        {"$ref": record_schema["$id"] + "#/$defs/export"}, registry=registry
    )
    errors = validator.iter_errors(json.loads(out.getvalue()))
    assert [error.message for error in errors] == []
