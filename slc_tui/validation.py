"""``slc validate``: every problem in a class folder or one portfolio, pictures included."""

from __future__ import annotations

from pathlib import Path

from slc_tui.core.class_folder import (
    PORTFOLIOS_DIR,
    StudentEntry,
    load_class_folder,
    load_portfolio_file,
    relative_name,
)
from slc_tui.core.problems import Problem


def image_problems(entry: StudentEntry, class_root: Path) -> list[Problem]:
    """Open the header of every picture of ``entry`` (no decoding) and name the bad ones."""
    from slc_tui.media.safe_image import ImageProblem, check_image

    if entry.portfolio is None:
        return []
    found = []
    for piece in entry.portfolio.pieces:
        if piece.image_path is None:
            continue
        try:
            check_image(piece.image_path)
        except ImageProblem as problem:
            found.append(
                Problem(
                    relative_name(entry.path, class_root),
                    f"pieces[{piece.index}].image",
                    f"{problem.reason}: {piece.image}",
                )
            )
    return found


def validate_path(path: Path) -> tuple[list[Problem], str]:
    """Problems in ``path`` (a class folder or one portfolio file) and what was checked.

    Raises FileNotFoundError when ``path`` does not exist.
    """
    if path.is_dir():
        folder = load_class_folder(path)
        problems = list(folder.problems)
        for entry in folder.students:
            problems.extend(entry.problems)
            problems.extend(image_problems(entry, folder.root))
        return problems, f"{len(folder.students)} portfolio(s) in {path}"
    if path.is_file():
        parent = path.resolve().parent
        root = parent.parent if parent.name == PORTFOLIOS_DIR else parent
        entry = load_portfolio_file(path.resolve(), root)
        return [*entry.problems, *image_problems(entry, root)], str(path)
    raise FileNotFoundError(path)
