"""What a benchmark run makes and measures, in order: see ``bench/run.py`` for the method."""

from __future__ import annotations

import os
import shutil
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from bench import class_report, datagen, images, processes, saves, take_home, teacher_desk
from bench.common import median, percentile, run_child
from bench.report import KEYS

PHOTO_STUDENT = "ava"


@dataclass(frozen=True)
class Plan:
    """Sizes and repetitions of one benchmark run."""

    runs: int  # conferences, pickers, save runs and validations
    startup_runs: int
    preview_runs: int
    photo_size: tuple[int, int]
    distinct_photos: int
    photo_pieces: int
    students: int
    school: int  # children of the school-sized class (against 10)
    pictures_per_student: int
    stored: int
    stored_few: int
    saves_per_run: int
    serve_tabs: int  # browser tabs held open on one slc serve at once
    nights: int  # processes each leading a conference night
    night_conferences: int  # conferences led one after another in each
    night_pieces: int  # photos in each child's portfolio
    warm_up: bool  # one uncounted conference and picker first (fills bytecode and disk caches)


FULL = Plan(
    runs=5,
    startup_runs=7,
    preview_runs=7,
    photo_size=(4000, 3000),
    distinct_photos=4,
    photo_pieces=60,
    students=1000,
    school=5000,
    pictures_per_student=4,
    stored=10_000,
    stored_few=10,
    saves_per_run=40,
    serve_tabs=30,
    nights=3,
    night_conferences=10,
    night_pieces=12,
    warm_up=True,
)
QUICK = Plan(
    runs=2,
    startup_runs=2,
    preview_runs=2,
    photo_size=(400, 300),
    distinct_photos=2,
    photo_pieces=12,
    students=20,
    school=200,
    pictures_per_student=2,
    stored=100,
    stored_few=10,
    saves_per_run=10,
    serve_tabs=2,
    nights=1,
    night_conferences=3,
    night_pieces=4,
    warm_up=False,
)


