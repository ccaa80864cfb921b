"""``serve_first_paint_s`` and ``serve_tab_rss_mib``, and what N tabs cost: ``slc serve`` on
a copy of the sample class as a real process, opened in Debian's headless Chromium.

The browser is driven with the tests' harness (``tests/browser``: selenium, and the page's
terminal read back with pyte), so it needs the test extras and ``/usr/bin/chromium``.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Any

from bench.common import child_env, status_kib

#: What the student list shows once painted.
PICKER_READY = "Who is leading their conference"


def unavailable() -> str | None:
    """Why the browser cannot be driven here (None when it can)."""
    try:
        from tests.browser.tab import chromium_missing
    except ImportError as missing:  # selenium or pyte: the test extras
        return f"{missing.name} is not installed (pip install -e '.[test]')"
    return chromium_missing()


def pss_kib(pid: int) -> int:
    """The process's proportional set size: its own pages, and its share of those it shares
    with the other tabs (Python, Textual's code): what adding it really costs."""
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1])
    raise KeyError("Pss")


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds the process has used."""
    import os

    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat[stat.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure_serve(scratch: Path, runs: int, tabs: int) -> dict[str, Any]:
    """Start ``slc serve`` on a class of ``tabs`` children (copies of the sample class's Maya:
    three chosen pieces with pictures); time ``runs`` first paints (after a warm-up); then
    open ``tabs`` tabs, each on the first piece step of its own child's conference, and read
    the first one's memory at rest, what they take together, and the CPU they use at rest
    over 10 seconds."""
    from tests.browser.served import Served
    from tests.browser.tab import Tab, start_browser

    room = _class_of(scratch / "serve" / "room 12", max(tabs, 1))
    served = Served(room, scratch / "serve" / "data", env=child_env(scratch, "serve"))
    driver = start_browser()
    found: dict[str, Any] = {"paint_s": []}
    try:
        for run in range(runs + 1):
            before = served.tab_processes()
            driver.switch_to.new_window("tab")
            started = time.perf_counter()
            tab = Tab.open(driver, served.address, new=False)
            tab.wait_for(PICKER_READY, timeout=30)
            if run:  # run 0 fills the disk and bytecode caches
                found["paint_s"].append(time.perf_counter() - started)
            pid = served.new_tab_process(before)
            tab.close()
            driver.switch_to.window(driver.window_handles[0])
            served.wait_ended(pid)
        pids = [_tab_on_a_piece(driver, served, index) for index in range(max(tabs, 1))]
        time.sleep(3.0)  # pictures drawn, saves written, collections done
        found["tab_rss_mib"] = status_kib(pids[0], "VmRSS") / 1024
        found["tab_peak_mib"] = status_kib(pids[0], "VmHWM") / 1024
        found["tabs"] = len(pids)
        found["tabs_rss_mib"] = sum(status_kib(pid, "VmRSS") for pid in pids) / 1024
        found["tabs_pss_mib"] = sum(pss_kib(pid) for pid in pids) / 1024
        found["server_rss_mib"] = status_kib(served.process.pid, "VmRSS") / 1024
        cpu_before = sum(cpu_seconds(pid) for pid in pids)
        time.sleep(10.0)
        found["idle_cpu_percent"] = (sum(cpu_seconds(pid) for pid in pids) - cpu_before) * 10
    finally:
        driver.quit()
        served.stop()
    return found


def _class_of(room: Path, children: int) -> Path:
    """A copy of the sample class whose students are ``children`` copies of Maya, named
    ``Child 01`` … so the student list shows them in that order."""
    import json

    from slc_tui.store.paths import bundled_sample_dir

    shutil.copytree(bundled_sample_dir(), room)
    shutil.rmtree(room / "results")
    maya = json.loads((room / "portfolios" / "maya.json").read_text(encoding="utf-8"))
    for path in (room / "portfolios").glob("*.json"):
        path.unlink()
    for number in range(1, children + 1):
        maya["student"].update(id=f"child-{number:02d}", name=f"Child {number:02d}")
        text = json.dumps(maya, ensure_ascii=False)
        (room / "portfolios" / f"child-{number:02d}.json").write_text(text, encoding="utf-8")
    return room


def _tab_on_a_piece(driver: Any, served: Any, index: int) -> int:
    """Open a tab, pick the ``index``-th child with the keyboard (the list scrolls) and go to
    the first piece step; returns the tab's app process."""
    from selenium.webdriver.common.keys import Keys

    from tests.browser.tab import Tab

    before = served.tab_processes()
    tab = Tab.open(driver, served.address)
    tab.wait_for(PICKER_READY, timeout=30)
    pid: int = served.new_tab_process(before)
    tab.type(Keys.DOWN * index + Keys.ENTER)
    tab.wait_for("Welcome to my conference", timeout=30)
    tab.click("Next ▶")
    tab.wait_for("My work 1 of", timeout=30)
    return pid
