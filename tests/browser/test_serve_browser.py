"""``slc serve`` in headless Chromium: a whole conference led with clicks and typing, the
token refusing strangers, two tabs on one child, a closed tab's words kept, and not one
request to another host. One server and one browser for the module (order matters only
for the last test, which checks every request the module's browser made)."""

from __future__ import annotations

import base64
import http.client
import os
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver

from slc_tui.serve.access import COOKIE
from tests.browser.conftest import NEEDS_CHROMIUM
from tests.browser.served import Served
from tests.browser.tab import RequestLog, Tab
from tests.ui.helpers import saved_records

pytestmark = NEEDS_CHROMIUM

#: What a parent types, step by step: spaces, accents, quotes, brackets and braces.
SAID = {
    "welcome": "We read together every night (even on Sundays) — ça va très bien!",
    "piece:butterfly": "My family noticed the [white dots] on the wings.",
    "piece:story": "She used a ruler: 1, 2, 3… and “big” letters.",
    "piece:adding": "Müller's café — naïve façade? {10 + 0}",
}
STRENGTH = "I am kind & I help my friends {always}"
NEXT_STEP = "Spelling: ‘their’ and ‘there’ [ask Ms. Okafor]"
GOAL_MORE = " — with my big sister (Zoë)"
QUESTION = "How can we help at home? Über-easy ideas, s'il vous plaît"
AT_HOME = "We will read every night — promis! (Ñandú §4)"


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots go: ``$SLC_BROWSER_SHOTS`` when set (to look at them), else tmp."""
    wanted = os.environ.get("SLC_BROWSER_SHOTS")
    folder = Path(wanted) if wanted else tmp_path_factory.mktemp("shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def type_and_see(tab: Tab, words: str, enter: bool = False) -> None:
    """Type ``words`` and wait until the app shows them (then Enter, when asked)."""
    tab.type(words)
    tab.wait_for(words[:24])
    if enter:
        tab.type(Keys.ENTER)


def next_to(tab: Tab, headline: str) -> None:
    """Click Next ▶ and wait for the step whose headline starts so."""
    tab.click("Next ▶")
    tab.wait_for(headline)


def test_a_whole_conference_led_in_the_browser_is_saved(
    served: Served, driver: WebDriver, downloads: Path, room: Path, shots: Path
) -> None:
    tab = Tab.open(driver, served.address, new=False)
    tab.wait_for("Maya López")
    tab.wait_for("^q Quit")  # the footer: the page gave the app the keyboard
    tab.wait_for("Results are saved on the teacher's laptop")
    tab.screenshot(shots / "student-list.png")

    tab.click("Maya López")
    tab.wait_for("Welcome to my conference")
    type_and_see(tab, SAID["welcome"])
    next_to(tab, "My work 1 of 3")
    time.sleep(0.5)  # the picture is drawn
    tab.screenshot(shots / "piece-step.png")
    type_and_see(tab, SAID["piece:butterfly"])
    next_to(tab, "My work 2 of 3")
    type_and_see(tab, SAID["piece:story"])
    next_to(tab, "My work 3 of 3")
    type_and_see(tab, SAID["piece:adding"])
    next_to(tab, "What I am good at")
    type_and_see(tab, STRENGTH, enter=True)
    next_to(tab, "What I am working on")
    type_and_see(tab, NEXT_STEP, enter=True)
    next_to(tab, "My goals for next term")
    tab.type(GOAL_MORE)  # at the end of the first goal
    tab.wait_for(GOAL_MORE.strip())
    next_to(tab, "what would you like to ask")
    type_and_see(tab, QUESTION, enter=True)
    next_to(tab, "how will you help at home")
    type_and_see(tab, AT_HOME)
    next_to(tab, "Thank you for coming to Maya's conference")
    tab.wait_for("Saved on the teacher's laptop")

    tab.click("Take-home copy")
    tab.wait_for("downloaded by this browser")
    deadline = time.monotonic() + 15
    while not (copies := list(downloads.glob("maya-*.pdf"))) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert copies, "the take-home copy was not downloaded"
    assert copies[0].read_bytes().startswith(b"%PDF")

    tab.click("Finish")
    tab.wait_for("● done")
    [record] = saved_records(room / "results", "maya")
    assert record["status"] == "done"
    assert record["said"] == SAID
    assert STRENGTH in record["strengths"]
    assert NEXT_STEP in record["next_steps"]
    assert record["goals"][0]["goal"].endswith(GOAL_MORE)
    assert QUESTION in record["parent_questions"]
    assert record["commitment"] == AT_HOME


def _status(served: Served, path: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    """(HTTP status, body) of a GET of ``path`` on the server."""
    where = urlsplit(served.base)
    connection = http.client.HTTPConnection(where.hostname or "", where.port, timeout=10)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def test_without_the_token_nothing_is_served_and_no_app_starts(
    served: Served, driver: WebDriver
) -> None:
    before = served.tab_processes()
    wrong = ("y" if served.token.startswith("x") else "x") + served.token[1:]
    for path in ("/", "/ws", "/static/js/textual.js", "/download/some-key", "/favicon.ico"):
        for query in ("", f"?token={wrong}", "?token=", f"?token={served.token[:-1]}%C3%A9"):
            status, body = _status(served, path + query)
            assert status == 403, (path, query)
            assert "ask your teacher for the address" in " ".join(body.split())
    handshake = {
        "Upgrade": "websocket",
        "Connection": "Upgrade",
        "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": base64.b64encode(os.urandom(16)).decode(),
    }
    assert _status(served, "/ws?width=80&height=24", handshake)[0] == 403
    assert _status(served, "/ws", {**handshake, "Cookie": f"{COOKIE}={wrong}"})[0] == 403

    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})  # as on a new Chromebook
    tab = Tab.open(driver, served.base + "/")
    assert "ask your teacher for the address" in driver.find_element(By.TAG_NAME, "body").text
    time.sleep(1.0)  # (a page that got in would have opened its websocket by now)
    assert served.tab_processes() == before
    tab.close()
    driver.switch_to.window(driver.window_handles[0])


def test_two_tabs_on_the_same_child_are_asked_about_it(served: Served, driver: WebDriver) -> None:
    first = Tab.open(driver, served.address)
    first.wait_for("Aiyana Redcloud")
    first.click("Aiyana Redcloud")
    first.wait_for("Welcome to my conference")
    second = Tab.open(driver, served.address)
    second.wait_for("Aiyana Redcloud")
    second.click("Aiyana Redcloud")
    second.wait_for("Aiyana's conference is open")
    assert "Open here anyway" in second.text()
    second.click("Cancel")
    second.wait_gone("Open here anyway")
    second.close()
    first.close()
    driver.switch_to.window(driver.window_handles[0])


def test_a_tab_closed_mid_conference_keeps_its_words(
    served: Served, driver: WebDriver, room: Path
) -> None:
    words = "We draw maps together [on Saturdays] — c'est génial"
    before = served.tab_processes()
    tab = Tab.open(driver, served.address)
    tab.wait_for("Lukas Nguyen")
    app = served.new_tab_process(before)
    tab.click("Lukas Nguyen")
    tab.wait_for("Welcome to my conference")
    type_and_see(tab, words)
    tab.close()  # at once: well before the autosave's second
    driver.switch_to.window(driver.window_handles[0])
    served.wait_ended(app)  # it saved, then ended
    [record] = saved_records(room / "results", "lukas")
    assert record["status"] == "in_progress"
    assert record["said"]["welcome"] == words

    again = Tab.open(driver, served.address)
    again.wait_for("Lukas Nguyen")
    again.click("Lukas Nguyen")
    again.wait_for("Carry on where you stopped?")
    again.click("▶ Carry on")
    again.wait_for(words[:30])
    again.close()
    driver.switch_to.window(driver.window_handles[0])


def test_the_browser_asked_no_other_host_for_anything(
    served: Served, driver: WebDriver, requests: RequestLog
) -> None:
    """Every request of this module's browser (the pages, their fonts, scripts, websockets
    and the download above), read from Chrome's DevTools log, went to the server."""
    tab = Tab.open(driver, served.address)
    tab.wait_for("Zoe Chen")
    tab.click("Zoe Chen")
    tab.wait_for("Welcome to my conference")
    urls = requests.read()
    server = urlsplit(served.base).netloc
    assert any(url.endswith(".ttf") for url in urls)  # the font came from the laptop
    assert any(url.startswith("ws://") for url in urls)
    assert [url for url in urls if urlsplit(url).netloc != server] == []
    tab.close()
    driver.switch_to.window(driver.window_handles[0])
