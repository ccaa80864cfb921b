"""Planning conference night: every child of the class in a slot, or said why not.

- A slot holds at most ``families_per_slot`` families. Brothers and sisters (the same family
  id) come together: they share their family's place in one slot.
- Breaks are kept free: no slot overlaps one (see :mod:`.schedule_settings`).
- A family that asked for a private talk is alone in its slot (with its own children).
- A family's requested time is honoured when a slot then has room; otherwise the family goes
  to the nearest slot with room, and its notes say why (``requested 15:00: not possible,
  slot full``). Private talks are placed first (each needs a slot of its own), in the slot
  fewest requests ask for; then single requested times, then the narrowest ranges, then the
  rest, which fill the slots from the start of the evening.
- Families already in an earlier plan of the same day keep their slot (and turn) unless
  ``replan``; children no longer in the class are dropped and listed.
- With rotation, each family of a slot has its own turn with the teacher; a family alone for
  a private talk has the teacher for the whole slot.

The same class, requests and earlier plan always give the same plan. Notes and reasons are
in the active language (the CLI speaks the class's), as ``schedule.json`` then keeps them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from slc_tui.core.i18n import N_, _, fill, nfill
from slc_tui.core.schedule_settings import ScheduleSettings
from slc_tui.core.schedule_times import TimeRange

#: Why a family cannot join a slot (compared in English, translated when put in a note).
SLOT_FULL = N_("slot full")
KEPT_FOR_PRIVATE_TALK = N_("slot kept for a private talk")
NO_ROOM_FOR_PRIVATE_TALK = N_("no room for a private talk then")
MOVED_FOR_PRIVATE_TALK = N_("moved for the family's private talk")
NO_SUCH_SLOT = N_("no such slot now (the times changed)")
EVERY_SLOT_FULL = N_("every slot then is full")


@dataclass(frozen=True)
class Child:
    """A child of the class: id and full name."""

    id: str
    name: str


@dataclass(frozen=True)
class Request:
    """What a child's family asked for (the family id groups brothers and sisters)."""

    family: str = ""
    window: TimeRange | None = None
    private: bool = False


@dataclass(frozen=True)
class Placement:
    """One child's conference: the slot, and with rotation the family's turn with the teacher."""

    student_id: str
    name: str
    slot: TimeRange
    turn: TimeRange | None = None
    family: str = ""
    requested: TimeRange | None = None
    private: bool = False
    kept: bool = False
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Unplaced:
    """A child the plan has no room for, and why."""

    student_id: str
    name: str
    reason: str


@dataclass(frozen=True)
class Dropped:
    """A child of the earlier plan who is no longer in the class."""

    student_id: str
    name: str
    slot: TimeRange


@dataclass(frozen=True)
class Plan:
    """Conference night: the placements in time order, and everyone not placed."""

    settings: ScheduleSettings
    placements: tuple[Placement, ...] = ()
    unplaced: tuple[Unplaced, ...] = ()
    dropped: tuple[Dropped, ...] = ()
    notes: tuple[str, ...] = field(default=())

    @property
    def complete(self) -> bool:
        """True when every child has a slot."""
        return not self.unplaced


def family_key(family: str) -> str:
    """How family ids are compared: ``"López 2"`` and ``" lópez  2"`` are one family."""
    return " ".join(family.casefold().split())


@dataclass(eq=False)  # one object per family: compared by identity
class _Family:
    key: str
    label: str
    order: int
    children: list[Child]
    window: TimeRange | None = None
    private: bool = False


class _Board:
    """Which families sit in which slot, and which slots hold a private talk."""

    def __init__(self, settings: ScheduleSettings) -> None:
        self.slots = settings.slots()
        self.capacity = settings.families_per_slot
        self.families: list[list[_Family]] = [[] for _ in self.slots]
        self.index = {slot: number for number, slot in enumerate(self.slots)}

    def refusal(self, number: int, family: _Family) -> str:
        """Why ``family`` cannot join slot ``number`` ("" when it can), in English: one of
        the constants above."""
        here = self.families[number]
        if family in here:
            return ""
        if any(other.private for other in here):
            return KEPT_FOR_PRIVATE_TALK
        if len(here) >= self.capacity:
            return SLOT_FULL
        if family.private and here:
            return NO_ROOM_FOR_PRIVATE_TALK
        return ""

    def place(self, number: int, family: _Family) -> None:
        if family not in self.families[number]:
            self.families[number].append(family)


