"""A class file open in a teacher's editor, its half-finished edit kept as a draft.

:class:`FileEdit` holds the document being edited and the class's
:class:`~slc_tui.teacher.drafts.TeacherDrafts`. The editor changes the document on its own
thread and, as the teacher types, takes a :meth:`~FileEdit.snapshot` there and writes it in
a worker (:meth:`~FileEdit.keep`: a snapshot older than one already written is not). A
draft left by an editor that never saved (a crash, a closed lid) is found by
:meth:`~FileEdit.draft` and carried on with by :meth:`~FileEdit.take_draft`. Saving works on
a copy (:meth:`~FileEdit.copy_to_save`, so the teacher can keep typing meanwhile);
:meth:`~FileEdit.saved` then drops the draft unless something was typed since.
"""

from __future__ import annotations

import copy
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Generic, TypeVar

from slc_tui.core.json_document import JsonDocument
from slc_tui.core.json_files import parse_json_text
from slc_tui.core.problems import ProblemList
from slc_tui.teacher.drafts import Draft, TeacherDrafts

D = TypeVar("D", bound=JsonDocument)

#: The text a document taken from a draft of an older file is "based on": no file holds
#: it, so saving asks before replacing whatever the file holds now.
_UNKNOWN_BASE = ""


@dataclass(frozen=True)
class Snapshot:
    """The edit as it stood at one moment: ``text`` None when it matched the file."""

    number: int
    text: str | None
    base: str | None


class FileEdit(Generic[D]):
    """``document`` (a class file, named by its label) being edited, with its drafts."""

    def __init__(self, document: D, results_dir: Path) -> None:
        self.document = document
        self.drafts = TeacherDrafts(results_dir)
        self._clean_text = document.to_text()  # the text as opened or last saved
        self._taken = 0  # snapshots taken
        self._kept = 0  # the newest snapshot written (or dropped)
        self._lock = threading.Lock()

    @property
    def file(self) -> str:
        """The file's name in the class folder (``prompts.json``), as drafts know it."""
        return self.document.label

    @property
    def changed(self) -> bool:
        """True when the document differs from the file as opened (or last saved)."""
        return self.document.to_text() != self._clean_text

    def draft(self) -> Draft | None:
        """The draft an earlier editor kept of this file and never saved, if any."""
        return self.drafts.find(self.file, self.document.base_text)

    def take_draft(self, draft: Draft) -> bool:
        """Carry on with ``draft``: the document now holds its text (False, and nothing
        changed, when that text is not a JSON object). A draft begun on an older version
        of the file is saved only after asking (the save raises ChangedOnDisk)."""
        problems = ProblemList(self.file)
        data = parse_json_text(draft.text, problems)
        if problems.has_errors or not isinstance(data, dict):
            return False
        self.document.data = data
        if draft.based_on_changed:
            self.document.base_text = _UNKNOWN_BASE
        return True

    def snapshot(self) -> Snapshot:
        """The edit as it stands, to keep as the draft (take it where the document is
        edited; write it anywhere with :meth:`keep`)."""
        self._taken += 1
        text = self.document.to_text()
        kept = None if text == self._clean_text else text
        return Snapshot(self._taken, kept, self.document.base_text or None)

    def keep(self, snapshot: Snapshot, now: datetime) -> Path | None:
        """Write ``snapshot`` as the file's draft (drop the draft when it matched the file),
        unless a newer one was written already; the draft's path, or None. OSError when it
        cannot be written."""
        with self._lock:
            if snapshot.number < self._kept:
                return None
            self._kept = snapshot.number
            if snapshot.text is None:
                self.drafts.drop(self.file)
                return None
            return self.drafts.keep(self.file, snapshot.text, snapshot.base, now)

    def keep_draft(self, now: datetime) -> Path | None:
        """:meth:`snapshot` and :meth:`keep` at once (where the document is edited)."""
        return self.keep(self.snapshot(), now)

    def drop_draft(self) -> None:
        """Forget the draft (the teacher threw the changes away, or saved them); a snapshot
        taken before is not written after this."""
        with self._lock:
            self._kept = self._taken + 1
            self.drafts.drop(self.file)

    def copy_to_save(self) -> D:
        """A copy of the document to save in a worker while editing goes on."""
        document = self.document
        return type(document)(
            copy.deepcopy(document.data),
            label=document.label,
            path=document.path,
            base_text=document.base_text,
        )

    def saved(self, copy_saved: D) -> None:
        """``copy_saved`` (from :meth:`copy_to_save`) was just written: the file now holds
        it. The draft is dropped unless the document was changed since."""
        self.document.base_text = copy_saved.base_text
        self._clean_text = copy_saved.to_text()
        if not self.changed:
            self.drop_draft()
