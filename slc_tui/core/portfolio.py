"""The portfolio a student brings to the conference: the model and its loader."""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import field
from pathlib import Path, PurePosixPath
from typing import Any

from slc_tui.core.classinfo import language_code_problem
from slc_tui.core.fast_dataclass import fast_dataclass
from slc_tui.core.fields import (
    GRADES,
    is_valid_date,
    is_valid_id,
    join,
    read_document,
    read_list,
    read_object,
    read_text,
    read_text_list,
    shown,
    type_name,
    warn_unknown_keys,
)
from slc_tui.core.file_kinds import not_a_picture_file
from slc_tui.core.i18n import N_, _, fill
from slc_tui.core.problems import ProblemList
from slc_tui.core.text import MAX_LINE_LENGTH, printable, without_surrogates

PORTFOLIO_FORMAT = "slc-portfolio/1"
PIECE_NOTE_FIELDS = ("why_chosen", "what_i_did", "skills", "proud_of", "next_time")
#: How many pieces a child talks about.
PIECES_TO_CHOOSE = 3


@fast_dataclass
class Student:
    """Who the portfolio belongs to."""

    id: str
    name: str
    grade: str
    learner: str = ""
    #: The language the family reads (a code such as ``es``), or "" for the class's.
    family_language: str = ""

    @property
    def first_name(self) -> str:
        """The first word of the name, for friendly messages."""
        return self.name.split()[0] if self.name.split() else self.name


@fast_dataclass
class Piece:
    """One piece of work, with the child's own notes about it."""

    id: str
    title: str
    subject: str = ""
    date: str = ""
    image: str = ""
    image_path: Path | None = None
    image_problem: str = ""
    #: Position in the file's ``pieces`` list, for messages (``pieces[2].image``).
    index: int = 0
    why_chosen: str = ""
    what_i_did: str = ""
    skills: str = ""
    proud_of: str = ""
    next_time: str = ""

    def notes(self) -> list[tuple[str, str]]:
        """The child's talking points as (field name, text), empty ones left out."""
        return [(name, getattr(self, name)) for name in PIECE_NOTE_FIELDS if getattr(self, name)]


@fast_dataclass
class Goal:
    """A goal for next term and how the child will reach it."""

    goal: str
    how: str = ""
    by: str = ""


@fast_dataclass
class Portfolio:
    """A student's portfolio as loaded from ``portfolios/ID.json``."""

    student: Student
    pieces: tuple[Piece, ...]
    chosen: tuple[str, ...] = ()
    strengths: tuple[str, ...] = ()
    next_steps: tuple[str, ...] = ()
    goals: tuple[Goal, ...] = ()
    prompts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    source: Path | None = None

    def piece(self, piece_id: str) -> Piece:
        """The piece with ``piece_id`` (KeyError if unknown)."""
        for piece in self.pieces:
            if piece.id == piece_id:
                return piece
        raise KeyError(piece_id)

    @property
    def needs_choosing(self) -> bool:
        """True when the child must pick pieces (more than three, none pre-chosen)."""
        return len(self.pieces) > PIECES_TO_CHOOSE and not self.chosen

    @property
    def default_chosen(self) -> tuple[str, ...]:
        """The pieces to talk about before the child picks: pre-chosen, or all when few."""
        if self.chosen:
            return self.chosen
        if len(self.pieces) <= PIECES_TO_CHOOSE:
            return tuple(piece.id for piece in self.pieces)
        return ()


#: Whether :class:`RealPaths` may take its short way (POSIX only: elsewhere paths have drive
#: letters and links such as Windows junctions, which ``S_ISLNK`` does not report).
_SHORT_WAY = os.name == "posix"


