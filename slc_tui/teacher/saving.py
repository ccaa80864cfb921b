"""Opening a class file for editing and saving it back: checked first, written atomically.

A save writes nothing unless the document reads back without errors, and never replaces a
file that changed on disk since the document was read (another window, another teacher)
unless asked to: both raise :class:`~slc_tui.core.json_document.Refused` naming the file
and the field.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal, TypeVar

from slc_tui.core.i18n import _
from slc_tui.core.json_document import Checked, JsonDocument, Refused, document_text
from slc_tui.core.json_files import read_json_file
from slc_tui.core.problems import Problem, ProblemList
from slc_tui.store.fileops import write_bytes_atomically
from slc_tui.store.private_paths import make_private_dir

D = TypeVar("D", bound=JsonDocument)


#: How a file changed on disk: changed by someone else, moved or deleted, or made meanwhile.
Change = Literal["changed", "gone", "exists"]


class ChangedOnDisk(Refused):
    """The file changed (or appeared, or went) since the document was read; nothing written.
    ``how`` says which (for a question in whole sentences)."""

    def __init__(self, problems: Iterable[Problem], how: Change = "changed") -> None:
        super().__init__(problems)
        self.how: Change = how


def open_document(kind: type[D], path: Path, label: str) -> D:
    """Read ``path`` as a document of ``kind``; Refused (naming ``label``) when it cannot be
    read or holds no JSON object. Mistakes inside the object do not stop it opening."""
    problems = ProblemList(label)
    data = read_json_file(path, problems)
    if problems.has_errors:
        raise Refused(problems)
    document = kind.from_data(data, problems, label=label, path=path)
    if document is None:
        raise Refused(problems)
    return document


def save_checked(
    document: JsonDocument, checked: Checked[Any], *, replace_changes: bool = False
) -> tuple[Problem, ...]:
    """Write ``checked.text`` (``document`` checked) to ``document.path``; returns the warnings.

    Raises Refused when the check found errors, ChangedOnDisk when the file is not what the
    document was read from (unless ``replace_changes``), or OSError when writing fails. A
    document never saved before is written as a new file: an existing one is never replaced.
    """
    if not checked.ok:
        raise Refused([problem for problem in checked.problems if problem.is_error])
    path = document.path
    if path is None:
        raise ValueError("the document has no path to save to")
    new_file = document.base_text is None
    if not new_file and not replace_changes:
        _refuse_if_changed(document, path)
    make_private_dir(path.parent)
    try:
        write_bytes_atomically(path, checked.text.encode("utf-8"), overwrite=not new_file)
    except FileExistsError:
        problem = Problem(document.label, "", _("already exists: not replaced"))
        raise ChangedOnDisk([problem], "exists") from None
    document.saved(checked.text)
    return tuple(checked.problems)


def _refuse_if_changed(document: JsonDocument, path: Path) -> None:
    problems = ProblemList(document.label)
    if not path.exists():
        problems.error("", _("was moved or deleted since it was opened"))
        raise ChangedOnDisk(problems, "gone")
    data = read_json_file(path, problems)
    if not isinstance(data, dict) or document_text(data) != document.base_text:
        raise ChangedOnDisk(
            [Problem(document.label, "", _("was changed by someone else since it was opened"))]
        )
