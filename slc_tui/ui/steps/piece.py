"""``piece``: one chosen piece — its picture, title, and the child's own talking points."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button

from slc_tui.core.portfolio import Piece
from slc_tui.ui.messages import Navigate
from slc_tui.ui.steps.base import StepBody
from slc_tui.ui.widgets.image_preview import ImagePreview
from slc_tui.ui.widgets.talking_points import TalkingPoints

NOTE_LABELS = {
    "why_chosen": "Why I chose it",
    "what_i_did": "What I had to do",
    "skills": "Skills I used",
    "proud_of": "I'm proud of",
    "next_time": "Next time I would",
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
        return f"🖼  My work {number} of {len(chosen)}: {self.piece.title}"

    def compose(self) -> ComposeResult:
        """Picture on the left, talking points and notes on the right."""
        piece = self.piece
        with Horizontal(id="piece-layout"):
            yield ImagePreview(piece.image_path, piece.image_problem or None, id="piece-image")
            with Vertical(id="piece-side"):
                about = " · ".join(part for part in (piece.subject, piece.date) if part)
                points = [(NOTE_LABELS[name], text) for name, text in piece.notes()]
                with VerticalScroll(id="piece-points"):
                    yield TalkingPoints(points, title=about or "About this work", id="piece-notes")
                yield self.notes_box("What did your family notice? (optional)")
                if self.conference.can_change_pieces:
                    yield Button("⇄ Change my pieces", id="change-pieces")

    @on(Button.Pressed, "#change-pieces")
    def _change_pieces(self) -> None:
        self.post_message(Navigate("choose"))
