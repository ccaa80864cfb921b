"""The conference state machine, driven without a terminal, and its saved record."""

from __future__ import annotations

import dataclasses
import unicodedata
from datetime import timedelta
from typing import Any

import pytest

from slc_tui.core.classinfo import ClassInfo
from slc_tui.core.conference import MAX_ITEMS, Conference, StepBlocked
from slc_tui.core.portfolio import Goal, Piece, Portfolio, Student
from slc_tui.core.record import RECORD_FORMAT, from_record, to_record
from slc_tui.core.steps import Step, StepKind
from slc_tui.core.text import MAX_LINE_LENGTH, MAX_TEXT_LENGTH
from tests.factories import FIXED_NOW

CLASS = ClassInfo("Room 12", "Ms. Okafor", "Fall 2026", 20)
LATER = FIXED_NOW + timedelta(minutes=7)
TAIL = ["strengths", "next_steps", "goals", "questions", "commitment", "wrap_up"]
PREVIOUS: dict[str, Any] = {"id": "old", "status": "done", "goals": [{"goal": "Read"}]}


def make_portfolio(piece_ids: list[str], chosen: tuple[str, ...] = ()) -> Portfolio:
    pieces = tuple(Piece(id=pid, title=f"My {pid}") for pid in piece_ids)
    return Portfolio(
        student=Student("maya", "Maya López", "2"),
        pieces=pieces,
        chosen=chosen,
        strengths=("Kind",),
        next_steps=("Spelling",),
        goals=(Goal("Read more", "Every night", "2027-03"),),
    )


def start(
    piece_ids: list[str] | None = None,
    chosen: tuple[str, ...] = (),
    previous: dict[str, Any] | None = None,
) -> Conference:
    ids = ["butterfly", "story", "arrays"] if piece_ids is None else piece_ids
    return Conference.start(make_portfolio(ids, chosen), CLASS, FIXED_NOW, previous)


def keys(conference: Conference) -> list[str]:
    return [step.key for step in conference.steps()]


FIVE = ["butterfly", "story", "arrays", "map", "poem"]


# -- which steps ----------------------------------------------------------------------------


def test_three_pieces_no_review_no_choose() -> None:
    conference = start()
    assert keys(conference) == [
        "welcome",
        "piece:butterfly",
        "piece:story",
        "piece:arrays",
        *TAIL,
    ]
    assert conference.step == Step(StepKind.WELCOME)
    assert conference.is_first
    assert conference.strengths == ["Kind"]
    assert conference.goals == [Goal("Read more", "Every night", "2027-03")]


def test_review_comes_after_welcome_when_there_was_a_previous_conference() -> None:
    conference = start(previous=PREVIOUS)
    assert keys(conference)[:3] == ["welcome", "review", "piece:butterfly"]


def test_pre_chosen_pieces_skip_the_choose_step() -> None:
    conference = start(FIVE, chosen=("poem", "map", "story"))
    assert keys(conference) == ["welcome", "piece:poem", "piece:map", "piece:story", *TAIL]


def test_pre_chosen_fewer_than_three_of_many_still_asks_to_choose() -> None:
    conference = start(FIVE, chosen=("poem",))
    assert keys(conference)[:3] == ["welcome", "choose", "piece:poem"]
    conference.next(LATER)
    with pytest.raises(StepBlocked, match="you have picked 1"):
        conference.next(LATER)


def test_more_than_three_none_chosen_blocks_next_until_exactly_three() -> None:
    conference = start(FIVE, previous=PREVIOUS)
    assert keys(conference) == ["welcome", "review", "choose", *TAIL]
    conference.next(LATER)
    conference.next(LATER)
    assert conference.step.kind is StepKind.CHOOSE
    with pytest.raises(StepBlocked) as blocked:
        conference.next(LATER)
    assert str(blocked.value) == "Pick 3 pieces to talk about (you have picked 0)."
    assert conference.toggle_piece("map") is True
    assert conference.toggle_piece("poem") is True
    assert conference.blocked_reason() == "Pick 3 pieces to talk about (you have picked 2)."
    assert conference.toggle_piece("story") is True
    with pytest.raises(StepBlocked, match="already picked 3"):
        conference.toggle_piece("arrays")
    assert conference.chosen == ["map", "poem", "story"]
    assert conference.toggle_piece("poem") is False
    assert conference.toggle_piece("arrays") is True
    assert conference.next(LATER) == Step(StepKind.PIECE, "map")
    assert keys(conference)[3:6] == ["piece:map", "piece:story", "piece:arrays"]


