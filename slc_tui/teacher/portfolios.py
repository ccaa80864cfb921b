"""Students and their portfolios, as a teacher edits them (``slc add-work``, the editor).

Every save is checked as ``slc validate`` checks the file, pictures decoded included, and
written atomically; a refused save raises :class:`~slc_tui.core.json_document.Refused`
naming the file and field, and writes nothing.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from slc_tui.core.class_folder import PORTFOLIOS_DIR
from slc_tui.core.fields import is_valid_id
from slc_tui.core.i18n import _, fill
from slc_tui.core.ids import slug, unique_id
from slc_tui.core.json_document import Refused
from slc_tui.core.portfolio_document import PortfolioDocument
from slc_tui.core.problems import Problem
from slc_tui.core.text import MAX_LINE_LENGTH, clean_line, printable
from slc_tui.teacher.pasted_paths import clean_pasted_path
from slc_tui.teacher.pictures import copy_picture, picture_reasons, portfolio_picture_problems
from slc_tui.teacher.saving import open_document, save_checked

_WORD_BREAKS = re.compile(r"[\s_\-.]+")


def portfolio_path(class_dir: Path, student_id: str) -> Path:
    """Where the portfolio of ``student_id`` lives: ``CLASS/portfolios/ID.json``."""
    return class_dir / PORTFOLIOS_DIR / f"{student_id}.json"


def portfolio_label(student_id: str) -> str:
    """The portfolio's name in problems: ``portfolios/ID.json``."""
    return f"{PORTFOLIOS_DIR}/{student_id}.json"


def taken_student_ids(class_dir: Path) -> set[str]:
    """The ids that already have a portfolio file (whatever is inside it)."""
    try:
        return {path.stem for path in (class_dir / PORTFOLIOS_DIR).glob("*.json")}
    except OSError:
        return set()


def open_portfolio(class_dir: Path, student_id: str) -> PortfolioDocument:
    """The portfolio of ``student_id`` opened for editing (Refused when it cannot be read)."""
    label = portfolio_label(student_id)
    if not is_valid_id(student_id):
        raise Refused(
            [Problem(label, "", fill("{id} is not a student id", id=repr(student_id[:80])))]
        )
    path = portfolio_path(class_dir, student_id)
    if not path.exists():
        message = fill("file not found: no student {id} here", id=repr(student_id))
        raise Refused([Problem(label, "", message)])
    return open_document(PortfolioDocument, path, label)


def save_portfolio(
    class_dir: Path, document: PortfolioDocument, *, replace_changes: bool = False
) -> tuple[Problem, ...]:
    """Check ``document`` (pictures decoded) and write it; returns its warnings.

    Raises Refused (errors, by field), ChangedOnDisk (the file changed since it was read,
    unless ``replace_changes``) or OSError; nothing is written then.
    """
    checked = document.check(class_dir)
    if checked.ok and checked.value is not None:
        checked.problems.extend(portfolio_picture_problems(checked.value, document.label))
    return save_checked(document, checked, replace_changes=replace_changes)


def add_student(
    class_dir: Path, name: str, grade: str, student_id: str | None = None
) -> PortfolioDocument:
    """Make a new student's portfolio (no pieces yet) and return it, saved.

    Without ``student_id`` the id is made from the name, unique in the class. Refused when
    the name or grade is wrong, or the id already has a portfolio (it is never replaced).
    """
    taken = taken_student_ids(class_dir)
    made = student_id if student_id is not None else unique_id(slug(name), taken)
    label = portfolio_label(made)
    if student_id is not None and not is_valid_id(student_id):
        message = _("must be lowercase letters, digits, '-' or '_' (at most 64)")
        raise Refused([Problem(label, "student.id", message)])
    if made in taken:
        message = _("already exists: a student with this id is in the class")
        raise Refused([Problem(label, "", message)])
    path = portfolio_path(class_dir, made)
    document = PortfolioDocument.new(made, name, grade, label=label, path=path)
    save_portfolio(class_dir, document)
    return document


def rename_student(class_dir: Path, student_id: str, name: str) -> tuple[Problem, ...]:
    """Give ``student_id`` a new name (the id, and so their records, stay); returns warnings."""
    document = open_portfolio(class_dir, student_id)
    document.set_student(name=name)
    return save_portfolio(class_dir, document)


