"""Cleaning text typed by families or written by teachers before it is kept."""

from __future__ import annotations

import unicodedata

#: The longest text a single box keeps (a visible limit in the UI too).
MAX_TEXT_LENGTH = 2000
#: The longest single-line entry (a strength, a goal, a question).
MAX_LINE_LENGTH = 300

_KEEP_CONTROLS = {"\n", "\t"}


def clean_text(value: str, *, max_length: int = MAX_TEXT_LENGTH, multiline: bool = True) -> str:
    """Return ``value`` NFC-normalised, without control characters, and at most ``max_length``.

    Newlines survive only when ``multiline``; emoji, accents, CJK and right-to-left
    text pass through unchanged.
    """
    text = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))
    kept = []
    for char in text:
        if char in _KEEP_CONTROLS:
            kept.append(char if multiline else " ")
        elif unicodedata.category(char) != "Cc":
            kept.append(char)
    return "".join(kept)[:max_length]


def clean_line(value: str, *, max_length: int = MAX_LINE_LENGTH) -> str:
    """Return a single-line entry cleaned like :func:`clean_text` and stripped."""
    return clean_text(value, max_length=max_length, multiline=False).strip()
