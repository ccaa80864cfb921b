"""``slc serve``: what it refuses, and what it prints when it serves (a real process)."""

from __future__ import annotations

import re
import shutil
import socket
from pathlib import Path

import pytest

from slc_tui.cli import main
from slc_tui.serve.network import lan_address
from slc_tui.store.paths import bundled_sample_dir
from slc_tui.teacher.access import TeacherAccess
from tests.browser.served import Served

pytestmark = pytest.mark.usefixtures("slc_data_dir")

PIN = "246813"


@pytest.fixture
def room(tmp_path: Path) -> Path:
    folder = tmp_path / "room 12"
    shutil.copytree(bundled_sample_dir(), folder)
    return folder


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str]:
    code = main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.err


def test_it_refuses_a_folder_that_is_no_class(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, err = run(capsys, "serve", tmp_path)
    assert code == 1
    assert "is not a class folder" in err


def test_it_refuses_a_port_that_is_not_one(capsys: pytest.CaptureFixture[str], room: Path) -> None:
    code, err = run(capsys, "serve", room, "--port", "70000")
    assert (code, err) == (
        1,
        "slc: --port: 70000 is not a port (1 to 65535, or 0 for any free one)\n",
    )


def test_a_port_in_use_is_named_with_another_to_try(
    capsys: pytest.CaptureFixture[str], room: Path
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, err = run(capsys, "serve", room, "--port", str(port))
    assert code == 1
    assert f"port {port} is already in use (another slc serve?): try --port {port + 1}" in err


def test_the_network_needs_the_teacher_pin(capsys: pytest.CaptureFixture[str], room: Path) -> None:
    TeacherAccess(room / "results").set_pin(PIN)
    code, err = run(capsys, "serve", room, "--lan")  # no terminal to ask in
    assert code == 1
    assert "needs the teacher PIN" in err
    code, err = run(capsys, "serve", room, "--lan", "--pin", "135799")
    assert code == 1
    assert "PIN" in err


def test_no_network_no_lan(
    capsys: pytest.CaptureFixture[str], room: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("slc_tui.serve.network.lan_address", lambda: None)
    code, err = run(capsys, "serve", room, "--lan")
    assert code == 1
    assert "no network address" in err


@pytest.mark.skipif(lan_address() is None, reason="this machine has no network address")
def test_serving_to_the_network_prints_the_address_its_key_and_a_qr_code(
    room: Path, tmp_path: Path
) -> None:
    TeacherAccess(room / "results").set_pin(PIN)
    served = Served(room, tmp_path / "data", "--lan", "--pin", PIN)
    printed = served.stop()
    assert re.search(r"http://(\d+\.){3}\d+:\d+/\?token=[\w-]{22}\b", printed)
    assert "127.0.0.1" not in printed
    assert "type this address in the browser (or scan the code)" in printed
    code = [line for line in printed.splitlines() if len(line) > 25 and set(line) <= set(" ▀▄█")]
    assert len(code) > 12  # the QR code (no colours: not a terminal)
    assert f"Results are saved on this laptop, in {room / 'results'}" in printed
    assert printed.rstrip().endswith("slc serve stopped.")
    assert served.process.returncode == 0


def test_help_names_serve(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["-h"])
    assert "serve" in capsys.readouterr().out
