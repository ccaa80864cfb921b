"""The teacher's desk speaks the class's language (``class.json`` ``language``): its
headings, tables, questions and what it says it did; an English class stays English."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, DataTable, Static

from slc_tui.core import i18n
from slc_tui.store.results import ResultsStore
from slc_tui.ui.app import SlcApp, create_app
from slc_tui.ui.screens.choice_dialog import ChoiceDialog
from slc_tui.ui.screens.picker import PickerScreen
from slc_tui.ui.screens.teacher.home import TeacherHomeScreen
from slc_tui.ui.screens.teacher.overview import OverviewScreen
from slc_tui.ui.screens.teacher.students import StudentsScreen
from tests.factories import class_data, make_class, portfolio_data, record_data
from tests.ui.helpers import FrozenClock, screen_text, settle, static_text, wait_until


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    """The app makes the class's language the active one: later tests start in English."""
    yield
    i18n.use(i18n.ENGLISH)


def room(tmp_path: Path, language: str) -> Path:
    """Maya (a finished conference asking for a follow-up) and Leo, in a class whose
    language is ``language``."""
    root = make_class(
        tmp_path / "room",
        [
            portfolio_data("maya", name="Maya López"),
            portfolio_data("leo", name="Leo Chen", grade="5"),
        ],
        class_info=class_data(language=language),
    )
    record = record_data("maya", student_name="Maya López", follow_up=True)
    ResultsStore(root / "results").save(record)
    return root


def app_for(root: Path) -> SlcApp:
    return create_app(root, root / "results", clock=FrozenClock())


def headings(table: DataTable[Any]) -> list[str]:
    return [str(column.label) for column in table.ordered_columns]


async def open_desk(app: SlcApp, pilot: Pilot[Any]) -> TeacherHomeScreen:
    await settle(app, pilot)
    assert isinstance(app.screen, PickerScreen)
    await pilot.press("f3")
    await settle(app, pilot)
    assert isinstance(app.screen, TeacherHomeScreen)
    return app.screen


async def test_a_french_class_has_its_desk_in_french(tmp_path: Path, slc_data_dir: Path) -> None:
    app = app_for(room(tmp_path, "fr"))
    async with app.run_test(size=(80, 24)) as pilot:
        home = await open_desk(app, pilot)
        assert static_text(home.query_one("#teacher-title", Static)).startswith(
            "🍎 Espace enseignant — "
        )
        labels = [str(button.label) for button in home.query(".teacher-section Button")]
        assert labels[:2] == ["Vue d’ensemble (o)", "Élèves (s)"]
        descriptions = {b.binding.description for b in home.active_bindings.values()}
        assert {"Liste des élèves", "Vue d’ensemble", "Quitter"} <= descriptions

        await pilot.press("o")
        await settle(app, pilot)
        overview = app.screen
        assert isinstance(overview, OverviewScreen)
        await wait_until(pilot, lambda: bool(overview.order), what="the overview's rows")
        await pilot.pause()
        table = overview.query_one(DataTable)
        assert headings(table)[:4] == ["Suivi", "Nom", "Niv.", "État"]
        first = [str(cell) for cell in table.get_row_at(0)]
        assert first[:2] == ["⚑ ouvert", "Maya López"] and first[3] == "● terminée"
        summary = static_text(overview.query_one("#overview-summary", Static))
        assert summary.startswith("2 enfants · 1 rencontre faite cette période · ⚑ 1 suivi")
        assert "Retour (Esc)" in screen_text(app)
        keys = {b.binding.description for b in overview.active_bindings.values()}
        assert {"Retour", "Voir la fiche", "Suivi", "Exporter CSV", "Rapport PDF"} <= keys
        await pilot.press("escape")
        await settle(app, pilot)

        await pilot.press("s")
        await settle(app, pilot)
        students = app.screen
        assert isinstance(students, StudentsScreen)
        await wait_until(pilot, lambda: students.query_one(DataTable).row_count == 2)
        assert headings(students.query_one(DataTable)) == ["Nom", "Niv.", "Travaux", "Problèmes"]
        assert static_text(students.query_one("#students-summary", Static)) == "2 élèves"
        await pilot.press("x")  # Leo Chen is highlighted (the list is by name)
        await settle(app, pilot)
        question = app.screen
        assert isinstance(question, ChoiceDialog)
        text = static_text(question.query_one("#dialog-question", Static))
        assert text.startswith("Retirer définitivement Leo Chen de la classe ? Cela supprime :")
        assert "aucune fiche de rencontre (il n’y en a pas)" in text
        assert text.endswith("C’est irréversible.")
        buttons = [str(button.label) for button in question.query(Button)]
        assert buttons == ["Garder Leo Chen", "✕ Retirer définitivement"]

        await pilot.click("#remove")
        await settle(app, pilot)
        assert isinstance(app.screen, StudentsScreen)
        await wait_until(pilot, lambda: app.screen.query_one(DataTable).row_count == 1)
        said = [n.message for n in app._notifications]
        assert any(m.startswith("Leo Chen retiré : ") for m in said), said
        assert not (tmp_path / "room" / "portfolios" / "leo.json").exists()


@pytest.mark.parametrize(
    ("language", "title", "keep"),
    [
        ("es", "🍎 Resumen — ", "Conservar a Leo Chen"),
        ("en", "🍎 Overview — ", "Keep Leo Chen"),
    ],
)
async def test_a_spanish_class_asks_in_spanish_and_an_english_one_in_english(
    tmp_path: Path, slc_data_dir: Path, language: str, title: str, keep: str
) -> None:
    app = app_for(room(tmp_path, language))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_desk(app, pilot)
        await pilot.press("o")
        await settle(app, pilot)
        assert static_text(app.screen.query_one("#overview-title", Static)).startswith(title)
        await pilot.press("escape", "s")
        await settle(app, pilot)
        await wait_until(pilot, lambda: app.screen.query_one(DataTable).row_count == 2)
        await pilot.press("x")
        await settle(app, pilot)
        assert isinstance(app.screen, ChoiceDialog)
        assert str(app.screen.query(Button).first().label) == keep
        await pilot.press("escape")  # keep him
        await settle(app, pilot)
        assert isinstance(app.screen, StudentsScreen)
        assert (tmp_path / "room" / "portfolios" / "leo.json").exists()
