"""The conference-night planner (``core/schedule.py``): its rules, and a property test."""

from __future__ import annotations

from collections import Counter
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from slc_tui.core.schedule import Child, Placement, Plan, Request, family_key, plan_schedule
from slc_tui.core.schedule_settings import ScheduleSettings
from slc_tui.core.schedule_times import TimeRange, parse_clock, parse_range, parse_requested

DAY = date(2026, 11, 12)


def evening(
    start: str = "14:00",
    end: str = "18:45",
    slot: int = 30,
    families: int = 3,
    rotate: int | None = None,
    breaks: tuple[str, ...] = ("16:00-16:30",),
    day: date = DAY,
) -> ScheduleSettings:
    return ScheduleSettings(
        day,
        parse_clock(start),
        parse_clock(end),
        slot,
        families,
        rotate,
        tuple(parse_range(pause) for pause in breaks),
    )


def kids(count: int) -> list[Child]:
    return [Child(f"c{n:02d}", f"Child {n:02d}") for n in range(count)]


def at(when: str) -> TimeRange:
    found = parse_requested(when)
    assert found is not None
    return found


def placed(plan: Plan) -> dict[str, Placement]:
    return {p.student_id: p for p in plan.placements}


def slot_of(plan: Plan, student_id: str) -> str:
    return placed(plan)[student_id].slot.text()


def test_slots_skip_the_break_and_end_in_time() -> None:
    slots = [slot.text() for slot in evening().slots()]
    assert slots == [
        "14:00-14:30",
        "14:30-15:00",
        "15:00-15:30",
        "15:30-16:00",
        "16:30-17:00",
        "17:00-17:30",
        "17:30-18:00",
        "18:00-18:30",
    ]


def test_a_slot_that_would_overlap_a_break_starts_when_the_break_ends() -> None:
    slots = evening(start="14:00", end="16:00", slot=30, breaks=("14:40-14:50",)).slots()
    assert [slot.text() for slot in slots] == ["14:00-14:30", "14:50-15:20", "15:20-15:50"]


def test_families_fill_the_slots_from_the_start_and_no_slot_is_overfull() -> None:
    plan = plan_schedule(evening(), kids(10), {})
    assert plan.complete
    counts = Counter(p.slot.text() for p in plan.placements)
    assert counts == {"14:00-14:30": 3, "14:30-15:00": 3, "15:00-15:30": 3, "15:30-16:00": 1}


def test_no_room_for_everyone_names_who_is_left_out() -> None:
    plan = plan_schedule(evening(), kids(25), {})
    assert len(plan.placements) == 24
    assert [(u.student_id, u.reason) for u in plan.unplaced] == [
        ("c24", "no room: every slot holds 3 families")
    ]
    assert not plan.complete


def test_brothers_and_sisters_share_one_place_in_one_slot() -> None:
    """25 children fit in 24 places because two of them are one family."""
    requests = {"c03": Request("Nguyen"), "c20": Request(" nguyen ")}
    plan = plan_schedule(evening(), kids(25), requests)
    assert plan.complete
    assert slot_of(plan, "c03") == slot_of(plan, "c20") == "14:30-15:00"
    assert placed(plan)["c20"].family == "Nguyen"  # as the first of the family wrote it
    assert len({p.student_id for p in plan.placements if p.slot.text() == "14:30-15:00"}) == 4


def test_a_requested_time_is_honoured_when_it_can_be() -> None:
    requests = {"c09": Request(window=at("17:00")), "c08": Request(window=at("16:30-18:00"))}
    plan = plan_schedule(evening(), kids(10), requests)
    assert slot_of(plan, "c09") == "17:00-17:30"
    assert slot_of(plan, "c08") == "16:30-17:00"
    assert placed(plan)["c09"].notes == ()
    assert placed(plan)["c09"].requested == at("17:00")


def test_a_request_that_cannot_be_honoured_says_why_and_goes_to_the_nearest_slot() -> None:
    requests = {f"c{n:02d}": Request(window=at("15:00")) for n in range(4)}
    requests["c05"] = Request(window=at("16:10"))
    requests["c06"] = Request(window=at("19:00"))
    plan = plan_schedule(evening(), kids(8), requests)
    assert [slot_of(plan, f"c0{n}") for n in range(4)] == ["15:00-15:30"] * 3 + ["14:30-15:00"]
    assert placed(plan)["c03"].notes == ("requested 15:00: not possible, slot full",)
    assert placed(plan)["c05"].notes == ("requested 16:10: not possible, break 16:00–16:30",)
    assert slot_of(plan, "c05") == "15:30-16:00"
    assert placed(plan)["c06"].notes == (
        "requested 19:00: not possible, outside the evening (14:00–18:30)",
    )
    assert slot_of(plan, "c06") == "18:00-18:30"


