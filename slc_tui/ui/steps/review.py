"""``review``: last conference's goals and what the family promised; how did it go?"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.widgets import Button, Static

from slc_tui.core.i18n import N_, _, fill
from slc_tui.ui.messages import UnlockRequested
from slc_tui.ui.plain_text import plain
from slc_tui.ui.steps.base import StepBody
from slc_tui.ui.widgets.talking_points import TalkingPoints

#: The box under last time's goals.
HOW_DID_IT_GO = N_("How did it go? What helped? (type what we said)")


def previous_points(previous: dict[str, Any]) -> list[tuple[str, str]]:
    """Talking points from the last finished record: its goals and commitments (their
    labels in the active language)."""
    from slc_tui.export.document import ConferenceDocument

    doc = ConferenceDocument.from_record(previous)
    points: list[tuple[str, str]] = []
    for number, goal in enumerate(doc.goals, start=1):
        points.append(
            (
                fill("🎯 Goal {number}", number=number),
                goal.goal + (f" — {goal.how}" if goal.how else ""),
            )
        )
        if goal.at_home:
            points.append(("   " + _("My family said"), goal.at_home))
    if doc.commitment:
        points.append((_("🏠 At home my family said"), doc.commitment))
    return points


class ReviewStep(StepBody):
    """Looks back at the goals set last time."""

    HEADLINE = N_("🔁 Last time we set some goals. How did they go?")

    def compose(self) -> ComposeResult:
        """Last time's goals and promises (teacher PIN first, if set), then how it went."""
        if self.context.previous_locked:
            locked = (
                _("🔒 Last time's goals and what your family promised are kept private.")
                + "\n"
                + _("Teacher: press the button and type your PIN to show them.")
            )
            yield Static(plain(locked), id="review-locked")
            yield Button(plain(_("🔓 Show last time (teacher)")), id="unlock")
            yield self.notes_box(_(HOW_DID_IT_GO))
            return
        previous = self.conference.previous or {}
        when = str(previous.get("finished") or previous.get("started") or "")[:10]
        title = fill("Last conference ({day})", day=when) if when else _("Last conference")
        yield TalkingPoints(previous_points(previous), title=title)
        yield self.notes_box(_(HOW_DID_IT_GO))

    @on(Button.Pressed, "#unlock")
    def _unlock(self) -> None:
        self.post_message(UnlockRequested())
