"""Half-finished teacher edits, kept on disk as they are typed, so a crash, a closed lid or a
killed process loses nothing: the editor offers the draft back when the file is opened again.

A draft is the whole edited document's text, in ``RESULTS/teacher/drafts/`` (owner-only,
written atomically), beside the file's own text as it was when the edit began, so a draft
of a file that changed on disk since is told apart. Saving the file drops its draft.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from slc_tui.store.fileops import write_bytes_atomically
from slc_tui.store.private_paths import make_private_dir

__all__ = ["DRAFTS_DIR", "DRAFT_FORMAT", "Draft", "TeacherDrafts"]

#: Where drafts live, under the results folder (never mistaken for a student's results).
DRAFTS_DIR = Path("teacher") / "drafts"
DRAFT_FORMAT = "slc-draft/1"


@dataclass(frozen=True)
class Draft:
    """An edit not yet saved: ``text`` is the document as edited; ``based_on_changed`` is
    True when the file itself changed on disk since the edit began."""

    file: str
    text: str
    written: str
    based_on_changed: bool


def _digest(text: str | None) -> str:
    return hashlib.sha256((text or "").encode("utf-8", "surrogatepass")).hexdigest()


class TeacherDrafts:
    """The drafts of one class's files (``file`` names are relative to the class folder,
    e.g. ``portfolios/maya.json``)."""

    def __init__(self, results_dir: Path) -> None:
        self.folder = Path(results_dir) / DRAFTS_DIR

    def path_for(self, file: str) -> Path:
        """The draft file of ``file`` (one readable name, nothing outside the folder)."""
        safe = re.sub(r"[^A-Za-z0-9_.-]+", "--", file).strip(".-") or "file"
        return self.folder / f"{safe[:120]}-{_digest(file)[:8]}.json"

    def keep(self, file: str, text: str, original: str | None, now: datetime) -> Path:
        """Write the draft of ``file`` (``original``: its text when the edit began, None
        for a new file). OSError when it cannot be written."""
        document = {
            "format": DRAFT_FORMAT,
            "file": file,
            "written": now.isoformat(timespec="seconds"),
            "original_sha256": _digest(original),
            "text": text,
        }
        make_private_dir(self.folder)
        path = self.path_for(file)
        data = json.dumps(document, ensure_ascii=False).encode("utf-8", "surrogatepass")
        write_bytes_atomically(path, data)
        return path

    def find(self, file: str, current: str | None) -> Draft | None:
        """The draft of ``file``, if one is kept and readable (``current``: the file's text
        now, None if it is gone)."""
        try:
            document = json.loads(self.path_for(file).read_bytes())
        except (OSError, ValueError):
            return None
        if not isinstance(document, dict) or document.get("format") != DRAFT_FORMAT:
            return None
        text, written = document.get("text"), document.get("written")
        if document.get("file") != file or not isinstance(text, str):
            return None
        changed = document.get("original_sha256") != _digest(current)
        return Draft(file, text, str(written or ""), changed)

    def drop(self, file: str) -> None:
        """Forget the draft of ``file`` (it was saved, or the teacher threw it away)."""
        with contextlib.suppress(FileNotFoundError):
            self.path_for(file).unlink()
