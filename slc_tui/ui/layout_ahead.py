"""Where the widgets of a step built ahead of time will be, before Textual lays them out.

A step built ahead waits hidden (``display: none``), so Textual gives its widgets no size
until the paint that shows it; a picture's lines depend on its size, and making them then
holds that paint (a 60×32 picture, some 10 ms on a slow laptop). Arranged here with
Textual's own layout, at the size the step will have, each picture learns its size early
and its lines are made in a thread (:meth:`ImagePreview.expect`).
"""

from __future__ import annotations

from collections.abc import Iterator

from textual.geometry import Region, Size
from textual.widget import Widget

from slc_tui.ui.widgets.image_preview import ImagePreview


def content_sizes(
    root: Widget, outer: Size, room: int | None = None
) -> Iterator[tuple[Widget, Size]]:
    """Each widget under ``root`` (itself first) with the content size (inside border,
    padding and any scrollbars) its first layout gives it when ``root`` takes ``outer``
    cells. Only what would be on screen is walked: not hidden widgets, nor those below
    the bottom of their container (``room``: how many of ``root``'s lines are on screen;
    None, all of them)."""
    styles = root.styles
    gutter = styles.gutter
    content = Size(max(0, outer.width - gutter.width), max(0, outer.height - gutter.height))
    yield root, content
    if not root.is_container or not content:
        return
    # As the compositor does: scrollbars are reserved as the widget's state says (a widget
    # never laid out shows only those its styles always ask for).
    inner = root._get_scrollable_region(Region(0, 0, *content)).size
    shown = inner.height if room is None else min(inner.height, room - gutter.top)
    for placement in root.arrange(inner).placements:
        region = placement.region
        if region.y >= shown or region.bottom <= 0:
            continue  # out of sight until scrolled to: laid out then
        yield from content_sizes(placement.widget, region.size, shown - region.y)


def expect_pictures(root: Widget, outer: Size) -> int:
    """Tell each picture in ``root`` (a step built ahead) the size it will be shown at when
    ``root`` takes ``outer`` cells; returns how many were told."""
    told = 0
    for widget, size in content_sizes(root, outer):
        if isinstance(widget, ImagePreview) and size:
            widget.expect(size)
            told += 1
    return told