def test_toggle_unknown_piece_raises_key_error() -> None:
    with pytest.raises(KeyError):
        start(FIVE).toggle_piece("dragon")


def test_fewer_than_three_pieces_are_all_chosen() -> None:
    conference = start(["butterfly", "story"])
    assert conference.pieces_required == 2
    assert conference.chosen == ["butterfly", "story"]
    assert keys(conference) == ["welcome", "piece:butterfly", "piece:story", *TAIL]


def test_no_pieces_at_all() -> None:
    conference = start([])
    assert keys(conference) == ["welcome", *TAIL]
    conference.next(LATER)
    assert conference.step.kind is StepKind.STRENGTHS


def test_change_pieces_brings_choose_back() -> None:
    conference = start(FIVE, chosen=("poem", "map", "story"))
    conference.next(LATER)
    conference.next(LATER)
    assert conference.step == Step(StepKind.PIECE, "map")
    assert conference.change_pieces() == Step(StepKind.CHOOSE)
    assert keys(conference)[:2] == ["welcome", "choose"]
    conference.toggle_piece("map")
    with pytest.raises(StepBlocked):
        conference.next(LATER)
    conference.toggle_piece("butterfly")
    assert conference.next(LATER) == Step(StepKind.PIECE, "poem")
    assert "choose" in keys(conference), "choose stays in the flow once brought back"
    assert keys(conference)[2:5] == ["piece:poem", "piece:story", "piece:butterfly"]


# -- moving around ---------------------------------------------------------------------------


def test_back_on_the_first_step_stays() -> None:
    conference = start()
    assert conference.back() == Step(StepKind.WELCOME)
    assert conference.index == 0
    conference.next(LATER)
    conference.next(LATER)
    assert conference.back() == Step(StepKind.PIECE, "butterfly")
    assert conference.index == 1


def test_go_to() -> None:
    conference = start()
    assert conference.go_to(Step(StepKind.GOALS)) == Step(StepKind.GOALS)
    assert conference.step.kind is StepKind.GOALS
    conference.go_to(Step(StepKind.PIECE, "story"))
    assert conference.step.key == "piece:story"
    with pytest.raises(ValueError, match="choose"):
        conference.go_to(Step(StepKind.CHOOSE))
    with pytest.raises(ValueError):
        conference.go_to(Step(StepKind.PIECE, "dragon"))
    assert conference.step.key == "piece:story"


def test_go_to_cannot_skip_past_an_unfinished_choice() -> None:
    conference = start(FIVE)
    conference.go_to(Step(StepKind.CHOOSE))
    with pytest.raises(StepBlocked, match="Pick 3"):
        conference.go_to(Step(StepKind.GOALS))
    assert conference.step.kind is StepKind.CHOOSE
    conference.go_to(Step(StepKind.WELCOME))
    assert conference.is_first


def test_walking_to_wrap_up_sets_finished() -> None:
    conference = start(previous=PREVIOUS)
    moments = [FIXED_NOW + timedelta(minutes=n) for n in range(1, 20)]
    seen = [conference.step.key]
    for moment in moments:
        if conference.step.kind is StepKind.WRAP_UP:
            break
        assert conference.finished is None
        assert not conference.is_done
        seen.append(conference.next(moment).key)
    assert seen == keys(conference)
    assert conference.is_done
    assert conference.finished == moments[len(seen) - 2]
    assert conference.updated == conference.finished
    with pytest.raises(StepBlocked, match="last step"):
        conference.next(moments[-1])
    finished = conference.finished
    conference.back()
    conference.next(moments[-1])
    assert conference.finished == finished, "finishing again keeps the first time"
    assert to_record(conference)["status"] == "done"


