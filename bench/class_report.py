"""``report_1000_s`` and ``report_rss_mib``: ``slc report`` as a process, for the big class
after conference night.

The class is the big class's portfolios with results of their own: every child has last
spring's finished conference; nine in ten have one this term (one in seven of those still
in progress), one in six families asked for a private follow-up. The child process is
``python -m bench.take_home`` (``slc_tui.cli.main`` as ``python -m slc_tui`` runs it, then
its peak RSS).
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path

from bench.common import fresh_dir
from bench.take_home import run_slc


def store_night(class_dir: Path, results_dir: Path, student_ids: Sequence[str]) -> int:
    """Save conference night's results for ``student_ids`` (see the module docstring);
    returns how many conferences were saved."""
    from bench import datagen  # not imported by the child: Pillow's drawing modules
    from slc_tui.store.results import ResultsStore

    def save_student(number: int) -> int:
        store = ResultsStore(results_dir)
        student_id = student_ids[number]
        spring = datetime(2026, 4, 14, 15, 0) + timedelta(minutes=number % 97)
        store.save(
            datagen.conference_record(
                class_dir, student_id, spring, "Spring 2026", done=True, seed=number * 2
            )
        )
        if number % 10 == 9:  # no conference this term yet
            return 1
        night = datetime(2026, 11, 22, 14, 0) + timedelta(minutes=number % 240)
        done = number % 7 != 3
        record = datagen.conference_record(
            class_dir, student_id, night, datagen.CLASS_TERM, done=done, seed=number * 2 + 1
        )
        record["follow_up"] = number % 6 == 0
        store.save(record)
        return 2

    with ThreadPoolExecutor(max_workers=4) as pool:
        return sum(pool.map(save_student, range(len(student_ids))))


def measure_report(
    class_dir: Path, results_dir: Path, scratch: Path, runs: int
) -> dict[str, list[float]]:
    """Run ``slc report CLASS --results DIR --out FILE`` in a new process ``runs`` times
    after one warm-up: seconds from start to exit (``wall``), its peak RSS in MiB
    (``rss_mib``), the PDF's size in bytes (``bytes``)."""
    out = fresh_dir(scratch / "children", "report-")
    found: dict[str, list[float]] = {"wall": [], "rss_mib": [], "bytes": []}
    for run in range(runs + 1):
        pdf = out / f"report-{run}.pdf"
        args = ["report", str(class_dir), "--results", str(results_dir), "--out", str(pdf)]
        elapsed, peak = run_slc(args, pdf, scratch, "report")
        if run:  # run 0 fills the bytecode and disk caches
            found["wall"].append(elapsed)
            found["rss_mib"].append(peak)
            found["bytes"].append(pdf.stat().st_size)
    return found
