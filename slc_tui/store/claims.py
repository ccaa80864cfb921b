"""What one screen learns about another screen holding the same conference (no file locks
here: the app imports this at start-up, the locking code only when a conference opens)."""

from __future__ import annotations

from slc_tui.core.fast_dataclass import fast_dataclass
from slc_tui.core.i18n import N_, fill

__all__ = ["ClaimLost", "OpenElsewhere"]


@fast_dataclass
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

    def sentence(self, name: str, opened: bool = False) -> str:
        """The whole sentence, in the active language: "Maya's conference is open in another
        window on this computer (since 14:02)." (``opened``: "… was opened …", said when
        this screen learns that another took the conference over)."""
        when = self.since[11:16] if len(self.since) >= 16 else ""
        message = _SENTENCES[(opened, self.same_computer, bool(when))]
        return fill(message, name=name, host=self.host, time=when)


#: (opened, same computer, since when known) → the sentence.
_SENTENCES = {
    (False, True, True): N_(
        "{name}'s conference is open in another window on this computer (since {time})."
    ),
    (False, True, False): N_("{name}'s conference is open in another window on this computer."),
    (False, False, True): N_(
        "{name}'s conference is open on another computer ({host}) (since {time})."
    ),
    (False, False, False): N_("{name}'s conference is open on another computer ({host})."),
    (True, True, True): N_(
        "{name}'s conference was opened in another window on this computer (since {time})."
    ),
    (True, True, False): N_("{name}'s conference was opened in another window on this computer."),
    (True, False, True): N_(
        "{name}'s conference was opened on another computer ({host}) (since {time})."
    ),
    (True, False, False): N_("{name}'s conference was opened on another computer ({host})."),
}


class ClaimLost(Exception):
    """Another screen took this conference over ("open here anyway") after this one
    opened it: nothing more may be saved from here."""

    def __init__(self, student_id: str, other: OpenElsewhere) -> None:
        super().__init__(f"{student_id}'s conference was opened {other.describe()}")
        self.student_id = student_id
        self.other = other
