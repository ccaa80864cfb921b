"""🔊 on every step: the headline, the talking points and open help prompts read out in the
conference's language (a recording engine stands in for espeak-ng), stopped when the step
changes or 🔊 is pressed again; hidden with a hint where there is no voice."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from textual.widgets import Button, Static

from slc_tui.media.speech import NoSpeech, RecordingEngine
from slc_tui.ui import read_aloud
from slc_tui.ui.screens.conference import ConferenceScreen
from tests.ui.conftest import AppFactory
from tests.ui.helpers import settle, static_text, wait_until


def nav(app: object) -> str:
    """The message in the navigation bar."""
    return static_text(app.screen.query_one("#nav-message", Static))  # type: ignore[attr-defined]


@pytest.fixture
def voice() -> Iterator[RecordingEngine]:
    engine = RecordingEngine()
    read_aloud.use_engine(engine)
    yield engine
    read_aloud.use_engine(None)


async def test_the_step_is_read_aloud_and_stopped(
    make_app: AppFactory, voice: RecordingEngine
) -> None:
    app = make_app("maya")  # grade 1
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ConferenceScreen)
        await wait_until(pilot, lambda: screen.can_speak, what="the voice check")
        assert screen.query_one("#read-aloud", Button).display
        assert nav(app) == "Tap 🔊 to hear it."  # the youngest are told
        await pilot.press("f5")
        await wait_until(pilot, lambda: bool(voice.said), what="speech")
        text, language = voice.said[0]
        assert language == "en"
        assert text.startswith("👋 Hello! I'm Maya. Welcome to my conference.")
        assert "I learn best when I can draw it and show you." in text  # her talking points
        await wait_until(pilot, lambda: screen.read_aloud.speaking, what="speaking")
        await pilot.press("f5")  # again: stop
        await wait_until(pilot, lambda: voice.stopped == 1, what="stopped")
        await pilot.press("f1", "f5")  # with the help prompts open, they are read too
        await wait_until(pilot, lambda: len(voice.said) == 2, what="speech")
        assert screen.query_one("#help-panel").prompts[0].text in voice.said[1][0]
        await pilot.press("ctrl+n")  # a new step: the reading stops
        await wait_until(pilot, lambda: voice.stopped == 2, what="stopped on Next")


async def test_it_reads_in_the_conference_s_language(
    make_app: AppFactory, voice: RecordingEngine
) -> None:
    app = make_app("maya")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.switch_language("fr")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ConferenceScreen)
        await wait_until(pilot, lambda: screen.can_speak, what="the voice check")
        await pilot.press("f5")
        await wait_until(pilot, lambda: bool(voice.said), what="speech")
        assert voice.said[0][1] == "fr"
        assert "Bonjour" in voice.said[0][0] or "Salut" in voice.said[0][0]


async def test_without_a_voice_there_is_no_button_and_a_hint(make_app: AppFactory) -> None:
    read_aloud.use_engine(NoSpeech())
    try:
        app = make_app("maya")
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            screen = app.screen
            assert isinstance(screen, ConferenceScreen)
            await wait_until(pilot, lambda: "espeak-ng" in nav(app), what="the hint")
            assert not any(button.display for button in screen.query("#read-aloud"))
            assert not screen.check_action("read_aloud", ())
    finally:
        read_aloud.use_engine(None)


def test_served_apps_have_no_read_aloud(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(read_aloud.SERVED_ENV, "1")
    read_aloud.use_engine(None)
    try:
        assert isinstance(read_aloud.engine(), NoSpeech)
    finally:
        read_aloud.use_engine(None)
