"""Saving the conference: soon after typing, at every step, and when the app closes.

Mixed into :class:`~slc_tui.ui.app.SlcApp`, which provides the conference, the session and
the clock, and shows a save that landed (:meth:`Saving._saved`). Records are snapshotted on
the UI thread and written in worker threads, numbered so an older write never replaces a
newer one.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from textual.timer import Timer

from slc_tui.store.tinydb_document import CorruptResultsFile
from slc_tui.ui.crash_safety import CrashSafety
from slc_tui.ui.screens.choice_dialog import ChoiceDialog

#: Seconds after the last keystroke before typed text is saved.
AUTOSAVE_DELAY = 1.0

#: While typing goes on without a pause, save at least this often (seconds).
AUTOSAVE_MAX_WAIT = 3.0


class Saving(CrashSafety):
    """Autosave, save now, save before quitting; and telling the family when a save fails."""

    clock: Callable[[], datetime]
    results_dir: Path

    def __init__(self) -> None:
        super().__init__()
        self._save_seq = 0
        self._autosave_timer: Timer | None = None
        self._unsaved_since: float | None = None
        #: A conference on screen not held for this window yet: nothing is saved until it is.
        self._claim_pending = False

    def autosave_soon(self) -> None:
        """Save about a second after typing stops, and at least every few seconds while a
        parent keeps typing (so a long sentence is never only on screen)."""
        now = time.monotonic()
        if self._unsaved_since is None:
            self._unsaved_since = now
        elif now - self._unsaved_since >= AUTOSAVE_MAX_WAIT:
            self.save_now()
            return
        if self._autosave_timer is not None:
            self._autosave_timer.stop()
        self._autosave_timer = self.set_timer(AUTOSAVE_DELAY, self.save_now)

    def save_now(self, release: bool = False) -> None:
        """Snapshot the conference on the UI thread and write it in a worker
        (``release``: then let other screens open it)."""
        if self._autosave_timer is not None:
            self._autosave_timer.stop()
            self._autosave_timer = None
        self._unsaved_since = None
        if self.conference is None or self.session is None or self._claim_pending:
            return
        self._save_seq += 1
        record = self.session.snapshot(self.conference)
        self.run_worker(
            partial(self._write, record, self._save_seq, release),
            thread=True,
            group="save",
            exit_on_error=False,
        )

    def _write(self, record: dict[str, Any], seq: int, release: bool = False) -> None:
        assert self.session is not None
        try:
            path = self.session.save(record, seq)
            if release:
                self.session.release_claim(str(record.get("student_id")))
            else:
                self.session.touch_claim()
        except (OSError, CorruptResultsFile) as error:
            self.call_from_thread(self._save_failed, error)
        except Exception as error:  # a bug: keep the conference going, log it for the teacher
            from slc_tui.crash_log import write_crash_log

            write_crash_log(self.results_dir, error, "saving a conference")
            self.call_from_thread(self._save_failed, error)
        else:
            self.call_from_thread(self._saved, str(path), str(record.get("id")))

    def _saved(self, path: str, record_id: str) -> None:
        """A save of conference ``record_id`` landed at ``path`` (the app shows it)."""

    def _save_failed(self, error: Exception) -> None:
        assert self.session is not None
        reason = error.reason if isinstance(error, CorruptResultsFile) else str(error)
        self.notify(
            f"Could not save to {self.session.results_dir}: {reason or error}. "
            "Please tell the teacher; keep this window open.",
            title="Not saved",
            severity="error",
            timeout=20,
        )

    def save_blocking(self) -> None:
        """Write the conference now, on this thread (used when quitting)."""
        if self.conference is not None and self.session is not None and not self._claim_pending:
            self._save_seq += 1
            self.session.save(self.session.snapshot(self.conference), self._save_seq)

    async def action_quit(self) -> None:
        """Let saves in flight land, save once more, then quit."""
        saving = [worker for worker in self.workers if worker.group == "save"]
        await self.workers.wait_for_complete(saving)
        try:
            self.save_blocking()
            if self.session is not None:
                self.session.release_claim()
        except (OSError, CorruptResultsFile) as error:
            self._save_failed(error)
            self.push_screen(
                ChoiceDialog(
                    "The last changes could not be saved.\n"
                    "Quit anyway, or stay and tell the teacher?",
                    [("stay", "Stay"), ("quit", "Quit anyway")],
                    cancel="stay",
                ),
                lambda answer: self.exit() if answer == "quit" else None,
            )
            return
        self.exit()
