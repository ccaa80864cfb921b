"""Garbage collection off while a step is built and painted.

A full collection walks every object of the app (tens of milliseconds once Textual, the class
and a gallery are loaded); one landing while a step is built would hold that step's first
paint. Collection is paused for the build and resumes after the paint.
"""

from __future__ import annotations

import gc
from collections.abc import Callable


def _nothing() -> None:
    """Collection was already off (start-up turns it on itself)."""


def pause_collection() -> Callable[[], None]:
    """Turn garbage collection off; return what turns it back on (nothing, if it was off)."""
    if not gc.isenabled():
        return _nothing
    gc.disable()
    return gc.enable
