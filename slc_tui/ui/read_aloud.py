"""🔊 on the conference screen: reading a step aloud for children who cannot read yet.

The speech engine (:mod:`slc_tui.media.speech`) is looked for when a conference opens, in a
worker (asking espeak-ng for its voices takes a few milliseconds); it speaks in a child
process, so nothing here blocks typing (its module is imported then too, after the first
paint). Speech stops when the step changes, when 🔊 is pressed again and when the conference
ends. Under ``slc serve`` there is no read-aloud: it
would play on the laptop's speakers, not the Chromebook's.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from slc_tui.ui.served import SERVED_ENV as SERVED_ENV
from slc_tui.ui.served import served

if TYPE_CHECKING:
    from slc_tui.media.speech import Speaking, SpeechEngine

__all__ = ["ReadAloud", "engine", "use_engine"]

_engine: SpeechEngine | None = None
_engine_lock = threading.Lock()


def engine() -> SpeechEngine:
    """The speech engine of this computer, found once (none under ``slc serve``)."""
    global _engine
    with _engine_lock:
        if _engine is None:
            from slc_tui.media.speech import NoSpeech, find_engine

            _engine = NoSpeech() if served() else find_engine()
        return _engine


def use_engine(found: SpeechEngine | None) -> None:
    """Speak with ``found`` from now on (tests give a recording engine; None: look again)."""
    global _engine
    with _engine_lock:
        _engine = found


class ReadAloud:
    """One screen's speech: at most one text at a time."""

    def __init__(self) -> None:
        self._speaking: Speaking | None = None
        self._lock = threading.Lock()

    @staticmethod
    def available(language: str) -> bool:
        """Whether there is a voice for ``language`` (call it off the UI thread once: the
        first call asks the engine for its voices)."""
        found = engine()
        return found.available and found.speaks(language)

    @property
    def speaking(self) -> bool:
        """Whether something is being read out now."""
        with self._lock:
            return self._speaking is not None and not self._speaking.wait(0)

    def toggle(self, text: str, language: str) -> Speaking | None:
        """Stop what is being read; or, when nothing is, start reading ``text`` (returned,
        for a worker to wait on)."""
        with self._lock:
            speaking, self._speaking = self._speaking, None
        if speaking is not None and not speaking.wait(0):
            speaking.stop()
            return None
        if not text.strip():
            return None
        started = engine().say(text, language)
        with self._lock:
            self._speaking = started
        return started

    def stop(self) -> None:
        """Stop reading (the step changed, or the conference ended)."""
        with self._lock:
            speaking, self._speaking = self._speaking, None
        if speaking is not None:
            speaking.stop()
