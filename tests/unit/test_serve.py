"""``slc_tui/serve/``: the token check, the page, the tabs' command line and hang-up, the
LAN address and the QR code (no browser: tests/browser has those)."""

from __future__ import annotations

import asyncio
import shlex
import shutil
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import segno
import textual_serve
from aiohttp import ClientSession, WSServerHandshakeError
from aiohttp.test_utils import TestClient, TestServer

from slc_tui.serve.access import COOKIE, REFUSAL, same_token
from slc_tui.serve.network import lan_address, qr_lines
from slc_tui.serve.page import PageRefused, index_template
from slc_tui.serve.server import ClassServer, TabProcess, tab_command
from slc_tui.store.paths import bundled_sample_dir
from slc_tui.ui.served import SERVED_ENV

TOKEN = "Zk3-tokenOfThisLaunch_w"
PACKAGE = Path(textual_serve.__file__).parent


@pytest.fixture
async def client(tmp_path: Path) -> AsyncIterator[tuple[TestClient, ClassServer]]:
    server = ClassServer(bundled_sample_dir(), "127.0.0.1", 0, TOKEN, "Room 12 · slc")
    test_client = TestClient(TestServer(await server._make_app()))
    await test_client.start_server()
    yield test_client, server
    await test_client.close()


async def test_the_page_needs_the_token_then_keeps_it_in_a_strict_cookie(
    client: tuple[TestClient, ClassServer],
) -> None:
    http, _ = client
    for query in ("", "?token=", f"?token={TOKEN[:-1]}", f"?token={TOKEN}x", "?token=Zoë"):
        refused = await http.get("/" + query)
        assert refused.status == 403
        assert await refused.text() == REFUSAL
        assert COOKIE not in refused.cookies
    page = await http.get(f"/?token={TOKEN}")
    assert page.status == 200
    cookie = page.headers["Set-Cookie"]
    assert f"{COOKIE}={TOKEN}" in cookie
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert page.headers["Referrer-Policy"] == "no-referrer"
    html = await page.text()
    assert "googleapis" not in html and "<title>Room 12 · slc</title>" in html
    # The page's own requests carry the cookie, not the token.
    assert (await http.get("/static/js/textual.js")).status == 200
    assert (await http.get("/")).status == 200


async def test_a_websocket_or_file_without_the_token_starts_nothing(
    client: tuple[TestClient, ClassServer],
) -> None:
    http, server = client
    async with ClientSession(cookies={COOKIE: TOKEN + "x"}) as stranger:
        base = str(http.make_url(""))
        with pytest.raises(WSServerHandshakeError) as refused:
            await stranger.ws_connect(base + "/ws?width=80&height=24")
        assert refused.value.status == 403
        for path in ("/static/js/textual.js", "/download/any", "/static/fonts/"):
            assert (await stranger.get(base + path)).status == 403
    assert server.tabs == set()


def test_tokens_are_compared_whole() -> None:
    assert same_token(TOKEN, TOKEN)
    for given in (None, "", TOKEN[:-1], TOKEN.upper(), TOKEN + " ", "ä" * len(TOKEN)):
        assert not same_token(given, TOKEN)


@pytest.mark.parametrize("name", ["room 12", "Zoë's class", "a $(b) `c`; d", "-dash"])
def test_the_tab_command_keeps_any_class_path_whole(tmp_path: Path, name: str) -> None:
    folder = tmp_path / name
    words = shlex.split(tab_command(folder))
    assert words == ["exec", sys.executable, "-m", "slc_tui", "open", str(folder)]


async def test_a_tab_is_told_it_is_served_and_hung_up_on_when_it_closes(tmp_path: Path) -> None:
    """The tab's process gets SIGHUP (slc saves on it), not textual-serve's "quit"."""
    said = tmp_path / "said.txt"
    script = (
        "import os, signal, sys, time\n"
        f"open({str(said)!r}, 'w').write(os.environ[{SERVED_ENV!r}])\n"
        "def hung_up(*_):\n"
        f"    open({str(said)!r}, 'a').write(' SIGHUP'); sys.exit(1)\n"
        "signal.signal(signal.SIGHUP, hung_up)\n"
        "print('__GANGLION__', flush=True)\n"
        "time.sleep(30)\n"
    )
    command = "exec " + shlex.join([sys.executable, "-c", script])
    closed: list[bool] = []

    async def write(_: object) -> None:
        return None

    async def close() -> None:
        closed.append(True)

    from textual_serve.download_manager import DownloadManager

    tab = TabProcess(
        command, write_bytes=write, write_str=write, close=close, download_manager=DownloadManager()
    )
    await tab.start(80, 24)
    for _ in range(100):
        if said.exists():
            break
        await asyncio.sleep(0.05)
    await asyncio.wait_for(tab.stop(), 10)
    assert said.read_text() == "1 SIGHUP"
    assert closed == [True]  # the page is told the session ended


def test_the_page_refuses_a_template_that_reaches_outside(tmp_path: Path) -> None:
    templates, statics = tmp_path / "templates", tmp_path / "static"
    shutil.copytree(PACKAGE / "templates", templates)
    shutil.copytree(PACKAGE / "static", statics)
    assert "googleapis" not in index_template(templates, statics)
    page = templates / "app_index.html"
    original = page.read_text(encoding="utf-8")
    page.write_text(
        original.replace("</head>", '<script src="https://cdn.example/x.js"></script></head>'),
        encoding="utf-8",
    )
    with pytest.raises(PageRefused, match=r"https://cdn\.example/x\.js"):
        index_template(templates, statics)
    page.write_text(original, encoding="utf-8")
    shutil.rmtree(statics / "fonts")
    with pytest.raises(PageRefused):
        index_template(templates, statics)


def test_the_qr_code_draws_every_module() -> None:
    address = "http://192.168.1.23:8000/?token=" + TOKEN
    lines = qr_lines(address, colour=False)
    matrix = [
        [bool(m) for m in row] for row in segno.make(address, error="m").matrix_iter(border=4)
    ]
    drawn = []
    for line in lines:
        drawn.append([char in "▀█" for char in line])
        drawn.append([char in "▄█" for char in line])
    assert drawn[: len(matrix)] == matrix
    assert all(line.startswith("\x1b[30;107m") for line in qr_lines(address))


def test_the_lan_address_is_one_other_computers_can_reach() -> None:
    address = lan_address()
    assert address is None or not address.startswith(("127.", "0.", "169.254."))
