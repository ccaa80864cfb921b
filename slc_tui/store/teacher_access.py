"""The stored teacher PIN of a class, and forgetting a student (teacher-only actions).

The PIN's salted hash lives in ``RESULTS/teacher.pin`` (JSON, owner-only). The
name cannot be mistaken for a student's results file.
"""

from __future__ import annotations

import contextlib
import json
import re
from pathlib import Path

from slc_tui.core.fields import is_valid_id
from slc_tui.core.teacher_pin import PinRecordInvalid, hash_pin, verify_pin
from slc_tui.store.fileops import write_bytes_atomically
from slc_tui.store.private_paths import make_private_dir

__all__ = ["PIN_FILE", "PinStore", "forget_student"]

PIN_FILE = "teacher.pin"


class PinStore:
    """Reads, checks and sets the teacher PIN kept in one results folder."""

    def __init__(self, results_dir: Path) -> None:
        self.path = Path(results_dir) / PIN_FILE

    def is_set(self) -> bool:
        """True if a PIN file exists (even a damaged one: then nothing is unlocked)."""
        return self.path.exists()

    def check(self, pin: str) -> bool:
        """True if ``pin`` is the teacher PIN (PinRecordInvalid if the file is damaged)."""
        try:
            record = json.loads(self.path.read_bytes())
        except FileNotFoundError:
            return False
        except (OSError, ValueError, RecursionError) as error:
            raise PinRecordInvalid(f"{self.path.name} cannot be read ({error})") from None
        try:
            return verify_pin(pin, record)
        except PinRecordInvalid as error:
            raise PinRecordInvalid(f"{self.path.name}: {error}") from None

    def set(self, pin: str) -> Path:
        """Store the hash of a new PIN (ValueError if it breaks the PIN rule)."""
        record = hash_pin(pin)
        make_private_dir(self.path.parent)
        write_bytes_atomically(self.path, (json.dumps(record, indent=2) + "\n").encode())
        return self.path


def _student_files(results_dir: Path, student_id: str) -> list[Path]:
    """Every file the app keeps about ``student_id`` under ``results_dir``."""
    found: list[Path] = []
    # Ids cannot contain ".", so "<id>.*" is this student's files only (results, backups,
    # damaged copies). Lock files hold nothing about the student.
    found.extend(p for p in results_dir.glob(f"{student_id}.*") if p.is_file())
    take_home = re.compile(rf"{re.escape(student_id)}-(\d{{4}}-\d{{2}}-\d{{2}}|conference)\.txt")
    folder = results_dir / "take-home"
    if folder.is_dir():
        found.extend(p for p in folder.iterdir() if take_home.fullmatch(p.name) and p.is_file())
    return sorted(found)


def forget_student(results_dir: Path, student_id: str) -> list[Path]:
    """Delete every record, backup, damaged copy and take-home copy of ``student_id``.

    Returns the files deleted. ValueError for an unsafe id.
    """
    if not is_valid_id(student_id):
        raise ValueError(f"invalid student id: {student_id!r}")
    deleted = []
    for path in _student_files(Path(results_dir), student_id):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            deleted.append(path)
    return deleted
