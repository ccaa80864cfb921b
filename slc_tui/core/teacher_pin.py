"""The teacher PIN: the rule for a good one, and its salted slow hash (scrypt).

Only the hash is ever stored. Checking a PIN costs about 16 MiB and tens of
milliseconds of work, so guessing is slow; comparison is constant-time.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
from typing import Any

PIN_FORMAT = "slc-pin/1"
PIN_PATTERN = re.compile(r"[0-9]{4,12}")

#: scrypt cost: n=2**14, r=8 uses 16 MiB per check (Python's default memory cap is 32 MiB).
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
KEY_BYTES = 32


class PinRecordInvalid(ValueError):
    """A stored PIN record is damaged or in an unknown format."""


def pin_problem(pin: str) -> str | None:
    """Why ``pin`` cannot be a teacher PIN, or None if it can."""
    if not PIN_PATTERN.fullmatch(pin):
        return "a teacher PIN is 4 to 12 digits"
    return None


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    return hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=length, maxmem=64 * 1024 * 1024
    )


def hash_pin(pin: str, salt: bytes | None = None) -> dict[str, Any]:
    """The record to store for ``pin`` (ValueError if it breaks the PIN rule)."""
    problem = pin_problem(pin)
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


def verify_pin(pin: str, record: Any) -> bool:
    """True if ``pin`` matches the stored ``record`` (PinRecordInvalid if it is damaged)."""
    if not isinstance(record, dict) or record.get("format") != PIN_FORMAT:
        raise PinRecordInvalid(f"not a {PIN_FORMAT} record")
    try:
        n, r, p = (int(record[k]) for k in ("n", "r", "p"))
        salt, expected = bytes.fromhex(record["salt"]), bytes.fromhex(record["hash"])
    except (KeyError, TypeError, ValueError, OverflowError) as error:
        raise PinRecordInvalid(f"damaged PIN record ({error})") from None
    if record.get("kdf") != "scrypt" or not (2 <= n <= 2**20 and 1 <= r <= 32 and 1 <= p <= 16):
        raise PinRecordInvalid("unsupported PIN hash settings")
    if len(salt) < 8 or not 16 <= len(expected) <= 64:
        raise PinRecordInvalid("damaged PIN record (salt or hash length)")
    if pin_problem(pin):
        return False
    try:
        key = _scrypt(pin, salt, n, r, p, len(expected))
    except (ValueError, MemoryError) as error:
        raise PinRecordInvalid(f"unsupported PIN hash settings ({error})") from None
    return hmac.compare_digest(key, expected)
