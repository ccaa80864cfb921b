"""``schedule.json`` (format ``slc-schedule/1``): the plan of conference night, read and written.

Reading names every problem as ``schedule.json: FIELD: message``; writing keeps the keys slc
does not know (at the top and in each child's entry) where they were.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from slc_tui.core.fields import (
    is_valid_id,
    join,
    read_document,
    read_list,
    read_object,
    read_text,
    read_text_list,
    shown,
    type_name,
    warn_unknown_keys,
)
from slc_tui.core.i18n import _, fill, number_text
from slc_tui.core.json_document import document_text
from slc_tui.core.problems import ProblemList
from slc_tui.core.schedule import Placement, Plan
from slc_tui.core.schedule_settings import MAX_ROOM_LENGTH, ScheduleSettings, settings_from_text
from slc_tui.core.schedule_times import TimeRange, clock, parse_clock, parse_range
from slc_tui.core.text import MAX_LINE_LENGTH

SCHEDULE_FILE = "schedule.json"
SCHEDULE_FORMAT = "slc-schedule/1"
#: More entries than this are refused (a class folder holds at most 5,000 portfolios).
MAX_ENTRIES = 5000
#: The longest family id kept.
MAX_FAMILY_LENGTH = 100
_TOP_KEYS = {
    "day",
    "from",
    "to",
    "slot_minutes",
    "families_per_slot",
    "rotate_minutes",
    "breaks",
    "room",
    "entries",
}
_ENTRY_KEYS = (
    "student_id",
    "name",
    "start",
    "end",
    "teacher_start",
    "teacher_end",
    "family",
    "requested",
    "private",
    "notes",
)


@dataclass(frozen=True)
class SavedSchedule:
    """A ``schedule.json`` as read: the plan it holds and the object itself (for writing back)."""

    plan: Plan
    data: dict[str, Any]


def parse_schedule(data: Any, problems: ProblemList) -> SavedSchedule | None:
    """The schedule in parsed ``schedule.json``, or None when its settings are unusable.

    A bad entry is an error and is left out of the plan; the rest is still read.
    """
    obj = read_document(data, SCHEDULE_FORMAT, _TOP_KEYS, problems)
    if obj is None:
        return None
    settings = _settings(obj, problems)
    if settings is None:
        return None
    entries = obj.get("entries")
    if entries is not None and not isinstance(entries, list):
        problems.error("entries", fill("must be a list, not {found}", found=type_name(entries)))
        entries = []
    entries = entries or []
    if len(entries) > MAX_ENTRIES:
        message = fill(
            "has {count} entries; the limit is {limit}",
            count=number_text(len(entries)),
            limit=number_text(MAX_ENTRIES),
        )
        problems.error("entries", message)
        entries = []
    placements: list[Placement] = []
    first: dict[str, int] = {}
    for number, entry in enumerate(entries):
        placement = _entry(entry, join("entries", number), problems)
        if placement is None:
            continue
        if placement.student_id in first:
            where = join("entries", number) + ".student_id"
            other = f"entries[{first[placement.student_id]}]"
            problems.error(where, fill("is also {entry} (left out)", entry=other))
            continue
        first[placement.student_id] = number
        placements.append(placement)
    return SavedSchedule(Plan(settings, tuple(placements)), obj)


def _settings(obj: dict[str, Any], problems: ProblemList) -> ScheduleSettings | None:
    texts = {key: read_text(obj, key, "", problems, required=True) for key in ("day", "from", "to")}
    numbers = {
        "slot_minutes": _whole(obj, "slot_minutes", problems, required=True),
        "families_per_slot": _whole(obj, "families_per_slot", problems),
        "rotate_minutes": _whole(obj, "rotate_minutes", problems),
    }
    breaks: list[str] = []
    for number, item in enumerate(read_list(obj.get("breaks"), "breaks", problems)):
        if isinstance(item, str):
            breaks.append(item)
        else:
            message = fill("must be text, not {found}", found=type_name(item))
            problems.error(join("breaks", number), message)
    room = read_text(obj, "room", "", problems, max_length=MAX_ROOM_LENGTH)
    if problems.has_errors:
        return None
    slot_minutes, families = numbers["slot_minutes"], numbers["families_per_slot"]
    assert slot_minutes is not None
    settings, found = settings_from_text(
        day=texts["day"],
        start=texts["from"],
        end=texts["to"],
        slot_minutes=slot_minutes,
        families_per_slot=1 if families is None else families,
        rotate_minutes=numbers["rotate_minutes"],
        breaks=breaks,
        room=room,
    )
    for field, message in found:
        problems.error(field, message)
    return settings


def _whole(
    obj: dict[str, Any], key: str, problems: ProblemList, *, required: bool = False
) -> int | None:
    value = obj.get(key)
    if value is None:
        if required:
            problems.error(key, _("is required"))
        return None
    if isinstance(value, bool) or not isinstance(value, int) or abs(value) > 10**6:
        message = fill("must be a whole number of minutes, not {found}", found=shown(value))
        problems.error(key, message)
        return None
    return value


def _entry(value: Any, path: str, problems: ProblemList) -> Placement | None:
    entry = read_object(value, path, problems)
    if entry is None:
        return None
    before = len(problems)
    warn_unknown_keys(entry, set(_ENTRY_KEYS), path, problems)
    student_id = entry.get("student_id")
    if not is_valid_id(student_id):
        what = (
            _("is required")
            if student_id is None
            else fill("{id} is not a student id", id=shown(student_id))
        )
        problems.error(join(path, "student_id"), what)
    name = read_text(entry, "name", path, problems, required=True, max_length=MAX_LINE_LENGTH)
    slot = _range(entry, ("start", "end"), path, problems, required=True)
    turn = _range(entry, ("teacher_start", "teacher_end"), path, problems, required=False)
    family = read_text(entry, "family", path, problems, max_length=MAX_FAMILY_LENGTH).strip()
    requested = _requested(entry, path, problems)
    private = entry.get("private", False)
    if private is None:
        private = False
    if not isinstance(private, bool):
        message = fill("must be true or false, not {found}", found=shown(private))
        problems.error(join(path, "private"), message)
    notes = read_text_list(entry, "notes", path, problems)
    if any(problem.is_error for problem in problems[before:]) or slot is None:
        return None
    return Placement(
        str(student_id),
        name.strip(),
        slot,
        turn,
        family,
        requested,
        private is True,
        notes=tuple(notes),
    )


def _range(
    entry: dict[str, Any],
    keys: tuple[str, str],
    path: str,
    problems: ProblemList,
    *,
    required: bool,
) -> TimeRange | None:
    start_key, end_key = keys
    if not required and entry.get(start_key) is None and entry.get(end_key) is None:
        return None
    times: list[int] = []
    for key in keys:
        text = read_text(entry, key, path, problems, required=True, max_length=40)
        if not text:
            continue
        try:
            times.append(parse_clock(text))
        except ValueError as error:
            problems.error(join(path, key), str(error))
    if len(times) != 2:
        return None
    if times[1] <= times[0]:
        message = fill("must be after {field} ({start})", field=start_key, start=clock(times[0]))
        problems.error(join(path, end_key), message)
        return None
    return TimeRange(times[0], times[1])


def _requested(entry: dict[str, Any], path: str, problems: ProblemList) -> TimeRange | None:
    text = read_text(entry, "requested", path, problems, max_length=40).strip()
    try:
        if not text:
            return None
        if "-" in text:
            return parse_range(text)
        return TimeRange(parse_clock(text), parse_clock(text))
    except ValueError as error:
        problems.error(join(path, "requested"), str(error))
        return None


def schedule_data(plan: Plan, base: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The ``schedule.json`` object of ``plan``; keys of ``base`` (the file as it was) that
    slc does not know stay, at the top and in the entry of the same child."""
    data: dict[str, Any] = copy.deepcopy(dict(base)) if base else {}
    settings = plan.settings
    data["format"] = SCHEDULE_FORMAT
    data["day"] = settings.day.isoformat()
    data["from"] = clock(settings.start)
    data["to"] = clock(settings.end)
    data["slot_minutes"] = settings.slot_minutes
    data["families_per_slot"] = settings.families_per_slot
    data["rotate_minutes"] = settings.rotate_minutes
    data["breaks"] = [pause.text() for pause in settings.breaks]
    if settings.room:
        data["room"] = settings.room
    else:
        data.pop("room", None)
    earlier = _earlier_entries(data.get("entries"))
    data["entries"] = [_entry_data(p, earlier.get(p.student_id)) for p in plan.placements]
    return data


