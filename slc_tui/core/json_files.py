"""Reading the JSON files a teacher writes, with errors a teacher can act on."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

from slc_tui.core.problems import ProblemList

#: Larger files are refused before parsing (a portfolio is a few kilobytes).
MAX_JSON_BYTES = 2 * 1024 * 1024


def read_json_file(path: Path, problems: ProblemList) -> Any | None:
    """Parse ``path`` as UTF-8 JSON (a byte-order mark is accepted).

    Returns the parsed value, or None after recording why it could not be read:
    a missing file, a file too large, bytes that are not UTF-8, or a JSON syntax
    error with its line and column. A file holding JSON ``null`` also returns None,
    so callers tell failure apart by whether an error was recorded.
    """
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            # A FIFO would block and a device (/dev/zero) never ends: read files only.
            problems.error("", "is not a regular file")
            return None
        size = info.st_size
        if size > MAX_JSON_BYTES:
            problems.error(
                "", f"file is too large ({size:,} bytes; the limit is {MAX_JSON_BYTES:,})"
            )
            return None
        raw = path.read_bytes()
    except FileNotFoundError:
        problems.error("", "file not found")
        return None
    except OSError as exc:
        problems.error("", f"cannot be read ({exc.strerror or exc})")
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.error("", f"is not UTF-8 text (bad byte at offset {exc.start}); save it as UTF-8")
        return None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        problems.error("", f"line {exc.lineno}, column {exc.colno}: invalid JSON: {exc.msg}")
        return None
    except RecursionError:
        problems.error("", "nested too deeply to be a class file")
        return None
