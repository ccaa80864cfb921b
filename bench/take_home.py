"""``take_home_pdf_ms`` and ``take_home_pdf_rss_mib``: ``slc take-home … --format pdf`` as a
process, for a conference about three 12 MP photos.

Run as ``python -m bench.take_home OUT ARGS…`` it is that command: ``slc_tui.cli.main(ARGS)``
as ``python -m slc_tui`` runs it, then its exit code and peak memory are written to OUT
(:mod:`bench.class_report` runs ``slc report`` this way too).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from bench.common import REPO_ROOT, child_env, fresh_dir

#: The student whose copy is printed.
STUDENT = "ava"


def take_home_class(root: Path, photos: Sequence[Path]) -> Path:
    """A class whose one student has three photo pieces and a finished conference about
    them, asking for a private follow-up (so the copy has every section)."""
    from bench import datagen  # not imported by the child: Pillow's drawing modules
    from slc_tui.store.results import ResultsStore

    class_dir = datagen.photo_class(root, photos, 3, STUDENT)
    started = datetime(2026, 11, 22, 15, 30)
    record = datagen.conference_record(
        class_dir, STUDENT, started, datagen.CLASS_TERM, done=True, seed=3
    )
    record["follow_up"] = True
    ResultsStore(class_dir / "results").save(record)
    return class_dir


def run_slc(
    args: Sequence[str], output: Path, scratch: Path, label: str, timeout: float = 300
) -> tuple[float, float]:
    """Run ``slc ARGS…`` in a new process (``python -m bench.take_home``), which must write
    ``output``: seconds from start to exit, and its peak RSS in MiB. RuntimeError (with the
    end of its error output) when it fails."""
    result = output.with_name(output.name + ".result.json")
    command = [sys.executable, "-m", "bench.take_home", str(result), *args]
    start = time.perf_counter()
    done = subprocess.run(
        command,
        cwd=REPO_ROOT,
        env=child_env(scratch, label),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0 or not output.is_file():
        raise RuntimeError(f"slc {args[0]} failed ({done.returncode}): {done.stderr[-2000:]}")
    return elapsed, float(json.loads(result.read_text())["peak_rss_mib"])


def measure_take_home(class_dir: Path, scratch: Path, runs: int) -> dict[str, list[float]]:
    """Run ``slc take-home CLASS ava --format pdf --out FILE`` in a new process ``runs``
    times after one warm-up: seconds from start to exit (``wall``), its peak RSS in MiB
    (``rss_mib``) and the PDF's size in bytes (``bytes``)."""
    out = fresh_dir(scratch / "children", "take-home-")
    found: dict[str, list[float]] = {"wall": [], "rss_mib": [], "bytes": []}
    for run in range(runs + 1):
        pdf = out / f"copy-{run}.pdf"
        args = ["take-home", str(class_dir), STUDENT, "--format", "pdf", "--out", str(pdf)]
        elapsed, peak = run_slc(args, pdf, scratch, "take-home", timeout=120)
        if run:  # run 0 fills the bytecode and disk caches
            found["wall"].append(elapsed)
            found["rss_mib"].append(peak)
            found["bytes"].append(pdf.stat().st_size)
    return found


def _main(argv: list[str]) -> int:
    from slc_tui.cli import main

    code = main(argv[1:])
    from bench.app_driver import peak_rss_kib  # after: its imports must not count

    Path(argv[0]).write_text(json.dumps({"exit": code, "peak_rss_mib": peak_rss_kib() / 1024}))
    return code


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
