"""Reading a step aloud for children who cannot read yet, through espeak-ng when it is
installed (Debian/Ubuntu ``espeak-ng``; see the README for macOS and Windows).

An engine speaks one text at a time in a child process: :meth:`SpeechEngine.say` returns at
once with a :class:`Speaking`, which :meth:`Speaking.stop` ends (when the step changes, or
🔊 is pressed again) and :meth:`Speaking.wait` waits for (in a worker thread, never the UI's).
Tests use :class:`RecordingEngine`; :meth:`EspeakEngine.to_wav` speaks into a file instead of
the speakers.
"""

from __future__ import annotations

import shutil
import subprocess
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

__all__ = [
    "EspeakEngine",
    "NoSpeech",
    "RecordingEngine",
    "Speaking",
    "SpeechEngine",
    "find_engine",
]

#: The longest text spoken at once (a step's headline, talking points and prompts fit).
MAX_SPOKEN_CHARACTERS = 4000
#: The languages espeak-ng 1.51 has voices for (by base code): whether 🔊 can speak is
#: known without running it (asking it for its voices takes a process start); the voice
#: itself is looked up when something is said, in a worker.
_ESPEAK_CODES = (
    "af am an ar as az ba be bg bn bpy bs ca chr cmn cs cv cy da de el en eo es et eu fa fi "
    "fr ga gd gn grc gu hak haw he hi hr ht hu hy hyw ia id io is it ja jbo ka kk kl kn ko kok "
    "ku ky la lb lfn lt ltg lv mi mk ml mr ms mt my nb nci ne nl nog om or pa pap piqd pl pt "
    "py qdb qu quc qya ro ru sd shn si sjn sk sl smj sq sr sv sw ta te th tk tn tr tt ug uk ur "
    "uz vi yue zh"
)
ESPEAK_LANGUAGES = frozenset(_ESPEAK_CODES.split())
#: Words per minute: a little slower than espeak-ng's 175, for young listeners.
WORDS_PER_MINUTE = 150


class Speaking(Protocol):
    """Speech under way."""

    def stop(self) -> None:
        """Stop now (nothing happens when it has ended)."""

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until it ends; True when it has."""


class SpeechEngine(Protocol):
    """Something that can read text aloud."""

    @property
    def available(self) -> bool:
        """Whether there is anything to speak with."""

    def speaks(self, language: str) -> bool:
        """Whether it has a voice for ``language`` (a code such as ``es`` or ``fr-CA``)."""

    def say(self, text: str, language: str) -> Speaking:
        """Start reading ``text`` in ``language``; returns at once."""


@dataclass
class _Process:
    """A child process reading aloud."""

    process: subprocess.Popen[bytes]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=2)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def wait(self, timeout: float | None = None) -> bool:
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return False
        return True


class _Done:
    """Speech that is already over (nothing could be said)."""

    def stop(self) -> None:
        return None

    def wait(self, timeout: float | None = None) -> bool:
        return True


class EspeakEngine:
    """espeak-ng (or the older espeak) found on the PATH."""

    def __init__(self, program: str) -> None:
        self.program = program
        self._voices: frozenset[str] | None = None
        self._lock = threading.Lock()

    @property
    def available(self) -> bool:
        """Always: it was found."""
        return True

    def voices(self) -> frozenset[str]:
        """The language codes it has voices for, lower case (``es``, ``es-419``, ``fr-fr``…)."""
        with self._lock:
            if self._voices is None:
                self._voices = frozenset(_voice_languages(self.program))
            return self._voices

    def voice_for(self, language: str) -> str | None:
        """The voice to speak ``language`` with: the code itself, else its base language,
        else the base's first regional voice (``fr`` → ``fr-fr``); None when there is none."""
        code = language.strip().lower().replace("_", "-")
        voices = self.voices()
        base = code.split("-")[0]
        for wanted in (code, base):
            if wanted in voices:
                return wanted
        regional = sorted(v for v in voices if v.split("-")[0] == base)
        return regional[0] if regional else None

    def speaks(self, language: str) -> bool:
        """Whether espeak-ng has a voice for ``language`` (from its voice list once that
        was read, else from :data:`ESPEAK_LANGUAGES`)."""
        if self._voices is not None:
            return self.voice_for(language) is not None
        return language.strip().lower().replace("_", "-").split("-")[0] in ESPEAK_LANGUAGES

    def say(self, text: str, language: str) -> Speaking:
        """Read ``text`` on the speakers (nothing when there is no voice for it)."""
        return self._start(text, language, [])

    def to_wav(self, text: str, language: str, path: Path) -> Speaking:
        """Read ``text`` into the WAV file ``path`` instead of the speakers."""
        return self._start(text, language, ["-w", str(path)])

    def _start(self, text: str, language: str, extra: Sequence[str]) -> Speaking:
        voice = self.voice_for(language)
        text = _speakable(text)
        if voice is None or not text:
            return _Done()
        command = [self.program, "-v", voice, "-s", str(WORDS_PER_MINUTE), *extra, "--stdin"]
        try:
            process = subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError:
            return _Done()
        assert process.stdin is not None
        try:
            process.stdin.write(text.encode("utf-8"))
            process.stdin.close()
        except OSError:  # it ended already (no sound device): nothing to say
            pass
        return _Process(process)


