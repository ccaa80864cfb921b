"""The teacher PIN of a class, checked the same way by the ``slc`` command and the app.

Wrong PINs count towards one wait shared by every process (see
:mod:`slc_tui.core.pin_backoff`); the PIN's hash and the count live in the results folder
(:mod:`slc_tui.store.teacher_access`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from slc_tui.core.i18n import _, fill
from slc_tui.core.pin_backoff import PinWaitDue, wait_message
from slc_tui.core.teacher_pin import PinRecordInvalid, new_pin_problem
from slc_tui.store.teacher_access import PinStore

if TYPE_CHECKING:
    from slc_tui.session import ClassSession

__all__ = ["NEW_PIN_RULE", "PinCheck", "PinOutcome", "TeacherAccess", "teacher_access"]

#: The rule for a new teacher PIN, in words (core.teacher_pin.new_pin_problem applies it).
NEW_PIN_RULE = "6 or more digits, or a passphrase of 10 or more characters"

PinOutcome = Literal["ok", "wrong", "wait", "damaged", "unavailable"]


@dataclass(frozen=True)
class PinCheck:
    """The answer to a teacher PIN: ``ok``; ``wrong``; ``wait`` (refused unchecked after too
    many wrong ones); ``damaged`` (the PIN file cannot be used: a new PIN must be set);
    ``unavailable`` (the check could not be counted, so it was not run).

    ``message`` says it in a sentence for the app; ``short`` in the command line's words
    (both empty for ``ok``).
    """

    outcome: PinOutcome
    message: str = ""
    short: str = ""


class TeacherAccess:
    """Is a teacher PIN set, is a wait due, is this the PIN; set a new one.

    ``clock`` gives wall-clock seconds (``time.time``: local time repeats an hour when
    summer time ends); tests pass their own.
    """

    def __init__(self, results_dir: Path, clock: Callable[[], float] = time.time) -> None:
        self.store = PinStore(results_dir, clock=clock)

    @classmethod
    def following(cls, results_dir: Path, clock: Callable[[], datetime]) -> TeacherAccess:
        """The PIN of ``results_dir``, its waits on ``clock`` (a session's clock: the real
        one means ``time.time``)."""
        if clock == datetime.now:
            return cls(results_dir)
        return cls(results_dir, clock=lambda: clock().timestamp())

    def is_set(self) -> bool:
        """True if teacher-only things need the PIN (a damaged PIN file counts as set)."""
        return self.store.is_set()

    def wait(self) -> str:
        """Why the PIN cannot be checked yet (a wait after wrong ones), or ""."""
        left = self.store.wait_left()
        return wait_message(left) if left > 0 else ""

    def check(self, pin: str) -> PinCheck:
        """Is ``pin`` the teacher PIN? A wrong one counts towards the shared wait."""
        store = self.store
        try:
            if store.check(pin):
                return PinCheck("ok")
        except PinWaitDue as due:
            return PinCheck("wait", str(due), str(due))
        except PinRecordInvalid as damaged:
            return PinCheck(
                "damaged",
                fill("The teacher PIN file cannot be used: {problem}.", problem=damaged),
                fill("{problem}; set a new PIN with: slc set-pin", problem=damaged),
            )
        except OSError as error:
            where = error.filename or store.guesses_path
            reason = error.strerror or str(error)
            return PinCheck(
                "unavailable",
                fill(
                    "The teacher PIN cannot be checked: {reason} ({file}).",
                    reason=reason,
                    file=where,
                ),
                fill("cannot check the teacher PIN: {file}: {reason}", file=where, reason=reason),
            )
        left = store.wait_left()  # this wrong PIN may have started a wait: say so now
        if left > 0:
            wait = wait_message(left)
            return PinCheck(
                "wrong",
                fill("That PIN is not right. {wait}", wait=wait),
                fill("wrong teacher PIN. {wait}", wait=wait),
            )
        return PinCheck("wrong", _("That PIN is not right. Try again."), _("wrong teacher PIN"))

    def set_pin(self, pin: str) -> Path:
        """Store a new PIN (ValueError naming the rule when it is too weak); returns the file.
        OSError when it cannot be written."""
        problem = new_pin_problem(pin)
        if problem:
            raise ValueError(problem)
        return self.store.set(pin)

    @property
    def path(self) -> Path:
        """The PIN file."""
        return self.store.path


def teacher_access(session: ClassSession) -> TeacherAccess:
    """The teacher PIN of the class ``session`` saves for (its waits on the session's clock)."""
    return TeacherAccess.following(session.results_dir, session.clock)