def plan_schedule(
    settings: ScheduleSettings,
    children: Sequence[Child],
    requests: Mapping[str, Request],
    earlier: Plan | None = None,
    *,
    replan: bool = False,
) -> Plan:
    """The plan for ``children`` (in class order) with their families' ``requests``."""
    board = _Board(settings)
    families, family_of = _families(children, requests)
    notes: dict[str, list[str]] = {child.id: [] for child in children}
    plan_notes: list[str] = []
    kept: dict[str, int] = {}
    kept_requests: dict[str, TimeRange | None] = {}
    earlier_turns: dict[str, TimeRange] = {}
    dropped = _dropped(earlier, family_of)
    if earlier is not None and not replan:
        if earlier.settings.day != settings.day:
            plan_notes.append(
                fill(
                    "the earlier schedule was for {earlier}: every family is placed afresh"
                    " for {day}",
                    earlier=earlier.settings.day.isoformat(),
                    day=settings.day.isoformat(),
                )
            )
        else:
            kept, earlier_turns = _keep(earlier, board, family_of, notes, kept_requests)
    slot_of: dict[str, int] = {}
    for family in families:  # brothers and sisters join their family's kept slot
        numbers = sorted(kept[child.id] for child in family.children if child.id in kept)
        if numbers:
            for child in family.children:
                slot_of[child.id] = kept.get(child.id, numbers[0])
    unplaced: list[Unplaced] = []
    reasons: dict[str, str] = {}
    waiting = [f for f in families if not any(c.id in slot_of for c in f.children)]
    waiting.sort(key=_urgency)
    demand = Counter(
        number
        for family in waiting
        if family.window is not None
        for number in _wanted(board.slots, family.window)
    )
    for family in waiting:
        number, reason = _choose(settings, board, family, demand)
        if number is None:
            unplaced.extend(Unplaced(child.id, child.name, reason) for child in family.children)
            continue
        board.place(number, family)
        reasons[family.key] = reason
        for child in family.children:
            slot_of[child.id] = number
    turns = _turns(settings, board, earlier_turns)
    placements: list[Placement] = []
    for child in children:
        if child.id not in slot_of:
            continue
        family = family_of[child.id]
        slot = board.slots[slot_of[child.id]]
        own = requests.get(child.id, Request()).window
        placement = Placement(
            child.id,
            child.name,
            slot,
            turns.get((family.key, slot)),
            family.label,
            own,
            family.private,
            child.id in kept,
        )
        said = child.id in kept and kept_requests[child.id] == own  # notes say how it went
        why = "" if said else reasons.get(family.key, "")
        placements.append(
            _with_notes(placement, board.slots, family, notes[child.id], why, said=said)
        )
    order = {child.id: number for number, child in enumerate(children)}
    placements.sort(
        key=lambda p: (p.slot.start, p.turn.start if p.turn else 0, order[p.student_id])
    )
    unplaced.sort(key=lambda u: order[u.student_id])
    return Plan(settings, tuple(placements), tuple(unplaced), dropped, tuple(plan_notes))


def _families(
    children: Sequence[Child], requests: Mapping[str, Request]
) -> tuple[list[_Family], dict[str, _Family]]:
    """The families of the class in class order (a child without a family id is one alone)."""
    by_key: dict[str, _Family] = {}
    family_of: dict[str, _Family] = {}
    for order, child in enumerate(children):
        request = requests.get(child.id, Request())
        key = family_key(request.family) if family_key(request.family) else f"\0{child.id}"
        family = by_key.get(key)
        if family is None:
            family = by_key[key] = _Family(key, request.family.strip(), order, [])
        family.children.append(child)
        family.private = family.private or request.private
        if family.window is None:
            family.window = request.window
        family_of[child.id] = family
    return list(by_key.values()), family_of


def _dropped(earlier: Plan | None, family_of: Mapping[str, _Family]) -> tuple[Dropped, ...]:
    if earlier is None:
        return ()
    return tuple(
        Dropped(p.student_id, p.name, p.slot)
        for p in earlier.placements
        if p.student_id not in family_of
    )


def _keep(
    earlier: Plan,
    board: _Board,
    family_of: Mapping[str, _Family],
    notes: dict[str, list[str]],
    requested: dict[str, TimeRange | None],
) -> tuple[dict[str, int], dict[str, TimeRange]]:
    """The earlier slots that still hold (child id → slot number), and the families' turns;
    fills in the earlier notes and requested times of the children kept."""
    kept: dict[str, int] = {}
    turns: dict[str, TimeRange] = {}
    for placement in earlier.placements:
        family = family_of.get(placement.student_id)
        if family is None or placement.student_id in kept:
            continue
        number = board.index.get(placement.slot)
        if number is None:
            reason = NO_SUCH_SLOT
        else:
            reason = board.refusal(number, family)
            if family.private and reason == NO_ROOM_FOR_PRIVATE_TALK:
                reason = MOVED_FOR_PRIVATE_TALK
        if reason:
            note = fill("was {slot}: {reason}", slot=placement.slot.shown(), reason=_(reason))
            notes[placement.student_id].append(note)
            continue
        assert number is not None
        board.place(number, family)
        kept[placement.student_id] = number
        requested[placement.student_id] = placement.requested
        notes[placement.student_id].extend(placement.notes)  # how it came to be there
        if placement.turn is not None:
            turns.setdefault(family.key, placement.turn)
    return kept, turns


def _urgency(family: _Family) -> tuple[bool, bool, int, int]:
    """Who is placed first: private talks (they need a slot of their own), then a single
    requested time, then narrow ranges, then the rest; then class order."""
    window = family.window
    width = window.minutes if window else 0
    return (not family.private, window is None, width, family.order)


