"""Picking a goal's "by" month: a drop-down of months, never free text."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.widgets import Select

from slc_tui.core.conference import clean_by
from slc_tui.export.summary import format_long_date

#: How many months ahead the picker offers (this month first).
MONTHS_AHEAD = 24

#: What the picker shows while no month is picked: plainly not a date.
NO_MONTH = "— pick a month —"


def month_options(today: date, current: str = "") -> list[tuple[str, str]]:
    """``(label, YYYY-MM)`` for this month and the next :data:`MONTHS_AHEAD`, with the
    ``current`` value kept (in date order) when it is a valid date outside that range."""
    values = []
    year, month = today.year, today.month
    for _ in range(MONTHS_AHEAD + 1):
        values.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    if current and current not in values:
        values = sorted([*values, current])
    return [(format_long_date(value), value) for value in values]


class MonthPicker(Select[str]):
    """A goal's month: picked with arrows and Enter or with clicks; its value is always a
    valid ``YYYY-MM`` (or the portfolio's own ``YYYY-MM-DD``) or ``""`` for none."""

    def __init__(self, current: str, today: date, **kwargs: Any) -> None:
        current = clean_by(current)
        super().__init__(
            month_options(today, current),
            prompt=NO_MONTH,
            allow_blank=True,
            value=current or Select.NULL,
            type_to_search=False,
            **kwargs,
        )

    @property
    def month(self) -> str:
        """The month picked, or ``""``."""
        value = self.value
        return value if isinstance(value, str) else ""
