"""A card in the ``choose`` gallery: a small picture of the work, its title, picked or not."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.events import Click
from textual.message import Message
from textual.widgets import Label

from slc_tui.core.portfolio import Piece
from slc_tui.ui.widgets.image_preview import ImagePreview


class PieceCard(Vertical, can_focus=True):
    """One piece of work; clicking it (or Enter/Space) picks or un-picks it."""

    DEFAULT_CSS = """
    PieceCard {
        height: 11;
        border: round $primary 50%;
        padding: 0 1;
    }
    PieceCard:focus { border: double $accent; }
    PieceCard.-chosen { border: heavy $success; background: $success 15%; }
    PieceCard > ImagePreview { height: 1fr; }
    PieceCard > .card-title {
        width: 1fr; height: 1; text-style: bold; text-wrap: nowrap; text-overflow: ellipsis;
    }
    PieceCard > .card-state { width: 1fr; height: 1; color: $text-muted; }
    PieceCard.-chosen > .card-state { color: $success; text-style: bold; }
    """

    BINDINGS = [
        Binding("enter,space", "pick", "Pick / put back", show=True),
        Binding("right", "app.focus_next", "Next picture", show=False),
        Binding("left", "app.focus_previous", "Previous picture", show=False),
        Binding("down", "move(1)", "Picture below", show=False),
        Binding("up", "move(-1)", "Picture above", show=False),
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
        super().__init__(id=f"card-{piece.id}")
        self.piece = piece
        self.chosen_position = chosen_position
        self.set_class(chosen_position is not None, "-chosen")

    def compose(self) -> ComposeResult:
        """Picture, title, state."""
        yield ImagePreview(self.piece.image_path, self.piece.image_problem or None)
        yield Label(self.piece.title, classes="card-title")
        yield Label(self._state_text(), classes="card-state")

    def _state_text(self) -> str:
        subject = self.piece.subject or ""
        if self.chosen_position is None:
            return f"  {subject}"
        return f"✔ Picked #{self.chosen_position + 1}  {subject}"

    def set_chosen(self, position: int | None) -> None:
        """Show whether (and in what order) this piece is picked."""
        self.chosen_position = position
        self.set_class(position is not None, "-chosen")
        self.query_one(".card-state", Label).update(self._state_text())

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
