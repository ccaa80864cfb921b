"""``invitations.pdf``: the invitations to conference night, three slips to a page (A4 or
Letter, as the class's ``paper`` says), with dashed lines to cut between them.

Each slip takes a third of the page (a family whose brothers and sisters come at different
times may take two): the invitation at the top, the reply to cut off and give back at the
bottom. Text is laid out once into drawing steps, so how tall a slip is and what is drawn
never disagree; the words are :mod:`slc_tui.export.invitation_words`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, cast

from slc_tui.core.classinfo import ClassInfo
from slc_tui.core.i18n import ENGLISH, Translation
from slc_tui.core.schedule import Plan
from slc_tui.export import invitation_words as words
from slc_tui.export.invitations import Invitations, Slip, invitations
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

if TYPE_CHECKING:
    from fpdf import FPDF

__all__ = ["SLIPS_PER_PAGE", "invitations_pdf"]

SLIPS_PER_PAGE = 3
# Sizes in millimetres (fonts in points).
_SIDE = 15.0
_TOP = 10.0
_BOTTOM = 14.0  # the page footer sits below this
_PAD = 4.0  # between a cut line and the slip's text
_LABEL = 30.0  # the labels' column
_SCISSORS = "✂"
Color = tuple[int, int, int]


def invitations_pdf(
    plan: Plan,
    info: ClassInfo,
    language: Translation = ENGLISH,
    languages: Mapping[str, Translation] | None = None,
) -> bytes:
    """The invitations of ``plan`` for the class ``info`` as PDF bytes, in the class's
    ``language`` and each family's of ``languages`` (see :func:`invitations`; no pages
    without families: callers write no file then)."""
    pdf = new_pdf(
        info.paper, language.gettext(words.FOOTER), language.gettext(words.PAGE), words.PAGE
    )
    allowed = drawable(pdf)
    shown = tuple(  # a name the font cannot draw at all is shown by the child's id
        replace(p, name=printable(p.name, allowed).strip() or p.student_id) for p in plan.placements
    )
    content = invitations(replace(plan, placements=shown), info, language, languages)
    _Layout(pdf, content, allowed).write()
    return bytes(pdf.output())


@dataclass(frozen=True)
class _Text:
    x: float
    y: float
    width: float
    height: float
    size: float
    bold: bool
    color: Color
    text: str
    fill: bool = False


@dataclass(frozen=True)
class _Line:
    x1: float
    y1: float
    x2: float
    y2: float
    color: Color
    width: float
    dash: float = 0.0


@dataclass(frozen=True)
class _Box:
    x: float
    y: float
    size: float


_Step = _Text | _Line | _Box


class _Layout:
    """Lays out each slip into drawing steps (relative to its top) and draws them."""

    def __init__(self, pdf: FPDF, content: Invitations, allowed: frozenset[int]) -> None:
        self.pdf = pdf
        self.content = content
        self.allowed = allowed
        self.left = _SIDE
        self.width = pdf.w - 2 * _SIDE
        self.unit = (pdf.h - _TOP - _BOTTOM) / SLIPS_PER_PAGE
        self._wrapped: dict[tuple[str, float, float, bool], list[str]] = {}
        self._printable: dict[str, str] = {}
        self._widths: dict[tuple[str, float, bool], float] = {}
        self._color: Color | None = None  # the text colour set last

    def text(self, text: str) -> str:
        """``text`` as the fonts can draw it (remembered: most texts repeat on every slip)."""
        found = self._printable.get(text)
        if found is None:
            found = self._printable[text] = printable(text, self.allowed).strip()
        return found

    def lines(self, text: str, width: float, size: float, bold: bool = False) -> list[str]:
        """``text`` wrapped to ``width`` at ``size`` points (remembered: most slips share
        their sentences)."""
        key = (text, width, size, bold)
        found = self._wrapped.get(key)
        if found is None:
            pdf = self.pdf
            pdf.set_font(FAMILY, "B" if bold else "", size)
            if pdf.get_string_width(text) <= width - 2 * pdf.c_margin:
                found = [text]
            else:
                wrapped = pdf.multi_cell(width, 1, text, dry_run=True, output="LINES")
                found = [line.strip() for line in cast(list[str], wrapped)] or [""]
            self._wrapped[key] = found
        return found

    def write(self) -> None:
        """Every slip, a third of a page each, with cut lines between them."""
        pdf = self.pdf
        language = self.content.language
        pdf.set_title(self.text(language.gettext(words.FOOTER)))
        pdf.set_lang(language.code)
        pdf.set_auto_page_break(False)
        pdf.add_page()  # laying text out (wrapping it) needs a page
        used = 0  # thirds of this page taken
        for slip in self.content.slips:
            top_steps, top_height = self.invitation(slip)
            reply_steps, reply_height = self.reply(slip)
            units = max(1, math.ceil((top_height + reply_height - 0.01) / self.unit))
            units = min(units, SLIPS_PER_PAGE)
            if used + units > SLIPS_PER_PAGE:
                pdf.add_page()
                used = 0
            top = _TOP + used * self.unit
            if used:
                self.cut_line(top, dash=2.5)
            bottom = top + units * self.unit
            self.draw(top_steps, top)
            self.draw(reply_steps, max(top + top_height, bottom - reply_height))
            used += units

    def invitation(self, slip: Slip) -> tuple[list[_Step], float]:
        """The title, the class, the rows, what to expect and a private talk."""
        steps: list[_Step] = []
        x, width = self.left, self.width
        y = _PAD
        title = self.text(slip.title)
        steps.append(_Text(x, y, width, 7, 14, True, ACCENT, title))
        y += 7
        for line in self.lines(self.text(slip.class_line), width, 9):
            steps.append(_Text(x, y, width, 4.5, 9, False, MUTED, line))
            y += 4.5
        y += 1.2
        steps.append(_Line(x, y, x + width, y, ACCENT, 0.5))
        y += 2.5
        value_x, value_w = x + _LABEL, width - _LABEL
        for row in slip.rows:
            y = self.row(steps, y, row.label, row.lines, 11, bold=row.bold)
            if row.note:
                for line in self.lines(self.text(row.note), value_w, 8.5):
                    steps.append(_Text(value_x, y, value_w, 4.2, 8.5, False, MUTED, line))
                    y += 4.2
        y += 1.5
        y = self.row(steps, y, slip.expect_heading, (slip.expect,), 9, height=4.2)
        if slip.private:
            y += 1.2
            for line in self.lines(self.text(slip.private), value_w - 4, 9, True):
                steps.append(_Text(value_x, y, value_w, 5, 9, True, INK, line, fill=True))
                y += 5
        return steps, y + 1.5

    def row(
        self,
        steps: list[_Step],
        y: float,
        label: str,
        values: tuple[str, ...],
        size: float,
        *,
        bold: bool = False,
        height: float = 5.2,
    ) -> float:
        """A label on the left, its lines on the right; returns the y below it."""
        x, value_x, value_w = self.left, self.left + _LABEL, self.width - _LABEL
        label_lines = self.lines(self.text(label), _LABEL - 1, 9, True)
        value_lines = [
            line for value in values for line in self.lines(self.text(value), value_w, size, bold)
        ]
        for number, line in enumerate(label_lines):
            steps.append(_Text(x, y + number * height, _LABEL, height, 9, True, MUTED, line))
        for number, line in enumerate(value_lines):
            steps.append(
                _Text(value_x, y + number * height, value_w, height, size, bold, INK, line)
            )
        return y + max(len(label_lines), len(value_lines)) * height

    def reply(self, slip: Slip) -> tuple[list[_Step], float]:
        """The part to cut off and give back: whose reply, yes or another time, signature."""
        steps: list[_Step] = []
        x, width = self.left, self.width
        y = 1.5
        steps.append(_Line(x + 6, y, x + width, y, FRAME, 0.3, dash=1.2))
        steps.append(_Text(x, y - 2.2, 5, 4.4, 9, False, MUTED, _SCISSORS))
        y += 1.8
        cut = self.text(slip.reply_cut)
        cut_width = self.width_of(cut, 8)
        whose = self.lines(self.text(slip.reply_for), width, 10, True)
        if len(whose) == 1 and self.width_of(whose[0], 10, True) + cut_width + 6 <= width:
            steps.append(_Text(x + width - cut_width, y + 0.6, cut_width, 5, 8, False, MUTED, cut))
        else:  # no room beside the names: a line of its own above them
            steps.append(_Text(x, y, width, 4, 8, False, MUTED, cut))
            y += 4
        for line in whose:
            steps.append(_Text(x, y, width, 5.5, 10, True, INK, line))
            y += 5.5
        y += 0.5
        cursor = x
        ask = self.text(slip.can_you_come)
        ask_width = self.width_of(ask, 9.5, True)
        steps.append(_Text(cursor, y, ask_width, 6, 9.5, True, INK, ask))
        cursor += ask_width + 3
        for choice in slip.choices:
            text = self.text(choice)
            text_width = self.width_of(text, 9.5)
            steps.append(_Box(cursor, y + 1.4, 3.2))
            steps.append(_Text(cursor + 4, y, text_width, 6, 9.5, False, INK, text))
            cursor += 4 + text_width + 5
        sign = self.text(slip.signature)
        sign_width = self.width_of(sign, 9.5)
        if x + width - cursor < sign_width + 30:  # no room beside: on a line of its own
            y += 7
            cursor = x
        steps.append(_Text(cursor, y, sign_width, 6, 9.5, False, MUTED, sign))
        steps.append(_Line(cursor + sign_width + 1, y + 4.6, x + width, y + 4.6, INK, 0.3))
        return steps, y + 6 + 4

    def width_of(self, text: str, size: float, bold: bool = False) -> float:
        """How wide a cell holding ``text`` at ``size`` points is (remembered)."""
        key = (text, size, bold)
        found = self._widths.get(key)
        if found is None:
            pdf = self.pdf
            pdf.set_font(FAMILY, "B" if bold else "", size)
            found = self._widths[key] = pdf.get_string_width(text) + 2 * pdf.c_margin
        return found

    def cut_line(self, y: float, *, dash: float) -> None:
        """A dashed line across the page with scissors at its start."""
        self.draw(
            [
                _Line(self.left + 7, y, self.left + self.width, y, MUTED, 0.4, dash=dash),
                _Text(self.left - 0.5, y - 2.8, 6, 5.6, 13, False, MUTED, _SCISSORS),
            ],
            0.0,
        )

    def draw(self, steps: list[_Step], top: float) -> None:
        """Draw ``steps`` with their y measured from ``top``."""
        pdf = self.pdf
        for step in steps:
            if isinstance(step, _Text):  # placed as cell() would, at a fifth of its cost
                y = top + step.y
                if step.fill:
                    pdf.set_fill_color(*TINT)
                    pdf.rect(step.x, y, step.width, step.height, style="F")
                pdf.set_font(FAMILY, "B" if step.bold else "", step.size)
                if step.color != self._color:
                    pdf.set_text_color(*step.color)
                    self._color = step.color
                baseline = y + 0.5 * step.height + 0.3 * pdf.font_size
                pdf.text(step.x + pdf.c_margin, baseline, step.text)
            elif isinstance(step, _Line):
                pdf.set_draw_color(*step.color)
                pdf.set_line_width(step.width)
                pdf.set_dash_pattern(dash=step.dash, gap=step.dash)
                pdf.line(step.x1, top + step.y1, step.x2, top + step.y2)
                pdf.set_dash_pattern()
            else:
                pdf.set_draw_color(*INK)
                pdf.set_line_width(0.3)
                pdf.rect(step.x, top + step.y, step.size, step.size)
