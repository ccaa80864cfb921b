"""The stored teacher PIN of a class, its count of wrong guesses, and forgetting a student
(teacher-only actions).

The PIN's salted hash lives in ``RESULTS/teacher.pin`` (JSON, owner-only). Wrong guesses
are counted in ``RESULTS/teacher.pin.guesses`` (JSON, owner-only, written atomically), which
the app and the ``slc`` command share, so a restart does not end a wait (see
:mod:`slc_tui.core.pin_backoff`). Neither name can be mistaken for a student's results file.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable
from pathlib import Path

from slc_tui.core.fields import is_valid_id
from slc_tui.core.pin_backoff import PinWaitDue, WrongGuesses
from slc_tui.core.take_home import TAKE_HOME_DIR, is_take_home_of
from slc_tui.core.teacher_pin import (
    PinHash,
    PinRecordInvalid,
    could_be_pin,
    hash_pin,
    parse_pin_record,
    pin_matches,
)
from slc_tui.store.fileops import write_bytes_atomically
from slc_tui.store.locking import named_file_lock
from slc_tui.store.private_paths import make_private_dir

__all__ = ["GUESSES_FILE", "PIN_FILE", "PinStore", "PinWaitDue", "forget_student"]

PIN_FILE = "teacher.pin"
GUESSES_FILE = "teacher.pin.guesses"

#: Seconds to wait for another PIN check (a few scrypt runs) before giving up.
CHECK_LOCK_TIMEOUT = 30.0


class PinStore:
    """Reads, checks and sets the teacher PIN kept in one results folder.

    ``clock`` gives wall-clock seconds (``time.time``); tests pass their own.
    """

    def __init__(self, results_dir: Path, clock: Callable[[], float] = time.time) -> None:
        self.path = Path(results_dir) / PIN_FILE
        self.guesses_path = Path(results_dir) / GUESSES_FILE
        self.clock = clock

    def is_set(self) -> bool:
        """True if a PIN file exists (even a damaged one: then nothing is unlocked)."""
        return self.path.exists()

    def check(self, pin: str) -> bool:
        """True if ``pin`` is the teacher PIN.

        Raises :class:`PinWaitDue` (without checking) while wrong PINs before it mean a
        wait is due, :class:`PinRecordInvalid` if the PIN file is damaged or too weak, and
        ``OSError`` if the guess cannot be counted (then it is not checked either). Each
        check is counted before it runs and the count is cleared by the right PIN; checks
        from every process take turns (a lock), so guessing in parallel gains nothing.
        """
        if not self.is_set():
            return False
        with named_file_lock(self.path.parent, PIN_FILE, CHECK_LOCK_TIMEOUT):
            now = self.clock()
            guesses = self._guesses_for_check(now)
            wait = guesses.wait_left(now)
            if wait > 0:
                raise PinWaitDue(wait)
            stored = self._stored_hash()
            if stored is None or not could_be_pin(pin):
                return False
            self._write_guesses(guesses.counted(now))
            if not pin_matches(pin, stored):
                return False
            self._clear_guesses()
            return True

    def wait_left(self) -> float:
        """Seconds until a PIN can be checked (0: now), without changing anything."""
        now = self.clock()
        guesses, _ = self._read_guesses(now)
        return guesses.wait_left(now)

    def set(self, pin: str) -> Path:
        """Store the hash of a new PIN (ValueError if it breaks the rule for new PINs);
        the count of wrong guesses starts again."""
        record = hash_pin(pin)
        make_private_dir(self.path.parent)
        write_bytes_atomically(self.path, (json.dumps(record, indent=2) + "\n").encode())
        self._clear_guesses()
        return self.path

    def _stored_hash(self) -> PinHash | None:
        try:
            record = json.loads(self.path.read_bytes())
        except FileNotFoundError:
            return None
        except (OSError, ValueError, RecursionError) as error:
            raise PinRecordInvalid(f"{self.path} cannot be read ({error})") from None
        try:
            return parse_pin_record(record)
        except PinRecordInvalid as error:
            raise PinRecordInvalid(f"{self.path}: {error}") from None

    def _read_guesses(self, now: float) -> tuple[WrongGuesses, str]:
        """The count of wrong guesses and, if the file is damaged, why (then it counts as
        the longest wait from ``now``)."""
        try:
            return WrongGuesses.from_json(json.loads(self.guesses_path.read_bytes())), ""
        except FileNotFoundError:
            return WrongGuesses(), ""
        except (OSError, ValueError, RecursionError) as error:
            return WrongGuesses.worst(now), str(error) or type(error).__name__

    def _guesses_for_check(self, now: float) -> WrongGuesses:
        """The count to check against (under the lock): a damaged file is rewritten as the
        longest wait from now, and a clock set back makes the wait count from now."""
        guesses, damaged = self._read_guesses(now)
        if damaged:
            self._write_guesses(guesses)
            raise PinWaitDue(guesses.wait_left(now), damaged=self.guesses_path.name)
        rebased = guesses.rebased(now)
        if rebased != guesses:
            self._write_guesses(rebased)
        return rebased

    def _write_guesses(self, guesses: WrongGuesses) -> None:
        data = json.dumps(guesses.to_json()) + "\n"
        write_bytes_atomically(self.guesses_path, data.encode())

    def _clear_guesses(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.guesses_path.unlink()


def _student_files(results_dir: Path, student_id: str) -> list[Path]:
    """Every file the app keeps about ``student_id`` under ``results_dir``."""
    found: list[Path] = []
    # Ids cannot contain ".", so "<id>.*" is this student's files only (results, backups,
    # damaged copies). Lock files hold nothing about the student.
    # The teacher's own files are never a student's, whatever the student is called.
    teacher_files = {PIN_FILE, GUESSES_FILE}
    found.extend(
        p
        for p in results_dir.glob(f"{student_id}.*")
        if p.is_file() and p.name not in teacher_files
    )
    folder = results_dir / TAKE_HOME_DIR
    if folder.is_dir():
        found.extend(
            p for p in folder.iterdir() if is_take_home_of(p.name, student_id) and p.is_file()
        )
    return sorted(found)


def student_files(results_dir: Path, student_id: str) -> list[Path]:
    """Every file the app keeps about ``student_id`` (what :func:`forget_student` deletes,
    but the follow-up mark); ValueError for an unsafe id."""
    if not is_valid_id(student_id):
        raise ValueError(f"invalid student id: {student_id!r}")
    return _student_files(Path(results_dir), student_id)


def forget_student(results_dir: Path, student_id: str) -> list[Path]:
    """Delete every record, backup, damaged copy and take-home copy of ``student_id``, and
    take their follow-up mark out of ``teacher/follow-ups.json``.

    Returns the files deleted. ValueError for an unsafe id; a damaged marks file raises
    :class:`~slc_tui.store.follow_ups.FollowUpsUnreadable` once the files are deleted.
    """
    from slc_tui.store.follow_ups import FollowUpMarks

    if not is_valid_id(student_id):
        raise ValueError(f"invalid student id: {student_id!r}")
    deleted = []
    for path in _student_files(Path(results_dir), student_id):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            deleted.append(path)
    marks = FollowUpMarks(Path(results_dir))
    if student_id in marks.read():
        marks.clear(student_id)
    return deleted
