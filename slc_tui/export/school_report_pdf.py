"""The class report as a PDF to file (the page, fonts and text rules of
:mod:`slc_tui.export.pdf_pages`).

fpdf2's own line breaking measures a line again for every character it adds, which for a
class of a thousand children costs seconds; here text is wrapped once, word by word from
cached character widths, and each line is drawn as one cell. Knowing every line first also
keeps a child's block on one page whenever it fits. Every word is in the report's own
language (``SchoolReport.language``: the class's), dates too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from slc_tui.export import school_report as words
from slc_tui.export.dates import format_long_date
from slc_tui.export.pdf_pages import (
    ACCENT,
    FAMILY,
    FRAME,
    INK,
    MUTED,
    TINT,
    drawable,
    new_pdf,
    printable,
)
from slc_tui.export.school_report import (
    ReportChild,
    SchoolReport,
    follow_up_state_text,
    minutes_text,
    short_status_text,
    status_text,
)

if TYPE_CHECKING:
    from fpdf import FPDF

__all__ = ["school_report_pdf"]

Color = tuple[int, int, int]

# Sizes in millimetres (fonts in points).
_BODY = 9.5
_LINE = 4.6
_SMALL = 8.5
_SMALL_LINE = 4.2
_LABEL_W = 30.0  # the label column of a child's block
_BULLET_W = 4.0
_CELL_GAP = 2.0  # between a table's columns
#: The columns of the two tables, as parts of the page's width.
_FOLLOW_UP_COLUMNS = (0.26, 0.12, 0.08, 0.17, 0.22, 0.15)
_NOT_STARTED_COLUMNS = (0.45, 0.17, 0.10, 0.28)


def school_report_pdf(report: SchoolReport) -> bytes:
    """``report`` as PDF bytes (A4 or Letter, as ``report.paper`` says)."""
    pdf = new_pdf(report.paper, report.class_name, report.words(words.PAGE), words.PAGE)
    _Writer(pdf, report).write()
    return bytes(pdf.output())


@dataclass(frozen=True)
class _Text:
    """Text at ``x`` millimetres from the left margin, in a cell ``width`` wide."""

    x: float
    width: float
    text: str
    size: float = _BODY
    bold: bool = False
    color: Color = INK


@dataclass(frozen=True)
class _Row:
    """One line of the page: its texts, or a rule across it; ``fill`` tints it."""

    height: float
    texts: tuple[_Text, ...] = ()
    rule: bool = False
    fill: bool = False


class _Writer:
    """Lays out a :class:`SchoolReport` as rows and draws them into an :class:`FPDF`."""

    def __init__(self, pdf: FPDF, report: SchoolReport) -> None:
        self.pdf = pdf
        self.report = report
        self.t = report.language
        self.allowed = drawable(pdf)
        self.width = pdf.epw
        self.pending: list[_Row] = []  # a heading, kept with the block that follows it
        self.repeat: list[_Row] = []  # a table's header, drawn again on each new page
        self._char_widths: dict[tuple[float, bool], dict[str, float]] = {}
        pdf.c_margin = 0

    # -- text ----------------------------------------------------------------------------

    def clean(self, text: str) -> str:
        """``text`` as the fonts can draw it (see :func:`printable`), ends stripped."""
        return printable(text, self.allowed).strip()

    def text_width(self, text: str, size: float, bold: bool) -> float:
        """How wide ``text`` is drawn, from each character's width (measured once)."""
        widths = self._char_widths.setdefault((size, bold), {})
        total = 0.0
        for char in text:
            width = widths.get(char)
            if width is None:
                self.pdf.set_font(FAMILY, "B" if bold else "", size)
                width = widths[char] = self.pdf.get_string_width(char)
            total += width
        return total

    def wrap(self, text: str, width: float, size: float = _BODY, bold: bool = False) -> list[str]:
        """``text`` (cleaned) broken into lines at most ``width`` wide: at spaces, and
        inside a word only when the word alone is wider than a line."""
        lines: list[str] = []
        space = self.text_width(" ", size, bold)
        for paragraph in self.clean(text).split("\n"):
            line: list[str] = []
            used = 0.0
            for word in paragraph.split():
                word_width = self.text_width(word, size, bold)
                if line and used + space + word_width <= width:
                    line.append(word)
                    used += space + word_width
                    continue
                if line:
                    lines.append(" ".join(line))
                pieces = self.cut(word, width, size, bold) if word_width > width else [word]
                lines.extend(pieces[:-1])
                line, used = [pieces[-1]], self.text_width(pieces[-1], size, bold)
            if line:
                lines.append(" ".join(line))
        return lines

    def cut(self, word: str, width: float, size: float, bold: bool) -> list[str]:
        """``word`` cut into pieces that each fit in ``width``."""
        pieces, piece, used = [], "", 0.0
        for char in word:
            char_width = self.text_width(char, size, bold)
            if piece and used + char_width > width:
                pieces.append(piece)
                piece, used = "", 0.0
            piece += char
            used += char_width
        return [*pieces, piece] if piece else pieces or [""]

    def lines(
        self,
        text: str,
        x: float,
        size: float = _BODY,
        *,
        bold: bool = False,
        color: Color = INK,
        height: float | None = None,
    ) -> list[_Row]:
        """``text`` wrapped from ``x`` to the right margin, one row per line."""
        step = height if height is not None else _LINE if size >= _BODY else _SMALL_LINE
        width = self.width - x
        return [
            _Row(step, (_Text(x, width, line, size, bold, color),))
            for line in self.wrap(text, width, size, bold)
        ]

    # -- drawing -------------------------------------------------------------------------

    def place(self, block: list[_Row]) -> None:
        """Draw ``block`` after any pending heading, on a new page when it does not fit
        on this one but would on a page of its own."""
        pdf = self.pdf
        rows = [*self.pending, *block]
        self.pending = []
        height = sum(row.height for row in rows)
        room = pdf.page_break_trigger - pdf.t_margin
        if pdf.y + height > pdf.page_break_trigger and height <= room:
            self.new_page()
        for row in rows:
            if pdf.y + row.height > pdf.page_break_trigger:
                self.new_page()
            self.draw(row)

    def new_page(self) -> None:
        """A new page, with the header of the table being drawn again at its top."""
        self.pdf.add_page()
        for row in self.repeat:
            self.draw(row)

    def draw(self, row: _Row) -> None:
        """One row, where the page is now; then down by its height."""
        pdf = self.pdf
        top = pdf.y
        if row.fill:
            pdf.set_fill_color(*TINT)
            pdf.rect(pdf.l_margin, top, self.width, row.height, style="F")
        if row.rule:
            pdf.set_draw_color(*FRAME)
            pdf.set_line_width(0.25)
            middle = top + row.height / 2
            pdf.line(pdf.l_margin, middle, pdf.l_margin + self.width, middle)
        for text in row.texts:
            pdf.set_font(FAMILY, "B" if text.bold else "", text.size)
            pdf.set_text_color(*text.color)
            pdf.set_xy(pdf.l_margin + text.x, top)
            pdf.cell(text.width, row.height, text.text)
        pdf.set_xy(pdf.l_margin, top + row.height)

    # -- the report ----------------------------------------------------------------------

    def write(self) -> None:
        """The title block, then the three sections."""
        pdf, report = self.pdf, self.report
        pdf.set_title(self.clean(report.title))
        pdf.set_lang(self.t.code)
        pdf.add_page()
        self.title_block()
        self.follow_ups()
        self.every_child()
        self.not_started()

    def title_block(self) -> None:
        """Title; teacher · term · made on; the summary; notes; a rule."""
        report = self.report
        rows = self.lines(report.title, 0, 18, bold=True, color=ACCENT, height=8.5)
        if report.subtitle:
            rows += self.lines(report.subtitle, 0, 10, color=MUTED, height=5.5)
        for line in report.summary_lines:
            rows += self.lines(line, 0, 10, bold=True, height=5.5)
        for note in report.notes:
            rows += self.lines(f"⚠ {note}", 0, _SMALL, color=MUTED)
        rows.append(_Row(4.0, rule=True))
        self.place(rows)

    def heading(self, text: str, intro: str) -> None:
        """A section heading and its line of explanation (each one of the report's words,
        translated here), kept with what follows."""
        self.repeat = []
        rows = [_Row(4.0)]
        rows += self.lines(self.t.gettext(text), 0, 14, bold=True, color=ACCENT, height=8.0)
        rows += self.lines(self.t.gettext(intro), 0, _SMALL, color=MUTED)
        self.pending = [*rows, _Row(1.5)]

    def table(self, header: Sequence[str], parts: Sequence[float], body: list[list[str]]) -> None:
        """A table: its header (the report's words, translated here; again on each new
        page), then one tinted row in two."""
        widths = [self.width * part for part in parts]
        header = [self.t.gettext(heading) for heading in header]
        head = self.table_row(header, widths, _SMALL, bold=True, color=MUTED)
        self.repeat = [*head, _Row(1.5, rule=True)]
        self.pending += self.repeat
        for number, cells in enumerate(body):
            self.place(self.table_row(cells, widths, _BODY, fill=number % 2 == 1))
        self.repeat = []

    def table_row(
        self,
        cells: Sequence[str],
        widths: list[float],
        size: float,
        *,
        bold: bool = False,
        color: Color = INK,
        fill: bool = False,
    ) -> list[_Row]:
        """One table row: each cell wrapped in its column, as many rows as the tallest."""
        wrapped = [
            self.wrap(cell, width - _CELL_GAP, size, bold)
            for cell, width in zip(cells, widths, strict=True)
        ]
        starts = [sum(widths[:index]) for index in range(len(widths))]
        height = _LINE if size >= _BODY else _SMALL_LINE
        rows = []
        for line in range(max(1, *map(len, wrapped))):
            texts = tuple(
                _Text(x + _CELL_GAP / 2, width - _CELL_GAP, column[line], size, bold, color)
                for column, x, width in zip(wrapped, starts, widths, strict=True)
                if line < len(column)
            )
            rows.append(_Row(height + (0.8 if line == 0 else 0), texts, fill=fill))
        return rows

    def follow_ups(self) -> None:
        """Who asked for a private follow-up, open ones first."""
        self.heading(words.FOLLOW_UPS, words.FOLLOW_UPS_INTRO)
        asked = self.report.follow_ups
        if not asked:
            self.place(self.lines(self.t.gettext(words.FOLLOW_UPS_NONE), 0))
            return
        body = [
            [
                self.name(child),
                child.student_id,
                child.grade,
                follow_up_state_text(child, self.t),
                format_long_date(child.follow_up_day, self.t),
                short_status_text(child, self.t),
            ]
            for child in asked
        ]
        self.table(words.FOLLOW_UP_COLUMNS, _FOLLOW_UP_COLUMNS, body)

    def every_child(self) -> None:
        """One block per child with a conference this term (or unreadable results)."""
        self.heading(words.EVERY_CHILD, words.EVERY_CHILD_INTRO)
        children = self.report.with_conference
        if not children:
            self.place(self.lines(self.t.gettext(words.EVERY_CHILD_NONE), 0))
            return
        for child in children:
            self.place(self.child_block(child))

    def child_block(self, child: ReportChild) -> list[_Row]:
        """Name; grade · id · status · day · minutes · follow-up; goals; at home; a rule."""
        t = self.t
        rows = self.lines(self.name(child), 0, 11, bold=True, height=5.8)
        follow_up = ""
        if child.follow_up != "none":
            asked = words.FOLLOW_UP_ASKED.get(child.follow_up)
            follow_up = t.gettext(asked) if asked else f"follow-up {child.follow_up}"
        facts = [
            t.fill(words.GRADE, grade=child.grade) if child.grade else "",
            t.fill(words.STUDENT_ID, student_id=child.student_id),
            status_text(child, t),
            format_long_date(child.day, t),
            minutes_text(child.minutes, t),
            follow_up,
        ]
        rows += self.lines(words.SEPARATOR.join(f for f in facts if f), 0, _SMALL, color=MUTED)
        rows.append(_Row(1.0))
        if child.problem:
            rows += self.lines(t.fill(words.UNREADABLE, problem=child.problem), 0)
        else:
            rows += self.labelled(t.gettext(words.GOALS), self.goal_rows(child))
            home = [row for line in child.at_home for row in self.bullet(line)]
            nothing = t.gettext(words.AT_HOME_NONE)
            rows += self.labelled(
                t.gettext(words.AT_HOME), home or self.lines(nothing, _LABEL_W, color=MUTED)
            )
        rows.append(_Row(4.0, rule=True))
        return rows

    def goal_rows(self, child: ReportChild) -> list[_Row]:
        """Each goal as a bullet, with how and by when, and what the family will do."""
        t = self.t
        if not child.goals:
            return self.lines(t.gettext(words.GOALS_NONE), _LABEL_W, color=MUTED)
        rows: list[_Row] = []
        detail_x = _LABEL_W + _BULLET_W
        for goal in child.goals:
            rows += self.bullet(goal.goal)
            plan = [
                t.fill(words.GOAL_HOW, how=goal.how) if goal.how else "",
                t.fill(words.GOAL_BY, by=format_long_date(goal.by, t)) if goal.by else "",
            ]
            if any(plan):
                rows += self.lines(
                    words.SEPARATOR.join(p for p in plan if p), detail_x, _SMALL, color=MUTED
                )
            if goal.at_home:
                rows += self.lines(
                    t.fill(words.GOAL_AT_HOME, at_home=goal.at_home), detail_x, _SMALL, color=MUTED
                )
        return rows

    def bullet(self, text: str) -> list[_Row]:
        """``text`` after a bullet, in the content column."""
        rows = self.lines(text, _LABEL_W + _BULLET_W)
        if rows:
            mark = _Text(_LABEL_W, _BULLET_W, "•", _BODY, False, ACCENT)
            rows[0] = _Row(rows[0].height, (mark, *rows[0].texts))
        return rows

    def labelled(self, label: str, rows: list[_Row]) -> list[_Row]:
        """``rows`` with ``label`` in the label column of the first."""
        tag = _Text(0, _LABEL_W - 2, self.clean(label), _SMALL, True, MUTED)
        if not rows:
            return [_Row(_LINE, (tag,))]
        return [_Row(rows[0].height, (tag, *rows[0].texts)), *rows[1:]]

    def not_started(self) -> None:
        """The children with no conference this term, and their last one if any."""
        self.heading(words.NOT_STARTED, words.NOT_STARTED_INTRO)
        waiting = self.report.not_started
        if not waiting:
            self.place(self.lines(self.t.gettext(words.NOT_STARTED_NONE), 0))
            return
        body = [
            [
                self.name(child),
                child.student_id,
                child.grade,
                format_long_date(child.day, self.t) or "—",
            ]
            for child in waiting
        ]
        self.table(words.NOT_STARTED_COLUMNS, _NOT_STARTED_COLUMNS, body)

    def name(self, child: ReportChild) -> str:
        """The child's name, saying when they have no portfolio in the class folder."""
        name = child.name or child.student_id
        return name if child.in_class else self.t.fill(words.NO_PORTFOLIO, name=name)
