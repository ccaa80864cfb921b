"""The student list and the questions asked from it, in Spanish and French (issue 12).

Snapshots at 80×24 of the student list and of the dialogs a family or the teacher meets
there (carry on or start again, already done, open elsewhere, the teacher PIN), in a class
whose ``class.json`` says ``"language": "es"`` or ``"fr"``; and a Pilot flow: the class's
language on the list, a family's own language (``student.family_language``) during their
conference, the class's again once it ends.

Update with ``pytest tests/ui/test_snapshots_screens_languages.py --snapshot-update`` and
look at each picture (``rsvg-convert``, see ARCHITECTURE.md) before committing it.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, OptionList, Static

from slc_tui.core import i18n
from slc_tui.core.schedule_settings import settings_from_text
from slc_tui.session import ClassSession
from slc_tui.store.paths import bundled_sample_dir, seed_results
from slc_tui.store.presence import ConferenceClaim
from slc_tui.store.results import ResultsStore
from slc_tui.store.teacher_access import PinStore
from slc_tui.teacher.schedule import plan_class_schedule, write_schedule
from slc_tui.ui.app import SlcApp, create_app
from slc_tui.ui.screens.choice_dialog import ChoiceDialog
from slc_tui.ui.screens.conference import ConferenceScreen
from slc_tui.ui.screens.picker import PickerScreen
from slc_tui.ui.screens.pin_dialog import PinDialog
from tests.factories import record_data
from tests.ui.helpers import FrozenClock, screen_text, settle, static_text, stop_cursor_blink

LANGUAGES = ("es", "fr")


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    """The active language is the app's global: give the next test English back."""
    yield
    i18n.use(i18n.ENGLISH)


