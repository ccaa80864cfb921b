"""Run ``slc`` in a real pseudo-terminal, as a family's laptop would (POSIX only)."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path


def _take_terminal() -> None:
    """In the child, after ``setsid``: make its stdin (the pty) the controlling terminal, so
    closing the terminal sends it SIGHUP as a real terminal window does."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Terminal:
    """``slc ARGS`` in a pty of ``columns`` x ``rows``; read its output, type, send signals."""

    def __init__(
        self,
        args: list[str],
        env: dict[str, str],
        columns: int = 80,
        rows: int = 24,
        controlling: bool = True,
    ) -> None:
        """``controlling``: the pty is the app's controlling terminal (closing it sends
        SIGHUP, as a terminal window's closing does); else the app only has it as stdio."""
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.master = master
        self.output = b""
        self.process = subprocess.Popen(
            [sys.executable, "-m", "slc_tui", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env={**os.environ, "TERM": "xterm-256color", **env},
            start_new_session=True,
            preexec_fn=_take_terminal if controlling else None,
            close_fds=True,
        )
        os.close(slave)

    def read_until(self, text: str, timeout: float = 20.0) -> bool:
        """Read output until ``text`` has appeared (True) or ``timeout`` passed (False)."""
        deadline = time.monotonic() + timeout
        needle = text.encode("utf-8")
        while needle not in self.output:
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            ready, _, _ = select.select([self.master], [], [], min(left, 0.1))
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:  # the app closed the terminal
                    return needle in self.output
                self.output += chunk
        return True

    def drain(self, seconds: float) -> None:
        """Keep reading output for ``seconds`` (so the app never blocks on a full pty)."""
        self.read_until("\0never\0", timeout=seconds)

    def type(self, text: str) -> None:
        """Type ``text`` as keystrokes."""
        os.write(self.master, text.encode("utf-8"))

    def wait(self, timeout: float = 20.0) -> int:
        """Wait for the app to exit (reading its output meanwhile); return its exit code."""
        deadline = time.monotonic() + timeout
        while self.process.poll() is None and time.monotonic() < deadline:
            self.drain(0.05)
        return self.process.wait(timeout=max(deadline - time.monotonic(), 0.1))

    def close(self) -> None:
        """Kill the app if it is still running and close the terminal."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        os.close(self.master)


def slc_in_terminal(class_dir: Path, results_dir: Path, student: str, data_dir: Path) -> Terminal:
    """Open ``student``'s conference in a real terminal at 80x24."""
    return Terminal(
        ["open", str(class_dir), "--student", student, "--results", str(results_dir)],
        {"SLC_DATA_DIR": str(data_dir)},
    )
