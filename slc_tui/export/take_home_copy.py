"""What a printed take-home copy says, laid out once for the PDF and the HTML renderers.

A renderer gets a :class:`TakeHomeCopy` (the conference, the teacher's name, the paper, the
pieces' pictures, already made small, and the language to speak) and draws
:func:`take_home_content`: the same headings, the same lines, in the same order, whatever the
format. Every word comes from :mod:`~slc_tui.export.take_home_words` through the copy's own
:class:`~slc_tui.core.i18n.Translation` (a copy is made in a worker: never the active one).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from slc_tui.core.i18n import ENGLISH, Translation
from slc_tui.export import take_home_words as words
from slc_tui.export.dates import format_long_date
from slc_tui.export.document import ConferenceDocument, GoalPlan

__all__ = [
    "ContentPiece",
    "Entry",
    "PrintPicture",
    "Section",
    "TakeHomeContent",
    "TakeHomeCopy",
    "take_home_content",
]


@dataclass(frozen=True)
class PrintPicture:
    """A piece's picture ready to embed: encoded bytes and their size in pixels."""

    data: bytes
    width: int
    height: int
    mime: str = "image/jpeg"


@dataclass(frozen=True)
class TakeHomeCopy:
    """Everything a take-home copy shows."""

    document: ConferenceDocument
    #: The class's teacher (from ``class.json``): the contact for a private follow-up.
    teacher: str = ""
    #: ``a4`` or ``letter``.
    paper: str = "a4"
    #: Piece id → its picture. ``None``: the piece has a picture that could not be used
    #: (missing, damaged): the copy says so. A piece not in here has no picture.
    pictures: Mapping[str, PrintPicture | None] = field(default_factory=dict)
    #: The language the copy speaks: the conference's (see ``teacher/take_home.py``).
    language: Translation = ENGLISH


@dataclass(frozen=True)
class Entry:
    """One bullet: its text, then labelled details (``How: ``, ``At home: ``: each label
    as it is printed, its colon and space in the copy's language)."""

    text: str
    details: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Section:
    """A heading and its bullets."""

    heading: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class ContentPiece:
    """A piece of work as the copy shows it."""

    title: str
    said_label: str
    said: str
    picture: PrintPicture | None
    #: The line shown in place of a picture that could not be used ("" when none is owed).
    placeholder: str


@dataclass(frozen=True)
class TakeHomeContent:
    """The copy's text, top to bottom."""

    title: str
    subtitle: str
    teacher_line: str
    intro: str
    unfinished: str
    pieces_heading: str
    pieces: tuple[ContentPiece, ...]
    sections: tuple[Section, ...]
    follow_up_heading: str
    follow_up: str
    signatures_intro: str
    signers: tuple[str, ...]
    closing: str
    paper: str
    #: The language the words are in, as HTML's ``lang`` and the PDF's ``/Lang`` write it.
    language: str = "en"
    #: The PDF's page footer, with ``{page}`` and ``{pages}`` (as a catalog gave it).
    page_words: str = words.PAGE


def take_home_content(copy: TakeHomeCopy) -> TakeHomeContent:
    """The text of ``copy`` in its language; empty sections are left out."""
    doc, t = copy.document, copy.language
    name = doc.first_name_in(t)
    parts = (format_long_date(doc.when, t), doc.class_name, doc.term)
    pieces = tuple(
        ContentPiece(
            title=piece.title,
            said_label=t.fill(words.SAID, name=name),
            said=piece.said,
            picture=copy.pictures.get(piece.id),
            placeholder=(
                t.gettext(words.NO_PICTURE)
                if piece.id in copy.pictures and copy.pictures[piece.id] is None
                else ""
            ),
        )
        for piece in doc.pieces
    )
    goals = tuple(_goal_entry(goal, t) for goal in doc.goals)
    sections = (
        Section(t.fill(words.GLOWS, name=name), tuple(Entry(s) for s in doc.strengths)),
        Section(t.fill(words.GROWS, name=name), tuple(Entry(s) for s in doc.next_steps)),
        Section(t.fill(words.GOALS, name=name), goals),
        Section(t.gettext(words.HOME), tuple(Entry(line) for line in doc.home_lines)),
    )
    return TakeHomeContent(
        title=t.fill(words.TITLE, name=doc.student_name or name),
        subtitle=words.PART_SEPARATOR.join(part for part in parts if part),
        teacher_line=t.fill(words.TEACHER, teacher=copy.teacher) if copy.teacher else "",
        intro=t.fill(words.INTRO, name=name),
        unfinished="" if doc.finished else t.gettext(words.UNFINISHED),
        pieces_heading=t.fill(words.PIECES, name=name) if pieces else "",
        pieces=pieces,
        sections=tuple(section for section in sections if section.entries),
        follow_up_heading=t.gettext(words.FOLLOW_UP_HEADING) if doc.follow_up else "",
        follow_up=_follow_up(copy, name) if doc.follow_up else "",
        signatures_intro=t.gettext(words.SIGNATURES),
        signers=tuple(t.gettext(signer) for signer in words.SIGNERS),
        closing=t.fill(words.CLOSING, name=name),
        paper=copy.paper if copy.paper in ("a4", "letter") else "a4",
        language=t.code,
        page_words=t.gettext(words.PAGE),
    )


def _goal_entry(goal: GoalPlan, t: Translation) -> Entry:
    """A goal with by when, how, and what the family will do for it at home."""
    details = (
        (words.GOAL_BY, format_long_date(goal.by, t)),
        (words.GOAL_HOW, goal.how),
        (words.GOAL_AT_HOME, goal.at_home),
    )
    return Entry(
        goal.goal,
        tuple(
            (t.fill(words.DETAIL, label=t.gettext(label)), text) for label, text in details if text
        ),
    )


def _follow_up(copy: TakeHomeCopy, name: str) -> str:
    """Who to contact for the private follow-up (what it is about is never printed)."""
    if copy.teacher:
        return copy.language.fill(words.FOLLOW_UP, teacher=copy.teacher)
    return copy.language.fill(words.FOLLOW_UP_NO_NAME, name=name)
