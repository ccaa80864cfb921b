"""A card in the ``choose`` gallery: a small picture of the work, its title, picked or not."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.content import Content
from textual.events import Click
from textual.message import Message

from slc_tui.core.i18n import N_, fill
from slc_tui.core.portfolio import Piece
from slc_tui.ui.widgets.image_preview import ImagePreview


class PieceCard(ImagePreview, can_focus=True):
    """One piece of work: its picture framed, the title on the frame's top edge and the
    subject (and "✔ Picked #1") on its bottom edge. Clicking it (or Enter/Space) picks or
    un-picks it.

    One widget per card (not a box holding a picture and two labels): a gallery's cards are
    built while the child waits, and each widget costs time to build, style and lay out.
    """

    DEFAULT_CSS = """
    PieceCard {
        height: 11;
        border: round $primary 50%;
        border-title-align: left;
        border-title-color: $text;
        border-title-style: bold;
        border-subtitle-align: left;
        border-subtitle-color: $text-muted;
        padding: 0 1;
    }
    PieceCard:focus { border: double $accent; }
    PieceCard.-chosen {
        border: heavy $success;
        background: $success 15%;
        border-subtitle-color: $success;
        border-subtitle-style: bold;
    }
    """

    BINDINGS = [
        # (named in the active language by the screen's footer: see ui/languages.py)
        Binding("enter,space", "pick", N_("Pick / put back"), show=True, id="pick-piece"),
        Binding("right", "app.focus_next", N_("Next picture"), show=False, id="next-picture"),
        Binding(
            "left", "app.focus_previous", N_("Previous picture"), show=False, id="previous-picture"
        ),
        Binding("down", "move(1)", N_("Picture below"), show=False, id="picture-below"),
        Binding("up", "move(-1)", N_("Picture above"), show=False, id="picture-above"),
    ]

    @dataclass
    class Toggled(Message):
        """The child clicked this card."""

        card: PieceCard

    @dataclass
    class Move(Message):
        """Up or Down on this card: the gallery moves the focus ``rows`` rows."""

        card: PieceCard
        rows: int

    def __init__(self, piece: Piece, chosen_position: int | None) -> None:
        super().__init__(piece.image_path, piece.image_problem or None, id=f"card-{piece.id}")
        self.piece = piece
        self.border_title = Content(piece.title)  # the words as typed, never markup
        self.set_chosen(chosen_position)

    def _state_text(self) -> str:
        subject = self.piece.subject or ""
        if self.chosen_position is None:
            return subject
        picked = fill("✔ Picked #{number}", number=self.chosen_position + 1)
        return f"{picked}  {subject}".rstrip()

    def set_chosen(self, position: int | None) -> None:
        """Show whether (and in what order) this piece is picked."""
        self.chosen_position = position
        self.set_class(position is not None, "-chosen")
        self.border_subtitle = Content(self._state_text())

    def action_pick(self) -> None:
        """Ask the screen to pick or put back this piece."""
        self.post_message(self.Toggled(self))

    def action_move(self, rows: int) -> None:
        """Ask the gallery for the picture ``rows`` rows below (or above, when negative)."""
        self.post_message(self.Move(self, rows))

    def on_click(self, event: Click) -> None:
        """A click anywhere on the card toggles it."""
        event.stop()
        self.focus()
        self.action_pick()