class RealPaths:
    """A short way to the answer of :func:`resolve_image` for the usual picture, for one load.

    ``Path.resolve`` (``os.path.realpath``) looks at every part of a path with one ``lstat``,
    so checking the 4,000 pictures of a big class took some 45,000 system calls and as many
    ``pathlib`` objects. Here a folder's real path is worked out once, from its parent's
    (one ``lstat``: it must be a real folder, not a symlink), and a picture then costs one
    ``lstat`` of its own. The short way only ever answers "this regular file, inside the class
    folder, reached through no symlink at all"; for anything else (a symlink anywhere, ``..``,
    a missing file) it answers None and :func:`resolve_image` resolves the path in full, as it
    always has, so symlinks are followed and refused exactly as before.

    Use a new one for each load: what it remembers may be out of date once the load is over.
    """

    def __init__(self) -> None:
        self._folders: dict[str, str] = {}
        self._roots: dict[Path, str] = {}

    def picture(self, image: str, portfolio_dir: Path, class_root: Path) -> Path | None:
        """``portfolio_dir / image`` resolved, when it is a regular file inside ``class_root``
        and no part of its path is a symlink (nor ``..``); else None (resolve it in full)."""
        if not _SHORT_WAY:
            return None
        relative = image.replace("\\", "/")
        if relative.startswith("/") or image[1:2] == ":":
            return None
        parts = [part for part in relative.split("/") if part and part != "."]
        if not parts or ".." in parts:
            return None
        try:
            root = self._root(class_root)
            folder = self._folder(os.path.join(portfolio_dir, *parts[:-1]))
            if folder is None:
                return None
            real = os.path.join(folder, parts[-1])
            if not stat.S_ISREG(os.lstat(real).st_mode):  # a symlink, a folder, a FIFO...
                return None
        except (OSError, RuntimeError, ValueError):
            return None
        if real != root and not real.startswith(root if root.endswith(os.sep) else root + os.sep):
            return None
        return Path(real)

    def _root(self, class_root: Path) -> str:
        """``class_root.resolve()``, worked out once."""
        found = self._roots.get(class_root)
        if found is None:
            found = self._roots[class_root] = os.fspath(class_root.resolve())
        return found

    def _folder(self, path: str) -> str | None:
        """``os.path.realpath(path)`` for a folder reached through no symlink below the nearest
        folder already known (or the top); None when a part is not such a folder."""
        below: list[tuple[str, str]] = []  # (path, its last part), deepest first
        current = path
        real = self._folders.get(current)
        while real is None:
            parent, name = os.path.split(current)
            if name in ("", ".", "..") or parent == current:
                real = self._folders[current] = os.path.realpath(current)  # the top, in full
                break
            below.append((current, name))
            current = parent
            real = self._folders.get(current)
        for lexical, name in reversed(below):
            real = os.path.join(real, name)
            if not stat.S_ISDIR(os.lstat(real).st_mode):  # a symlink, or not a folder
                return None
            self._folders[lexical] = real
        return real


def resolve_image(
    image: str, portfolio_dir: Path, class_root: Path, paths: RealPaths | None = None
) -> tuple[Path | None, str]:
    """Resolve a portfolio's relative ``image`` path, refusing anything outside the class folder.

    Returns ``(path, "")`` or ``(None, reason)``; every reason ends with ``image`` as the
    portfolio wrote it (made printable). Never raises for a strange path (a NUL, a lone
    surrogate, a name too long for the file system). Symlinks are followed before the check;
    a folder, FIFO, device or socket is named as such (and never opened). ``paths``, shared by
    every picture of one load, makes the usual picture cheaper to check, never differently
    (see :class:`RealPaths`).
    """
    if not image:
        return None, ""
    if "\x00" in image or without_surrogates(image) != image:
        reason = _("is not a usable file name (it holds a NUL or a broken character)")
        return None, _named(reason, image)
    quick = (paths or RealPaths()).picture(image, portfolio_dir, class_root)
    if quick is not None:
        return quick, ""
    pure = PurePosixPath(image.replace("\\", "/"))
    if pure.is_absolute() or Path(image).is_absolute() or (len(image) > 1 and image[1] == ":"):
        return None, _named(
            _("must be a path relative to the portfolio file, not an absolute path"), image
        )
    candidate = portfolio_dir / Path(*pure.parts)
    try:
        resolved = candidate.resolve()
        root = class_root.resolve()
    except (OSError, RuntimeError, ValueError):
        return None, _named(_("cannot be resolved (a symlink loop?)"), image)
    if not resolved.is_relative_to(root):
        return None, _named(
            _("leaves the class folder (paths with '..' or symlinks pointing out are refused)"),
            image,
        )
    try:
        mode = resolved.stat().st_mode
    except ValueError:
        return None, _named(_("file not found"), image)
    except OSError as exc:
        if exc.errno in _NOT_FOUND_ERRNOS:
            return None, _named(_("file not found"), image)
        reason = exc.strerror or _("not a usable file name")
        return None, _named(fill("cannot be opened ({reason})", reason=reason), image)
    kind = not_a_picture_file(mode)
    if kind:
        return None, _named(kind, image)
    return resolved, ""


