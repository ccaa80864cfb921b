"""The fast paths of opening a big class give exactly the answers of the slow ones.

Opening a class of 1,000 students (the ``picker_1000_ms`` benchmark) cleans ~50,000 texts,
checks ~4,000 picture paths and lists 1,000 rows. Each got a cheaper way (see
``docs/performance.md``); these tests hold each to the straightforward version it replaced:
``clean_text`` character by character, ``resolve_image`` with ``Path.resolve`` on every
path, and a picker row laid out by ``rich.table.Table.grid``.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from rich.console import Console
from rich.table import Table

from slc_tui.core.class_folder import load_class_folder
from slc_tui.core.portfolio import RealPaths, resolve_image
from slc_tui.core.text import _DROPPED_CONTROLS, clean_text, printable, without_surrogates
from tests.factories import make_class, piece_data, portfolio_data
from tests.unit.test_fuzz_strategies import FUZZ, texts

# -- clean_text ----------------------------------------------------------------------------------


def clean_text_by_character(value: str, *, max_length: int = 2000, multiline: bool = True) -> str:
    """``clean_text`` as it was: one ``unicodedata.category`` call per character."""
    kept = []
    for char in value[: 4 * max_length].replace("\r\n", "\n").replace("\r", "\n"):
        if char in {"\n", "\t"}:
            kept.append(char if multiline else " ")
        elif unicodedata.category(char) != "Cc":
            kept.append(char)
    text = unicodedata.normalize("NFC", "".join(kept))[:max_length]
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)[:max_length]
    return without_surrogates(text)


def test_the_dropped_controls_are_category_cc_but_tab_and_newline() -> None:
    dropped = {chr(c) for c in range(sys.maxunicode + 1) if _DROPPED_CONTROLS.fullmatch(chr(c))}
    controls = {chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cc"}
    assert dropped == controls - {"\t", "\n"}  # (no "\r" is left by then)


@FUZZ
@given(texts, st.booleans(), st.integers(min_value=1, max_value=40))
@example("e\x07\u0301", True, 2000)
@example("a\r\nb\rc\x85d\u2028e", False, 2000)
@example("\u0301" * 3 + "e" + "\u0301", True, 2)
@example("abc\x00def", True, 4)
@example("ab\ud800", False, 3)
def test_clean_text_is_the_character_by_character_cleaning(
    text: str, multiline: bool, max_length: int
) -> None:
    for length in (max_length, 2000):
        expected = clean_text_by_character(text, max_length=length, multiline=multiline)
        assert clean_text(text, max_length=length, multiline=multiline) == expected


@pytest.mark.parametrize(
    "text",
    ["Maya López", "plain ascii", "tab\there", "x" * 9000, "中文 🦋", "e\u0301", "\x1b[31m"],
)
def test_clean_text_is_the_character_by_character_cleaning_on_samples(text: str) -> None:
    for multiline in (True, False):
        for length in (3, 300, 2000):
            expected = clean_text_by_character(text, max_length=length, multiline=multiline)
            assert clean_text(text, max_length=length, multiline=multiline) == expected


# -- resolve_image -------------------------------------------------------------------------------


def resolve_image_in_full(
    image: str, portfolio_dir: Path, class_root: Path
) -> tuple[Path | None, str]:
    """``resolve_image`` the straightforward way: ``Path.resolve`` on every path, then
    ``Path.is_file`` and friends."""

    def named(reason: str) -> str:
        return f"{reason}: {printable(image, max_length=100)}"

    if not image:
        return None, ""
    if "\x00" in image or without_surrogates(image) != image:
        return None, named("is not a usable file name (it holds a NUL or a broken character)")
    pure = PurePosixPath(image.replace("\\", "/"))
    if pure.is_absolute() or Path(image).is_absolute() or (len(image) > 1 and image[1] == ":"):
        return None, named("must be a path relative to the portfolio file, not an absolute path")
    candidate = portfolio_dir / Path(*pure.parts)
    try:
        resolved = candidate.resolve()
        root = class_root.resolve()
    except (OSError, RuntimeError, ValueError):
        return None, named("cannot be resolved (a symlink loop?)")
    if not resolved.is_relative_to(root):
        return None, named(
            "leaves the class folder (paths with '..' or symlinks pointing out are refused)"
        )
    try:
        if resolved.is_file():
            return resolved, ""
        if resolved.is_dir():
            return None, named("is a folder, not a picture")
        if resolved.is_fifo():
            return None, named("is not a regular file (it is a named pipe)")
        if resolved.exists():
            return None, named("is not a regular file")
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or "not a usable file name"
        return None, named(f"cannot be opened ({reason})")
    return None, named("file not found")


IMAGES = [
    "maya/a.png",
    "maya/sub/b.png",
    "./maya/a.png",
    "maya//a.png",
    "maya\\a.png",
    "maya/./sub/b.png",
    "link-in.png",
    "maya/link-up.png",
    "dirlink-in/a.png",
    "dirlink-in/sub/b.png",
    "dirlink-out/secret.png",
    "maya/dirlink-out/secret.png",
    "out.png",
    "loop.png",
    "loopdir/a.png",
    "dir.png",
    "fifo.png",
    "maya/../maya/a.png",
    "maya/sub/../a.png",
    "../outside/secret.png",
    "../../outside/secret.png",
    "dirlink-in/../maya/a.png",
    "maya/broken.png",
    "missing.png",
    "maya/missing.png",
    "nofolder/a.png",
    "maya/a.png/x.png",
    "maya/sub",
    ".",
    "maya/.",
    "maya/..",
    "..",
    "/etc/passwd",
    "\\\\server\\share\\x.png",
    "C:x.png",
    "x" * 300 + ".png",
    "maya/" + "y" * 300 + "/a.png",
    "a\x00b.png",
    "a\ud800.png",
    "",
]


@pytest.fixture
def awkward_class(tmp_path: Path) -> Path:
    """A class folder whose pictures are reached in every awkward way a path allows."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.png").write_bytes(b"x")
    root = tmp_path / "room"
    folder = root / "portfolios"
    (folder / "maya" / "sub").mkdir(parents=True)
    (folder / "maya" / "a.png").write_bytes(b"x")
    (folder / "maya" / "sub" / "b.png").write_bytes(b"x")
    (folder / "link-in.png").symlink_to(folder / "maya" / "a.png")
    (folder / "maya" / "link-up.png").symlink_to("../link-in.png")
    (folder / "dirlink-in").symlink_to(folder / "maya")
    (folder / "dirlink-out").symlink_to(outside)
    (folder / "maya" / "dirlink-out").symlink_to("../../../outside")
    (folder / "out.png").symlink_to(outside / "secret.png")
    (folder / "loop.png").symlink_to(folder / "loop.png")
    (folder / "loopdir").symlink_to(folder / "loopdir")
    (folder / "dir.png").mkdir()
    (folder / "maya" / "broken.png").symlink_to(folder / "nowhere.png")
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "fifo.png")
    return root