def test_a_private_talk_is_alone_in_its_slot_and_has_the_teacher_all_slot() -> None:
    requests = {"c01": Request(window=at("15:00"), private=True)}
    plan = plan_schedule(evening(rotate=10), kids(9), requests)
    private = placed(plan)["c01"]
    assert private.slot.text() == "15:00-15:30" and private.turn == private.slot
    assert [p.student_id for p in plan.placements if p.slot == private.slot] == ["c01"]
    assert private.private


def test_a_private_talk_asked_for_a_full_slot_moves_and_says_so() -> None:
    requests = {f"c{n:02d}": Request(window=at("14:00")) for n in range(3)}
    requests["c05"] = Request(window=at("14:00-15:00"), private=True)
    plan = plan_schedule(evening(), kids(6), requests)
    assert slot_of(plan, "c05") == "14:30-15:00"  # honoured: alone in the range
    requests["c06"] = Request(window=at("14:00"), private=True)
    plan = plan_schedule(evening(), kids(7), requests)
    assert placed(plan)["c06"].slot.text() == "14:00-14:30"  # a single time goes first
    assert [p.student_id for p in plan.placements if p.slot.text() == "14:00-14:30"] == ["c06"]
    note = placed(plan)["c00"].notes
    assert note == ("requested 14:00: not possible, slot kept for a private talk",)


def test_a_private_talk_finds_a_slot_even_when_requests_touch_every_slot() -> None:
    night = evening(end="16:00", breaks=())
    requests = {f"c0{n}": Request(window=at(f"{14 + n // 2}:{n % 2 * 3}0")) for n in range(4)}
    requests["c04"] = Request(private=True)
    requests["c05"] = Request(window=at("14:00-16:00"))
    plan = plan_schedule(night, kids(6), requests)
    assert plan.complete
    assert [p.student_id for p in plan.placements if p.slot.text() == "14:00-14:30"] == ["c04"]
    assert placed(plan)["c00"].notes == (
        "requested 14:00: not possible, slot kept for a private talk",
    )


def test_rotation_gives_each_family_its_own_turn_siblings_share_it() -> None:
    requests = {"c00": Request("a"), "c01": Request("a")}
    plan = plan_schedule(evening(rotate=10), kids(4), requests)
    turns = {p.student_id: p.turn.text() if p.turn else "" for p in plan.placements}
    assert turns == {
        "c00": "14:00-14:10",
        "c01": "14:00-14:10",
        "c02": "14:10-14:20",
        "c03": "14:20-14:30",
    }


def test_without_rotation_there_are_no_turns() -> None:
    assert all(p.turn is None for p in plan_schedule(evening(), kids(4), {}).placements)


def test_replanning_keeps_the_slots_of_families_already_in_the_schedule() -> None:
    first = plan_schedule(evening(rotate=10), kids(6), {})
    swapped = [*kids(6)[::-1], Child("new", "New Child")]
    requests = {"c00": Request(window=at("18:00"))}
    again = plan_schedule(evening(rotate=10), swapped, requests, first)
    before, after = placed(first), placed(again)
    for student_id in before:
        assert (after[student_id].slot, after[student_id].turn) == (
            before[student_id].slot,
            before[student_id].turn,
        )
        assert after[student_id].kept
    assert after["c00"].notes == ("requested 18:00: kept in its earlier slot (--replan to move)",)
    assert after["new"].slot.text() == "15:00-15:30" and not after["new"].kept
    fresh = plan_schedule(evening(rotate=10), swapped, requests, first, replan=True)
    assert slot_of(fresh, "c00") == "18:00-18:30"
    assert not any(p.kept for p in fresh.placements)


def test_children_no_longer_in_the_class_are_dropped_and_their_place_is_free() -> None:
    first = plan_schedule(evening(families=1), kids(3), {})
    without_c01 = [*kids(3)[:1], *kids(3)[2:], Child("n", "N")]
    again = plan_schedule(evening(families=1), without_c01, {}, first)
    assert [(d.student_id, d.slot.text()) for d in again.dropped] == [("c01", "14:30-15:00")]
    assert slot_of(again, "n") == "14:30-15:00"


def test_a_slot_gone_or_now_too_full_moves_its_family_with_a_note() -> None:
    first = plan_schedule(evening(families=3), kids(3), {})
    again = plan_schedule(evening(families=2), kids(3), {}, first)
    assert placed(again)["c02"].notes == ("was 14:00–14:30: slot full",)
    assert slot_of(again, "c02") == "14:30-15:00"
    later = plan_schedule(evening(start="14:10", families=3), kids(3), {}, first)
    assert placed(later)["c00"].notes == ("was 14:00–14:30: no such slot now (the times changed)",)


def test_another_day_plans_afresh_and_says_so() -> None:
    first = plan_schedule(evening(), kids(2), {"c01": Request(window=at("17:00"))})
    again = plan_schedule(evening(day=date(2026, 11, 13)), kids(2), {}, first)
    assert again.notes == (
        "the earlier schedule was for 2026-11-12: every family is placed afresh for 2026-11-13",
    )
    assert slot_of(again, "c01") == "14:00-14:30"


