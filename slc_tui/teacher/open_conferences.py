"""Whether a child's conference is open on some screen, for the teacher about to edit."""

from __future__ import annotations

from pathlib import Path

from slc_tui.store.claims import OpenElsewhere

__all__ = ["OpenElsewhere", "conference_open"]


def conference_open(results_dir: Path, student_id: str) -> OpenElsewhere | None:
    """The screen where ``student_id``'s conference is open now, or None (nothing is held
    or written). A conference open there keeps the portfolio it started with; the teacher's
    edits reach the next conference."""
    from slc_tui.store.presence import ConferenceClaim

    return ConferenceClaim(results_dir, student_id).where_open()