# -- what was said ---------------------------------------------------------------------------

MIXED = "Je suis fière 🦋👩‍👩‍👧 你好 مرحبا بالعالم שלום"


def test_say_cleans_and_keeps_every_script() -> None:
    conference = start()
    nfd = unicodedata.normalize("NFD", "café")
    conference.say("piece:butterfly", f"A\x00B\x1b[31m {nfd}\x07 {MIXED}\r\nline two\x85")
    said = conference.said["piece:butterfly"]
    assert said == f"AB[31m café {MIXED}\nline two"
    assert unicodedata.is_normalized("NFC", said)
    conference.say("welcome", "x" * (MAX_TEXT_LENGTH + 500))
    assert len(conference.said["welcome"]) == MAX_TEXT_LENGTH
    conference.say("piece:butterfly", "  \n\x00 ")
    assert "piece:butterfly" not in conference.said


def test_set_items_cleans_lines_and_limits_them() -> None:
    conference = start()
    conference.set_items(
        StepKind.STRENGTHS,
        ["  kind  ", "", "two\nlines", "x" * 1000, "\x07bell", MIXED, "   "],
    )
    assert conference.strengths == ["kind", "two lines", "x" * MAX_LINE_LENGTH, "bell", MIXED]
    conference.set_items(StepKind.NEXT_STEPS, [f"step {n}" for n in range(50)])
    assert len(conference.next_steps) == MAX_ITEMS
    conference.set_items(StepKind.QUESTIONS, ["¿Cómo puedo ayudar?"])
    assert conference.items(StepKind.QUESTIONS) == ["¿Cómo puedo ayudar?"]
    with pytest.raises(ValueError):
        conference.set_items(StepKind.GOALS, ["x"])


def test_removing_a_goal_takes_its_commitment_and_keeps_the_others_aligned() -> None:
    conference = start()
    conference.set_goals([Goal("A"), Goal("B"), Goal("C")])
    conference.set_commitment("", {0: "help A", 1: "help B", 2: "help C"}, False)
    conference.set_goals([Goal(""), Goal("B"), Goal("C")])  # goal A being retyped
    assert conference.goal_commitments == ["help A", "help B", "help C"]
    conference.set_goals([Goal("A again"), Goal("B"), Goal("C")])
    assert [p for _, _, p in conference.agreed_goals()] == ["help A", "help B", "help C"]
    conference.remove_goal(0)
    assert [(g.goal, p) for _, g, p in conference.agreed_goals()] == [
        ("B", "help B"),
        ("C", "help C"),
    ]


def test_set_goals_and_commitment() -> None:
    conference = start()
    conference.set_goals(
        [
            Goal(" Read 你好 ", "Every\nnight\x00", "2027-03"),
            Goal("  ", "  ", ""),
            Goal("Count to 100 🧮", "", "2027-06-01-extra"),
        ]
    )
    assert conference.goals == [
        Goal("Read 你好", "Every night", "2027-03"),
        Goal("", "", ""),
        Goal("Count to 100 🧮", "", "2027-06-01"),
    ]
    conference.set_commitment(
        "  Nous lirons ensemble. \x1b ", {0: "مساعدة", 2: "Practise counting", 7: "extra"}, True
    )
    assert conference.commitment == "Nous lirons ensemble."
    assert conference.goal_commitments == ["مساعدة", "", "Practise counting"]
    assert conference.follow_up is True
    # The blank row is left out of what is agreed (and saved), with its place kept.
    agreed = conference.agreed_goals()
    assert [(i, g.goal, p) for i, g, p in agreed] == [
        (0, "Read 你好", "مساعدة"),
        (2, "Count to 100 🧮", "Practise counting"),
    ]
    record = to_record(conference)
    assert [g["goal"] for g in record["goals"]] == ["Read 你好", "Count to 100 🧮"]
    assert record["goal_commitments"] == ["مساعدة", "Practise counting"]
    conference.set_commitment("x" * (MAX_TEXT_LENGTH * 2), {}, False)
    assert len(conference.commitment) == MAX_TEXT_LENGTH
    assert conference.follow_up is False


# -- records: save and resume -------------------------------------------------------------------

