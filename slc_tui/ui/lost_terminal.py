"""Noticing that the terminal is gone when nothing says so.

Closing a terminal window hangs up its programs (SIGHUP, which ``ui/crash_safety.py``
handles). A terminal can also vanish without a signal: a pseudo-terminal whose other end is
closed by a program that never made it the app's controlling terminal (a test harness, some
remote shells). Textual 8.2.8 then never learns it: its input thread reads nothing, for ever,
as fast as it can; its output thread dies on the first write (EIO), and the next writes fill
its bounded queue and block the UI thread for good, so not even SIGTERM is heard.

:func:`hangup_safe` makes a Linux driver that (1) drops output once the terminal is gone
instead of dying, so the UI thread is never blocked, and (2) on Linux, watches the terminal
for a hang-up (``poll``) in a small thread (macOS's ``poll`` cannot watch a terminal: there
the first write after the terminal went notices it). Either way the app is told once, and
closes as it does on SIGHUP: the conference saved first.
"""

from __future__ import annotations

import asyncio
import contextlib
import select
import sys
import threading
from collections.abc import Callable
from typing import IO, Any

from textual.drivers.linux_driver import LinuxDriver

#: Seconds between looks at whether the terminal was hung up.
WATCH_SECONDS = 1.0

_GONE = select.POLLHUP | select.POLLERR | select.POLLNVAL


class _Output:
    """The driver's output file, writing until the terminal is gone and dropping after."""

    def __init__(self, file: IO[str], gone: Callable[[], None]) -> None:
        self._file = file
        self._gone = gone
        self.lost = False

    def write(self, text: str) -> int:
        if not self.lost:
            try:
                return self._file.write(text)
            except OSError:
                self._lose()
        return len(text)

    def flush(self) -> None:
        if not self.lost:
            try:
                self._file.flush()
            except OSError:
                self._lose()

    def _lose(self) -> None:
        self.lost = True
        self._gone()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._file, name)


def hangup_safe(driver: type[LinuxDriver], on_lost: Callable[[], None]) -> type[LinuxDriver]:
    """A subclass of ``driver`` that calls ``on_lost`` (once, on the app's event loop) when
    its terminal is gone without a signal."""

    class HangupSafeDriver(driver):  # type: ignore[misc, valid-type]
        def start_application_mode(self) -> None:
            loop = asyncio.get_running_loop()
            told = threading.Event()

            def gone() -> None:  # from either thread
                if not told.is_set():
                    told.set()
                    with contextlib.suppress(RuntimeError):  # the loop is closed: over anyway
                        loop.call_soon_threadsafe(on_lost)

            output: Any = _Output(vars(self)["_file"], gone)  # (set by LinuxDriver)
            self._file = output
            self._stop_watching = threading.Event()
            watcher = threading.Thread(
                target=_watch, args=(self.fileno, gone, self._stop_watching), daemon=True
            )
            super().start_application_mode()
            if sys.platform.startswith("linux"):  # (macOS's poll does not watch terminals)
                watcher.start()

        def stop_application_mode(self) -> None:
            stop = getattr(self, "_stop_watching", None)
            if stop is not None:
                stop.set()
            super().stop_application_mode()

    HangupSafeDriver.__name__ = HangupSafeDriver.__qualname__ = f"HangupSafe{driver.__name__}"
    return HangupSafeDriver


def _watch(fileno: int, gone: Callable[[], None], stop: threading.Event) -> None:
    """Until ``stop``: every :data:`WATCH_SECONDS`, is the terminal hung up?"""
    poller = select.poll()
    poller.register(fileno, 0)  # (hang-ups and errors are reported whatever is asked)
    while not stop.is_set():
        if any(events & _GONE for _, events in poller.poll(WATCH_SECONDS * 1000)):
            gone()
            return
