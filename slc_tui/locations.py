"""Where the bundled sample class lives, installed or run from a checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

SAMPLE_CLASS_NAME = "sample-class"


def bundled_sample_dir() -> Path:
    """The sample class shipped with slc (read-only when installed)."""
    try:
        root = resources.files("slc_tui.data")
        candidate = Path(str(root)) / SAMPLE_CLASS_NAME
        if candidate.is_dir():
            return candidate
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parent.parent / "data" / SAMPLE_CLASS_NAME
