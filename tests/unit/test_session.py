"""ClassSession: the service the app owns (start, save, resume, review) over a tmp class."""

from __future__ import annotations

import random
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from slc_tui.core.conference import Conference
from slc_tui.core.steps import Step, StepKind
from slc_tui.session import ClassSession
from tests.factories import FIXED_NOW


class Clock:
    """A clock the test moves forward by hand."""

    def __init__(self, now: datetime = FIXED_NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, minutes: int) -> datetime:
        self.now += timedelta(minutes=minutes)
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def session(class_dir: Path, clock: Clock) -> ClassSession:
    return ClassSession.open(class_dir, class_dir / "results", clock)


def finish(session: ClassSession, conference: Conference, clock: Clock) -> dict[str, object]:
    conference.set_commitment("We will read together every night.", {}, False)
    conference.go_to(Step(StepKind.COMMITMENT))
    conference.next(clock.advance(10))
    record = session.snapshot(conference)
    session.save(record)
    return record


def test_start_save_resume(session: ClassSession, clock: Clock) -> None:
    assert session.unfinished_record("maya") is None
    conference = session.start("maya")
    assert conference.started == FIXED_NOW
    assert conference.previous is None
    conference.next(clock.advance(1))
    conference.next(clock.advance(1))
    conference.say("piece:story", "Érase una vez… 🐉")
    path = session.save(session.snapshot(conference))
    assert path == session.results_dir / "maya.json"
    assert path.is_file()

    record = session.unfinished_record("maya")
    assert record is not None
    assert record["id"] == conference.id
    assert record["updated"] == clock.now.isoformat()
    resumed = session.resume("maya", record)
    assert resumed.id == conference.id
    assert resumed.step == Step(StepKind.PIECE, "story")
    assert resumed.said == {"piece:story": "Érase una vez… 🐉"}
    assert resumed.started == FIXED_NOW
    assert [row.status for row in session.picker_rows()] == ["not started", "in progress"]


def test_saving_again_replaces_the_same_conference(session: ClassSession, clock: Clock) -> None:
    conference = session.start("maya")
    session.save(session.snapshot(conference))
    conference.next(clock.advance(1))
    session.save(session.snapshot(conference))
    records = session.store.records_for("maya")
    assert len(records) == 1
    assert records[0]["step"] == "piece:butterfly"


def test_finishing_sets_status_done(session: ClassSession, clock: Clock) -> None:
    conference = session.start("maya")
    record = finish(session, conference, clock)
    assert record["status"] == "done"
    assert session.status("maya") == "done"
    assert session.unfinished_record("maya") is None
    rows = {row.student.id: row.status for row in session.picker_rows()}
    assert rows == {"maya": "done", "leo": "not started"}


def test_previous_record_feeds_review(session: ClassSession, clock: Clock) -> None:
    first = session.start("maya")
    finish(session, first, clock)

    clock.advance(60 * 24 * 120)
    second = session.start("maya")
    assert second.previous is not None
    assert second.previous["id"] == first.id
    assert second.previous["commitment"] == "We will read together every night."
    assert [s.key for s in second.steps()][:2] == ["welcome", "review"]
    assert session.previous_record("leo") is None

    second.next(clock.advance(1))
    session.save(session.snapshot(second))
    unfinished = session.unfinished_record("maya")
    assert unfinished is not None and unfinished["id"] == second.id
    resumed = session.resume("maya", unfinished)
    assert resumed.previous is not None and resumed.previous["id"] == first.id
    assert resumed.step.kind is StepKind.REVIEW


def test_a_finished_conference_is_not_its_own_review(session: ClassSession, clock: Clock) -> None:
    conference = session.start("maya")
    record = finish(session, conference, clock)
    resumed = session.resume("maya", record)
    assert resumed.previous is None
    assert "review" not in [s.key for s in resumed.steps()]


def test_lower_seq_does_not_overwrite_a_newer_save(session: ClassSession, clock: Clock) -> None:
    conference = session.start("maya")
    conference.say("welcome", "old")
    old = session.snapshot(conference)
    conference.say("welcome", "new")
    new = session.snapshot(conference)
    session.save(new, seq=2)
    session.save(old, seq=1)
    stored = session.store.records_for("maya")
    assert [r["said"] for r in stored] == [{"welcome": "new"}]
    conference.say("welcome", "newest")
    session.save(session.snapshot(conference), seq=3)
    assert session.store.records_for("maya")[0]["said"] == {"welcome": "newest"}


def test_out_of_order_saves_from_threads_keep_the_newest(
    session: ClassSession, clock: Clock
) -> None:
    conference = session.start("maya")
    snapshots = []
    for seq in range(1, 13):
        conference.say("welcome", f"version {seq}")
        snapshots.append((seq, session.snapshot(conference)))
    random.Random(4).shuffle(snapshots)
    threads = [threading.Thread(target=session.save, args=(rec, seq)) for seq, rec in snapshots]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert session.store.records_for("maya")[0]["said"] == {"welcome": "version 12"}


