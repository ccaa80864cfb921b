"""Pictures for portfolio pieces: safe opening, thumbnails, a cache and a terminal renderable.

This package uses Pillow and never Textual. It deliberately re-exports nothing, so that importing
``slc_tui.media`` stays free and Pillow is only loaded when a picture is actually shown. Import
the submodules directly: ``slc_tui.media.safe_image``, ``slc_tui.media.thumbnail_cache`` and
``slc_tui.media.halfblock``.
"""
