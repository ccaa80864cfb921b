"""``export_5000_rss_ratio``: the peak memory of ``slc export --format csv`` for a class of
5,000 children against one of 10, each run as a process (``python -m bench.take_home``,
which reads its peak RSS).

Both classes' results are the same conferences (real records of the big class, made by
``slc_tui.core``, given new student ids), written as results files directly: the export
reads files, it does not care how they were saved. Each child has two conferences (last
spring's and this term's).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from bench.common import fresh_dir
from bench.take_home import run_slc


def template_records(class_dir: Path, student_ids: Sequence[str], count: int) -> list[Any]:
    """``count`` pairs of conferences of the big class's children (spring, then this term)."""
    from bench import datagen

    pairs = []
    for number, student_id in enumerate(student_ids[:count]):
        spring = datagen.conference_record(
            class_dir,
            student_id,
            datetime(2026, 4, 14, 15, 0),
            "Spring 2026",
            done=True,
            seed=number,
        )
        night = datagen.conference_record(
            class_dir,
            student_id,
            datetime(2026, 11, 22, 15, 0),
            datagen.CLASS_TERM,
            done=number % 7 != 3,
            seed=number + 10_000,
        )
        pairs.append((spring, night))
    return pairs


def write_results(results_dir: Path, pairs: Sequence[Any], children: int) -> None:
    """Results files for ``children`` children (``child00000`` on), cycling through ``pairs``."""
    from bench import datagen

    datagen.write_results_like(results_dir, pairs, [f"child{n:05d}" for n in range(children)])


def export_peak_mib(class_dir: Path, results_dir: Path, scratch: Path, runs: int) -> float:
    """The median peak RSS (MiB) of ``slc export --format csv --out FILE`` over ``runs``
    runs after a warm-up."""
    out = fresh_dir(scratch / "children", "export-")
    peaks = []
    for run in range(runs + 1):
        csv = out / f"export-{run}.csv"
        args = ["export", str(class_dir), "--format", "csv", "--results", str(results_dir)]
        _elapsed, peak = run_slc([*args, "--out", str(csv)], csv, scratch, "export", timeout=600)
        if run:
            peaks.append(peak)
    peaks.sort()
    return peaks[len(peaks) // 2]
