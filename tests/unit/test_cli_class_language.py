"""The command line speaks the class's language (issue 12): ``slc validate``'s problems,
``slc schedule``'s table and notes, ``slc report``'s PDF, in Spanish or French when the
class's ``language`` is; file names and field paths stay as they are written; an English
class reads no catalog (and so loads no Babel)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from slc_tui.cli import main
from slc_tui.core import i18n
from slc_tui.core.class_folder import load_class_folder
from slc_tui.core.i18n import ENGLISH, translation
from slc_tui.store.results import ResultsStore
from slc_tui.teacher.report import write_report
from tests.factories import class_data, make_class, portfolio_data, record_data

pytestmark = pytest.mark.usefixtures("slc_data_dir")

DAY = date(2026, 11, 23)


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err


def pdf_text(data: bytes) -> str:
    return " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages
    )


@pytest.fixture
def broken_french_class(tmp_path: Path) -> Path:
    """A French class: Maya's grade is wrong and she has a key slc does not know; Leo's
    file is not JSON."""
    maya = portfolio_data("maya")
    maya["student"]["grade"] = "13"
    maya["colour"] = "red"
    root = make_class(
        tmp_path / "salle12", [maya], class_info=class_data(language="fr"), images=False
    )
    (root / "portfolios" / "leo.json").write_text('{"format": "slc-portfolio/1",,}')
    return root


def test_validate_of_a_french_class_names_each_problem_in_french(
    capsys: pytest.CaptureFixture[str], broken_french_class: Path
) -> None:
    code, out, err = run(capsys, "validate", broken_french_class)
    assert code == 1
    lines = out.splitlines()
    # The file names and the field paths as they are written; the messages in French.
    assert "portfolios/maya.json: student.grade: doit être K ou de 1 à 12, pas '13'" in lines
    assert "portfolios/maya.json: colour: avertissement: champ inconnu (ignoré)" in lines
    assert (
        "portfolios/leo.json: ligne 1, colonne 30 : JSON non valide : "
        "nom de champ entre guillemets doubles attendu"
    ) in lines
    assert f"✗ 2 erreur(s), 1 avertissement(s) dans 2 portfolios dans {broken_french_class}" in (
        err
    )
    assert "must be" not in out and "warning" not in out
    assert i18n.active() is ENGLISH  # the command's language ends with the command


def test_validate_of_one_portfolio_speaks_its_class_language(
    capsys: pytest.CaptureFixture[str], broken_french_class: Path
) -> None:
    code, out, _ = run(capsys, "validate", broken_french_class / "portfolios" / "maya.json")
    assert code == 1
    assert "student.grade: doit être K ou de 1 à 12, pas '13'" in out


def test_an_english_class_says_it_in_english(
    capsys: pytest.CaptureFixture[str], broken_french_class: Path
) -> None:
    info = json.loads((broken_french_class / "class.json").read_text(encoding="utf-8"))
    info["language"] = "en"
    (broken_french_class / "class.json").write_text(json.dumps(info), encoding="utf-8")
    code, out, err = run(capsys, "validate", broken_french_class)
    assert code == 1
    assert "portfolios/maya.json: student.grade: must be K or 1-12, not '13'" in out
    assert "portfolios/maya.json: colour: warning: unknown field (ignored)" in out
    assert "line 1, column 30: invalid JSON: Expecting property name enclosed in double" in out
    assert "✗ 2 error(s), 1 warning(s) in 2 portfolio(s) in" in err


def test_an_english_class_reads_no_catalog(broken_french_class: Path) -> None:
    """English needs no Babel: ``slc validate`` of an English class never imports it (a
    French class's does, which shows the probe can fail)."""
    probe = (
        "import sys; from slc_tui.cli import main; main(['validate', sys.argv[1]]); "
        "print('babel' in sys.modules)"
    )
    french = subprocess.run(
        [sys.executable, "-c", probe, str(broken_french_class)], capture_output=True, text=True
    )
    assert french.stdout.strip().splitlines()[-1] == "True"
    info = json.loads((broken_french_class / "class.json").read_text(encoding="utf-8"))
    info["language"] = "en-GB"
    (broken_french_class / "class.json").write_text(json.dumps(info), encoding="utf-8")
    english = subprocess.run(
        [sys.executable, "-c", probe, str(broken_french_class)], capture_output=True, text=True
    )
    assert english.stdout.strip().splitlines()[-1] == "False"
    assert "must be K or 1-12" in english.stdout


def test_schedule_of_a_spanish_class_prints_a_spanish_table(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    names = {"ava": "Ava Chen", "zoe": "Zoë Müller", "lina": "Lina Haddad"}
    root = make_class(
        tmp_path / "sala12",
        [portfolio_data(sid, name=name, pieces=[]) for sid, name in names.items()],
        class_info=class_data(language="es"),
    )
    requests = tmp_path / "pedidos.csv"
    requests.write_text("ID,Time\nava,15:00\nzoe,15:00\nlina,16:10\n", encoding="utf-8")
    night = ["--day", "2026-11-12", "--from", "14:00", "--to", "17:00", "--slot", "30"]
    code, out, err = run(
        capsys, "schedule", root, *night, "--break", "16:00-16:30", "--requests", requests
    )
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("Noche de conferencias 2026-11-12, 14:00–17:00: 5 franja(s)")
    assert lines[2].split() == ["Hora", "Niño/a", "Familia", "Notas"]
    assert "pidió 15:00: no es posible, franja llena" in out
    assert "pidió 16:10: no es posible, descanso 16:00–16:30" in out
    assert "(descanso)" in out and "(libre)" in out
    assert "Se escribieron" in err
    saved = json.loads((root / "schedule.json").read_text(encoding="utf-8"))
    notes = {entry["student_id"]: entry.get("notes", []) for entry in saved["entries"]}
    assert notes["lina"] == ["pidió 16:10: no es posible, descanso 16:00–16:30"]


def test_schedule_options_are_refused_in_the_class_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = make_class(
        tmp_path / "sala12",
        [portfolio_data("ava", pieces=[])],
        class_info=class_data(language="es"),
    )
    night = ["--day", "2026-11-12", "--from", "14:00", "--to", "17:00", "--slot", "20"]
    code, _, err = run(capsys, "schedule", root, *night, "--break", "16-17")
    assert code == 1
    assert "slc: --break: '16-17' no es un intervalo de horas (HH:MM-HH:MM" in err
    assert err.splitlines()[-1] == "slc: no se planificó nada"


@pytest.fixture
def french_room(tmp_path: Path) -> Path:
    """A French class: Maya done (asked for a follow-up, a goal by March), Leo not started."""
    root = make_class(
        tmp_path / "salle12",
        [portfolio_data("maya"), portfolio_data("leo", name="Leo Chen")],
        class_info=class_data(language="fr"),
        images=False,
    )
    store = ResultsStore(root / "results")
    store.save(record_data("maya", follow_up=True, commitment="Lire le soir."))
    return root


def test_report_of_a_french_class_is_in_french(
    capsys: pytest.CaptureFixture[str], french_room: Path
) -> None:
    out_file = french_room / "rapport.pdf"
    code, out, err = run(capsys, "report", french_room, "--out", out_file)
    assert (code, err) == (0, "")
    assert out == f"Rapport de la classe (2 enfants) écrit dans {out_file}\n"
    text = pdf_text(out_file.read_bytes())
    for heading in ("Demandes d’entretien privé", "Chaque enfant", "Pas encore de rencontre"):
        assert heading in text
    assert "Room 12 : rapport des rencontres" in text
    assert "Objectifs" in text and "mars 2027" in text  # the goal's month, in French
    assert "page 1 sur 1" in text
    for english in ("Follow-up requests", "Every child", "No conference yet", "Goals", "March"):
        assert english not in text


def test_the_desks_report_is_in_the_class_language_whatever_the_active_one(
    french_room: Path,
) -> None:
    """The Overview's ``p`` key calls ``write_report`` in a worker, without a language:
    the class's is used, not the screens'."""
    assert i18n.active() is ENGLISH
    written = write_report(load_class_folder(french_room), french_room / "results", DAY)
    text = pdf_text(written.path.read_bytes())
    assert "Demandes d’entretien privé" in text and "Follow-up requests" not in text
    english = write_report(
        load_class_folder(french_room), french_room / "results", DAY, language=ENGLISH
    )
    assert "Follow-up requests" in pdf_text(english.path.read_bytes())


def test_problems_are_in_the_language_active_when_the_files_are_read(
    broken_french_class: Path,
) -> None:
    """What the teacher's F2 list shows: each problem is put in words as it is found."""
    english = load_class_folder(broken_french_class)
    i18n.use(translation("es")[0])
    try:
        spanish = load_class_folder(broken_french_class)
    finally:
        i18n.use(ENGLISH)
    said = {(p.file, p.field): p.message for p in english.all_problems}
    dicho = {(p.file, p.field): p.message for p in spanish.all_problems}
    assert said.keys() == dicho.keys()  # the same problems, at the same fields
    assert said["portfolios/maya.json", "student.grade"] == "must be K or 1-12, not '13'"
    assert dicho["portfolios/maya.json", "student.grade"] == "debe ser K o de 1 a 12, no '13'"
    assert dicho["portfolios/maya.json", "colour"] == "campo desconocido (se ignora)"


def test_new_class_speaks_its_language(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "salle12"
    code, out, _ = run(capsys, "new-class", target, "--language", "fr")
    assert code == 0
    assert f"Nouveau dossier de classe fait dans {target}." in out
    assert "slc set-pin" in out and "slc validate" in out


def test_numbers_in_problems_are_grouped_as_the_language_groups_them(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """``12,345`` in English, ``12 345`` in French (a plain space: a problem's message
    would show a no-break space as an escape)."""
    maya = portfolio_data("maya", pieces=[])
    maya["student"]["learner"] = "x" * 12345
    root = make_class(tmp_path / "salle12", [maya], class_info=class_data(language="fr"))
    code, out, _ = run(capsys, "validate", root)
    assert code == 1
    assert (
        "portfolios/maya.json: student.learner: est trop long (12 345 caractères ; "
        "la limite est 2 000)"
    ) in out.splitlines()
    assert "\\u" not in out and "\\x" not in out
