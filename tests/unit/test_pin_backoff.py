"""Guessing the teacher PIN: a growing wait shared by the CLI and the app, surviving restarts;
old short PINs still work; a PIN file with weak scrypt settings is refused."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import slc_tui.core.teacher_pin as teacher_pin
from slc_tui.core.pin_backoff import (
    FREE_TRIES,
    LONGEST_WAIT,
    PinWaitDue,
    WrongGuesses,
    wait_after,
    wait_message,
)
from slc_tui.core.teacher_pin import PinRecordInvalid, hash_pin, verify_pin
from slc_tui.session import ClassSession
from slc_tui.store.teacher_access import GUESSES_FILE, PIN_FILE, PinStore, forget_student
from slc_tui.teacher.access import teacher_access
from tests.unit.test_cli import run, save_finished_conference

pytestmark = pytest.mark.usefixtures("slc_data_dir")

PIN = "482913"
WRONG = "000001"


class Clock:
    """Wall-clock seconds that move only when told to."""

    def __init__(self, now: float = 1_795_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def scrypt_runs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts every scrypt run (one item per run)."""
    runs: list[int] = []
    real = teacher_pin._scrypt

    def counting(*args: Any) -> bytes:
        runs.append(1)
        return real(*args)

    monkeypatch.setattr(teacher_pin, "_scrypt", counting)
    return runs


def legacy_record(pin: str, n: int = 2**14, r: int = 8, salt: bytes = b"s" * 16, key: int = 32):  # type: ignore[no-untyped-def]
    """A PIN record as slc 0.1 wrote it (any 4-12 digits), made without today's rules."""
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=1, dklen=key, maxmem=2**26)
    return {
        "format": "slc-pin/1",
        "kdf": "scrypt",
        "n": n,
        "r": r,
        "p": 1,
        "salt": salt.hex(),
        "hash": digest.hex(),
    }


def wrong_guesses(store: PinStore, count: int) -> None:
    for _ in range(count):
        assert store.check(WRONG) is False


# -- the schedule ------------------------------------------------------------------------


def test_the_wait_doubles_after_the_free_tries_up_to_a_cap() -> None:
    waits = [wait_after(wrong) for wrong in range(1, 20)]
    assert waits[:FREE_TRIES] == [0, 0, 0]
    assert waits[FREE_TRIES : FREE_TRIES + 5] == [1, 2, 4, 8, 16]
    assert max(waits) == LONGEST_WAIT == 15 * 60 and waits[-1] == LONGEST_WAIT
    assert wait_after(10**6) == LONGEST_WAIT


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0.2, "1 second"),
        (1, "1 second"),
        (1.5, "2 seconds"),
        (59.1, "60 seconds"),
        (60, "1 minute"),
        (64, "2 minutes"),
        (120, "2 minutes"),
        (900, "15 minutes"),
    ],
)
def test_the_wait_is_said_plainly_and_never_sooner_than_it_is(seconds: float, text: str) -> None:
    assert wait_message(seconds) == f"Too many wrong PINs. Try again in {text}."


def test_a_clock_set_back_does_not_end_a_wait() -> None:
    guesses = WrongGuesses(wrong=10, last=1000.0)  # 64 s
    assert guesses.wait_left(1010.0) == 54
    assert guesses.wait_left(1100.0) == 0
    assert guesses.wait_left(1000.0 - 3600) == 64  # an hour back: the whole wait
    assert guesses.rebased(-2600.0) == WrongGuesses(10, -2600.0)


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"{broken",
        b"[]",
        b'{"format": "slc-pin-guesses/1", "wrong": -1, "last": 0}',
        b'{"format": "slc-pin-guesses/1", "wrong": true, "last": 0}',
        b'{"format": "slc-pin-guesses/1", "wrong": 2, "last": Infinity}',
        b'{"format": "slc-pin-guesses/1", "wrong": 2}',
        b'{"format": "slc-pin-guesses/9", "wrong": 0, "last": 0}',
        b"\xff\xfe",
    ],
)
def test_a_damaged_guesses_file_is_the_longest_wait_never_a_crash(
    tmp_path: Path, damage: bytes, scrypt_runs: list[int]
) -> None:
    clock = Clock()
    store = PinStore(tmp_path, clock)
    store.set(PIN)
    store.guesses_path.write_bytes(damage)
    assert store.wait_left() == LONGEST_WAIT
    scrypt_runs.clear()
    with pytest.raises(PinWaitDue, match=f"{GUESSES_FILE} could not be read") as due:
        store.check(PIN)
    assert due.value.seconds == LONGEST_WAIT and "15 minutes" in str(due.value)
    assert scrypt_runs == []
    # Rewritten as a sound record of the longest wait, counted from when it was found.
    assert WrongGuesses.from_json(json.loads(store.guesses_path.read_bytes())).last == clock.now
    clock.now += LONGEST_WAIT - 1
    with pytest.raises(PinWaitDue, match="1 second"):
        store.check(PIN)
    clock.now += 1
    assert store.check(PIN)


