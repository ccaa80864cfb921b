"""A class file open in a teacher's editor, its half-finished edit kept as a draft.

:class:`FileEdit` holds the document being edited and the class's
:class:`~slc_tui.teacher.drafts.TeacherDrafts`: :meth:`FileEdit.keep_draft` writes the edit
as it stands (the editor calls it as the teacher types), :meth:`FileEdit.draft` finds one
kept by an editor that never saved (a crash, a closed lid), and :meth:`FileEdit.take_draft`
carries on with it. Saving the file is the caller's (``class_files.save_*``); then
:meth:`FileEdit.saved` drops the draft.
"""

from __future__ import annotations

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


class FileEdit(Generic[D]):
    """``document`` (a class file, named by its label) being edited, with its drafts."""

    def __init__(self, document: D, results_dir: Path) -> None:
        self.document = document
        self.drafts = TeacherDrafts(results_dir)
        self._clean_text = document.to_text()  # the text as opened or last saved

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

    def keep_draft(self, now: datetime) -> Path | None:
        """Write the edit as it stands as the file's draft (or drop the draft when the
        document is back to the file's text); the draft's path, or None. OSError when it
        cannot be written."""
        if not self.changed:
            self.drafts.drop(self.file)
            return None
        base = self.document.base_text
        return self.drafts.keep(self.file, self.document.to_text(), base or None, now)

    def drop_draft(self) -> None:
        """Forget the draft (the teacher threw the changes away)."""
        self.drafts.drop(self.file)

    def saved(self) -> None:
        """The document was just saved: it is clean again and its draft is dropped."""
        self._clean_text = self.document.to_text()
        self.drafts.drop(self.file)
