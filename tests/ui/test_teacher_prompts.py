"""Prompts on the teacher's desk: add, edit, reorder and remove a prompt typed like a parent
types, copy a built-in one, save (unknown keys kept), a file changed meanwhile, and a draft
that survives the app being killed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Select, Static

from slc_tui.core.default_prompts import STEP_PROMPTS, GradeBand
from slc_tui.teacher.drafts import TeacherDrafts
from slc_tui.ui.app import SlcApp, create_app
from slc_tui.ui.screens.choice_dialog import ChoiceDialog
from slc_tui.ui.screens.teacher.home import TeacherHomeScreen
from slc_tui.ui.screens.teacher.prompts import PromptsScreen
from tests.factories import make_class, portfolio_data, write_json
from tests.ui.helpers import FrozenClock, settle, static_text, wait_until

PROMPTS = {
    "format": "slc-prompts/1",
    "x-house-style": {"tone": "warm"},
    "steps": {"piece": ["What is it?", "Who helped you?"], "x-later": True},
    "parent_questions": ["What surprised you?"],
}


@pytest.fixture
def room(tmp_path: Path, slc_data_dir: Path) -> Path:
    return make_class(
        tmp_path / "room",
        [portfolio_data("maya", grade="4"), portfolio_data("leo", name="Leo Chen", grade="5")],
        prompts=PROMPTS,
        images=False,
    )


def app_for(room: Path) -> SlcApp:
    return create_app(room, room / "results", clock=FrozenClock())


def saved(room: Path) -> Any:
    return json.loads((room / "prompts.json").read_text(encoding="utf-8"))


def status(screen: PromptsScreen) -> str:
    return static_text(screen.query_one("#editor-status", Static))


async def open_prompts(app: SlcApp, pilot: Pilot[Any]) -> PromptsScreen:
    await settle(app, pilot)
    await pilot.press("f3")
    await settle(app, pilot)
    assert isinstance(app.screen, TeacherHomeScreen)
    await pilot.press("p")
    await settle(app, pilot)
    screen = next(s for s in app.screen_stack if isinstance(s, PromptsScreen))  # (a dialog
    return screen  # offering a draft back may be over it)


async def loaded(app: SlcApp, pilot: Pilot[Any]) -> PromptsScreen:
    screen = await open_prompts(app, pilot)
    await wait_until(pilot, lambda: screen.editor is not None, what="prompts.json read")
    return screen


def class_list(screen: PromptsScreen) -> list[str]:
    column = screen.query_one("#prompts-class", OptionList)
    return [str(column.get_option_at_index(i).prompt) for i in range(column.option_count)]


async def pick_list_by_keyboard(pilot: Pilot[Any], screen: PromptsScreen, downs: int) -> None:
    """From the prompt box: Shift+Tab to the list picker, open it, go down, Enter."""
    picker = screen.query_one("#prompts-list", Select)
    while screen.focused is not picker:
        await pilot.press("shift+tab")
    await pilot.press("enter", *["down"] * downs, "enter")
    await pilot.pause()


async def test_add_edit_reorder_remove_copy_and_save(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await loaded(app, pilot)
        assert screen.band is GradeBand.PRIMARY  # the class is in grades 4 and 5
        await pick_list_by_keyboard(pilot, screen, 3)  # welcome, review, choose, piece
        assert screen.list_id == "piece"
        assert class_list(screen) == ["1. What is it?", "2. Who helped you?"]
        # Typed straight away (no Tab first): the keys go to the prompt box.
        await pilot.press(*"Qué [b]color[/b]", "space", *"usaste,", "space", *"señora?")
        assert class_list(screen)[2] == "3. Qué [b]color[/b] usaste, señora?"  # as typed
        await pilot.press("enter")
        # Edit prompt 1: to the list, Home, Enter; the words follow the cursor.
        await pilot.press("shift+tab", "home", "enter")
        box = screen.query_one("#prompts-input", Input)
        assert screen.focused is box and box.value == "What is it?"
        await pilot.press("backspace", *" made of (bits)?")
        await pilot.press("enter")
        # Reorder: the new prompt to the top.
        await pilot.press("shift+tab", "end", "ctrl+up", "ctrl+up")
        # Remove "Who helped you?" (now the last), then put it back and remove it again.
        await pilot.press("end", "delete")
        assert class_list(screen) == [
            "1. Qué [b]color[/b] usaste, señora?",
            "2. What is it made of (bits)?",
        ]
        await pilot.press("ctrl+z")
        assert len(class_list(screen)) == 3
        await pilot.press("end", "delete")
        # Copy the built-in prompt of grades 3-5 highlighted on the right.
        defaults = screen.query_one("#prompts-defaults", OptionList)
        defaults.focus()
        await pilot.press("down", "enter")
        second_default = STEP_PROMPTS[GradeBand.PRIMARY]["piece"][1]
        assert class_list(screen)[-1] == f"3. {second_default}"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await wait_until(pilot, lambda: "Saved" in status(screen), what="the save")
    assert saved(room) == {
        "format": "slc-prompts/1",
        "x-house-style": {"tone": "warm"},
        "steps": {
            "piece": [
                "Qué [b]color[/b] usaste, señora?",
                "What is it made of (bits)?",
                second_default,
            ],
            "x-later": True,
        },
        "parent_questions": ["What surprised you?"],
    }
    assert TeacherDrafts(room / "results").find("prompts.json", None) is None


async def test_copy_all_of_another_band_and_the_mouse(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(app, pilot)
        screen.query_one("#prompts-list", Select).value = "commitment_ideas"
        screen.query_one("#prompts-band", Select).value = GradeBand.SECONDARY
        await pilot.pause()
        await pilot.click("#prompts-copy-all")
        await pilot.pause()
        from slc_tui.core.default_prompts import COMMITMENT_IDEAS

        ideas = COMMITMENT_IDEAS[GradeBand.SECONDARY]
        assert len(class_list(screen)) == len(ideas)
        await pilot.pause(0.3)  # (a button ignores clicks while it shows the last one)
        await pilot.click("#prompts-copy-all")  # again: nothing twice
        await pilot.pause()
        assert len(class_list(screen)) == len(ideas)
        assert "Already" in status(screen)
        await pilot.click("#prompts-class", offset=(4, 1))  # a click on the first prompt
        await pilot.pause()
        box = screen.query_one("#prompts-input", Input)
        assert box.value == ideas[0] and screen.focused is box
        await pilot.press(*" daily", "enter")
        assert class_list(screen)[0] == f"1. {ideas[0]} daily"
        await pilot.click("#editor-save")
        await settle(app, pilot)
        await wait_until(pilot, lambda: "Saved" in status(screen), what="the save")
        await pilot.click("#editor-back")
        await settle(app, pilot)
        assert isinstance(app.screen, TeacherHomeScreen)
    assert saved(room)["commitment_ideas"] == [f"{ideas[0]} daily", *ideas[1:]]


async def test_a_prompt_too_long_is_refused_with_its_field_and_nothing_written(
    room: Path,
) -> None:
    before = (room / "prompts.json").read_bytes()
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await loaded(app, pilot)
        screen.query_one("#prompts-list", Select).value = "goals"
        await pilot.pause()
        screen.query_one("#prompts-input", Input).value = "x" * 2001
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await wait_until(pilot, lambda: "Not saved" in status(screen), what="the refusal")
        assert "prompts.json: steps.goals[0]: is too long" in status(screen)
    assert (room / "prompts.json").read_bytes() == before


async def test_a_file_changed_meanwhile_is_asked_about(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await loaded(app, pilot)
        await pilot.press(*"Mine?", "enter")
        write_json(room / "prompts.json", {**PROMPTS, "parent_questions": ["Theirs?"]})
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceDialog), what="question")
        assert "changed by someone else" in app.screen.question
        await pilot.click("#theirs")
        await settle(app, pilot)
        await wait_until(pilot, lambda: screen.editor is not None, what="read again")
        screen.query_one("#prompts-list", Select).value = "parent_questions"
        await pilot.pause()
        assert class_list(screen) == ["1. Theirs?"]
        await pilot.press(*"Mine too?", "enter")
        write_json(room / "prompts.json", {**PROMPTS, "parent_questions": ["Changed again"]})
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceDialog), what="question")
        await pilot.click("#replace")
        await settle(app, pilot)
        await wait_until(pilot, lambda: "Saved" in status(screen), what="the save")
    assert saved(room)["parent_questions"] == ["Theirs?", "Mine too?"]


async def test_a_draft_survives_a_kill_and_is_offered_back(room: Path) -> None:
    drafts = TeacherDrafts(room / "results")
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(app, pilot)
        await pilot.press(*"Half-typed, ñ")  # not even Enter: kept as typed

        def drafted() -> bool:  # the whole text (a slow machine drafts it half-way first)
            path = drafts.path_for("prompts.json")
            try:
                kept = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                return False
            return "Half-typed, ñ" in json.dumps(kept, ensure_ascii=False)

        await wait_until(pilot, drafted, what="the whole draft")
    # The app is gone without a save (as when killed): the file is as it was.
    assert saved(room) == PROMPTS
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_prompts(app, pilot)
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceDialog), what="offer")
        assert "never saved" in app.screen.question
        await pilot.press("enter")  # Carry on with them
        await settle(app, pilot)
        assert class_list(screen) == ["1. Half-typed, ñ"]  # the first list: Hello
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await wait_until(pilot, lambda: "Saved" in status(screen), what="the save")
    assert saved(room)["steps"]["welcome"] == ["Half-typed, ñ"]
    assert not drafts.path_for("prompts.json").exists()


async def test_leaving_with_changes_asks_and_a_kept_draft_comes_back(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await loaded(app, pilot)
        await pilot.press(*"Keep me", "enter", "escape")
        await settle(app, pilot)
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("escape")  # stay
        await settle(app, pilot)
        assert app.screen is screen
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.click("#keep")
        await settle(app, pilot)
        assert isinstance(app.screen, TeacherHomeScreen)
        await pilot.press("p")
        await settle(app, pilot)
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceDialog), what="offer")
        await pilot.click("#drop")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, PromptsScreen)
        await wait_until(pilot, lambda: screen.editor is not None, what="read")
        (only,) = class_list(screen)  # the draft thrown away: Hello has no prompts
        assert only.startswith("None yet")
    assert saved(room) == PROMPTS


async def test_a_prompts_file_slc_cannot_read_is_named_and_not_edited(room: Path) -> None:
    (room / "prompts.json").write_text("{not json", encoding="utf-8")
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_prompts(app, pilot)
        await wait_until(pilot, lambda: "⚠" in status(screen), what="the problem")
        assert status(screen).startswith("⚠ prompts.json:")
        assert screen.query_one("#prompts-input", Input).disabled
        assert screen.query_one("#editor-save").disabled
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, TeacherHomeScreen)
    assert (room / "prompts.json").read_text(encoding="utf-8") == "{not json"
