"""Every step of a conference, and the help panel, at 80×24 in Spanish and in French (the
class's language), and the 🌐 switch in the middle of a step: see ``test_snapshots.py`` for
how snapshots are made and looked at.

The class is the sample class copied with its ``language`` changed; results go to the same
relative folder as the English snapshots, so the paths on screen are the same on every run.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, Input, OptionList, Static, TextArea

from slc_tui.core import i18n
from slc_tui.core.portfolio import Goal
from slc_tui.core.steps import StepKind
from slc_tui.store.paths import bundled_sample_dir
from slc_tui.ui.app import SlcApp, create_app
from slc_tui.ui.screens.conference import ConferenceScreen
from slc_tui.ui.screens.language_menu import LanguageMenu
from slc_tui.ui.steps.piece import PieceStep
from tests.ui.helpers import FrozenClock, settle, stop_cursor_blink, type_text, wait_until
from tests.ui.test_snapshots import SCENES, Scene, navigate
from tests.ui.test_snapshots import results_dir as results_dir  # (the relative results folder)

LANGUAGES = ("es", "fr")

#: The English snapshots' scenes of a conference's steps, and two more: a month picked
#: from the goals' drop-down (Babel's month names) and last time locked behind the PIN.
LANGUAGE_SCENES: dict[str, Scene] = {
    **{
        name: SCENES[name]
        for name in (
            "welcome",
            "review",
            "choose",
            "piece",
            "strengths",
            "next_steps",
            "goals",
            "questions",
            "commitment",
            "wrap_up",
            "help",
        )
    },
    "goals_months": Scene("maya", "goals", keys=("enter", "enter", "enter")),
    "review_locked": SCENES["review_locked"],
}

LanguageApp = Callable[..., SlcApp]


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    """The language is the app's (module-wide): put English back for the tests after."""
    yield
    i18n.use(i18n.ENGLISH)


def class_in(language: str, folder: Path) -> Path:
    """The sample class copied to ``folder``, led in ``language``."""
    target = folder / f"class-{language}"
    shutil.copytree(bundled_sample_dir(), target, ignore=shutil.ignore_patterns("results"))
    info_file = target / "class.json"
    info = json.loads(info_file.read_text(encoding="utf-8"))
    info["language"] = language
    info_file.write_text(json.dumps(info, ensure_ascii=False, indent=2), encoding="utf-8")
    return target


@pytest.fixture
def make_language_app(tmp_path: Path, results_dir: Path, clock: FrozenClock) -> LanguageApp:
    """Build the app on the sample class led in a language, on the test's results folder."""

    def factory(language: str, student_id: str | None = None) -> SlcApp:
        return create_app(
            class_in(language, tmp_path), results_dir, student_id=student_id, clock=clock
        )

    return factory


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("scene_name", LANGUAGE_SCENES)
def test_language_snapshot(
    scene_name: str,
    language: str,
    snap_compare: Any,
    make_language_app: LanguageApp,
    results_dir: Path,
) -> None:
    from slc_tui.store.teacher_access import PinStore

    scene = LANGUAGE_SCENES[scene_name]
    if scene.pin:
        PinStore(results_dir).set("246813")
    app = make_language_app(language, scene.student)
    run_before = navigate(app, scene)

    async def in_language(pilot: Pilot[Any]) -> None:
        await run_before(pilot)
        assert app.conference is not None and app.conference.language == language

    assert snap_compare(app, terminal_size=(80, 24), run_before=in_language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_filled_wrap_up_snapshot(
    language: str, snap_compare: Any, make_language_app: LanguageApp
) -> None:
    """The record on the wrap-up with everything in it: its headings, a goal's month and
    what the family will do for it, the follow-up asked for, the take-home copy written."""
    app = make_language_app(language, "maya")

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(app, pilot)
        conference = app.conference
        assert conference is not None
        conference.say("piece:butterfly", "I drew every stage, the chrysalis was the hardest.")
        conference.set_items(StepKind.STRENGTHS, ["I look closely"])
        conference.set_goals([Goal("Read a chapter book", "20 minutes every night", "2027-03")])
        conference.set_commitment("Read together after dinner.", {0: "Library trips"}, True)
        conference.go_to(conference.steps()[-2])
        app.show_step()
        await settle(app, pilot)
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        assert conference.step.key == "wrap_up"
        await pilot.click("#take-home")
        button = app.screen.query_one("#take-home", Button)
        await wait_until(pilot, lambda: "✔" in str(button.label), what="the copy")
        await settle(app, pilot)
        stop_cursor_blink(app)
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


# -- 🌐 in the middle of a step -------------------------------------------------------------


def shown_text(screen: ConferenceScreen) -> str:
    """Every label, button and placeholder of the step on screen, as one text."""
    body = screen.body
    words = [str(screen.query_one("#headline", Static).render())]
    words += [str(widget.render()) for widget in body.query(Static)]
    words += [str(button.label) for button in body.query(Button)]
    words += [str(box.placeholder) for box in body.query(TextArea)]
    words += [str(box.placeholder) for box in body.query(Input)]
    words += [str(screen.query_one("#next", Button).label)]
    return "\n".join(words)


async def test_switching_language_on_a_piece_keeps_what_was_typed(
    make_language_app: LanguageApp, results_dir: Path
) -> None:
    app = make_language_app("en", "maya")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        conference = app.conference
        assert conference is not None
        conference.go_to(conference.steps()[0])
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ConferenceScreen) and isinstance(screen.body, PieceStep)
        english = screen.body
        assert "What did your family notice?" in shown_text(screen)
        await type_text(pilot, "We loved the colours")
        await settle(app, pilot)
        step_key = conference.step.key
        assert conference.said[step_key] == "We loved the colours"

        await pilot.press("f4")
        await wait_until(pilot, lambda: isinstance(app.screen, LanguageMenu), what="the menu")
        menu = app.screen.query_one(OptionList)
        ids = [menu.get_option_at_index(n).id for n in range(menu.option_count)]
        assert "fr" in ids
        for _ in range(ids.index("fr") - (menu.highlighted or 0)):
            await pilot.press("down")
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen is screen, what="back on the conference")
        await wait_until(pilot, lambda: screen.shown is not english, what="the step built again")
        await settle(app, pilot)

        french = screen.body
        assert isinstance(french, PieceStep) and french is not english
        assert french.language == "fr" and conference.language == "fr"
        text = shown_text(screen)
        assert "Qu’est-ce que ta famille a remarqué" in text
        assert "Suivant ▶" in text
        assert "What did your family notice?" not in text
        # What was typed is still in the box, and in the conference.
        assert french.query_one("#notes", TextArea).text == "We loved the colours"
        assert conference.said[step_key] == "We loved the colours"
        assert conference.step.key == step_key


async def test_a_step_built_ahead_in_english_is_not_shown_after_a_switch(
    make_language_app: LanguageApp,
) -> None:
    """The next step, built ahead while English was spoken, is built again in French."""
    app = make_language_app("en", "maya")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        conference = app.conference
        screen = app.screen
        assert conference is not None and isinstance(screen, ConferenceScreen)
        steps = conference.steps()
        await wait_until(pilot, lambda: screen.prepared is not None, what="the next step built")
        ahead = screen.prepared
        assert ahead is not None and ahead.language == "en"
        assert ahead.is_current_for(conference, app.step_context(conference, steps[1]), steps[1])
        app.switch_language("fr")
        assert not ahead.is_current_for(
            conference, app.step_context(conference, steps[1]), steps[1]
        )
        await settle(app, pilot)
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        assert screen.body is not ahead and screen.body.language == "fr"
