"""The family's take-home copy of a conference as PDF, HTML or plain text: the pieces'
pictures opened safely and made small, the copy rendered, and the file written atomically
where the naming rule puts it (``RESULTS/take-home/ID-DAY.FMT``) or where asked; every word in
the language the conference was led in (the record's ``language``; for a record without one,
the class's), from the class's catalogs, the user's and the bundled ones (see
:func:`copy_language`).

Used by the wrap-up's "Take-home copy" button and by ``slc take-home``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from slc_tui.core.class_folder import CLASS_FILE, PORTFOLIOS_DIR, load_class_folder
from slc_tui.core.classinfo import ClassInfo
from slc_tui.core.fields import is_valid_id
from slc_tui.core.i18n import ENGLISH, Translation, fill, is_language_code, speaking
from slc_tui.core.portfolio import Portfolio
from slc_tui.core.record import last_finished
from slc_tui.core.take_home import TAKE_HOME_DIR, take_home_name
from slc_tui.export.document import ConferenceDocument
from slc_tui.export.take_home_copy import PrintPicture, TakeHomeCopy
from slc_tui.store.fileops import write_bytes_atomically
from slc_tui.store.paths import language_folders
from slc_tui.store.private_paths import make_private_dir

__all__ = [
    "Format",
    "TakeHomeFailed",
    "copy_language",
    "piece_pictures",
    "take_home_bytes",
    "write_latest_take_home",
    "write_take_home",
]

Format = Literal["pdf", "html", "txt"]


class TakeHomeFailed(Exception):
    """No copy could be made: the message names the student, the class or the file."""


def piece_pictures(
    document: ConferenceDocument, portfolio: Portfolio | None
) -> dict[str, PrintPicture | None]:
    """The pictures of the pieces ``document`` talked about, from ``portfolio``, made small
    (decoded side by side on threads: Pillow lets go of the GIL while it decodes).

    A piece whose picture is named but cannot be used (missing, damaged, too large,
    outside the class folder) maps to None; a piece with no picture, or gone from the
    portfolio, is left out.
    """
    from concurrent.futures import ThreadPoolExecutor

    pictures: dict[str, PrintPicture | None] = {}
    to_decode: dict[str, Path] = {}
    known = {piece.id: piece for piece in portfolio.pieces} if portfolio is not None else {}
    for talk in document.pieces:
        piece = known.get(talk.id)
        if piece is not None and piece.image_path is not None:
            to_decode[piece.id] = piece.image_path
        elif piece is not None and piece.image:
            pictures[piece.id] = None
    if to_decode:
        with ThreadPoolExecutor(len(to_decode), thread_name_prefix="slc-print") as pool:
            decoded = pool.map(_print_picture, to_decode.values())
            pictures.update(zip(to_decode, decoded, strict=True))
    return {talk.id: pictures[talk.id] for talk in document.pieces if talk.id in pictures}


def _print_picture(path: Path) -> PrintPicture | None:
    """``path`` made small for printing, or None when it cannot be used."""
    from slc_tui.media.printable import printable_jpeg
    from slc_tui.media.safe_image import ImageProblem

    try:
        return PrintPicture(*printable_jpeg(path))
    except ImageProblem:
        return None


def copy_language(
    record: Mapping[str, Any], info: ClassInfo, folders: Sequence[Path] = ()
) -> Translation:
    """The language ``record``'s copy speaks: the one its conference was led in, else (a
    record saved before slc kept it, or a damaged one) the class's, else English; found in
    ``folders``' catalogs then the bundled ones. A language with no catalog anywhere is
    English (the conference was shown in English then, and the copy must say so)."""
    for code in (record.get("language"), info.language):
        if isinstance(code, str) and is_language_code(code):
            return speaking(code, folders)
    return ENGLISH


def take_home_bytes(
    record: Mapping[str, Any],
    fmt: Format,
    info: ClassInfo,
    portfolio: Portfolio | None,
    class_dir: Path | None = None,
) -> bytes:
    """The take-home copy of ``record`` in ``fmt``: PDF and HTML with the pieces' pictures
    from ``portfolio``, the follow-up contact and the paper from ``info``, in the
    conference's language (:func:`copy_language`; the catalogs of ``class_dir``'s
    ``languages/`` and the user's too, when it is given)."""
    folders = language_folders(class_dir) if class_dir is not None else []
    language = copy_language(record, info, folders)
    document = ConferenceDocument.from_record(record)
    if fmt == "txt":
        from slc_tui.export.summary import document_text

        return document_text(document, language).encode("utf-8")
    pictures = piece_pictures(document, portfolio)
    copy = TakeHomeCopy(document, info.teacher, info.paper, pictures, language)
    if fmt == "html":
        from slc_tui.export.take_home_html import take_home_html

        return take_home_html(copy).encode("utf-8")
    from slc_tui.export.take_home_pdf import take_home_pdf

    return take_home_pdf(copy)


