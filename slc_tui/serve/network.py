"""The laptop's address on the classroom's network, and the QR code a Chromebook scans."""

from __future__ import annotations

import contextlib
import ipaddress
import socket

#: A private address a UDP socket is "connected" to: nothing is sent, but the system picks
#: the interface (and so the address) it would use to reach the local network.
_PROBE = ("10.254.254.254", 9)

#: The QR code in the terminal: dark modules black on white whatever the terminal's colours.
_ON_WHITE = "\x1b[30;107m"
_RESET = "\x1b[0m"
_HALVES = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


def lan_address() -> str | None:
    """The laptop's IPv4 address on its network, found without the internet: the address
    a UDP socket would send from (nothing is sent), else the host name's; None when there is
    only the loopback."""
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(_PROBE)
        address = str(probe.getsockname()[0])
        if _usable(address):
            return address
    with contextlib.suppress(OSError):
        for address in socket.gethostbyname_ex(socket.gethostname())[2]:
            if _usable(address):
                return address
    return None


def _usable(address: str) -> bool:
    """An address other computers could reach this one at."""
    ip = ipaddress.ip_address(address)
    return not (ip.is_loopback or ip.is_unspecified or ip.is_link_local)


def qr_lines(text: str, colour: bool = True) -> list[str]:
    """``text`` as a QR code drawn with half blocks, two modules a character tall (with
    ``colour``, forced black on white so a dark terminal does not invert it)."""
    import segno

    rows = [
        [bool(module) for module in row]
        for row in segno.make(text, error="m").matrix_iter(border=4)
    ]
    if len(rows) % 2:
        rows.append([False] * len(rows[0]))
    lines = []
    for top, bottom in zip(rows[::2], rows[1::2], strict=True):
        drawn = "".join(_HALVES[pair] for pair in zip(top, bottom, strict=True))
        lines.append(f"{_ON_WHITE}{drawn}{_RESET}" if colour else drawn)
    return lines
