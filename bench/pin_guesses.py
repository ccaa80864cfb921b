"""How fast can the teacher PIN be guessed through slc? (issue 10, item 7)

Usage (from the repository root)::

    python -m bench.pin_guesses [--seconds S] [--simulate-hours H]

It makes a class folder with a 6-digit PIN in a temporary folder and guesses wrong PINs, as
fast as slc lets it, two ways:

``in-process``
    ``slc_tui.cli.main(["export", CLASS, "--format", "json", "--pin", GUESS])`` in a loop (no
    interpreter start-up: the fastest an attacker driving the CLI could go).
``subprocess``
    ``python -m slc_tui export CLASS --format json --pin GUESS`` started again for every guess.

A guess *counts* when slc actually checked it (it said "wrong teacher PIN"); one refused
because a wait is due ("Too many wrong PINs …") does not. When refused, the loop sleeps
0.1 s and tries again (an attacker who knows the wait could sleep exactly that long; the count
is the same). Both ways are run for ``--seconds`` of real time each and reported per minute.

``--simulate-hours`` (only where ``PinStore`` takes a ``clock``) also drives the PIN service
itself with a simulated clock that jumps to the end of each wait, to show the long-run rate
without waiting for it.
"""

from __future__ import annotations

import argparse
import contextlib
import inspect
import io
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PIN = "480916"
EXPORT = [sys.executable, "-m", "slc_tui", "export"]


def _make_class(root: Path) -> Path:
    from slc_tui.cli import main

    folder = root / "room12"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["new-class", str(folder), "--pin", PIN]) == 0
    return folder


def _guesses() -> list[str]:
    return [f"{n:06d}" for n in range(1, 1_000_000) if f"{n:06d}" != PIN]


def in_process(folder: Path, seconds: float) -> tuple[int, int]:
    """(guesses checked, guesses refused) in ``seconds`` through ``cli.main``."""
    from slc_tui.cli import main

    checked = refused = 0
    end = time.monotonic() + seconds
    for guess in _guesses():
        if time.monotonic() >= end:
            break
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = main(["export", str(folder), "--format", "json", "--pin", guess])
        assert code == 1, err.getvalue()
        if "wrong teacher PIN" in err.getvalue():
            checked += 1
        else:
            refused += 1
            time.sleep(0.1)
    return checked, refused


def in_subprocesses(folder: Path, seconds: float) -> tuple[int, int]:
    """(guesses checked, guesses refused) in ``seconds``, one ``python -m slc_tui`` each."""
    checked = refused = 0
    end = time.monotonic() + seconds
    env = {**os.environ, "SLC_DATA_DIR": str(folder.parent / "data")}
    for guess in _guesses():
        if time.monotonic() >= end:
            break
        result = subprocess.run(
            [*EXPORT, str(folder), "--format", "json", "--pin", guess],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        assert result.returncode == 1, result.stderr
        if "wrong teacher PIN" in result.stderr:
            checked += 1
        else:
            refused += 1
            time.sleep(0.1)
    return checked, refused


def simulate(folder: Path, hours: float) -> list[tuple[float, int]]:
    """(simulated minutes, guesses checked so far) at 1 min, 1 h, 1 day… of non-stop guessing."""
    from slc_tui.store.teacher_access import PinStore, PinWaitDue

    now = [time.time()]
    start = now[0]
    store = PinStore(folder / "results", clock=lambda: now[0])
    checked = 0
    marks = [60.0, 3600.0, 86400.0, hours * 3600]
    seen: list[tuple[float, int]] = []
    for guess in _guesses():
        try:
            assert not store.check(guess)
            checked += 1
            now[0] += 0.05  # the time one check takes
        except PinWaitDue as wait:
            now[0] += wait.seconds
        while marks and now[0] - start >= marks[0]:
            seen.append((marks.pop(0) / 60, checked))
        if not marks:
            break
    return seen


def main() -> int:
    """Run the measurements and print them."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--simulate-hours", type=float, default=24.0 * 7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["SLC_DATA_DIR"] = str(Path(scratch) / "data")
        for name, way in (("in-process", in_process), ("subprocess", in_subprocesses)):
            folder = _make_class(Path(scratch) / name)
            checked, refused = way(folder, args.seconds)
            rate = checked * 60 / args.seconds
            print(
                f"{name:>10}: {checked} guesses checked, {refused} refused in "
                f"{args.seconds:g} s = {rate:.1f} guesses a minute"
            )
        from slc_tui.store.teacher_access import PinStore

        if "clock" in inspect.signature(PinStore).parameters:
            folder = _make_class(Path(scratch) / "simulated")
            for minutes, checked in simulate(folder, args.simulate_hours):
                print(f" simulated: {checked} guesses checked in the first {minutes:g} minutes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
