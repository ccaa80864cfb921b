"""slc opens no network connection: a whole conference and every command, watched by an
audit hook that records any attempt to reach the network."""

from __future__ import annotations

import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from slc_tui.cli import main
from slc_tui.ui.screens.picker import PickerScreen
from tests.ui.conftest import AppFactory
from tests.ui.helpers import press_next_until, settle

NETWORK_EVENTS = {
    "socket.connect",
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "socket.gethostbyaddr",
    "socket.sendto",
    "socket.sendmsg",
    "socket.bind",
    "http.client.connect",
    "urllib.Request",
    "ftplib.connect",
    "smtplib.connect",
}

_watching: list[list[tuple[str, tuple[Any, ...]]]] = []


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if _watching and event in NETWORK_EVENTS:
        sock = args[0] if args else None
        if isinstance(sock, socket.socket) and sock.family == getattr(socket, "AF_UNIX", None):
            return  # a local pipe (asyncio's self-pipe), not the network
        _watching[-1].append((event, args[1:] if isinstance(sock, socket.socket) else args))


sys.addaudithook(_audit)  # hooks cannot be removed; it records only inside `network_attempts`


@pytest.fixture
def network_attempts() -> Iterator[list[tuple[str, tuple[Any, ...]]]]:
    attempts: list[tuple[str, tuple[Any, ...]]] = []
    _watching.append(attempts)
    yield attempts
    _watching.pop()


def test_the_watch_sees_a_connection_attempt(
    network_attempts: list[tuple[str, tuple[Any, ...]]],
) -> None:
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", 9), timeout=0.5)  # the discard port: refused
    assert any(event == "socket.connect" for event, _ in network_attempts)


async def test_a_whole_conference_and_every_command_stay_off_the_network(
    make_app: AppFactory,
    results_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    network_attempts: list[tuple[str, tuple[Any, ...]]],
) -> None:
    app = make_app("maya")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press_next_until(app, pilot, PickerScreen)
        assert isinstance(app.screen, PickerScreen)  # the conference finished
        await pilot.press("ctrl+q")
    room = tmp_path / "room"
    assert main(["new-class", str(room), "--sample", "--pin", "135792"]) == 0
    assert main(["validate", str(room)]) == 0
    assert main(["export", str(room), "--format", "csv", "--pin", "135792"]) == 0
    assert main(["export", str(room), "--format", "json", "--results", str(results_dir)]) == 0
    assert main(["forget", str(room), "sam", "--pin", "135792"]) == 0
    capsys.readouterr()
    assert network_attempts == []
