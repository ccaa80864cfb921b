"""``choose``: a gallery of the portfolio; the child picks three pieces (or all, if fewer)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, VerticalScroll

from slc_tui.core.conference import StepBlocked
from slc_tui.core.i18n import _, nfill
from slc_tui.core.portfolio import Piece
from slc_tui.ui.steps.base import StepBody
from slc_tui.ui.widgets.piece_card import PieceCard

#: Cards composed with the step (two rows), then this many at a time after each paint.
FIRST_CARDS = 6
CARDS_PER_BATCH = 3

#: The gallery's columns, and the lines each row of cards takes.
COLUMNS = 3
CARD_LINES = 11


class ChooseStep(StepBody):
    """Pick the pieces to talk about."""

    _waiting: list[Piece]

    def headline(self) -> str:
        """Says how many to pick."""
        need = self.conference.pieces_required
        return nfill(
            "⭐ Pick {n} piece of work you are proud of. Click a picture to pick it.",
            "⭐ Pick {n} pieces of work you are proud of. Click a picture to pick it.",
            need,
        )

    def compose(self) -> ComposeResult:
        """The gallery: the first cards now, the rest just after the step is shown."""
        pieces = self.conference.portfolio.pieces
        gallery = Grid(id="gallery")
        # Sized for every card from the start: cards arriving later fill places already
        # laid out, so nothing on screen moves (or has to be drawn again) when they come.
        gallery.styles.grid_size_columns = COLUMNS
        gallery.styles.grid_rows = str(CARD_LINES)
        gallery.styles.height = CARD_LINES * -(-len(pieces) // COLUMNS)
        with VerticalScroll(id="gallery-scroll", can_focus=False), gallery:
            for piece in pieces[:FIRST_CARDS]:
                yield PieceCard(piece, self._position(piece.id))
        self._waiting = list(pieces[FIRST_CARDS:])
        yield self.notes_box(_("Why I picked these (optional)"))

    @property
    def cards_to_come(self) -> int:
        """How many cards are still to be added to the gallery."""
        return len(self._waiting)

    def arrive(self) -> None:
        """Start on the first picture (choosing is this step's job; letters typed on a card
        go to the notes box), with the counter shown; the other cards come after the first
        paint (not while the step waits hidden: showing it would then have to lay out every
        card at once)."""
        self.query(PieceCard).first().focus()
        self._show_count()
        if self._waiting:
            self.call_after_refresh(self._mount_more)

    def _mount_more(self) -> None:
        """Add the next few cards; again after the next paint, until all are there.

        A big portfolio then never holds the screen still for long: the first cards show at
        once, the rest arrive a row or two at a time while the child looks.
        """
        batch, self._waiting = self._waiting[:CARDS_PER_BATCH], self._waiting[CARDS_PER_BATCH:]
        if not batch or not self.is_attached:
            return
        gallery = self.query_one("#gallery", Grid)
        gallery.mount_all(PieceCard(piece, self._position(piece.id)) for piece in batch)
        if self._waiting:
            self.call_after_refresh(self._mount_more)

    @on(PieceCard.Move)
    def _move_card_focus(self, event: PieceCard.Move) -> None:
        """Up and Down move between rows of pictures."""
        cards = list(self.query(PieceCard))
        if event.card not in cards:
            return
        target = cards.index(event.card) + event.rows * COLUMNS
        if 0 <= target < len(cards):
            cards[target].focus()

    def _position(self, piece_id: str) -> int | None:
        chosen = self.conference.chosen
        return chosen.index(piece_id) if piece_id in chosen else None

    def _show_count(self) -> None:
        picked, need = len(self.conference.chosen), self.conference.pieces_required
        if picked == need:
            self.flash(
                nfill(
                    "✔ {n} of {need} picked — press Next",
                    "✔ {n} of {need} picked — press Next",
                    picked,
                    need=need,
                )
            )
        else:
            self.flash(nfill("{n} of {need} picked", "{n} of {need} picked", picked, need=need))

    @on(PieceCard.Toggled)
    def _toggle(self, event: PieceCard.Toggled) -> None:
        try:
            self.conference.toggle_piece(event.card.piece.id)
        except StepBlocked as blocked:
            self.flash(str(blocked))
            return
        for card in self.query(PieceCard):
            card.set_chosen(self._position(card.piece.id))
        self._show_count()
        self.edited()