COMPARED = [
    f.name for f in dataclasses.fields(Conference) if f.name not in {"portfolio", "class_info"}
]


def filled_conference() -> Conference:
    conference = start(FIVE, previous=PREVIOUS)
    conference.next(LATER)
    conference.next(LATER)
    for pid in ("poem", "map", "story"):
        conference.toggle_piece(pid)
    conference.change_pieces()
    conference.next(LATER)
    conference.next(LATER)
    assert conference.step.key == "piece:map"
    conference.say("piece:poem", "I wrote it in 🇫🇷 French")
    conference.say("piece:map", "地図")
    conference.set_items(StepKind.STRENGTHS, ["Kind", "Brave"])
    conference.set_items(StepKind.NEXT_STEPS, ["Spelling"])
    conference.set_items(StepKind.QUESTIONS, ["What is hard?"])
    conference.set_goals([Goal("Read", "Nightly", "2027-03"), Goal("Swim")])
    conference.set_commitment("We will read together", {0: "Library trips", 1: ""}, True)
    conference.updated = LATER + timedelta(seconds=5)
    return conference


def test_record_round_trip_restores_every_field_and_the_step() -> None:
    conference = filled_conference()
    record = to_record(conference)
    assert record["format"] == RECORD_FORMAT
    assert record["status"] == "in_progress"
    assert record["step"] == "piece:map"
    assert record["chosen_titles"] == ["My poem", "My map", "My story"]
    resumed = from_record(record, conference.portfolio, CLASS, PREVIOUS)
    for name in COMPARED:
        assert getattr(resumed, name) == getattr(conference, name), name
    assert resumed.step == Step(StepKind.PIECE, "map")
    assert keys(resumed) == keys(conference)
    assert to_record(resumed) == record


def test_finished_record_round_trips() -> None:
    conference = start()
    conference.go_to(Step(StepKind.COMMITMENT))
    conference.next(LATER)
    record = to_record(conference)
    assert record["status"] == "done"
    assert record["finished"] == LATER.isoformat()
    resumed = from_record(record, conference.portfolio, CLASS)
    assert resumed.is_done
    assert resumed.finished == LATER
    assert resumed.step.kind is StepKind.WRAP_UP


@pytest.mark.parametrize("step", ["piece:dragon", "review", "nonsense", "piece", "", 7, None])
def test_resume_at_a_step_that_no_longer_exists_falls_back_to_welcome(step: Any) -> None:
    conference = start()
    record = to_record(conference) | {"step": step}
    resumed = from_record(record, conference.portfolio, CLASS)
    assert resumed.step == Step(StepKind.WELCOME)
    assert resumed.index == 0


def test_resume_when_a_chosen_piece_was_removed_asks_to_choose_again() -> None:
    conference = start(FIVE, chosen=("poem", "map", "story"))
    conference.go_to(Step(StepKind.GOALS))
    record = to_record(conference)
    # The teacher removed "story" and now pre-chooses three others.
    newer = make_portfolio(["butterfly", "arrays", "poem", "map"], chosen=("poem", "map", "arrays"))
    resumed = from_record(record, newer, CLASS)
    assert resumed.chosen == ["poem", "map"]
    assert "choose" in keys(resumed)
    resumed.go_to(Step(StepKind.CHOOSE))
    with pytest.raises(StepBlocked, match="you have picked 2"):
        resumed.next(LATER)


JUNK: dict[str, Any] = {
    "format": 12,
    "id": ["not", "text"],
    "student_id": None,
    "status": {"done": True},
    "step": {"kind": "piece"},
    "choosing": "yes",
    "started": 12345,
    "updated": "yesterday",
    "finished": "2026-13-45T99:99",
    "chosen": "butterfly",
    "said": ["piece:butterfly", "text"],
    "strengths": "Kind",
    "next_steps": [1, None, "Spelling", {"x": 1}],
    "goals": ["Read", {"goal": 5}, {"goal": "Swim", "how": 3, "by": None}],
    "parent_questions": {"q": 1},
    "commitment": ["a"],
    "goal_commitments": 5,
    "follow_up": "true",
}


