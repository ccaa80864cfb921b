"""Closing the terminal or killing the app saves what was typed (a real pty, a real process)."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest

from slc_tui.store.paths import bundled_sample_dir, seed_results
from tests.ui.helpers import saved_records
from tests.ui.terminal import slc_in_terminal

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")


@pytest.fixture
def results(tmp_path: Path) -> Path:
    target = tmp_path / "results"
    seed_results(bundled_sample_dir() / "results", target)
    return target


def _typed_then(signal_number: int, results: Path, data_dir: Path, words: str) -> int:
    terminal = slc_in_terminal(bundled_sample_dir(), results, "maya", data_dir)
    try:
        assert terminal.read_until("Maya"), terminal.output[-2000:]
        terminal.drain(1.0)  # the first save lands and the text box has focus
        terminal.type(words)
        terminal.drain(0.3)  # well under the 1 s autosave delay
        os.killpg(terminal.process.pid, signal_number)
        return terminal.wait()
    finally:
        terminal.close()


@pytest.mark.parametrize("signal_name", ["SIGHUP", "SIGTERM"])
def test_typed_words_survive_the_terminal_closing_or_a_kill(
    signal_name: str, results: Path, tmp_path: Path
) -> None:
    started = time.monotonic()
    code = _typed_then(getattr(signal, signal_name), results, tmp_path / "data", "we read")
    assert time.monotonic() - started < 30
    assert code != 0  # stopped, not finished
    [record] = saved_records(results, "maya")
    assert record["said"] == {"welcome": "we read"}
    assert record["status"] == "in_progress"


def _close_terminal_at_random_moments(tmp_path: Path, controlling: bool, launches: int) -> int:
    """Launch slc, close its terminal at a random moment (before or after the first paint),
    and count the processes still alive 10 s later. Without a controlling terminal nothing
    sends SIGHUP, so SIGTERM follows the close (as ``pkill`` after a lost ssh session)."""
    import random

    from tests.ui.terminal import Terminal

    chance = random.Random(20261201)
    left = 0
    for launch in range(launches):
        data = tmp_path / f"data-{launch}"
        terminal = Terminal(
            ["open", str(bundled_sample_dir()), "--student", "maya"],
            {"SLC_DATA_DIR": str(data)},
            controlling=controlling,
        )
        if chance.random() < 0.7:
            terminal.read_until("Welcome to my conference", timeout=20)
        time.sleep(chance.random() * 0.4)
        os.close(terminal.master)  # the window closes
        if not controlling:
            time.sleep(0.2)
            terminal.process.send_signal(signal.SIGTERM)
        try:
            terminal.process.wait(timeout=10)
        except Exception:
            left += 1
            terminal.process.kill()
            terminal.process.wait(timeout=10)
    return left


@pytest.mark.parametrize("controlling", [True, False], ids=["hang-up", "gone-then-term"])
def test_closing_the_terminal_at_random_moments_leaves_no_process(
    tmp_path: Path, controlling: bool
) -> None:
    assert _close_terminal_at_random_moments(tmp_path, controlling, launches=6) == 0


def test_a_terminal_gone_without_a_signal_is_noticed_and_the_words_are_saved(
    results: Path, tmp_path: Path
) -> None:
    """The pty closes and nothing sends a signal (it was never the app's controlling
    terminal): the app notices by itself, saves what was typed and ends. (Textual alone
    spun its input thread for ever, and its UI thread blocked on output nobody could read.)"""
    from tests.ui.terminal import Terminal

    terminal = Terminal(
        ["open", str(bundled_sample_dir()), "--student", "maya", "--results", str(results)],
        {"SLC_DATA_DIR": str(tmp_path / "data")},
        controlling=False,
    )
    try:
        assert terminal.read_until("Maya"), terminal.output[-2000:]
        terminal.drain(1.0)
        terminal.type("we read at bedtime")
        terminal.drain(0.3)  # under the autosave delay
        os.close(terminal.master)  # the window goes; no signal follows
        terminal.master = os.open(os.devnull, os.O_RDONLY)  # (for close() below)
        code = terminal.process.wait(timeout=15)
    finally:
        terminal.close()
    assert code != 0
    [record] = saved_records(results, "maya")
    assert record["said"] == {"welcome": "we read at bedtime"}
