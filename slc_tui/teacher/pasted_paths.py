"""Paths as a teacher pastes them, or as a terminal types them when a file is dragged in.

Terminals type a dragged file as ``'/path/with spaces.png'``, ``/path/with\\ spaces.png`` or
``file:///path/with%20spaces.png``, several files separated by spaces; a path copied by hand
may start with ``~`` or sit in double quotes.
"""

from __future__ import annotations

import os
import shlex
from pathlib import Path
from urllib.parse import unquote, urlsplit

_QUOTES = ("'", '"')


def clean_pasted_path(text: str) -> Path:
    """One pasted or dragged path as a real path: quotes, shell escapes, ``file://`` and ``~``
    undone (``"'~/My photos/cat.png'"`` → ``/home/me/My photos/cat.png``)."""
    value = text.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in _QUOTES:
        value = value[1:-1]
    elif os.sep == "/" and "\\" in value and not value.startswith("file:"):
        value = _unescaped(value)
    return _as_path(value)


def pasted_paths(text: str) -> list[Path]:
    """Every path in a paste or a drop of one or more files (in order).

    Text that names an existing file as it stands is that one path, spaces and all; else it
    is split as a shell would split it (quotes and ``\\`` escapes), each part cleaned by
    :func:`clean_pasted_path`.
    """
    value = text.strip()
    if not value:
        return []
    whole = clean_pasted_path(value)
    if whole.exists():
        return [whole]
    try:
        parts = shlex.split(value, posix=os.sep == "/")
    except ValueError:  # an unbalanced quote: take the text as one path
        return [whole]
    return [_as_path(part.strip('"') if os.sep != "/" else part) for part in parts if part]


def _unescaped(value: str) -> str:
    """``/a\\ b\\(1\\).png`` → ``/a b(1).png``: a backslash keeps the character after it."""
    try:
        parts = shlex.split(value)
    except ValueError:
        return value
    return parts[0] if len(parts) == 1 else value


def _as_path(value: str) -> Path:
    if value.startswith("file:"):
        parts = urlsplit(value)
        if parts.netloc in ("", "localhost"):
            value = unquote(parts.path)
    return Path(os.path.expanduser(value))
