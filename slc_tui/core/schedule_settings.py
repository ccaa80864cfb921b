"""How conference night is laid out: the day, the hours, slots, families per slot, rotation,
breaks, the room, and the slots that follow from them.

Slots follow one another from ``start``; one that would overlap a break starts when the break
ends instead, and the last must end by ``end``. With ``rotate_minutes`` the families of a slot
take turns with the teacher (the others are at the other stations), so a slot of 30 minutes
rotating every 10 has three turns and holds at most three families.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from slc_tui.core.i18n import fill, number_text
from slc_tui.core.schedule_times import TimeRange, clock, parse_clock, parse_range
from slc_tui.core.text import clean_text

MIN_SLOT_MINUTES = 5
MAX_SLOT_MINUTES = 240
MAX_FAMILIES_PER_SLOT = 50
MAX_BREAKS = 20
#: The longest room kept (``Room 12``, ``the library``).
MAX_ROOM_LENGTH = 100

T = TypeVar("T")
#: One problem with the settings: (the field of ``schedule.json``, the message).
SettingProblem = tuple[str, str]


@dataclass(frozen=True)
class ScheduleSettings:
    """The evening as the teacher set it out (times in minutes since midnight)."""

    day: date
    start: int
    end: int
    slot_minutes: int
    families_per_slot: int = 1
    rotate_minutes: int | None = None
    breaks: tuple[TimeRange, ...] = ()
    #: Where the conferences are, e.g. ``Room 12`` ("" when not said).
    room: str = ""

    @property
    def hours(self) -> TimeRange:
        """From the first slot's start to when the evening ends."""
        return TimeRange(self.start, self.end)

    def slots(self) -> tuple[TimeRange, ...]:
        """Every slot of the evening, in time order."""
        found: list[TimeRange] = []
        start = self.start
        while start + self.slot_minutes <= self.end:
            slot = TimeRange(start, start + self.slot_minutes)
            clash = [pause.end for pause in self.breaks if pause.overlaps(slot)]
            if clash:
                start = max(clash)
                continue
            found.append(slot)
            start = slot.end
        return tuple(found)

    def turns(self, slot: TimeRange) -> tuple[TimeRange, ...]:
        """The families' turns with the teacher in ``slot`` (none without rotation)."""
        step = self.rotate_minutes
        if not step:
            return ()
        return tuple(TimeRange(t, t + step) for t in range(slot.start, slot.end, step))

    def break_at(self, when: TimeRange) -> TimeRange | None:
        """The break ``when`` falls in (a single time inside one, or a range inside one)."""
        for pause in self.breaks:
            if pause.start <= when.start and when.end <= pause.end and when.start < pause.end:
                return pause
        return None


def settings_from_text(
    *,
    day: str,
    start: str,
    end: str,
    slot_minutes: int,
    families_per_slot: int = 1,
    rotate_minutes: int | None = None,
    breaks: Sequence[str] = (),
    room: str = "",
) -> tuple[ScheduleSettings | None, list[SettingProblem]]:
    """The settings from the command's options (or ``schedule.json``'s fields), or every
    problem with them, each naming its field."""
    problems: list[SettingProblem] = []

    def read(field: str, parse: Callable[[str], T], text: str) -> T | None:
        try:
            return parse(text)
        except ValueError as error:
            problems.append((field, str(error)))
            return None

    when = read("day", _parse_day, day)
    first = read("from", parse_clock, start)
    last = read("to", parse_clock, end)
    pauses = [read(f"breaks[{n}]", parse_range, text) for n, text in enumerate(breaks)]
    if len(breaks) > MAX_BREAKS:
        message = fill(
            "has {count} breaks; the limit is {limit}", count=len(breaks), limit=MAX_BREAKS
        )
        problems.append(("breaks", message))
    problems.extend(_minutes_problems(slot_minutes, families_per_slot, rotate_minutes))
    where = " ".join(clean_text(room, max_length=len(room) + 1, multiline=False).split())
    if len(where) > MAX_ROOM_LENGTH:
        message = fill(
            "is too long ({length} characters; the limit is {limit})",
            length=number_text(len(where)),
            limit=str(MAX_ROOM_LENGTH),
        )
        problems.append(("room", message))
    if first is not None and last is not None and last <= first:
        message = fill(
            "must be after the start ({start}), not {end}", start=clock(first), end=clock(last)
        )
        problems.append(("to", message))
    if problems or when is None or first is None or last is None:
        return None, problems
    settings = ScheduleSettings(
        when,
        first,
        last,
        slot_minutes,
        families_per_slot,
        rotate_minutes,
        tuple(pause for pause in pauses if pause is not None),
        where,
    )
    if not settings.slots():
        problems.append(("slot_minutes", _no_slot(settings)))
        return None, problems
    return settings, problems


def _parse_day(text: str) -> date:
    try:
        if len(text.strip()) != 10:
            raise ValueError
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(
            fill("{text} is not a day (YYYY-MM-DD, e.g. 2026-11-12)", text=repr(text[:40]))
        ) from None


def _minutes_problems(
    slot_minutes: int, families_per_slot: int, rotate_minutes: int | None
) -> list[SettingProblem]:
    problems: list[SettingProblem] = []
    if not MIN_SLOT_MINUTES <= slot_minutes <= MAX_SLOT_MINUTES:
        problems.append(
            (
                "slot_minutes",
                fill(
                    "must be from {low} to {high} minutes, not {found}",
                    low=MIN_SLOT_MINUTES,
                    high=MAX_SLOT_MINUTES,
                    found=slot_minutes,
                ),
            )
        )
    if not 1 <= families_per_slot <= MAX_FAMILIES_PER_SLOT:
        problems.append(
            (
                "families_per_slot",
                fill(
                    "must be from 1 to {high}, not {found}",
                    high=MAX_FAMILIES_PER_SLOT,
                    found=families_per_slot,
                ),
            )
        )
    if rotate_minutes is None or problems:
        return problems
    if not 1 <= rotate_minutes <= slot_minutes or slot_minutes % rotate_minutes:
        problems.append(
            (
                "rotate_minutes",
                fill(
                    "must divide the {slot}-minute slot into equal turns (e.g. {example}),"
                    " not {found}",
                    slot=slot_minutes,
                    example=_divisor_example(slot_minutes),
                    found=rotate_minutes,
                ),
            )
        )
    elif families_per_slot > slot_minutes // rotate_minutes:
        turns = slot_minutes // rotate_minutes
        problems.append(
            (
                "families_per_slot",
                fill(
                    "is {families}, but turns of {rotate} minutes give only {turns} turn(s)"
                    " with the teacher in a {slot}-minute slot",
                    families=families_per_slot,
                    rotate=rotate_minutes,
                    turns=turns,
                    slot=slot_minutes,
                ),
            )
        )
    return problems


def _divisor_example(slot_minutes: int) -> str:
    divisors = [n for n in range(2, slot_minutes + 1) if slot_minutes % n == 0]
    chosen = min(divisors, key=lambda n: (abs(n - 10), n)) if divisors else slot_minutes
    return str(chosen)


def _no_slot(settings: ScheduleSettings) -> str:
    span = f"{clock(settings.start)}-{clock(settings.end)}"
    if settings.breaks:
        return fill(
            "no {slot}-minute slot fits from {span} between the breaks",
            slot=settings.slot_minutes,
            span=span,
        )
    return fill("no {slot}-minute slot fits from {span}", slot=settings.slot_minutes, span=span)
