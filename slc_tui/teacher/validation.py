"""``slc validate``: every problem in a class folder or one portfolio, pictures included."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from slc_tui.core.class_folder import (
    PORTFOLIOS_DIR,
    StudentEntry,
    load_class_folder,
    load_portfolio_file,
    relative_name,
)
from slc_tui.core.i18n import nfill
from slc_tui.core.portfolio import Piece
from slc_tui.core.problems import Problem


def image_problems(entries: Sequence[StudentEntry], class_root: Path) -> list[list[Problem]]:
    """The problems of every picture of each of ``entries``, in piece order, one list per entry.

    Each picture is decoded as the app would decode it (small, several at once: see
    :func:`~slc_tui.media.safe_image.check_images`), so one the app could not show is named
    here: ``FILE: pieces[N].image: reason: PATH``, with the path as the portfolio wrote it.
    Pieces whose path was already refused while loading are not looked at again.
    """
    from slc_tui.teacher.pictures import picture_problem, picture_reasons

    pictures: list[tuple[int, Piece]] = [
        (number, piece)
        for number, entry in enumerate(entries)
        if entry.portfolio is not None
        for piece in entry.portfolio.pieces
        if piece.image_path is not None
    ]
    found: list[list[Problem]] = [[] for _ in entries]
    paths = [piece.image_path for _, piece in pictures if piece.image_path is not None]
    for (number, piece), reason in zip(pictures, picture_reasons(paths), strict=True):
        if reason:
            label = relative_name(entries[number].path, class_root)
            found[number].append(picture_problem(label, piece, reason))
    return found


def validate_path(path: Path) -> tuple[list[Problem], str]:
    """Problems in ``path`` (a class folder or one portfolio file) and what was checked.

    Raises FileNotFoundError when ``path`` does not exist.
    """
    if path.is_dir():
        folder = load_class_folder(path)
        problems = list(folder.problems)
        pictures = image_problems(folder.students, folder.root)
        for entry, picture_problems in zip(folder.students, pictures, strict=True):
            problems.extend(entry.problems)
            problems.extend(picture_problems)
        from slc_tui.teacher.schedule import schedule_problems

        problems.extend(schedule_problems(folder.root, {p.student.id for p in folder.portfolios}))
        count = len(folder.students)
        return problems, nfill(
            "{n} portfolio(s) in {path}", "{n} portfolio(s) in {path}", count, path=path
        )
    if path.is_file():
        parent = path.resolve().parent
        root = parent.parent if parent.name == PORTFOLIOS_DIR else parent
        entry = load_portfolio_file(path.resolve(), root)
        return [*entry.problems, *image_problems([entry], root)[0]], str(path)
    raise FileNotFoundError(path)
