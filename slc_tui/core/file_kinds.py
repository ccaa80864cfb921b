"""Why a path named as a picture is not a file slc can open: a folder, a FIFO, a device…"""

from __future__ import annotations

import stat

from slc_tui.core.i18n import _

__all__ = ["not_a_picture_file"]


def not_a_picture_file(mode: int) -> str:
    """Why a file of ``mode`` (an ``st_mode``) cannot be a picture; "" for a regular file.

    Reading a FIFO blocks until someone writes to it and a device may never end, so slc
    opens regular files only, and says what the path is instead.
    """
    if stat.S_ISREG(mode):
        return ""
    if stat.S_ISDIR(mode):
        return _("is a folder, not a picture")
    if stat.S_ISFIFO(mode):
        return _("is not a regular file (it is a named pipe)")
    if stat.S_ISSOCK(mode):
        return _("is not a regular file (it is a socket)")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("is not a regular file (it is a device)")
    return _("is not a regular file")
