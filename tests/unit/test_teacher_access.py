"""The teacher PIN (salted scrypt, never stored in clear) and the teacher-only commands."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest

from slc_tui.core.teacher_pin import PinRecordInvalid, hash_pin, new_pin_problem, verify_pin
from slc_tui.store.presence import ConferenceClaim
from slc_tui.store.teacher_access import PIN_FILE, PinStore, forget_student
from tests.unit.test_cli import run, save_finished_conference

pytestmark = pytest.mark.usefixtures("slc_data_dir")

PIN = "482913"


@pytest.mark.parametrize(
    "pin", ["482913", "40817263549", "9" * 5 + "0", "purple llama 42", "crème brûlée", "x" * 128]
)
def test_a_new_pin_is_6_digits_or_more_or_a_passphrase(pin: str) -> None:
    assert new_pin_problem(pin) is None
    assert verify_pin(pin, hash_pin(pin))


@pytest.mark.parametrize(
    ("pin", "says"),
    [
        ("", "empty"),
        ("1234", "at least 6 digits"),
        ("48291", "at least 6 digits"),
        ("111111", "too easy"),
        ("123456", "too easy"),
        ("987654", "too easy"),
        ("12a4", "at least 10 characters"),
        ("horse2025", "at least 10 characters"),
        ("١٢٣٤٥٦", "at least 10 characters"),  # Arabic-Indic digits are not 0-9
        (" purple llama", "start or end with a space"),
        ("purple\tllama42", "control characters"),
        ("x" * 129, "at most 128 characters"),
    ],
)
def test_a_weak_new_pin_is_refused_saying_what_is_wrong(pin: str, says: str) -> None:
    problem = new_pin_problem(pin)
    assert problem is not None and says in problem
    with pytest.raises(ValueError, match=says):
        hash_pin(pin)


def test_a_passphrase_matches_however_its_accents_were_typed() -> None:
    composed, decomposed = "crème brûlée", "cre\u0300me bru\u0302le\u0301e"
    assert composed != decomposed
    assert verify_pin(decomposed, hash_pin(composed))


def test_the_hash_is_salted_slow_and_checks_only_the_right_pin() -> None:
    first, second = hash_pin(PIN), hash_pin(PIN)
    assert first["kdf"] == "scrypt" and first["n"] >= 2**14
    assert first["salt"] != second["salt"] and first["hash"] != second["hash"]
    assert PIN not in json.dumps(first)
    assert verify_pin(PIN, first) and verify_pin(PIN, second)
    assert not verify_pin("482914", first)
    assert not verify_pin("not digits", first)
    assert not verify_pin("", first) and not verify_pin("4" * 129, first)
    with pytest.raises(ValueError):
        hash_pin("12")


@pytest.mark.parametrize(
    "damage",
    [
        None,
        [],
        {"format": "slc-pin/2"},
        {"format": "slc-pin/1", "kdf": "scrypt"},
        {
            "format": "slc-pin/1",
            "kdf": "md5",
            "n": 2,
            "r": 1,
            "p": 1,
            "salt": "00" * 16,
            "hash": "00" * 32,
        },
        {
            "format": "slc-pin/1",
            "kdf": "scrypt",
            "n": 2**30,
            "r": 8,
            "p": 1,
            "salt": "00" * 16,
            "hash": "00" * 32,
        },
        {
            "format": "slc-pin/1",
            "kdf": "scrypt",
            "n": 16384,
            "r": 8,
            "p": 1,
            "salt": "zz",
            "hash": "00" * 32,
        },
        {
            "format": "slc-pin/1",
            "kdf": "scrypt",
            "n": 3,
            "r": 8,
            "p": 1,
            "salt": "00" * 16,
            "hash": "00" * 32,
        },
    ],
)
def test_a_damaged_pin_record_is_named_not_accepted(damage: object) -> None:
    with pytest.raises(PinRecordInvalid):
        verify_pin(PIN, damage)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_the_pin_file_is_owner_only_and_holds_no_pin(tmp_path: Path) -> None:
    store = PinStore(tmp_path / "results")
    assert not store.is_set()
    path = store.set(PIN)
    assert path.name == PIN_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert PIN not in path.read_text()
    assert store.check(PIN) and not store.check("000000")
    path.write_text("{broken")
    with pytest.raises(PinRecordInvalid, match=PIN_FILE):
        store.check(PIN)


def test_new_class_with_a_pin(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "room12"
    code, out, _ = run(capsys, "new-class", folder, "--pin", PIN)
    assert code == 0
    assert "No teacher PIN" not in out
    assert PinStore(folder / "results").check(PIN)


def test_new_class_refuses_a_bad_pin_and_makes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "new-class", tmp_path / "room12", "--pin", "12")
    assert code == 1
    assert "at least 6 digits" in err
    assert not (tmp_path / "room12").exists()
    code, _, err = run(capsys, "new-class", tmp_path / "room12", "--pin", "123456")
    assert code == 1 and "too easy" in err
    assert not (tmp_path / "room12").exists()


def test_new_class_without_a_terminal_or_pin_says_how_to_set_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "new-class", tmp_path / "room12")
    assert code == 0
    assert "slc set-pin" in out
    assert not PinStore(tmp_path / "room12" / "results").is_set()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
@pytest.mark.parametrize("sample", [False, True])
def test_everything_new_class_makes_is_owner_only(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sample: bool
) -> None:
    folder = tmp_path / "a" / "b" / "room12"
    assert run(capsys, "new-class", folder, "--pin", PIN, *(["--sample"] if sample else []))[0] == 0
    made = [tmp_path / "a", tmp_path / "a" / "b", folder, *folder.rglob("*")]
    assert len(made) > 8
    for path in made:
        assert path.stat().st_mode & 0o077 == 0, path


def _class_with_pin(capsys: pytest.CaptureFixture[str], class_dir: Path) -> None:
    save_finished_conference(class_dir)
    assert run(capsys, "set-pin", class_dir, "--pin", PIN)[0] == 0


def test_export_needs_the_pin_when_one_is_set(
    capsys: pytest.CaptureFixture[str], class_dir: Path
) -> None:
    _class_with_pin(capsys, class_dir)
    code, out, err = run(capsys, "export", class_dir, "--format", "json")
    assert code == 1 and out == ""
    assert "needs the teacher PIN" in err  # no terminal to ask in (stdin is not a tty here)
    code, out, err = run(capsys, "export", class_dir, "--format", "json", "--pin", "111111")
    assert code == 1 and out == "" and "wrong teacher PIN" in err
    code, out, _ = run(capsys, "export", class_dir, "--format", "json", "--pin", PIN)
    assert code == 0 and json.loads(out)["conferences"]


def test_changing_the_pin_needs_the_old_one(
    capsys: pytest.CaptureFixture[str], class_dir: Path
) -> None:
    _class_with_pin(capsys, class_dir)
    new = "velvet otter 42"
    assert run(capsys, "set-pin", class_dir, "--pin", new)[0] == 1
    assert run(capsys, "set-pin", class_dir, "--pin", new, "--old-pin", "000000")[0] == 1
    assert run(capsys, "set-pin", class_dir, "--pin", new, "--old-pin", PIN)[0] == 0
    assert PinStore(class_dir / "results").check(new)


def test_a_damaged_pin_file_can_be_replaced(
    capsys: pytest.CaptureFixture[str], class_dir: Path
) -> None:
    _class_with_pin(capsys, class_dir)
    (class_dir / "results" / PIN_FILE).write_text("garbage")
    code, _, err = run(capsys, "export", class_dir, "--format", "csv", "--pin", PIN)
    assert code == 1 and "slc set-pin" in err
    code, _, err = run(capsys, "set-pin", class_dir, "--pin", "707172", "--old-pin", "x")
    assert code == 0 and "replacing it" in err


def test_forget_deletes_that_student_only(
    capsys: pytest.CaptureFixture[str], class_dir: Path
) -> None:
    _class_with_pin(capsys, class_dir)
    results = class_dir / "results"
    keep = [
        results / "maya-2.json",
        results / "take-home" / "maya-2-2026-11-22.txt",
        results / "take-home" / "maya-2-2026-11-22.pdf",
        results / "take-home" / "maya-notes.txt",
    ]
    gone = [
        results / "maya.json.bak",
        results / "maya.damaged-20261122-101010.json",
        results / "take-home" / "maya-2026-11-22.txt",
        results / "take-home" / "maya-2026-11-22.pdf",  # every take-home format
        results / "take-home" / "maya-conference.html",
    ]
    for path in [*keep, *gone]:
        path.parent.mkdir(exist_ok=True)
        path.write_text("{}")
    assert run(capsys, "forget", class_dir, "maya")[0] == 1  # no PIN: nothing happens
    assert run(capsys, "forget", class_dir, "maya", "--pin", "000000")[0] == 1
    assert (results / "maya.json").exists()
    code, _out, err = run(capsys, "forget", class_dir, "maya", "--pin", PIN)
    assert code == 0
    assert "Forgot maya: 6 file(s) deleted." in err
    assert not (results / "maya.json").exists()
    assert not any(path.exists() for path in gone)
    assert all(path.exists() for path in keep)
    assert (results / PIN_FILE).exists()


def test_forget_needs_a_pin_set_and_a_closed_conference(
    capsys: pytest.CaptureFixture[str], class_dir: Path
) -> None:
    save_finished_conference(class_dir)
    code, _, err = run(capsys, "forget", class_dir, "maya", "--pin", PIN)
    assert code == 1 and "slc set-pin" in err
    assert run(capsys, "set-pin", class_dir, "--pin", PIN)[0] == 0
    claim = ConferenceClaim(class_dir / "results", "maya")
    assert claim.acquire() is None
    code, _, err = run(capsys, "forget", class_dir, "maya", "--pin", PIN)
    claim.release()
    assert code == 1 and "open in another window" in err
    assert (class_dir / "results" / "maya.json").exists()
    assert run(capsys, "forget", class_dir, "../x", "--pin", PIN)[0] == 1


def test_forget_student_refuses_unsafe_ids(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        forget_student(tmp_path, "*")
    assert forget_student(tmp_path, "nobody") == []
    assert os.listdir(tmp_path) == []


def test_an_infinite_cost_in_the_pin_file_is_damage_not_a_crash(tmp_path: Path) -> None:
    store = PinStore(tmp_path)
    record = hash_pin(PIN)
    store.path.write_text(json.dumps({**record, "n": float("inf")}))  # json writes Infinity
    with pytest.raises(PinRecordInvalid):
        store.check(PIN)
