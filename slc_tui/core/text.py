"""Cleaning text typed by families or written by teachers before it is kept."""

from __future__ import annotations

import re
import unicodedata

#: The longest text a single box keeps (a visible limit in the UI too).
MAX_TEXT_LENGTH = 2000
#: The longest single-line entry (a strength, a goal, a question).
MAX_LINE_LENGTH = 300

#: The control characters (Unicode category Cc: U+0000-U+001F and U+007F-U+009F) that
#: :func:`clean_text` drops: all but tab and newline (a carriage return has become a newline
#: before this is used). Category Cc is closed: Unicode never assigns it to new characters.
_DROPPED_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
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
    # Whole-string operations (C loops), not a Python loop over characters: a class of 1,000
    # portfolios holds millions of characters and is cleaned every time it is opened.
    text = value[: 4 * max_length]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isprintable():  # only then can it hold controls, newlines or tabs
        text = _DROPPED_CONTROLS.sub("", text)
        if not multiline:
            text = text.replace("\n", " ").replace("\t", " ")
    if text.isascii():  # ASCII is NFC and has no surrogates: nothing else can change
        return text[:max_length]
    # Normalise after dropping controls: a control between two accents hides their order.
    text = unicodedata.normalize("NFC", text)[:max_length]
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
