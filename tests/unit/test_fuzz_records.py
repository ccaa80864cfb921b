"""Property-based tests for saved conference records: resuming them and exporting them.

A record normally comes from this app, but a results file can be hand-edited, damaged
or written by an older version. ``from_record`` must always give a conference that
can be carried on to the end (its documented behaviour: bad parts dropped, the resume
point falling back to the first step), and every export must accept any record.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta, timezone
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

from slc_tui.core.classinfo import ClassInfo
from slc_tui.core.conference import Conference, StepBlocked
from slc_tui.core.portfolio import Piece, Portfolio, Student
from slc_tui.core.record import from_record, to_record
from slc_tui.core.steps import StepKind
from slc_tui.export.summary import take_home_summary
from slc_tui.export.tabular import (
    EXPORT_COLUMNS,
    FORMULA_PREFIXES,
    records_to_csv,
    records_to_json,
)
from tests.unit.test_fuzz_strategies import (
    FUZZ,
    FUZZ_DISK,
    NOT_LISTS,
    PIECE_IDS,
    dates,
    good_texts,
    is_clean,
    json_values,
    junk,
    lists_of,
    mostly,
    texts,
)

NOW = datetime(2026, 11, 22, 14, 3, 11)
CLASS = ClassInfo(name="Room 12", term="Fall 2026")


def _portfolio(piece_ids: list[str]) -> Portfolio:
    pieces = tuple(Piece(id=pid, title=f"My {pid}", index=i) for i, pid in enumerate(piece_ids))
    return Portfolio(student=Student("maya", "Maya López", "2"), pieces=pieces)


PORTFOLIOS = [
    _portfolio([]),
    _portfolio(["butterfly"]),
    _portfolio(["butterfly", "story", "arrays"]),
    _portfolio(["butterfly", "story", "arrays", "a", "b-2"]),
]

offsets = st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
times = st.one_of(
    st.datetimes().map(lambda d: d.isoformat()),
    st.datetimes(timezones=offsets).map(lambda d: d.isoformat()),
    st.sampled_from(["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00", "2026-11-22"]),
    texts,
)
step_keys = st.one_of(
    st.sampled_from([kind.value for kind in StepKind]),
    st.sampled_from(PIECE_IDS).map(lambda pid: f"piece:{pid}"),
    st.sampled_from(["piece", "piece:", "piece:ghost", "choose:x", "WELCOME", ""]),
)
record_goals = st.fixed_dictionaries(
    {"goal": mostly(good_texts, texts)}, optional={"how": mostly(texts), "by": mostly(dates)}
)

#: Records as this app writes them, with every field sometimes wrong.
records = st.fixed_dictionaries(
    {},
    optional={
        "format": mostly(st.just("slc-record/1")),
        "id": mostly(st.uuids().map(lambda u: u.hex)),
        "student_id": mostly(st.just("maya")),
        "student_name": mostly(good_texts, texts),
        "grade": mostly(st.sampled_from(["K", "2", "12"])),
        "class_name": mostly(good_texts, texts),
        "term": mostly(good_texts, texts),
        "status": mostly(st.sampled_from(["done", "in_progress", "abandoned"])),
        "step": mostly(step_keys),
        "choosing": mostly(st.booleans()),
        "started": mostly(times),
        "updated": mostly(times),
        "finished": mostly(times),
        "chosen": lists_of(mostly(st.sampled_from(PIECE_IDS))),
        "chosen_titles": lists_of(texts),
        "said": mostly(st.dictionaries(step_keys | texts, mostly(texts), max_size=4)),
        "strengths": lists_of(mostly(good_texts, texts)),
        "next_steps": lists_of(mostly(good_texts, texts)),
        "goals": lists_of(record_goals),
        "parent_questions": lists_of(mostly(good_texts, texts)),
        "commitment": mostly(good_texts, texts),
        "goal_commitments": lists_of(mostly(good_texts, texts)),
        "follow_up": mostly(st.booleans()),
    },
)


RECORD_FIELDS = [
    "format", "id", "student_id", "student_name", "grade", "class_name", "term", "status",
    "step", "choosing", "started", "updated", "finished", "chosen", "chosen_titles", "said",
    "strengths", "next_steps", "goals", "parent_questions", "commitment", "goal_commitments",
    "follow_up",
]  # fmt: skip


def _walk_to_the_end(conference: Conference) -> None:
    """Press Next (picking pieces when asked) until the wrap-up; it must get there."""
    for _ in range(len(conference.steps()) + 3):
        if conference.is_last:
            return
        if conference.step.kind is StepKind.CHOOSE:
            for piece in conference.portfolio.pieces:
                wanted = len(conference.chosen) < conference.pieces_required
                if wanted and piece.id not in conference.chosen:
                    conference.toggle_piece(piece.id)
        try:
            conference.next(NOW)
        except StepBlocked as blocked:  # pragma: no cover - reported by the assert below
            raise AssertionError(f"stuck on {conference.step.key}: {blocked}") from blocked
    raise AssertionError(f"never reached the wrap-up: {[s.key for s in conference.steps()]}")


def _check_conference(conference: Conference) -> None:
    steps = conference.steps()
    assert len(set(steps)) == len(steps), [step.key for step in steps]
    assert conference.step in steps
    piece_ids = [piece.id for piece in conference.portfolio.pieces]
    assert set(conference.chosen) <= set(piece_ids)
    assert len(set(conference.chosen)) == len(conference.chosen) <= 3
    for moment in (conference.started, conference.updated, conference.finished):
        assert moment is None or moment.tzinfo is None
    texts_kept = [
        *conference.said.values(),
        *conference.strengths,
        *conference.next_steps,
        *conference.parent_questions,
        conference.commitment,
        *conference.goal_commitments,
        *(text for goal in conference.goals for text in (goal.goal, goal.how, goal.by)),
    ]
    assert all(is_clean(text) for text in texts_kept)
    conference.resumed(NOW)  # the clock works out the time already used
    assert NOW - conference.clock_start >= NOW - NOW
    saved = to_record(conference)
    json.dumps(saved, ensure_ascii=False).encode("utf-8")  # what ResultsStore writes
    _walk_to_the_end(conference)
    assert conference.is_done


@FUZZ
@given(st.one_of(json_values, records), st.sampled_from(PORTFOLIOS))
# Regressions found by this property, kept as fixed examples:
@example({"chosen": ["story", "story", "story"]}, PORTFOLIOS[3])  # stuck on "story"
@example({"started": "2026-01-01T09:00:00+05:00", "updated": "2026-01-01"}, PORTFOLIOS[2])
@example({"started": "0001-01-01T00:00:00", "updated": "9999-01-01T00:00:00"}, PORTFOLIOS[2])
@example({"step": "wrap_up"}, PORTFOLIOS[2])  # at the end but never finished
@example({"said": {"\ud800": "x", "welcome": "\ud800"}, "id": "\udfff"}, PORTFOLIOS[1])
@example([], PORTFOLIOS[0])
def test_any_record_resumes_and_can_be_finished(record: Any, portfolio: Portfolio) -> None:
    conference = from_record(record, portfolio, CLASS)
    _check_conference(conference)


@FUZZ
@given(st.dictionaries(st.sampled_from(RECORD_FIELDS), json_values, max_size=6))
def test_records_with_any_value_in_any_field_resume(record: dict[str, Any]) -> None:
    _check_conference(from_record(record, PORTFOLIOS[3], CLASS))


# -- exports -------------------------------------------------------------------------------------

#: Records as written, or a few real fields holding anything (a list field holding 5...).
any_records = st.one_of(
    records,
    st.dictionaries(st.sampled_from(RECORD_FIELDS) | texts, NOT_LISTS | junk, min_size=3),
)


@FUZZ_DISK  # fewer examples: each holds up to three records
@given(st.lists(any_records, max_size=3))
def test_any_records_export_to_csv(batch: list[dict[str, Any]]) -> None:
    out = io.StringIO(newline="")
    assert records_to_csv(batch, out) == len(batch)
    text = out.getvalue()
    text.encode("utf-8")  # the file slc export writes
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == list(EXPORT_COLUMNS)
    assert len(rows) == len(batch) + 1
    for row in rows[1:]:
        assert len(row) == len(EXPORT_COLUMNS)
        assert not any(cell.startswith(FORMULA_PREFIXES) for cell in row), row


@FUZZ_DISK  # fewer examples: each holds up to three records
@given(st.lists(any_records, max_size=3))
def test_any_records_export_to_json(batch: list[dict[str, Any]]) -> None:
    out = io.StringIO()
    assert records_to_json(batch, out, exported=NOW) == len(batch)
    text = out.getvalue()
    text.encode("utf-8")
    document = json.loads(text)
    assert document["format"] == "slc-export/1"
    assert len(document["conferences"]) == len(batch)


@FUZZ
@given(any_records)
def test_any_record_gets_a_take_home_summary(record: dict[str, Any]) -> None:
    summary = take_home_summary(record)
    summary.encode("utf-8")
    assert summary.endswith("\n")
    assert "Private follow-up with the teacher requested: " in summary
