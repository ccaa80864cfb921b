"""Property-based tests: every loader gives a valid model or named problems, never a traceback.

The loaders' documented failure mode is a :class:`ProblemList` of ``FILE: FIELD: message``
problems (and None for a file that cannot be used at all). These properties feed them
any JSON value, near-valid documents (``test_fuzz_strategies``) and arbitrary bytes on
disk.
"""

from __future__ import annotations

import json
import math
import os
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from slc_tui.core.class_folder import load_class_folder, load_portfolio_file
from slc_tui.core.classinfo import ClassInfo, parse_class_info
from slc_tui.core.fields import is_valid_id
from slc_tui.core.json_files import MAX_JSON_BYTES, read_json_file
from slc_tui.core.portfolio import parse_portfolio, resolve_image
from slc_tui.core.problems import Problem, ProblemList
from slc_tui.core.prompts import ClassPrompts, parse_prompts
from slc_tui.core.steps import STEP_IDS
from slc_tui.teacher.validation import validate_path
from tests.unit.test_fuzz_strategies import (
    FUZZ,
    FUZZ_DISK,
    FUZZ_FOLDER,
    check_portfolio,
    check_problems,
    class_files,
    images,
    is_clean,
    json_values,
    portfolios,
    prompt_files,
    texts,
)

#: A real 1x1 PNG, so ``slc validate`` gets past the header of some pictures.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201a5f5d0d60000000049454e44ae426082"
)
#: The messages read_json_file may give for a file it cannot parse.
READ_FAILURES = re.compile(
    r"(line \d+, column \d+: )?invalid JSON: |is not UTF-8 text \(bad byte at offset \d+\)"
    r"|is UTF-16 text|is empty|file is too large"
)


