"""What the teacher services say (refusals, questions, what was written where) in the
active language: the desk makes the class's language active; the command line speaks
English, word for word as before."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from slc_tui.core import i18n
from slc_tui.store.claims import OpenElsewhere
from slc_tui.teacher.forget import StudentOpenElsewhere
from slc_tui.teacher.open_conferences import where_open
from slc_tui.teacher.prompt_lists import PROMPT_LISTS, text_problem
from slc_tui.teacher.record_view import record_text
from slc_tui.teacher.roster import read_list_file
from slc_tui.teacher.students import RemovalPlan
from slc_tui.teacher.validation import validate_path
from tests.factories import record_data

HERE = OpenElsewhere("laptop", 1, "2026-11-22T14:02:00", same_computer=True)
THERE = OpenElsewhere("room-12-pc", 2, "", same_computer=False)
PLAN = RemovalPlan("maya", Path("portfolios/maya.json"), Path("portfolios/maya"), 2, 0)


@pytest.fixture
def french() -> Iterator[None]:
    i18n.use(i18n.translation("fr")[0])
    yield
    i18n.use(i18n.ENGLISH)


@pytest.mark.parametrize("other", [HERE, THERE])
def test_where_a_conference_is_open_says_in_english_what_the_store_says(
    other: OpenElsewhere,
) -> None:
    assert where_open(other) == other.describe()


def test_the_english_messages_are_as_they_were(class_dir: Path) -> None:
    assert PLAN.describe() == [
        "portfolios/maya.json",
        "the 2 file(s) in portfolios/maya/",
        "no conference records (there are none)",
    ]
    assert str(StudentOpenElsewhere("maya", HERE)) == (
        "maya's conference is open in another window on this computer (since 14:02): close it first"
    )
    assert [plist.label for plist in PROMPT_LISTS][:2] == ["Step: Hello", "Step: Last time"]
    assert validate_path(class_dir)[1] == f"2 portfolio(s) in {class_dir}"
    text = record_text(record_data("maya", said={"welcome": "Hi!"}))
    assert text.endswith(
        "What was said, step by step\n- welcome: Hi!\n\n"
        "Record maya-202611221530 · started 2026-11-22T15:30:00, "
        "finished 2026-11-22T15:48:00\n"
    )


def test_the_services_speak_the_active_language(
    french: None, tmp_path: Path, class_dir: Path
) -> None:
    assert PLAN.describe() == [
        "portfolios/maya.json",
        "les 2 fichiers de portfolios/maya/",
        "aucune fiche de rencontre (il n’y en a pas)",
    ]
    assert where_open(HERE) == "dans une autre fenêtre de cet ordinateur (depuis 14:02)"
    assert where_open(THERE) == "sur un autre ordinateur (room-12-pc)"
    assert str(StudentOpenElsewhere("maya", THERE)) == (
        "La rencontre de maya est ouverte sur un autre ordinateur (room-12-pc) : fermez-la d’abord"
    )
    assert [plist.label for plist in PROMPT_LISTS][:2] == [
        "Étape : Bonjour",
        "Étape : La dernière fois",
    ]
    assert PROMPT_LISTS[-1].label == "Idées pour la maison"
    assert text_problem(" ") == "est vide"
    assert read_list_file(tmp_path / "nowhere.csv") == (b"", "fichier introuvable")
    assert validate_path(class_dir)[1] == f"2 portfolios dans {class_dir}"
    text = record_text(record_data("maya", said={"welcome": "Hi!"}, done=False))
    assert "Ce qui a été dit, étape par étape\n- welcome: Hi!" in text
    assert text.endswith("Fiche maya-202611221530 · commencée 2026-11-22T15:30:00, pas terminée\n")