class NoSpeech:
    """No speech engine on this computer: 🔊 is hidden, with a hint of how to get one."""

    available = False

    def speaks(self, language: str) -> bool:
        """Never."""
        return False

    def say(self, text: str, language: str) -> Speaking:
        """Says nothing."""
        return _Done()


@dataclass
class RecordingEngine:
    """An engine for tests: remembers what it was asked to say, says nothing."""

    languages: frozenset[str] = frozenset({"en", "es", "fr"})
    said: list[tuple[str, str]] = field(default_factory=list)
    stopped: int = 0

    @property
    def available(self) -> bool:
        """Always."""
        return True

    def speaks(self, language: str) -> bool:
        """Whether ``language``'s base is one of :attr:`languages`."""
        return language.split("-")[0].lower() in self.languages

    def say(self, text: str, language: str) -> Speaking:
        """Remember ``text``; the speech it returns ends when stopped."""
        self.said.append((text, language))
        return _Recorded(self)


@dataclass
class _Recorded:
    engine: RecordingEngine
    ended: threading.Event = field(default_factory=threading.Event)

    def stop(self) -> None:
        if not self.ended.is_set():
            self.engine.stopped += 1
            self.ended.set()

    def wait(self, timeout: float | None = None) -> bool:
        return self.ended.wait(timeout)


def find_engine() -> SpeechEngine:
    """espeak-ng when it is installed (else espeak), else :class:`NoSpeech`."""
    for program in ("espeak-ng", "espeak"):
        found = shutil.which(program)
        if found:
            return EspeakEngine(found)
    return NoSpeech()


def _voice_languages(program: str) -> list[str]:
    """The language column of ``espeak-ng --voices`` (and each voice's other languages)."""
    try:
        listing = subprocess.run(
            [program, "--voices"], capture_output=True, text=True, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    languages: list[str] = []
    for line in listing.splitlines()[1:]:
        parts = line.split()
        if len(parts) >= 2:
            languages.append(parts[1].lower())
            languages.extend(p.strip("(").lower() for p in parts[5:] if p.startswith("("))
    return languages


def _speakable(text: str) -> str:
    """``text`` cut to :data:`MAX_SPOKEN_CHARACTERS`, with emoji and symbols left out (a
    voice reads "party popper" for 🎉) and lines joined into sentences."""
    import unicodedata

    kept = []
    for char in text[:MAX_SPOKEN_CHARACTERS]:
        category = unicodedata.category(char)
        if category in ("So", "Sk", "Co", "Cs", "Cf"):  # emoji, ✔, ●; not + = € …
            kept.append(" ")
        else:
            kept.append(char)
    lines = [" ".join(line.split()) for line in "".join(kept).splitlines()]
    return "\n".join(line for line in lines if line)
