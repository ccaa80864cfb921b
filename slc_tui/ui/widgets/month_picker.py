"""Picking a goal's "by" month: a drop-down of months, never free text."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from textual.widgets import Select

from slc_tui.core import i18n
from slc_tui.core.conference import clean_by
from slc_tui.core.i18n import N_, _, fill

#: How many months ahead the picker offers (this month first).
MONTHS_AHEAD = 24

#: What the picker shows while no month is picked: plainly not a date.
NO_MONTH = N_("— pick a month —")

#: Textual's own words in the footer while the list of months is open, marked here for the
#: catalogs (the screen's footer names every key through them: see ``ui/languages.py``).
TEXTUAL_WORDS = (N_("Dismiss menu"),)

_DAY = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?$")


def month_names() -> tuple[dict[int, str], dict[int, str]]:
    """The months' names in the active language, from Babel's locale data: as said on
    their own (``March 2027``) and within a date (``22 March 2027``); English's when
    Babel does not know the language."""
    from babel import UnknownLocaleError
    from babel.dates import get_month_names

    try:
        locale = i18n.active().locale_name
        alone = get_month_names("wide", "stand-alone", locale=locale)
        within = get_month_names("wide", "format", locale=locale)
    except (UnknownLocaleError, ValueError, TypeError):
        alone = within = get_month_names("wide", "format", locale="en")
    return dict(alone), dict(within)


def month_label(value: str, names: tuple[dict[int, str], dict[int, str]] | None = None) -> str:
    """``2027-03`` as ``March 2027`` and ``2026-11-22`` as ``22 November 2026``, in the
    active language (anything else unchanged)."""
    match = _DAY.match(value)
    if not match or not 1 <= int(match.group(2)) <= 12:
        return value
    alone, within = names or month_names()
    year, month, day = int(match.group(1)), int(match.group(2)), match.group(3)
    if day:
        # TRANSLATORS: a day in a goal's "by when" list: "22 November 2026".
        text = fill("{day} {month} {year}", day=int(day), month=within[month], year=year)
    else:
        # TRANSLATORS: a month in a goal's "by when" list: "March 2027".
        text = fill("{month} {year}", month=alone[month], year=year)
    return text[:1].upper() + text[1:]  # a list item starts with a capital ("Marzo de 2027")


def month_options(today: date, current: str = "") -> list[tuple[str, str]]:
    """``(label, YYYY-MM)`` for this month and the next :data:`MONTHS_AHEAD`, with the
    ``current`` value kept (in date order) when it is a valid date outside that range; the
    labels in the active language."""
    values = []
    year, month = today.year, today.month
    for _step in range(MONTHS_AHEAD + 1):
        values.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    if current and current not in values:
        values = sorted([*values, current])
    names = month_names()
    return [(month_label(value, names), value) for value in values]


class MonthPicker(Select[str]):
    """A goal's month: picked with arrows and Enter or with clicks; its value is always a
    valid ``YYYY-MM`` (or the portfolio's own ``YYYY-MM-DD``) or ``""`` for none."""

    def __init__(self, current: str, today: date, **kwargs: Any) -> None:
        current = clean_by(current)
        super().__init__(
            month_options(today, current),
            prompt=_(NO_MONTH),
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
