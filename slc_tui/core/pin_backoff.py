"""The wait after wrong teacher PINs: a few free tries, then a wait that doubles.

After :data:`FREE_TRIES` wrong PINs in a row, each further wrong one makes the next
check wait :data:`FIRST_WAIT` seconds, then twice that, and so on up to
:data:`LONGEST_WAIT`; the right PIN starts the count again. Times are wall-clock
seconds (``time.time()``) so the count means the same to every process. A clock set
back before the last wrong PIN does not end a wait: the wait counts again from then.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any

from slc_tui.core.i18n import fill, nfill

GUESSES_FORMAT = "slc-pin-guesses/1"

#: Wrong PINs in a row that cost no wait.
FREE_TRIES = 3
#: The wait after the first wrong PIN beyond the free ones, and the longest wait (seconds).
FIRST_WAIT = 1.0
LONGEST_WAIT = 15 * 60.0
#: Counts beyond this are kept as this (the wait is long since capped).
COUNT_CAP = 1_000_000


def wait_after(wrong: int) -> float:
    """Seconds to wait before the next check after ``wrong`` wrong PINs in a row."""
    if wrong <= FREE_TRIES:
        return 0.0
    doublings = min(wrong - FREE_TRIES - 1, 64)
    return min(FIRST_WAIT * 2.0**doublings, LONGEST_WAIT)


def _fewest_wrong_for_longest_wait() -> int:
    wrong = FREE_TRIES + 1
    while wait_after(wrong) < LONGEST_WAIT:
        wrong += 1
    return wrong


#: The count a damaged record is taken to hold: the longest wait.
WORST_COUNT = _fewest_wrong_for_longest_wait()


@dataclass(frozen=True)
class WrongGuesses:
    """``wrong`` wrong PINs in a row, the latest checked at wall-clock time ``last``."""

    wrong: int = 0
    last: float = 0.0

    def wait_left(self, now: float) -> float:
        """Seconds until the next check may run (0: now). A clock behind ``last``
        waits the whole wait."""
        wait = wait_after(self.wrong)
        if now < self.last:
            return wait
        return max(0.0, self.last + wait - now)

    def rebased(self, now: float) -> WrongGuesses:
        """This count, its wait counted from ``now`` if the clock went back before ``last``."""
        return replace(self, last=now) if now < self.last else self

    def counted(self, now: float) -> WrongGuesses:
        """One more guess, checked at ``now`` (counted before it is checked)."""
        return WrongGuesses(min(self.wrong + 1, COUNT_CAP), now)

    def to_json(self) -> dict[str, Any]:
        """The record kept in the guesses file."""
        return {"format": GUESSES_FORMAT, "wrong": self.wrong, "last": self.last}

    @classmethod
    def from_json(cls, data: Any) -> WrongGuesses:
        """Read a guesses record (ValueError, saying why, if it is damaged)."""
        if not isinstance(data, dict) or data.get("format") != GUESSES_FORMAT:
            raise ValueError(f"not a {GUESSES_FORMAT} record")
        wrong, last = data.get("wrong"), data.get("last")
        if isinstance(wrong, bool) or not isinstance(wrong, int) or not 0 <= wrong <= COUNT_CAP:
            raise ValueError(f"wrong: {wrong!r} is not a count")
        if isinstance(last, bool) or not isinstance(last, int | float) or not math.isfinite(last):
            raise ValueError(f"last: {last!r} is not a time")
        return cls(wrong, float(last))

    @classmethod
    def worst(cls, now: float) -> WrongGuesses:
        """What a damaged record counts as: the longest wait, from ``now``."""
        return cls(WORST_COUNT, now)


def try_again_in(seconds: float) -> str:
    """``Try again in 2 minutes.`` (rounded up: never sooner than it is)."""
    if seconds < 60:
        whole = max(1, math.ceil(seconds))
        return nfill("Try again in {n} second.", "Try again in {n} seconds.", whole)
    minutes = math.ceil(seconds / 60)
    return nfill("Try again in {n} minute.", "Try again in {n} minutes.", minutes)


def wait_message(seconds: float) -> str:
    """``Too many wrong PINs. Try again in 2 minutes.``"""
    return fill("Too many wrong PINs. {try_again}", try_again=try_again_in(seconds))


class PinWaitDue(Exception):
    """A PIN check refused, unrun, because wrong PINs before it mean a wait is due.

    ``seconds`` is the wait left; ``damaged`` names a guesses file that could not be
    read (it counts as the longest wait). ``str()`` is the message for the teacher.
    """

    def __init__(self, seconds: float, damaged: str = "") -> None:
        self.seconds = seconds
        self.damaged = damaged
        if damaged:
            message = fill(
                "{file} could not be read, so slc waits as after many wrong PINs. {try_again}",
                file=damaged,
                try_again=try_again_in(seconds),
            )
        else:
            message = wait_message(seconds)
        super().__init__(message)
