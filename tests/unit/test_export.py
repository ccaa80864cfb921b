"""Tests for CSV / JSON exports and the take-home summary."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from typing import Any

from slc_tui.export.dates import format_long_date
from slc_tui.export.summary import take_home_summary
from slc_tui.export.tabular import EXPORT_COLUMNS, records_to_csv, records_to_json

WORLD = "😀 é 中文 שלום"


def make_record(**changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "format": "slc-record/1",
        "id": "3f2a",
        "student_id": "maya",
        "student_name": "Maya López",
        "grade": "1",
        "class_name": "Room 12",
        "term": "Fall 2026",
        "status": "done",
        "step": "wrap_up",
        "started": "2026-11-22T14:03:11",
        "updated": "2026-11-22T14:20:02",
        "finished": "2026-11-22T14:20:02",
        "chosen": ["butterfly", "story", "arrays"],
        "said": {"welcome": "Hi Mum!", "piece:butterfly": "I drew the stages.", "strengths": ""},
        "strengths": ["I build things carefully", "I help friends"],
        "next_steps": ["Reading longer books"],
        "goals": [
            {"goal": "Read a chapter book", "how": "20 minutes every night", "by": "2027-03"},
            {"goal": "Count by 5s to 100", "how": "", "by": ""},
        ],
        "parent_questions": ["What do you enjoy most?"],
        "commitment": "We will read together after dinner.",
        "goal_commitments": ["Library trip every Saturday", ""],
        "follow_up": True,
    }
    record.update(changes)
    return record


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_header_and_row() -> None:
    out = io.StringIO(newline="")
    assert records_to_csv([make_record()], out) == 1
    header = next(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert header == list(EXPORT_COLUMNS)
    assert header[:3] == ["student_id", "student_name", "grade"]
    assert header[-1] == "said"
    (row,) = read_csv(out.getvalue())
    assert row["student_name"] == "Maya López"
    assert row["chosen"] == "butterfly\nstory\narrays"
    assert row["strengths"] == "I build things carefully\nI help friends"
    assert (
        row["goals"]
        == "Read a chapter book — 20 minutes every night (by 2027-03)\nCount by 5s to 100"
    )
    assert row["commitment"] == "We will read together after dinner."
    assert row["goal_commitments"] == "Read a chapter book: Library trip every Saturday"
    assert row["follow_up"] == "yes"
    assert row["said"] == "welcome: Hi Mum!\npiece:butterfly: I drew the stages."


def test_csv_list_cells_hold_one_item_per_line_whatever_the_items_hold() -> None:
    strengths = ["Reads; writes, counts", "Says “yes | no”", "Plays — and shares"]
    record = make_record(strengths=strengths, said={"welcome": "Hello\nMum\n\nand Dad"})
    record["chosen_titles"] = ["Butterfly; life cycle", "My story", "Arrays"]
    out = io.StringIO(newline="")
    records_to_csv([record], out)
    (row,) = read_csv(out.getvalue())
    assert row["strengths"].split("\n") == strengths
    assert row["chosen_titles"].split("\n") == record["chosen_titles"]
    assert row["said"] == "welcome: Hello / Mum / and Dad"


def test_csv_empty_and_unfinished_record() -> None:
    out = io.StringIO(newline="")
    record = make_record(status="in_progress", finished=None, goals=[], goal_commitments=[])
    record.update(follow_up=False, said={}, commitment="")
    records_to_csv([record], out)
    (row,) = read_csv(out.getvalue())
    assert row["finished"] == ""
    assert row["follow_up"] == "no"
    assert row["goals"] == row["goal_commitments"] == row["said"] == row["commitment"] == ""


def test_csv_neutralises_formulas() -> None:
    out = io.StringIO(newline="")
    record = make_record(
        commitment='=HYPERLINK("http://evil","x")',
        strengths=["+1 reader"],
        next_steps=["-2+3"],
        parent_questions=["@SUM(A1)"],
    )
    records_to_csv([record], out)
    (row,) = read_csv(out.getvalue())
    assert row["commitment"] == '\'=HYPERLINK("http://evil","x")'
    assert row["strengths"] == "'+1 reader"
    assert row["next_steps"] == "'-2+3"
    assert row["parent_questions"] == "'@SUM(A1)"
    assert row["student_name"] == "Maya López", "ordinary cells untouched"


def test_csv_keeps_unicode_and_newlines() -> None:
    out = io.StringIO(newline="")
    records_to_csv([make_record(commitment=f"{WORLD}\nsecond line")], out)
    (row,) = read_csv(out.getvalue())
    assert row["commitment"] == f"{WORLD}\nsecond line"


def test_json_round_trip() -> None:
    records = [make_record(commitment=WORLD, said={"welcome": WORLD}), make_record(id="b")]
    out = io.StringIO()
    when = datetime(2026, 11, 22, 15, 0, 0)
    assert records_to_json(iter(records), out, exported=when) == 2
    text = out.getvalue()
    assert WORLD in text, "no \\u escapes"
    document = json.loads(text)
    assert document["format"] == "slc-export/1"
    assert document["exported"] == "2026-11-22T15:00:00"
    assert document["conferences"] == records


def test_json_default_export_time() -> None:
    out = io.StringIO()
    assert records_to_json([], out) == 0
    document = json.loads(out.getvalue())
    assert document["conferences"] == []
    datetime.fromisoformat(document["exported"])


def test_summary_mentions_everything_the_family_needs() -> None:
    summary = take_home_summary(make_record(), piece_titles={"butterfly": "Butterfly life cycle"})
    assert summary.startswith("Maya's conference — 22 November 2026\n")
    assert "Room 12 · Fall 2026" in summary
    assert "Butterfly life cycle" in summary
    assert "Story" in summary and "Arrays" in summary
    assert "I build things carefully" in summary
    assert "Reading longer books" in summary
    assert "Read a chapter book (by March 2027)" in summary
    assert "How: 20 minutes every night" in summary
    assert "We will read together after dinner." in summary
    assert "Library trip every Saturday" in summary
    assert "follow-up with the teacher requested: yes" in summary
    assert "not finished" not in summary


def test_summary_of_sparse_unfinished_record() -> None:
    record = make_record(
        student_name="",
        status="in_progress",
        finished=None,
        strengths=[],
        goals=[],
        goal_commitments=[],
        commitment=WORLD,
        follow_up=False,
    )
    summary = take_home_summary(record)
    assert summary.startswith("maya's conference — 22 November 2026")
    assert "not finished" in summary
    assert "does well" not in summary
    assert WORLD in summary
    assert "requested: no" in summary


def test_format_long_date() -> None:
    assert format_long_date("2026-11-02T09:00:00") == "2 November 2026"
    assert format_long_date("2027-03") == "March 2027"
    assert format_long_date(datetime(2027, 1, 5)) == "5 January 2027"
    assert format_long_date("next spring") == "next spring"
    assert format_long_date(None) == ""
