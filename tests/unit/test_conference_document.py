"""The typed document of a conference record: what every rendering is made from."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from slc_tui.export.document import ConferenceDocument, GoalPlan, PieceTalk
from slc_tui.export.summary import take_home_summary
from tests.unit.test_export import make_record


def test_a_record_becomes_its_document() -> None:
    doc = ConferenceDocument.from_record(make_record(chosen_titles=["Butterfly", "", "Arrays"]))
    assert doc.first_name == "Maya" and doc.day == "2026-11-22" and doc.finished
    assert doc.pieces == (
        PieceTalk("butterfly", "Butterfly", "I drew the stages."),
        PieceTalk("story", "Story"),  # no saved title: the id tidied up
        PieceTalk("arrays", "Arrays"),
    )
    assert doc.goals == (
        GoalPlan(
            "Read a chapter book",
            "20 minutes every night",
            "2027-03",
            "Library trip every Saturday",
        ),
        GoalPlan("Count by 5s to 100"),
    )
    assert doc.said == {
        "welcome": "Hi Mum!",
        "piece:butterfly": "I drew the stages.",
    }  # empty left out
    assert doc.follow_up and doc.parent_questions == ("What do you enjoy most?",)


def test_a_damaged_record_reads_as_empty_fields() -> None:
    doc = ConferenceDocument.from_record(
        {
            "student_id": "leo",
            "chosen": "not a list",
            "goals": [None, {"goal": ["x"]}, {"goal": "Swim", "how": 3}],
            "goal_commitments": {"0": "x"},
            "said": ["nope"],
            "strengths": [1, None, "Kind", {"a": 1}],
            "follow_up": "no",
            "finished": 17,
        }
    )
    assert doc.first_name == "leo" and doc.day == "" and not doc.finished
    assert doc.pieces == (PieceTalk("not a list", "Not a list"),)
    assert doc.goals == (GoalPlan("Swim", "3"),)
    assert doc.strengths == ("1", "Kind") and not doc.follow_up and doc.said == {}


records = st.dictionaries(
    st.sampled_from(
        [
            "chosen",
            "chosen_titles",
            "goals",
            "goal_commitments",
            "said",
            "strengths",
            "finished",
            "student_name",
            "commitment",
            "follow_up",
            "status",
            "parent_questions",
        ]
    ),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
        ),
        max_leaves=12,
    ),
)


@settings(max_examples=200, deadline=None)
@given(records)
def test_any_record_gives_a_document_and_a_take_home_copy(record: dict[str, Any]) -> None:
    doc = ConferenceDocument.from_record(record)
    assert all(isinstance(piece.title, str) for piece in doc.pieces)
    assert take_home_summary(record).endswith("\n")
