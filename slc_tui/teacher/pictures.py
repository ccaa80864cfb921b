"""Pictures a teacher adds: checked as the app would show them, copied into the class folder."""

from __future__ import annotations

import os
import re
import threading
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from slc_tui.core.i18n import fill, number_text
from slc_tui.core.portfolio import Piece, Portfolio
from slc_tui.core.problems import Problem
from slc_tui.core.text import printable
from slc_tui.media.safe_image import MAX_FILE_BYTES, check_images
from slc_tui.store.fileops import FileIdentity, file_identity, write_bytes_atomically
from slc_tui.store.private_paths import make_private_dir

#: Pictures checked this many times are remembered (by file identity) so a save is quick.
_REMEMBERED = 4096
_checked: dict[tuple[str, FileIdentity], str] = {}
_checked_lock = threading.Lock()
#: Characters a picture's new name may not hold: ``\`` would read as a folder, controls vanish.
_UNSAFE_NAME = re.compile(r"[\\\x00-\x1f\x7f-\x9f]")


def picture_reasons(paths: Sequence[Path]) -> list[str]:
    """Why each picture could not be shown by the app ("" when it can), in order.

    Pictures are decoded as ``slc validate`` decodes them; one already checked and not
    changed since (same file, size and time) is not decoded again.
    """
    keys: list[tuple[str, FileIdentity] | None] = []
    for path in paths:
        try:
            keys.append((os.fspath(path), file_identity(path.stat())))
        except (OSError, ValueError):
            keys.append(None)
    with _checked_lock:
        known = {key: _checked[key] for key in keys if key is not None and key in _checked}
    unknown = [path for path, key in zip(paths, keys, strict=True) if key not in known]
    found = iter(check_images(unknown))
    reasons: list[str] = []
    for key in keys:
        if key is not None and key in known:
            reasons.append(known[key])
            continue
        problem = next(found)
        reason = problem.reason if problem is not None else ""
        reasons.append(reason)
        if key is not None:
            with _checked_lock:
                if len(_checked) >= _REMEMBERED:
                    _checked.clear()
                _checked[key] = reason
    return reasons


def picture_problem(label: str, piece: Piece, reason: str) -> Problem:
    """``FILE: pieces[N].image: reason: PATH``, the path as the portfolio wrote it."""
    shown = printable(piece.image, max_length=100)
    return Problem(label, f"pieces[{piece.index}].image", f"{reason}: {shown}")


def portfolio_picture_problems(portfolio: Portfolio, label: str) -> list[Problem]:
    """The problems of ``portfolio``'s pictures, as ``slc validate`` names them."""
    pieces = [piece for piece in portfolio.pieces if piece.image_path is not None]
    paths = [piece.image_path for piece in pieces if piece.image_path is not None]
    return [
        picture_problem(label, piece, reason)
        for piece, reason in zip(pieces, picture_reasons(paths), strict=True)
        if reason
    ]


def picture_name(source: Path) -> str:
    """The name a copy of ``source`` gets: its own, NFC, without ``\\`` or control characters
    (the portfolio reader would read those differently)."""
    name = unicodedata.normalize("NFC", source.name)
    return _UNSAFE_NAME.sub("_", name) or "picture"


def copy_picture(source: Path, folder: Path) -> Path:
    """Copy ``source`` into ``folder`` under its own name (``-2``, ``-3``… when taken).

    The copy is written atomically as a new file, so nothing already there is replaced.
    Raises OSError (ValueError for a file over the picture size limit) when it cannot.
    """
    data = _read_picture(source)
    make_private_dir(folder)
    name = picture_name(source)
    stem, dot, suffix = name.rpartition(".")
    if not stem:
        stem, dot, suffix = name, "", ""
    for number in range(1, 10_000):
        candidate = folder / (name if number == 1 else f"{stem}-{number}{dot}{suffix}")
        try:
            write_bytes_atomically(candidate, data, overwrite=False)
        except FileExistsError:
            continue
        return candidate
    raise FileExistsError(fill("no free name for {name} in {folder}", name=name, folder=folder))


def _read_picture(source: Path) -> bytes:
    with source.open("rb") as handle:
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        limit = number_text(MAX_FILE_BYTES)
        raise ValueError(fill("{path} is larger than {limit} bytes", path=source, limit=limit))
    return data


#: Endings of the picture files the app can show (for file browsers: the pictures are
#: still decoded before they are used).
PICTURE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp"})


def looks_like_picture(path: Path) -> bool:
    """True when ``path``'s name ends like a picture the app can show."""
    return path.suffix.lower() in PICTURE_SUFFIXES
