"""``slc take-home``: the copy of a student's latest finished conference, from the command line."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from slc_tui.cli import main
from slc_tui.store.results import ResultsStore
from slc_tui.teacher.access import TeacherAccess
from tests.factories import DEFAULT_PIECES, make_class, portfolio_data, record_data, write_png

pytestmark = pytest.mark.usefixtures("slc_data_dir")

PIN = "246813"


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err


@pytest.fixture
def room(tmp_path: Path) -> Path:
    """A class with Maya (three pictures; two finished conferences and a newer unfinished
    one) and Leo (no conference)."""
    root = make_class(
        tmp_path / "room12",
        [portfolio_data("maya"), portfolio_data("leo", name="Leo Chen")],
    )
    for piece, colour in zip(DEFAULT_PIECES, ("orange", "skyblue", "seagreen"), strict=True):
        write_png(root / "portfolios" / "maya" / f"{piece}.png", (40, 30), colour)
    store = ResultsStore(root / "results")
    store.save(record_data("maya", started="2026-04-10T15:00:00", commitment="Spring promise."))
    store.save(record_data("maya", started="2026-11-22T15:30:00", commitment="Read every night."))
    store.save(record_data("maya", started="2026-11-23T09:00:00", done=False, commitment="Draft"))
    return root


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def test_writes_the_latest_finished_conference_as_a_pdf(
    capsys: pytest.CaptureFixture[str], room: Path
) -> None:
    code, out, err = run(capsys, "take-home", room, "maya")
    path = room / "results" / "take-home" / "maya-2026-11-22.pdf"
    assert (code, err) == (0, "")
    assert out == f"Take-home copy written to {path}\n"
    text = pdf_text(path)
    assert "Read every night." in text
    assert "Spring promise." not in text and "Draft" not in text
    assert sum(len(page.images) for page in PdfReader(path).pages) == 3


@pytest.mark.parametrize("fmt", ["html", "txt"])
def test_other_formats_go_where_asked(
    capsys: pytest.CaptureFixture[str], room: Path, tmp_path: Path, fmt: str
) -> None:
    out_file = tmp_path / "copies" / f"maya.{fmt}"
    code, out, _ = run(capsys, "take-home", room, "maya", "--format", fmt, "--out", out_file)
    assert code == 0 and str(out_file) in out
    text = out_file.read_text(encoding="utf-8")
    assert "Read every night." in text
    assert ("<!DOCTYPE html>" in text) == (fmt == "html")
    assert not (room / "results" / "take-home").exists()


@pytest.mark.parametrize(
    ("student", "message"),
    [
        ("leo", "leo has no finished conference yet"),
        ("nobody", "no student 'nobody' in"),
        ("Not An Id", "'Not An Id' is not a student id"),
    ],
)
def test_refuses_clearly(
    capsys: pytest.CaptureFixture[str], room: Path, student: str, message: str
) -> None:
    code, out, err = run(capsys, "take-home", room, student)
    assert (code, out) == (1, "")
    assert err.startswith("slc: ") and message in err
    assert not (room / "results" / "take-home").exists()


def test_refuses_a_missing_class_and_a_damaged_results_file(
    capsys: pytest.CaptureFixture[str], room: Path, tmp_path: Path
) -> None:
    code, _, err = run(capsys, "take-home", tmp_path / "nowhere", "maya")
    assert code == 1 and "class folder not found" in err
    (room / "results" / "maya.json").write_text("{not json")
    code, _, err = run(capsys, "take-home", room, "maya")
    assert code == 1 and "maya.json" in err


def test_a_copy_that_cannot_be_written_is_named(
    capsys: pytest.CaptureFixture[str], room: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("")
    code, _, err = run(capsys, "take-home", room, "maya", "--out", blocker / "copy.pdf")
    assert code == 1 and err.startswith("slc: cannot write") and "a file" in err


def test_needs_the_teacher_pin_when_one_is_set(
    capsys: pytest.CaptureFixture[str], room: Path
) -> None:
    TeacherAccess(room / "results").set_pin(PIN)
    code, _, err = run(capsys, "take-home", room, "maya")  # no terminal to ask in
    assert code == 1 and "needs the teacher PIN" in err
    code, _, err = run(capsys, "take-home", room, "maya", "--pin", "135792")
    assert code == 1 and "wrong teacher PIN" in err
    assert not (room / "results" / "take-home").exists()
    code, _, _ = run(capsys, "take-home", room, "maya", "--pin", PIN)
    assert code == 0 and (room / "results" / "take-home" / "maya-2026-11-22.pdf").is_file()


def test_the_class_paper_setting_reaches_the_pdf(
    capsys: pytest.CaptureFixture[str], room: Path
) -> None:
    import json

    class_file = room / "class.json"
    class_file.write_text(json.dumps({**json.loads(class_file.read_text()), "paper": "letter"}))
    assert run(capsys, "take-home", room, "maya")[0] == 0
    page = PdfReader(io.BytesIO((room / "results/take-home/maya-2026-11-22.pdf").read_bytes()))
    assert round(float(page.pages[0].mediabox.width)) == 612
