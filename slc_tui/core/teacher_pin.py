"""The teacher PIN: the rule for a new one, and its salted slow hash (scrypt).

Only the hash is ever stored. Checking a PIN costs 16 MiB and tens of milliseconds of
work; comparison is constant-time. A stored record whose scrypt settings are weaker
than the ones written here is refused, so a file edited to make guessing cheap is no use.

A PIN is either digits (at least 6 for a new one; 4 and 5 digit PINs set before still
work) or a passphrase: at least 10 characters with something other than a digit in it.
Text is compared in Unicode NFC form, so an accent typed either way is the same.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import os
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from slc_tui.core.i18n import _, fill

PIN_FORMAT = "slc-pin/1"

#: The shortest new all-digit PIN, and the shortest new passphrase.
MIN_PIN_DIGITS = 6
MIN_PASSPHRASE_CHARS = 10
#: The longest PIN or passphrase (longer text is never checked: it cannot be one).
MAX_PIN_CHARS = 128

#: scrypt cost: n=2**14, r=8 uses 16 MiB per check (Python's default memory cap is 32 MiB).
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
KEY_BYTES = 32
#: The memory a stored record may ask scrypt for (128 * n * r bytes).
SCRYPT_MAXMEM = 64 * 1024 * 1024

_DIGITS = re.compile(r"[0-9]+")


class PinRecordInvalid(ValueError):
    """A stored PIN record is damaged, in an unknown format, or too weak to trust."""


@dataclass(frozen=True)
class PinHash:
    """A stored PIN record, checked and ready to compare a PIN against."""

    n: int
    r: int
    p: int
    salt: bytes
    key: bytes


def normalized(pin: str) -> str:
    """``pin`` as it is hashed and compared (Unicode NFC)."""
    return unicodedata.normalize("NFC", pin)


def could_be_pin(pin: str) -> bool:
    """False for text that no PIN, old or new, can be (empty, too long, control characters):
    such text is never hashed nor counted as a guess."""
    return 0 < len(pin) <= MAX_PIN_CHARS and not any(
        unicodedata.category(char) == "Cc" for char in pin
    )


def _too_easy(digits: str) -> bool:
    """All one digit (111111), or a run up or down (123456, 987654)."""
    steps = {(int(b) - int(a)) % 10 for a, b in itertools.pairwise(digits)}
    return len(steps) == 1 and steps <= {0, 1, 9}


def new_pin_problem(pin: str) -> str | None:
    """Why ``pin`` cannot be a new teacher PIN or passphrase, or None if it can."""
    pin = normalized(pin)
    if not pin:
        return _("the teacher PIN is empty")
    if len(pin) > MAX_PIN_CHARS:
        return fill("a teacher passphrase is at most {limit} characters", limit=MAX_PIN_CHARS)
    if not could_be_pin(pin):
        return _("a teacher PIN or passphrase cannot hold control characters such as Tab")
    if pin != pin.strip():
        return _("a teacher passphrase cannot start or end with a space")
    if _DIGITS.fullmatch(pin):
        if len(pin) < MIN_PIN_DIGITS:
            return fill(
                "a teacher PIN needs at least {digits} digits (or use a passphrase of"
                " {characters} or more characters)",
                digits=MIN_PIN_DIGITS,
                characters=MIN_PASSPHRASE_CHARS,
            )
        if _too_easy(pin):
            return _("that PIN is too easy to guess (one digit repeated, or digits in a row)")
        return None
    if len(pin) < MIN_PASSPHRASE_CHARS:
        return fill(
            "a teacher passphrase needs at least {characters} characters (or use a PIN of"
            " {digits} or more digits)",
            characters=MIN_PASSPHRASE_CHARS,
            digits=MIN_PIN_DIGITS,
        )
    return None


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    return hashlib.scrypt(
        normalized(pin).encode("utf-8"),
        salt=salt,
        n=n,
        r=r,
        p=p,
        dklen=length,
        maxmem=SCRYPT_MAXMEM,
    )


def hash_pin(pin: str, salt: bytes | None = None) -> dict[str, Any]:
    """The record to store for the new PIN ``pin`` (ValueError if it breaks the rule)."""
    problem = new_pin_problem(pin)
    if problem:
        raise ValueError(problem)
    salt = os.urandom(SALT_BYTES) if salt is None else salt
    key = _scrypt(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, KEY_BYTES)
    return {
        "format": PIN_FORMAT,
        "kdf": "scrypt",
        "n": SCRYPT_N,
        "r": SCRYPT_R,
        "p": SCRYPT_P,
        "salt": salt.hex(),
        "hash": key.hex(),
    }


def _whole_number(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{value!r} is not a whole number")
    return value


def parse_pin_record(record: Any) -> PinHash:
    """The stored ``record``, checked (PinRecordInvalid: damaged, unknown, or weaker settings
    than slc writes, which would make guessing a copy of the file cheap)."""
    if not isinstance(record, dict) or record.get("format") != PIN_FORMAT:
        raise PinRecordInvalid(f"not a {PIN_FORMAT} record")
    try:
        n, r, p = (_whole_number(record[k]) for k in ("n", "r", "p"))
        salt, key = bytes.fromhex(record["salt"]), bytes.fromhex(record["hash"])
    except (KeyError, TypeError, ValueError) as error:
        raise PinRecordInvalid(f"damaged PIN record ({error})") from None
    if record.get("kdf") != "scrypt":
        raise PinRecordInvalid("unsupported PIN hash (not scrypt)")
    if n < 2 or n & (n - 1) or r < 1 or not 1 <= p <= 16 or 128 * n * r > SCRYPT_MAXMEM:
        raise PinRecordInvalid(f"unsupported PIN hash settings (n={n}, r={r}, p={p})")
    if len(salt) > 64 or not 1 <= len(key) <= 64:
        raise PinRecordInvalid("damaged PIN record (salt or hash length)")
    weak = [
        f"{name}={value} (slc writes {least})"
        for name, value, least in (
            ("n", n, SCRYPT_N),
            ("r", r, SCRYPT_R),
            ("salt bytes", len(salt), SALT_BYTES),
            ("hash bytes", len(key), KEY_BYTES),
        )
        if value < least
    ]
    if weak:
        raise PinRecordInvalid(
            "PIN hash settings weaker than slc writes, not safe to use: " + ", ".join(weak)
        )
    return PinHash(n, r, p, salt, key)


def pin_matches(pin: str, stored: PinHash) -> bool:
    """True if ``pin`` is the PIN hashed in ``stored`` (text that cannot be a PIN: False)."""
    if not could_be_pin(pin):
        return False
    try:
        key = _scrypt(pin, stored.salt, stored.n, stored.r, stored.p, len(stored.key))
    except (ValueError, MemoryError) as error:
        raise PinRecordInvalid(f"unsupported PIN hash settings ({error})") from None
    return hmac.compare_digest(key, stored.key)


def verify_pin(pin: str, record: Any) -> bool:
    """True if ``pin`` matches the stored ``record`` (PinRecordInvalid if it cannot be used)."""
    return pin_matches(pin, parse_pin_record(record))
