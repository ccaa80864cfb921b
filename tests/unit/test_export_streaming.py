"""Exports stream: one student's results file is read, then written out, then the next, so
memory does not grow with the class (issue 15); a file that cannot be read writes nothing."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from slc_tui.cli import main
from slc_tui.store.results import ResultsStore
from slc_tui.teacher.export import ExportFailed, export_chunks, export_to
from tests.factories import make_class, portfolio_data, record_data

pytestmark = pytest.mark.usefixtures("slc_data_dir")


def _class(tmp_path: Path, children: int) -> Path:
    ids = [f"kid{n:02d}" for n in range(children)]
    root = make_class(tmp_path / "room", [portfolio_data(i) for i in ids])
    store = ResultsStore(root / "results")
    for student_id in ids:
        store.save(record_data(student_id))
    return root


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_files_are_read_one_at_a_time_as_the_export_is_written(
    tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _class(tmp_path, 5)
    events: list[str] = []
    read = ResultsStore._read_file

    def reading(path: Path, student_id: str) -> list[dict[str, object]]:
        events.append(f"read {student_id}")
        return read(path, student_id)

    monkeypatch.setattr(ResultsStore, "_read_file", staticmethod(reading))
    counted: list[int] = []
    for chunk in export_chunks(root / "results", fmt, counted):  # type: ignore[arg-type]
        if "kid" in chunk:
            events.append("wrote")
    assert counted == [5]
    assert events[:4] == ["read kid00", "wrote", "read kid01", "wrote"]


def test_a_damaged_file_half_way_writes_no_file_and_names_it(tmp_path: Path) -> None:
    root = _class(tmp_path, 4)
    (root / "results" / "kid02.json").write_text("{ damaged", encoding="utf-8")
    out = tmp_path / "out.csv"
    out.write_text("the teacher's earlier export", encoding="utf-8")
    with pytest.raises(ExportFailed, match=r"kid02\.json"):
        export_to(root / "results", "csv", out)
    assert out.read_text(encoding="utf-8") == "the teacher's earlier export"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp


def test_to_the_screen_a_damaged_file_prints_nothing_but_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _class(tmp_path, 3)
    (root / "results" / "kid02.json").write_text("{ damaged", encoding="utf-8")
    assert main(["export", str(root), "--format", "json"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "kid02.json" in captured.err


def test_the_streamed_json_is_what_json_dumps_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _class(tmp_path, 3)
    assert main(["export", str(root), "--format", "json"]) == 0
    text = capsys.readouterr().out
    document = json.loads(text)
    assert [c["student_id"] for c in document["conferences"]] == ["kid00", "kid01", "kid02"]
    assert text == json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    assert io.StringIO(text).readline() == "{\n"