@pytest.mark.parametrize("order", ["forward", "backward"])
def test_resolve_image_answers_as_resolve_does(awkward_class: Path, order: str) -> None:
    root, portfolio_dir = awkward_class, awkward_class / "portfolios"
    shared = RealPaths()  # one load: what an earlier picture taught it must not mislead
    images = IMAGES if order == "forward" else IMAGES[::-1]
    for image in images:
        expected = resolve_image_in_full(image, portfolio_dir, root)
        assert resolve_image(image, portfolio_dir, root, shared) == expected, image
        assert resolve_image(image, portfolio_dir, root) == expected, image


def test_resolve_image_answers_as_resolve_does_through_a_linked_class_folder(
    awkward_class: Path,
) -> None:
    linked = awkward_class.parent / "linked-room"
    linked.symlink_to(awkward_class)
    shared = RealPaths()
    for root in (linked, awkward_class):
        for portfolio_dir in (root / "portfolios", root / "portfolios" / "maya"):
            for image in IMAGES:
                expected = resolve_image_in_full(image, portfolio_dir, root)
                assert resolve_image(image, portfolio_dir, root, shared) == expected, image


def test_resolve_image_refuses_a_folder_swapped_for_a_link_out_in_a_new_load(
    awkward_class: Path,
) -> None:
    root, portfolio_dir = awkward_class, awkward_class / "portfolios"
    first = RealPaths()
    assert resolve_image("maya/a.png", portfolio_dir, root, first)[0] is not None
    outside = awkward_class.parent / "outside"
    (outside / "a.png").write_bytes(b"x")
    (portfolio_dir / "maya").rename(awkward_class.parent / "maya-moved")
    (portfolio_dir / "maya").symlink_to(outside)
    path, problem = resolve_image("maya/a.png", portfolio_dir, root, RealPaths())
    assert path is None and "leaves the class folder" in problem
    assert resolve_image("maya/a.png", portfolio_dir, root) == (path, problem)