def test_unknown_student_cannot_start(session: ClassSession) -> None:
    with pytest.raises(KeyError):
        session.start("nobody")


def test_status_counts_only_this_terms_conferences(tmp_path: Path) -> None:
    """A finished conference from last term is history: this term's status is not started."""
    from slc_tui.core.record import conference_status

    spring = {"term": "Spring 2026", "status": "done"}
    fall_open = {"term": "Fall 2026", "status": "in_progress"}
    assert conference_status([spring], "Fall 2026") == "not started"
    assert conference_status([spring, fall_open], "Fall 2026") == "in progress"
    assert conference_status([spring], "") == "done"
    assert conference_status([], "Fall 2026") == "not started"


def test_resume_point_and_last_finished_rules() -> None:
    """Which conference is offered to carry on, and which one ``review`` looks back on."""
    from slc_tui.core.record import last_finished, resume_point

    spring = {"id": "s", "term": "Spring 2026", "status": "done"}
    old_open = {"id": "o", "term": "Spring 2026", "status": "in_progress"}
    abandoned = {"id": "a", "term": "Fall 2026", "status": "abandoned"}
    fall_open = {"id": "f", "term": "Fall 2026", "status": "in_progress"}
    fall_done = {"id": "d", "term": "Fall 2026", "status": "done"}
    assert resume_point([spring, old_open], "Fall 2026") is None  # last term's is not offered
    assert resume_point([spring, abandoned], "Fall 2026") is None
    assert resume_point([spring, abandoned, fall_open], "Fall 2026") == fall_open
    assert resume_point([fall_open, fall_done], "Fall 2026") is None  # a newer one finished
    assert last_finished([spring, fall_open]) == spring
    assert last_finished([spring, fall_done], exclude_id="d") == spring
    assert last_finished([fall_open]) is None


def test_starting_without_a_claim_holds_nothing_until_claimed(
    session: ClassSession, class_dir: Path
) -> None:
    from slc_tui.store.presence import ConferenceClaim

    student = session.folder.portfolios[0].student.id
    conference = session.start_without_questions(student, claim=False)
    assert conference is not None and conference.portfolio.student.id == student
    other = ConferenceClaim(session.results_dir, student)
    assert other.acquire() is None  # not held by the session: another window could
    assert session.claim(student) is not None  # ... and the session is told so
    other.release()
    assert session.claim(student) is None  # now it holds it
    session.release_claim()


def test_a_file_damaged_while_open_is_repaired_by_the_next_save(
    session: ClassSession, clock: Clock
) -> None:
    conference = session.start("maya")
    conference.say("welcome", "We")
    session.save(session.snapshot(conference), 1)
    path = session.results_dir / "maya.json"
    path.write_bytes(b'{"conferences": {"1": {"id": ')  # broken while the conference is open
    conference.say("welcome", "We read every night 📚")
    clock.advance(1)

    session.save(session.snapshot(conference), 2)
    conference.next(clock.advance(1))
    session.save(session.snapshot(conference), 3)  # and every later save works too

    (recovery,) = session.take_recoveries()
    assert recovery.saved_again and recovery.restored
    assert recovery.damaged_copy.read_bytes() == b'{"conferences": {"1": {"id": '
    [record] = session.store.records_for("maya")
    assert record["said"] == {"welcome": "We read every night 📚"}
    assert record["step"] == conference.step.key
    assert session.take_recoveries() == []


def test_another_students_conference_in_maya_json_is_never_shown_or_resumed(
    session: ClassSession, clock: Clock
) -> None:
    leos = session.start("leo")
    finish(session, leos, clock)
    carried_on = session.start("leo")
    carried_on.say("welcome", "Leo's words")
    session.save(session.snapshot(carried_on))
    leo_json = (session.results_dir / "leo.json").read_bytes()
    (session.results_dir / "maya.json").write_bytes(leo_json)  # copied over Maya's

    assert session.unfinished_record("maya") is None, "Leo's is not offered to carry on"
    assert session.previous_record("maya") is None, "nor shown as Maya's last time"
    assert session.status("maya") == "not started"
    (recovery,) = session.take_recoveries()
    assert recovery.reason == "2 conferences in it are not maya's: student id 'leo'"
    assert recovery.damaged_copy.read_bytes() == leo_json
    fresh = session.start("maya")
    assert fresh.previous is None
    session.save(session.snapshot(fresh))
    assert [r["student_id"] for r in session.store.records_for("maya")] == ["maya"]
    assert (session.results_dir / "leo.json").read_bytes() == leo_json, "Leo's file untouched"


def test_resume_is_only_for_the_student_whose_conference_it_is(session: ClassSession) -> None:
    record = session.snapshot(session.start("maya"))
    for wrong in ("leo", 5, None, ["maya"]):
        with pytest.raises(ValueError):
            session.resume("maya", {**record, "student_id": wrong})
    assert session.resume("maya", record).id == record["id"]