#: ``stat`` errors that mean "nothing there" (as ``Path.is_file`` treats them).
_NOT_FOUND_ERRNOS = frozenset({errno.ENOENT, errno.ENOTDIR, errno.ELOOP, errno.EBADF})


def _named(reason: str, image: str) -> str:
    """``reason`` followed by the picture's path as the portfolio wrote it (printable)."""
    return f"{reason}: {printable(image, max_length=100)}"


def parse_portfolio(
    data: Any,
    problems: ProblemList,
    *,
    portfolio_dir: Path,
    class_root: Path,
    paths: RealPaths | None = None,
) -> Portfolio | None:
    """Build a :class:`Portfolio` from parsed JSON, recording every problem by field.

    Returns None when the portfolio cannot be used at all (not an object, wrong format,
    bad student); individual bad pieces or items are reported and left out. ``paths`` is
    shared by the portfolios of one load (see :class:`RealPaths`).
    """
    known = {"student", "pieces", "chosen", "strengths", "next_steps", "goals", "prompts"}
    obj = read_document(data, PORTFOLIO_FORMAT, known, problems)
    if obj is None:
        return None
    student = parse_student(obj.get("student"), problems)
    if student is None:
        return None
    if paths is None:
        paths = RealPaths()
    pieces = _parse_pieces(obj.get("pieces"), problems, portfolio_dir, class_root, paths)
    chosen = _parse_chosen(obj.get("chosen"), {p.id for p in pieces}, problems)
    return Portfolio(
        student=student,
        pieces=tuple(pieces),
        chosen=tuple(chosen),
        strengths=tuple(read_text_list(obj, "strengths", "", problems)),
        next_steps=tuple(read_text_list(obj, "next_steps", "", problems)),
        goals=tuple(_parse_goals(obj.get("goals"), problems)),
        prompts=parse_step_prompts(obj.get("prompts"), "prompts", problems),
    )


def parse_student(value: Any, problems: ProblemList) -> Student | None:
    """The portfolio's ``student`` object as a :class:`Student`, or None (after recording
    why) when it cannot be used."""
    if value is None:
        problems.error("student", _("is required"))
        return None
    obj = read_object(value, "student", problems)
    if obj is None:
        return None
    warn_unknown_keys(
        obj, {"id", "name", "grade", "learner", "family_language"}, "student", problems
    )
    student_id = obj.get("id")
    ok = True
    if not is_valid_id(student_id):
        problems.error(
            "student.id", _("must be lowercase letters, digits, '-' or '_' (at most 64)")
        )
        ok = False
    name = read_text(obj, "name", "student", problems, required=True, max_length=MAX_LINE_LENGTH)
    grade = obj.get("grade")
    if isinstance(grade, int) and not isinstance(grade, bool) and 1 <= grade <= 12:
        grade = str(grade)
    if grade not in GRADES:
        problems.error("student.grade", fill("must be K or 1-12, not {found}", found=shown(grade)))
        ok = False
    learner = read_text(obj, "learner", "student", problems)
    family_language = read_text(obj, "family_language", "student", problems, max_length=20).strip()
    if family_language and language_code_problem(family_language):
        problems.warning("student.family_language", language_code_problem(family_language))
        family_language = ""
    if not ok or not name:
        return None
    assert isinstance(student_id, str) and isinstance(grade, str)
    return Student(student_id, name.strip(), grade, learner, family_language)


