"""Times of day in a conference schedule: ``14:00``, ``16:00-16:30``, ``3:30 pm``.

A time of day is a whole number of minutes since midnight. Options and ``schedule.json`` use
the strict 24-hour forms; a family's requested time, typed into a spreadsheet, may also be
``3pm``, ``3:30 PM``, ``15.30``, ``15h30``, ``15:30:00`` or a range such as ``3-4pm``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from slc_tui.core.i18n import fill
from slc_tui.core.text import printable

MINUTES_PER_DAY = 24 * 60
_STRICT = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)", re.ASCII)
_LOOSE = re.compile(
    r"(\d{1,2})(?:[:.h](\d{2})(?::(00))?)?\s*(am|pm|a\.m\.|p\.m\.)?", re.ASCII | re.IGNORECASE
)
_RANGE_SEPARATOR = re.compile(r"\s*(?:-|–|—|\bto\b|\buntil\b)\s*", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class TimeRange:
    """From ``start`` to ``end`` (minutes since midnight); a single time has ``start == end``."""

    start: int
    end: int

    @property
    def minutes(self) -> int:
        """How long it lasts."""
        return self.end - self.start

    def overlaps(self, other: TimeRange) -> bool:
        """True when the two share some time (touching ends do not count)."""
        return self.start < other.end and other.start < self.end

    def text(self) -> str:
        """``15:00`` or ``15:00-16:30``, as files write it."""
        if self.start == self.end:
            return clock(self.start)
        return f"{clock(self.start)}-{clock(self.end)}"

    def shown(self) -> str:
        """``15:00`` or ``15:00–16:30``, for people."""
        return self.text().replace("-", "–")


def clock(minutes: int) -> str:
    """``minutes`` since midnight as ``HH:MM``."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def parse_clock(text: str) -> int:
    """Minutes since midnight of ``HH:MM`` (or ``H:MM``); ValueError saying why not."""
    match = _STRICT.fullmatch(text.strip())
    if match is None:
        raise ValueError(
            fill("{text} is not a time of day (HH:MM, from 00:00 to 23:59)", text=_quoted(text))
        )
    return int(match.group(1)) * 60 + int(match.group(2))


def parse_range(text: str) -> TimeRange:
    """The range ``HH:MM-HH:MM``, ending after it starts; ValueError saying why not."""
    start, separator, end = text.strip().partition("-")
    if not (separator and _STRICT.fullmatch(start.strip()) and _STRICT.fullmatch(end.strip())):
        raise ValueError(
            fill("{text} is not a time range (HH:MM-HH:MM, e.g. 16:00-16:30)", text=_quoted(text))
        )
    found = TimeRange(parse_clock(start), parse_clock(end))
    if found.end <= found.start:
        raise ValueError(_ends_before(text))
    return found


def parse_requested(text: str) -> TimeRange | None:
    """A requested time or range as a family or teacher types it (None when empty)."""
    value = " ".join(text.split())
    if not value:
        return None
    parts = _RANGE_SEPARATOR.split(value)
    if len(parts) > 2:
        raise ValueError(_not_a_time(text))
    suffixes = [_suffix(part) for part in parts]
    shared = next((suffix for suffix in reversed(suffixes) if suffix), "")
    pairs = zip(parts, suffixes, strict=True)
    times = [_loose_clock(part, suffix or shared, text) for part, suffix in pairs]
    found = TimeRange(times[0], times[-1])
    if found.end < found.start:
        raise ValueError(_ends_before(text))
    return found


def _suffix(part: str) -> str:
    match = _LOOSE.fullmatch(part)
    return (match.group(4) or "").replace(".", "").casefold() if match else ""


def _loose_clock(part: str, suffix: str, whole: str) -> int:
    match = _LOOSE.fullmatch(part)
    if match is None:
        raise ValueError(_not_a_time(whole))
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if match.group(2) is None and not suffix:
        raise ValueError(
            fill("{text}: write the minutes (15:00) or am/pm (3pm)", text=_quoted(whole))
        )
    if suffix:
        if not 1 <= hour <= 12:
            raise ValueError(
                fill(
                    "{text}: {hour} is not an hour on a 12-hour clock",
                    text=_quoted(whole),
                    hour=hour,
                )
            )
        hour = hour % 12 + (12 if suffix == "pm" else 0)
    if hour > 23 or minute > 59:
        raise ValueError(
            fill("{text} is not a time of day (from 00:00 to 23:59)", text=_quoted(whole))
        )
    return hour * 60 + minute


def _not_a_time(text: str) -> str:
    return fill("{text} is not a time (15:00) or a range (15:00-16:30)", text=_quoted(text))


def _ends_before(text: str) -> str:
    return fill("{text} ends before it starts", text=_quoted(text))


def _quoted(text: str) -> str:
    return repr(printable(text, max_length=40))
