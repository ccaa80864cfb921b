"""Whether a child's conference is open on some screen, for the teacher about to edit."""

from __future__ import annotations

from pathlib import Path

from slc_tui.core.i18n import _, fill
from slc_tui.store.claims import OpenElsewhere

__all__ = ["OpenElsewhere", "conference_open", "where_open"]


def conference_open(results_dir: Path, student_id: str) -> OpenElsewhere | None:
    """The screen where ``student_id``'s conference is open now, or None (nothing is held
    or written). A conference open there keeps the portfolio it started with; the teacher's
    edits reach the next conference."""
    from slc_tui.store.presence import ConferenceClaim

    return ConferenceClaim(results_dir, student_id).where_open()


def where_open(other: OpenElsewhere) -> str:
    """Where ``other`` is, in the active language: "in another window on this computer
    (since 14:02)" (in English the words of :meth:`OpenElsewhere.describe`)."""
    when = other.since[11:16] if len(other.since) >= 16 else ""
    if other.same_computer:
        if when:
            return fill("in another window on this computer (since {time})", time=when)
        return _("in another window on this computer")
    if when:
        return fill("on another computer ({host}) (since {time})", host=other.host, time=when)
    return fill("on another computer ({host})", host=other.host)
