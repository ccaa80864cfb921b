"""Small readers that pull typed fields out of parsed JSON, recording problems by field path."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from slc_tui.core.i18n import N_, _, fill, nfill, number_text
from slc_tui.core.problems import ProblemList
from slc_tui.core.text import MAX_TEXT_LENGTH, clean_text

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
DATE_PATTERN = re.compile(r"\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?", re.ASCII)
GRADES = ("K", *(str(n) for n in range(1, 13)))
#: Lists longer than this are refused rather than slowly rendered.
MAX_LIST_ITEMS = 500
#: Unknown keys named one by one in warnings (the rest are counted).
MAX_KEY_WARNINGS = 20
#: What a field must be, for :func:`read_list` (``kind``), as whole messages.
_NOT_A_LIST = {
    "a list": N_("must be a list, not {found}"),
    "a list of text": N_("must be a list of text, not {found}"),
}
#: A list too long, for :func:`read_list` (``noun``), as whole messages.
_TOO_MANY = {
    "items": N_("has {count} items; the limit is {limit}"),
    "pieces": N_("has {count} pieces; the limit is {limit}"),
    "goals": N_("has {count} goals; the limit is {limit}"),
}
#: The message of an unknown key (see :func:`warn_unknown_keys`).
UNKNOWN_FIELD = N_("unknown field (ignored)")


def is_valid_id(value: object) -> bool:
    """True when ``value`` is a student or piece id: ``[a-z0-9][a-z0-9_-]{0,63}``."""
    return isinstance(value, str) and ID_PATTERN.fullmatch(value) is not None


def is_valid_date(value: str) -> bool:
    """True for an ISO date ``YYYY-MM-DD`` (a real calendar day) or month ``YYYY-MM``."""
    if DATE_PATTERN.fullmatch(value) is None:
        return False
    if len(value) == 7:
        return True
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def join(path: str, key: str | int) -> str:
    """Extend a field path: ``join("pieces", 2)`` is ``pieces[2]``, ``join("student", "id")``…"""
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def read_object(value: Any, path: str, problems: ProblemList) -> dict[str, Any] | None:
    """Return ``value`` if it is a JSON object, else record an error."""
    if isinstance(value, dict):
        return value
    problems.error(path, fill("must be an object, not {found}", found=type_name(value)))
    return None


def read_text(
    obj: dict[str, Any],
    key: str,
    path: str,
    problems: ProblemList,
    *,
    required: bool = False,
    max_length: int = MAX_TEXT_LENGTH,
) -> str:
    """Read an optional (or required) string field, cleaned; "" when absent or wrong."""
    # The field's path is only spelled out for a problem: a big class reads ~50,000 fields.
    value = obj.get(key)
    if value is None:
        if required:
            problems.error(join(path, key), _("is required"))
        return ""
    if not isinstance(value, str):
        problems.error(join(path, key), fill("must be text, not {found}", found=type_name(value)))
        return ""
    if len(value) > max_length:
        problems.error(
            join(path, key),
            fill(
                "is too long ({length} characters; the limit is {limit})",
                length=number_text(len(value)),
                limit=number_text(max_length),
            ),
        )
        return ""
    cleaned = clean_text(value, max_length=max_length)
    if required and not cleaned.strip():
        problems.error(join(path, key), _("is required (it is empty)"))
        return ""
    return cleaned


def read_list(
    value: Any, field: str, problems: ProblemList, *, kind: str = "a list", noun: str = "items"
) -> list[Any]:
    """``value`` if it is a list within :data:`MAX_LIST_ITEMS`; else [] (absent) or an error.

    ``kind`` names the expected type in the message ("a list of text"), ``noun`` its items
    (each message is whole, in :data:`_NOT_A_LIST` and :data:`_TOO_MANY`).
    """
    if value is None:
        return []
    if not isinstance(value, list):
        message = _NOT_A_LIST.get(kind, f"must be {kind}, not {{found}}")
        problems.error(field, fill(message, found=type_name(value)))
        return []
    if len(value) > MAX_LIST_ITEMS:
        too_many = _TOO_MANY.get(noun, f"has {{count}} {noun}; the limit is {{limit}}")
        problems.error(
            field, fill(too_many, count=number_text(len(value)), limit=str(MAX_LIST_ITEMS))
        )
        return []
    return value


def read_text_list(obj: dict[str, Any], key: str, path: str, problems: ProblemList) -> list[str]:
    """Read an optional list of strings; bad items are reported and skipped."""
    field = join(path, key)
    value = read_list(obj.get(key), field, problems, kind="a list of text")
    items: list[str] = []
    for index, item in enumerate(value):
        if not isinstance(item, str):
            problems.error(
                join(field, index), fill("must be text, not {found}", found=type_name(item))
            )
        elif len(item) > MAX_TEXT_LENGTH:
            length = number_text(len(item))
            problems.error(
                join(field, index), fill("is too long ({length} characters)", length=length)
            )
        elif cleaned := clean_text(item).strip():
            items.append(cleaned)
    return items


def read_document(
    data: Any, expected_format: str, known: set[str], problems: ProblemList
) -> dict[str, Any] | None:
    """Check a whole file's top level: an object, of ``expected_format``, with known keys.

    Returns the object, or None (after recording why) when the file cannot be used.
    """
    obj = read_object(data, "", problems)
    if obj is None:
        return None
    fmt = obj.get("format")
    if fmt != expected_format:
        if fmt is None:
            message = fill('is required; this slc reads "{expected}"', expected=expected_format)
        else:
            message = fill(
                'unknown format {found}; this slc reads "{expected}"',
                found=shown(fmt),
                expected=expected_format,
            )
        problems.error("format", message)
        return None
    warn_unknown_keys(obj, known | {"format"}, "", problems)
    return obj


def warn_unknown_keys(
    obj: dict[str, Any],
    known: set[str] | frozenset[str],
    path: str,
    problems: ProblemList,
    *,
    message: str = UNKNOWN_FIELD,
) -> None:
    """Warn about keys the format does not define (they are ignored): ``message``, marked
    with ``N_`` by the caller, is translated here.

    At most :data:`MAX_KEY_WARNINGS` are named; a final warning counts the rest.
    """
    # "$schema" lets a teacher's editor find the JSON Schema; it is expected, not unknown.
    unknown = sorted(set(obj) - known - {"$schema"}, key=str)
    if not unknown:
        return
    said = _(message)
    for key in unknown[:MAX_KEY_WARNINGS]:
        problems.warning(join(path, key), said)
    if len(unknown) > MAX_KEY_WARNINGS:
        more = len(unknown) - MAX_KEY_WARNINGS
        problems.warning(
            path,
            nfill(
                "{count} more unknown fields (ignored)",
                "{count} more unknown fields (ignored)",
                more,
                count=number_text(more),
            ),
        )


def shown(value: object, *, max_length: int = 60) -> str:
    """A short, safe rendering of a JSON value for a message: ``'13'``, ``7``, ``a list``.

    Lists and objects are named by type (their text could be huge), long text is cut
    and numbers too long to print are described instead.
    """
    if isinstance(value, list | dict):
        return type_name(value)
    if isinstance(value, str):
        return repr(value[:max_length]) + ("…" if len(value) > max_length else "")
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 128:
        return _("a very large number")
    return repr(value)[:max_length]


def json_type(value: object) -> str:
    """The JSON name of a Python value's type, in English (see :func:`type_name`)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        # TRANSLATORS: the type of a JSON value true or false, as in "must be text, not true/false".
        return N_("true/false")
    if isinstance(value, int | float):
        # TRANSLATORS: as in "must be text, not a number".
        return N_("a number")
    if isinstance(value, str):
        # TRANSLATORS: as in "must be a list, not text".
        return N_("text")
    if isinstance(value, list):
        # TRANSLATORS: as in "must be text, not a list".
        return N_("a list")
    if isinstance(value, dict):
        # TRANSLATORS: as in "must be text, not an object" (a JSON object: {...}).
        return N_("an object")
    return type(value).__name__


def type_name(value: object) -> str:
    """The JSON name of a Python value's type, for messages, in the active language."""
    return _(json_type(value))
