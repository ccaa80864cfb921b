"""What slc's first screen costs against the bare Textual app of ``startup_ratio``, piece by piece.

Usage (from the repository root)::

    python -m bench.startup_profile [--runs 7] [--timers] [--imports] [--profile 40]
                                    [--instructions]

Each program (``slc open SAMPLE --student maya`` and ``bench/bare_app.py``) is started, in
turns, in a new 80×24 pseudo-terminal as :func:`bench.processes.measure_startup` starts it, but
through this module's ``child`` mode: that wraps ``App._display`` and, on the first paint of the
first real screen (slc: the conference screen; bare: its only screen), writes what it sees and
exits. Reported, median over runs: CPU seconds of the process until then
(``time.process_time``, which other load on the machine disturbs less than wall time), modules
imported (slc's own and others), DOM nodes, CSS sources and rule sets in the stylesheet, and how
many rule sets the stylesheet matched widgets against (``Stylesheet.apply`` calls × rule sets).
``--imports`` adds ``python -X importtime``'s cumulative time of each program's imports and the
modules only slc imports; ``--profile N`` the N slowest calls of slc's start-up by cumulative
time (cProfile, one run); ``--timers`` the CPU time spent in the Textual functions of
:data:`TIMED`; ``--instructions`` the machine instructions each program runs until
its first paint (valgrind, one run each: slow, but the same whatever the load, so small
changes show even on a busy machine), and those of ``bench/floor_app.py``: slc's first
screen in Textual's stock widgets, the floor of what that screen costs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

# (The child mode imports as little as it can: its modules are counted as the program's.)
REPO_ROOT = Path(__file__).resolve().parent.parent

#: The screen whose first paint ends each program's start-up.
FIRST_SCREEN = {"slc": "ConferenceScreen", "bare": "Screen", "floor": "FloorScreen"}
#: How long one start-up may take before giving up.
TIMEOUT = 60.0
#: The student whose conference opens (``bench.processes.SLC_STUDENT``, not imported by the
#: child: its imports would be counted as slc's).
SLC_STUDENT = "maya"
_IMPORT_LINE = rb"import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)"


#: Functions of the start-up path whose CPU time ``--timers`` reports (outermost calls only).
TIMED = (
    "textual.css.stylesheet:Stylesheet.parse",
    "textual.css.stylesheet:Stylesheet.reparse",
    "textual.css.stylesheet:Stylesheet.apply",
    "textual.css.stylesheet:Stylesheet.update_nodes",
    "textual.app:App._register",
    "textual.screen:Screen._refresh_layout",
    "textual._compositor:Compositor.reflow",
    "textual._compositor:Compositor.render_update",
    "textual.app:App._display",
    "textual.app:App.__init__",
)


def _time_functions(names: tuple[str, ...], spent: dict[str, float]) -> None:
    """Wrap each ``module:Class.method`` of ``names`` to add its CPU seconds to ``spent``."""
    import functools
    import importlib
    import time

    for name in names:
        module_name, qualname = name.split(":")
        owner_name, method = qualname.split(".")
        owner = getattr(importlib.import_module(module_name), owner_name)
        original = owner.__dict__[method]
        spent[qualname] = 0.0
        depth = [0]

        def timed(
            *args: Any, _f: Any = original, _k: str = qualname, _d: list[int] = depth, **kwargs: Any
        ) -> Any:
            if _d[0]:
                return _f(*args, **kwargs)
            _d[0] += 1
            start = time.process_time()
            try:
                return _f(*args, **kwargs)
            finally:
                spent[_k] += time.process_time() - start
                _d[0] -= 1

        setattr(owner, method, functools.wraps(original)(timed))


def run_child(
    program: str, out: Path, profile: Path | None, timers: bool = False, from_run: bool = False
) -> None:
    """Start ``program`` and, on its first screen's first paint, write the counts to ``out``
    (and a cProfile of the start-up to ``profile``: from the start, or ``from_run`` from
    ``App.run``, after the imports at the top of the modules)."""
    import json
    import time

    spent: dict[str, float] = {}

    profiler = None
    if profile is not None:
        import cProfile

        profiler = cProfile.Profile()
        if not from_run:
            profiler.enable()
    from textual.app import App
    from textual.css.stylesheet import Stylesheet

    if timers:
        _time_functions(TIMED, spent)

    applied = {"calls": 0, "rules": 0}
    started = {"cpu": 0.0, "modules": 0}
    original_apply = Stylesheet.apply
    original_display = App._display
    original_run = App.run

    def run(self: App[Any], *args: Any, **kwargs: Any) -> Any:
        started["cpu"], started["modules"] = time.process_time(), len(sys.modules)
        if profiler is not None and from_run:
            profiler.enable()
        return original_run(self, *args, **kwargs)

    def apply(self: Stylesheet, node: Any, **kwargs: Any) -> None:
        applied["calls"] += 1
        applied["rules"] += len(self.rules)
        original_apply(self, node, **kwargs)

    def display(self: App[Any], screen: Any, renderable: Any) -> None:
        original_display(self, screen, renderable)
        if renderable is None or type(screen).__name__ != FIRST_SCREEN[program]:
            return
        cpu = time.process_time()
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(str(profile))
        counts = {
            "cpu": cpu,
            "cpu_imports": started["cpu"],
            "cpu_running": cpu - started["cpu"],
            "modules_later": len(sys.modules) - started["modules"],
            "modules": sorted(sys.modules),
            "nodes": len(list(screen.walk_children(with_self=True))),
            "node_names": [
                f"{type(node).__name__}#{node.id}" if node.id else type(node).__name__
                for node in screen.walk_children(with_self=True)
            ],
            "registered": len(self._registry),
            "css_sources": len(self.stylesheet.source),
            "rule_sets": len(self.stylesheet.rules),
            "apply_calls": applied["calls"],
            "rules_matched": applied["rules"],
            **{f"cpu {name}": seconds for name, seconds in spent.items()},
        }
        out.write_text(json.dumps(counts))
        os._exit(0)

    Stylesheet.apply = apply  # type: ignore[method-assign]
    App._display = display  # type: ignore[method-assign]
    App.run = run  # type: ignore[method-assign]
    if program == "bare":
        sys.path.insert(0, str(REPO_ROOT / "bench"))
        from bare_app import BareApp  # type: ignore[import-not-found]

        BareApp().run()
    elif program == "floor":
        sys.path.insert(0, str(REPO_ROOT / "bench"))
        from floor_app import FloorApp  # type: ignore[import-not-found]

        FloorApp().run()
    else:
        from slc_tui.cli import main
        from slc_tui.store.paths import bundled_sample_dir

        main(["open", str(bundled_sample_dir()), "--student", SLC_STUDENT])


def start(
    program: str,
    scratch: Path,
    extra: list[str],
    python_flags: list[str],
    wrapper: list[str] | None = None,
) -> bytes:
    """Run one ``child`` (under ``wrapper``, if any) in a new 80×24 pseudo-terminal until it
    exits; return its output."""
    import fcntl
    import select
    import struct
    import subprocess
    import termios
    import time

    from bench.common import child_env

    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    command = [*(wrapper or []), sys.executable, *python_flags, "-m", "bench.startup_profile"]
    command += ["child", program]
    process = subprocess.Popen(
        [*command, *extra],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=child_env(scratch, f"profile-{program}"),
        cwd=REPO_ROOT,
        start_new_session=True,
        close_fds=True,
    )
    os.close(slave)
    seen = b""
    deadline = time.monotonic() + TIMEOUT
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(master, 1 << 16)
                except OSError:
                    chunk = b""
                if not chunk:
                    break
                seen += chunk
            elif process.poll() is not None:
                break
        else:
            raise TimeoutError(f"{program} did not paint in {TIMEOUT} s")
    finally:
        process.kill()
        process.wait()
        os.close(master)
    return seen


def counts(
    program: str,
    scratch: Path,
    profile: Path | None = None,
    timers: bool = False,
    from_run: bool = False,
) -> dict[str, Any]:
    """One start of ``program``: what :func:`run_child` wrote."""
    import json
    import tempfile

    out = Path(tempfile.mkstemp(dir=scratch, suffix=".json")[1])
    extra = [str(out)] + (["--profile", str(profile)] if profile else [])
    extra += ["--timers"] if timers else []
    extra += ["--profile-from-run"] if from_run else []
    output = start(program, scratch, extra, [])
    try:
        return dict(json.loads(out.read_text()))
    except ValueError:
        raise RuntimeError(f"{program} wrote nothing: {output[-2000:]!r}") from None


def instructions(program: str, scratch: Path) -> int:
    """Machine instructions ``program`` runs until its first paint, counted by valgrind's
    callgrind (slow - about 20 s - but the same from run to run, however loaded the machine)."""
    import re
    import tempfile

    out = Path(tempfile.mkstemp(dir=scratch, suffix=".json")[1])
    log = out.with_suffix(".valgrind")
    valgrind = [
        "valgrind",
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        f"--log-file={log}",
    ]
    start(program, scratch, [str(out)], [], wrapper=valgrind)
    found = re.findall(r"Collected : (\d+)", log.read_text())
    if not found:
        raise RuntimeError(f"valgrind counted nothing for {program}: see {log}")
    return int(found[-1])


def import_times(program: str, scratch: Path) -> dict[str, int]:
    """Microseconds each top-level module took to import (``-X importtime``, cumulative)."""
    import re
    import tempfile

    out = Path(tempfile.mkstemp(dir=scratch, suffix=".json")[1])
    output = start(program, scratch, [str(out)], ["-X", "importtime"])
    times: dict[str, int] = {}
    for _self, cumulative, indent, name in re.findall(_IMPORT_LINE, output):
        if not indent:
            times[name.decode()] = int(cumulative)
    return times


def report(
    runs: int, profile_lines: int, imports: bool, timers: bool, count_instructions: bool
) -> None:
    """Print the comparison (see the module docstring)."""
    import tempfile

    from bench.common import median

    with tempfile.TemporaryDirectory(prefix="slc-startup-") as folder:
        scratch = Path(folder)
        samples: dict[str, list[dict[str, Any]]] = {"slc": [], "bare": []}
        for run in range(runs + 1):
            for program in samples:
                result = counts(program, scratch, timers=timers)
                if run:  # run 0 fills the bytecode cache
                    samples[program].append(result)
        print(f"{runs} runs each; load average {os.getloadavg()[0]:.2f}")
        print(f"{'':34}{'slc':>9}{'bare':>9}")
        for key, value in samples["slc"][0].items():
            if not isinstance(value, (int, float)):
                continue
            row = [median([sample.get(key, 0) for sample in samples[p]]) for p in samples]
            if key.startswith("cpu"):
                print(f"{key + ' (ms)':34}{row[0] * 1000:>9.1f}{row[1] * 1000:>9.1f}")
            else:
                print(f"{key:34}{row[0]:>9.0f}{row[1]:>9.0f}")
        slc_modules = set(samples["slc"][0]["modules"])
        bare_modules = set(samples["bare"][0]["modules"])
        extra = sorted(slc_modules - bare_modules)
        ours = [name for name in extra if name.split(".")[0] == "slc_tui"]
        print(
            f"modules: slc {len(slc_modules)}, bare {len(bare_modules)}; "
            f"{len(extra)} more, {len(ours)} our own"
        )
        print("  ours:  ", " ".join(name.removeprefix("slc_tui.") for name in ours))
        print("  others:", " ".join(name for name in extra if name not in ours))
        if imports:
            slc_times, bare_times = import_times("slc", scratch), import_times("bare", scratch)
            print(
                f"-X importtime, top-level modules: slc {sum(slc_times.values()) / 1000:.1f} ms,"
                f" bare {sum(bare_times.values()) / 1000:.1f} ms"
            )
            only = sorted(
                ((us, name) for name, us in slc_times.items() if name not in bare_times),
                reverse=True,
            )
            for us, name in only[:25]:
                print(f"  {us / 1000:7.1f} ms  {name}")
        if count_instructions:
            counts("floor", scratch)  # (fills the bytecode cache)
            slc, bare = instructions("slc", scratch), instructions("bare", scratch)
            floor = instructions("floor", scratch)
            print(
                f"instructions (valgrind): slc {slc / 1e6:.1f} M, bare {bare / 1e6:.1f} M, "
                f"ratio {slc / bare:.3f}; the same screen in stock widgets (bench/floor_app.py)"
                f" {floor / 1e6:.1f} M, ratio {floor / bare:.3f}"
            )
        if profile_lines:
            import pstats

            stats_file = scratch / "slc.prof"
            counts("slc", scratch, stats_file)
            stats = pstats.Stats(str(stats_file))
            stats.sort_stats("cumulative").print_stats(profile_lines)


def main() -> None:
    """``child PROGRAM OUT [--profile FILE]`` (internal), or the report."""
    import argparse

    if len(sys.argv) > 1 and sys.argv[1] == "child":
        parser = argparse.ArgumentParser()
        parser.add_argument("mode")
        parser.add_argument("program", choices=sorted(FIRST_SCREEN))
        parser.add_argument("out", type=Path)
        parser.add_argument("--profile", type=Path)
        parser.add_argument("--timers", action="store_true")
        parser.add_argument("--profile-from-run", action="store_true")
        args = parser.parse_args()
        run_child(args.program, args.out, args.profile, args.timers, args.profile_from_run)
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--profile", type=int, default=0, metavar="N")
    parser.add_argument("--imports", action="store_true")
    parser.add_argument("--timers", action="store_true", help="CPU time of the functions in TIMED")
    parser.add_argument(
        "--instructions", action="store_true", help="count instructions with valgrind (slow)"
    )
    args = parser.parse_args()
    report(args.runs, args.profile, args.imports, args.timers, args.instructions)


if __name__ == "__main__":
    main()
