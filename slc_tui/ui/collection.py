"""Keeping Python's garbage collector out of the family's way.

A full collection walks every object of the app (50-100 ms once Textual, the class and a
gallery are loaded): one landing while a step is built holds its first paint, one landing
while the gallery fills holds every key and click meanwhile. So collection is paused while a
step is built and painted; and (for the command line) objects still alive once a step is
shown are frozen out of later collections, which then only look at what came after. A
conference's leftovers are freed when it ends, while the student list is on screen.
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


def freeze_long_lived() -> None:
    """Keep every object alive now out of later collections (they stay in memory until
    :func:`collect_everything`)."""
    gc.freeze()


def collect_everything() -> None:
    """Free all garbage, frozen or not, then freeze what is left (between conferences)."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
