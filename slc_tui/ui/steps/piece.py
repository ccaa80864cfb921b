"""``piece``: one chosen piece — its picture, title, and the child's own talking points."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button

from slc_tui.core.i18n import N_, _, fill
from slc_tui.core.portfolio import Piece
from slc_tui.ui.messages import Navigate
from slc_tui.ui.plain_text import plain
from slc_tui.ui.steps.base import StepBody
from slc_tui.ui.widgets.image_preview import ImagePreview
from slc_tui.ui.widgets.talking_points import TalkingPoints

#: The child's notes on a piece, each with its label (translated where shown).
NOTE_LABELS = {
    "why_chosen": N_("Why I chose it"),
    "what_i_did": N_("What I had to do"),
    "skills": N_("Skills I used"),
    "proud_of": N_("I'm proud of"),
    "next_time": N_("Next time I would"),
}


class PieceStep(StepBody):
    """Shows one piece of work full size with what the child wants to say about it."""

    @property
    def piece(self) -> Piece:
        """The piece this step is about."""
        return self.conference.portfolio.piece(self.step.piece_id)

    def headline(self) -> str:
        """Which piece, out of how many."""
        chosen = self.conference.chosen
        number = chosen.index(self.piece.id) + 1 if self.piece.id in chosen else 1
        return fill(
            "🖼  My work {number} of {total}: {title}",
            number=number,
            total=len(chosen),
            title=self.piece.title,
        )

    def compose(self) -> ComposeResult:
        """Picture on the left, talking points and notes on the right."""
        piece = self.piece
        with Horizontal(id="piece-layout"):
            yield ImagePreview(piece.image_path, piece.image_problem or None, id="piece-image")
            with Vertical(id="piece-side"):
                about = " · ".join(part for part in (piece.subject, piece.date) if part)
                points = [(_(NOTE_LABELS[name]), text) for name, text in piece.notes()]
                title = about or _("About this work")
                with VerticalScroll(id="piece-points"):
                    yield TalkingPoints(points, title=title, id="piece-notes")
                yield self.notes_box(_("What did your family notice? (optional)"))
                if self.conference.can_change_pieces:
                    yield Button(plain(_("⇄ Change my pieces")), id="change-pieces")

    @on(Button.Pressed, "#change-pieces")
    def _change_pieces(self) -> None:
        self.post_message(Navigate("choose"))
