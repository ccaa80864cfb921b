"""One ``slc serve`` and one headless Chromium per test module (each costs a second or
two to start); skipped, with the reason, where Debian's chromium is not installed."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium.webdriver.remote.webdriver import WebDriver

from slc_tui.store.paths import bundled_sample_dir
from tests.browser.served import Served
from tests.browser.tab import RequestLog, chromium_missing, start_browser

#: Every browser test module starts with ``pytestmark = NEEDS_CHROMIUM``.
NEEDS_CHROMIUM = pytest.mark.skipif(chromium_missing() is not None, reason=str(chromium_missing()))


@pytest.fixture(scope="module")
def room(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the sample class in a folder whose path has a space."""
    folder = tmp_path_factory.mktemp("serve") / "room 12"
    shutil.copytree(bundled_sample_dir(), folder)
    return folder


@pytest.fixture(scope="module")
def served(room: Path) -> Iterator[Served]:
    server = Served(room, room.parent / "user-data")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def downloads(room: Path) -> Path:
    folder = room.parent / "downloads"
    folder.mkdir()
    return folder


@pytest.fixture(scope="module")
def driver(downloads: Path) -> Iterator[WebDriver]:
    browser = start_browser(downloads=downloads)
    yield browser
    browser.quit()


@pytest.fixture(scope="module")
def requests(driver: WebDriver) -> RequestLog:
    """Every URL the module's browser asked for."""
    return RequestLog(driver)