def _earlier_entries(entries: Any) -> dict[str, dict[str, Any]]:
    if not isinstance(entries, list):
        return {}
    found: dict[str, dict[str, Any]] = {}
    for entry in entries[:MAX_ENTRIES]:
        if isinstance(entry, dict) and is_valid_id(entry.get("student_id")):
            found.setdefault(entry["student_id"], entry)
    return found


def _entry_data(placement: Placement, base: dict[str, Any] | None) -> dict[str, Any]:
    values: dict[str, Any] = {
        "student_id": placement.student_id,
        "name": placement.name,
        "start": clock(placement.slot.start),
        "end": clock(placement.slot.end),
    }
    if placement.turn is not None:
        values["teacher_start"] = clock(placement.turn.start)
        values["teacher_end"] = clock(placement.turn.end)
    if placement.family:
        values["family"] = placement.family
    if placement.requested is not None:
        values["requested"] = placement.requested.text()
    values["private"] = placement.private
    if placement.notes:
        values["notes"] = list(placement.notes)
    if not base:
        return values
    entry: dict[str, Any] = {}
    for key, value in base.items():  # each key where it was; known keys no longer used go
        if key in values:
            entry[key] = values[key]
        elif key not in _ENTRY_KEYS:
            entry[key] = value
    entry.update((key, value) for key, value in values.items() if key not in entry)
    return entry


def schedule_text(plan: Plan, base: Mapping[str, Any] | None = None) -> str:
    """The text of ``schedule.json`` for ``plan`` (see :func:`schedule_data`)."""
    return document_text(schedule_data(plan, base))


def without_student(data: Any, student_id: str) -> dict[str, Any] | None:
    """Parsed ``schedule.json`` without ``student_id``'s entries, everything else as it was;
    None when it has none (or is not a schedule's object)."""
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        return None
    entries = data["entries"]
    kept = [e for e in entries if not (isinstance(e, dict) and e.get("student_id") == student_id)]
    if len(kept) == len(entries):
        return None
    return {**data, "entries": kept}
