"""Text is never markup: hostile text in every field of every file, and typed into every box
of every step, is shown as typed and never crashes, styles or runs anything."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.pilot import Pilot
from textual.widgets import Static

from slc_tui.store.results import ResultsStore
from slc_tui.ui.app import create_app
from slc_tui.ui.screens.picker import PickerScreen
from slc_tui.ui.steps.wrap_up import WrapUpStep
from tests.factories import class_data, make_class, piece_data, portfolio_data
from tests.ui.helpers import (
    FrozenClock,
    current_step,
    saved_records,
    screen_text,
    settle,
    static_text,
)
from tests.ui.test_conference_flow import click_option
from tests.ui.test_typing_lands import type_like_a_parent

#: Markup Textual would read: closing nothing, clicking an action, styles, links, escapes.
HOSTILE = (
    "[/]",
    "[@click=app.quit]Kid[/]",
    "[b]bold[/b] [2+3]",
    "[red]red",
    "[link='http://example.com']x[/link]",
    "\\[not] [/b]",
    "[@click=screen.dismiss('x')]",
)


def hostile_class(root: Path, text: str) -> Path:
    """A class folder with ``text`` in every text field slc reads and shows."""
    pieces = [
        piece_data(
            piece_id,
            title=f"{text} title {piece_id}",
            subject=f"{text} subject",
            why_chosen=f"{text} why",
            what_i_did=f"{text} did",
            skills=f"{text} skills",
            proud_of=f"{text} proud",
            next_time=f"{text} next",
        )
        for piece_id in ("butterfly", "story", "arrays", "map")
    ]
    portfolio = portfolio_data(
        name=f"{text} Maya",
        pieces=pieces,
        strengths=[f"{text} strength"],
        next_steps=[f"{text} next step"],
        goals=[{"goal": f"{text} goal", "how": f"{text} how", "by": "2027-03"}],
        prompts={"piece": [f"{text} student prompt"]},
    )
    portfolio["student"]["learner"] = f"{text} learner"
    return make_class(
        root,
        [portfolio],
        class_info=class_data(name=f"Room 12 {text}", teacher=f"{text} teacher", term="Fall 2026"),
        prompts={
            "format": "slc-prompts/1",
            "steps": {step: [f"{text} class prompt {step}"] for step in ("welcome", "goals")},
            "parent_questions": [f"{text} question?"],
            "commitment_ideas": [f"{text} idea"],
        },
    )


def add_last_conference(results: Path, text: str) -> None:
    """A finished conference last term, so the review step shows hostile text too."""
    ResultsStore(results).save(
        {
            "format": "slc-record/1",
            "id": "last-spring",
            "student_id": "maya",
            "student_name": f"{text} Maya",
            "term": "Spring 2026",
            "status": "done",
            "started": "2026-04-15T15:00:00",
            "finished": "2026-04-15T15:20:00",
            "goals": [{"goal": f"{text} old goal", "how": f"{text} old how", "by": "2026-06"}],
            "goal_commitments": [f"{text} old promise"],
            "commitment": f"{text} old commitment",
        }
    )


async def lead_whole_conference(pilot: Pilot[Any], typed: str) -> None:
    """From the picker: click the child's (hostile) name, then on every step open help and
    type ``typed``, picking three pieces on Choose, until the conference is finished."""
    app = pilot.app
    await settle(app, pilot)
    assert isinstance(app.screen, PickerScreen)
    await click_option(pilot, "#students", 0)  # on the name: "[@click=app.quit]" in it
    await settle(app, pilot)
    await pilot.click("#student-name")  # the name in the top bar: clicking runs nothing
    await pilot.click("#headline")
    await pilot.pause()
    assert app.is_running
    for _ in range(20):
        step = current_step(app)
        assert step is not None, f"no step on screen: {app.screen!r}"
        if step.step.key == "choose":
            conference = step.conference
            for piece_id in ("butterfly", "story", "map"):
                if piece_id not in conference.chosen:
                    conference.toggle_piece(piece_id)
        await pilot.press("f1")
        await type_like_a_parent(pilot, typed, burst=True)
        await pilot.press("f1")
        if isinstance(step, WrapUpStep):
            await pilot.press("ctrl+n")  # Finish
            await settle(app, pilot)
            return
        await pilot.press("ctrl+n")
        await settle(app, pilot)
    raise AssertionError("the conference never reached its end")


#: Every pattern at once (one conference: each takes seconds to lead).
ALL_HOSTILE = " ".join(HOSTILE)


async def test_every_field_and_every_box_shows_markup_as_typed(
    tmp_path: Path, slc_data_dir: Path
) -> None:
    text = ALL_HOSTILE
    root = hostile_class(tmp_path / "class", text)
    results = root / "results"
    add_last_conference(results, text)
    app = create_app(root, results, clock=FrozenClock())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert static_text(app.screen.query_one("#picker-title", Static)) == f"📚 Room 12 {text}"
        assert "[@click=app.quit]Kid[/]" in screen_text(app)  # as written, not a link
        await lead_whole_conference(pilot, f" {text}")
        assert app.is_running, "the app stopped"
        assert isinstance(app.screen, PickerScreen)
    [*_, record] = saved_records(results, "maya")
    assert record["status"] == "done"
    assert record["said"]["welcome"].strip() == text
    assert record["commitment"] == text


#: Generated text for the property test: markup-like brackets, controls, RTL, long runs.
hostile_text = st.lists(
    st.sampled_from(
        [
            *"[]/@=()'\"\\ab Zé",
            "[/]",
            "[@click=app.quit]",
            "\u202e",
            "\x1b",
            "\x00",
            "ש",
            "long" * 10,
        ]
    ),
    min_size=1,
    max_size=12,
).map(lambda parts: "".join(parts) if "".join(parts).strip() else "[/]")


@settings(
    max_examples=3,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=hostile_text)
async def test_generated_hostile_text_in_files_and_boxes_never_crashes(
    tmp_path_factory: Any, slc_data_dir: Path, text: str
) -> None:
    root = hostile_class(tmp_path_factory.mktemp("hostile"), text)
    results = root / "results"
    add_last_conference(results, text)
    app = create_app(root, results, clock=FrozenClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await lead_whole_conference(pilot, text)
        assert app.is_running
    [*_, record] = saved_records(results, "maya")
    assert record["status"] == "done"
