"""The last resort for a conference that cannot be saved where it belongs: a rescue file in
the user's own data folder, which the family is told about and the teacher can import by
hand (it holds ordinary ``slc-record/1`` records)."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any

from slc_tui.store.fileops import write_bytes_atomically
from slc_tui.store.paths import default_user_data_dir
from slc_tui.store.private_paths import make_private_dir

#: Sub-folder of the user's data folder that holds rescue files.
RESCUE_DIR = "unsaved"

RESCUE_FORMAT = "slc-rescue/1"


def write_rescue_file(records: list[dict[str, Any]], now: datetime | None = None) -> Path | None:
    """Write ``records`` to ``DATA/unsaved/rescue-TIME-PID.json`` (owner-only, atomic);
    return the file, or None when even that cannot be written."""
    when = now or datetime.now()
    document = {
        "format": RESCUE_FORMAT,
        "written": when.isoformat(timespec="seconds"),
        "why": "slc could not save these conferences in their class's results folder",
        "conferences": records,
    }
    folder = default_user_data_dir() / RESCUE_DIR
    try:
        make_private_dir(folder)
        path = folder / f"rescue-{when:%Y%m%d-%H%M%S}-{os.getpid()}.json"
        data = json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8", "replace")
        write_bytes_atomically(path, data)
    except (OSError, ValueError):
        return None
    return path
