"""Letting go of what Textual itself keeps of a finished conference's widgets.

Two of Textual's (8.2) own references would keep every conference's widgets, and all they
rendered, alive for the rest of the evening:

- A watch on another node's reactive (each TextArea watches ``App.theme``; each footer key
  its footer's ``compact``) is dropped only when that reactive next changes. Until then
  a text box removed with its step stays on the app's list of watchers, and holds its
  screen (every widget of the conference) with it; the student list's footer, built again
  whenever its keys change, collects one set of keys per conference.
- ``StylesCache.get_inner_outer`` is an ``lru_cache`` on a method, so it keeps the style
  caches (every line rendered) of the last 1,024 widgets drawn, removed or not.

:func:`let_go` drops both, as Textual would: a watch of a closed node goes, and the cache
only remembers two styles made from two colours. It also empties slc's own cache of
thumbnails: the next child's pictures are others (a child led again decodes theirs again).
"""

from __future__ import annotations

import sys
from typing import Any

from textual.app import App
from textual.dom import DOMNode

#: Where Textual keeps the watchers of a node's reactives (``textual.reactive._watch``).
WATCHERS = "__watchers"


def forget_closed_watchers(node: DOMNode) -> int:
    """Drop the watches on ``node``'s reactives held by nodes that are closed or being
    removed; returns how many were dropped."""
    watchers: dict[str, list[tuple[DOMNode, object]]] = getattr(node, WATCHERS, None) or {}
    dropped = 0
    for name, watching in watchers.items():
        alive = [(owner, callback) for owner, callback in watching if not _gone(owner)]
        dropped += len(watching) - len(alive)
        watchers[name][:] = alive
    return dropped


def _gone(node: DOMNode) -> bool:
    return bool(node._closing or node._closed or getattr(node, "_pruning", False))


def drop_style_caches() -> None:
    """Empty Textual's cache of inner and outer backgrounds (see the module docstring)."""
    from textual._styles_cache import StylesCache

    cache_clear = getattr(getattr(StylesCache, "get_inner_outer", None), "cache_clear", None)
    if cache_clear is not None:  # (a later Textual may not cache there)
        cache_clear()


def drop_thumbnails() -> None:
    """Empty the thumbnail cache, if a picture was ever shown (else Pillow is not loaded)."""
    thumbnails = sys.modules.get("slc_tui.media.thumbnail_cache")
    if thumbnails is not None:
        thumbnails.clear_thumbnail_cache()


def let_go(app: App[Any]) -> int:
    """Drop the app's, its screens' and their widgets' watches held by removed nodes, the
    style caches of removed widgets and the thumbnails; returns how many watches were
    dropped."""
    dropped = forget_closed_watchers(app)
    for screen in app.screen_stack:
        for node in screen.walk_children(with_self=True):
            dropped += forget_closed_watchers(node)
    drop_style_caches()
    drop_thumbnails()
    return dropped
