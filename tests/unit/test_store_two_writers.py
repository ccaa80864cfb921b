"""Two writer processes on one results folder, writing the same students' files.

Both save in a tight loop for a few seconds (``store_workers/writer.py``), each
acknowledging its saves; afterwards every acknowledged save must be on disk. A
save that read the file while the other process was between its own read and
write would silently drop the other's record: the inter-process lock prevents it.

It can fail: ``SLC_STORE_SELFCHECK=1`` also runs the writers without the lock
(``--unsafe=nolock``) and expects lost updates.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from slc_tui.store.results import ResultsStore
from tests.unit.store_workers.harness import Acks, Writer, wait_all

pytestmark = pytest.mark.skipif(
    os.name != "posix" or sys.platform == "win32", reason="writer subprocesses: POSIX only"
)

SEED = int(os.environ.get("SLC_STORE_KILL_SEED", "20261122"))
STUDENTS = ["maya", "leo", "zoe"]  # both writers write all three files
SECONDS = 3.0


def run_two_writers(tmp_path: Path, unsafe: str | None = None) -> tuple[dict[str, Acks], list[str]]:
    """Run writers ``a`` and ``b`` together; return their acks and the lost saves."""
    results_dir = tmp_path / "results"
    writers = {
        name: Writer(
            results_dir,
            name,
            STUDENTS,
            SEED + index,
            seconds=SECONDS,
            unsafe=unsafe,
            stderr_path=tmp_path / f"writer-{name}.err",
        )
        for index, name in enumerate("ab")
    }
    wait_all(list(writers.values()), time.monotonic() + SECONDS + 30)
    acks = {}
    for name, writer in writers.items():
        assert writer.process.returncode == 0, writer.stderr_text()
        acks[name] = Acks()
        acks[name].add_lines(writer.lines)
    everything = Acks()
    for writer in writers.values():
        everything.add_lines(writer.lines)
    return acks, everything.missing_from(ResultsStore(results_dir))


def _figures(acks: dict[str, Acks], lost: list[str]) -> str:
    counts = ", ".join(
        f"writer {n}: {a.count} saves/{len(a.seq_of)} records" for n, a in acks.items()
    )
    return f"{counts}; {len(lost)} acknowledged saves lost; seed {SEED}"


def test_two_writers_lose_no_update(tmp_path: Path) -> None:
    acks, lost = run_two_writers(tmp_path)
    print(f"\ntwo writers: {_figures(acks, lost)}")
    assert all(a.count > 20 for a in acks.values()), "the writers barely overlapped"
    assert lost == [], f"lost updates: {lost[:5]} ({_figures(acks, lost)})"
    for student in STUDENTS:
        writers = {r["writer"] for r in ResultsStore(tmp_path / "results").records_for(student)}
        assert writers == {"a", "b"}, f"{student}.json should hold both writers' records"


@pytest.mark.skipif(
    not os.environ.get("SLC_STORE_SELFCHECK"), reason="set SLC_STORE_SELFCHECK=1 to run"
)
def test_two_writer_test_catches_missing_lock(tmp_path: Path) -> None:
    acks, lost = run_two_writers(tmp_path, unsafe="nolock")
    print(f"\ntwo writers without the lock: {_figures(acks, lost)}")
    assert lost, "the two-writer test did not notice a missing lock"
