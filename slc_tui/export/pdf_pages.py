"""What every PDF slc prints shares: the bundled DejaVu Sans (accents, Vietnamese,
Cyrillic), A4 or Letter, the margins and colours, a footer with a title and the page
number, and text cut down to what the font can draw (emoji are left out, never drawn as
empty boxes). fpdf2 is imported when a PDF is made, not when slc starts."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from slc_tui.core.i18n import filled

if TYPE_CHECKING:
    from fpdf import FPDF

__all__ = [
    "ACCENT",
    "FAMILY",
    "FONT_DIR",
    "FRAME",
    "INK",
    "MARGIN",
    "MUTED",
    "TINT",
    "drawable",
    "new_pdf",
    "printable",
]

#: The bundled fonts (with their LICENSE).
FONT_DIR = Path(__file__).with_name("fonts")
FAMILY = "DejaVu"
_FONTS = {"": FONT_DIR / "DejaVuSans.ttf", "B": FONT_DIR / "DejaVuSans-Bold.ttf"}
PAGE_FORMATS = {"a4": "A4", "letter": "Letter"}
#: A page footer's number when no other words are given.
PAGE_WORDS = "page {page} of {pages}"

#: The page margin in millimetres.
MARGIN = 18.0
INK = (33, 37, 41)
MUTED = (95, 99, 110)
ACCENT = (22, 101, 120)
TINT = (229, 242, 245)
FRAME = (200, 204, 210)

#: Joiners and emoji variation selectors: they only glue emoji, which the font lacks.
_EMOJI_GLUE = re.compile("[\u200d\ufe0e\ufe0f]")


def new_pdf(
    paper: str, footer: str, page_words: str = PAGE_WORDS, english: str = PAGE_WORDS
) -> FPDF:
    """An empty :class:`FPDF` for ``paper`` (``a4`` or ``letter``) with the bundled fonts,
    whose pages end with ``footer · page N of M``: ``page_words`` is ``english`` as a
    catalog gave it, with ``{page}`` and ``{pages}`` (the English is used when the catalog
    got them wrong); fpdf2 is imported here."""
    from fpdf import FPDF

    class SlcPDF(FPDF):
        allowed: frozenset[int] | None = None  # drawable(self), once every font is added

        def footer(self) -> None:
            """``footer`` and the page number, in the bottom margin."""
            self.set_y(-MARGIN + 5)
            self.set_font(FAMILY, "", 8)
            self.set_text_color(*MUTED)
            page = filled(page_words, english, page=self.page_no(), pages=self.str_alias_nb_pages)
            if self.allowed is None:
                self.allowed = drawable(self)
            text = printable(" · ".join(part for part in (footer, page) if part), self.allowed)
            self.cell(0, 4, text.strip(), align="C")

    pdf = SlcPDF(orientation="portrait", unit="mm", format=PAGE_FORMATS.get(paper, "A4"))
    for style, path in _FONTS.items():
        pdf.add_font(FAMILY, style, str(path))
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, MARGIN)
    pdf.set_creator("slc")
    return pdf


def drawable(pdf: FPDF) -> frozenset[int]:
    """The characters every font added to ``pdf`` can draw (from their character maps)."""
    from fpdf.fonts import TTFFont

    maps = [set(font.cmap) for font in pdf.fonts.values() if isinstance(font, TTFFont)]
    return frozenset(set.intersection(*maps)) if maps else frozenset()


def printable(text: str, allowed: frozenset[int]) -> str:
    """``text`` with every character not in ``allowed`` left out, with the spaces before
    it (``read 📚 together`` prints ``read together``); tabs become spaces, line breaks
    are kept, and lines start with no spaces."""
    kept: list[str] = []
    for char in _EMOJI_GLUE.sub("", text):
        if ord(char) in allowed or char == "\n":
            kept.append(char)
        elif char == "\t":
            kept.append(" ")
        else:
            while kept and kept[-1] == " ":
                kept.pop()
    return re.sub(r"\n +", "\n", re.sub(" {2,}", " ", "".join(kept)))
