"""``slc serve`` started for a test: a real process on a free port, its printed address."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

ADDRESS = re.compile(r"http://\S+/\?token=\S+")


class Served:
    """``python -m slc_tui serve CLASS --port 0 [ARGS]``, until :meth:`stop`."""

    def __init__(
        self,
        class_dir: Path,
        data_dir: Path,
        *args: str,
        timeout: float = 20,
        env: dict[str, str] | None = None,
    ) -> None:
        """``env``: the environment (default: this process's), with ``SLC_DATA_DIR`` set."""
        self.class_dir = class_dir
        self.process = subprocess.Popen(
            [sys.executable, "-m", "slc_tui", "serve", str(class_dir), "--port", "0", *args],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**(os.environ if env is None else env), "SLC_DATA_DIR": str(data_dir)},
        )
        self.printed: list[str] = []
        deadline = time.monotonic() + timeout
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.printed.append(line)
            found = ADDRESS.search(line)
            if found:
                self.address = found.group(0)
                break
            if time.monotonic() > deadline:
                break
        else:
            raise AssertionError("slc serve printed no address:\n" + "".join(self.printed))
        self.base = self.address.split("/?")[0]
        self.token = self.address.split("token=")[1]

    def tab_processes(self) -> list[int]:
        """The app processes of the tabs open now (the server's children)."""
        return children(self.process.pid)

    def new_tab_process(self, before: list[int], timeout: float = 15.0) -> int:
        """The app process started since ``before`` (a list of :meth:`tab_processes`)."""
        deadline = time.monotonic() + timeout
        while not (new := set(self.tab_processes()) - set(before)):
            if time.monotonic() > deadline:
                raise AssertionError("no tab process started")
            time.sleep(0.05)
        return new.pop()

    def wait_ended(self, pid: int, timeout: float = 15.0) -> None:
        """Wait until the tab process ``pid`` has ended."""
        deadline = time.monotonic() + timeout
        while pid in self.tab_processes():
            if time.monotonic() > deadline:
                raise AssertionError(f"tab process {pid} still running")
            time.sleep(0.05)

    def stop(self) -> str:
        """Stop it as Ctrl+C does; returns everything it printed."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        assert self.process.stdout is not None
        return "".join(self.printed) + self.process.stdout.read()


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (Linux's /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(entry.name))
    return found
