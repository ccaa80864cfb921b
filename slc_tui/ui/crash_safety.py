"""What the app does when things go wrong around it: a hang-up, a kill, a bug.

Mixed into :class:`~slc_tui.ui.app.SlcApp`, which provides the conference, the session,
the results folder and :meth:`save_blocking`.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import App

if TYPE_CHECKING:
    from textual.driver import Driver

    from slc_tui.core.conference import Conference
    from slc_tui.session import ClassSession


#: Seconds a closing app (after a hang-up or kill signal, its words saved) may take to stop
#: before the process ends without waiting further.
EXIT_GRACE_SECONDS = 3.0


def _exit_later(seconds: float) -> None:
    """End the process in ``seconds`` unless it has ended by then.

    Works around a Textual 8.2.8 bug: its output thread (``WriterThread.run``) has no error
    handling, so when the terminal is closed its ``write`` raises ``OSError`` (EIO) and the
    thread ends; the writes of the app's shutdown (``disable_input``, ``close``) then fill
    its bounded queue and block for ever in ``Queue.put``. The conference is saved before
    this matters; what is skipped is restoring a terminal that no longer exists.
    """
    timer = threading.Timer(seconds, os._exit, args=(1,))
    timer.daemon = True
    timer.start()


class CrashSafety(App[None]):
    """Save first, then stop: on SIGHUP/SIGTERM/SIGINT and on any unexpected exception."""

    conference: Conference | None
    session: ClassSession | None
    results_dir: Path
    crash_log: Path | None
    #: A bug was met and the app is closing with the calm message.
    _crashed = False

    def save_blocking(self) -> None:
        """Write the conference now, on this thread (the app provides it)."""
        raise NotImplementedError

    def write_owed_blocking(self) -> Path | None:
        """Write conferences whose saves failed, here or to a rescue file (the app
        provides it)."""
        raise NotImplementedError

    def _catch_signals(self) -> None:
        """Closing the terminal (SIGHUP), ``kill`` (SIGTERM) or SIGINT: save, then exit."""
        loop = asyncio.get_running_loop()
        for name in ("SIGHUP", "SIGTERM", "SIGINT"):
            number = getattr(signal, name, None)
            if number is not None:
                with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                    loop.add_signal_handler(number, self._stop_on_signal)

    def _stop_on_signal(self) -> None:
        """Save what is on screen right now, then close (the terminal may be gone).

        If closing has not ended the process :data:`EXIT_GRACE_SECONDS` after the words are
        written, it ends anyway (see :func:`_exit_later`).
        """
        with contextlib.suppress(Exception):
            self.save_blocking()
            if self.session is not None:
                self.session.release_claim()
        with contextlib.suppress(Exception):
            self.write_owed_blocking()  # what could not be saved: to a rescue file
        _exit_later(EXIT_GRACE_SECONDS)  # (only once everything is written)
        self.exit(return_code=1)

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver for this terminal; on Linux and macOS one that also notices a
        terminal gone without a hang-up signal, and then closes as on SIGHUP (see
        ``ui/lost_terminal.py``)."""
        driver = super().get_driver_class()
        if sys.platform == "win32":  # (the Linux driver's module needs termios)
            return driver
        from textual.drivers.linux_driver import LinuxDriver  # (Textual imports it anyway)

        if not issubclass(driver, LinuxDriver):
            return driver
        from slc_tui.ui.lost_terminal import hangup_safe

        return hangup_safe(driver, self._stop_on_signal)

    def _handle_exception(self, error: Exception) -> None:
        """A bug: save the conference, log it for the teacher, close with calm words.

        Replaces Textual's traceback on screen (the traceback goes to the crash log).
        """
        from textual.worker import WorkerFailed

        from slc_tui.session import crash_message, write_crash_log

        # A worker's bug arrives wrapped, and the wrapper was never raised: log the bug
        # itself, with the traceback of where it happened.
        while isinstance(error, WorkerFailed) and isinstance(error.error, Exception):
            error = error.error
        self._return_code = 1
        if self._exception is None:  # Pilot re-raises it for the tests
            self._exception = error
            self._exception_event.set()
        if self._crashed:
            # Already closing after a bug: log this one too, but the family reads one calm
            # message (a second panic would add Textual's "1 of 2 errors shown" note).
            write_crash_log(self.results_dir, error, "while closing after an earlier error")
            return
        self._crashed = True
        saved: bool | None = None
        if self.conference is not None:
            try:
                self.save_blocking()
                saved = True
            except Exception:
                saved = False
        try:
            where = self._where()
        except Exception:
            where = "unknown"
        log = write_crash_log(self.results_dir, error, where)
        self.crash_log = log
        self.panic(Text(crash_message(saved, log)))

    def _where(self) -> str:
        """Which student and step were on screen (for the crash log; no typed words)."""
        conference = self.conference
        if conference is None:
            return f"screen {type(self.screen).__name__}"
        return f"student {conference.portfolio.student.id}, step {conference.step.key}"