# -- the store: counted, shared, surviving a restart ---------------------------------------


def test_wrong_pins_make_a_growing_wait_seen_by_a_new_store_too(
    tmp_path: Path, scrypt_runs: list[int]
) -> None:
    clock = Clock()
    store = PinStore(tmp_path, clock)
    store.set(PIN)
    scrypt_runs.clear()
    wrong_guesses(store, FREE_TRIES)
    assert store.wait_left() == 0
    for expected in (1, 2, 4, 8, 16, 32):
        assert store.check(WRONG) is False
        assert store.wait_left() == expected
        restarted = PinStore(tmp_path, clock)  # as the app or the CLI would, after a restart
        runs = len(scrypt_runs)
        with pytest.raises(PinWaitDue) as due:
            restarted.check(PIN)  # refused even though it is right
        assert due.value.seconds == expected
        assert len(scrypt_runs) == runs  # refused without running scrypt
        clock.now += expected
    assert len(scrypt_runs) == FREE_TRIES + 6


def test_the_right_pin_starts_the_count_again(tmp_path: Path) -> None:
    clock = Clock()
    store = PinStore(tmp_path, clock)
    store.set(PIN)
    wrong_guesses(store, FREE_TRIES + 1)
    clock.now += 1
    assert store.check(PIN)
    assert not store.guesses_path.exists()
    wrong_guesses(store, FREE_TRIES)  # the free tries are back
    assert store.wait_left() == 0


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_the_guesses_file_is_owner_only_next_to_the_pin_file(tmp_path: Path) -> None:
    store = PinStore(tmp_path / "results", Clock())
    store.set(PIN)
    wrong_guesses(store, 1)
    assert store.guesses_path == tmp_path / "results" / GUESSES_FILE
    assert stat.S_IMODE(store.guesses_path.stat().st_mode) == 0o600
    assert json.loads(store.guesses_path.read_text())["wrong"] == 1
    assert not [p for p in store.guesses_path.parent.iterdir() if p.name.endswith(".tmp")]


def test_setting_a_new_pin_starts_the_count_again(tmp_path: Path) -> None:
    clock = Clock()
    store = PinStore(tmp_path, clock)
    store.set(PIN)
    wrong_guesses(store, FREE_TRIES + 1)
    assert store.wait_left() > 0
    store.set("purple llama 42")
    assert store.wait_left() == 0 and not store.guesses_path.exists()


