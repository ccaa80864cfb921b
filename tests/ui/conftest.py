"""Fixtures for the UI tests: a frozen clock, a results folder, an app factory and a
recording speech engine."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from slc_tui.store.paths import bundled_sample_dir, seed_results
from slc_tui.ui.app import SlcApp, create_app
from tests.ui.helpers import FrozenClock

AppFactory = Callable[..., SlcApp]


@pytest.fixture(autouse=True)
def _recorded_speech() -> Iterator[None]:
    """Every UI test has the same voices (English, Spanish, French), whatever this computer
    has installed, and nothing is spoken out loud (see tests/unit/test_speech.py for the
    real espeak-ng)."""
    from slc_tui.media.speech import RecordingEngine
    from slc_tui.ui import read_aloud

    read_aloud.use_engine(RecordingEngine())
    yield
    read_aloud.use_engine(None)


@pytest.fixture
def clock() -> FrozenClock:
    """2026-11-22 15:30:00, moved only by ``clock.advance(...)``."""
    return FrozenClock()


@pytest.fixture
def results_dir(tmp_path: Path, slc_data_dir: Path) -> Path:
    """An empty results folder seeded like the CLI does for the sample class.

    The seed is Sam's finished spring conference, so his ``review`` step shows.
    """
    target = tmp_path / "results"
    seed_results(bundled_sample_dir() / "results", target)
    return target


@pytest.fixture
def make_app(results_dir: Path, clock: FrozenClock) -> AppFactory:
    """Build the app on the bundled sample class, the test's results folder and frozen clock."""

    def factory(student_id: str | None = None, notice: str = "") -> SlcApp:
        return create_app(
            bundled_sample_dir(), results_dir, student_id=student_id, clock=clock, notice=notice
        )

    return factory
