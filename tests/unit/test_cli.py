"""The ``slc`` command line: new-class, validate, export, exit codes and messages."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from slc_tui import __version__
from slc_tui.cli import main
from slc_tui.core.prompts import default_prompts_json
from slc_tui.core.steps import Step, StepKind
from slc_tui.export.tabular import EXPORT_COLUMNS
from slc_tui.session import ClassSession
from slc_tui.store.paths import bundled_sample_dir
from tests.factories import FIXED_NOW, make_class, piece_data, portfolio_data

pytestmark = pytest.mark.usefixtures("slc_data_dir")

COMMITMENT = "Nous lirons ensemble, chaque soir 📚 — 每天"


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err


def save_finished_conference(class_dir: Path) -> dict[str, object]:
    session = ClassSession.open(class_dir, class_dir / "results", lambda: FIXED_NOW)
    conference = session.start("maya")
    conference.set_commitment(COMMITMENT, {}, True)
    conference.go_to(Step(StepKind.COMMITMENT))
    conference.next(FIXED_NOW)
    record = session.snapshot(conference)
    session.save(record)
    return record


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"slc {__version__}"


def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["export", str(tmp_path)])
    assert exit_info.value.code == 2
    assert "--format" in capsys.readouterr().err


def test_a_command_named_gets_the_same_parser_as_when_every_command_is_built() -> None:
    from slc_tui.cli import _COMMANDS, build_parser

    def command_parsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
        (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        return dict(commands.choices)

    every = build_parser()
    assert build_parser(["-h"]).format_help() == every.format_help()
    for name, whole in command_parsers(every).items():
        lazy = build_parser([name, "CLASS"])
        assert lazy.format_help() == every.format_help()
        assert command_parsers(lazy)[name].format_help() == whole.format_help(), name
    assert list(command_parsers(every)) == list(_COMMANDS)
    # The others are listed, without their arguments:
    assert command_parsers(build_parser(["open"]))["export"].format_usage().split() == [
        "usage:",
        "slc",
        "export",
        "[-h]",
    ]
    argv = ["open", "room", "--student", "maya"]
    assert build_parser(argv).parse_args(argv) == every.parse_args(argv)


# -- new-class -----------------------------------------------------------------------------------


def test_new_class_makes_a_valid_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "room12"
    code, out, _ = run(capsys, "new-class", target)
    assert code == 0
    assert f"Made a new class folder in {target}" in out
    for name in ("class.json", "prompts.json", "portfolios/example.json", "README.md"):
        assert (target / name).is_file(), name
    assert (target / "results").is_dir()
    assert list((target / "results").iterdir()) == []
    class_json = json.loads((target / "class.json").read_text(encoding="utf-8"))
    assert class_json["format"] == "slc-class/1"
    assert class_json["name"] == "room12"
    assert "slc validate" in (target / "README.md").read_text(encoding="utf-8")

    code, out, err = run(capsys, "validate", target)
    assert (code, out) == (0, "")
    assert "0 error(s), 0 warning(s)" in err


def test_new_class_name_and_grade(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "k"
    assert run(capsys, "new-class", target, "--name", "Kindergarten Bees", "--grade", "K")[0] == 0
    class_json = json.loads((target / "class.json").read_text(encoding="utf-8"))
    assert class_json["name"] == "Kindergarten Bees"
    prompts = json.loads((target / "prompts.json").read_text(encoding="utf-8"))
    assert prompts == default_prompts_json("K")
    assert prompts != default_prompts_json("9")


def test_new_class_into_an_empty_existing_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "empty"
    target.mkdir()
    assert run(capsys, "new-class", target)[0] == 0
    assert (target / "class.json").is_file()


def test_new_class_refuses_a_non_empty_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "busy"
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    code, out, err = run(capsys, "new-class", target)
    assert code == 1
    assert out == ""
    assert err.startswith("slc: ")
    assert "already exists and is not empty" in err
    assert sorted(p.name for p in target.iterdir()) == ["notes.txt"]


def test_new_class_refuses_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "file.txt"
    target.write_text("x", encoding="utf-8")
    code, _, err = run(capsys, "new-class", target)
    assert code == 1
    assert "already exists" in err


@pytest.mark.skipif(
    not (bundled_sample_dir() / "class.json").is_file(), reason="no bundled sample class yet"
)
def test_new_class_sample_copies_the_bundled_sample(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "sample"
    code, out, _ = run(capsys, "new-class", target, "--sample")
    assert code == 0
    assert "copy of the sample class" in out
    sample = bundled_sample_dir()
    assert (target / "class.json").read_bytes() == (sample / "class.json").read_bytes()
    source_portfolios = sorted(p.name for p in (sample / "portfolios").glob("*.json"))
    assert source_portfolios
    assert sorted(p.name for p in (target / "portfolios").glob("*.json")) == source_portfolios
    assert run(capsys, "validate", target)[0] == 0


# -- validate ------------------------------------------------------------------------------------


def broken_class(root: Path) -> Path:
    maya = portfolio_data("maya")
    maya["pieces"][1]["image"] = "maya/missing.png"
    leo = portfolio_data("leo", grade="13", pieces=["poem"])
    make_class(root, [maya, leo])
    (root / "portfolios" / "maya" / "missing.png").unlink()
    return root


def test_validate_prints_file_field_message_and_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = broken_class(tmp_path / "room")
    code, out, err = run(capsys, "validate", root)
    assert code == 1
    assert out.splitlines() == [
        "portfolios/leo.json: student.grade: must be K or 1-12, not '13'",
        "portfolios/maya.json: pieces[1].image: file not found: maya/missing.png",
    ]
    assert "2 error(s), 0 warning(s) in 2 portfolio(s)" in err
    assert err.startswith("✗")


def test_validate_with_only_warnings_exits_0(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = make_class(tmp_path / "room", [portfolio_data("maya", colour="blue")])
    code, out, err = run(capsys, "validate", root)
    assert code == 0
    assert out.splitlines() == ["portfolios/maya.json: colour: warning: unknown field (ignored)"]
    assert err.startswith("✓ 0 error(s), 1 warning(s)")


def test_validate_one_portfolio_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    root = broken_class(tmp_path / "room")
    code, out, err = run(capsys, "validate", root / "portfolios" / "maya.json")
    assert code == 1
    assert out.splitlines() == [
        "portfolios/maya.json: pieces[1].image: file not found: maya/missing.png"
    ]
    assert "1 error(s)" in err
    code, out, _ = run(capsys, "validate", root / "portfolios" / "leo.json")
    assert code == 1
    assert "portfolios/leo.json: student.grade:" in out


def test_validate_one_good_portfolio_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = make_class(tmp_path / "room", [portfolio_data("maya")])
    assert run(capsys, "validate", root / "portfolios" / "maya.json") == (
        0,
        "",
        f"✓ 0 error(s), 0 warning(s) in {root / 'portfolios' / 'maya.json'}\n",
    )


def test_validate_a_folder_that_is_not_a_class(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "validate", tmp_path)
    assert code == 1
    assert "class.json: file not found" in out.splitlines()


def test_validate_missing_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    code, out, err = run(capsys, "validate", missing)
    assert code == 1
    assert out == ""
    assert err == f"slc: {missing}: not found\n"


def test_console_script_validate_in_a_subprocess(tmp_path: Path) -> None:
    root = broken_class(tmp_path / "room")
    env = {**os.environ, "SLC_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run(
        [sys.executable, "-m", "slc_tui", "validate", str(root)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "portfolios/maya.json: pieces[1].image: file not found" in result.stdout
    missing = subprocess.run(
        [sys.executable, "-m", "slc_tui", "validate", str(tmp_path / "nowhere")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=False,
    )
    assert missing.returncode == 1
    assert "Traceback" not in missing.stderr
    assert "not found" in missing.stderr


def cut_off(path: Path, fmt: str) -> None:
    """A picture in ``fmt`` saved whole, then cut to half its bytes (as a failed copy leaves
    it): its header still reads, so Pillow's verify() passes it."""
    from PIL import Image

    picture = Image.effect_noise((160, 120), 60).convert("RGB")
    picture.convert("P" if fmt == "GIF" else "RGB").save(path, format=fmt)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def test_validate_names_every_picture_the_app_could_not_show(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = tmp_path / "room"
    maya = root / "portfolios" / "maya"
    maya.mkdir(parents=True)
    for name, fmt in (("cut.jpg", "JPEG"), ("cut.gif", "GIF"), ("cut.bmp", "BMP")):
        cut_off(maya / name, fmt)
    (maya / "art").mkdir()
    if hasattr(os, "mkfifo"):
        os.mkfifo(maya / "pipe.png")
    images = [
        "maya/cut.jpg",
        "maya/cut.gif",
        "maya/cut.bmp",
        "maya/art",
        "maya/pipe.png",
        "./maya/../maya//cut.jpg",  # the same file, written another way
        "maya/good.png",
    ]
    pieces = [piece_data(f"p{n}", image=image) for n, image in enumerate(images)]
    make_class(root, [portfolio_data("maya", pieces=pieces, chosen=["p6"])])
    code, out, err = run(capsys, "validate", root)
    assert code == 1
    fifo_lines = (
        [
            "portfolios/maya.json: pieces[4].image: is not a regular file (it is a named pipe): "
            "maya/pipe.png"
        ]
        if hasattr(os, "mkfifo")
        else ["portfolios/maya.json: pieces[4].image: file not found: maya/pipe.png"]
    )
    assert out.splitlines() == [
        "portfolios/maya.json: pieces[3].image: is a folder, not a picture: maya/art",
        *fifo_lines,
        "portfolios/maya.json: pieces[0].image: file is damaged or incomplete: maya/cut.jpg",
        "portfolios/maya.json: pieces[1].image: file is damaged or incomplete: maya/cut.gif",
        "portfolios/maya.json: pieces[2].image: file is damaged or incomplete: maya/cut.bmp",
        "portfolios/maya.json: pieces[5].image: file is damaged or incomplete: "
        "./maya/../maya//cut.jpg",
    ]
    assert "6 error(s), 0 warning(s) in 1 portfolio(s)" in err
    code, out, _ = run(capsys, "validate", root / "portfolios" / "maya.json")
    assert code == 1
    assert len(out.splitlines()) == 6


@pytest.mark.parametrize(
    ("image", "message"),
    [
        ("/etc/passwd", "must be a path relative to the portfolio file, not an absolute path"),
        (
            "../../x.png",
            "leaves the class folder (paths with '..' or symlinks pointing out are refused)",
        ),
        ("loop.png", "cannot be resolved (a symlink loop?)"),
        ("maya/nothing.png", "file not found"),
        ("maya", "is a folder, not a picture"),
    ],
)
def test_every_picture_problem_ends_with_the_path_as_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, image: str, message: str
) -> None:
    root = make_class(tmp_path / "room", [portfolio_data("maya", pieces=["story"])])
    (root / "portfolios" / "loop.png").symlink_to(root / "portfolios" / "loop.png")
    data = portfolio_data("maya", pieces=[piece_data("story", image=image)])
    make_class(root, [data], images=False)
    code, out, _ = run(capsys, "validate", root)
    assert code == 1
    assert out.splitlines() == [f"portfolios/maya.json: pieces[0].image: {message}: {image}"]