def test_guessing_in_parallel_gains_nothing(tmp_path: Path, scrypt_runs: list[int]) -> None:
    clock = Clock()
    PinStore(tmp_path, clock).set(PIN)
    scrypt_runs.clear()
    refused: list[PinWaitDue] = []

    def guess() -> None:
        try:
            PinStore(tmp_path, clock).check(WRONG)
        except PinWaitDue as due:
            refused.append(due)

    threads = [threading.Thread(target=guess) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # The free tries and one more (which starts the first wait); the rest are refused.
    assert len(scrypt_runs) == FREE_TRIES + 1 and len(refused) == 8 - FREE_TRIES - 1
    assert json.loads((tmp_path / GUESSES_FILE).read_text())["wrong"] == FREE_TRIES + 1


def test_a_clock_set_back_restarts_the_wait_from_then(tmp_path: Path) -> None:
    clock = Clock()
    store = PinStore(tmp_path, clock)
    store.set(PIN)
    for _ in range(FREE_TRIES + 7):  # then a 64 s wait
        clock.now += store.wait_left()
        wrong_guesses(store, 1)
    clock.now -= 3600
    with pytest.raises(PinWaitDue) as due:
        store.check(PIN)
    assert due.value.seconds == 64
    clock.now += 63
    with pytest.raises(PinWaitDue):
        store.check(PIN)
    clock.now += 1
    assert store.check(PIN)


def test_the_session_shares_the_wait_and_says_it(tmp_path: Path, class_dir: Path) -> None:
    results = class_dir / "results"
    store = PinStore(results)  # the real clock, as the CLI has
    store.set(PIN)
    session = ClassSession.open(class_dir, results)
    assert teacher_access(session).wait() == ""
    for _ in range(FREE_TRIES):
        answer = teacher_access(session).check(WRONG)
        assert answer.outcome == "wrong" and answer.message == "That PIN is not right. Try again."
    answer = teacher_access(session).check(WRONG)
    assert answer.outcome == "wrong"
    assert answer.message == "That PIN is not right. Too many wrong PINs. Try again in 1 second."
    assert PinStore(results).wait_left() > 0  # the CLI sees the app's wrong PINs
    answer = teacher_access(session).check(PIN)
    assert answer.outcome == "wait" and answer.message.startswith("Too many wrong PINs.")
    assert teacher_access(session).wait().startswith("Too many wrong PINs. Try again in")


# -- old PINs and weak PIN files -------------------------------------------------------------


def test_an_old_four_digit_pin_still_opens_but_cannot_be_set_again(
    capsys: pytest.CaptureFixture[str], class_dir: Path
) -> None:
    save_finished_conference(class_dir)
    (class_dir / "results" / PIN_FILE).write_text(json.dumps(legacy_record("2468")))
    assert verify_pin("2468", legacy_record("2468"))
    code, out, _ = run(capsys, "export", class_dir, "--format", "json", "--pin", "2468")
    assert code == 0 and json.loads(out)["conferences"]
    code, _, err = run(capsys, "set-pin", class_dir, "--pin", "1357", "--old-pin", "2468")
    assert code == 1 and "at least 6 digits" in err
    code, _, _ = run(capsys, "set-pin", class_dir, "--pin", "135792", "--old-pin", "2468")
    assert code == 0 and PinStore(class_dir / "results").check("135792")


WEAK = [
    pytest.param({"n": 2**10}, "n=1024 (slc writes 16384)", id="small-n"),
    pytest.param({"r": 1}, "r=1 (slc writes 8)", id="small-r"),
    pytest.param({"salt": b"s" * 8}, "salt bytes=8 (slc writes 16)", id="short-salt"),
    pytest.param({"key": 16}, "hash bytes=16 (slc writes 32)", id="short-hash"),
]


@pytest.mark.parametrize(("weakened", "named"), WEAK)
def test_a_pin_record_weaker_than_slc_writes_is_refused(
    weakened: dict[str, Any], named: str, scrypt_runs: list[int]
) -> None:
    record = legacy_record(PIN, **weakened)  # the right PIN's hash, just cheap to guess
    with pytest.raises(PinRecordInvalid, match="weaker than slc writes") as refused:
        verify_pin(PIN, record)
    assert named in str(refused.value)
    assert scrypt_runs == []
    assert verify_pin(PIN, legacy_record(PIN, n=2**15))  # stronger is fine


@pytest.mark.parametrize(("weakened", "named"), WEAK[:1])
def test_a_weak_pin_file_is_refused_by_name_in_the_cli_and_can_be_replaced(
    capsys: pytest.CaptureFixture[str], class_dir: Path, weakened: dict[str, Any], named: str
) -> None:
    save_finished_conference(class_dir)
    pin_file = class_dir / "results" / PIN_FILE
    pin_file.write_text(json.dumps(legacy_record(PIN, **weakened)))
    code, out, err = run(capsys, "export", class_dir, "--format", "json", "--pin", PIN)
    assert code == 1 and out == ""
    assert f"{pin_file}: PIN hash settings weaker than slc writes" in err
    assert named in err and "set a new PIN with: slc set-pin" in err
    session = ClassSession.open(class_dir, class_dir / "results")
    answer = teacher_access(session).check(PIN)
    assert answer.outcome == "damaged" and str(pin_file) in answer.message
    code, _, err = run(capsys, "set-pin", class_dir, "--pin", "purple llama 42", "--old-pin", "x")
    assert code == 0 and "replacing it" in err
    assert PinStore(class_dir / "results").check("purple llama 42")


# -- the CLI ---------------------------------------------------------------------------------


def test_the_cli_says_a_wait_has_started(
    capsys: pytest.CaptureFixture[str], class_dir: Path
) -> None:
    save_finished_conference(class_dir)
    assert run(capsys, "set-pin", class_dir, "--pin", PIN)[0] == 0
    for _ in range(FREE_TRIES):
        code, _, err = run(capsys, "export", class_dir, "--format", "csv", "--pin", WRONG)
        assert code == 1 and err == "slc: wrong teacher PIN\n"
    code, _, err = run(capsys, "forget", class_dir, "maya", "--pin", WRONG)
    assert code == 1
    assert err == "slc: wrong teacher PIN. Too many wrong PINs. Try again in 1 second.\n"


def wrong_until_now(results: Path, wrong: int) -> PinStore:
    """``wrong`` wrong PINs in a row, each after the wait before it, the last one just now
    (on the real clock, as the CLI and the app use): the wait after it has just begun."""
    clock = Clock(time.time() - 10_000)
    store = PinStore(results, clock)
    for _ in range(wrong - 1):
        clock.now += store.wait_left()
        wrong_guesses(store, 1)
    clock.now = time.time()
    wrong_guesses(store, 1)
    return PinStore(results)


def test_the_cli_refuses_unchecked_while_a_wait_is_due_and_exits_1(
    capsys: pytest.CaptureFixture[str], class_dir: Path, scrypt_runs: list[int]
) -> None:
    save_finished_conference(class_dir)
    assert run(capsys, "set-pin", class_dir, "--pin", PIN)[0] == 0
    pin_file = (class_dir / "results" / PIN_FILE).read_bytes()
    assert wrong_until_now(class_dir / "results", FREE_TRIES + 7).wait_left() > 60  # 64 s
    scrypt_runs.clear()
    for argv in (
        ("export", class_dir, "--format", "json", "--pin", PIN),
        ("forget", class_dir, "maya", "--pin", PIN),
        ("set-pin", class_dir, "--pin", "purple llama 42", "--old-pin", PIN),
    ):
        code, out, err = run(capsys, *argv)
        assert code == 1 and out == ""
        assert err == "slc: Too many wrong PINs. Try again in 2 minutes.\n"
    assert scrypt_runs == []  # refused without even running scrypt
    assert (class_dir / "results" / "maya.json").exists()
    assert (class_dir / "results" / PIN_FILE).read_bytes() == pin_file  # set-pin changed nothing


def test_a_new_process_still_waits(class_dir: Path, slc_data_dir: Path) -> None:
    PinStore(class_dir / "results").set(PIN)
    wrong_until_now(class_dir / "results", FREE_TRIES + 8)  # 128 s
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "slc_tui",
            "export",
            str(class_dir),
            "--format",
            "csv",
            "--pin",
            PIN,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "SLC_DATA_DIR": str(slc_data_dir)},
    )
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == "slc: Too many wrong PINs. Try again in 3 minutes.\n"


