"""One portfolio open in the teacher's editor: its draft, its saves, its new pictures.

The editor changes a :class:`~slc_tui.core.portfolio_document.PortfolioDocument` in memory
(on the UI thread); :class:`PortfolioEdit` is a :class:`~slc_tui.teacher.file_edits.FileEdit`
(snapshots kept as the draft in a thread, a copy saved in a thread, the draft dropped once
saved), which also checks the portfolio as ``slc validate`` would, saves it (atomically,
pictures decoded: :func:`~slc_tui.teacher.portfolios.save_portfolio`) and copies pictures
in for it. A draft of a file that changed on disk since it began is saved only when the
teacher says to replace those changes (the save raises ChangedOnDisk first).
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from slc_tui.core.i18n import N_, _
from slc_tui.core.json_document import Refused, document_text
from slc_tui.core.portfolio_document import PortfolioDocument
from slc_tui.core.problems import Problem, ProblemList
from slc_tui.core.steps import STEP_IDS
from slc_tui.teacher.drafts import Draft
from slc_tui.teacher.file_edits import FileEdit
from slc_tui.teacher.open_conferences import OpenElsewhere, conference_open
from slc_tui.teacher.portfolios import (
    BroughtPicture,
    bring_picture,
    open_portfolio,
    save_portfolio,
)

__all__ = ["EditorOpening", "PortfolioEdit", "open_for_editing", "shape_problems"]


def shape_problems(document: PortfolioDocument) -> list[Problem]:
    """What in ``document`` the editor cannot change without losing something the file
    holds (a list where an object belongs, a number among the strengths…), by field.
    Missing parts are fine: the editor adds them when something is typed."""
    problems = ProblemList(document.label)
    data = document.data
    an_object = N_("must be an object: mend the file by hand to edit it here")
    a_list = N_("must be a list: mend the file by hand to edit it here")
    kinds: dict[str, tuple[type, str]] = {
        "student": (dict, an_object),
        "pieces": (list, a_list),
        "goals": (list, a_list),
        "chosen": (list, a_list),
        "strengths": (list, a_list),
        "next_steps": (list, a_list),
        "prompts": (dict, an_object),
    }
    for key, (kind, message) in kinds.items():
        value = data.get(key)
        if value is not None and not isinstance(value, kind):
            problems.error(key, _(message))
    for key in ("pieces", "goals"):
        for index, item in enumerate(_list(data, key)):
            if not isinstance(item, dict):
                problems.error(f"{key}[{index}]", _("must be an object: mend the file by hand"))
    for key in ("chosen", "strengths", "next_steps"):
        for index, item in enumerate(_list(data, key)):
            if not isinstance(item, str):
                problems.error(f"{key}[{index}]", _("must be text: mend the file by hand"))
    prompts = data.get("prompts")
    if isinstance(prompts, dict):
        for step in STEP_IDS:
            texts = prompts.get(step)
            if texts is not None and not (
                isinstance(texts, list) and all(isinstance(t, str) for t in texts)
            ):
                problems.error(f"prompts.{step}", _("must be a list of text: mend it by hand"))
    return list(problems)


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    return value if isinstance(value, list) else []


class PortfolioEdit(FileEdit[PortfolioDocument]):
    """A portfolio being edited: the document and its draft (see
    :class:`~slc_tui.teacher.file_edits.FileEdit`), and the pictures brought in for it."""

    def __init__(self, class_dir: Path, results_dir: Path, document: PortfolioDocument) -> None:
        if document.path is None:
            raise ValueError("the document has no path")
        super().__init__(document, results_dir)
        self.class_dir = class_dir
        self.results_dir = results_dir
        self.student_id = document.path.stem
        self.brought: list[BroughtPicture] = []
        self._pictures_lock = threading.Lock()

    def resume(self, draft: Draft) -> None:
        """Carry on with ``draft``'s changes (Refused when its text is no portfolio).

        When the file changed on disk since the draft began, the next save asks before
        replacing those changes (ChangedOnDisk).
        """
        if not self.take_draft(draft):
            raise Refused([Problem(self.file, "", _("the kept changes cannot be read back"))])

    # -- in a thread ---------------------------------------------------------------------------

    def save(
        self, copy_to_save: PortfolioDocument, *, replace_changes: bool = False
    ) -> list[Problem]:
        """Check and write ``copy_to_save`` (from :meth:`copy_to_save`); returns its
        warnings. Raises Refused (by field), ChangedOnDisk or OSError, and nothing is
        written then."""
        return list(save_portfolio(self.class_dir, copy_to_save, replace_changes=replace_changes))

    def problems(self, copy_to_check: PortfolioDocument) -> list[Problem]:
        """The errors ``slc validate`` would find in ``copy_to_check`` (pictures are
        decoded only when saving), by field."""
        return [p for p in copy_to_check.check(self.class_dir).problems if p.is_error]

    def bring_picture(self, source: str | Path) -> BroughtPicture:
        """``source`` made ready for a piece (copied into the class folder when outside it:
        see :func:`~slc_tui.teacher.portfolios.bring_picture`)."""
        brought = bring_picture(self.class_dir, self.student_id, source)
        if brought.copied:
            with self._pictures_lock:
                self.brought.append(brought)
        return brought

    def discard(self) -> list[Path]:
        """Throw the changes away: drop the draft and delete the pictures copied in for
        them that the file as saved does not use; returns the pictures deleted."""
        self.drop_draft()
        with self._pictures_lock:
            brought, self.brought = self.brought, []
        used = _images(self.document.base_text)
        deleted = []
        for picture in brought:
            if picture.image not in used:
                try:
                    picture.stored.unlink()
                except FileNotFoundError:
                    pass
                else:
                    deleted.append(picture.stored)
        return deleted


def _images(text: str | None) -> set[str]:
    try:
        data = json.loads(text or "{}")
    except ValueError:
        return set()
    pieces = data.get("pieces") if isinstance(data, dict) else None
    if not isinstance(pieces, list):
        return set()
    return {p["image"] for p in pieces if isinstance(p, dict) and isinstance(p.get("image"), str)}


def _draft_data(draft: Draft, label: str) -> dict[str, Any]:
    try:
        data = json.loads(draft.text)
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise Refused([Problem(label, "", _("the kept changes cannot be read back"))])
    return data


@dataclass(frozen=True)
class EditorOpening:
    """A portfolio opened for editing, with the draft to offer back (None when there is
    none) and where the child's conference is open now (None when nowhere)."""

    edit: PortfolioEdit
    draft: Draft | None
    open_elsewhere: OpenElsewhere | None

    def draft_time(self, today: date) -> str:
        """When the draft was last kept: ``HH:MM``, with the date when it is not ``today``."""
        written = self.draft.written if self.draft else ""
        try:
            moment = datetime.fromisoformat(written)
        except ValueError:
            return written
        if moment.date() == today:
            return moment.strftime("%H:%M")
        return moment.strftime("%Y-%m-%d %H:%M")


def open_for_editing(class_dir: Path, results_dir: Path, student_id: str) -> EditorOpening:
    """Open ``student_id``'s portfolio for the editor (read in a thread).

    Refused when it cannot be read, or holds something the editor would lose (see
    :func:`shape_problems`). A draft whose text is the file's own is dropped, and one that
    cannot be read back is not offered.
    """
    document = open_portfolio(class_dir, student_id)
    problems = shape_problems(document)
    if problems:
        raise Refused(problems)
    edit = PortfolioEdit(class_dir, results_dir, document)
    draft = edit.draft()
    if draft is not None:
        try:
            same = document_text(_draft_data(draft, document.label)) == document.base_text
        except Refused:  # not a portfolio: nothing to offer (the next change replaces it)
            draft = None
        else:
            if same:
                edit.drafts.drop(document.label)
                draft = None
    return EditorOpening(edit, draft, conference_open(results_dir, student_id))
