"""The class's own files as a teacher edits them: ``prompts.json`` and ``class.json``.

Saved like portfolios (see :mod:`slc_tui.teacher.saving`): checked as ``slc validate`` reads
them, written atomically, never over a change made meanwhile.
"""

from __future__ import annotations

from pathlib import Path

from slc_tui.core.class_documents import ClassDocument, PromptsDocument
from slc_tui.core.class_folder import CLASS_FILE, PROMPTS_FILE
from slc_tui.core.problems import Problem
from slc_tui.teacher.saving import open_document, save_checked


def open_prompts(class_dir: Path) -> PromptsDocument:
    """The class's ``prompts.json`` opened for editing (a new, empty one when there is none)."""
    path = class_dir / PROMPTS_FILE
    if not path.exists():
        return PromptsDocument.new(label=PROMPTS_FILE, path=path)
    return open_document(PromptsDocument, path, PROMPTS_FILE)


def save_prompts(
    document: PromptsDocument, *, replace_changes: bool = False
) -> tuple[Problem, ...]:
    """Check and write ``prompts.json``; returns its warnings (Refused: nothing written)."""
    return save_checked(document, document.check(), replace_changes=replace_changes)


def open_class_settings(class_dir: Path) -> ClassDocument:
    """The class's ``class.json`` opened for editing (Refused when it cannot be read)."""
    return open_document(ClassDocument, class_dir / CLASS_FILE, CLASS_FILE)


def save_class_settings(
    document: ClassDocument, *, replace_changes: bool = False
) -> tuple[Problem, ...]:
    """Check and write ``class.json``; returns its warnings (Refused: nothing written)."""
    return save_checked(document, document.check(), replace_changes=replace_changes)