def test_loading_a_class_looks_at_each_folder_and_picture_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not one ``lstat`` per part of every picture's path (what ``Path.resolve`` does)."""
    students = 12
    portfolios = [
        portfolio_data(
            f"s{number:02d}",
            pieces=[piece_data(f"p{index}", student_id=f"s{number:02d}") for index in range(4)],
        )
        for number in range(students)
    ]
    root = make_class(tmp_path / "room", portfolios)
    depth = len(root.resolve().parts)
    calls: list[str] = []
    real_lstat = os.lstat

    def counting_lstat(path: os.PathLike[str] | str, *args: object, **kwargs: object) -> object:
        calls.append(os.fspath(path))
        return real_lstat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "lstat", counting_lstat)
    folder = load_class_folder(root)
    monkeypatch.undo()
    pictures = [p for portfolio in folder.portfolios for p in portfolio.pieces]
    assert len(pictures) == students * 4
    assert all(p.image_path is not None and p.image_path.is_file() for p in pictures)
    # Path.resolve on each picture: some len(pictures) * (depth + 3), here over 400.
    assert len(calls) <= len(pictures) + students + 3 * depth + 10, calls


# -- the picker's rows ---------------------------------------------------------------------------

NAMES = [
    "Maya López",
    "A",
    "Zoë 🦋 Okafor-Smith the Third of Her Name, Who Has a Very Long Name Indeed",
    "李雷 王小明 " * 8,
    "e\u0301te",
    "👩\u200d👩\u200d👧\u200d👦 family",
    "x" * 300,
]


def table_lines(width: int, grid: Table) -> list[str]:
    """``grid`` as Rich renders it, ``width`` cells wide (plain text)."""
    with open(os.devnull, "w") as nowhere:
        console = Console(width=width, color_system=None, file=nowhere)
        lines = console.render_lines(grid, console.options.update_width(width), pad=True)
    return ["".join(segment.text for segment in line) for line in lines]


def test_a_picker_row_is_laid_out_as_its_table() -> None:
    from slc_tui.ui.screens.picker import STATUS_BADGES, PickerScreen, StudentRow

    for width in range(25, 131):
        header = table_lines(width, PickerScreen._row_table("Name", "Grade", "Status"))
        assert [StudentRow("Name", "Grade", "Status").line(width)] == header
        for name in NAMES:
            for grade in ("K", "7", "12"):
                for status in STATUS_BADGES.values():
                    row = StudentRow(name, grade, status)
                    table = PickerScreen._row_table(name, grade, status)
                    assert [row.line(width)] == table_lines(width, table)
                    assert row.get_height({}, width) == 1


def test_a_picker_row_with_a_time_is_laid_out_as_its_table() -> None:
    from slc_tui.ui.screens.picker import PickerScreen, StudentRow

    for width in range(32, 131):
        header = table_lines(width, PickerScreen._row_table("Name", "Grade", "Status", "Time"))
        assert [StudentRow("Name", "Grade", "Status", "Time").line(width)] == header
        for name in NAMES:
            for time in ("▶ 14:10", "9:05", ""):
                row = StudentRow(name, "3", "● done", time)
                table = PickerScreen._row_table(name, "3", "● done", time)
                assert [row.line(width)] == table_lines(width, table)


def test_a_picker_row_is_one_line_whatever_the_name() -> None:
    from rich.cells import cell_len

    from slc_tui.ui.screens.picker import StudentRow

    row = StudentRow("Maya\nLópez\tthe [b]great[/]", "3", "● done")
    for width in (1, 10, 24, 25, 80):
        assert cell_len(row.line(width)) == width
        assert "\n" not in row.line(width)
    assert row.line(60).startswith("Maya López the [b]great[/]")
