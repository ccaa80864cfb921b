"""``schedule.ics``: conference night as an iCalendar file (RFC 5545), one event per child,
at the schedule's room (the class's name when it has none).

Times are *floating* local times (``DTSTART:20261112T140000``, no time zone): a calendar
shows them at that time of day wherever it is, which is the class's own time for everyone
in the school's town, and nothing depends on how the laptop's clock is set. Each event's
``UID`` (``slc-DAY-STUDENT@CLASS``) stays the same for that child on that day, so importing
a new plan updates the events rather than doubling them.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time

import icalendar

from slc_tui.core.ids import slug
from slc_tui.core.schedule import Placement, Plan

PRODUCT_ID = "-//slc//conference schedule//EN"
_UID = re.compile(r"slc-\d{4}-\d{2}-\d{2}-(?P<student>[a-z0-9][a-z0-9_-]{0,63})@.*")


def event_uid(day: date, student_id: str, class_name: str) -> str:
    """The ``UID`` of ``student_id``'s conference on ``day`` in the class ``class_name``."""
    return f"slc-{day.isoformat()}-{student_id}@{slug(class_name, fallback='class')}.slc"


def schedule_calendar(plan: Plan, class_name: str, *, teacher: str, now: datetime) -> bytes:
    """The ``.ics`` bytes of ``plan``; ``now`` (aware or UTC) is every event's ``DTSTAMP``."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"{class_name}: conferences {plan.settings.day.isoformat()}")
    stamp = now.astimezone(UTC) if now.tzinfo else now.replace(tzinfo=UTC)
    for placement in plan.placements:
        calendar.add_component(_event(plan, placement, class_name, teacher, stamp))
    return bytes(calendar.to_ical())


def _event(
    plan: Plan, placement: Placement, class_name: str, teacher: str, stamp: datetime
) -> icalendar.Event:
    day = plan.settings.day
    event = icalendar.Event()
    event.add("uid", event_uid(day, placement.student_id, class_name))
    event.add("dtstamp", stamp)
    event.add("dtstart", _local(day, placement.slot.start))
    event.add("dtend", _local(day, placement.slot.end))
    event.add("summary", f"Student-led conference: {placement.name}")
    event.add("location", plan.settings.room or class_name)
    event.add("description", "\n".join(_description(placement, class_name, teacher)))
    return event


def _description(placement: Placement, class_name: str, teacher: str) -> list[str]:
    lines = [f"{placement.name} leads their conference ({class_name})."]
    if teacher:
        lines.append(f"Teacher: {teacher}")
    if placement.turn is not None and placement.turn != placement.slot:
        lines.append(f"With the teacher: {placement.turn.shown()}")
    if placement.private:
        lines.append("Private talk with the teacher.")
    return lines


def _local(day: date, minutes: int) -> datetime:
    """A floating local time (no tzinfo) on ``day``."""
    return datetime.combine(day, time(minutes // 60, minutes % 60))


def calendar_without(ics: bytes, student_id: str) -> bytes | None:
    """``ics`` without ``student_id``'s events (None when it has none); ValueError when it is
    not an iCalendar file."""
    calendar = icalendar.Calendar.from_ical(ics)
    if not isinstance(calendar, icalendar.Calendar):
        raise ValueError("not one calendar")
    kept = [
        component
        for component in calendar.subcomponents
        if not (isinstance(component, icalendar.Event) and _student(component) == student_id)
    ]
    if len(kept) == len(calendar.subcomponents):
        return None
    calendar.subcomponents = kept
    return bytes(calendar.to_ical())


def _student(event: icalendar.Event) -> str:
    match = _UID.fullmatch(str(event.get("uid", "")))
    return match.group("student") if match else ""
