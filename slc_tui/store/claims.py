"""What one screen learns about another screen holding the same conference (no file locks
here: the app imports this at start-up, the locking code only when a conference opens)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ClaimLost", "OpenElsewhere"]


@dataclass(frozen=True)
class OpenElsewhere:
    """The conference is open on another screen: where, and since when."""

    host: str
    pid: int
    since: str
    same_computer: bool

    def describe(self) -> str:
        """E.g. "in another window on this computer (since 14:02)"."""
        where = (
            "in another window on this computer"
            if self.same_computer
            else f"on another computer ({self.host})"
        )
        when = self.since[11:16] if len(self.since) >= 16 else ""
        return f"{where} (since {when})" if when else where


class ClaimLost(Exception):
    """Another screen took this conference over ("open here anyway") after this one
    opened it: nothing more may be saved from here."""

    def __init__(self, student_id: str, other: OpenElsewhere) -> None:
        super().__init__(f"{student_id}'s conference was opened {other.describe()}")
        self.student_id = student_id
        self.other = other
