"""Unicode survives every hop: cleaning, loading, saving, reading back, exporting.

Emoji (with ZWJ sequences and skin tones), decomposed accents (NFD in → NFC kept),
CJK, and right-to-left Arabic / Hebrew mixed with digits.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from slc_tui.core.class_folder import load_class_folder
from slc_tui.core.conference import Conference
from slc_tui.core.portfolio import Goal
from slc_tui.core.record import from_record, to_record
from slc_tui.core.steps import StepKind
from slc_tui.core.text import clean_line, clean_text
from slc_tui.export.summary import take_home_summary
from slc_tui.export.tabular import records_to_csv, records_to_json
from slc_tui.store.results import ResultsStore
from tests.factories import FIXED_NOW, class_data, make_class, piece_data, portfolio_data
from tests.unit.test_fuzz_strategies import FUZZ

NFC_SAMPLES = {
    "family": "👩\u200d👩\u200d👧\u200d👦",
    "flag": "🏳️\u200d🌈",
    "skin tones": "👍🏽 👋🏿 🧑🏻\u200d🎨",
    "accents": "María José Ñúñez, Zoë, Ångström, Dvořák",
    "cjk": "中文 日本語のテキスト 한국어",
    "arabic": "مرحبا، عمري ٧ سنوات و 12 يوماً",
    "hebrew": "שלום, אני בכיתה 3 ויש לי 2 חתולים",
    "mixed": "I read 📚 كتاب 3 and ספר 4 — 読書!",
}
SAMPLES = list(NFC_SAMPLES.values())
NFD = {name: unicodedata.normalize("NFD", text) for name, text in NFC_SAMPLES.items()}


def test_samples_really_differ_in_nfd() -> None:
    assert NFD["accents"] != NFC_SAMPLES["accents"]
    assert all(unicodedata.is_normalized("NFC", text) for text in SAMPLES)


# -- clean_text ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(NFC_SAMPLES))
def test_clean_text_keeps_every_script_and_composes_accents(name: str) -> None:
    assert clean_text(NFC_SAMPLES[name]) == NFC_SAMPLES[name]
    assert clean_text(NFD[name]) == NFC_SAMPLES[name]
    assert clean_line(NFD[name]) == NFC_SAMPLES[name]


def test_clean_text_drops_controls_but_keeps_lines_and_tabs() -> None:
    raw = "a\x00b\x1b[31mc\x7fd\x85e\r\nf\rg\th\u200fi\u202ej"
    assert clean_text(raw) == "ab[31mcde\nf\ng\th\u200fi\u202ej"
    assert clean_line(raw) == "ab[31mcde f g h\u200fi\u202ej"


def test_clean_text_composes_accents_split_by_a_control() -> None:
    # e, a control, a combining acute: once the control goes, é must be composed.
    assert clean_text("e\x07\u0301") == "é"


def test_clean_text_replaces_a_lone_surrogate() -> None:
    assert clean_text("a\ud800b") == "a\ufffdb"
    clean_text("\udfff").encode("utf-8")


@FUZZ
@given(st.text(st.characters(codec="utf-8"), max_size=40))
def test_clean_text_of_any_text_is_nfc_and_stable(text: str) -> None:
    cleaned = clean_text(text)
    assert unicodedata.is_normalized("NFC", cleaned)
    assert clean_text(cleaned) == cleaned
    # Exactly: line ends unified, controls other than newline and tab dropped, then NFC.
    lines = text.replace("\r\n", "\n").replace("\r", "\n")
    kept = "".join(c for c in lines if c in "\n\t" or unicodedata.category(c) != "Cc")
    assert cleaned == unicodedata.normalize("NFC", kept)


# -- loading a portfolio ---------------------------------------------------------------------


def test_portfolio_in_nfd_loads_as_nfc(tmp_path: Path) -> None:
    data = portfolio_data(
        "maya",
        name=NFD["accents"],
        pieces=[piece_data("butterfly", title=NFD["arabic"], what_i_did=NFD["mixed"])],
        strengths=[NFD["family"], NFD["skin tones"]],
        next_steps=[NFD["hebrew"]],
        goals=[{"goal": NFD["cjk"], "how": NFD["flag"], "by": "2027-03"}],
    )
    root = make_class(tmp_path / "room", [data], class_info=class_data(name=NFD["mixed"]))
    folder = load_class_folder(root)
    assert folder.all_problems == []
    assert folder.info.name == NFC_SAMPLES["mixed"]
    (portfolio,) = folder.portfolios
    assert portfolio.student.name == NFC_SAMPLES["accents"]
    assert portfolio.pieces[0].title == NFC_SAMPLES["arabic"]
    assert portfolio.pieces[0].what_i_did == NFC_SAMPLES["mixed"]
    assert portfolio.strengths == (NFC_SAMPLES["family"], NFC_SAMPLES["skin tones"])
    assert portfolio.next_steps == (NFC_SAMPLES["hebrew"],)
    assert portfolio.goals == (Goal(NFC_SAMPLES["cjk"], NFC_SAMPLES["flag"], "2027-03"),)


# -- saving, reading back, exporting --------------------------------------------------------------


def _record(tmp_path: Path) -> dict[str, Any]:
    """A finished conference full of every sample, typed in NFD, as the app saves it."""
    root = make_class(tmp_path / "room", [portfolio_data("maya", name=NFD["accents"])])
    folder = load_class_folder(root)
    (portfolio,) = folder.portfolios
    conference = Conference.start(portfolio, folder.info, FIXED_NOW)
    conference.say("welcome", NFD["mixed"])
    conference.say("piece:butterfly", NFD["family"] + "\n" + NFD["arabic"])
    conference.set_items(StepKind.STRENGTHS, [NFD["skin tones"], NFD["cjk"]])
    conference.set_items(StepKind.QUESTIONS, [NFD["hebrew"]])
    conference.set_goals([Goal(NFD["flag"], NFD["accents"], "2027-03")])
    conference.set_commitment(NFD["arabic"], {0: NFD["hebrew"]}, follow_up=True)
    conference.finished = FIXED_NOW
    return to_record(conference)


EXPECTED_TEXTS = {
    "said.welcome": NFC_SAMPLES["mixed"],
    "said.piece:butterfly": NFC_SAMPLES["family"] + "\n" + NFC_SAMPLES["arabic"],
    "strengths": [NFC_SAMPLES["skin tones"], NFC_SAMPLES["cjk"]],
    "parent_questions": [NFC_SAMPLES["hebrew"]],
    "goals": [{"goal": NFC_SAMPLES["flag"], "how": NFC_SAMPLES["accents"], "by": "2027-03"}],
    "commitment": NFC_SAMPLES["arabic"],
    "goal_commitments": [NFC_SAMPLES["hebrew"]],
    "student_name": NFC_SAMPLES["accents"],
}


def _check_texts(record: dict[str, Any]) -> None:
    for key, expected in EXPECTED_TEXTS.items():
        top, _, step = key.partition(".")
        value = record[top][step] if step else record[top]
        assert value == expected, key


def test_the_record_holds_nfc_text(tmp_path: Path) -> None:
    _check_texts(_record(tmp_path))


def test_results_store_round_trip(tmp_path: Path) -> None:
    record = _record(tmp_path)
    store = ResultsStore(tmp_path / "results")
    path = store.save(record)
    (back,) = store.records_for("maya")
    assert back == record
    _check_texts(back)
    raw = path.read_text(encoding="utf-8")
    assert NFC_SAMPLES["family"] in raw and NFC_SAMPLES["arabic"] in raw  # not \\u-escaped
    assert store.all_records() == [record]


def test_results_store_normalises_nfd_it_is_given(tmp_path: Path) -> None:
    record = {**_record(tmp_path), "commitment": NFD["accents"], "chosen_titles": [NFD["cjk"]]}
    store = ResultsStore(tmp_path / "results")
    store.save(record)
    (back,) = store.records_for("maya")
    assert back["commitment"] == NFC_SAMPLES["accents"]
    assert back["chosen_titles"] == [NFC_SAMPLES["cjk"]]


def test_resuming_a_stored_record_keeps_the_text(tmp_path: Path) -> None:
    record = _record(tmp_path)
    store = ResultsStore(tmp_path / "results")
    store.save(record)
    folder = load_class_folder(tmp_path / "room")
    (back,) = store.records_for("maya")
    conference = from_record(back, folder.portfolios[0], folder.info)
    assert to_record(conference) == record


def test_csv_export_round_trip(tmp_path: Path) -> None:
    record = _record(tmp_path)
    out = io.StringIO(newline="")
    records_to_csv([record], out)
    data = ("\ufeff" + out.getvalue()).encode("utf-8")  # as written for Excel (utf-8-sig)
    (row,) = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    assert row["student_name"] == NFC_SAMPLES["accents"]
    assert row["strengths"] == "\n".join(EXPECTED_TEXTS["strengths"])
    assert row["parent_questions"] == NFC_SAMPLES["hebrew"]
    assert row["commitment"] == NFC_SAMPLES["arabic"]
    assert row["goals"] == f"{NFC_SAMPLES['flag']} — {NFC_SAMPLES['accents']} (by 2027-03)"
    assert row["goal_commitments"] == f"{NFC_SAMPLES['flag']}: {NFC_SAMPLES['hebrew']}"
    said = EXPECTED_TEXTS["said.piece:butterfly"]
    said = " / ".join(said.splitlines())  # a note's own line breaks, on its one line
    assert row["said"] == f"welcome: {NFC_SAMPLES['mixed']}\npiece:butterfly: {said}"


def test_json_export_round_trip(tmp_path: Path) -> None:
    record = _record(tmp_path)
    out = io.StringIO()
    records_to_json([record], out, exported=FIXED_NOW)
    text = out.getvalue()
    assert NFC_SAMPLES["family"] in text  # kept as UTF-8, not \\u-escaped
    (back,) = json.loads(text.encode("utf-8"))["conferences"]
    assert back == record


def test_take_home_summary_keeps_the_text(tmp_path: Path) -> None:
    summary = take_home_summary(_record(tmp_path))
    for text in (NFC_SAMPLES["skin tones"], NFC_SAMPLES["flag"], NFC_SAMPLES["arabic"]):
        assert text in summary
    assert summary.startswith("María's conference")
