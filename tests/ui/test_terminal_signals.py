"""Closing the terminal or killing the app saves what was typed (a real pty, a real process)."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest

from slc_tui.locations import bundled_sample_dir
from slc_tui.store.locations import seed_results
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