@pytest.fixture
def results_dir(tmp_path: Path, slc_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A *relative* results folder, so the paths shown on screen are the same on every run."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    target = Path("results")
    seed_results(bundled_sample_dir() / "results", target)
    return target


def class_in(tmp_path: Path, language: str, family_languages: dict[str, str] | None = None) -> Path:
    """The sample class copied to ``tmp_path`` with ``class.json``'s language set (and a
    ``student.family_language`` for the children named in ``family_languages``)."""
    root = tmp_path / f"class-{language}"
    shutil.copytree(bundled_sample_dir(), root, ignore=shutil.ignore_patterns("results"))
    settings = root / "class.json"
    info = json.loads(settings.read_text(encoding="utf-8"))
    settings.write_text(json.dumps({**info, "language": language}), encoding="utf-8")
    for student_id, code in (family_languages or {}).items():
        path = root / "portfolios" / f"{student_id}.json"
        portfolio = json.loads(path.read_text(encoding="utf-8"))
        portfolio["student"]["family_language"] = code
        path.write_text(json.dumps(portfolio), encoding="utf-8")
    return root


@dataclass(frozen=True)
class Scene:
    """What is on screen: the list, or a question asked on opening ``student``."""

    student: str | None = None
    unfinished: bool = False  # an unfinished conference is saved: "carry on?"
    done: bool = False  # this term's conference is done: "start a new one?"
    elsewhere: bool = False  # open in another window: "open here anyway?" (from the list)
    teacher_pin: bool = False  # F3 with a teacher PIN set: the PIN dialog
    tonight: bool = False  # conference night: times, and who is next


SCENES = {
    "picker": Scene(),
    "picker_tonight": Scene(tonight=True),
    "resume_dialog": Scene("maya", unfinished=True),
    "done_dialog": Scene("lukas", done=True),
    "elsewhere_dialog": Scene(elsewhere=True),
    "pin_dialog": Scene(teacher_pin=True),
}


def prepare(scene: Scene, root: Path, results_dir: Path, clock: FrozenClock) -> None:
    """Write what the scene needs before the app starts."""
    if scene.unfinished:
        session = ClassSession.open(root, results_dir, clock)
        conference = session.start("maya")
        while conference.step.key != "piece:story":
            conference.next(clock())
        session.save(session.snapshot(conference))
    if scene.done:
        ResultsStore(results_dir).save(record_data("lukas"))
    if scene.teacher_pin:
        PinStore(results_dir).set("246813")
    if scene.tonight:  # from 15:00, turns of 15 minutes: Maya is next at 15:30
        settings, _problems = settings_from_text(
            day="2026-11-22",
            start="15:00",
            end="17:00",
            slot_minutes=30,
            families_per_slot=2,
            rotate_minutes=15,
        )
        assert settings is not None
        write_schedule(plan_class_schedule(root, settings))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("scene_name", SCENES)
def test_screens_snapshot(
    scene_name: str,
    language: str,
    snap_compare: Any,
    tmp_path: Path,
    results_dir: Path,
    clock: FrozenClock,
) -> None:
    scene = SCENES[scene_name]
    root = class_in(tmp_path, language)
    prepare(scene, root, results_dir, clock)
    elsewhere = ConferenceClaim(results_dir, "maya", clock()) if scene.elsewhere else None
    if elsewhere is not None:
        assert elsewhere.acquire(now=clock()) is None
    app = create_app(root, results_dir, student_id=scene.student, clock=clock)

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(app, pilot)
        if scene.teacher_pin:
            await pilot.press("f3")
            await settle(app, pilot)
        if scene.elsewhere:
            await pilot.press("down", "down", "enter")  # Maya, on the list
            await settle(app, pilot)
        # The picture must be of the intended screen, over the list, in the class's language.
        asks = scene.student or scene.elsewhere
        expected = PinDialog if scene.teacher_pin else ChoiceDialog if asks else PickerScreen
        assert isinstance(app.screen, expected)
        assert isinstance(app.screen_stack[1], PickerScreen)
        assert i18n.active().code == language
        stop_cursor_blink(app)
        await pilot.pause()

    try:
        assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
    finally:
        if elsewhere is not None:
            elsewhere.release()


# -- the class's language, a family's own, and back ------------------------------------------


def picker_words(app: SlcApp) -> tuple[str, str, str]:
    """What the list asks, the Teacher button and Zoe's status, as shown."""
    screen = app.screen
    assert isinstance(screen, PickerScreen)
    ask = static_text(screen.query_one("#picker-ask", Static))
    button = str(screen.query_one("#teacher-mode", Button).label)
    students = screen.query_one(OptionList)
    zoe = next(
        students.get_option_at_index(i).prompt
        for i in range(students.option_count)
        if students.get_option_at_index(i).id == "zoe"
    )
    return ask, button, zoe.status


async def test_the_list_speaks_the_class_language_and_a_conference_the_familys(
    tmp_path: Path, results_dir: Path, clock: FrozenClock
) -> None:
    root = class_in(tmp_path, "es", family_languages={"zoe": "fr"})
    app = create_app(root, results_dir, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert picker_words(app) == (
            "¿Quién dirige su conferencia? Elige tu nombre.",
            "🍎 Docente (F3)",
            "○ sin empezar",
        )
        text = screen_text(app)
        assert "Nombre" in text and "Estado" in text and "Salir" in text
        assert "Los resultados se guardan en results" in text
        assert "Who is leading" not in text and "not started" not in text

        app.open_student("zoe")
        await settle(app, pilot)
        assert isinstance(app.screen, ConferenceScreen)
        assert app.conference is not None and app.conference.language == "fr"
        assert i18n.active().code == "fr"
        assert "Suivant" in screen_text(app)  # the footer's Next, in French

        # Finish: to the step before the wrap-up, then Next twice.
        conference = app.conference
        conference.go_to(conference.steps()[-2])
        app.show_step()
        await settle(app, pilot)
        for _next in range(2):
            await pilot.press("ctrl+n")
            await settle(app, pilot)
        assert app.conference is None and conference.is_done
        assert i18n.active().code == "es"
        assert picker_words(app) == (
            "¿Quién dirige su conferencia? Elige tu nombre.",
            "🍎 Docente (F3)",
            "● hecho",
        )
        text = screen_text(app)
        assert "Salir" in text and "Quitter" not in text and "Suivant" not in text


async def test_the_resume_question_is_asked_in_the_class_language(
    tmp_path: Path, results_dir: Path, clock: FrozenClock
) -> None:
    """The resume question is asked in the class's language; the family's own comes with
    the conference."""
    root = class_in(tmp_path, "fr", family_languages={"maya": "es"})
    prepare(Scene("maya", unfinished=True), root, results_dir, clock)
    app = create_app(root, results_dir, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.open_student("maya")
        await settle(app, pilot)
        assert isinstance(app.screen, ChoiceDialog)
        question = static_text(app.screen.query_one("#dialog-question", Static))
        assert question.startswith("Maya a une rencontre pas encore terminée.")
        labels = [str(button.label) for button in app.screen.query(Button)]
        assert labels == ["▶ Reprendre", "Recommencer", "Annuler"]
        await pilot.click("#resume")
        await settle(app, pilot)
        assert app.conference is not None and app.conference.language == "es"
        assert "Siguiente" in screen_text(app)
