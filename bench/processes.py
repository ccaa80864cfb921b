"""Whole-process timings: start-up in a real pseudo-terminal (also of one child in a big
class), and ``slc validate``."""

from __future__ import annotations

import fcntl
import os
import resource
import select
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Sequence
from pathlib import Path

from bench.common import REPO_ROOT, child_env

#: Text of slc's first conference screen (the welcome step's headline).
SLC_READY = b"Welcome to my conference"
#: The sample-class student whose conference opens (no earlier conference: no review step).
SLC_STUDENT = "maya"
#: How long one start-up may take before the benchmark gives up.
START_TIMEOUT = 30.0


def time_until_painted(
    command: Sequence[str], marker: bytes, env: dict[str, str], size: tuple[int, int] = (80, 24)
) -> tuple[float, float, float]:
    """Start ``command`` in a new pseudo-terminal of ``size`` (columns, lines) and read what it
    draws until ``marker`` appears; then kill it.

    Returns (seconds until the first byte of output, seconds until ``marker`` was read, both from
    just before the process was started; CPU seconds the process used, which other load on the
    machine disturbs less than wall time).
    """
    cpu_before = _children_cpu()
    master, slave = os.openpty()
    columns, lines = size
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        cwd=REPO_ROOT,
        start_new_session=True,
        close_fds=True,
    )
    os.close(slave)
    seen = b""
    first_output = 0.0
    try:
        while True:
            elapsed = time.perf_counter() - start
            if elapsed > START_TIMEOUT:
                tail = seen[-400:].decode(errors="replace")
                raise TimeoutError(f"{command[1:]} did not show {marker!r} in time: {tail!r}")
            ready, _, _ = select.select([master], [], [], 0.05)
            if not ready:
                if process.poll() is not None:
                    raise RuntimeError(f"{command[1:]} exited with {process.returncode}")
                continue
            try:
                chunk = os.read(master, 1 << 16)
            except OSError:  # the child closed the terminal
                chunk = b""
            if not chunk:
                raise RuntimeError(f"{command[1:]} closed its terminal before drawing {marker!r}")
            now = time.perf_counter()
            first_output = first_output or now - start
            overlap = seen[-len(marker) :]
            seen += chunk
            if marker in overlap + chunk:
                painted = now - start
                break
    finally:
        process.kill()
        process.wait()
        os.close(master)
    return first_output, painted, _children_cpu() - cpu_before


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def startup_commands(sample_dir: Path) -> dict[str, tuple[list[str], bytes]]:
    """The two programs compared by ``startup_ratio``, each with the text that shows it is up."""
    from bench.bare_app import READY_LABEL

    slc = [sys.executable, "-m", "slc_tui", "open", str(sample_dir), "--student", SLC_STUDENT]
    bare = [sys.executable, str(Path(__file__).with_name("bare_app.py"))]
    return {"slc": (slc, SLC_READY), "bare": (bare, READY_LABEL.encode())}


def measure_startup(sample_dir: Path, scratch: Path, runs: int) -> dict[str, list[float]]:
    """Start slc and the bare app alternately, ``runs`` times each after one warm-up each.

    Every slc start gets a new, empty ``SLC_DATA_DIR`` (so no unfinished conference is offered).
    Returns the seconds until painted for each (``slc``, ``bare``), until first output
    (``*_first``) and the CPU seconds used until killed (``*_cpu``).
    """
    commands = startup_commands(sample_dir)
    times: dict[str, list[float]] = {
        f"{name}{suffix}": [] for name in commands for suffix in ("", "_first", "_cpu")
    }
    for run in range(runs + 1):
        for name, (command, marker) in commands.items():
            env = child_env(scratch, f"start-{name}")
            first, painted, cpu = time_until_painted(command, marker, env)
            if run:  # run 0 warms the disk cache and the bytecode cache
                times[name].append(painted)
                times[f"{name}_first"].append(first)
                times[f"{name}_cpu"].append(cpu)
    return times


def measure_open_student(
    classes: dict[str, Path], student: str, scratch: Path, runs: int
) -> dict[str, list[float]]:
    """Open ``student``'s conference (``slc open CLASS --student ID``) in each of ``classes``
    (name → class folder) alternately, ``runs`` times each after one warm-up each, as
    :func:`measure_startup` starts slc (a fresh ``SLC_DATA_DIR`` each time, results in the
    class's own folder). Returns the seconds until the first step is painted for each name,
    and the CPU seconds used until killed (``NAME_cpu``)."""
    times: dict[str, list[float]] = {
        f"{name}{suffix}": [] for name in classes for suffix in ("", "_cpu")
    }
    slc = [sys.executable, "-m", "slc_tui", "open"]
    for run in range(runs + 1):
        for name, class_dir in classes.items():
            # A run killed just after its save would leave a conference to carry on, which
            # the next run would ask about: each run opens the child with no results.
            for saved in (class_dir / "results").glob(f"{student}.json*"):
                saved.unlink()
            command = [*slc, str(class_dir), "--student", student]
            env = child_env(scratch, f"open-{name}")
            _first, painted, cpu = time_until_painted(command, SLC_READY, env)
            if run:  # run 0 warms the disk cache and the bytecode cache
                times[name].append(painted)
                times[f"{name}_cpu"].append(cpu)
    return times


def measure_validate(class_dir: Path, scratch: Path, runs: int) -> list[float]:
    """Wall time of ``slc validate CLASS_DIR`` (a fresh process each time), after one warm-up."""
    command = [sys.executable, "-m", "slc_tui", "validate", str(class_dir)]
    times = []
    for run in range(runs + 1):
        start = time.perf_counter()
        done = subprocess.run(
            command,
            cwd=REPO_ROOT,
            env=child_env(scratch, "validate"),
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
        )
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            raise RuntimeError(f"slc validate failed ({done.returncode}): {done.stdout[-2000:]}")
        if run:
            times.append(elapsed)
    return times
