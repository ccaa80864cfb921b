"""A JSON file slc edits and writes back, keeping what it does not know.

A document holds the file's top-level object exactly as parsed. Edits change values in
place, so every key slc does not know survives and the keys keep their order (a new key
goes at the end). :meth:`JsonDocument.to_text` gives the text to write; each kind of
document checks that text with the same reader ``slc validate`` uses before it is saved.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, Self, TypeVar

from slc_tui.core.fields import type_name
from slc_tui.core.i18n import N_, fill, number_text
from slc_tui.core.json_files import MAX_JSON_BYTES, parse_json_text
from slc_tui.core.problems import Problem, ProblemList

#: A lone surrogate (JSON allows ``"\ud800"``) cannot be written as UTF-8: it is escaped.
_SURROGATE = re.compile("[\ud800-\udfff]")
T = TypeVar("T")


class Refused(Exception):
    """A document that cannot be edited or saved as it is; ``problems`` say why, by field."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(str(problem) for problem in self.problems))


def document_text(data: dict[str, Any]) -> str:
    """``data`` as slc writes JSON: UTF-8-ready text, two-space indents, a final newline."""
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if _SURROGATE.search(text):  # only inside strings, where its escape means the same
        text = _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
    return text


def put(obj: dict[str, Any], key: str, value: Any) -> None:
    """Set ``obj[key]`` in place (a new key goes at the end).

    An empty value ("" or an empty list) for a key that is not there adds nothing.
    """
    if key not in obj and (value == "" or value == []):
        return
    obj[key] = value


def text_list(values: Iterable[str]) -> list[str]:
    """``values`` as a list of text (each must be a ``str``: TypeError otherwise)."""
    items = list(values)
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f"expected text, not {type(item).__name__}")
    return items


def move_item(items: list[Any], index: int, to: int) -> None:
    """Move ``items[index]`` to position ``to`` (IndexError if either is out of range)."""
    if not (0 <= index < len(items) and 0 <= to < len(items)):
        raise IndexError(f"cannot move item {index} to {to} of {len(items)}")
    items.insert(to, items.pop(index))


class JsonDocument:
    """One JSON file's top-level object, edited in place.

    ``path`` is where it is saved; ``base_text`` is the text of the object as it was read
    (or last saved), None for a file that does not exist yet: a saver compares it with
    the file on disk to notice a change made meanwhile by someone else.
    """

    def __init__(
        self,
        data: dict[str, Any],
        *,
        label: str,
        path: Path | None = None,
        base_text: str | None = None,
    ) -> None:
        self.data = data
        #: The file's name in problems: ``prompts.json``, ``portfolios/maya.json``.
        self.label = label
        self.path = path
        self.base_text = base_text

    @classmethod
    def from_data(
        cls, data: Any, problems: ProblemList, *, label: str, path: Path | None = None
    ) -> Self | None:
        """The document of ``data`` (a file's parsed JSON), or None when it is not an object.

        Only the shape is checked here, so a file with mistakes can still be opened and
        mended; ``base_text`` is set from ``data``, as read.
        """
        if not isinstance(data, dict):
            problems.error("", fill("must hold a JSON object, not {found}", found=type_name(data)))
            return None
        return cls(data, label=label, path=path, base_text=document_text(data))

    def to_text(self) -> str:
        """The text to write (see :func:`document_text`)."""
        return document_text(self.data)

    def to_bytes(self) -> bytes:
        """:meth:`to_text` as UTF-8."""
        return self.to_text().encode("utf-8")

    def checked_text(self, problems: ProblemList) -> tuple[str, Any]:
        """The text to write and that text parsed again, as the reader will see it.

        Records an error (and returns the parsed value None) when the text is too large to
        be read back or is not JSON the readers accept (NaN, say).
        """
        text = self.to_text()
        size = len(text.encode("utf-8"))
        if size > MAX_JSON_BYTES:
            problems.error(
                "",
                fill(
                    "would be too large ({size} bytes; the limit is {limit})",
                    size=number_text(size),
                    limit=number_text(MAX_JSON_BYTES),
                ),
            )
            return text, None
        return text, parse_json_text(text, problems)

    def saved(self, text: str) -> None:
        """Note that ``text`` is now what the file holds."""
        self.base_text = text

    # -- helpers for the editing methods of subclasses -------------------------------------------

    def _object(self, key: str) -> dict[str, Any]:
        """The object under top-level ``key`` (made at the end when missing)."""
        return child_object(self.data, key, key, self.label)

    def _list(self, key: str) -> list[Any]:
        """The list under top-level ``key`` (made at the end when missing)."""
        return child_list(self.data, key, key, self.label)


def child_object(obj: dict[str, Any], key: str, field: str, file: str) -> dict[str, Any]:
    """``obj[key]`` when it is an object; a new one at the end when missing or null.

    Raises :class:`Refused` naming ``field`` when it holds something else (a value slc
    cannot edit without losing what the teacher wrote there).
    """
    value = obj.get(key)
    if value is None:
        value = obj[key] = {}
    if not isinstance(value, dict):
        raise Refused([_cannot_edit(file, field, _NOT_AN_OBJECT, value)])
    return value


def child_list(obj: dict[str, Any], key: str, field: str, file: str) -> list[Any]:
    """``obj[key]`` when it is a list; a new one at the end when missing or null.

    Raises :class:`Refused` naming ``field`` when it holds something else.
    """
    value = obj.get(key)
    if value is None:
        value = obj[key] = []
    if not isinstance(value, list):
        raise Refused([_cannot_edit(file, field, _NOT_A_LIST, value)])
    return value


_NOT_AN_OBJECT = N_("must be an object, not {found}: mend the file by hand to edit it here")
_NOT_A_LIST = N_("must be a list, not {found}: mend the file by hand to edit it here")


def _cannot_edit(file: str, field: str, message: str, value: Any) -> Problem:
    """``message`` (marked above) about ``field``, naming what it holds instead."""
    return Problem(file, field, fill(message, found=type_name(value)))


@dataclass(frozen=True)
class Checked(Generic[T]):
    """A document checked before saving: the text to write, what its reader made of that
    text (None when unusable) and every problem, by field."""

    text: str
    value: T | None
    problems: ProblemList

    @property
    def ok(self) -> bool:
        """True when the text may be saved: it reads back, with no errors (warnings are fine)."""
        return self.value is not None and not self.problems.has_errors
