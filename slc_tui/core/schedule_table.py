"""The plan of conference night as a table a teacher can read (and print)."""

from __future__ import annotations

from slc_tui.core.schedule import Placement, Plan
from slc_tui.core.schedule_times import TimeRange
from slc_tui.core.text_table import cell_width as cell_width
from slc_tui.core.text_table import text_table


def schedule_lines(plan: Plan) -> list[str]:
    """A heading, one row per child (breaks and empty slots too), then who is not placed
    and who was dropped."""
    settings = plan.settings
    rotating = settings.rotate_minutes is not None
    heading = ["Time", *(["With teacher"] if rotating else []), "Child", "Family", "Notes"]
    rows: list[list[str]] = []
    by_slot: dict[TimeRange, list[Placement]] = {}
    for placement in plan.placements:
        by_slot.setdefault(placement.slot, []).append(placement)
    blocks = [(slot, False) for slot in settings.slots()]
    blocks += [(pause, True) for pause in settings.breaks if pause.overlaps(settings.hours)]
    for block, is_break in sorted(blocks, key=lambda item: (item[0].start, item[1])):
        if is_break:
            rows.append([block.shown(), *([""] if rotating else []), "(break)", "", ""])
            continue
        placed = by_slot.get(block, [])
        if not placed:
            rows.append([block.shown(), *([""] if rotating else []), "(free)", "", ""])
        for number, placement in enumerate(placed):
            time = block.shown() if number == 0 else ""
            turn = [placement.turn.shown() if placement.turn else ""] if rotating else []
            rows.append([time, *turn, placement.name, placement.family, _notes(placement)])
    lines = [_summary(plan), "", *text_table([heading, *rows])]
    if plan.unplaced:
        lines += ["", f"Not placed ({len(plan.unplaced)}):"]
        lines += [f"  {u.name} ({u.student_id}): {u.reason}" for u in plan.unplaced]
    if plan.dropped:
        lines += ["", f"No longer in the class, taken out of the schedule ({len(plan.dropped)}):"]
        lines += [f"  {d.name} ({d.student_id}), was {d.slot.shown()}" for d in plan.dropped]
    lines += [f"Note: {note}" for note in plan.notes]
    return lines


def _summary(plan: Plan) -> str:
    settings = plan.settings
    count = len(settings.slots())
    families = settings.families_per_slot
    where = f", {settings.room}" if settings.room else ""
    text = (
        f"Conference night {settings.day.isoformat()}, {settings.hours.shown()}{where}: "
        f"{count} slot(s) of {settings.slot_minutes} minutes, "
        f"{families} famil{'y' if families == 1 else 'ies'} each"
    )
    if settings.rotate_minutes:
        text += f", turns of {settings.rotate_minutes} minutes with the teacher"
    if settings.breaks:
        text += "; break " + ", ".join(pause.shown() for pause in settings.breaks)
    children = len(plan.placements)
    return f"{text}. {children} child(ren) placed."


def _notes(placement: Placement) -> str:
    notes = list(placement.notes)
    if placement.private:
        notes.insert(0, "private talk")
    if placement.kept:
        notes.insert(0, "kept")
    elif placement.requested is not None and not any(n.startswith("requested") for n in notes):
        notes.insert(0, f"requested {placement.requested.shown()}")
    return "; ".join(notes)
