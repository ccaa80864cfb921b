"""The one rule for naming a family's take-home copies, used when writing one and by
``slc forget`` (which must find every format)."""

from __future__ import annotations

import re
from typing import Any

__all__ = ["TAKE_HOME_DIR", "TAKE_HOME_FORMATS", "is_take_home_of", "take_home_name"]

#: Sub-folder of the results folder for the families' take-home copies.
TAKE_HOME_DIR = "take-home"
#: The formats a take-home copy can be written in (file name extensions).
TAKE_HOME_FORMATS = ("txt", "pdf", "html")


def take_home_name(record: dict[str, Any], fmt: str) -> str:
    """``ID-YYYY-MM-DD.FMT`` (the day the conference finished, else started; ``conference``
    when the record has neither)."""
    if fmt not in TAKE_HOME_FORMATS:
        raise ValueError(f"not a take-home format: {fmt!r}")
    day = str(record.get("finished") or record.get("started") or "")[:10]
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
        day = "conference"
    return f"{record['student_id']}-{day}.{fmt}"


def is_take_home_of(name: str, student_id: str) -> bool:
    """True if ``name`` is a take-home copy of ``student_id`` (any format), by the rule of
    :func:`take_home_name`: ``maya`` never matches ``maya-rose-2026-11-22.txt``, since what
    follows the id must be a day or ``conference``."""
    formats = "|".join(TAKE_HOME_FORMATS)
    pattern = rf"{re.escape(student_id)}-(\d{{4}}-\d{{2}}-\d{{2}}|conference)\.({formats})"
    return re.fullmatch(pattern, name) is not None
