"""Kill test: a writer killed with SIGKILL at random moments loses no acknowledged save.

A writer subprocess (``store_workers/writer.py``) saves records through
``ResultsStore`` in a loop and prints ``ACK <student> <record_id> <seq>`` after
each ``save()`` returns. This test kills it at random moments, restarts it, and
after every kill checks that every results file still reads and holds every save
acknowledged so far. The figures are printed (run with ``-s`` to see them).

It can fail: ``SLC_STORE_SELFCHECK=1`` also runs it against writers that write in
place (``--unsafe=overwrite`` / ``truncate``) and expects it to catch them.
"""

from __future__ import annotations

import os
import random
import signal
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from slc_tui.store.results import ResultsStore
from slc_tui.store.tinydb_document import CorruptResultsFile
from tests.unit.store_workers.harness import Acks, Writer

pytestmark = pytest.mark.skipif(
    os.name != "posix" or sys.platform == "win32", reason="SIGKILL is POSIX-only"
)

SEED = int(os.environ.get("SLC_STORE_KILL_SEED", "20261122"))
STUDENTS = ["maya", "leo", "zoe"]
MIN_ACKED_SAVES = 200
MIN_KILLS = 20
TIME_LIMIT = 60.0  # seconds; normally the test takes a few


@dataclass
class KillRun:
    """The outcome of :func:`run_kill_cycles`."""

    acks: Acks
    kills: int
    seconds: float
    stale_temp_files: int
    failure: str | None

    def figures(self) -> str:
        return (
            f"{self.acks.count} saves acknowledged, {self.kills} kills, "
            f"{len(self.acks.seq_of)} records, {self.stale_temp_files} stale temp files "
            f"cleaned, {self.seconds:.1f} s, seed {SEED}"
        )


def run_kill_cycles(results_dir: Path, logs: Path, unsafe: str | None = None) -> KillRun:
    """Start, randomly kill and restart a writer until enough saves and kills happened.

    Stops early, with ``failure`` set, as soon as a check fails.
    """
    rng = random.Random(SEED)
    acks, kills, stale = Acks(), 0, 0
    started = time.monotonic()

    def outcome(failure: str | None) -> KillRun:
        return KillRun(acks, kills, time.monotonic() - started, stale, failure)

    while acks.count < MIN_ACKED_SAVES or kills < MIN_KILLS:
        if time.monotonic() - started > TIME_LIMIT:
            return outcome("time limit reached before enough saves and kills")
        writer = Writer(
            results_dir, "w", STUDENTS, SEED * 1000 + kills, unsafe=unsafe, stderr_path=logs
        )
        writer.wait_ready()
        time.sleep(rng.uniform(0.005, 0.25))
        writer.kill()
        lines = writer.finish()
        if writer.process.returncode != -signal.SIGKILL:
            return outcome(f"writer ended by itself: {writer.stderr_text()}")
        acks.add_lines(lines)
        kills += 1

        store = ResultsStore(results_dir)
        try:
            store.all_records()
            missing = acks.missing_from(store)
        except CorruptResultsFile as corrupt:
            return outcome(f"after kill {kills}: {corrupt}")
        if missing:
            return outcome(f"after kill {kills}: lost acknowledged saves: {missing[:5]}")
        stale += sum(name.endswith(".tmp") for name in os.listdir(results_dir))
        if recoveries := store.check_and_recover():
            return outcome(f"after kill {kills}: recovery was needed: {recoveries}")
        if leftovers := [n for n in os.listdir(results_dir) if n.endswith(".tmp")]:
            return outcome(f"after kill {kills}: temp files left after recovery: {leftovers}")
    return outcome(None)


def test_sigkill_loses_no_acknowledged_save(tmp_path: Path) -> None:
    run = run_kill_cycles(tmp_path / "results", tmp_path / "writer.err")
    print(f"\nkill test: {run.figures()}")
    assert run.failure is None, f"{run.failure} ({run.figures()})"
    assert run.acks.count >= MIN_ACKED_SAVES
    assert run.kills >= MIN_KILLS


@pytest.mark.skipif(
    not os.environ.get("SLC_STORE_SELFCHECK"), reason="set SLC_STORE_SELFCHECK=1 to run"
)
@pytest.mark.parametrize("unsafe", ["overwrite", "truncate"])
def test_kill_test_catches_in_place_writes(tmp_path: Path, unsafe: str) -> None:
    run = run_kill_cycles(tmp_path / "results", tmp_path / "writer.err", unsafe=unsafe)
    print(f"\nkill test with --unsafe={unsafe}: {run.failure} ({run.figures()})")
    assert run.failure is not None, "the kill test did not notice in-place writes"
