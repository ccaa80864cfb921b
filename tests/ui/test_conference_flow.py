"""Pilot tests: whole conferences driven by keyboard or mouse, help, back, resume and quit."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from textual.app import App
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, OptionList, Static, TextArea

from slc_tui.core.conference import Conference
from slc_tui.core.default_prompts import STEP_PROMPTS, grade_band
from slc_tui.ui.app import SlcApp
from slc_tui.ui.screens.choice_dialog import ChoiceDialog
from slc_tui.ui.screens.conference import ConferenceScreen
from slc_tui.ui.screens.picker import PickerScreen, StudentRow
from slc_tui.ui.steps.choose import ChooseStep
from slc_tui.ui.steps.piece import PieceStep
from slc_tui.ui.steps.registry import step_for
from slc_tui.ui.steps.welcome import WelcomeStep
from slc_tui.ui.widgets.editable_list import EditableList, ItemRow
from slc_tui.ui.widgets.goal_editor import GoalRow
from slc_tui.ui.widgets.help_panel import HelpPanel
from slc_tui.ui.widgets.image_preview import ImagePreview
from slc_tui.ui.widgets.piece_card import PieceCard
from tests.ui.conftest import AppFactory
from tests.ui.helpers import (
    FrozenClock,
    current_step,
    saved_records,
    screen_text,
    settle,
    static_text,
    step_on_screen,
    type_text,
    wait_until,
)

MULTILINGUAL = "Leeremos juntos 📚 每天 שלום"


# -- small steps shared by the tests ---------------------------------------------------


async def pick_with_keyboard(app: App[Any], pilot: Pilot[Any], student_id: str) -> None:
    """On the picker: arrow down to ``student_id`` and press Enter."""
    assert isinstance(app.screen, PickerScreen)
    students = app.screen.query_one("#students", OptionList)
    target = students.get_option_index(student_id)
    while (students.highlighted or 0) < target:
        await pilot.press("down")
    assert students.highlighted == target
    await pilot.press("enter")
    await settle(app, pilot)


async def next_step(app: SlcApp, pilot: Pilot[Any], key: str = "ctrl+n") -> str:
    """Press Next and return the new step's key."""
    await pilot.press(key)
    await settle(app, pilot)
    return step_key(app)


async def jump_to(app: SlcApp, pilot: Pilot[Any], key: str) -> None:
    """Go straight to step ``key`` (for tests about a step, not about getting there)."""
    conference = conference_of(app)
    conference.go_to(next(s for s in conference.steps() if s.key == key))
    app.show_step()
    await settle(app, pilot)
    assert step_key(app) == key


def conference_of(app: SlcApp) -> Conference:
    """The conference being led (fails when none is)."""
    assert app.conference is not None, "no conference on screen"
    return app.conference


def step_key(app: SlcApp) -> str:
    return conference_of(app).step.key


async def tab_to(
    app: App[Any],
    pilot: Pilot[Any],
    wanted: Callable[[Widget | None], bool],
    key: str = "tab",
    limit: int = 20,
) -> Widget:
    """Press ``key`` (Tab or Shift+Tab) until ``wanted(app.focused)``; fail after ``limit``."""
    for _ in range(limit):
        if wanted(app.focused):
            assert app.focused is not None
            return app.focused
        await pilot.press(key)
    raise AssertionError(f"Tab never reached the wanted widget (stuck on {app.focused!r})")


def focused_id(app: App[Any]) -> str | None:
    """The id of the focused widget (a fresh read each time, unlike ``app.focused`` in mypy)."""
    return app.focused.id if app.focused is not None else None


def nav_message(app: App[Any]) -> str:
    return static_text(app.screen.query_one("#nav-message", Static))


def status_in_picker(app: App[Any], student_id: str) -> str:
    assert isinstance(app.screen, PickerScreen)
    students = app.screen.query_one("#students", OptionList)
    row = students.get_option(student_id).prompt
    assert isinstance(row, StudentRow)
    return row.status


async def click_option(pilot: Pilot[Any], selector: str, index: int) -> str:
    """Click the ``index``-th option of an OptionList, on the line where it is drawn."""
    where = current_step(pilot.app) or pilot.app.screen  # a step's list, or the picker's
    option_list = where.query_one(selector, OptionList)
    prompt = str(option_list.get_option_at_index(index).prompt)
    line = option_list._index_to_line[index] - option_list.scroll_offset.y
    top, _, _, left = option_list.gutter
    await pilot.click(selector, offset=(left + 2, top + line))
    return prompt


