"""Reading the JSON files a teacher writes, with errors a teacher can act on."""

from __future__ import annotations

import json
import math
import re
import stat
from pathlib import Path
from typing import Any

from slc_tui.core.i18n import N_, _, fill, number_text
from slc_tui.core.problems import ProblemList

#: Larger files are refused before parsing (a portfolio is a few kilobytes).
MAX_JSON_BYTES = 2 * 1024 * 1024
#: A JSON token as Python's scanner reads it: a string (skipped whole), a number,
#: NaN / Infinity, or any other single character. (Compiled when a bad number is first
#: looked for: compiling it costs more than reading a portfolio.)
_TOKEN = r'"(?:[^"\\]|\\.)*"|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|NaN|-?Infinity|.'
#: What Python's JSON parser says most often (``JSONDecodeError.msg``), marked so that it is
#: translated too; anything else it says stays in English.
JSON_MESSAGES = (
    N_("Expecting value"),
    N_("Expecting ',' delimiter"),
    N_("Expecting ':' delimiter"),
    N_("Expecting property name enclosed in double quotes"),
    N_("Extra data"),
    N_("Unterminated string starting at"),
    N_("Invalid control character at"),
    N_("Invalid \\escape"),
    N_("Invalid \\uXXXX escape"),
    N_("Illegal trailing comma before end of object"),
    N_("Illegal trailing comma before end of array"),
)


class _BadNumber(ValueError):
    """A number JSON allows in theory but no class file can hold (or NaN / Infinity)."""

    def __init__(self, literal: str, reason: str) -> None:
        super().__init__(reason)
        self.literal = literal
        self.reason = reason


def _refuse_constant(name: str) -> Any:
    raise _BadNumber(name, fill("{name} is not a JSON value (write a number or null)", name=name))


def _too_large(literal: str) -> str:
    return fill("number {number} is too large", number=_short(literal))


def _parse_int(literal: str) -> int:
    try:
        return int(literal)
    except ValueError:  # longer than Python's int-string conversion limit (4300 digits)
        raise _BadNumber(literal, _too_large(literal)) from None


def _parse_float(literal: str) -> float:
    value = float(literal)
    if not math.isfinite(value):  # 1e999 silently becomes infinity
        raise _BadNumber(literal, _too_large(literal))
    return value


def _short(literal: str) -> str:
    if len(literal) <= 24:
        return literal
    return fill(
        "{start}… ({length} characters long)",
        start=literal[:12],
        length=number_text(len(literal)),
    )


def _where(text: str, literal: str) -> tuple[int, int] | None:
    """(line, column) of the first ``literal`` token outside strings, else None."""
    for match in re.finditer(_TOKEN, text, re.DOTALL):
        if match.group() == literal:
            pos = match.start()
            line = text.count("\n", 0, pos) + 1
            column = pos - text.rfind("\n", 0, pos)
            return line, column
    return None


def _invalid_at(line: int, column: int, reason: str) -> str:
    return fill(
        "line {line}, column {column}: invalid JSON: {reason}",
        line=line,
        column=column,
        reason=reason,
    )


def parse_json_text(text: str, problems: ProblemList) -> Any | None:
    """Parse ``text`` as strict JSON, recording a problem (with line and column) on failure.

    Beyond Python's own parser this refuses ``NaN`` / ``Infinity`` and numbers too
    large to hold (``1e999``, ten thousand digits), and reports nesting too deep
    to read; returns None when a problem was recorded (or for JSON ``null``).
    """
    if not text.strip():
        problems.error("", _("is empty (it should hold a JSON object)"))
        return None
    try:
        return json.loads(
            text, parse_constant=_refuse_constant, parse_int=_parse_int, parse_float=_parse_float
        )
    except json.JSONDecodeError as exc:
        problems.error("", _invalid_at(exc.lineno, exc.colno, _(exc.msg)))
    except _BadNumber as exc:
        where = _where(text, exc.literal)
        if where is None:
            problems.error("", fill("invalid JSON: {reason}", reason=exc.reason))
        else:
            problems.error("", _invalid_at(*where, exc.reason))
    except RecursionError:
        problems.error(
            "", _("invalid JSON: nested too deeply (lists or objects inside each other)")
        )
    except (ValueError, MemoryError) as exc:
        problems.error("", fill("invalid JSON: {reason}", reason=str(exc)[:200]))
    return None


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
            problems.error("", _("is not a regular file"))
            return None
        size = info.st_size
        if size > MAX_JSON_BYTES:
            problems.error(
                "",
                fill(
                    "file is too large ({size} bytes; the limit is {limit})",
                    size=number_text(size),
                    limit=number_text(MAX_JSON_BYTES),
                ),
            )
            return None
        raw = path.read_bytes()
    except FileNotFoundError:
        problems.error("", _("file not found"))
        return None
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
        reason = getattr(exc, "strerror", None) or exc
        problems.error("", fill("cannot be read ({reason})", reason=reason))
        return None
    if len(raw) > MAX_JSON_BYTES:  # the file grew after stat()
        limit = number_text(MAX_JSON_BYTES)
        problems.error("", fill("file is too large (the limit is {limit} bytes)", limit=limit))
        return None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        problems.error("", _("is UTF-16 text; save it as UTF-8"))
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.error(
            "",
            fill(
                "is not UTF-8 text (bad byte at offset {offset}); save it as UTF-8",
                offset=exc.start,
            ),
        )
        return None
    return parse_json_text(text, problems)
