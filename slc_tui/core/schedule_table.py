"""The plan of conference night as a table a teacher can read (and print), in the active
language (the CLI speaks the class's)."""

from __future__ import annotations

from slc_tui.core.i18n import _, fill, nfill
from slc_tui.core.schedule import Placement, Plan, honours
from slc_tui.core.schedule_times import TimeRange
from slc_tui.core.text_table import cell_width as cell_width
from slc_tui.core.text_table import text_table


def schedule_lines(plan: Plan) -> list[str]:
    """A heading, one row per child (breaks and empty slots too), then who is not placed
    and who was dropped."""
    settings = plan.settings
    rotating = settings.rotate_minutes is not None
    # TRANSLATORS: the headings of the table of conference night that slc schedule prints.
    with_teacher = [_("With teacher")] if rotating else []
    heading = [_("Time"), *with_teacher, _("Child"), _("Family"), _("Notes")]
    rows: list[list[str]] = []
    by_slot: dict[TimeRange, list[Placement]] = {}
    for placement in plan.placements:
        by_slot.setdefault(placement.slot, []).append(placement)
    slots = settings.slots()
    blocks = [(slot, False) for slot in slots]
    blocks += [(pause, True) for pause in settings.breaks if pause.overlaps(settings.hours)]
    for block, is_break in sorted(blocks, key=lambda item: (item[0].start, item[1])):
        if is_break:
            rows.append([block.shown(), *([""] if rotating else []), _("(break)"), "", ""])
            continue
        placed = by_slot.get(block, [])
        if not placed:
            rows.append([block.shown(), *([""] if rotating else []), _("(free)"), "", ""])
        for number, placement in enumerate(placed):
            time = block.shown() if number == 0 else ""
            turn = [placement.turn.shown() if placement.turn else ""] if rotating else []
            notes = _notes(placement, slots)
            rows.append([time, *turn, placement.name, placement.family, notes])
    lines = [_summary(plan), "", *text_table([heading, *rows])]
    if plan.unplaced:
        lines += ["", fill("Not placed ({count}):", count=len(plan.unplaced))]
        lines += [f"  {u.name} ({u.student_id}): {u.reason}" for u in plan.unplaced]
    if plan.dropped:
        lines += [
            "",
            fill(
                "No longer in the class, taken out of the schedule ({count}):",
                count=len(plan.dropped),
            ),
        ]
        lines += [
            "  "
            + fill("{name} ({id}), was {slot}", name=d.name, id=d.student_id, slot=d.slot.shown())
            for d in plan.dropped
        ]
    lines += [fill("Note: {note}", note=note) for note in plan.notes]
    return lines


def _summary(plan: Plan) -> str:
    settings = plan.settings
    count = len(settings.slots())
    families = settings.families_per_slot
    values = {
        "day": settings.day.isoformat(),
        "hours": settings.hours.shown(),
        "room": settings.room,
        "slots": count,
        "minutes": settings.slot_minutes,
    }
    if settings.room:
        text = nfill(
            "Conference night {day}, {hours}, {room}: {slots} slot(s) of {minutes} minutes,"
            " {n} family each",
            "Conference night {day}, {hours}, {room}: {slots} slot(s) of {minutes} minutes,"
            " {n} families each",
            families,
            **values,
        )
    else:
        text = nfill(
            "Conference night {day}, {hours}: {slots} slot(s) of {minutes} minutes,"
            " {n} family each",
            "Conference night {day}, {hours}: {slots} slot(s) of {minutes} minutes,"
            " {n} families each",
            families,
            **values,
        )
    if settings.rotate_minutes:
        text += fill(
            ", turns of {minutes} minutes with the teacher", minutes=settings.rotate_minutes
        )
    if settings.breaks:
        breaks = ", ".join(pause.shown() for pause in settings.breaks)
        text += fill("; break {breaks}", breaks=breaks)
    children = len(plan.placements)
    return fill("{summary}. {children} child(ren) placed.", summary=text, children=children)


def _notes(placement: Placement, slots: tuple[TimeRange, ...]) -> str:
    """The notes of a child's row: kept, private talk, the time asked for when it was
    honoured (the plan's notes say why when it was not), then the plan's notes."""
    notes = list(placement.notes)
    if placement.private:
        notes.insert(0, _("private talk"))
    if placement.kept:
        notes.insert(0, _("kept"))
    elif placement.requested is not None and honours(slots, placement.requested, placement.slot):
        notes.insert(0, fill("requested {time}", time=placement.requested.shown()))
    return "; ".join(notes)