class Suite:
    """Makes the data under ``scratch`` and runs every measurement of ``plan``."""

    def __init__(self, plan: Plan, scratch: Path) -> None:
        self.plan = plan
        self.scratch = scratch
        self.values: dict[str, float] = dict.fromkeys(KEYS, float("nan"))
        self.details: dict[str, Any] = {}
        self.errors: list[str] = []
        self.preview_cells: tuple[int, int] = images.DEFAULT_PREVIEW_CELLS
        self._started = time.perf_counter()

    def say(self, message: str) -> None:
        """Progress on standard error."""
        print(f"[{time.perf_counter() - self._started:6.1f}s] {message}", file=sys.stderr)

    def run(self) -> tuple[dict[str, float], dict[str, Any]]:
        """Make the data, measure everything; returns (keys, supporting details).

        A measurement that fails leaves its keys NaN and is listed in :attr:`errors`.
        """
        self.details["load average at start (1 min)"] = os.getloadavg()[0]
        self.make_data()
        measurements = (
            self.measure_startup,
            self.measure_conferences,
            self.measure_conference_night,
            self.measure_language_switch,
            self.measure_preview,
            self.measure_saves,
            self.measure_picker,
            self.measure_school_class,
            self.measure_overview,
            self.measure_validate,
            self.measure_roster_import,
            self.measure_schedule,
            self.measure_portfolio_saves,
            self.measure_take_home,
            self.measure_report,
            self.measure_export_memory,
            self.measure_serve,
        )
        for measure in measurements:
            try:
                measure()
            except Exception as error:  # report it, measure the rest
                self.errors.append(f"{measure.__name__}: {type(error).__name__}: {error}")
                self.say(f"ERROR in {measure.__name__}: {error}")
        self.details["load average at end (1 min)"] = os.getloadavg()[0]
        return self.values, self.details

    # -- data --------------------------------------------------------------------------------

    def make_data(self) -> None:
        """Photos, one photo class per conference run, the big class and its stored results."""
        plan, scratch = self.plan, self.scratch
        width, height = plan.photo_size
        self.say(f"making {plan.distinct_photos} photos of {width}×{height}")
        self.photos = datagen.write_sources(
            scratch / "photos",
            (
                (f"photo-{seed}.jpg", datagen.make_photo(seed, plan.photo_size))
                for seed in range(plan.distinct_photos)
            ),
        )
        self.details["photo size (MB, each)"] = ", ".join(
            f"{path.stat().st_size / 1e6:.1f}" for path in self.photos
        )
        self.preview_paths = [
            datagen.link(self.photos[n % len(self.photos)], scratch / "preview" / f"p{n:02d}.jpg")
            for n in range(plan.preview_runs + 1)
        ]
        self.conference_dirs = []
        for run in range(plan.runs + plan.warm_up):
            root = scratch / f"conference-{run}"
            class_dir = datagen.photo_class(
                root / "class", self.photos, plan.photo_pieces, PHOTO_STUDENT
            )
            results = root / "results"
            self._store_previous(class_dir, results)
            self.conference_dirs.append((class_dir, results))
        self.night_class = scratch / "night" / "class"
        self.night_ids = datagen.night_class(
            self.night_class, self.photos, plan.night_conferences, plan.night_pieces
        )
        self.night_results = [scratch / "night" / f"results-{run}" for run in range(plan.nights)]
        for results in self.night_results:
            for student_id in self.night_ids:
                self._store_previous(self.night_class, results, student_id)

        self.say(f"making a class of {plan.students} students")
        self.small_pictures = pictures = datagen.write_sources(
            scratch / "small",
            [
                *((f"work-{n}.jpg", datagen.make_photo(100 + n, (640, 480), 85)) for n in range(3)),
                *((f"drawing-{n}.png", datagen.make_drawing(n, (480, 360))) for n in range(3)),
            ],
        )
        self.big_class = scratch / "big-class"
        self.student_ids = datagen.big_class(
            self.big_class, plan.students, pictures, plan.pictures_per_student
        )
        self.say(f"storing {plan.stored:,} conferences (and {plan.stored_few} in a copy)")
        self.many_results = self.big_class / "results"
        datagen.store_conferences(self.big_class, self.many_results, self.student_ids, plan.stored)
        self.few_results = scratch / "few-results"
        self.few_ids = self.student_ids[: plan.stored_few]
        datagen.store_conferences(self.big_class, self.few_results, self.few_ids, plan.stored_few)

    def _store_previous(
        self, class_dir: Path, results: Path, student_id: str = PHOTO_STUDENT
    ) -> None:
        """Last spring's finished conference, so the conference has its review step."""
        from slc_tui.store.results import ResultsStore

        started = datetime(2026, 4, 15, 16, 0)
        record = datagen.conference_record(
            class_dir, student_id, started, "Spring 2026", done=True, seed=1
        )
        ResultsStore(results).save(record)

    # -- measurements ------------------------------------------------------------------------

    def measure_startup(self) -> None:
        """``startup_ratio``."""
        from slc_tui.store.paths import bundled_sample_dir

        self.say(f"start-up: slc and the bare app, {self.plan.startup_runs} runs each")
        times = processes.measure_startup(
            bundled_sample_dir(), self.scratch, self.plan.startup_runs
        )
        slc, bare = median(times["slc"]), median(times["bare"])
        self.values["startup_ratio"] = slc / bare
        self.details["start-up until painted (s): slc / bare"] = f"{slc:.3f} / {bare:.3f}"
        self.details["start-up until first output (s): slc / bare"] = (
            f"{median(times['slc_first']):.3f} / {median(times['bare_first']):.3f}"
        )
        slc_cpu, bare_cpu = median(times["slc_cpu"]), median(times["bare_cpu"])
        self.details["start-up CPU time (s): slc / bare (ratio)"] = (
            f"{slc_cpu:.3f} / {bare_cpu:.3f} ({slc_cpu / bare_cpu:.2f})"
        )

    def measure_language_switch(self) -> None:
        """``language_switch_ms``: 🌐 on a piece step until it is repainted, p95."""
        count = 30 if self.plan.warm_up else 6
        self.say(f"language switches: {count} on a piece step")
        class_dir, results_dir = self.conference_dirs[-1]
        args = ["languages", str(class_dir), str(results_dir), PHOTO_STUDENT, str(count)]
        switches = run_child("app_driver", args, self.scratch)["switch_ms"]
        self.values["language_switch_ms"] = percentile(switches[1:] or switches, 95)
        self.details["language switches: median / slowest (ms)"] = (
            f"{median(switches):.0f} / {max(switches):.0f} ({len(switches)} switches)"
        )

    def measure_conferences(self) -> None:
        """``step_p95_ms``, ``ui_lag_max_ms`` and ``peak_rss_mib``."""
        plan = self.plan
        self.say(f"conferences: {plan.runs} runs with {plan.photo_pieces} photos each")
        results = []
        for class_dir, results_dir in self.conference_dirs:
            args = ["conference", str(class_dir), str(results_dir), PHOTO_STUDENT]
            results.append(run_child("app_driver", args, self.scratch))
        results = results[self.plan.warm_up :]
        per_run_p95 = [percentile([s["paint_ms"] for s in r["steps"]], 95) for r in results]
        choose = [next(s for s in r["steps"] if s["to"] == "choose") for r in results]
        self.values["step_p95_ms"] = median(per_run_p95)
        self.values["ui_lag_max_ms"] = median([s["lag_since_step_before_ms"] for s in choose])
        self.values["peak_rss_mib"] = median([r["peak_rss_mib"] for r in results])
        pooled = [s["paint_ms"] for r in results for s in r["steps"]]
        self.details["step changes: p95 of all runs pooled / slowest (ms)"] = (
            f"{percentile(pooled, 95):.0f} / {max(pooled):.0f} ({len(pooled)} step changes)"
        )
        self.details["choose: gallery loaded and painted (ms)"] = median(
            [s["ready_ms"] for s in choose]
        )
        self.details["choose: lag after its first paint (ms)"] = median(
            [s["lag_after_paint_ms"] for s in choose]
        )
        self.details["finish: wrap-up to picker painted (ms)"] = median(
            [r["finish_ms"] for r in results]
        )
        self.details["step changes, medians over runs (ms)"] = "\n" + _step_lines(
            [r["steps"] for r in results]
        )
        cells = [s["preview_cells"] for s in results[0]["steps"] if s.get("preview_cells")]
        if cells:
            self.preview_cells = (cells[0][0], cells[0][1])

    def measure_conference_night(self) -> None:
        """``conference_rss_growth``: one process leading conference after conference."""
        plan = self.plan
        self.say(
            f"conference night: {plan.nights} runs of {plan.night_conferences} conferences,"
            f" {plan.night_pieces} photos each"
        )
        students = ",".join(self.night_ids)
        nights = [
            run_child(
                "app_driver", ["night", str(self.night_class), str(results), students], self.scratch
            )
            for results in self.night_results
        ]
        self.values["conference_rss_growth"] = median(
            [night["rss_mib"][-1] / night["rss_mib"][0] for night in nights]
        )
        count = plan.night_conferences
        self.details[f"conference night: RSS after conference 1 / {count} (MiB)"] = (
            f"{median([n['rss_mib'][0] for n in nights]):.1f}"
            f" / {median([n['rss_mib'][-1] for n in nights]):.1f}"
        )
        self.details["conference night: RSS after each conference, first run (MiB)"] = " ".join(
            f"{rss:.0f}" for rss in nights[0]["rss_mib"]
        )
        self.details[f"conference night: objects (gc) after conference 1 / {count}"] = (
            f"{median([n['gc_objects'][0] for n in nights]):.0f}"
            f" / {median([n['gc_objects'][-1] for n in nights]):.0f}"
        )

    def measure_preview(self) -> None:
        """``image_preview_ms`` and ``image_preview_ratio``."""
        self.say(f"image preview at {self.preview_cells} cells, {self.plan.preview_runs} runs")
        runs = self.plan.preview_runs
        times = images.measure_preview(self.preview_paths, self.preview_cells, runs)
        slc, plain = median(times["slc"]), median(times["plain"])
        self.values["image_preview_ms"] = slc * 1000
        self.values["image_preview_ratio"] = slc / plain
        self.details["preview: plain decode + resize (ms)"] = plain * 1000
        slc_cpu, plain_cpu = median(times["slc_cpu"]), median(times["plain_cpu"])
        self.details["preview CPU time (ms): slc / plain (ratio)"] = (
            f"{slc_cpu * 1000:.1f} / {plain_cpu * 1000:.1f} ({slc_cpu / plain_cpu:.2f})"
        )

    def measure_saves(self) -> None:
        """``save_p95_ms`` and ``save_flat_ratio``."""
        from slc_tui.core.class_folder import load_class_folder

        plan = self.plan
        self.say(f"autosaves: {plan.runs} runs of {plan.saves_per_run} with each store")
        folder = load_class_folder(self.big_class)
        many, few = [], []
        count = plan.saves_per_run
        for run in range(plan.runs):  # alternate, so drift in the disk's speed hits both alike
            few_results = self.scratch / f"few-results-{run}"  # a copy: 10 stored, every run
            shutil.copytree(self.few_results, few_results)
            few.append(saves.autosave_times(folder, few_results, self.few_ids, count, run))
            many.append(
                saves.autosave_times(folder, self.many_results, self.student_ids, count, run)
            )
        many_median = median([median(times) for times in many])
        few_median = median([median(times) for times in few])
        self.values["save_p95_ms"] = median([percentile(t, 95) for t in many]) * 1000
        self.values["save_flat_ratio"] = many_median / few_median
        self.details[f"autosave median (ms): {plan.stored_few} / {plan.stored:,} stored"] = (
            f"{few_median * 1000:.2f} / {many_median * 1000:.2f}"
        )

    def measure_picker(self) -> None:
        """``picker_1000_ms``."""
        plan = self.plan
        self.say(f"picker: {plan.runs} runs with {plan.students} students")
        args = ["picker", str(self.big_class), str(self.many_results), str(plan.students)]
        times = [
            run_child("app_driver", args, self.scratch)["picker_ms"]
            for _ in range(plan.runs + plan.warm_up)
        ]
        self.values["picker_1000_ms"] = median(times[plan.warm_up :])

    def measure_school_class(self) -> None:
        """``open_student_5000_ratio`` and ``picker_5000_ms`` (200 children in a quick run)."""
        from bench import export_memory

        plan = self.plan
        school = plan.school
        self.say(f"making a class of {school:,} children and one of 10, with their results")
        pairs = export_memory.template_records(self.big_class, self.student_ids, 20)
        # Last spring's conference for everyone, this term's for two in three.
        templates = [pair[:1] if number % 3 == 0 else pair for number, pair in enumerate(pairs)]
        classes: dict[str, Path] = {}
        for name, children in (("small", 10), ("school", school)):
            root = self.scratch / f"school-{children}"
            ids = datagen.big_class(root, children, self.small_pictures, plan.pictures_per_student)
            # (not the child opened: no conference to carry on, nothing asked first)
            datagen.write_results_like(root / "results", templates, ids[1:])
            classes[name] = root
        student = ids[0]
        self.say(f"one child's first step: {school:,} children / 10, {plan.startup_runs} runs each")
        times = processes.measure_open_student(classes, student, self.scratch, plan.startup_runs)
        small, big = median(times["small"]), median(times["school"])
        self.values["open_student_5000_ratio"] = big / small
        self.details[f"one child's first step (s): 10 / {school:,} children"] = (
            f"{small:.3f} / {big:.3f} (CPU {median(times['small_cpu']):.3f}"
            f" / {median(times['school_cpu']):.3f})"
        )
        self.say(f"picker: {plan.runs} runs with {school:,} students")
        args = ["picker", str(classes["school"]), str(classes["school"] / "results"), str(school)]
        count = plan.runs + plan.warm_up
        runs = [run_child("app_driver", args, self.scratch) for _ in range(count)][plan.warm_up :]
        self.values["picker_5000_ms"] = median([r["picker_ms"] for r in runs])
        self.details[f"picker of {school:,}: until read in full behind the list (ms)"] = median(
            [r["whole_ms"] for r in runs]
        )

    def measure_overview(self) -> None:
        """``overview_1000_ms``."""
        plan = self.plan
        self.say(f"teacher overview: {plan.runs} runs with {plan.students} students")
        args = ["overview", str(self.big_class), str(self.many_results), str(plan.students)]
        results = [run_child("app_driver", args, self.scratch) for _ in range(plan.runs + 1)]
        results = results[1:]  # the first fills the bytecode and disk caches
        self.values["overview_1000_ms"] = median([r["overview_ms"] for r in results])
        self.details["teacher's desk: F3 until painted (ms)"] = median(
            [r["desk_ms"] for r in results]
        )

    def measure_validate(self) -> None:
        """``validate_1000_s``."""
        self.say(f"validate: {self.plan.runs} runs on {self.plan.students} portfolios")
        times = processes.measure_validate(self.big_class, self.scratch, self.plan.runs)
        self.values["validate_1000_s"] = median(times)

    def measure_roster_import(self) -> None:
        """``roster_import_1000_s``."""
        rows = self.plan.students
        self.say(f"roster import: {self.plan.runs} runs of {rows} rows into a new class")
        roster = teacher_desk.write_roster(self.scratch / "roster" / "class-list.csv", rows, 3)
        runs = [
            teacher_desk.roster_import_time(self.scratch / f"imported-{run}", roster)
            for run in range(self.plan.runs + self.plan.warm_up)
        ][self.plan.warm_up :]
        self.values["roster_import_1000_s"] = median([plan + write for plan, write, _ in runs])
        self.details["roster import: plan / write (s)"] = (
            f"{median([r[0] for r in runs]):.3f} / {median([r[1] for r in runs]):.3f}"
            f" ({runs[0][2]} portfolios)"
        )

    def measure_schedule(self) -> None:
        """``schedule_1000_ms`` (writes ``schedule.json``, ``.ics`` and ``invitations.pdf``
        into the big class)."""
        from bench import schedule_night

        plan = self.plan
        self.say(f"schedule: {plan.runs} runs planning {plan.students} students")
        requests = schedule_night.write_requests(
            self.scratch / "schedule" / "requests.csv", self.student_ids, 5
        )
        fresh = [
            schedule_night.schedule_time(self.big_class, requests, fresh=True)
            for _ in range(plan.runs + plan.warm_up)
        ][plan.warm_up :]
        again = [
            schedule_night.schedule_time(self.big_class, requests, fresh=False)
            for _ in range(plan.runs)
        ]
        self.values["schedule_1000_ms"] = (
            median([made + written for made, written, _ in fresh]) * 1000
        )
        made, written = (median([r[n] for r in fresh]) * 1000 for n in (0, 1))
        self.details["schedule: plan / write (ms)"] = (
            f"{made:.0f} / {written:.0f} ({fresh[0][2]} children placed)"
        )
        self.details["schedule again, keeping every slot (ms)"] = (
            median([made + written for made, written, _ in again]) * 1000
        )

    def measure_portfolio_saves(self) -> None:
        """``portfolio_save_p95_ms``."""
        plan = self.plan
        students = 4
        each = max(1, plan.saves_per_run // students)
        self.say(f"portfolio saves: {plan.runs} runs of {students} portfolios × {each} saves")
        per_run = []
        for run in range(plan.runs):
            class_dir = self.scratch / f"desk-class-{run}"
            chosen = self.student_ids[run * students : (run + 1) * students]
            _copy_students(self.big_class, class_dir, chosen)
            per_run.append(teacher_desk.portfolio_save_times(class_dir, chosen, each, run))
        self.values["portfolio_save_p95_ms"] = median([percentile(t, 95) for t in per_run]) * 1000
        firsts = [times[index] for times in per_run for index in range(0, len(times), each)]
        rest = [t for times in per_run for i, t in enumerate(times) if i % each]
        self.details["portfolio save median (ms): first (pictures decoded) / later"] = (
            f"{median(firsts) * 1000:.2f} / {median(rest) * 1000:.2f}" if rest else "n/a"
        )

    def measure_take_home(self) -> None:
        """``take_home_pdf_ms`` and ``take_home_pdf_rss_mib``."""
        photos = self.photos[:3]
        size = "×".join(map(str, self.plan.photo_size))
        self.say(f"take-home PDF: {self.plan.runs} runs, three {size} photos")
        class_dir = take_home.take_home_class(self.scratch / "take-home-class", photos)
        found = take_home.measure_take_home(class_dir, self.scratch, self.plan.runs)
        self.values["take_home_pdf_ms"] = median(found["wall"]) * 1000
        self.values["take_home_pdf_rss_mib"] = median(found["rss_mib"])
        self.details["take-home PDF size (KB)"] = median(found["bytes"]) / 1000

    def measure_report(self) -> None:
        """``report_1000_s`` and ``report_rss_mib``."""
        plan = self.plan
        self.say(f"class report: {plan.runs} runs with {plan.students} children")
        results = self.scratch / "report-results"
        class_report.store_night(self.big_class, results, self.student_ids)
        found = class_report.measure_report(self.big_class, results, self.scratch, plan.runs)
        self.values["report_1000_s"] = median(found["wall"])
        self.values["report_rss_mib"] = median(found["rss_mib"])
        self.details["class report PDF size (KB)"] = median(found["bytes"]) / 1000

    def measure_export_memory(self) -> None:
        """``export_5000_rss_ratio``: ``slc export`` of 5,000 children against 10 (1,000
        in a quick run)."""
        from bench import export_memory

        plan = self.plan
        many = 5000 if plan is FULL else 1000
        self.say(f"export memory: {many} children against 10, {plan.runs} runs each")
        pairs = export_memory.template_records(self.big_class, self.student_ids, 50)
        peaks = {}
        for children in (10, many):
            results = self.scratch / f"export-results-{children}"
            export_memory.write_results(results, pairs, children)
            peaks[children] = export_memory.export_peak_mib(
                self.big_class, results, self.scratch, plan.runs
            )
        self.values["export_5000_rss_ratio"] = peaks[many] / peaks[10]
        self.details["slc export --format csv peak RSS (MiB): 10 / many children"] = (
            f"{peaks[10]:.0f} / {peaks[many]:.0f} ({many} children)"
        )

    def measure_serve(self) -> None:
        """``serve_first_paint_s`` and ``serve_tab_rss_mib`` (skipped in a quick run where
        the browser cannot be driven)."""
        from bench import serve_tabs

        plan = self.plan
        missing = serve_tabs.unavailable()
        if missing and plan is QUICK:
            self.say(f"slc serve: skipped ({missing})")
            self.details["slc serve"] = f"skipped: {missing}"
            return
        if missing:
            raise RuntimeError(missing)
        self.say(f"slc serve: {plan.runs} first paints, then {plan.serve_tabs} tabs held open")
        found = serve_tabs.measure_serve(self.scratch, plan.runs, plan.serve_tabs)
        self.values["serve_first_paint_s"] = median(found["paint_s"])
        self.values["serve_tab_rss_mib"] = found["tab_rss_mib"]
        self.details["slc serve: one tab on a piece step, peak RSS (MiB)"] = found["tab_peak_mib"]
        self.details[f"slc serve: {found['tabs']} tabs open, RSS / PSS added up (MiB)"] = (
            f"{found['tabs_rss_mib']:.0f} / {found['tabs_pss_mib']:.0f} (each on a piece step)"
        )
        self.details["slc serve: the server's RSS (MiB)"] = found["server_rss_mib"]
        self.details[f"slc serve: {found['tabs']} tabs at rest, CPU (% of one core)"] = found[
            "idle_cpu_percent"
        ]


def _copy_students(source: Path, target: Path, student_ids: list[str]) -> None:
    """A class folder holding copies of ``student_ids``'s portfolios and pictures."""
    (target / "portfolios").mkdir(parents=True)
    shutil.copy2(source / "class.json", target / "class.json")
    for student_id in student_ids:
        folder = source / "portfolios"
        shutil.copy2(folder / f"{student_id}.json", target / "portfolios" / f"{student_id}.json")
        shutil.copytree(folder / student_id, target / "portfolios" / student_id)


def _step_lines(runs: list[list[dict[str, Any]]]) -> str:
    """One line per step change, medians over the runs (runs share the same steps): until the
    new step is painted, until its pictures are painted and the save written, and the longest
    loop lag meanwhile."""
    lines = [f"    {'Next pressed on → shows':<26} {'painted':>7} {'ready':>8} {'lag max':>7}"]
    for index, step in enumerate(runs[0]):
        same = [steps[index] for steps in runs if len(steps) > index]
        name = f"{step['from'].split(':')[0]} → {step['to'].split(':')[0]}"
        paint = median([s["paint_ms"] for s in same])
        ready = median([s["ready_ms"] for s in same])
        lag = median([s["lag_max_ms"] for s in same])
        lines.append(f"    {name:<26} {paint:7.1f} {ready:8.1f} {lag:7.1f}")
    return "\n".join(lines)