# -- export --------------------------------------------------------------------------------------


def test_export_with_no_results_is_a_header_only_csv(
    capsys: pytest.CaptureFixture[str], class_dir: Path
) -> None:
    code, out, _ = run(capsys, "export", class_dir, "--format", "csv")
    assert code == 0
    assert out.startswith("\ufeff")  # the byte-order mark: Excel reads accents
    rows = list(csv.reader(io.StringIO(out.removeprefix("\ufeff"))))
    assert rows == [list(EXPORT_COLUMNS)]


def test_export_csv_and_json_contain_the_commitment(
    capsys: pytest.CaptureFixture[str], class_dir: Path
) -> None:
    record = save_finished_conference(class_dir)
    code, out, _ = run(capsys, "export", class_dir, "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    assert len(rows) == 1
    assert rows[0]["commitment"] == COMMITMENT
    assert rows[0]["student_id"] == "maya"
    assert rows[0]["status"] == "done"
    assert rows[0]["follow_up"] == "yes"

    code, out, _ = run(capsys, "export", class_dir, "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert document["format"] == "slc-export/1"
    assert [c["id"] for c in document["conferences"]] == [record["id"]]
    assert document["conferences"][0]["commitment"] == COMMITMENT


def test_export_out_writes_the_file(capsys: pytest.CaptureFixture[str], class_dir: Path) -> None:
    save_finished_conference(class_dir)
    target = class_dir.parent / "exports" / "conferences.json"
    target.parent.mkdir()
    code, out, err = run(capsys, "export", class_dir, "--format", "json", "--out", target)
    assert code == 0
    assert out == ""
    assert f"Exported 1 conference(s) to {target}" in err
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["conferences"][0]["commitment"] == COMMITMENT

    csv_target = class_dir.parent / "exports" / "conferences.csv"
    assert run(capsys, "export", class_dir, "--format", "csv", "--out", csv_target)[0] == 0
    with csv_target.open(encoding="utf-8", newline="") as handle:
        assert [row["commitment"] for row in csv.DictReader(handle)] == [COMMITMENT]


def test_export_reads_results_from_another_folder(
    capsys: pytest.CaptureFixture[str], class_dir: Path, tmp_path: Path
) -> None:
    save_finished_conference(class_dir)
    elsewhere = tmp_path / "elsewhere"
    (class_dir / "results").rename(elsewhere)
    code, out, _ = run(capsys, "export", class_dir, "--format", "csv", "--results", elsewhere)
    assert code == 0
    assert COMMITMENT in out
    assert len(list(csv.reader(io.StringIO(out)))) == 2


def test_export_of_a_missing_class_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "export", tmp_path / "nowhere", "--format", "csv")
    assert code == 1
    assert out == ""
    assert "class folder not found" in err


def test_export_of_a_corrupt_results_file(
    capsys: pytest.CaptureFixture[str], class_dir: Path
) -> None:
    (class_dir / "results").mkdir()
    (class_dir / "results" / "maya.json").write_text("{ broken", encoding="utf-8")
    code, out, err = run(capsys, "export", class_dir, "--format", "csv")
    assert code == 1
    assert out == ""
    assert "maya.json" in err


def test_export_refuses_a_results_file_holding_another_students_conference(
    capsys: pytest.CaptureFixture[str], class_dir: Path
) -> None:
    record = save_finished_conference(class_dir)
    results = class_dir / "results"
    (results / "leo.json").write_bytes((results / "maya.json").read_bytes())  # Maya's, as Leo's
    code, out, err = run(capsys, "export", class_dir, "--format", "csv")
    assert code == 1
    assert out == "", "Maya's conference is not exported as Leo's, nor twice"
    assert "leo.json: 1 conference in it is not leo's: student id 'maya'" in err
    assert record["id"] not in err


def test_validate_opens_picture_headers(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Pictures that exist but cannot be shown are named: a bomb, a fake, a truncated PNG."""
    from PIL import Image

    root = make_class(tmp_path / "room", [portfolio_data()])
    Image.new("1", (30000, 30000)).save(root / "portfolios/maya/butterfly.png")
    (root / "portfolios/maya/story.png").write_text("not a picture", encoding="utf-8")
    arrays = root / "portfolios/maya/arrays.png"
    Image.new("RGB", (200, 200), "red").save(arrays)
    arrays.write_bytes(arrays.read_bytes()[:60])
    code, out, _ = run(capsys, "validate", root)
    assert code == 1
    lines = out.splitlines()
    assert any(
        line.startswith("portfolios/maya.json: pieces[0].image: image is too large")
        for line in lines
    )
    assert any(
        line.startswith("portfolios/maya.json: pieces[1].image: not a supported image")
        for line in lines
    )
    assert any(line.startswith("portfolios/maya.json: pieces[2].image: ") for line in lines)
    assert len(lines) == 3


def test_validate_accepts_a_schema_key_silently(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = make_class(
        tmp_path / "room", [portfolio_data(**{"$schema": "../schemas/portfolio.schema.json"})]
    )
    code, out, _ = run(capsys, "validate", root)
    assert (code, out) == (0, "")


def test_export_with_a_file_as_results_folder(
    capsys: pytest.CaptureFixture[str], class_dir: Path, tmp_path: Path
) -> None:
    not_a_folder = tmp_path / "results.txt"
    not_a_folder.write_text("x", encoding="utf-8")
    code, _, err = run(capsys, "export", class_dir, "--format", "csv", "--results", not_a_folder)
    assert code == 1
    assert "cannot read results" in err


@pytest.mark.skipif(sys.platform == "win32", reason="no SIGPIPE on Windows")
def test_a_reader_that_stops_reading_ends_the_command_quietly(
    class_dir: Path, tmp_path: Path
) -> None:
    """``slc roster import CLASS FILE --dry-run | head -1``: no crash message, no crash log."""
    roster = tmp_path / "list.csv"
    roster.write_text("Name,Grade\n" + "".join(f"Child {n},3\n" for n in range(2000)))
    command = ["roster", "import", str(class_dir), str(roster), "--dry-run"]
    process = subprocess.Popen(
        [sys.executable, "-m", "slc_tui", *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the first line
    error = process.stderr.read().decode()
    process.wait(timeout=60)
    assert "Sorry" not in error and "Traceback" not in error
    assert not (class_dir / "results" / "crash-logs").exists()
