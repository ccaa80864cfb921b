"""What changes when the app is served to a browser by ``slc serve`` (``slc_tui/serve/``).

``slc serve`` starts one ``slc open`` per browser tab with :data:`SERVED_ENV` set; the child
at a Chromebook then reads where things are "on the teacher's laptop", and the take-home
copy comes to its browser as a download. Read-aloud is off (it would play on the laptop's
speakers: :mod:`slc_tui.ui.read_aloud` asks :func:`served`).

Importing this module imports no Textual (the CLI and the server use :func:`served`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App

#: Set to "1" by ``slc serve`` for each tab's app process.
SERVED_ENV = "SLC_SERVED"


def served() -> bool:
    """True in an app process that ``slc serve`` started for a browser tab."""
    return os.environ.get(SERVED_ENV) == "1"


def results_notice(results_dir: Path, sample: bool) -> str:
    """The student list's line about where results go, read at a Chromebook."""
    from slc_tui.core.i18n import fill

    if sample:
        return fill(
            "This is the sample class. Results are saved on the teacher's laptop, in {folder}",
            folder=results_dir,
        )
    return fill("Results are saved on the teacher's laptop, in {folder}", folder=results_dir)


def offer_take_home(app: App[None], path: Path) -> None:
    """Send the take-home copy written at ``path`` to the browser as a download and say so
    under the record (or in a message, when the wrap-up is no longer shown)."""
    from slc_tui.core.i18n import fill
    from slc_tui.ui.screens.conference import ConferenceScreen
    from slc_tui.ui.steps.wrap_up import WrapUpStep

    app.deliver_binary(path, save_filename=path.name, mime_type="application/pdf")
    said = fill(
        "downloaded by this browser as {file} (kept on the teacher's laptop too)", file=path.name
    )
    screen = app.screen
    if isinstance(screen, ConferenceScreen) and isinstance(screen.body, WrapUpStep):
        screen.body.show_take_home(said)
    else:
        app.notify(fill("Take-home copy {where}", where=said), timeout=10)
