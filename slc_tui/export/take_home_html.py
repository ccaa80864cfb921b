"""The family's take-home copy as one self-contained HTML page: the pictures are ``data:``
URIs, the style is in the page, and its Content-Security-Policy lets it fetch nothing. Every
text is escaped (a typed ``<script>`` shows as text). It prints on the class's paper."""

from __future__ import annotations

import base64
import html

from slc_tui.core.text import without_surrogates
from slc_tui.export.take_home_copy import (
    ContentPiece,
    Entry,
    Section,
    TakeHomeContent,
    TakeHomeCopy,
    take_home_content,
)

__all__ = ["take_home_html"]

#: Nothing may be loaded from anywhere: only the page's own style and its data: pictures.
_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"
_PAGE_SIZES = {"a4": "A4", "letter": "letter"}

_STYLE = """
body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; color: #212529;
  max-width: 46em; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
h1 { color: #166578; font-size: 1.8em; margin: 0 0 .2em; }
h2 { color: #166578; font-size: 1.2em; margin: 1.4em 0 .4em; break-after: avoid; }
.meta, .said-label, .missing, .closing, .signers span { color: #5f636e; }
.meta { margin: 0; }
hr { border: 0; border-top: 2px solid #166578; margin: .8em 0 1em; }
.piece { display: flex; gap: 1.2em; margin: 0 0 1.2em; break-inside: avoid; }
.picture { flex: none; width: 14em; text-align: center; }
.picture img { max-width: 100%; max-height: 14em; width: auto; height: auto;
  border: 1px solid #c8ccd2; }
.piece h3 { margin: 0 0 .3em; font-size: 1.05em; }
.said-label { font-size: .8em; margin: 0; }
.said, .entry { white-space: pre-line; margin: 0 0 .4em; }
ul { padding-left: 1.4em; margin: 0; }
li { margin: 0 0 .4em; break-inside: avoid; }
.detail { font-size: .92em; margin: .1em 0 0; }
.detail b { color: #5f636e; }
.follow-up { background: #e5f2f5; padding: .6em .9em; }
.signers { display: flex; gap: 2em; margin: 3.5em 0 1em; break-inside: avoid; }
.signers span { flex: 1; border-top: 1px solid #212529; padding-top: .2em; font-size: .8em; }
.closing { font-size: .9em; }
@media print { body { margin: 0; max-width: none; } }
"""


def take_home_html(copy: TakeHomeCopy) -> str:
    """The take-home copy of ``copy`` as a complete HTML document."""
    content = take_home_content(copy)
    page_size = _PAGE_SIZES[content.paper]
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{_text(content.language)}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_text(content.title)}</title>",
        f"<style>{_STYLE}@page {{ size: {page_size}; margin: 18mm; }}\n</style>",
        "</head>",
        "<body>",
        *_header(content),
    ]
    if content.pieces:
        parts.append(f"<h2>{_text(content.pieces_heading)}</h2>")
        parts += [_piece(piece) for piece in content.pieces]
    for section in content.sections:
        parts += _section(section)
    if content.follow_up:
        parts.append(f"<h2>{_text(content.follow_up_heading)}</h2>")
        parts.append(f'<p class="follow-up">{_text(content.follow_up)}</p>')
    parts.append(f"<p>{_text(content.signatures_intro)}</p>")
    signers = "".join(f"<span>{_text(signer)}</span>" for signer in content.signers)
    parts.append(f'<div class="signers">{signers}</div>')
    parts.append(f'<p class="closing">{_text(content.closing)}</p>')
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def _text(value: str) -> str:
    """``value`` as HTML text: escaped (quotes too), never markup."""
    return html.escape(without_surrogates(value), quote=True)


def _header(content: TakeHomeContent) -> list[str]:
    lines = [f"<h1>{_text(content.title)}</h1>"]
    lines += [
        f'<p class="meta">{_text(line)}</p>'
        for line in (content.subtitle, content.teacher_line)
        if line
    ]
    lines += ["<hr>", f"<p>{_text(content.intro)}</p>"]
    if content.unfinished:
        lines.append(f'<p class="meta">{_text(content.unfinished)}</p>')
    return lines


def _piece(piece: ContentPiece) -> str:
    lines = ['<div class="piece">']
    if piece.picture is not None:
        data = base64.b64encode(piece.picture.data).decode("ascii")
        lines.append(
            f'<div class="picture"><img src="data:{_text(piece.picture.mime)};base64,{data}"'
            f' alt="{_text(piece.title)}" width="{piece.picture.width}"'
            f' height="{piece.picture.height}"></div>'
        )
    lines.append(f"<div><h3>{_text(piece.title)}</h3>")
    if piece.said:
        lines.append(f'<p class="said-label">{_text(piece.said_label)}</p>')
        lines.append(f'<p class="said">{_text(piece.said)}</p>')
    if piece.placeholder:
        lines.append(f'<p class="missing">{_text(piece.placeholder)}</p>')
    lines.append("</div></div>")
    return "\n".join(lines)


def _section(section: Section) -> list[str]:
    return [
        f"<h2>{_text(section.heading)}</h2>",
        "<ul>",
        *(_entry(entry) for entry in section.entries),
        "</ul>",
    ]


def _entry(entry: Entry) -> str:
    details = "".join(
        f'<p class="detail"><b>{_text(label)}</b>{_text(text)}</p>' for label, text in entry.details
    )
    return f'<li><p class="entry">{_text(entry.text)}</p>{details}</li>'
