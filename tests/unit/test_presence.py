"""A student's conference open on two screens: the second one is told, not silently forked."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from slc_tui.store.presence import OPEN_DIR, STALE_AFTER, ConferenceClaim

NOW = datetime(2026, 11, 22, 14, 2, 0)


def test_a_second_claim_on_this_computer_is_told_where_it_is_open(tmp_path: Path) -> None:
    first = ConferenceClaim(tmp_path, "maya", NOW)
    assert first.acquire(now=NOW) is None
    second = ConferenceClaim(tmp_path, "maya", NOW)
    other = second.acquire(now=NOW)
    assert other is not None
    assert other.same_computer
    assert other.pid == os.getpid()
    assert other.describe() == "in another window on this computer (since 14:02)"
    assert not second.held
    # Another student is free; after the first screen lets go, so is Maya.
    assert ConferenceClaim(tmp_path, "sam").acquire() is None
    first.release()
    assert second.acquire(now=NOW) is None
    second.release()


def test_open_here_anyway_takes_it(tmp_path: Path) -> None:
    first = ConferenceClaim(tmp_path, "maya")
    assert first.acquire() is None
    second = ConferenceClaim(tmp_path, "maya")
    assert second.acquire(force=True) is None
    assert second.held
    first.release()
    second.release()


def _note_from(tmp_path: Path, host: str, seen: datetime) -> None:
    folder = tmp_path / OPEN_DIR
    folder.mkdir(exist_ok=True)
    note = {"host": host, "pid": 4242, "since": "2026-11-22T13:55:00", "seen": seen.isoformat()}
    (folder / "maya.json").write_text(json.dumps(note))


def test_a_fresh_note_from_another_laptop_counts_and_a_stale_one_does_not(tmp_path: Path) -> None:
    _note_from(tmp_path, "laptop-2", NOW - timedelta(seconds=40))
    other = ConferenceClaim(tmp_path, "maya").acquire(now=NOW)
    assert other is not None
    assert not other.same_computer
    assert other.describe() == "on another computer (laptop-2) (since 13:55)"

    _note_from(tmp_path, "laptop-2", NOW - STALE_AFTER - timedelta(seconds=1))
    claim = ConferenceClaim(tmp_path, "maya")
    assert claim.acquire(now=NOW) is None
    assert json.loads((tmp_path / OPEN_DIR / "maya.json").read_text())["pid"] == os.getpid()
    claim.release()
    assert not (tmp_path / OPEN_DIR / "maya.json").exists()


def test_a_broken_note_does_not_block(tmp_path: Path) -> None:
    (tmp_path / OPEN_DIR).mkdir()
    (tmp_path / OPEN_DIR / "maya.json").write_text("{not json")
    claim = ConferenceClaim(tmp_path, "maya")
    assert claim.acquire() is None
    claim.release()


def test_unsafe_ids_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        ConferenceClaim(tmp_path, "../escape")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_a_killed_screen_lets_go(tmp_path: Path) -> None:
    holder = textwrap.dedent(
        f"""
        import sys, time
        from slc_tui.store.presence import ConferenceClaim
        claim = ConferenceClaim({str(tmp_path)!r}, "maya")
        assert claim.acquire() is None
        print("held", flush=True)
        time.sleep(60)
        """
    )
    process = subprocess.Popen([sys.executable, "-c", holder], stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "held"
        other = ConferenceClaim(tmp_path, "maya").acquire()
        assert other is not None
        assert other.pid == process.pid
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    claim = ConferenceClaim(tmp_path, "maya")
    assert claim.acquire() is None  # the OS released the lock; the old note is stale
    claim.release()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_what_it_writes_is_owner_only(tmp_path: Path) -> None:
    claim = ConferenceClaim(tmp_path / "results", "maya")
    assert claim.acquire() is None
    folder = tmp_path / "results" / OPEN_DIR
    for path in [tmp_path / "results", folder, *folder.iterdir()]:
        assert path.stat().st_mode & 0o077 == 0, path
    claim.release()


def test_a_note_with_a_time_zone_does_not_break_opening(tmp_path: Path) -> None:
    _note_from(tmp_path, "laptop-2", NOW)
    note = tmp_path / OPEN_DIR / "maya.json"
    note.write_text(note.read_text().replace('"seen": "2026-11-22T14:02:00"', '"seen": "x"'))
    data = json.loads(note.read_text())
    data["seen"] = "2026-11-22T14:01:30+00:00"
    note.write_text(json.dumps(data))
    other = ConferenceClaim(tmp_path, "maya").acquire(now=NOW)
    assert other is not None and other.host == "laptop-2"


def test_opened_anyway_takes_the_lock_when_the_first_screen_lets_go(tmp_path: Path) -> None:
    first = ConferenceClaim(tmp_path, "maya")
    assert first.acquire() is None
    second = ConferenceClaim(tmp_path, "maya")
    assert second.acquire(force=True) is None  # no OS lock yet: the first screen has it
    first.release()
    second.touch()  # the half-minute "still here" takes the lock now
    third = ConferenceClaim(tmp_path, "maya").acquire()
    assert third is not None and third.same_computer  # a third screen is told
    second.release()


def test_a_late_save_does_not_let_go_of_the_next_childs_conference(tmp_path: Path) -> None:
    from slc_tui.session import ClassSession
    from slc_tui.store.paths import bundled_sample_dir

    session = ClassSession.open(bundled_sample_dir(), tmp_path)
    assert session.claim("zoe") is None
    assert session.claim("maya") is None  # the family picked the next child
    session.release_claim("zoe")  # Zoe's last save lands late
    assert ConferenceClaim(tmp_path, "maya").acquire() is not None  # Maya still held here
    session.release_claim("maya")
    assert ConferenceClaim(tmp_path, "maya").acquire() is None


def test_a_teacher_can_ask_where_a_conference_is_open_without_holding_it(tmp_path: Path) -> None:
    from slc_tui.teacher.open_conferences import conference_open

    results = tmp_path / "results"
    assert conference_open(results, "maya") is None  # no folder yet: nothing open
    claim = ConferenceClaim(results, "maya")
    assert claim.acquire() is None
    where = conference_open(results, "maya")
    assert where is not None and where.same_computer
    assert ConferenceClaim(results, "leo").acquire() is None  # asking held nothing
    claim.release()
    assert conference_open(results, "maya") is None
    assert ConferenceClaim(results, "maya").acquire() is None
