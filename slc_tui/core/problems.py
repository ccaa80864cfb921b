"""Problems found while loading a class folder: each names the file and the field."""

from __future__ import annotations

from typing import Literal

from slc_tui.core.fast_dataclass import fast_dataclass
from slc_tui.core.i18n import fill
from slc_tui.core.text import printable

Severity = Literal["error", "warning"]
#: Longest field path and message kept in a problem (a key may be a megabyte long).
MAX_FIELD_LENGTH = 200
MAX_MESSAGE_LENGTH = 500


@fast_dataclass
class Problem:
    """One thing wrong (or suspicious) in a file the teacher wrote.

    ``file`` is shown relative to the class folder where possible, ``field`` is a
    JSON path such as ``pieces[2].image`` (empty when the whole file is at fault).
    All three are made printable on creation: a key or file name holding a terminal
    escape, a newline or a lone surrogate is shown escaped, and overlong parts are cut.
    """

    file: str
    field: str
    message: str
    severity: Severity = "error"

    def __post_init__(self) -> None:
        object.__setattr__(self, "file", printable(self.file))
        object.__setattr__(self, "field", printable(self.field, max_length=MAX_FIELD_LENGTH))
        message = printable(self.message, max_length=MAX_MESSAGE_LENGTH)
        object.__setattr__(self, "message", message)

    def __str__(self) -> str:
        """``FILE: FIELD: message`` (``FILE: FIELD: warning: message``), the word "warning"
        in the active language (the message was translated when the problem was found)."""
        where = f"{self.file}: {self.field}" if self.field else self.file
        if self.severity == "warning":
            # TRANSLATORS: {where} is a file and a field (portfolios/maya.json: pieces[2].image).
            return fill("{where}: warning: {message}", where=where, message=self.message)
        return f"{where}: {self.message}"

    @property
    def is_error(self) -> bool:
        """True for problems that make the file unusable as written."""
        return self.severity == "error"


class ProblemList(list[Problem]):
    """A list of problems for one file, with helpers that fill in the file name."""

    def __init__(self, file: str) -> None:
        super().__init__()
        self.file = file

    def error(self, field: str, message: str) -> None:
        """Record an error at ``field``."""
        self.append(Problem(self.file, field, message, "error"))

    def warning(self, field: str, message: str) -> None:
        """Record a warning at ``field``."""
        self.append(Problem(self.file, field, message, "warning"))

    @property
    def has_errors(self) -> bool:
        """True when any problem is an error."""
        return any(p.is_error for p in self)