def title_from_file_name(name: str) -> str:
    """A piece's title from its picture's file name: ``my_best-drawing.png`` → ``My best
    drawing`` (``Picture`` when nothing is left)."""
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    words = clean_line(_WORD_BREAKS.sub(" ", stem), max_length=MAX_LINE_LENGTH).strip()
    return words[:1].upper() + words[1:] if words else _("Picture")


@dataclass(frozen=True)
class AddedPiece:
    """One piece :func:`add_work` added: its id, title, and the picture in the class folder."""

    piece_id: str
    title: str
    image: Path
    copied: bool


def add_work(
    class_dir: Path,
    student_id: str,
    image_paths: Sequence[str | Path],
    title: str | None = None,
    subject: str | None = None,
) -> list[AddedPiece]:
    """Add one piece per picture to a student's portfolio; all of them, or none.

    Paths may be as pasted or dragged (quotes, ``file://``, ``~``: see
    :func:`~slc_tui.teacher.pasted_paths.clean_pasted_path`). Each picture outside the class
    folder is copied to ``portfolios/ID/`` (its name kept; ``-2``… when taken), so the folder
    stays whole. The title is ``title`` (numbered from the second picture on) or made from the
    file name. Refused, with nothing added, when any file is not a picture the app can show
    (each named), or the portfolio would not pass ``slc validate``.
    """
    sources = [clean_pasted_path(os.fspath(path)) for path in image_paths]
    document = open_portfolio(class_dir, student_id)
    refused = [
        Problem(printable(os.fspath(source)), "", reason)
        for source, reason in zip(sources, picture_reasons(sources), strict=True)
        if reason
    ]
    if refused:
        raise Refused(refused)
    copies: list[Path] = []
    added: list[AddedPiece] = []
    try:
        for number, source in enumerate(sources, start=1):
            stored, inside = _store_picture(class_dir, student_id, source)
            if not inside:
                copies.append(stored)
            piece_title = _numbered(title, number) if title else title_from_file_name(source.name)
            fields = {"image": _image_value(class_dir, stored)}
            if subject:
                fields["subject"] = subject
            index = document.add_piece(piece_title, **fields)
            piece_id = document.data["pieces"][index]["id"]
            added.append(AddedPiece(piece_id, piece_title, stored, not inside))
        save_portfolio(class_dir, document)
    except BaseException:
        for copy in copies:
            copy.unlink(missing_ok=True)
        raise
    return added


def _numbered(title: str, number: int) -> str:
    return title if number == 1 else f"{title} ({number})"


@dataclass(frozen=True)
class BroughtPicture:
    """A picture made ready for a piece: ``image`` is the value for the piece's ``image``
    field, ``stored`` the file in the class folder (a copy when ``copied``)."""

    image: str
    stored: Path
    copied: bool
    title: str


def bring_picture(class_dir: Path, student_id: str, source: str | Path) -> BroughtPicture:
    """Make ``source`` (a path as typed, pasted or dragged) ready for a piece of
    ``student_id``'s, without changing the portfolio: checked as the app shows pictures,
    copied to ``portfolios/ID/`` when outside the class folder (its name kept; ``-2``…
    when taken). Refused, naming the file, when it is not a picture the app can show;
    OSError when it cannot be copied.
    """
    if not is_valid_id(student_id):
        raise ValueError(fill("{id} is not a student id", id=repr(student_id)))
    path = clean_pasted_path(os.fspath(source))
    (reason,) = picture_reasons([path])
    if reason:
        raise Refused([Problem(printable(os.fspath(path)), "", reason)])
    stored, inside = _store_picture(class_dir, student_id, path)
    image = _image_value(class_dir, stored)
    return BroughtPicture(image, stored, not inside, title_from_file_name(path.name))


def _store_picture(class_dir: Path, student_id: str, source: Path) -> tuple[Path, bool]:
    """The picture's file in the class folder, and whether it already was there."""
    resolved = source.resolve()
    if resolved.is_relative_to(class_dir.resolve()):
        return resolved, True
    return copy_picture(source, class_dir / PORTFOLIOS_DIR / student_id), False


def _image_value(class_dir: Path, stored: Path) -> str:
    """A piece's ``image`` for ``stored``: relative to the portfolios folder, with ``/``."""
    image = os.path.relpath(stored.resolve(), (class_dir / PORTFOLIOS_DIR).resolve())
    return Path(image).as_posix()
