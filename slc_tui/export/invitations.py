"""The invitations to conference night, as words: one slip per family, from the plan and the
class (drawn by :mod:`slc_tui.export.invitations_pdf`).

Brothers and sisters (one family id, compared as :func:`family_key` compares them) share a
slip that names each of them, with each one's time when they differ; a child with no family
id is a family alone. Slips come in the order of their first child's name, so a teacher can
hand them out down the class list. Every word is in :mod:`invitation_words`, and each slip
is in its family's language (when a child's portfolio gives one), else the class's.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from slc_tui.core.classinfo import ClassInfo
from slc_tui.core.i18n import ENGLISH, Translation
from slc_tui.core.schedule import Placement, Plan, family_key
from slc_tui.core.schedule_times import TimeRange, clock
from slc_tui.export import invitation_words as words
from slc_tui.export.dates import day_in_words

__all__ = ["Invitations", "Row", "Slip", "invitations"]


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
    """One family's invitation, every word in the family's language."""

    names: tuple[str, ...]
    rows: tuple[Row, ...]
    expect: str
    #: When the family asked for a private talk ("" otherwise).
    private: str
    reply_for: str
    title: str = words.TITLE
    class_line: str = ""
    expect_heading: str = words.EXPECT_HEADING
    reply_cut: str = words.REPLY_CUT
    can_you_come: str = words.CAN_YOU_COME
    choices: tuple[str, str] = (words.YES, words.ANOTHER_TIME)
    signature: str = words.SIGNATURE


@dataclass(frozen=True)
class Invitations:
    """Every family's slip, and what every slip shares."""

    paper: str
    slips: tuple[Slip, ...]
    #: The class's language: the document's, and its footer's.
    language: Translation = ENGLISH


def invitations(
    plan: Plan,
    info: ClassInfo,
    language: Translation = ENGLISH,
    languages: Mapping[str, Translation] | None = None,
) -> Invitations:
    """The slips of ``plan``'s families, for the class ``info``: in the class's ``language``,
    or a family's own (the first of its children in ``languages``, by student id)."""
    slips = []
    spoken = languages or {}
    for family in _families(plan.placements):
        own = [spoken[child.student_id] for child in family if child.student_id in spoken]
        slips.append(_slip(plan, family, info, own[0] if own else language))
    slips.sort(key=lambda slip: (slip.names[0].casefold(), slip.names))
    return Invitations(info.paper, tuple(slips), language)


def _class_line(info: ClassInfo, t: Translation) -> str:
    if info.teacher:
        return t.fill(words.CLASS_AND_TEACHER, class_name=info.name, teacher=info.teacher)
    return info.name


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


def _time(placement: Placement, t: Translation) -> str:
    turn = _turn(placement)
    text = words.WITH_TEACHER if turn != placement.slot else words.SLOT
    return t.fill(text, start=clock(turn.start), end=clock(turn.end))


def _time_lines(children: list[Placement], t: Translation) -> tuple[str, ...]:
    """One line when brothers and sisters share their time, else one per child (with the
    slot too when they come in different slots and rotate)."""
    times = [_time(child, t) for child in children]
    if len(set(times)) == 1:
        return (times[0],)
    lines = []
    one_slot = len({child.slot for child in children}) == 1
    for child, time in zip(children, times, strict=True):
        turn = _turn(child)
        if one_slot or turn == child.slot:
            lines.append(t.fill(words.CHILD_TIME, name=child.name, time=time))
        else:
            lines.append(
                t.fill(
                    words.CHILD_SLOT_AND_TURN,
                    name=child.name,
                    start=clock(child.slot.start),
                    end=clock(child.slot.end),
                    turn_start=clock(turn.start),
                    turn_end=clock(turn.end),
                )
            )
    return tuple(lines)


def _slip(plan: Plan, children: list[Placement], info: ClassInfo, t: Translation) -> Slip:
    settings = plan.settings
    names = tuple(child.name for child in children)
    rotating = any(_turn(child) != child.slot for child in children)
    slots = {child.slot for child in children}
    arrive = ""  # with rotation, when to come (in different slots each child's line says)
    if rotating and len(slots) == 1:
        (slot,) = slots
        arrive = t.fill(words.ARRIVE, start=clock(slot.start), end=clock(slot.end))
    rows = [
        Row(
            t.gettext(words.CHILD if len(names) == 1 else words.CHILDREN),
            (words.NAME_SEPARATOR.join(names),),
            bold=True,
        ),
        Row(t.gettext(words.DAY), (day_in_words(settings.day, t),)),
        Row(t.gettext(words.TIME), _time_lines(children, t), note=arrive),
    ]
    if settings.room:
        rows.append(Row(t.gettext(words.ROOM), (settings.room,)))
    private = any(child.private for child in children)
    lead = words.EXPECT if len(children) == 1 else words.EXPECT_CHILDREN
    expect = [t.gettext(lead), t.fill(words.EXPECT_LENGTH, minutes=settings.slot_minutes)]
    if rotating:
        expect.append(t.gettext(words.EXPECT_ROTATING))
    if not private:
        expect.append(t.gettext(words.EXPECT_PRIVATE_OFFER))
    return Slip(
        names=names,
        rows=tuple(rows),
        expect=words.SENTENCE_SEPARATOR.join(expect),
        private=t.gettext(words.PRIVATE) if private else "",
        reply_for=t.fill(words.REPLY_FOR, names=words.NAME_SEPARATOR.join(names)),
        title=t.gettext(words.TITLE),
        class_line=_class_line(info, t),
        expect_heading=t.gettext(words.EXPECT_HEADING),
        reply_cut=t.gettext(words.REPLY_CUT),
        can_you_come=t.gettext(words.CAN_YOU_COME),
        choices=(t.gettext(words.YES), t.gettext(words.ANOTHER_TIME)),
        signature=t.gettext(words.SIGNATURE),
    )