def _choose(
    settings: ScheduleSettings, board: _Board, family: _Family, demand: Mapping[int, int]
) -> tuple[int | None, str]:
    """(the slot for ``family``, a note when its request is not honoured) or (None, why).

    Where several slots would do, a private talk or a range takes the one that the fewest
    requests ask for (then the earliest); others fill the evening from its start."""
    free = [n for n in range(len(board.slots)) if not board.refusal(n, family)]
    window = family.window
    if window is not None:
        wanted = _wanted(board.slots, window)
        honoured = [n for n in wanted if n in free]
        if honoured:
            return min(honoured, key=lambda n: (demand[n], n)), ""
    if not free:
        if family.private:
            return None, _("no room: no slot is free for a private talk")
        return None, nfill(
            "no room: every slot holds {n} family",
            "no room: every slot holds {n} families",
            board.capacity,
        )
    if window is None:
        return min(free, key=lambda n: (demand[n], n)) if family.private else free[0], ""
    nearest = min(free, key=lambda n: (_gap(board.slots[n], window), board.slots[n].start))
    reason = _why_not(settings, board, family, wanted)
    return nearest, fill(
        "requested {time}: not possible, {reason}", time=window.shown(), reason=reason
    )


def _wanted(slots: Sequence[TimeRange], window: TimeRange) -> list[int]:
    """The slots that honour ``window``: the one holding a single time, else those inside
    the range (or, for a range shorter than a slot, those overlapping it)."""
    if window.start == window.end:
        return [n for n, slot in enumerate(slots) if slot.start <= window.start < slot.end]
    inside = [
        n for n, slot in enumerate(slots) if window.start <= slot.start and slot.end <= window.end
    ]
    return inside or [n for n, slot in enumerate(slots) if slot.overlaps(window)]


def honours(slots: Sequence[TimeRange], window: TimeRange, slot: TimeRange) -> bool:
    """True when ``slot`` (one of ``slots``) is a slot the requested ``window`` asks for."""
    return any(slots[number] == slot for number in _wanted(slots, window))


def _gap(slot: TimeRange, window: TimeRange) -> int:
    return max(0, slot.start - window.end, window.start - slot.end)


def _why_not(
    settings: ScheduleSettings, board: _Board, family: _Family, wanted: Sequence[int]
) -> str:
    """Why the family's requested time cannot be honoured, in the active language."""
    window = family.window
    assert window is not None
    if not wanted:
        pause = settings.break_at(window)
        if pause is not None:
            return fill("break {time}", time=pause.shown())
        slots = board.slots
        if window.end <= slots[0].start or window.start >= slots[-1].end:
            evening = TimeRange(slots[0].start, slots[-1].end).shown()
            return fill("outside the evening ({hours})", hours=evening)
        return _("no slot at that time")
    reasons = {board.refusal(number, family) for number in wanted}
    if len(reasons) == 1:
        (reason,) = reasons
        return _(reason if len(wanted) == 1 or reason != SLOT_FULL else EVERY_SLOT_FULL)
    return _(EVERY_SLOT_FULL)


def _turns(
    settings: ScheduleSettings, board: _Board, earlier: Mapping[str, TimeRange]
) -> dict[tuple[str, TimeRange], TimeRange]:
    """Each family's turn with the teacher, by (family key, slot): an earlier turn is kept
    when it is still free; a private talk has the whole slot."""
    found: dict[tuple[str, TimeRange], TimeRange] = {}
    if not settings.rotate_minutes:
        return found
    for slot, families in zip(board.slots, board.families, strict=True):
        turns = list(settings.turns(slot))
        taken: set[TimeRange] = set()
        for family in families:
            if family.private:
                found[family.key, slot] = slot
            elif earlier.get(family.key) in turns and earlier[family.key] not in taken:
                found[family.key, slot] = earlier[family.key]
                taken.add(earlier[family.key])
        free = [turn for turn in turns if turn not in taken]
        for family in families:
            if (family.key, slot) not in found:
                found[family.key, slot] = free.pop(0)
    return found


def _with_notes(
    placement: Placement,
    slots: Sequence[TimeRange],
    family: _Family,
    notes: Sequence[str],
    reason: str,
    *,
    said: bool,
) -> Placement:
    """``placement`` with its notes: why it moved, and why its request was not honoured
    (unless ``said`` already by the earlier notes of a child kept in its slot)."""
    found = list(notes)
    own = placement.requested
    if said or own is None:
        pass
    elif slots.index(placement.slot) not in _wanted(slots, own):
        if placement.kept:
            found.append(
                fill(
                    "requested {time}: kept in its earlier slot (--replan to move)",
                    time=own.shown(),
                )
            )
        elif own == family.window and reason:
            found.append(reason)
        else:
            found.append(
                fill("requested {time}: not possible, placed with the family", time=own.shown())
            )
    return replace(placement, notes=tuple(found))