def test_a_sibling_asking_for_another_time_is_placed_with_the_family() -> None:
    requests = {"c00": Request("f", at("17:00")), "c01": Request("f", at("14:00"))}
    plan = plan_schedule(evening(), kids(2), requests)
    assert slot_of(plan, "c00") == slot_of(plan, "c01") == "17:00-17:30"
    assert placed(plan)["c01"].notes == ("requested 14:00: not possible, placed with the family",)


def test_the_same_input_gives_the_same_plan() -> None:
    requests = {"c03": Request("x", at("15:00"), True), "c07": Request("x")}
    assert plan_schedule(evening(), kids(20), requests) == plan_schedule(
        evening(), kids(20), requests
    )


def test_family_keys_ignore_case_and_spaces() -> None:
    assert family_key("  López  Family ") == family_key("lópez family")


# -- property: for any class and constraints, the rules hold ---------------------------------


@st.composite
def nights(draw: st.DrawFn) -> tuple[ScheduleSettings, list[Child], dict[str, Request]]:
    slot = draw(st.sampled_from([10, 15, 20, 30, 45]))
    rotate = draw(st.sampled_from([None, *[n for n in (5, 10, 15) if slot % n == 0]]))
    turns = slot // rotate if rotate else 6
    families = draw(st.integers(1, min(turns, 5)))
    start = draw(st.integers(8 * 60, 16 * 60))
    end = start + draw(st.integers(slot, 6 * 60))
    breaks = []
    for _ in range(draw(st.integers(0, 2))):
        pause_start = draw(st.integers(start, end))
        breaks.append(TimeRange(pause_start, pause_start + draw(st.integers(5, 60))))
    settings = ScheduleSettings(DAY, start, end, slot, families, rotate, tuple(breaks))
    children = kids(draw(st.integers(0, 40)))
    requests: dict[str, Request] = {}
    for child in children:
        if draw(st.booleans()):
            family = draw(st.sampled_from(["", "", "a", "b", "c", "D", "d "]))
            window = None
            if draw(st.booleans()):
                at_time = draw(st.integers(start - 60, end + 60))
                width = draw(st.sampled_from([0, 0, 30, 90]))
                window = TimeRange(at_time, min(at_time + width, 24 * 60 - 1))
            requests[child.id] = Request(family, window, draw(st.integers(0, 6)) == 0)
    return settings, children, requests


def check_plan(settings: ScheduleSettings, children: list[Child], plan: Plan) -> None:
    slots = settings.slots()
    ids = [p.student_id for p in plan.placements] + [u.student_id for u in plan.unplaced]
    assert sorted(ids) == sorted(child.id for child in children)  # each exactly once
    families_in: dict[TimeRange, set[str]] = {}
    private_in: dict[TimeRange, set[str]] = {}
    for p in plan.placements:
        assert p.slot in slots
        assert not any(pause.overlaps(p.slot) for pause in settings.breaks)
        key = family_key(p.family) or p.student_id
        families_in.setdefault(p.slot, set()).add(key)
        if p.private:
            private_in.setdefault(p.slot, set()).add(key)
        if settings.rotate_minutes:
            assert p.turn is not None and p.slot.start <= p.turn.start < p.turn.end <= p.slot.end
    for slot, families in families_in.items():
        assert len(families) <= settings.families_per_slot
        if slot in private_in:
            assert families == private_in[slot]  # a private talk is alone
    by_family: dict[str, list[int]] = {}
    for p in plan.placements:
        if p.family:
            by_family.setdefault(family_key(p.family), []).append(slots.index(p.slot))
    for numbers in by_family.values():
        assert max(numbers) - min(numbers) <= 1  # brothers and sisters side by side
    turns: dict[TimeRange, set[str]] = {}
    for p in plan.placements:
        if p.turn is not None and not p.private:
            turns.setdefault(p.turn, set()).add(family_key(p.family) or p.student_id)
    assert all(len(families) == 1 for families in turns.values())  # one family per turn


@settings(max_examples=300, deadline=None)
@given(nights(), st.booleans(), st.booleans())
def test_every_child_placed_once_or_reported_and_the_rules_hold(
    night: tuple[ScheduleSettings, list[Child], dict[str, Request]],
    again: bool,
    replan: bool,
) -> None:
    settings, children, requests = night
    plan = plan_schedule(settings, children, requests)
    check_plan(settings, children, plan)
    if again:  # a second run over the first, with one child gone and one new
        changed = [*children[1:], Child("zz-new", "New")]
        second = plan_schedule(settings, changed, requests, plan, replan=replan)
        check_plan(settings, changed, second)
        assert [d.student_id for d in second.dropped] == (
            [children[0].id] if children and children[0].id in placed(plan) else []
        )
        if not replan:  # everyone still in the class keeps their slot and turn
            for p in second.placements:
                if p.student_id in placed(plan):
                    before = placed(plan)[p.student_id]
                    assert p.kept and p.slot == before.slot
                    if p.private == before.private:  # (not when a private sibling left)
                        assert p.turn == before.turn
