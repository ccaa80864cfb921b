"""Saving the conference: soon after typing, at every step, and when the app closes.

Mixed into :class:`~slc_tui.ui.app.SlcApp`, which provides the conference, the session and
the clock, and shows a save that landed (:meth:`Saving._saved`). Records are snapshotted on
the UI thread and written in worker threads, numbered so an older write never replaces a
newer one.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from textual.timer import Timer

from slc_tui.core.i18n import _, fill
from slc_tui.session import ClaimLost, CorruptResultsFile
from slc_tui.ui.crash_safety import CrashSafety

#: Seconds after the last keystroke before typed text is saved.
AUTOSAVE_DELAY = 1.0

#: While typing goes on without a pause, save at least this often (seconds).
AUTOSAVE_MAX_WAIT = 3.0

#: Seconds between tries to write a conference whose save failed.
RETRY_SECONDS = 10.0


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
        #: Conferences whose newest save failed, by record id: ``(seq, record)``, kept in
        #: memory and tried again (also once the family has finished and left) until one
        #: lands, or they are written to a rescue file on quitting.
        self._unsaved: dict[str, tuple[int, dict[str, Any]]] = {}
        #: Conferences another screen took over: never saved from here again.
        self._given_up: set[str] = set()
        #: The conference on screen is a rehearsal: nothing of it is ever written.
        self.practising = False
        self._retry_timer: Timer | None = None

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
        if self.practising:
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
        except ClaimLost as lost:
            self.call_from_thread(self._claim_lost, record, lost)
        except (OSError, CorruptResultsFile) as error:
            self.call_from_thread(self._keep_unsaved, record, seq, error)
        except Exception as error:  # a bug: keep the conference going, log it for the teacher
            from slc_tui.session import write_crash_log

            write_crash_log(self.results_dir, error, "saving a conference")
            self.call_from_thread(self._keep_unsaved, record, seq, error)
        else:
            self.call_from_thread(self._landed, str(path), record, seq)

    def _claim_lost(self, record: dict[str, Any], lost: ClaimLost) -> None:
        """Another screen took this conference over: nothing more is saved from here; what
        was typed here goes to a rescue file the teacher is told about (the app then
        leaves the conference)."""
        from slc_tui.session import write_rescue_file

        record_id = str(record.get("id"))
        if record_id in self._given_up:
            return  # a second save in flight: already told
        self._given_up.add(record_id)
        self._unsaved.pop(record_id, None)
        rescued = write_rescue_file([record])
        kept = (
            fill("What was typed here is kept for the teacher in\n{file}", file=rescued)
            if rescued is not None
            else _("What was typed here could not be kept: please tell the teacher now.")
        )
        opened = lost.other.sentence(str(record.get("student_name", "")), opened=True)
        stopped = _(
            "To keep the two screens from writing over each other, nothing more is saved "
            "from this one."
        )
        self.conference_taken_over(record_id, f"{opened}\n{stopped}\n{kept}")

    def conference_taken_over(self, record_id: str, message: str) -> None:
        """Leave conference ``record_id`` (if on screen) without saving and tell the family
        why (the app does)."""
        raise NotImplementedError

    def _landed(self, path: str, record: dict[str, Any], seq: int) -> None:
        """A save landed: it is no longer owed (unless a newer snapshot failed since)."""
        record_id = str(record.get("id"))
        owed = self._unsaved.get(record_id)
        if owed is not None and owed[0] <= seq:
            del self._unsaved[record_id]
            self.notify(
                fill(
                    "{name}: saved now ✔ (an earlier save had failed)",
                    name=record.get("student_name", ""),
                ),
                title=_("Saved"),
                timeout=8,
            )
        self._saved(path, record_id)

    def _keep_unsaved(self, record: dict[str, Any], seq: int, error: Exception) -> None:
        """A save failed: keep the snapshot, tell the family, and try again shortly."""
        record_id = str(record.get("id"))
        if seq >= self._unsaved.get(record_id, (0, {}))[0]:
            self._unsaved[record_id] = (seq, record)
        self._save_failed(error)
        if self._retry_timer is None:
            self._retry_timer = self.set_interval(RETRY_SECONDS, self._retry_unsaved)

    def _retry_unsaved(self) -> None:
        """Write the conferences still owed (in workers, as any save)."""
        if not self._unsaved:
            if self._retry_timer is not None:
                self._retry_timer.stop()
                self._retry_timer = None
            return
        for seq, record in list(self._unsaved.values()):
            self.run_worker(
                partial(self._write, record, seq), thread=True, group="save", exit_on_error=False
            )

    def write_owed_blocking(self) -> Path | None:
        """On quitting: try the owed conferences once more; those that still fail go to a
        rescue file in the user's own folder. Returns the rescue file (None: nothing owed,
        or it could not be written either — :attr:`owed` then still holds them)."""
        from slc_tui.session import write_rescue_file

        assert self.session is not None or not self._unsaved
        for record_id, (seq, record) in list(self._unsaved.items()):
            try:
                assert self.session is not None
                self.session.save(record, seq)
            except (OSError, CorruptResultsFile):
                continue
            del self._unsaved[record_id]
        if not self._unsaved:
            return None
        rescued = write_rescue_file([record for _, record in self._unsaved.values()])
        if rescued is not None:
            self._unsaved.clear()
        return rescued

    @property
    def owed(self) -> int:
        """How many conferences have changes that are not saved anywhere yet."""
        return len(self._unsaved)

    def _saved(self, path: str, record_id: str) -> None:
        """A save of conference ``record_id`` landed at ``path`` (the app shows it)."""

    def _save_failed(self, error: Exception) -> None:
        assert self.session is not None
        reason = error.reason if isinstance(error, CorruptResultsFile) else str(error)
        self.notify(
            fill(
                "Could not save to {folder}: {reason}. "
                "Please tell the teacher; keep this window open.",
                folder=self.session.results_dir,
                reason=reason or error,
            ),
            title=_("Not saved"),
            severity="error",
            timeout=20,
        )

    def save_blocking(self) -> None:
        """Write the conference now, on this thread (used when quitting). A conference
        another screen took over goes to a rescue file instead."""
        if self.practising:
            return
        if self.conference is not None and self.session is not None and not self._claim_pending:
            self._save_seq += 1
            record = self.session.snapshot(self.conference)
            if str(record.get("id")) in self._given_up:
                return
            try:
                self.session.save(record, self._save_seq)
            except ClaimLost:
                from slc_tui.session import write_rescue_file

                self._given_up.add(str(record.get("id")))
                write_rescue_file([record])

    async def action_quit(self) -> None:
        """Let saves in flight land, save once more, then quit. Changes that cannot be saved
        go to a rescue file the family is told about; if even that fails, every quit asks
        first."""
        saving = [worker for worker in self.workers if worker.group == "save"]
        await self.workers.wait_for_complete(saving)
        try:
            self.save_blocking()
        except (OSError, CorruptResultsFile) as error:
            assert self.conference is not None and self.session is not None
            self._save_seq += 1
            self._keep_unsaved(self.session.snapshot(self.conference), self._save_seq, error)
        rescued = self.write_owed_blocking()
        if not self.owed and self.session is not None:
            with contextlib.suppress(OSError):
                self.session.release_claim()
        if rescued is not None:
            question = fill(
                "These changes could not be saved in {folder},\n"
                "so a copy was written to\n{file}\nPlease tell the teacher.",
                folder=self.results_dir,
                file=rescued,
            )
            choices = [("quit", _("OK, quit")), ("stay", _("Stay"))]
        elif self.owed:
            question = _(
                "The last changes could not be saved anywhere on this computer.\n"
                "Quitting now loses them: stay and tell the teacher?"
            )
            choices = [("stay", _("Stay")), ("quit", _("Quit anyway"))]
        else:
            self.exit()
            return
        from slc_tui.ui.screens.choice_dialog import ChoiceDialog  # (not needed to start)

        self.push_screen(
            ChoiceDialog(question, choices, cancel="stay"),
            lambda answer: self.exit() if answer == "quit" else None,
        )