# -- whole conferences ---------------------------------------------------------------------


async def test_maya_keyboard_only_conference(
    make_app: AppFactory, results_dir: Path, clock: FrozenClock
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pick_with_keyboard(app, pilot, "maya")
        assert isinstance(current_step(app), WelcomeStep)
        assert focused_id(app) == "notes"
        await type_text(pilot, "Hi Mum")

        # Maya's portfolio pre-chose three pieces: no choose step.
        assert await next_step(app, pilot) == "piece:butterfly"
        assert await next_step(app, pilot) == "piece:story"
        assert await next_step(app, pilot) == "piece:adding"
        assert await next_step(app, pilot) == "strengths"

        await tab_to(app, pilot, lambda w: w is not None and w.has_class("add-input"), "shift+tab")
        await type_text(pilot, "I can count")
        await pilot.press("enter")
        await pilot.pause()
        assert step_on_screen(app).query_one("#items", EditableList).items[-1] == "I can count"
        assert step_on_screen(app).query_one(".add-input", Input).value == ""

        assert await next_step(app, pilot) == "next_steps"
        assert await next_step(app, pilot) == "goals"
        await tab_to(app, pilot, lambda w: w is not None and w.id == "add-goal", "shift+tab")
        await pilot.press("enter")
        await pilot.pause()
        new_goal = list(step_on_screen(app).query(GoalRow))[-1]
        focused: Widget | None = app.focused
        assert focused is new_goal.query_one(".goal-text", Input)
        await type_text(pilot, "Swim")
        new_goal.query_one(".goal-how", Input).value = "Go to the pool on Saturdays"

        assert await next_step(app, pilot) == "questions"
        ideas = step_on_screen(app).query_one("#question-ideas", OptionList)
        assert app.focused is step_on_screen(app).query_one("#asked .add-input", Input)
        await tab_to(app, pilot, lambda w: w is ideas, "shift+tab")
        await pilot.press("down")
        assert ideas.highlighted is not None
        question = str(ideas.get_option_at_index(ideas.highlighted).prompt)
        await pilot.press("enter")
        await pilot.pause()
        assert step_on_screen(app).query_one("#asked", EditableList).items == [question]

        assert await next_step(app, pilot) == "commitment"
        commitment = await tab_to(app, pilot, lambda w: w is not None and w.id == "commitment")
        assert isinstance(commitment, TextArea)
        await type_text(pilot, "We ")
        commitment.text = commitment.text + "read. " + MULTILINGUAL
        step_on_screen(app).query(".goal-commitment").results(
            Input
        ).__next__().value = "Lire ☕ ensemble"
        follow_up = await tab_to(app, pilot, lambda w: isinstance(w, Checkbox))
        await pilot.press("enter")  # (Space right after typing and Tab goes to the text)
        assert isinstance(follow_up, Checkbox) and follow_up.value is True

        clock.advance(minutes=14)
        assert await next_step(app, pilot) == "wrap_up"
        record_shown = static_text(step_on_screen(app).query_one("#record", Static))
        assert MULTILINGUAL in record_shown
        assert "private follow-up" in record_shown
        saved_where = static_text(step_on_screen(app).query_one("#saved-where", Static))
        assert saved_where == f"💾 Saved on this computer at 15:44:00:\n{results_dir / 'maya.json'}"
        await pilot.press("ctrl+n")  # ✔ Finish
        await settle(app, pilot)
        assert isinstance(app.screen, PickerScreen)
        assert status_in_picker(app, "maya") == "● done"

    [record] = saved_records(results_dir, "maya")
    assert record["status"] == "done"
    assert record["started"] == "2026-11-22T15:30:00"
    assert record["finished"] == "2026-11-22T15:44:00"
    assert record["chosen"] == ["butterfly", "story", "adding"]
    assert record["said"] == {"welcome": "Hi Mum"}
    assert record["strengths"][-1] == "I can count"
    assert record["goals"][-1] == {"goal": "Swim", "how": "Go to the pool on Saturdays", "by": ""}
    assert record["parent_questions"] == [question]
    assert record["commitment"] == "We read. " + MULTILINGUAL
    assert record["goal_commitments"][0] == "Lire ☕ ensemble"
    assert record["follow_up"] is True


async def test_sam_mouse_only_conference_with_review_and_choose(
    make_app: AppFactory, results_dir: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await click_option(pilot, "#students", 3)  # one click opens Sam
        await settle(app, pilot)
        assert step_key(app) == "welcome"

        await pilot.click("#next")
        await settle(app, pilot)
        assert step_key(app) == "review"
        shown = screen_text(app)
        assert "Know my times tables up to 5 x 5." in shown
        assert "Quiz Sam at breakfast" in shown

        await pilot.click("#next")
        await settle(app, pilot)
        assert isinstance(current_step(app), ChooseStep)
        conference = conference_of(app)
        assert conference.chosen == []

        async def click_card(piece_id: str) -> None:
            await pilot.click(f"#card-{piece_id}")
            await pilot.pause()

        await pilot.click("#next")
        await pilot.pause()
        assert step_key(app) == "choose"
        assert "Pick 3 pieces" in nav_message(app)

        await click_card("volcano")
        await click_card("arrays")
        await pilot.click("#next")
        await pilot.pause()
        assert step_key(app) == "choose"
        assert "you have picked 2" in nav_message(app)

        await click_card("map")
        assert "3 of 3 picked" in nav_message(app)
        await click_card("comic")  # a fourth: refused
        assert conference.chosen == ["volcano", "arrays", "map"]
        assert "already picked 3" in nav_message(app)
        assert not step_on_screen(app).query_one("#card-comic", PieceCard).has_class("-chosen")

        await click_card("arrays")  # un-pick
        assert conference.chosen == ["volcano", "map"]
        assert not step_on_screen(app).query_one("#card-arrays", PieceCard).has_class("-chosen")
        await click_card("poem")
        assert conference.chosen == ["volcano", "map", "poem"]
        assert step_on_screen(app).query_one("#card-poem", PieceCard).has_class("-chosen")

        for expected in ("piece:volcano", "piece:map", "piece:poem", "strengths"):
            await pilot.click("#next")
            await settle(app, pilot)
            assert step_key(app) == expected
        for expected in ("next_steps", "goals", "questions"):
            await pilot.click("#next")
            await settle(app, pilot)
            assert step_key(app) == expected

        question = await click_option(pilot, "#question-ideas", 1)
        await pilot.pause()
        assert step_on_screen(app).query_one("#asked", EditableList).items == [question]

        await pilot.click("#next")
        await settle(app, pilot)
        assert step_key(app) == "commitment"
        idea = await click_option(pilot, "#commitment-ideas", 0)
        await pilot.pause()
        assert step_on_screen(app).query_one("#commitment", TextArea).text == idea
        await pilot.click("#follow-up")
        await pilot.pause()
        assert step_on_screen(app).query_one("#follow-up", Checkbox).value is True

        await pilot.click("#next")
        await settle(app, pilot)
        assert step_key(app) == "wrap_up"
        assert str(app.screen.query_one("#next", Button).label) == "✔ Finish"
        await pilot.click("#next")
        await settle(app, pilot)
        assert isinstance(app.screen, PickerScreen)
        assert status_in_picker(app, "sam") == "● done"

    spring, fall = saved_records(results_dir, "sam")
    assert spring["id"] == "sample-sam-spring-2026"
    assert fall["status"] == "done"
    assert fall["chosen"] == ["volcano", "map", "poem"]
    assert fall["parent_questions"] == [question]
    assert fall["commitment"] == idea
    assert fall["follow_up"] is True


async def test_zoe_with_two_pieces_has_no_choose_step(make_app: AppFactory) -> None:
    app = make_app("zoe")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        conference = conference_of(app)
        assert [s.key for s in conference.steps()][:3] == [
            "welcome",
            "piece:family",
            "piece:letter-z",
        ]
        assert "choose" not in [s.key for s in conference.steps()]
        for number, piece_id in enumerate(("family", "letter-z"), start=1):
            assert await next_step(app, pilot) == f"piece:{piece_id}"
            assert isinstance(current_step(app), PieceStep)
            preview = step_on_screen(app).query_one("#piece-image", ImagePreview)
            assert preview.loaded and preview.problem is None
            headline = static_text(app.screen.query_one("#headline", Static))
            assert f"My work {number} of 2" in headline
            assert not step_on_screen(app).query("#change-pieces")  # nothing else to choose from
        assert await next_step(app, pilot) == "strengths"


# -- help, back, resume, quit ---------------------------------------------------------------


def help_texts(app: App[Any]) -> list[str]:
    panel = app.screen.query_one(HelpPanel)
    return [static_text(s) for s in panel.query(".help-prompt").results(Static)]


async def test_help_panel_shows_student_then_class_then_default_prompts(
    make_app: AppFactory,
) -> None:
    app = make_app("maya")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert await next_step(app, pilot) == "piece:butterfly"
        assert not app.screen.query(HelpPanel)  # made when help is first asked for

        await pilot.press("f1")
        panel = app.screen.query_one(HelpPanel)
        assert panel.shown and panel.display
        assert str(app.screen.query_one("#help", Button).label) == "✕ Hide help"
        texts = help_texts(app)
        assert texts[0] == "from your portfolio\n💬 Point to your favourite part."
        assert texts[3] == "from your teacher\n💬 What did you have to do for this piece?"
        assert [p.source for p in panel.prompts] == ["student"] * 3 + ["class"] * 4
        assert "💬 Point to your" in screen_text(app)  # on screen, not only in the DOM

        await pilot.press("escape")
        assert not panel.shown and not panel.display
        assert str(app.screen.query_one("#help", Button).label) == "? Help"

        # The class wrote no prompts for next steps, nor did Maya: built-in ideas for K–2.
        await jump_to(app, pilot, "next_steps")
        await pilot.press("f1")
        defaults = STEP_PROMPTS[grade_band("1")]["next_steps"]
        assert defaults
        texts = help_texts(app)
        assert texts[0] == f"ideas\n💬 {defaults[0]}"
        assert [t.removeprefix("ideas\n") for t in texts] == [f"💬 {d}" for d in defaults]


async def test_back_from_first_piece_keeps_what_was_typed(make_app: AppFactory) -> None:
    app = make_app("maya")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.screen.query_one("#back", Button).disabled
        await type_text(pilot, "I like cats")
        assert await next_step(app, pilot) == "piece:butterfly"
        assert await next_step(app, pilot, "ctrl+b") == "welcome"
        assert step_on_screen(app).query_one("#notes", TextArea).text == "I like cats"


async def test_resume_carries_on_where_it_stopped_and_start_again_starts_fresh(
    make_app: AppFactory, results_dir: Path, clock: FrozenClock
) -> None:
    typed = "We saw the lava 🌋 — ¡qué bien!"
    app = make_app("sam")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert await next_step(app, pilot) == "review"
        assert await next_step(app, pilot) == "choose"
        await pilot.press("enter", "right", "enter", "right", "enter")
        assert await next_step(app, pilot) == "piece:volcano"
        conference_id = conference_of(app).id
        notes = step_on_screen(app).query_one("#notes", TextArea)
        notes.focus()
        await type_text(pilot, "We")
        notes.text = typed

        def saved_text() -> str | None:
            unfinished = [r for r in saved_records(results_dir, "sam") if r["id"] == conference_id]
            return unfinished[0]["said"].get("piece:volcano") if unfinished else None

        assert saved_text() is None  # not yet: the autosave waits for a pause in typing
        await wait_until(pilot, lambda: saved_text() == typed, timeout=4, what="the autosave")
        app.exit()

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pick_with_keyboard(app, pilot, "sam")
        assert isinstance(app.screen, ChoiceDialog)
        assert "isn't finished" in screen_text(app)
        await pilot.click("#resume")
        await settle(app, pilot)
        assert isinstance(current_step(app), PieceStep)
        assert step_key(app) == "piece:volcano"
        assert conference_of(app).id == conference_id
        assert conference_of(app).chosen == ["volcano", "arrays", "map"]
        assert step_on_screen(app).query_one("#notes", TextArea).text == typed
        app.exit()

    clock.advance(minutes=5)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pick_with_keyboard(app, pilot, "sam")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.click("#new")
        await settle(app, pilot)
        assert isinstance(current_step(app), WelcomeStep)
        assert conference_of(app).id != conference_id
        assert step_on_screen(app).query_one("#notes", TextArea).text == ""
        assert "review" in [s.key for s in conference_of(app).steps()]
        app.exit()

    records = saved_records(results_dir, "sam")
    assert len(records) == 3
    assert [r["step"] for r in records[1:]] == ["piece:volcano", "welcome"]
    # The conference set aside by "Start again" is kept but never offered again.
    assert [r["status"] for r in records[1:]] == ["abandoned", "in_progress"]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pick_with_keyboard(app, pilot, "sam")
        await pilot.click("#resume")
        await settle(app, pilot)
        assert conference_of(app).id == records[2]["id"]
        app.exit()


async def test_going_straight_to_a_child_asks_its_question_over_the_student_list(
    make_app: AppFactory, results_dir: Path
) -> None:
    app = make_app("sam")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        # Nothing to ask: the child's first step, with no student list made beneath it.
        assert [type(screen) for screen in app.screen_stack][1:] == [ConferenceScreen]
        assert await next_step(app, pilot) == "review"

        def saved_step() -> str | None:
            records = saved_records(results_dir, "sam")
            return records[-1]["step"] if len(records) > 1 else None

        await wait_until(pilot, lambda: saved_step() == "review", what="the save")
        app.exit()

    app = make_app("sam")  # an unfinished conference: asked about over the student list
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(
            pilot,
            lambda: isinstance(app.screen, ChoiceDialog) and "isn't finished" in screen_text(app),
            what="the question",
        )
        assert any(isinstance(screen, PickerScreen) for screen in app.screen_stack)
        await settle(app, pilot)
        await pilot.click("#resume")
        await settle(app, pilot)
        assert step_key(app) == "review"
        app.exit()


async def test_a_double_click_on_a_name_opens_one_dialog(
    make_app: AppFactory, results_dir: Path
) -> None:
    app = make_app("sam")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.exit()  # leaves Sam's conference unfinished
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        students = app.screen.query_one("#students", OptionList)
        index = students.get_option_index("sam")
        line = students._index_to_line[index]
        top, _, _, left = students.gutter
        await pilot.click("#students", offset=(left + 2, top + line), times=2)
        await settle(app, pilot)
        assert [type(s).__name__ for s in app.screen_stack[1:]] == ["PickerScreen", "ChoiceDialog"]


async def test_a_damaged_results_file_is_kept_aside_and_the_last_good_copy_restored(
    make_app: AppFactory, results_dir: Path
) -> None:
    app = make_app("maya")  # Maya's conference, in progress, saved (twice: a backup exists)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.save_now()
        await settle(app, pilot)
        await pilot.press("ctrl+q")
    damage = '{"conferences": {"1": {'
    (results_dir / "maya.json").write_text(damage, encoding="utf-8")  # a power cut, say
    (results_dir / "zoe.json").write_text("", encoding="utf-8")  # empty, and no good copy

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert status_in_picker(app, "maya") == "◐ in progress"  # restored, not reset
        assert status_in_picker(app, "zoe") == "○ not started"
        messages = [n.message for n in app._notifications]
        [maya] = [m for m in messages if m.startswith("maya.json was damaged")]
        assert "last good copy (1 conference) was restored" in maya
        [zoe] = [m for m in messages if m.startswith("zoe.json was damaged")]
        assert "the file is empty" in zoe
        assert "damaged results file(s) repaired" in screen_text(app)
    [kept] = results_dir.glob("maya.damaged-*.json")
    assert kept.read_text(encoding="utf-8") == damage  # the bad file is kept, byte for byte
    assert len(list(results_dir.glob("zoe.damaged-*.json"))) == 1
    [record] = saved_records(results_dir, "maya")
    assert record["status"] == "in_progress"


async def test_ctrl_q_saves_what_was_typed(make_app: AppFactory, results_dir: Path) -> None:
    typed = "Bye for now — à bientôt 👋"
    app = make_app("maya")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        step_on_screen(app).query_one("#notes", TextArea).text = typed
        await pilot.pause()
        await pilot.press("ctrl+q")  # at once: long before the autosave would run
        await pilot.pause()
        assert not app.is_running
    [record] = saved_records(results_dir, "maya")
    assert record["said"] == {"welcome": typed}
    assert record["status"] == "in_progress"


async def test_items_typed_in_an_edit_row_and_removed_are_saved(
    make_app: AppFactory, results_dir: Path
) -> None:
    app = make_app("zoe")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await jump_to(app, pilot, "strengths")
        rows = list(step_on_screen(app).query(ItemRow))
        assert [r.query_one(Input).value for r in rows] == [
            "I share the blocks.",
            "I can write my name.",
        ]
        await pilot.click(rows[0].query_one(".remove"))
        await pilot.pause()
        assert step_on_screen(app).query_one("#items", EditableList).items == [
            "I can write my name."
        ]
        app.save_now()
        await settle(app, pilot)
    [record] = saved_records(results_dir, "zoe")
    assert record["strengths"] == ["I can write my name."]


async def test_a_save_done_before_the_step_is_on_screen_is_still_confirmed(
    make_app: AppFactory, clock: FrozenClock
) -> None:
    """The disk can be quicker than building the next screen; the confirmation must not be lost."""
    app = make_app("maya")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        conference = conference_of(app)
        conference.go_to(conference.steps()[-2])
        conference.next(clock())
        wrap_up = step_for(conference, app.step_context(conference))
        screen = app.screen
        assert isinstance(screen, ConferenceScreen)
        screen.show(wrap_up)
        screen.show_saved("results/maya.json", "15:31:00")  # before the step is mounted
        assert not wrap_up.is_mounted
        await settle(app, pilot)
        assert current_step(app) is wrap_up
        assert static_text(screen.query_one("#saved-badge", Static)) == "💾 15:31:00"
        assert static_text(wrap_up.query_one("#saved-where", Static)) == (
            "💾 Saved on this computer at 15:31:00:\nresults/maya.json"
        )


async def test_typing_on_arrival_at_strengths_adds_and_overwrites_nothing(
    make_app: AppFactory,
) -> None:
    app = make_app("maya")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        before = list(conference_of(app).strengths)
        while step_key(app) != "strengths":
            await next_step(app, pilot)
        await type_text(pilot, "Brave")
        await pilot.press("enter")
        await settle(app, pilot)
        assert conference_of(app).strengths == [*before, "Brave"]


async def test_wrap_up_writes_a_take_home_copy(make_app: AppFactory, results_dir: Path) -> None:
    app = make_app("zoe")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        while step_key(app) != "wrap_up":
            await next_step(app, pilot)
        await pilot.click("#take-home")
        await wait_until(pilot, lambda: "Take-home copy:" in screen_text(app), what="the copy")
        copies = list((results_dir / "take-home").iterdir())
        assert [copy.name for copy in copies] == ["zoe-2026-11-22.pdf"]
        assert str(copies[0]) in static_text(app.screen.query_one("#saved-where", Static))
        assert app.screen.query_one("#take-home", Button).label == "🖨 Copy written ✔"
        reader = PdfReader(copies[0])
        text = "".join(page.extract_text() for page in reader.pages)
        assert "Zoe" in text and "Ms. Okafor" in text and "not finished" not in text
        assert sum(len(page.images) for page in reader.pages) == 2  # her two pieces


async def test_a_take_home_copy_that_cannot_be_written_is_said_calmly(
    make_app: AppFactory, results_dir: Path
) -> None:
    (results_dir / "take-home").write_text("a file where the folder should be")
    app = make_app("zoe")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        while step_key(app) != "wrap_up":
            await next_step(app, pilot)
        await pilot.click("#take-home")

        def said() -> list[str]:
            return [n.message for n in app._notifications if n.title == "No take-home copy"]

        await wait_until(pilot, lambda: bool(said()), what="the message")
        assert "Could not write the take-home copy" in said()[0]
        assert "take-home" in said()[0]
        assert step_key(app) == "wrap_up"  # still there, nothing else happened


async def test_going_straight_to_a_child_reads_the_rest_of_the_class_after_the_first_step(
    make_app: AppFactory,
) -> None:
    app = make_app("maya")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert step_key(app) == "welcome"
        assert app.session is not None
        await wait_until(pilot, lambda: app.session.folder.complete, what="the whole class")
        assert len(app.session.folder.portfolios) == 5
