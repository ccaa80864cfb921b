"""The family's take-home copy as a PDF, for the fridge (the page, fonts and text rules
of :mod:`slc_tui.export.pdf_pages`)."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, cast

from slc_tui.export import take_home_words as words
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
from slc_tui.export.take_home_copy import (
    ContentPiece,
    Entry,
    PrintPicture,
    TakeHomeContent,
    TakeHomeCopy,
    take_home_content,
)

if TYPE_CHECKING:
    from fpdf import FPDF

__all__ = ["take_home_pdf"]

# Sizes in millimetres (fonts in points).
_PICTURE_BOX = 58.0  # the longest side of a piece's picture
_GAP = 6.0
_LINE = 5.6  # body text, 11 pt
_INDENT = 7.0  # a bullet's text


def take_home_pdf(copy: TakeHomeCopy) -> bytes:
    """The take-home copy of ``copy`` as PDF bytes (A4 or Letter, as ``copy.paper`` says)."""
    content = take_home_content(copy)
    pdf = new_pdf(content.paper, content.title, content.page_words, words.PAGE)
    _Writer(pdf, content).write()
    return bytes(pdf.output())


class _Writer:
    """Draws one :class:`TakeHomeContent` into an :class:`FPDF`, top to bottom."""

    def __init__(self, pdf: FPDF, content: TakeHomeContent) -> None:
        self.pdf = pdf
        self.content = content
        self.allowed = drawable(pdf)

    def text(self, text: str) -> str:
        """``text`` as the fonts can draw it (see :func:`printable`), ends stripped."""
        return printable(text, self.allowed).strip()

    def write(self) -> None:
        """The whole copy, then each page's footer."""
        pdf, content = self.pdf, self.content
        pdf.set_title(self.text(content.title))
        pdf.set_lang(content.language)
        pdf.add_page()
        self.header()
        if content.pieces:
            self.heading(content.pieces_heading)
            for piece in content.pieces:
                self.piece(piece)
        for section in content.sections:
            self.heading(section.heading)
            for entry in section.entries:
                self.entry(entry)
        if content.follow_up:
            self.heading(content.follow_up_heading)
            self.font(11, color=INK)
            pdf.set_fill_color(*TINT)
            follow_up = self.text(content.follow_up)
            pdf.multi_cell(0, _LINE + 0.6, follow_up, fill=True, padding=3, align="L")
        self.signatures()

    def font(self, size: float, *, bold: bool = False, color: tuple[int, int, int]) -> None:
        """Set the font and the colour of the text that follows."""
        self.pdf.set_font(FAMILY, "B" if bold else "", size)
        self.pdf.set_text_color(*color)

    def paragraph(self, text: str, size: float, height: float, **style: object) -> None:
        """``text`` wrapped between the margins at ``size`` points."""
        bold = style.get("bold") is True
        color = style.get("color", INK)
        assert isinstance(color, tuple)
        self.font(size, bold=bold, color=color)
        self.pdf.multi_cell(0, height, self.text(text), align="L", new_x="LMARGIN", new_y="NEXT")

    def header(self) -> None:
        """Title, day · class · term, the teacher, a rule and the thank-you."""
        pdf, content = self.pdf, self.content
        self.paragraph(content.title, 22, 10, bold=True, color=ACCENT)
        pdf.ln(1)
        for line in (content.subtitle, content.teacher_line):
            if line:
                self.paragraph(line, 11, 6, color=MUTED)
        pdf.ln(2)
        pdf.set_draw_color(*ACCENT)
        pdf.set_line_width(0.6)
        pdf.line(pdf.l_margin, pdf.y, pdf.w - pdf.r_margin, pdf.y)
        pdf.ln(4)
        self.paragraph(content.intro, 11, _LINE)
        if content.unfinished:
            self.paragraph(content.unfinished, 10, _LINE, color=MUTED)

    def heading(self, text: str) -> None:
        """A section heading, kept on the page of what follows it."""
        pdf = self.pdf
        pdf.ln(4)
        if pdf.will_page_break(30):
            pdf.add_page()
        self.paragraph(text, 14, 8, bold=True, color=ACCENT)
        pdf.ln(1)

    def piece(self, piece: ContentPiece) -> None:
        """The picture on the left, the title and what the child said beside it."""
        pdf = self.pdf
        picture = piece.picture
        box_w, box_h = _fitted(picture) if picture is not None else (0.0, 0.0)
        text_x = pdf.l_margin + (_PICTURE_BOX + _GAP if picture is not None else 0)
        text_w = pdf.w - pdf.r_margin - text_x
        needed = max(box_h, self.piece_text_height(piece, text_w))
        if pdf.will_page_break(min(needed, pdf.eph * 0.8)):
            pdf.add_page()
        top, page = pdf.y, pdf.page
        if picture is not None:
            x = pdf.l_margin + (_PICTURE_BOX - box_w) / 2
            pdf.image(io.BytesIO(picture.data), x=x, y=top, w=box_w, h=box_h)
            pdf.set_draw_color(*FRAME)
            pdf.set_line_width(0.3)
            pdf.rect(x, top, box_w, box_h)
        margin = pdf.l_margin
        pdf.set_left_margin(text_x)
        pdf.set_xy(text_x, top)
        self.piece_text(piece)
        pdf.set_left_margin(margin)
        bottom = max(pdf.y, top + box_h) if pdf.page == page else pdf.y
        pdf.set_xy(margin, bottom + _GAP)

    def piece_text(self, piece: ContentPiece) -> None:
        """A piece's title, what the child said and, for a picture that could not be used,
        the line that says so (between the margins as they are set)."""
        self.paragraph(piece.title, 12.5, 6.5, bold=True)
        if piece.said:
            self.pdf.ln(0.5)
            self.paragraph(piece.said_label, 9, 4.5, color=MUTED)
            self.paragraph(piece.said, 11, _LINE)
        if piece.placeholder:
            self.pdf.ln(0.5)
            self.paragraph(piece.placeholder, 10, _LINE, color=MUTED)

    def piece_text_height(self, piece: ContentPiece, width: float) -> float:
        """How tall :meth:`piece_text` is at ``width`` millimetres."""
        parts = [(piece.title, 12.5, 6.5, True)]
        if piece.said:
            parts += [(piece.said_label, 9, 4.5, False), (piece.said, 11, _LINE, False)]
        if piece.placeholder:
            parts.append((piece.placeholder, 10, _LINE, False))
        height = 0.0
        for text, size, line, bold in parts:
            self.pdf.set_font(FAMILY, "B" if bold else "", size)
            lines = self.pdf.multi_cell(
                width, line, self.text(text), align="L", dry_run=True, output="LINES"
            )
            height += len(cast(list[str], lines)) * line + 0.5
        return height

    def entry(self, entry: Entry) -> None:
        """A bullet with its details (``How: …``, the label as the content words it) under it,
        indented."""
        pdf = self.pdf
        if pdf.will_page_break(_LINE * 2):
            pdf.add_page()
        margin = pdf.l_margin
        self.font(11, color=ACCENT)
        pdf.set_x(margin + 1.5)
        pdf.cell(_INDENT - 1.5, _LINE, "•")
        pdf.set_left_margin(margin + _INDENT)
        self.paragraph(entry.text, 11, _LINE)
        for label, text in entry.details:
            self.font(10, bold=True, color=MUTED)
            pdf.write(_LINE, printable(label, self.allowed))
            self.font(10, color=INK)
            pdf.write(_LINE, self.text(text))
            pdf.ln(_LINE)
        pdf.set_left_margin(margin)
        pdf.set_x(margin)
        pdf.ln(1.5)

    def signatures(self) -> None:
        """Three lines to sign on (kept together), then a closing word."""
        pdf, content = self.pdf, self.content
        pdf.ln(6)
        if pdf.will_page_break(44):
            pdf.add_page()
        self.paragraph(content.signatures_intro, 11, _LINE)
        pdf.ln(16)
        gap = 8.0
        width = (pdf.epw - gap * (len(content.signers) - 1)) / len(content.signers)
        top = pdf.y
        pdf.set_draw_color(*INK)
        pdf.set_line_width(0.3)
        for index, signer in enumerate(content.signers):
            x = pdf.l_margin + index * (width + gap)
            pdf.line(x, top, x + width, top)
            pdf.set_xy(x, top + 1.5)
            self.font(9, color=MUTED)
            pdf.cell(width, 4.5, self.text(signer))
        pdf.set_xy(pdf.l_margin, top + 12)
        self.paragraph(content.closing, 10, _LINE, color=MUTED)


def _fitted(picture: PrintPicture) -> tuple[float, float]:
    """The picture's size in millimetres, its longest side :data:`_PICTURE_BOX`."""
    scale = _PICTURE_BOX / max(picture.width, picture.height, 1)
    return max(picture.width * scale, 1.0), max(picture.height * scale, 1.0)
