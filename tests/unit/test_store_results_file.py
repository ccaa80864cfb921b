"""Tests for the results file layout: one record per line, re-encoding only what changed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tinydb import TinyDB

from slc_tui.store import results_file
from slc_tui.store.results import ResultsStore
from slc_tui.store.results_file import ResultsFile
from slc_tui.store.tinydb_document import CorruptResultsFile, parse_tinydb_document

PATH = Path("maya.json")


def record(record_id: str, **changes: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "id": record_id,
        "student_id": "maya",
        "started": f"2026-11-22T14:0{record_id[-1]}:00",
        "said": {"welcome": "Zoë 😀 中文"},
    }
    return fields | changes


def encoded(*records: dict[str, Any]) -> bytes:
    content = ResultsFile.empty()
    for item in records:
        content.put(item["id"], item)
    return content.encode()


def test_layout_is_one_record_per_line_of_compact_json() -> None:
    raw = encoded(record("a1"), record("b2"))
    lines = raw.decode("utf-8").split("\n")
    assert lines[0] == '{"conferences":{'
    assert lines[1].startswith('"1":{"id":"a1",') and lines[1].endswith("},")
    assert lines[2].startswith('"2":{"id":"b2",') and lines[2].endswith('"maya"}')
    assert lines[3:] == ["}}", ""]
    assert "Zoë 😀 中文" in lines[1], "real UTF-8, not \\u escapes"
    assert json.loads(raw) == {"conferences": {"1": record("a1"), "2": record("b2")}}


def test_empty_table_round_trips() -> None:
    content = ResultsFile.parse(PATH, encoded(record("a1")))
    assert content.remove("a1")
    raw = content.encode()
    assert json.loads(raw) == {"conferences": {}}
    assert ResultsFile.parse(PATH, raw).records == {}


def test_a_save_re_encodes_only_the_record_it_changes() -> None:
    raw = encoded(record("a1"), record("b2"), record("c3"))
    # A line that is valid but not how the encoder would write it (spaces, key order)
    # proves which lines are copied as they were.
    odd = '"1" : {"said": {"welcome": "hi"}, "id": "a1"},'
    raw = raw.replace(raw.split(b"\n")[1], odd.encode())
    content = ResultsFile.parse(PATH, raw)
    content.put("b2", record("b2", step="goals"))
    content.put("d4", record("d4"))
    lines = content.encode().decode("utf-8").split("\n")
    assert lines[1] == odd, "an unchanged record keeps its bytes"
    assert '"step":"goals"' in lines[2]
    assert lines[3] == raw.decode("utf-8").split("\n")[3] + ","
    assert lines[4].startswith('"4":{"id":"d4",')
    assert json.loads("\n".join(lines))["conferences"]["1"] == {
        "said": {"welcome": "hi"},
        "id": "a1",
    }


def test_new_records_get_the_next_tinydb_id() -> None:
    content = ResultsFile.parse(PATH, b'{"conferences": {"3": {"id": "x"}, "10": {"id": "y"}}}')
    content.put("z", {"id": "z"})
    assert list(content.records) == ["3", "10", "11"]


@pytest.mark.parametrize(
    "raw",
    [
        # what older versions wrote (indented), TinyDB's own storage, and hand edits
        json.dumps({"conferences": {"1": {"id": "a1"}, "2": {"id": "b2"}}}, indent=1).encode(),
        b'{"conferences": {"1": {"id": "a1"}, "2": {"id": "b2"}}}',
        b'{"conferences":{\n"1":{\n"id":"a1"},\n"2":{"id":"b2"}\n}}\n',
        b'{"conferences":{\n"1":{"id":"a1"},"2":{"id":"b2"}\n}}\n',
        b'{"conferences":{\n"1":{"id":"old"},\n"1":{"id":"a1"},\n"2":{"id":"b2"}\n}}\n',
        b'{"conferences":{\n"1":{"id":"a1"},\n"2":{"id":"b2"}\n}}\n',
    ],
    ids=["indented", "tinydb", "record-over-two-lines", "two-on-a-line", "repeated-id", "ours"],
)
def test_any_valid_layout_reads_as_a_whole_parse_does(raw: bytes) -> None:
    content = ResultsFile.parse(PATH, raw)
    assert content.tables == parse_tinydb_document(PATH, raw)
    content.put("c3", {"id": "c3"})
    expected = {"1": {"id": "a1"}, "2": {"id": "b2"}, "3": {"id": "c3"}}
    assert json.loads(content.encode()) == {"conferences": expected}


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "the file is empty"),
        (b'{"conferences":{\n"1":{"id":"a1"},\n"2":{"id":"b\n}}\n', "not valid JSON at line 3"),
        (b'{"conferences":{\n"1":{"id":"a1"},\n"2":{"id":"b2"}', "cut off part-way"),
        (b'{"conferences":{\n"x":{"id":"a1"}\n}}\n', "'x' in table 'conferences' is not a number"),
        (b'{"conferences":{\n"1":"hi"\n}}\n', "entry 1 in table 'conferences' is text"),
        (b'{"conferences":{\n"1":{"id":"\xff"}\n}}\n', "not UTF-8 text"),
    ],
)
def test_damage_raises_the_whole_parse_reason(raw: bytes, reason: str) -> None:
    with pytest.raises(CorruptResultsFile) as caught:
        ResultsFile.parse(PATH, raw)
    assert reason in caught.value.reason


def test_other_tables_are_kept() -> None:
    raw = b'{"conferences": {"1": {"id": "a1"}}, "notes": {"1": {"x": 1}}}'
    content = ResultsFile.parse(PATH, raw)
    content.put("b2", {"id": "b2"})
    assert json.loads(content.encode()) == {
        "conferences": {"1": {"id": "a1"}, "2": {"id": "b2"}},
        "notes": {"1": {"x": 1}},
    }


def test_unserialisable_record_fails_before_writing(tmp_path: Path) -> None:
    store = ResultsStore(tmp_path)
    store.save(record("a1"))
    before = (tmp_path / "maya.json").read_bytes()
    with pytest.raises(TypeError):
        store.save(record("b2", said=object()))
    assert (tmp_path / "maya.json").read_bytes() == before
    assert (tmp_path / "maya.json.bak").read_bytes() == before


def test_store_files_open_in_tinydb_and_old_files_are_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "maya.json"
    old = {"conferences": {"1": record("a1"), "2": record("b2")}}
    path.write_text(json.dumps(old, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    store = ResultsStore(tmp_path)
    store.save(record("b2", step="goals"))
    assert path.read_bytes().startswith(b'{"conferences":{\n"1":{')
    with TinyDB(path, access_mode="r") as db:  # TinyDB's stock JSON storage
        assert db.table("conferences").all() == [record("a1"), record("b2", step="goals")]
    assert store.records_for("maya") == [record("a1"), record("b2", step="goals")]


def test_a_save_reads_the_file_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = ResultsStore(tmp_path)
    store.save(record("a1"))
    parses: list[int] = []
    real_parse = ResultsFile.parse.__func__  # type: ignore[attr-defined]

    def counting_parse(cls: type[ResultsFile], path: Path, raw: bytes) -> ResultsFile:
        parses.append(len(raw))
        return real_parse(cls, path, raw)  # type: ignore[no-any-return]

    monkeypatch.setattr(ResultsFile, "parse", classmethod(counting_parse))
    monkeypatch.setattr(results_file, "parse_tinydb_document", _forbidden)
    store.save(record("b2"))
    store.save(record("a1", step="goals"))
    assert len(parses) == 2, "one parse per save"


def _forbidden(*_args: object, **_kwargs: object) -> None:
    raise AssertionError("a save parsed the file as a whole")
