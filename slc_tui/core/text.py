"""Cleaning text typed by families or written by teachers before it is kept."""

from __future__ import annotations

import re
import unicodedata

#: The longest text a single box keeps (a visible limit in the UI too).
MAX_TEXT_LENGTH = 2000
#: The longest single-line entry (a strength, a goal, a question).
MAX_LINE_LENGTH = 300

_KEEP_CONTROLS = {"\n", "\t"}
#: A lone UTF-16 surrogate (JSON allows ``"\ud800"``) cannot be written as UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")
#: Zero-width joiner: not "printable" to Python, but part of emoji like 👩‍👩‍👧.
_ZWJ = "\u200d"


def clean_text(value: str, *, max_length: int = MAX_TEXT_LENGTH, multiline: bool = True) -> str:
    """Return ``value`` NFC-normalised, without control characters, and at most ``max_length``.

    Newlines survive only when ``multiline``; emoji, accents, CJK and right-to-left
    text pass through unchanged. A lone surrogate (which could never be saved as
    UTF-8) becomes U+FFFD, the replacement character. Only the first
    ``4 * max_length`` characters are looked at, so absurd input costs little.
    """
    kept = []
    for char in value[: 4 * max_length].replace("\r\n", "\n").replace("\r", "\n"):
        if char in _KEEP_CONTROLS:
            kept.append(char if multiline else " ")
        elif unicodedata.category(char) != "Cc":
            kept.append(char)
    # Normalise after dropping controls: a control between two accents hides their order.
    text = unicodedata.normalize("NFC", "".join(kept))[:max_length]
    if not unicodedata.is_normalized("NFC", text):  # cut inside a sequence
        text = unicodedata.normalize("NFC", text)[:max_length]
    return without_surrogates(text)


def clean_line(value: str, *, max_length: int = MAX_LINE_LENGTH) -> str:
    """Return a single-line entry cleaned like :func:`clean_text` and stripped."""
    return clean_text(value, max_length=max_length, multiline=False).strip()


def without_surrogates(value: str) -> str:
    """``value`` with every lone surrogate replaced by U+FFFD, so it can be written as UTF-8."""
    return _SURROGATE.sub("\ufffd", value)


def printable(value: str, *, max_length: int | None = None) -> str:
    """``value`` made safe to print in a message: one line, nothing hidden.

    Control characters (a terminal escape, a newline), invisible formatting such as
    right-to-left overrides, and lone surrogates are shown as escapes (``\\x1b``);
    letters of every script and emoji are kept. Text longer than ``max_length`` is cut
    with an ellipsis.
    """
    if max_length is not None and len(value) > max_length:
        value = value[:max_length] + "…"
    if value.isprintable():
        return value
    return "".join(
        char if char.isprintable() or char == _ZWJ else ascii(char)[1:-1] for char in value
    )
