"""Which families' private follow-ups the teacher has handled, kept with the class.

The marks live in ``RESULTS/teacher/follow-ups.json`` (owner-only, written atomically under
the inter-process lock ``RESULTS/teacher/.locks/follow-ups.json.lock``)::

    {"format": "slc-follow-ups/1",
     "done": {"<student_id>": {"record": "<conference record id>", "marked": "<ISO time>"}}}

A mark names the conference whose request was handled (its record id), so a later
conference of the same child leaves it as it was, and a *new* request made in a later
conference is open again until it is marked too. Results files are ``RESULTS/<id>.json``
at the top of the results folder only: nothing in the ``teacher/`` sub-folder is ever read
as one (the results store lists files, not folders).

A file whose content cannot be used raises :class:`FollowUpsUnreadable`, whose message
names it (a file that cannot be opened raises the ``OSError``). Marking over a damaged file
keeps it first as ``follow-ups.damaged-<when>.json`` beside it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from slc_tui.core.fields import is_valid_id
from slc_tui.store.fileops import keep_copy_under_new_name, write_bytes_atomically
from slc_tui.store.locking import named_file_lock
from slc_tui.store.private_paths import make_private_dir

__all__ = [
    "FOLLOW_UPS_FILE",
    "FOLLOW_UPS_FORMAT",
    "TEACHER_DIR",
    "FollowUpMarks",
    "FollowUpsUnreadable",
]

#: The teacher's own sub-folder of the results folder.
TEACHER_DIR = "teacher"
FOLLOW_UPS_FILE = "follow-ups.json"
FOLLOW_UPS_FORMAT = "slc-follow-ups/1"
#: A marks file larger than this is not read (a class has at most a few thousand marks).
MAX_FILE_BYTES = 4 * 1024 * 1024


class FollowUpsUnreadable(Exception):
    """The follow-up marks file holds something that is not marks; ``str()`` says which
    file and why."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


@dataclass(frozen=True)
class Mark:
    """One handled follow-up: the conference whose request it was, and when it was marked."""

    record_id: str
    marked: str


class FollowUpMarks:
    """The follow-up marks of one results folder (every call reads the file afresh)."""

    def __init__(self, results_dir: Path, clock: Callable[[], datetime] = datetime.now) -> None:
        self.folder = Path(results_dir) / TEACHER_DIR
        self.path = self.folder / FOLLOW_UPS_FILE
        self.clock = clock

    def read(self) -> dict[str, Mark]:
        """Every mark by student id (``{}`` when nothing was marked yet).

        Raises :class:`FollowUpsUnreadable` for a file that is not a marks file, ``OSError``
        for one that cannot be opened."""
        try:
            with open(self.path, "rb") as handle:
                raw = handle.read(MAX_FILE_BYTES + 1)
        except FileNotFoundError:
            return {}
        return _parse(self.path, raw)

    def mark_done(self, student_id: str, record_id: str) -> Path | None:
        """Mark the request made in conference ``record_id`` of ``student_id`` as handled.

        Returns where a damaged marks file was kept before it was replaced, else None."""
        if not record_id:
            raise ValueError("a follow-up mark needs the conference's record id")
        when = self.clock().isoformat(timespec="seconds")
        return self._change(student_id, Mark(record_id, when))

    def clear(self, student_id: str) -> Path | None:
        """Take ``student_id``'s mark away (undo, or forgetting the student): their request
        shows as open again. Returns where a damaged marks file was kept, else None."""
        return self._change(student_id, None)

    def _change(self, student_id: str, mark: Mark | None) -> Path | None:
        if not is_valid_id(student_id):
            raise ValueError(f"invalid student id: {student_id!r}")
        make_private_dir(self.folder)
        kept: Path | None = None
        with named_file_lock(self.folder, FOLLOW_UPS_FILE):
            try:
                marks = self.read()
            except FollowUpsUnreadable:
                stamp = self.clock().strftime("%Y%m%d-%H%M%S")
                kept = keep_copy_under_new_name(self.path, f"follow-ups.damaged-{stamp}")
                marks = {}
            if mark is None:
                if marks.pop(student_id, None) is None and kept is None:
                    return None  # nothing to take away: the file stays as it is
            else:
                marks[student_id] = mark
            write_bytes_atomically(self.path, _encode(marks))
        return kept


def _parse(path: Path, raw: bytes) -> dict[str, Mark]:
    """The marks in ``raw`` (the bytes of ``path``), checked."""
    if len(raw) > MAX_FILE_BYTES:
        raise FollowUpsUnreadable(path, f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise FollowUpsUnreadable(path, "not UTF-8 text") from None
    except (ValueError, RecursionError) as error:
        raise FollowUpsUnreadable(path, f"not valid JSON ({error})") from None
    if not isinstance(data, dict) or data.get("format") != FOLLOW_UPS_FORMAT:
        raise FollowUpsUnreadable(path, f'format: must be "{FOLLOW_UPS_FORMAT}"')
    done = data.get("done", {})
    if not isinstance(done, dict):
        raise FollowUpsUnreadable(path, "done: must be an object of student ids")
    marks: dict[str, Mark] = {}
    for student_id, entry in done.items():
        record_id = entry.get("record") if isinstance(entry, dict) else None
        if not is_valid_id(student_id) or not isinstance(record_id, str) or not record_id:
            raise FollowUpsUnreadable(path, f"done: {student_id!r}: not a follow-up mark")
        marked = entry.get("marked")
        marks[student_id] = Mark(record_id, marked if isinstance(marked, str) else "")
    return marks


def _encode(marks: dict[str, Mark]) -> bytes:
    done = {
        student_id: {"record": mark.record_id, "marked": mark.marked}
        for student_id, mark in sorted(marks.items())
    }
    document = {"format": FOLLOW_UPS_FORMAT, "done": done}
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