def test_record_with_junk_types_does_not_raise() -> None:
    portfolio = make_portfolio(["butterfly", "story", "arrays"])
    resumed = from_record(JUNK, portfolio, CLASS)
    assert resumed.step == Step(StepKind.WELCOME)
    assert resumed.chosen == []
    assert resumed.said == {}
    assert resumed.strengths == []
    assert resumed.next_steps == ["Spelling"]
    assert resumed.goals == [Goal("Swim", "", "")]
    assert resumed.follow_up is False
    assert resumed.choosing is True, "nothing usable was chosen, so the child picks again"
    assert "choose" in keys(resumed)
    assert resumed.finished is None
    assert resumed.updated is None
    assert isinstance(resumed.id, str) and resumed.id
    assert to_record(resumed)["status"] == "in_progress"


def test_empty_record_does_not_raise() -> None:
    resumed = from_record({}, make_portfolio(FIVE), CLASS)
    assert resumed.step.kind is StepKind.WELCOME
    assert resumed.id


def test_stepper_keeps_three_places_for_pieces_while_choosing() -> None:
    """The number of steps on the stepper does not jump as pieces are picked."""
    conference = start(FIVE)
    before = conference.stepper_labels()
    assert len(before) == len(conference.steps()) + 3
    assert before[2:5] == ["My work 1 of 3", "My work 2 of 3", "My work 3 of 3"]
    conference.next(FIXED_NOW)
    conference.toggle_piece("map")
    assert conference.stepper_labels() == before
    for piece_id in ("butterfly", "story"):
        conference.toggle_piece(piece_id)
    assert conference.stepper_labels() == before
    assert len(conference.steps()) == len(before)


# -- what typing cannot get wrong ----------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("2027-03", "2027-03"),
        ("2027-03-15", "2027-03-15"),
        ("junio", ""),
        ("2027-13", ""),
        ("2027-02-30", ""),
        ("27-03", ""),
        ("", ""),
    ],
)
def test_a_goal_keeps_only_a_real_month_or_day_as_its_by(typed: str, kept: str) -> None:
    conference = start()
    conference.set_goals([Goal("Swim", "Pool", typed)])
    assert conference.goals[0].by == kept


def test_a_removed_goal_comes_back_with_its_promise_where_it_was() -> None:
    conference = start()
    conference.set_goals([Goal("A"), Goal("B"), Goal("C")])
    conference.set_commitment("", {0: "help A", 1: "help B", 2: "help C"}, False)
    removed = conference.remove_goal(1)
    assert removed is not None and removed.goal == Goal("B") and removed.pledge == "help B"
    assert [(g.goal, p) for _, g, p in conference.agreed_goals()] == [
        ("A", "help A"),
        ("C", "help C"),
    ]
    assert conference.restore_goal(removed) == 1
    assert [(g.goal, p) for _, g, p in conference.agreed_goals()] == [
        ("A", "help A"),
        ("B", "help B"),
        ("C", "help C"),
    ]
    assert conference.remove_goal(7) is None


def test_a_goal_removed_before_any_promise_comes_back_without_one() -> None:
    conference = start()
    conference.set_goals([Goal("A"), Goal("B")])
    removed = conference.remove_goal(0)
    assert removed is not None
    conference.restore_goal(removed)
    assert [g.goal for g in conference.goals] == ["A", "B"]
    assert conference.goal_commitments == []


def test_notes_of_a_piece_swapped_out_are_left_out_of_the_record_but_kept_while_open() -> None:
    conference = start(FIVE, chosen=("butterfly", "story", "arrays"))
    conference.say("piece:story", "The dragon is green")
    conference.say("welcome", "Hi")
    conference.change_pieces()
    conference.toggle_piece("story")
    conference.toggle_piece("map")
    record = to_record(conference)
    assert record["said"] == {"welcome": "Hi"}
    assert record["chosen"] == ["butterfly", "arrays", "map"]
    conference.toggle_piece("map")
    conference.toggle_piece("story")  # swapped back: its notes are there again
    assert to_record(conference)["said"] == {"welcome": "Hi", "piece:story": "The dragon is green"}