def test_a_damaged_guesses_file_in_the_cli_is_named(
    capsys: pytest.CaptureFixture[str], class_dir: Path
) -> None:
    assert run(capsys, "set-pin", class_dir, "--pin", PIN)[0] == 0
    (class_dir / "results" / GUESSES_FILE).write_text("{")
    code, _, err = run(capsys, "export", class_dir, "--format", "csv", "--pin", PIN)
    assert code == 1
    assert err == (
        f"slc: {GUESSES_FILE} could not be read, so slc waits as after many wrong PINs. "
        "Try again in 15 minutes.\n"
    )


def test_a_prompt_asks_again_until_the_new_pin_is_strong_enough(
    capsys: pytest.CaptureFixture[str], class_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter(["2468", "111111", "purple llama 42", "purple llama 42"])
    monkeypatch.setattr("slc_tui.cli._ask", lambda prompt: next(answers))
    code, _, err = run(capsys, "set-pin", class_dir)
    assert code == 0
    assert "slc: a teacher PIN needs at least 6 digits" in err and "too easy" in err
    assert PinStore(class_dir / "results").check("purple llama 42")


def test_forgetting_a_student_called_teacher_keeps_the_pin_files(tmp_path: Path) -> None:
    store = PinStore(tmp_path, Clock())
    store.set(PIN)
    wrong_guesses(store, 1)
    (tmp_path / "teacher.json").write_text("{}")
    assert forget_student(tmp_path, "teacher") == [tmp_path / "teacher.json"]
    assert (tmp_path / PIN_FILE).exists() and (tmp_path / GUESSES_FILE).exists()


def test_hash_pin_writes_the_settings_it_demands() -> None:
    record = hash_pin(PIN)
    assert (record["n"], record["r"], len(bytes.fromhex(record["salt"]))) == (2**14, 8, 16)
    assert len(bytes.fromhex(record["hash"])) == 32


# -- every reader, on any input ----------------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(
    st.fixed_dictionaries(
        {"format": st.sampled_from(["slc-pin-guesses/1", "x"]), "wrong": JSON_VALUES}
    ).map(lambda d: {**d, "last": d["wrong"]})
    | JSON_VALUES
)
def test_any_guesses_record_reads_or_is_refused_as_damage(data: object) -> None:
    try:
        guesses = WrongGuesses.from_json(data)
    except ValueError:
        return
    assert guesses.wrong >= 0 and guesses.wait_left(guesses.last) <= LONGEST_WAIT


@settings(max_examples=150, deadline=None)
@given(JSON_VALUES)
def test_any_pin_record_is_used_or_refused_never_a_crash(record: object) -> None:
    wrapped = (
        {"format": "slc-pin/1", "kdf": "scrypt", **record} if isinstance(record, dict) else record
    )
    for candidate in (record, wrapped):
        with contextlib.suppress(PinRecordInvalid):
            teacher_pin.parse_pin_record(candidate)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_in_the_guesses_file_never_crash_a_check(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = PinStore(Path(folder), Clock())
        store.path.write_text(json.dumps(legacy_record(PIN)))
        store.guesses_path.write_bytes(data)
        with contextlib.suppress(PinWaitDue):
            assert store.check(WRONG) is False