def _parse_pieces(
    value: Any, problems: ProblemList, portfolio_dir: Path, class_root: Path, paths: RealPaths
) -> list[Piece]:
    if value is None or value == []:
        problems.warning("pieces", _("no pieces of work yet"))
        return []
    pieces: list[Piece] = []
    seen: set[str] = set()
    known = {"id", "title", "subject", "date", "image", *PIECE_NOTE_FIELDS}
    for index, item in enumerate(read_list(value, "pieces", problems, noun="pieces")):
        path = join("pieces", index)
        obj = read_object(item, path, problems)
        if obj is None:
            continue
        warn_unknown_keys(obj, known, path, problems)
        piece_id = obj.get("id")
        if not is_valid_id(piece_id):
            problems.error(join(path, "id"), _("must be lowercase letters, digits, '-' or '_'"))
            continue
        assert isinstance(piece_id, str)
        if piece_id in seen:
            problems.error(
                join(path, "id"), fill("{id} is used by another piece", id=repr(piece_id))
            )
            continue
        title = read_text(obj, "title", path, problems, required=True, max_length=MAX_LINE_LENGTH)
        if not title:
            continue
        date = read_text(obj, "date", path, problems, max_length=10)
        if date and not is_valid_date(date):
            problems.error(join(path, "date"), _not_a_date(date))
            date = ""
        image = read_text(obj, "image", path, problems, max_length=1000)
        image_path, image_problem = resolve_image(image, portfolio_dir, class_root, paths)
        if image_problem:
            problems.error(join(path, "image"), image_problem)
        notes = {name: read_text(obj, name, path, problems) for name in PIECE_NOTE_FIELDS}
        seen.add(piece_id)
        pieces.append(
            Piece(
                index=index,
                id=piece_id,
                title=title.strip(),
                subject=read_text(obj, "subject", path, problems, max_length=MAX_LINE_LENGTH),
                date=date,
                image=image,
                image_path=image_path,
                image_problem=image_problem,
                **notes,
            )
        )
    return pieces


def _parse_chosen(value: Any, known_ids: set[str], problems: ProblemList) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list):
        message = fill("must be a list of piece ids, not {found}", found=type_name(value))
        problems.error("chosen", message)
        return []
    chosen: list[str] = []
    for index, item in enumerate(value[:50]):
        if not isinstance(item, str) or item not in known_ids:
            message = fill("{piece} is not a piece in this portfolio", piece=shown(item))
            problems.error(join("chosen", index), message)
        elif item in chosen:
            problems.error(
                join("chosen", index), fill("{piece} is chosen twice", piece=shown(item))
            )
        else:
            chosen.append(item)
    if len(chosen) > PIECES_TO_CHOOSE:
        message = fill("at most {count} pieces may be chosen", count=PIECES_TO_CHOOSE)
        problems.error("chosen", message)
        return []
    return chosen


def _parse_goals(value: Any, problems: ProblemList) -> list[Goal]:
    goals: list[Goal] = []
    for index, item in enumerate(read_list(value, "goals", problems, noun="goals")):
        path = join("goals", index)
        obj = read_object(item, path, problems)
        if obj is None:
            continue
        warn_unknown_keys(obj, {"goal", "how", "by"}, path, problems)
        goal = read_text(obj, "goal", path, problems, required=True, max_length=MAX_LINE_LENGTH)
        by = read_text(obj, "by", path, problems, max_length=10)
        if by and not is_valid_date(by):
            problems.error(join(path, "by"), _not_a_date(by))
            by = ""
        if goal:
            goals.append(Goal(goal.strip(), read_text(obj, "how", path, problems).strip(), by))
    return goals


def _not_a_date(text: str) -> str:
    return fill("must be YYYY-MM-DD or YYYY-MM, not {found}", found=shown(text))


#: The warning for a key of a prompts object that is not a step's id.
UNKNOWN_STEP = N_("unknown step id (ignored)")


def parse_step_prompts(value: Any, path: str, problems: ProblemList) -> dict[str, tuple[str, ...]]:
    """Read a ``{STEP_ID: [text, ...]}`` object (used by portfolios and prompts.json)."""
    from slc_tui.core.steps import STEP_IDS

    if value is None:
        return {}
    obj = read_object(value, path, problems)
    if obj is None:
        return {}
    warn_unknown_keys(obj, STEP_IDS, path, problems, message=UNKNOWN_STEP)
    return {key: tuple(read_text_list(obj, key, path, problems)) for key in obj if key in STEP_IDS}
