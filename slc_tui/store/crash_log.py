"""When something goes wrong inside slc: a log for the teacher, calm words for the family.

Nothing here imports Textual, so the command line can use it too.
"""

from __future__ import annotations

import contextlib
import os
import platform
import sys
import traceback
from datetime import datetime
from pathlib import Path

from slc_tui import __version__
from slc_tui.core.i18n import _, fill

#: Sub-folder of the results folder that holds crash logs.
CRASH_LOG_DIR = "crash-logs"


def write_crash_log(
    results_dir: Path, error: BaseException, context: str = "", now: datetime | None = None
) -> Path | None:
    """Write ``error``'s traceback to ``results_dir/crash-logs/`` (owner-only), or to the
    user's data folder when the results folder cannot be written; return the file.

    Returns None if neither can be written: a crash log must never cause a second crash.
    """
    when = now or datetime.now()
    lines = [
        f"slc {__version__} crashed at {when.isoformat(timespec='seconds')}",
        f"python {sys.version.split()[0]} on {platform.platform()}",
        f"context: {context}" if context else "",
        "",
        *traceback.format_exception(error),
    ]
    text = "\n".join(line.rstrip("\n") for line in lines if line is not None) + "\n"
    from slc_tui.store.paths import default_user_data_dir

    # The results folder first; if it cannot be written (a read-only or full disk), the
    # user's own data folder.
    for folder in (Path(results_dir) / CRASH_LOG_DIR, default_user_data_dir() / CRASH_LOG_DIR):
        path = _write_log(folder, when, text)
        if path is not None:
            return path
    return None


def _write_log(folder: Path, when: datetime, text: str) -> Path | None:
    """Write ``text`` as a new crash log in ``folder``; None when it cannot be written."""
    from slc_tui.store.fileops import write_bytes_atomically
    from slc_tui.store.private_paths import make_private_dir

    try:
        make_private_dir(folder)
        path = folder / f"crash-{when:%Y%m%d-%H%M%S}-{os.getpid()}.log"
        counter = 1
        while path.exists():
            counter += 1
            path = folder / f"crash-{when:%Y%m%d-%H%M%S}-{os.getpid()}-{counter}.log"
        write_bytes_atomically(path, text.encode("utf-8", "replace"))
    except (OSError, ValueError):
        return None
    return path


def crash_message(saved: bool | None, log: Path | None) -> str:
    """What the family reads after a crash (no traceback, no jargon).

    ``saved`` is None when no conference was open (nothing typed could be lost).
    """
    lines = [_("Sorry — slc ran into a problem and had to close.")]
    if saved:
        lines.append(_("Everything typed so far was saved. Open slc again and choose “Carry on”."))
    elif saved is not None:
        lines.append(_("The last few words may not have been saved. Please tell the teacher."))
    if log:
        lines += ["", fill("For the teacher: the details are in {log}", log=log)]
    return "\n".join(lines)


def report_crash(results_dir: Path | None, error: BaseException, context: str = "") -> None:
    """Log ``error`` (when a results folder is known) and print the calm message to stderr."""
    log = write_crash_log(results_dir, error, context) if results_dir else None
    with contextlib.suppress(OSError, ValueError):
        print(crash_message(saved=None, log=log), file=sys.stderr)
