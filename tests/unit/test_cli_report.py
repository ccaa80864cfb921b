"""``slc report``: the class report from the command line (exit codes, PIN, where it goes)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from slc_tui.cli import EPILOG, main
from slc_tui.store.results import ResultsStore
from slc_tui.teacher.access import TeacherAccess
from tests.factories import make_class, portfolio_data, record_data

pytestmark = pytest.mark.usefixtures("slc_data_dir")

PIN = "246813"


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err


def pdf_text(path: Path) -> str:
    return " ".join(
        " ".join(page.extract_text().split())
        for page in PdfReader(io.BytesIO(path.read_bytes())).pages
    )


@pytest.fixture
def room(tmp_path: Path) -> Path:
    """Maya (done, asked for a follow-up) and Leo (no conference)."""
    root = make_class(
        tmp_path / "room12",
        [portfolio_data("maya"), portfolio_data("leo", name="Leo Chen")],
        images=False,
    )
    store = ResultsStore(root / "results")
    store.save(record_data("maya", follow_up=True, commitment="Bedtime stories."))
    return root


def default_path(room: Path) -> Path:
    return room / "results" / "exports" / f"report-{date.today().isoformat()}.pdf"


def test_writes_the_report_into_the_exports_folder(
    capsys: pytest.CaptureFixture[str], room: Path
) -> None:
    code, out, err = run(capsys, "report", room)
    path = default_path(room)
    assert (code, err) == (0, "")
    assert out == f"Class report (2 children) written to {path}\n"
    text = pdf_text(path)
    assert "Bedtime stories." in text and "Leo Chen" in text
    assert text.index("Follow-up requests") < text.index("Maya López")


def test_out_puts_it_where_asked(
    capsys: pytest.CaptureFixture[str], room: Path, tmp_path: Path
) -> None:
    out_file = tmp_path / "night" / "room12.pdf"
    code, out, _ = run(capsys, "report", room, "--out", out_file)
    assert code == 0 and str(out_file) in out
    assert out_file.read_bytes().startswith(b"%PDF-")
    assert not (room / "results" / "exports").exists()


def test_results_from_another_folder(
    capsys: pytest.CaptureFixture[str], room: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    ResultsStore(elsewhere).save(record_data("leo", commitment="Elsewhere promise."))
    code, _, _ = run(capsys, "report", room, "--results", elsewhere)
    assert code == 0
    text = pdf_text(elsewhere / "exports" / f"report-{date.today().isoformat()}.pdf")
    assert "Elsewhere promise." in text and "Bedtime stories." not in text


def test_needs_the_teacher_pin_when_one_is_set(
    capsys: pytest.CaptureFixture[str], room: Path
) -> None:
    TeacherAccess(room / "results").set_pin(PIN)
    code, out, err = run(capsys, "report", room)  # no terminal to ask in
    assert (code, out) == (1, "") and "make the class report needs the teacher PIN" in err
    code, _, err = run(capsys, "report", room, "--pin", "135792")
    assert code == 1 and "wrong teacher PIN" in err
    assert not default_path(room).exists()
    code, _, _ = run(capsys, "report", room, "--pin", PIN)
    assert code == 0 and default_path(room).is_file()


def test_refuses_a_folder_that_is_not_a_class(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "report", tmp_path / "nowhere")
    assert (code, out) == (1, "")
    assert err == f"slc: {tmp_path / 'nowhere'}: class folder not found\n"
    (tmp_path / "plain").mkdir()
    code, _, err = run(capsys, "report", tmp_path / "plain")
    assert code == 1 and "is not a class folder (no class.json)" in err


def test_a_report_that_cannot_be_written_is_named(
    capsys: pytest.CaptureFixture[str], room: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("")
    code, out, err = run(capsys, "report", room, "--out", blocker / "report.pdf")
    assert (code, out) == (1, "")
    assert err.startswith("slc: cannot write") and "a file" in err


def test_a_damaged_results_file_is_named_and_listed_in_the_report(
    capsys: pytest.CaptureFixture[str], room: Path
) -> None:
    (room / "results" / "leo.json").write_text("{not json", encoding="utf-8")
    code, _, err = run(capsys, "report", room)
    assert code == 0 and err.startswith("slc: ") and "leo.json" in err
    assert "The results file cannot be read:" in pdf_text(default_path(room))


def test_the_help_lists_it() -> None:
    assert "slc report ~/room12" in EPILOG