@pytest.fixture(scope="module")
def class_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A class folder with the awkward things an image path can point at."""
    root = tmp_path_factory.mktemp("fuzz") / "room"
    maya = root / "portfolios" / "maya"
    maya.mkdir(parents=True)
    (maya / "butterfly.png").write_bytes(PNG)
    (maya / "dir.png").mkdir()
    (root / "outside.png").write_bytes(PNG)
    secret = tmp_path_factory.mktemp("outside") / "secret.png"
    secret.write_bytes(PNG)
    (maya / "out-link.png").symlink_to(secret)
    (maya / "loop.png").symlink_to(maya / "loop.png")
    if hasattr(os, "mkfifo"):
        os.mkfifo(maya / "fifo.png")
    return root


def _parse(parse: Any, data: Any, file: str, **kwargs: Any) -> tuple[Any, ProblemList]:
    problems = ProblemList(file)
    result = parse(data, problems, **kwargs)
    check_problems(problems, file)
    if result is None:
        assert problems.has_errors, "a refused file must say why"
    return result, problems


# -- parsing values ----------------------------------------------------------------------------


def _check_class_info(info: ClassInfo | None) -> None:
    if info is not None:
        assert 5 <= info.minutes <= 120 and isinstance(info.minutes, int)
        assert info.name and all(is_clean(t) for t in (info.name, info.teacher, info.term))
        assert info.language and len(info.language) <= 20
        assert info.paper in ("a4", "letter")


@FUZZ
@given(json_values)
def test_class_json_any_value(data: Any) -> None:
    info, _ = _parse(parse_class_info, data, "class.json")
    _check_class_info(info)


@FUZZ
@given(class_files)
def test_class_json_near_valid(data: Any) -> None:
    info, _ = _parse(parse_class_info, data, "class.json")
    _check_class_info(info)


def _check_prompts(prompts: ClassPrompts | None) -> None:
    if prompts is not None:
        assert set(prompts.steps) <= STEP_IDS
        every = [*prompts.parent_questions, *prompts.commitment_ideas]
        every += [text for group in prompts.steps.values() for text in group]
        assert all(text and is_clean(text) for text in every)


@FUZZ
@given(json_values)
def test_prompts_json_any_value(data: Any) -> None:
    prompts, _ = _parse(parse_prompts, data, "prompts.json")
    _check_prompts(prompts)


@FUZZ
@given(prompt_files)
@example({"format": "slc-prompts/1", "commitment_ideas": ["\x08"]})  # kept as ""
def test_prompts_json_near_valid(data: Any) -> None:
    prompts, _ = _parse(parse_prompts, data, "prompts.json")
    _check_prompts(prompts)


@FUZZ
@given(json_values)
def test_portfolio_any_value(class_root: Path, data: Any) -> None:
    folder = class_root / "portfolios"
    kwargs = {"portfolio_dir": folder, "class_root": class_root}
    portfolio, _ = _parse(parse_portfolio, data, "portfolios/x.json", **kwargs)
    if portfolio is not None:
        check_portfolio(portfolio, class_root)


@FUZZ
@given(portfolios)
def test_portfolio_near_valid(class_root: Path, data: Any) -> None:
    folder = class_root / "portfolios"
    kwargs = {"portfolio_dir": folder, "class_root": class_root}
    portfolio, _problems = _parse(parse_portfolio, data, "portfolios/x.json", **kwargs)
    if portfolio is not None:
        check_portfolio(portfolio, class_root)
        # Every piece kept with a picture path either found the file or says why not.
        for piece in portfolio.pieces:
            assert (piece.image_path is None) == bool(piece.image_problem) or not piece.image


@FUZZ
@given(images)
def test_resolve_image_never_raises(class_root: Path, image: str) -> None:
    path, reason = resolve_image(image, class_root / "portfolios", class_root)
    assert (path is None) == bool(reason) or image == ""
    if path is not None:
        assert path.is_relative_to(class_root.resolve()) and path.is_file()


# -- bytes on disk -----------------------------------------------------------------------------

BAD_NUMBER = re.compile(r"^line \d+, column \d+: invalid JSON: .*(is too large|not a JSON value)")
#: Tokens Python's json accepts but strict JSON (and slc) does not, or cannot hold.
ODD_TOKENS = ["NaN", "Infinity", "-Infinity", "1e999", "-1e400", "0.5e-999", "-0", "1E+2"]
ODD_PLACEHOLDER = "\x00odd token here\x00"
odd_tokens = st.one_of(st.sampled_from(ODD_TOKENS), st.just(4400).map(lambda n: "9" * n))


DAMAGE = ["none", "odd value", "odd value", "odd token", "cut", "flip", "bom", "cut+flip"]


@st.composite
def json_bytes(draw: st.DrawFn) -> bytes:
    """Serialised JSON, then perhaps damaged: NaN / 1e999 where a value belongs, an odd
    token anywhere, a cut, a flipped byte, a byte-order mark (UTF-8 or UTF-16)."""
    value = draw(st.one_of(portfolios, class_files, json_values))
    damage = draw(st.sampled_from(DAMAGE))
    if damage == "odd value":
        value = {"odd": ODD_PLACEHOLDER, "value": value}
    text = json.dumps(
        value, ensure_ascii=draw(st.booleans()), indent=draw(st.sampled_from([None, 1]))
    )
    if damage == "odd value":
        text = text.replace(json.dumps(ODD_PLACEHOLDER), draw(odd_tokens), 1)
    elif damage == "odd token":
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(odd_tokens) + text[at:]
    raw = text.encode("utf-8", "surrogatepass")
    if damage in ("cut", "cut+flip"):
        raw = raw[: draw(st.integers(0, len(raw)))]
    if raw and damage in ("flip", "cut+flip"):
        at = draw(st.integers(0, len(raw) - 1))
        raw = raw[:at] + bytes([draw(st.integers(0, 255))]) + raw[at + 1 :]
    if damage == "bom":
        raw = draw(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"])) + raw
    return raw


def _finite(value: Any) -> bool:
    """True when ``value`` holds no NaN or infinity (what a loaded file may hold)."""
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, list):
        return all(_finite(item) for item in value)
    if isinstance(value, dict):
        return all(_finite(item) for item in value.values())
    return True


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("bytes") / "x.json"


def _read(path: Path, raw: bytes) -> tuple[Any, ProblemList]:
    path.write_bytes(raw)
    problems = ProblemList("x.json")
    value = read_json_file(path, problems)
    check_problems(problems, "x.json")
    assert len(problems) <= 1
    if problems:
        assert problems[0].field == ""
        assert READ_FAILURES.match(problems[0].message), problems[0].message
    return value, problems


def _python_reading(raw: bytes) -> tuple[Any, json.JSONDecodeError | None]:
    """What plain ``json.loads`` makes of ``raw`` (after a UTF-8 BOM), to compare with."""
    try:
        return json.loads(raw.decode("utf-8-sig")), None
    except json.JSONDecodeError as exc:
        return None, exc


@FUZZ
@given(st.binary(max_size=300))
def test_read_json_file_any_bytes(scratch: Path, raw: bytes) -> None:
    _read(scratch, raw)


@FUZZ
@given(json_bytes())
def test_read_json_file_damaged_json(scratch: Path, raw: bytes) -> None:
    value, problems = _read(scratch, raw)
    if problems and problems[0].message.startswith("file is too large"):
        assert len(raw) > MAX_JSON_BYTES
        return
    try:
        expected, error = _python_reading(raw)
    except (ValueError, RecursionError):  # not UTF-8, or a number Python cannot hold
        assert problems.has_errors
        return
    message = problems[0].message if problems else ""
    if error is not None and raw.decode("utf-8-sig").strip():
        # A syntax error keeps Python's line and column (unless a NaN or 1e999 came first).
        where = f"line {error.lineno}, column {error.colno}: invalid JSON: "
        assert message.startswith(where) or BAD_NUMBER.search(message), (where, message)
    elif problems:
        assert message == "is empty (it should hold a JSON object)" or BAD_NUMBER.search(message)
    else:
        assert _finite(value) and value == expected


@FUZZ_DISK
@given(json_bytes())
def test_portfolio_file_from_bytes(class_root: Path, raw: bytes) -> None:
    path = class_root / "portfolios" / "fuzz.json"
    path.write_bytes(raw)
    entry = load_portfolio_file(path, class_root)
    check_problems(list(entry.problems), "portfolios/fuzz.json")
    if entry.portfolio is None:
        assert any(p.is_error for p in entry.problems)
    else:
        check_portfolio(entry.portfolio, class_root)


# -- the whole class folder and ``slc validate`` -----------------------------------------------


def _content(value: Any) -> bytes:
    return value if isinstance(value, bytes) else json.dumps(value).encode("utf-8")


@st.composite
def class_folders(draw: st.DrawFn) -> dict[str, bytes | None]:
    """File name → bytes for a class folder (None: leave the file out)."""
    files: dict[str, bytes | None] = {
        "class.json": _content(draw(st.one_of(class_files, json_values, json_bytes()))),
        "prompts.json": draw(st.none() | st.one_of(prompt_files, json_bytes()).map(_content)),
    }
    for stem in draw(st.lists(st.sampled_from(["maya", "leo", "Bad Name", "x"]), max_size=3)):
        files[f"portfolios/{stem}.json"] = _content(draw(st.one_of(portfolios, json_bytes())))
    return files


@FUZZ_FOLDER
@given(class_folders())
def test_class_folder_and_validate(files: dict[str, bytes | None]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "room"
        (root / "portfolios" / "maya").mkdir(parents=True)
        (root / "portfolios" / "maya" / "butterfly.png").write_bytes(PNG)
        (root / "portfolios" / "maya" / "story.png").write_bytes(b"not a picture")
        for name, raw in files.items():
            if raw is not None:
                (root / name).write_bytes(raw)
        folder = load_class_folder(root)
        problems, _checked = validate_path(root)
        names = {"class.json", "prompts.json", "portfolios", *files}
        assert all(isinstance(p, Problem) and p.file in names for p in problems)
        for name in names:
            check_problems([p for p in problems if p.file == name], name)
        assert len(folder.students) == sum(1 for name in files if name.startswith("portfolios/"))
        assert folder.info.name
        ids = [p.student.id for p in folder.portfolios]
        assert len(set(ids)) == len(ids) and all(is_valid_id(i) for i in ids)
        for portfolio in folder.portfolios:
            check_portfolio(portfolio, root)
        for name in files:
            if name.startswith("portfolios/"):
                single, _ = validate_path(root / name)
                check_problems(single, name)


@FUZZ
@given(texts)
@example("\u0300\x08\u05a2")  # the accents' order only shows once the control is gone
def test_clean_text_keeps_text_clean(text: str) -> None:
    from slc_tui.core.text import clean_line, clean_text

    cleaned = clean_text(text)
    assert is_clean(cleaned) and clean_text(cleaned) == cleaned
    assert "\n" not in clean_line(text) and is_clean(clean_line(text))
