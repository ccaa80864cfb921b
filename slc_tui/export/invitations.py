"""The invitations to conference night, as words: one slip per family, from the plan and the
class (drawn by :mod:`slc_tui.export.invitations_pdf`).

Brothers and sisters (one family id, compared as :func:`family_key` compares them) share a
slip that names each of them, with each one's time when they differ; a child with no family
id is a family alone. Slips come in the order of their first child's name, so a teacher can
hand them out down the class list. Every word is in :mod:`invitation_words`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from slc_tui.core.classinfo import ClassInfo
from slc_tui.core.schedule import Placement, Plan, family_key
from slc_tui.core.schedule_times import TimeRange, clock
from slc_tui.export import invitation_words as words

__all__ = ["Invitations", "Row", "Slip", "day_in_words", "invitations"]


@dataclass(frozen=True)
class Row:
    """A labelled row of a slip (``Day``: ``Thursday 12 November 2026``), one or more lines."""

    label: str
    lines: tuple[str, ...]
    bold: bool = False
    #: A smaller line under it ("" for none): when to come, under the time.
    note: str = ""


@dataclass(frozen=True)
class Slip:
    """One family's invitation."""

    names: tuple[str, ...]
    rows: tuple[Row, ...]
    expect: str
    #: When the family asked for a private talk ("" otherwise).
    private: str
    reply_for: str


@dataclass(frozen=True)
class Invitations:
    """Every family's slip, and what every slip shares."""

    paper: str
    class_line: str
    slips: tuple[Slip, ...]


def day_in_words(day: date) -> str:
    """``Thursday 12 November 2026``."""
    return words.DATE.format(
        weekday=words.WEEKDAYS[day.weekday()],
        day=day.day,
        month=words.MONTHS[day.month - 1],
        year=day.year,
    )


def invitations(plan: Plan, info: ClassInfo) -> Invitations:
    """The slips of ``plan``'s families, for the class ``info``."""
    if info.teacher:
        class_line = words.CLASS_AND_TEACHER.format(class_name=info.name, teacher=info.teacher)
    else:
        class_line = words.CLASS_ONLY.format(class_name=info.name)
    day = day_in_words(plan.settings.day)
    slips = [_slip(plan, family, day) for family in _families(plan.placements)]
    slips.sort(key=lambda slip: (slip.names[0].casefold(), slip.names))
    return Invitations(info.paper, class_line, tuple(slips))


def _families(placements: Sequence[Placement]) -> list[list[Placement]]:
    """The placements grouped by family, each family's children in time order."""
    by_family: dict[str, list[Placement]] = {}
    for placement in placements:
        key = family_key(placement.family) or f"\0{placement.student_id}"
        by_family.setdefault(key, []).append(placement)
    return [
        sorted(children, key=lambda p: (_turn(p).start, p.slot.start, p.name.casefold()))
        for children in by_family.values()
    ]


def _turn(placement: Placement) -> TimeRange:
    """The family's time with the teacher: its turn, or the whole slot."""
    return placement.turn if placement.turn is not None else placement.slot


def _time(placement: Placement) -> str:
    turn = _turn(placement)
    text = words.WITH_TEACHER if turn != placement.slot else words.SLOT
    return text.format(start=clock(turn.start), end=clock(turn.end))


def _time_lines(children: list[Placement]) -> tuple[str, ...]:
    """One line when brothers and sisters share their time, else one per child (with the
    slot too when they come in different slots and rotate)."""
    times = [_time(child) for child in children]
    if len(set(times)) == 1:
        return (times[0],)
    lines = []
    one_slot = len({child.slot for child in children}) == 1
    for child, time in zip(children, times, strict=True):
        turn = _turn(child)
        if one_slot or turn == child.slot:
            lines.append(words.CHILD_TIME.format(name=child.name, time=time))
        else:
            lines.append(
                words.CHILD_SLOT_AND_TURN.format(
                    name=child.name,
                    start=clock(child.slot.start),
                    end=clock(child.slot.end),
                    turn_start=clock(turn.start),
                    turn_end=clock(turn.end),
                )
            )
    return tuple(lines)


def _slip(plan: Plan, children: list[Placement], day: str) -> Slip:
    settings = plan.settings
    names = tuple(child.name for child in children)
    rotating = any(_turn(child) != child.slot for child in children)
    slots = {child.slot for child in children}
    arrive = ""  # with rotation, when to come (in different slots each child's line says)
    if rotating and len(slots) == 1:
        (slot,) = slots
        arrive = words.ARRIVE.format(start=clock(slot.start), end=clock(slot.end))
    rows = [
        Row(
            words.CHILD if len(names) == 1 else words.CHILDREN,
            (words.NAME_SEPARATOR.join(names),),
            bold=True,
        ),
        Row(words.DAY, (day,)),
        Row(words.TIME, _time_lines(children), note=arrive),
    ]
    if settings.room:
        rows.append(Row(words.ROOM, (settings.room,)))
    private = any(child.private for child in children)
    lead = words.EXPECT if len(children) == 1 else words.EXPECT_CHILDREN
    expect = [lead, words.EXPECT_LENGTH.format(minutes=settings.slot_minutes)]
    if rotating:
        expect.append(words.EXPECT_ROTATING)
    if not private:
        expect.append(words.EXPECT_PRIVATE_OFFER)
    return Slip(
        names=names,
        rows=tuple(rows),
        expect=words.SENTENCE_SEPARATOR.join(expect),
        private=words.PRIVATE if private else "",
        reply_for=words.REPLY_FOR.format(names=words.NAME_SEPARATOR.join(names)),
    )
