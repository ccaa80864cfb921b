"""A browser tab on ``slc serve``, driven through headless Chromium (selenium).

The page is an xterm.js terminal drawn on a canvas, so its text is not in the page: a script
added before the page's own wraps ``WebSocket`` and keeps every byte the app sends, and
:class:`Tab` replays them into a terminal emulator (pyte) to read the screen, find a word's
cell and click it. Keys go to xterm.js's hidden text box, as a keyboard's would.
"""

from __future__ import annotations

import base64
import json
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyte
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

#: Runs in every page before its own scripts: keeps what the app sends (base64, one entry
#: per websocket message) and what the page sends.
_WATCH = r"""
(() => {
  const Real = window.WebSocket;
  window.__slcFrames = [];
  window.__slcSent = [];
  class Watched extends Real {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        if (typeof event.data === "string") return;
        const bytes = new Uint8Array(event.data);
        let text = "";
        for (let i = 0; i < bytes.length; i += 8192) {
          text += String.fromCharCode(...bytes.subarray(i, i + 8192));
        }
        window.__slcFrames.push(btoa(text));
      });
    }
    send(data) { window.__slcSent.push(String(data)); return super.send(data); }
  }
  window.WebSocket = Watched;
})();
"""


def chromium_missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if shutil.which(path) is None:
            return f"{path} is not installed (Debian: apt-get install chromium chromium-driver)"
    return None


def start_browser(width: int = 1280, height: int = 800, downloads: Path | None = None) -> WebDriver:
    """Headless Chromium from Debian's package, logging every request it makes."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        f"--window-size={width},{height}",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    if downloads is not None:
        options.add_experimental_option(
            "prefs",
            {"download.default_directory": str(downloads), "download.prompt_for_download": False},
        )
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    if downloads is not None:
        driver.execute_cdp_cmd(
            "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
        )
    return driver


class RequestLog:
    """Every URL the browser asked for (the performance log is read, and so emptied, once)."""

    def __init__(self, driver: WebDriver) -> None:
        self.driver = driver
        self.urls: list[str] = []

    def read(self) -> list[str]:
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message["method"] in ("Network.requestWillBeSent", "Network.webSocketCreated"):
                params = message["params"]
                self.urls.append(params["request"]["url"] if "request" in params else params["url"])
        return self.urls


class Tab:
    """One browser tab showing slc."""

    def __init__(self, driver: WebDriver, handle: str) -> None:
        self.driver = driver
        self.handle = handle
        self._screen: pyte.Screen | None = None
        self._stream: pyte.ByteStream | None = None

    @classmethod
    def open(cls, driver: WebDriver, url: str, new: bool = True) -> Tab:
        """Open ``url`` in a new tab (or the current one)."""
        if new:
            driver.switch_to.new_window("tab")
        watched: set[str] = driver.__dict__.setdefault("_slc_watched", set())
        if driver.current_window_handle not in watched:  # (a tab's own, once)
            driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": _WATCH})
            watched.add(driver.current_window_handle)
        driver.get(url)
        return cls(driver, driver.current_window_handle)

    def _focus(self) -> None:
        self.driver.switch_to.window(self.handle)

    def _script(self, script: str, *args: Any) -> Any:
        self._focus()
        return self.driver.execute_script(script, *args)

    # -- reading the screen ----------------------------------------------------------------

    def size(self) -> tuple[int, int] | None:
        """(columns, lines) of the terminal, as the page last told the app."""
        for sent in reversed(self._script("return window.__slcSent || []")):
            message = json.loads(sent)
            if message[0] == "resize":
                return int(message[1]["width"]), int(message[1]["height"])
        return None

    def lines(self) -> list[str]:
        """The terminal's lines now."""
        frames = self._script("return window.__slcFrames.splice(0)") or []
        size = self.size()
        if size is None:
            return []
        if self._screen is None:
            self._screen = pyte.Screen(*size)
            self._stream = pyte.ByteStream(self._screen)
        elif (self._screen.columns, self._screen.lines) != size:
            self._screen.resize(size[1], size[0])
        assert self._stream is not None
        for frame in frames:
            self._stream.feed(base64.b64decode(frame))
        return list(self._screen.display)

    def text(self) -> str:
        return "\n".join(self.lines())

    def wait_for(self, *words: str, timeout: float = 15.0) -> str:
        """Wait until one of ``words`` is on screen; returns it."""
        deadline = time.monotonic() + timeout
        while True:
            text = self.text()
            for word in words:
                if word in text:
                    return word
            if time.monotonic() > deadline:
                raise AssertionError(f"none of {words} on screen:\n{text}")
            time.sleep(0.05)

    def wait_gone(self, word: str, timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        while word in self.text():
            if time.monotonic() > deadline:
                raise AssertionError(f"{word!r} still on screen:\n{self.text()}")
            time.sleep(0.05)

    def where(self, word: str, last: bool = False) -> tuple[int, int]:
        """(column, line) of the first (or last) cell of ``word`` on screen."""
        found = [(line.find(word), row) for row, line in enumerate(self.lines()) if word in line]
        if not found:
            raise AssertionError(f"{word!r} not on screen:\n{self.text()}")
        return found[-1] if last else found[0]

    # -- acting -------------------------------------------------------------------------------

    def click(self, word: str, last: bool = False) -> None:
        """Click the middle of ``word`` where it is on screen."""
        column, row = self.where(word, last)
        self.click_cell(column + len(word) // 2, row)

    def click_cell(self, column: int, row: int) -> None:
        """Click the cell at ``column``, ``row``."""
        size = self.size()
        assert size is not None
        screen = self.driver.find_element(By.CSS_SELECTOR, ".xterm-screen")
        box = self._script("return arguments[0].getBoundingClientRect().toJSON()", screen)
        width, height = box["width"] / size[0], box["height"] / size[1]
        x = (column + 0.5) * width - box["width"] / 2
        y = (row + 0.5) * height - box["height"] / 2
        ActionChains(self.driver).move_to_element_with_offset(
            screen, int(x), int(y)
        ).click().perform()

    def type(self, text: str) -> None:
        """Type ``text`` on the keyboard (selenium's key names, such as Keys.ENTER, too)."""
        self._focus()
        self.driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea").send_keys(text)

    def screenshot(self, path: Path) -> Path:
        self._focus()
        self.driver.save_screenshot(str(path))
        return path

    def close(self) -> None:
        self._focus()
        self.driver.close()


@contextmanager
def browser(**options: Any) -> Iterator[WebDriver]:
    driver = start_browser(**options)
    try:
        yield driver
    finally:
        driver.quit()
