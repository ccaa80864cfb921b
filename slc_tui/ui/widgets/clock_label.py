"""The gentle clock: minutes used of the class's conference length."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from rich.text import Text
from textual.widgets import Static

from slc_tui.core.clock import read_clock
from slc_tui.core.i18n import fill


class ClockLabel(Static):
    """Shows ``🕒 7/20 min`` (in the active language); turns softly amber near the end,
    never flashes."""

    DEFAULT_CSS = """
    ClockLabel { width: auto; height: 1; padding: 0 1; }
    ClockLabel.-nearly { color: $warning; }
    ClockLabel.-over { color: $warning; text-style: bold; }
    """

    def __init__(
        self,
        started: datetime,
        minutes: int,
        clock: Callable[[], datetime],
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.started = started
        self.minutes = minutes
        self.clock = clock

    def on_mount(self) -> None:
        """Refresh twice a minute (cheap)."""
        self.set_interval(30, self.refresh)

    def render(self) -> Text:
        """The reading for now, in the language spoken now."""
        reading = read_clock(self.clock() - self.started, self.minutes)
        self.set_class(reading.mood == "nearly", "-nearly")
        self.set_class(reading.mood == "over", "-over")
        return Text(
            fill("🕒 {used}/{total} min", used=reading.used_minutes, total=reading.total_minutes)
        )
