"""Reading aloud (``media/speech.py``): the voice for a language, text made speakable, and
the real espeak-ng speaking into a WAV file when it is installed."""

from __future__ import annotations

import shutil
import wave
from pathlib import Path

import pytest

from slc_tui.media.speech import (
    EspeakEngine,
    NoSpeech,
    RecordingEngine,
    _speakable,
    find_engine,
)

ESPEAK = shutil.which("espeak-ng")


def test_emoji_and_symbols_are_not_read_out_but_sums_are() -> None:
    assert _speakable("🎉 Thank you!\n\n  3 + 4 = 7 ✔") == "Thank you!\n3 + 4 = 7"
    assert _speakable("x" * 10_000) == "x" * 4000


def test_a_voice_is_found_for_a_language_its_base_or_a_region() -> None:
    engine = EspeakEngine("espeak-ng")
    engine._voices = frozenset({"en", "es", "es-419", "fr-fr", "vi"})
    assert engine.voice_for("es") == "es"
    assert engine.voice_for("es-MX") == "es"
    assert engine.voice_for("fr") == "fr-fr"
    assert engine.voice_for("fr_CA") == "fr-fr"
    assert engine.voice_for("tlh") is None
    assert not engine.speaks("tlh")
    assert engine.say("Hello", "tlh").wait(0)  # nothing said, nothing waited for


def test_without_an_engine_nothing_is_said() -> None:
    engine = NoSpeech()
    assert not engine.available and not engine.speaks("en")
    assert engine.say("Hello", "en").wait(0)


def test_the_recording_engine_remembers_and_stops() -> None:
    engine = RecordingEngine()
    speaking = engine.say("Hola", "es")
    assert not speaking.wait(0)
    speaking.stop()
    speaking.stop()
    assert speaking.wait(0) and engine.stopped == 1 and engine.said == [("Hola", "es")]


@pytest.mark.skipif(ESPEAK is None, reason="espeak-ng is not installed (.ci/run installs it)")
def test_espeak_ng_speaks_spanish_into_a_wav_file(tmp_path: Path) -> None:
    engine = find_engine()
    assert isinstance(engine, EspeakEngine)
    assert engine.speaks("es") and engine.speaks("fr") and engine.speaks("en")
    out = tmp_path / "hola.wav"
    assert engine.to_wav("🎉 Hola, soy Maya. Bienvenidos a mi conferencia.", "es", out).wait(30)
    with wave.open(str(out)) as sound:
        seconds = sound.getnframes() / sound.getframerate()
    assert 1.0 < seconds < 15.0  # a sentence, spoken


@pytest.mark.skipif(ESPEAK is None, reason="espeak-ng is not installed (.ci/run installs it)")
def test_stopping_ends_speech_at_once(tmp_path: Path) -> None:
    engine = find_engine()
    assert isinstance(engine, EspeakEngine)
    speaking = engine.to_wav("una frase muy larga. " * 200, "es", tmp_path / "long.wav")
    speaking.stop()
    assert speaking.wait(5)
