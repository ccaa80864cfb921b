"""Making student and piece ids from names and titles: ``"Zoë O'Brien"`` → ``zoe-obrien``."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container

from slc_tui.core.fields import is_valid_id

#: The longest id (see :data:`slc_tui.core.fields.ID_PATTERN`).
MAX_ID_LENGTH = 64
#: Letters that Unicode does not decompose into an ASCII letter and an accent.
_LETTERS = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ı": "i",
        "ħ": "h",
        "ŧ": "t",
    }
)
#: Apostrophes vanish inside a word (``O'Brien`` → ``obrien``).
_APOSTROPHES = re.compile("['’ʼ`´]")
_NOT_ID = re.compile(r"[^a-z0-9]+")


def slug(text: str, *, fallback: str = "student") -> str:
    """An id made from ``text``: ASCII letters and digits joined by ``-``, lowercase.

    Accents are dropped (``é`` → ``e``), a few letters are spelt out (``ß`` → ``ss``), and
    anything else separates words. Text with nothing left (a name in Chinese script, say)
    gives ``fallback``. The result is a valid id of at most 60 characters, so a ``-NN``
    suffix still fits.
    """
    lowered = unicodedata.normalize("NFKD", text.casefold().translate(_LETTERS))
    ascii_text = lowered.encode("ascii", "ignore").decode("ascii")
    words = _NOT_ID.sub("-", _APOSTROPHES.sub("", ascii_text)).strip("-")
    made = words[: MAX_ID_LENGTH - 4].rstrip("-")
    return made if is_valid_id(made) else fallback


def unique_id(base: str, taken: Container[str]) -> str:
    """``base``, or ``base-2``, ``base-3``… the first that is not in ``taken`` (and fits)."""
    if base not in taken:
        return base
    number = 2
    while True:
        suffix = f"-{number}"
        candidate = base[: MAX_ID_LENGTH - len(suffix)].rstrip("-") + suffix
        if candidate not in taken:
            return candidate
        number += 1
