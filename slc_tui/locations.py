"""Where the bundled sample class lives, installed or run from a checkout."""

from __future__ import annotations

from pathlib import Path

SAMPLE_CLASS_NAME = "sample-class"


def bundled_sample_dir() -> Path:
    """The sample class shipped with slc (read-only when installed)."""
    here = Path(__file__).resolve().parent
    for candidate in (
        here / "data" / SAMPLE_CLASS_NAME,  # installed: the package slc_tui.data
        here.parent / "data" / SAMPLE_CLASS_NAME,  # a checkout (or an editable install)
    ):
        if candidate.is_dir():
            return candidate
    from importlib import resources  # anything else (~10 ms to import: only then)

    try:
        candidate = Path(str(resources.files("slc_tui.data"))) / SAMPLE_CLASS_NAME
        if candidate.is_dir():
            return candidate
    except ModuleNotFoundError:
        pass
    return here.parent / "data" / SAMPLE_CLASS_NAME
