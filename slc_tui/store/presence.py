"""Who has a student's conference open: so a second screen says so instead of forking it.

While a conference is open, the app holds an operating-system lock on
``RESULTS/.open/<id>.lock`` (released by the OS even if the app is killed) and
keeps a small note ``RESULTS/.open/<id>.json`` saying which computer and process
has it and when it last checked in. Another instance on the same computer finds
the lock taken; one on another laptop sharing the folder (where locks may not
travel over the network) finds a fresh note from another computer.
"""

from __future__ import annotations

import contextlib
import json
import os
import platform
import threading
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from slc_tui.core.fields import is_valid_id
from slc_tui.store.claims import ClaimLost, OpenElsewhere
from slc_tui.store.fileops import write_bytes_atomically
from slc_tui.store.private_paths import PRIVATE_FILE_MODE, make_private_dir

__all__ = ["OPEN_DIR", "STALE_AFTER", "ClaimLost", "ConferenceClaim", "OpenElsewhere"]

OPEN_DIR = ".open"

#: A note from another computer older than this is from a screen that went away.
STALE_AFTER = timedelta(minutes=2)


def _this_host() -> str:
    return platform.node() or "this computer"


class ConferenceClaim:
    """This screen's hold on one student's conference (acquire, touch, release)."""

    def __init__(self, results_dir: Path, student_id: str, now: datetime | None = None) -> None:
        if not is_valid_id(student_id):
            raise ValueError(f"invalid student id: {student_id!r}")
        self.student_id = student_id
        self.folder = Path(results_dir) / OPEN_DIR
        self.note = self.folder / f"{student_id}.json"
        self._lock = FileLock(self.folder / f"{student_id}.lock", timeout=0, mode=PRIVATE_FILE_MODE)
        self._since = (now or datetime.now()).isoformat(timespec="seconds")
        #: Names this hold in the note: a note with another token means another screen
        #: took the conference over after this one.
        self.token = uuid.uuid4().hex
        self.held = False
        self._guard = threading.Lock()  # touch (a worker) never races release

    def acquire(self, force: bool = False, now: datetime | None = None) -> OpenElsewhere | None:
        """Take the conference for this screen; or say where it is open (and take nothing).

        With ``force`` (the family chose "open here anyway"), take it regardless.
        """
        now = now or datetime.now()
        make_private_dir(self.folder)
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            if not force:
                return self._other() or OpenElsewhere("", 0, "", same_computer=True)
        else:
            try:
                other = self._other(now)
            except BaseException:
                self._lock.release()
                raise
            if other is not None and not force:
                self._lock.release()
                return other
        with self._guard:
            self.held = True
            self._write_note(now)  # from now on the note names this screen
        return None

    def where_open(self, now: datetime | None = None) -> OpenElsewhere | None:
        """Where this conference is open now (None: nowhere), holding nothing: for a
        teacher about to change the child's portfolio."""
        if not self.folder.is_dir():
            return None
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            return self._other() or OpenElsewhere("", 0, "", same_computer=True)
        try:
            return self._other(now or datetime.now())
        finally:
            self._lock.release()

    def touch(self, now: datetime | None = None) -> None:
        """Say "still open here" (the app calls this every half minute).

        A screen that opened it anyway (without the lock) takes the lock as soon as the
        other screen lets go, so a third screen is told too.
        """
        with self._guard:
            if not self.held or self._taken_by() is not None:
                return  # (taken over: the other screen's note stays)
            if not self._lock.is_locked:
                with contextlib.suppress(Timeout, OSError):
                    self._lock.acquire(timeout=0)
            self._write_note(now)

    def taken_over(self) -> OpenElsewhere | None:
        """The screen that took this conference over since this one opened it, or None
        while it is still this screen's (also when the note is missing or unreadable: a
        lost hint must not stop saving). Once taken over, this screen lets go of the lock
        so the other one can hold it."""
        with self._guard:
            other = self._taken_by()
            if other is not None and self._lock.is_locked:
                with contextlib.suppress(OSError):
                    self._lock.release()
            return other

    def _taken_by(self) -> OpenElsewhere | None:
        note = self._read_note()
        token = note.get("token")
        if not self.held or not isinstance(token, str) or token == self.token:
            return None
        return self._describe(note)

    def _write_note(self, now: datetime | None) -> None:
        note = {
            "host": _this_host(),
            "pid": os.getpid(),
            "student_id": self.student_id,
            "since": self._since,
            "token": self.token,
            "seen": (now or datetime.now()).isoformat(timespec="seconds"),
        }
        with contextlib.suppress(OSError):
            # A hint for other screens, rewritten every half minute: no need to wait for
            # the disk (fsync) as results do.
            write_bytes_atomically(self.note, json.dumps(note).encode("utf-8"), durable=False)

    def release(self) -> None:
        """Let other screens open the conference (removes our note)."""
        with self._guard:
            if not self.held:
                return
            self.held = False
            note = self._read_note()
            ours = note.get("token", self.token) == self.token
            if ours and note.get("pid") == os.getpid() and note.get("host") == _this_host():
                with contextlib.suppress(OSError):
                    self.note.unlink()
            if self._lock.is_locked:
                with contextlib.suppress(OSError):
                    self._lock.release()

    @staticmethod
    def _describe(note: dict[str, Any]) -> OpenElsewhere | None:
        """The screen a note names (None for a note without a host and process)."""
        host, pid = str(note.get("host") or ""), note.get("pid")
        if not host or not isinstance(pid, int):
            return None
        same = host == _this_host()
        return OpenElsewhere(host, pid, str(note.get("since") or ""), same_computer=same)

    def _read_note(self) -> dict[str, Any]:
        try:
            note = json.loads(self.note.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return note if isinstance(note, dict) else {}

    def _other(self, now: datetime | None = None) -> OpenElsewhere | None:
        """The other screen named by the note, if the note is someone else's and still fresh.

        ``now`` None means the lock is known taken: any readable note describes the holder.
        """
        note = self._read_note()
        found = self._describe(note)
        if found is None or now is None:
            return found
        if found.same_computer:
            return None  # we hold the lock, so the process here that had it is gone
        try:
            seen = datetime.fromisoformat(str(note.get("seen")))
            fresh = now - seen.replace(tzinfo=None) < STALE_AFTER
        except (ValueError, TypeError, OverflowError):
            return None
        return found if fresh else None
