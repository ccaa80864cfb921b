"""The gentle conference clock: time used against the class's conference length."""

from __future__ import annotations

from datetime import timedelta
from typing import Literal

from slc_tui.core.fast_dataclass import fast_dataclass

ClockMood = Literal["calm", "nearly", "over"]


@fast_dataclass
class ClockReading:
    """What the clock shows: minutes used, the length, and a mood for its colour."""

    used_minutes: int
    total_minutes: int
    mood: ClockMood

    @property
    def text(self) -> str:
        """``7/20 min`` — never a countdown to zero, never red alarms."""
        return f"{self.used_minutes}/{self.total_minutes} min"

    @property
    def fraction(self) -> float:
        """Share of the time used, capped at 1."""
        return min(1.0, self.used_minutes / self.total_minutes) if self.total_minutes else 1.0


def read_clock(elapsed: timedelta, total_minutes: int) -> ClockReading:
    """The clock for ``elapsed`` time: calm, nearly (last 20 %), over."""
    used = max(0, int(elapsed.total_seconds() // 60))
    if used >= total_minutes:
        mood: ClockMood = "over"
    elif used >= total_minutes * 0.8:
        mood = "nearly"
    else:
        mood = "calm"
    return ClockReading(used, total_minutes, mood)
