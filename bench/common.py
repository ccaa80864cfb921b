"""Small helpers shared by the benchmark modules: statistics, environments, child processes."""

from __future__ import annotations

import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

#: The repository root (the folder holding ``bench/`` and ``slc_tui/``).
REPO_ROOT = Path(__file__).resolve().parent.parent


def median(values: Sequence[float]) -> float:
    """The median (NaN for no values)."""
    return statistics.median(values) if values else math.nan


def percentile(values: Sequence[float], pct: float) -> float:
    """The ``pct`` percentile, interpolated linearly between the closest ranks."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = (len(ordered) - 1) * pct / 100
    low = math.floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def status_kib(pid: int | str, field: str) -> int:
    """A ``/proc/PID/status`` figure in KiB (``VmRSS``, ``VmHWM``; ``pid`` may be "self").
    Raises OSError without /proc, KeyError when the field is not there."""
    for line in Path(f"/proc/{pid}/status").read_text(encoding="ascii").splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(field)


def child_env(scratch: Path, name: str) -> dict[str, str]:
    """The environment for a process the benchmark starts; ``scratch`` is the run's data folder.

    Every per-user folder (slc's data dir and the XDG folders) is a new folder under ``scratch``,
    so nothing is written to the real user's folders and nothing is cached from an earlier start.
    Bytecode is cached in ``scratch/pycache`` (``PYTHONPYCACHEPREFIX``) for every child alike,
    as an installed app has it, even where ``PYTHONDONTWRITEBYTECODE`` is set (the warm-up runs
    fill it); nothing is written into the repository.
    """
    home = fresh_dir(scratch / "homes", f"{name}-")
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    for variable in ("NO_COLOR", "PYTHONDONTWRITEBYTECODE", "PYTHONPROFILEIMPORTTIME"):
        env.pop(variable, None)
    env.update(
        TERM="xterm-256color",
        COLORTERM="truecolor",
        PYTHONPYCACHEPREFIX=str(scratch / "pycache"),
        SLC_DATA_DIR=str(home / "slc-data"),
        XDG_CACHE_HOME=str(home / "xdg-cache"),
        XDG_DATA_HOME=str(home / "xdg-data"),
        XDG_CONFIG_HOME=str(home / "xdg-config"),
    )
    return env


def fresh_dir(parent: Path, prefix: str) -> Path:
    """A new empty folder under ``parent``."""
    parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=prefix, dir=parent))


def run_child(module: str, args: Sequence[str], scratch: Path, timeout: float = 300) -> Any:
    """Run ``python -m bench.MODULE ARGS... OUT`` and return the JSON it wrote to OUT."""
    out = fresh_dir(scratch / "children", f"{module}-") / "result.json"
    command = [sys.executable, "-m", f"bench.{module}", *args, str(out)]
    done = subprocess.run(
        command,
        cwd=REPO_ROOT,
        env=child_env(scratch, module),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if done.returncode != 0 or not out.exists():
        raise RuntimeError(
            f"{' '.join(command[2:4])} failed (exit {done.returncode}):\n{done.stderr[-3000:]}"
        )
    return json.loads(out.read_text())
