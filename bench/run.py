"""The slc performance benchmark (issue 4).

Usage (from the repository root)::

    python bench/run.py [--quick] [--json FILE] [--keep]

It makes all its data in a temporary folder (removed afterwards unless ``--keep``), prints a
table of every key with its value, target and pass/fail, and with ``--json`` writes one JSON
object with exactly the keys below. ``--quick`` runs tiny sizes in seconds, only to keep this
script working (CI runs it and asserts no timing); it exits 0 whether or not targets are met.
Every value is the median over runs (5 in a full run, 2 with ``--quick``) unless said otherwise.
It exits 1 only when a measurement could not be made (its key is then null in the JSON).

How each key is measured (docs/performance.md says more):

``startup_ratio``
    ``python -m slc_tui open SAMPLE --student maya`` and ``python bench/bare_app.py`` (a bare
    Textual app: Header, Input, Button, Footer) are started alternately, each in a new
    pseudo-terminal of 80×24 with TERM=xterm-256color and a fresh SLC_DATA_DIR. The clock runs
    from just before the process starts until the terminal output contains the first screen's
    text (slc: the welcome step's "Welcome to my conference"; bare: its button label); then the
    process is killed. One warm-up each, then 7 runs each; ratio of the medians.
``open_student_5000_ratio``
    Two classes made by ``datagen.big_class`` (4 small pictures per portfolio): 5,000 children
    (200 with ``--quick``) and 10, the same first ten children in both. Each child but the
    first has results in the class's own ``results`` folder (last spring's finished conference;
    this term's too for two in three, some unfinished), written as results files directly.
    ``python -m slc_tui open CLASS --student s0001`` is started in each class alternately, as
    for ``startup_ratio`` (pseudo-terminal 80×24, a fresh SLC_DATA_DIR, clock until "Welcome to
    my conference" is on the terminal). One warm-up each, then 7 runs each; ratio of the
    medians, 5,000 / 10.
``step_p95_ms``
    A child process drives the real app headless (``App.run_test``, 120×40) through a whole
    conference of a student with 60 pieces of 12 MP photos and a previous conference
    (welcome, review, choose, 3 pieces, strengths … wrap-up). Each step change is timed from just
    before Ctrl+N is sent to the first paint of the next step's screen (``App._display`` is
    wrapped to timestamp paints). Each step is first drawn, and then the app is left to settle
    (no worker running, no message or after-refresh callback waiting, pictures loaded, saves
    written), as a child reads a step before pressing Next. 95th percentile over the
    conference's step changes; median over conferences.
``ui_lag_max_ms``
    In the same child, a task sleeps 5 ms in a loop and records how late it wakes. The key is the
    longest lag from pressing Next on the step before ``choose`` until all 60 previews of the
    gallery are loaded and painted.
``peak_rss_mib``
    The same child's peak resident set size after the conference ends: ``VmHWM`` from
    /proc/self/status (the whole process: Python, Textual, the app, the harness). Not
    ``ru_maxrss``, which Linux carries over from the parent across fork and exec.
``conference_rss_growth``
    A child process opens the app on a class of 10 children (3 in a quick run), each with 12
    pieces of 12 MP photos (4 small ones in a quick run; every path new) and last spring's
    conference, and, in that one app, leads every child's conference in turn: picked from
    the student list, Next pressed through to Finish, the student list back and settled. After
    each, the process's RSS (``VmRSS``), as it is: nothing is collected by the benchmark (the
    app frees a conference's leftovers itself once the list is painted). RSS after the last
    conference / after the first; median of 3 such processes (1 in a quick run).
``image_preview_ms`` / ``image_preview_ratio``
    In this process: ``load_thumbnail`` + the picture's lines as Textual strips
    (``PictureStrips``) at the piece step's picture size (as the app's ImagePreview does in
    its loader thread, bypassing the cache),
    against ``Image.open(p).convert("RGB").resize(same pixels)``, on a different hard link of a
    12 MP JPEG each run (1 warm-up + 7 runs).
``save_p95_ms`` / ``save_flat_ratio``
    ``ClassSession.snapshot`` + ``ClassSession.save`` (what the autosave does) of conferences
    being led in a 1,000-student class, typing between saves, with 10,000 conferences already
    stored (10 per student, written through ``ResultsStore.save``) against 10 stored. 40 saves
    per run; p95 per run at 10,000; ratio of the median saves.
``picker_1000_ms``
    A child process creates the app for the 1,000-student class (with its 10,000 stored
    conferences) and runs it headless; time from ``create_app`` until the picker's first paint
    with all 1,000 students in its list.
``picker_5000_ms``
    As ``picker_1000_ms``, for the 5,000-child class of ``open_student_5000_ratio`` (200 with
    ``--quick``; 5,000 results files): from ``create_app`` until the picker's first paint with
    all 5,000 students in its list, each with its status (the names and grades from each
    portfolio's ``student`` only; the portfolios are then read in full in a worker, and the
    time until that is done and the list shown again is a detail). One uncounted run first.
``overview_1000_ms``
    A child process opens the app on that class (no teacher PIN), waits for the student list,
    presses F3 (the teacher's desk), lets it settle, then presses O; time from O pressed until
    the overview's first paint with all 1,000 rows in its table (the results read in a thread,
    each student's file once). One uncounted run first.
``validate_1000_s``
    Wall time of ``python -m slc_tui validate CLASS`` on that class (4 small pictures per
    portfolio), after one warm-up.
``roster_import_1000_s``
    In this process: ``plan_roster_import`` + ``apply_roster_import`` (what ``slc roster
    import`` does) of a 1,000-row spreadsheet CSV (``;``-separated Windows-1252, first and last
    names that repeat, grades spelt several ways) into a new class folder: every row read,
    ids made unique, 1,000 portfolios checked and written atomically. After one warm-up.
``schedule_1000_ms``
    In this process: ``plan_class_schedule`` + ``write_schedule`` (what ``slc schedule`` does)
    for the 1,000-student class with a 1,000-row requests CSV (brothers and sisters, requested
    times, private talks), no earlier schedule: the class folder loaded, every child placed,
    ``schedule.json``, ``schedule.ics`` and ``invitations.pdf`` written atomically. After one
    warm-up.
``portfolio_save_p95_ms``
    In this process: ``save_portfolio`` (checked as validate checks it, pictures decoded unless
    unchanged since, written atomically) after an edit of an opened portfolio, as the editor
    saves. 4 portfolios of the big class (copied, 4 small pictures each) × 10 saves per run;
    the first save of each decodes its pictures. p95 per run.
``take_home_pdf_ms`` / ``take_home_pdf_rss_mib``
    Wall time of ``slc take-home CLASS ava --format pdf --out FILE`` in a new process (run as
    ``python -m bench.take_home``, which calls ``slc_tui.cli.main`` as ``python -m slc_tui``
    does and then reads its peak RSS, ``VmHWM``), after one warm-up: a finished conference
    about three pieces, each a different 12 MP JPEG, with a follow-up asked for. The pictures
    are decoded, made small and embedded; the copy is laid out and written atomically.
``language_switch_ms``
    In a child process as ``slc open SAMPLE --student ava`` on the photo class: on the first
    piece step (a 12 MP photo), the conference's language switched as the 🌐 menu's pick does
    (French, Spanish, English in turn; 30 switches, 6 in a quick run) until the step is painted
    again in the new language; p95, the first switch left out. The catalogs are read first, as
    the 🌐 menu reads them while it opens.
``report_1000_s`` / ``report_rss_mib``
    Wall time of ``slc report CLASS --results DIR --out FILE`` in a new process (run as
    ``python -m bench.take_home``, reading its peak RSS, ``VmHWM``), after one warm-up: the
    1,000-student class's portfolios with results of conference night (last spring's finished
    conference for every child; this term's for nine in ten, one in seven unfinished; one
    family in six asking for a follow-up). The class folder and every results file are read,
    the report (about 170 A4 pages) is laid out and written atomically.
``serve_first_paint_s`` / ``serve_tab_rss_mib``
    ``python -m slc_tui serve`` on a copy of the sample class whose 30 students (2 with
    ``--quick``) are copies of Maya (three chosen pieces with pictures), opened in Debian's
    headless Chromium (selenium, with the tests' harness in ``tests/browser``; 1280×800).
    First paint: from just before the address is opened in a new tab until the student list's
    "Who is leading their conference" is on the page's terminal (its app process started,
    Textual drawn, the bytes relayed), after one warm-up; each tab is closed again. Then one
    tab per student is opened and led to its first piece step; RSS is the first tab's app
    process (``VmRSS``) at rest there, 3 s after the last tab got there (pictures drawn, saves
    written). The details add up all the tabs' RSS and PSS, and their CPU over 10 s at rest.
    Skipped in a quick run where chromium or the test extras are missing.
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as ``python bench/run.py``
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.report import KEYS, print_table, summary
from bench.suite import FULL, QUICK, Suite


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; returns the exit code (0 even when targets are missed)."""
    parser = argparse.ArgumentParser(prog="python bench/run.py", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes, 2 runs (for CI)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the keys here as JSON")
    parser.add_argument("--keep", action="store_true", help="keep the temporary data folder")
    args = parser.parse_args(argv)

    plan = QUICK if args.quick else FULL
    scratch = Path(tempfile.mkdtemp(prefix="slc-bench-"))
    started = time.perf_counter()
    suite = Suite(plan, scratch)
    try:
        values, details = suite.run()
    finally:
        if args.keep:
            print(f"data kept in {scratch}", file=sys.stderr)
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    elapsed = time.perf_counter() - started

    print_table(values, title=f"slc benchmark ({'quick' if args.quick else 'full'} run)")
    print(summary(details, elapsed))
    if args.json is not None:  # a key whose measurement failed is null
        result: dict[str, Any] = {k: None if math.isnan(values[k]) else values[k] for k in KEYS}
        args.json.write_text(json.dumps(result, indent=2) + "\n")
        print(f"wrote {args.json}", file=sys.stderr)
    if suite.errors:  # a broken benchmark fails; missed targets do not
        print("\nmeasurements that failed:\n  " + "\n  ".join(suite.errors), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
