"""Messages screens send up to the app ("attributes down, messages up")."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Literal

from textual.message import Message


class Navigate(Message):
    """The child pressed Back or Next, or asked to change their pieces."""

    def __init__(self, where: Literal["next", "back", "choose", "finish"]) -> None:
        super().__init__()
        self.where = where


class TakeHomeRequested(Message):
    """The family asked for a take-home copy of the record."""


class ConferenceEdited(Message):
    """Something typed or picked changed the conference (the app autosaves soon)."""


class UnlockRequested(Message):
    """The teacher asked to show something teacher-only (last time's record)."""


class Flash(Message):
    """A step has a short message for the navigation bar ("2 of 3 picked")."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class StepShown(Message):
    """A step is on screen (the app may build the next one ahead of time now)."""


class ItemRemoved(Message):
    """A strength, question, goal… was removed; ``undo`` puts it back where it was (the
    conference screen offers Undo for a few seconds)."""

    def __init__(self, what: str, undo: Callable[[], Awaitable[None]]) -> None:
        super().__init__()
        self.what = what
        self.undo = undo


class LanguageRequested(Message):
    """🌐 was pressed: the family wants the conference in another language."""