def write_take_home(
    record: dict[str, Any],
    fmt: Format,
    info: ClassInfo,
    portfolio: Portfolio | None,
    results_dir: Path,
    out: Path | None = None,
    class_dir: Path | None = None,
) -> Path:
    """Write the copy of ``record`` to ``out`` (default: ``RESULTS/take-home/`` by the
    naming rule of :func:`~slc_tui.core.take_home.take_home_name`); returns where.
    ``class_dir``: where the class's own catalogs are (``languages/``), when it has any.

    Raises:
        OSError: the file could not be written.
    """
    data = take_home_bytes(record, fmt, info, portfolio, class_dir)
    path = out if out is not None else results_dir / TAKE_HOME_DIR / take_home_name(record, fmt)
    make_private_dir(path.parent)
    write_bytes_atomically(path, data)
    return path


def write_latest_take_home(
    class_dir: Path, results_dir: Path, student_id: str, fmt: Format, out: Path | None = None
) -> Path:
    """``slc take-home``: write the copy of ``student_id``'s latest finished conference.

    Raises:
        TakeHomeFailed: an unknown student, no finished conference, a damaged results
            file, or a copy that could not be written.
    """
    from slc_tui.store.results import ResultsStore
    from slc_tui.store.tinydb_document import CorruptResultsFile

    if not (class_dir / CLASS_FILE).is_file():
        raise TakeHomeFailed(
            fill("{folder} is not a class folder (no {file})", folder=class_dir, file=CLASS_FILE)
        )
    if not is_valid_id(student_id):
        raise TakeHomeFailed(fill("{id} is not a student id", id=repr(student_id)))
    info, portfolio = _class_and_portfolio(class_dir, student_id)
    store = ResultsStore(results_dir)
    try:
        records = store.records_for(student_id)
    except CorruptResultsFile as corrupt:
        raise TakeHomeFailed(f"{corrupt.path}: {corrupt.reason}") from corrupt
    except OSError as error:
        where = error.filename or store.path_for(student_id)
        reason = error.strerror or error
        raise TakeHomeFailed(
            fill("cannot read {file}: {reason}", file=where, reason=reason)
        ) from error
    if portfolio is None and not records:
        raise TakeHomeFailed(
            fill(
                "no student {id} in {folder}: no portfolio and no results",
                id=repr(student_id),
                folder=class_dir,
            )
        )
    record = last_finished(records)
    if record is None:
        raise TakeHomeFailed(
            fill(
                "{id} has no finished conference yet (in {file})",
                id=student_id,
                file=store.path_for(student_id),
            )
        )
    try:
        return write_take_home(record, fmt, info, portfolio, results_dir, out, class_dir)
    except OSError as error:
        where = error.filename or out or results_dir / TAKE_HOME_DIR
        reason = error.strerror or error
        raise TakeHomeFailed(
            fill("cannot write {file}: {reason}", file=where, reason=reason)
        ) from error


def _class_and_portfolio(class_dir: Path, student_id: str) -> tuple[ClassInfo, Portfolio | None]:
    """The class's settings and ``student_id``'s portfolio (None if there is none usable):
    the class folder is read whole only when ``portfolios/ID.json`` is not theirs."""
    from slc_tui.core.class_folder import load_portfolio_file
    from slc_tui.core.classinfo import parse_class_info
    from slc_tui.core.json_files import read_json_file
    from slc_tui.core.problems import ProblemList

    root = class_dir.resolve()
    problems = ProblemList(CLASS_FILE)
    data = read_json_file(root / CLASS_FILE, problems)
    info = None if problems.has_errors else parse_class_info(data, problems)
    info = info or ClassInfo(name=root.name)
    own_file = root / PORTFOLIOS_DIR / f"{student_id}.json"
    if own_file.is_file():
        portfolio = load_portfolio_file(own_file, root).portfolio
        if portfolio is not None and portfolio.student.id == student_id:
            return info, portfolio
    return info, load_class_folder(root).portfolio(student_id)
