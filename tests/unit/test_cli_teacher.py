"""``slc roster import`` and ``slc add-work``: output, messages and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from slc_tui.cli import main
from tests.factories import make_class, portfolio_data, write_png

pytestmark = pytest.mark.usefixtures("slc_data_dir")


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err


@pytest.fixture
def room(tmp_path: Path) -> Path:
    return make_class(tmp_path / "room", [portfolio_data("maya")])


def portfolio_files(room: Path) -> list[str]:
    return sorted(path.name for path in (room / "portfolios").glob("*.json"))


# -- roster import -------------------------------------------------------------------------------


def test_roster_import_dry_run_says_what_it_would_do_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], room: Path, tmp_path: Path
) -> None:
    roster = tmp_path / "list.csv"
    roster.write_bytes("Name;Grade\r\nZoë Müller;3\r\nLeo;\r\n".encode("cp1252"))
    code, out, err = run(capsys, "roster", "import", room, roster, "--dry-run")
    assert code == 1  # a row was refused
    assert out == f"zoe-muller\tZoë Müller\tgrade 3\t{room / 'portfolios' / 'zoe-muller.json'}\n"
    assert err.splitlines() == [
        f"{roster}:3: no grade (the grade cell is empty)",
        "Would create 1 portfolio(s); 1 row(s) refused (dry run: nothing written).",
    ]
    assert portfolio_files(room) == ["maya.json"]


def test_roster_import_creates_portfolios_that_validate(
    capsys: pytest.CaptureFixture[str], room: Path, tmp_path: Path
) -> None:
    roster = tmp_path / "list.csv"
    roster.write_text("First name,Last name,Grade\nAda,Lovelace,K\nAlan,Turing,12\n", "utf-8")
    code, out, err = run(capsys, "roster", "import", room, roster)
    assert code == 0
    assert [line.split("\t")[0] for line in out.splitlines()] == ["ada-lovelace", "alan-turing"]
    assert err == "Created 2 portfolio(s); 0 row(s) refused.\n"
    assert portfolio_files(room) == ["ada-lovelace.json", "alan-turing.json", "maya.json"]
    code, _, err = run(capsys, "validate", room)
    assert code == 0
    assert "0 error(s), 2 warning(s)" in err

    code, out, err = run(capsys, "roster", "import", room, roster)  # again: nothing replaced
    assert (code, out) == (1, "")
    assert "Ada Lovelace is already in the class (portfolios/ada-lovelace.json)" in err


def test_roster_import_of_oneroster_users(
    capsys: pytest.CaptureFixture[str], room: Path, tmp_path: Path
) -> None:
    roster = tmp_path / "users.csv"
    roster.write_text(
        "sourcedId,status,role,givenName,familyName,grades\n"
        "1,active,student,Maya,Okafor,KG\n2,active,teacher,Ms,Lee,\n3,tobedeleted,student,A,B,01\n",
        "utf-8",
    )
    code, out, err = run(capsys, "roster", "import", room, roster)
    assert code == 0
    assert out.startswith("maya-okafor\tMaya Okafor\tgrade K\t")
    assert "2 row(s) skipped (not active students)" in err


def test_roster_import_of_a_file_that_is_no_list(
    capsys: pytest.CaptureFixture[str], room: Path, tmp_path: Path
) -> None:
    workbook = tmp_path / "class.xlsx"
    workbook.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    code, out, err = run(capsys, "roster", "import", room, workbook)
    assert (code, out) == (1, "")
    assert err.startswith(f"{workbook}: is an Excel workbook (.xlsx), not CSV")
    code, _, err = run(capsys, "roster", "import", room.parent, workbook)
    assert code == 1 and "is not a class folder" in err


def test_roster_needs_its_subcommand(capsys: pytest.CaptureFixture[str], room: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["roster"])
    assert exit_info.value.code == 2
    assert "import" in capsys.readouterr().err


# -- add-work ------------------------------------------------------------------------------------


def test_add_work_adds_one_piece_per_picture(
    capsys: pytest.CaptureFixture[str], room: Path, tmp_path: Path
) -> None:
    first = write_png(tmp_path / "photos" / "my_best-drawing.png")
    second = write_png(tmp_path / "photos" / "leaf rubbing.png")
    code, out, err = run(
        capsys, "add-work", room, "maya", f"file://{first}", f"'{second}'", "--subject", "Art"
    )
    assert code == 0
    copied = room / "portfolios" / "maya"
    assert out.splitlines() == [
        f"my-best-drawing\tMy best drawing\t{copied / 'my_best-drawing.png'}",
        f"leaf-rubbing\tLeaf rubbing\t{copied / 'leaf rubbing.png'}",
    ]
    assert err == "Added 2 piece(s) to portfolios/maya.json.\n"
    data = json.loads((room / "portfolios" / "maya.json").read_text(encoding="utf-8"))
    assert data["pieces"][-1] == {
        "id": "leaf-rubbing",
        "title": "Leaf rubbing",
        "subject": "Art",
        "image": "maya/leaf rubbing.png",
    }
    assert run(capsys, "validate", room)[0] == 0


def test_add_work_with_a_title(
    capsys: pytest.CaptureFixture[str], room: Path, tmp_path: Path
) -> None:
    picture = write_png(tmp_path / "IMG_0001.png")
    code, out, _ = run(capsys, "add-work", room, "maya", picture, "--title", "Our volcano")
    assert code == 0
    assert out.startswith("our-volcano\tOur volcano\t")


def test_add_work_refuses_every_bad_file_by_name_and_adds_nothing(
    capsys: pytest.CaptureFixture[str], room: Path, tmp_path: Path
) -> None:
    before = (room / "portfolios" / "maya.json").read_bytes()
    good = write_png(tmp_path / "good.png")
    notes = tmp_path / "notes.jpg"
    notes.write_text("not a photo", encoding="utf-8")
    code, out, err = run(capsys, "add-work", room, "maya", good, notes)
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        f"slc: {notes}: not a supported image (allowed: PNG, JPEG, GIF, WebP, BMP)",
        "slc: nothing was added",
    ]
    assert (room / "portfolios" / "maya.json").read_bytes() == before
    assert not (room / "portfolios" / "maya" / "good.png").exists()


def test_add_work_for_an_unknown_student(
    capsys: pytest.CaptureFixture[str], room: Path, tmp_path: Path
) -> None:
    picture = write_png(tmp_path / "a.png")
    code, _, err = run(capsys, "add-work", room, "zoe", picture)
    assert code == 1
    assert err.splitlines()[0] == "slc: portfolios/zoe.json: file not found: no student 'zoe' here"
    code, _, err = run(capsys, "add-work", room / "missing", "maya", picture)
    assert code == 1 and "class folder not found" in err


def test_add_work_needs_a_picture(capsys: pytest.CaptureFixture[str], room: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["add-work", str(room), "maya"])
    assert exit_info.value.code == 2
    assert "IMAGE" in capsys.readouterr().err
