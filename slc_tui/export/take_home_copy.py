"""What a printed take-home copy says, laid out once for the PDF and the HTML renderers.

A renderer gets a :class:`TakeHomeCopy` (the conference, the teacher's name, the paper and the
pieces' pictures, already made small) and draws :func:`take_home_content`: the same headings,
the same lines, in the same order, whatever the format.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from slc_tui.export import take_home_words as words
from slc_tui.export.document import ConferenceDocument, GoalPlan
from slc_tui.export.summary import format_long_date

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


@dataclass(frozen=True)
class Entry:
    """One bullet: its text, then labelled details (``How``, ``At home``)."""

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


def take_home_content(copy: TakeHomeCopy) -> TakeHomeContent:
    """The text of ``copy``; empty sections are left out."""
    doc = copy.document
    name = doc.first_name
    parts = (format_long_date(doc.when), doc.class_name, doc.term)
    pieces = tuple(
        ContentPiece(
            title=piece.title,
            said_label=words.SAID.format(name=name),
            said=piece.said,
            picture=copy.pictures.get(piece.id),
            placeholder=(
                words.NO_PICTURE
                if piece.id in copy.pictures and copy.pictures[piece.id] is None
                else ""
            ),
        )
        for piece in doc.pieces
    )
    goals = tuple(_goal_entry(goal) for goal in doc.goals)
    sections = (
        Section(words.GLOWS.format(name=name), tuple(Entry(s) for s in doc.strengths)),
        Section(words.GROWS.format(name=name), tuple(Entry(s) for s in doc.next_steps)),
        Section(words.GOALS.format(name=name), goals),
        Section(words.HOME, tuple(Entry(line) for line in doc.home_lines)),
    )
    return TakeHomeContent(
        title=words.TITLE.format(name=doc.student_name or name),
        subtitle=words.PART_SEPARATOR.join(part for part in parts if part),
        teacher_line=words.TEACHER.format(teacher=copy.teacher) if copy.teacher else "",
        intro=words.INTRO.format(name=name),
        unfinished="" if doc.finished else words.UNFINISHED,
        pieces_heading=words.PIECES.format(name=name) if pieces else "",
        pieces=pieces,
        sections=tuple(section for section in sections if section.entries),
        follow_up_heading=words.FOLLOW_UP_HEADING if doc.follow_up else "",
        follow_up=_follow_up(copy) if doc.follow_up else "",
        signatures_intro=words.SIGNATURES,
        signers=words.SIGNERS,
        closing=words.CLOSING.format(name=name),
        paper=copy.paper if copy.paper in ("a4", "letter") else "a4",
    )


def _goal_entry(goal: GoalPlan) -> Entry:
    """A goal with by when, how, and what the family will do for it at home."""
    details = (
        (words.GOAL_BY, format_long_date(goal.by)),
        (words.GOAL_HOW, goal.how),
        (words.GOAL_AT_HOME, goal.at_home),
    )
    return Entry(goal.goal, tuple((label, text) for label, text in details if text))


def _follow_up(copy: TakeHomeCopy) -> str:
    """Who to contact for the private follow-up (what it is about is never printed)."""
    if copy.teacher:
        return words.FOLLOW_UP.format(teacher=copy.teacher)
    return words.FOLLOW_UP_NO_NAME.format(name=copy.document.first_name)
