"""Typed words land where the family meant them, on every step (docs/typing.md).

Each test types a sentence the way a parent does (no Tab or click first; then after a Tab;
then after a click on something that takes no text) and checks that the record the app
would save holds exactly that sentence in the right field and that nothing else changed.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.widgets import Button, Checkbox, Input, OptionList, Select, TextArea

from slc_tui.core.record import to_record
from slc_tui.ui.app import SlcApp
from slc_tui.ui.steps.base import NOTHING_TO_TYPE_IN
from slc_tui.ui.widgets.editable_list import ItemRow
from slc_tui.ui.widgets.goal_editor import GoalRow
from slc_tui.ui.widgets.month_picker import MonthPicker
from slc_tui.ui.widgets.piece_card import PieceCard
from tests.ui.conftest import AppFactory
from tests.ui.helpers import settle, step_on_screen
from tests.ui.test_conference_flow import conference_of, jump_to, nav_message, tab_to

#: What a parent types: spaces, accents, brackets that look like markup, an apostrophe.
SENTENCE = "Él lee [2+3] cada día, and we'll read [/] together"


async def type_like_a_parent(pilot: Pilot[Any], text: str, *, burst: bool = False) -> None:
    """Type ``text`` key by key as a terminal sends it (accents too, unlike Pilot.press):
    one key at a time, or with ``burst`` all at once (as a paste-fast typist would)."""
    app = pilot.app
    for character in text:
        app.post_message(events.Key(_character_to_key(character), character))
        if not burst:
            await pilot.pause()
    await pilot.pause()


def record_of(app: SlcApp) -> dict[str, Any]:
    """What the app would save now, without the times that move on every save."""
    record = to_record(conference_of(app))
    for moving in ("updated", "step"):
        record.pop(moving)
    return record


def changed(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """The fields of ``after`` that differ from ``before``."""
    return {key: value for key, value in after.items() if before.get(key) != value}


async def open_step(make_app: AppFactory, pilot: Pilot[Any], step_key: str) -> SlcApp:
    app = pilot.app
    assert isinstance(app, SlcApp)
    await settle(app, pilot)
    await jump_to(app, pilot, step_key)
    return app


# -- notes boxes: welcome, piece ---------------------------------------------------------


async def test_welcome_typing_at_once_after_tab_and_after_a_click(make_app: AppFactory) -> None:
    app = make_app(student_id="maya")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        before = record_of(app)
        await type_like_a_parent(pilot, SENTENCE)
        assert changed(before, record_of(app)) == {"said": {"welcome": SENTENCE}}

        await pilot.press("tab")  # the keyboard leaves the box (to a button)
        assert not isinstance(app.focused, TextArea)
        await type_like_a_parent(pilot, " more")
        await pilot.click("#headline")  # a click on plain words
        await type_like_a_parent(pilot, " (yes)")
        assert changed(before, record_of(app)) == {"said": {"welcome": SENTENCE + " more (yes)"}}


async def test_piece_step_starts_in_the_family_notes(make_app: AppFactory) -> None:
    app = make_app(student_id="maya")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_step(make_app, pilot, "piece:butterfly")
        before = record_of(app)
        await type_like_a_parent(pilot, SENTENCE)
        assert changed(before, record_of(app)) == {"said": {"piece:butterfly": SENTENCE}}

        await pilot.click("#piece-points")  # the talking points: they take no text
        await type_like_a_parent(pilot, "!")
        await tab_to(app, pilot, lambda w: isinstance(w, Button) and w.id == "change-pieces")
        await type_like_a_parent(pilot, " Oui")  # space first: straight after typing
        assert conference_of(app).step.key == "piece:butterfly"  # no button was pressed
        assert changed(before, record_of(app)) == {"said": {"piece:butterfly": SENTENCE + "! Oui"}}


# -- choose: cards take no text ------------------------------------------------------------


async def test_choose_letters_never_pick_a_card_and_space_picks_only_when_choosing(
    make_app: AppFactory,
) -> None:
    app = make_app(student_id="aiyana")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        assert conference_of(app).step.key == "choose"
        first = app.focused
        assert isinstance(first, PieceCard)
        before = record_of(app)

        await type_like_a_parent(pilot, "I like this one")
        await settle(app, pilot)
        assert conference_of(app).chosen == []
        assert changed(before, record_of(app)) == {"said": {"choose": "I like this one"}}

        # Clearly choosing: arrows onto a card, then Space (and Space again puts it back).
        await pilot.click(PieceCard)
        assert conference_of(app).chosen == [first.piece.id]  # the mouse always picks
        await pilot.press("right")
        second = app.focused
        assert isinstance(second, PieceCard)
        await pilot.press("space")
        assert conference_of(app).chosen == [first.piece.id, second.piece.id]
        await pilot.press("space")
        assert conference_of(app).chosen == [first.piece.id]
        await pilot.press("space")
        assert conference_of(app).chosen == [first.piece.id, second.piece.id]

        # A letter, then Space: that is a sentence, not a choice.
        await pilot.press("right")
        await type_like_a_parent(pilot, "x y")
        assert conference_of(app).chosen == [first.piece.id, second.piece.id]
        assert conference_of(app).said["choose"] == "I like this onex y"


# -- lists: strengths, questions -----------------------------------------------------------


async def test_strengths_enter_adds_and_moves_on_tab_and_buttons_take_no_letters(
    make_app: AppFactory,
) -> None:
    app = make_app(student_id="maya")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_step(make_app, pilot, "strengths")
        before = record_of(app)
        old = list(before["strengths"])
        await type_like_a_parent(pilot, SENTENCE)
        await pilot.press("enter")
        assert changed(before, record_of(app)) == {"strengths": [*old, SENTENCE]}

        await pilot.press("tab")  # onto "+ Add"
        assert isinstance(app.focused, Button)
        await type_like_a_parent(pilot, "Kind to friends")
        await pilot.press("enter")
        assert record_of(app)["strengths"] == [*old, SENTENCE, "Kind to friends"]

        # Enter in a row moves to the next row, and from the last one to the add box.
        rows = list(step_on_screen(app).query(ItemRow))
        rows[0].box.focus()
        await pilot.pause()
        await pilot.press("enter")
        assert app.focused is rows[1].box
        rows[-1].box.focus()
        await pilot.pause()
        await pilot.press("enter")
        assert app.focused is step_on_screen(app).query_one(".add-input", Input)


async def test_questions_a_typed_question_is_saved_not_the_highlighted_idea(
    make_app: AppFactory,
) -> None:
    app = make_app(student_id="maya")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_step(make_app, pilot, "questions")
        before = record_of(app)
        await type_like_a_parent(pilot, "What does she do at recess?")
        await pilot.press("enter")
        assert changed(before, record_of(app)) == {
            "parent_questions": ["What does she do at recess?"]
        }

        ideas = step_on_screen(app).query_one("#question-ideas", OptionList)
        await tab_to(app, pilot, lambda w: w is ideas, "shift+tab")
        await pilot.press("down")  # an idea is highlighted
        await type_like_a_parent(pilot, "Who are her friends?")
        await pilot.press("enter")
        assert record_of(app)["parent_questions"] == [
            "What does she do at recess?",
            "Who are her friends?",
        ]


# -- goals ---------------------------------------------------------------------------------


async def test_goals_enter_moves_between_fields_and_the_month_is_picked(
    make_app: AppFactory,
) -> None:
    app = make_app(student_id="maya")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(make_app, pilot, "goals")
        before = record_of(app)
        await tab_to(app, pilot, lambda w: isinstance(w, Button) and w.id == "add-goal")
        await pilot.press("enter")
        await pilot.pause()
        new = list(step_on_screen(app).query(GoalRow))[-1]
        assert app.focused is new.text_box
        await type_like_a_parent(pilot, "Aprender a nadar 🏊")
        await pilot.press("enter")
        await type_like_a_parent(pilot, "Ir à la piscine")
        await pilot.press("enter")
        picker = new.query_one(MonthPicker)
        assert app.focused is picker
        assert picker.month == ""  # nothing looks picked until it is
        await pilot.press("enter")  # opens the months
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        assert picker.month == "2027-01"  # November, December, January
        assert isinstance(app.focused, Button) and app.focused.id == "add-goal"
        goals = record_of(app)["goals"]
        assert goals[:-1] == before["goals"]
        assert goals[-1] == {
            "goal": "Aprender a nadar 🏊",
            "how": "Ir à la piscine",
            "by": "2027-01",
        }


async def test_goal_by_only_ever_saves_a_real_month(make_app: AppFactory) -> None:
    app = make_app(student_id="maya")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(make_app, pilot, "goals")
        picker = step_on_screen(app).query(MonthPicker).first()
        assert picker.month == "2027-03"  # from the portfolio
        picker.value = Select.NULL  # cleared
        await pilot.pause()
        assert record_of(app)["goals"][0]["by"] == ""
        # Typing on the picker goes to a text box, never into the month.
        picker.focus()
        await pilot.pause()
        await type_like_a_parent(pilot, "junio")
        assert picker.month == ""
        assert all(goal["by"] in ("", "2027-03") for goal in record_of(app)["goals"])


# -- at home -------------------------------------------------------------------------------


async def test_at_home_the_follow_up_box_never_takes_a_sentence(make_app: AppFactory) -> None:
    app = make_app(student_id="maya")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(make_app, pilot, "commitment")
        before = record_of(app)
        await type_like_a_parent(pilot, "We will read")
        assert changed(before, record_of(app)) == {"commitment": "We will read"}
        last_goal_box = list(step_on_screen(app).query(".goal-commitment").results(Input))[-1]
        last_goal_box.focus()
        await pilot.pause()
        await type_like_a_parent(pilot, "Count")
        await pilot.press("tab")  # Tab from the last box lands on the follow-up box
        follow_up = app.focused
        assert isinstance(follow_up, Checkbox)
        assert str(follow_up.render()).startswith("[ ]")
        await type_like_a_parent(pilot, " every day (en español)")
        assert follow_up.value is False
        assert changed(before, record_of(app)) == {
            "commitment": "We will read",
            "goal_commitments": ["", "Count every day (en español)"],
        }

        # Clearly choosing: Shift+Tab back onto it from the Next button, then Space.
        await tab_to(app, pilot, lambda w: isinstance(w, Button) and w.id == "next")
        await tab_to(app, pilot, lambda w: isinstance(w, Checkbox), "shift+tab")
        await pilot.press("space")
        assert follow_up.value is True
        assert str(follow_up.render()).startswith("[✔]")  # the mark says it, not the colour
        await pilot.click("#follow-up")  # the mouse always ticks
        assert follow_up.value is False


async def test_at_home_enter_moves_through_the_goal_boxes(make_app: AppFactory) -> None:
    app = make_app(student_id="maya")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(make_app, pilot, "commitment")
        boxes = list(step_on_screen(app).query(".goal-commitment").results(Input))
        assert len(boxes) == 2
        boxes[0].focus()
        await pilot.pause()
        await type_like_a_parent(pilot, "Leer juntos")
        await pilot.press("enter")
        assert app.focused is boxes[1]
        await type_like_a_parent(pilot, "Jeux de nombres")
        await pilot.press("enter")
        assert isinstance(app.focused, Button) and app.focused.id == "next"
        await type_like_a_parent(pilot, " le soir")  # back to the box typed in last
        assert record_of(app)["goal_commitments"] == ["Leer juntos", "Jeux de nombres le soir"]
        assert record_of(app)["follow_up"] is False


# -- removing and undoing ------------------------------------------------------------------


async def test_remove_a_strength_then_undo_with_ctrl_z(make_app: AppFactory) -> None:
    app = make_app(student_id="maya")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_step(make_app, pilot, "strengths")
        before = record_of(app)
        strengths = list(before["strengths"])
        assert len(strengths) >= 2
        rows = list(step_on_screen(app).query(ItemRow))
        await pilot.click(rows[0].query_one(Button))
        await pilot.pause()
        assert record_of(app)["strengths"] == strengths[1:]
        remaining = list(step_on_screen(app).query(ItemRow))
        assert app.focused is remaining[0].box  # the neighbour has the keyboard
        assert app.screen.query_one("#undo", Button).display
        assert "Removed" in nav_message(app)

        await pilot.press("ctrl+z")
        await pilot.pause()
        assert record_of(app) == before
        assert not app.screen.query_one("#undo", Button).display
        await pilot.press("ctrl+z")  # nothing more to put back
        await pilot.pause()
        assert record_of(app) == before


async def test_ctrl_z_undoes_typing_in_a_text_box_when_nothing_was_removed(
    make_app: AppFactory,
) -> None:
    app = make_app(student_id="maya")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await type_like_a_parent(pilot, "Hola")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "welcome" not in record_of(app)["said"]


async def test_remove_a_goal_then_undo_brings_back_the_family_promise(
    make_app: AppFactory,
) -> None:
    app = make_app(student_id="maya")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(make_app, pilot, "commitment")
        boxes = list(step_on_screen(app).query(".goal-commitment").results(Input))
        boxes[0].focus()
        await pilot.pause()
        await type_like_a_parent(pilot, "Leer cada noche")
        await jump_to(app, pilot, "goals")
        before = record_of(app)
        assert before["goal_commitments"] == ["Leer cada noche", ""]

        first = step_on_screen(app).query(GoalRow).first()
        await pilot.click(first.query_one(".remove-goal"))
        await pilot.pause()
        after = record_of(app)
        assert after["goals"] == before["goals"][1:]
        assert after["goal_commitments"] == [""]
        assert app.focused is step_on_screen(app).query(GoalRow).first().text_box

        await pilot.click("#undo")
        await pilot.pause()
        assert record_of(app) == before
        assert step_on_screen(app).query(GoalRow).first().border_title == "🎯 Goal 1"


async def test_undo_is_offered_only_for_a_while_and_not_on_the_next_step(
    make_app: AppFactory,
) -> None:
    app = make_app(student_id="maya")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_step(make_app, pilot, "strengths")
        await pilot.click(step_on_screen(app).query(ItemRow).first().query_one(Button))
        await pilot.pause()
        assert app.screen.query_one("#undo", Button).display
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        assert not app.screen.query_one("#undo", Button).display


# -- a step with no text box -----------------------------------------------------------


async def test_letters_on_the_wrap_up_are_not_dropped_silently(make_app: AppFactory) -> None:
    app = make_app(student_id="maya")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_step(make_app, pilot, "commitment")
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        before = record_of(app)
        await type_like_a_parent(pilot, "thanks")
        assert nav_message(app) == NOTHING_TO_TYPE_IN
        assert record_of(app) == before


# -- every step: a sentence typed on arrival lands in that step's field --------------------


async def test_a_sentence_typed_on_arrival_lands_in_each_steps_own_field(
    make_app: AppFactory,
) -> None:
    app = make_app(student_id="sam")  # Sam has a last conference: the review step shows
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        conference = conference_of(app)
        for piece_id in ("volcano", "map", "poem"):
            conference.toggle_piece(piece_id)
        expected_change = {
            "welcome": lambda r: {"said": {**r["said"], "welcome": SENTENCE}},
            "review": lambda r: {"said": {**r["said"], "review": SENTENCE}},
            "choose": lambda r: {"said": {**r["said"], "choose": SENTENCE}},
            "piece:map": lambda r: {"said": {**r["said"], "piece:map": SENTENCE}},
            "strengths": lambda r: {"strengths": [*r["strengths"], SENTENCE]},
            "next_steps": lambda r: {"next_steps": [*r["next_steps"], SENTENCE]},
            "goals": lambda r: {
                "goals": [
                    {**r["goals"][0], "goal": r["goals"][0]["goal"] + SENTENCE},
                    *r["goals"][1:],
                ]
            },
            "questions": lambda r: {"parent_questions": [*r["parent_questions"], SENTENCE]},
            "commitment": lambda r: {"commitment": SENTENCE},
        }
        for step_key, expected in expected_change.items():
            await jump_to(app, pilot, step_key)
            before = record_of(app)
            await type_like_a_parent(pilot, SENTENCE)
            assert changed(before, record_of(app)) == expected(before), step_key
