"""The pieces of work in the portfolio editor: a list to pick, add, reorder and remove them,
and a form for the piece picked (title, subject, date, picture, pre-chosen, the child's
five notes, each a box that wraps).

Pictures are asked for with :class:`PictureWanted`: the editor screen opens the file
browser and copies the picture in (a teacher service), then calls :meth:`PiecesPane.use_picture`.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Checkbox, Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from slc_tui.core.i18n import N_, _, fill
from slc_tui.core.portfolio import PIECE_NOTE_FIELDS, PIECES_TO_CHOOSE
from slc_tui.core.portfolio_document import PortfolioDocument
from slc_tui.ui.plain_text import plain
from slc_tui.ui.screens.teacher.portfolio_panes import EditorPane, items_of, text_of
from slc_tui.ui.widgets.tick_box import TickBox

#: The form's one-line fields besides the notes: (field, label, placeholder). The boxes
#: take text of any length: what is too long is refused by the check, with the field named
#: (a box that stopped taking keys would drop them silently).
TOP_FIELDS = (
    ("title", N_("Title"), N_("What the piece is called")),
    ("subject", N_("Subject"), N_("Science, Art…")),
    ("date", N_("Date"), N_("YYYY-MM-DD (or YYYY-MM)")),
)
#: The child's notes, as the teacher's form names them.
NOTE_LABELS = {
    "why_chosen": N_("Why I chose it"),
    "what_i_did": N_("What I had to do"),
    "skills": N_("Skills I used"),
    "proud_of": N_("I'm proud of"),
    "next_time": N_("Next time I would"),
}
TOP_FIELD_NAMES = tuple(field for field, *_ in TOP_FIELDS)
FORM_FIELDS = (*TOP_FIELD_NAMES, *PIECE_NOTE_FIELDS)


class PictureWanted(Message):
    """The teacher asked for a picture: for the piece at ``index``, or (None) for new
    pieces, one per picture."""

    def __init__(self, index: int | None) -> None:
        super().__init__()
        self.index = index


def piece_line(number: int, piece: Any, chosen: bool) -> Text:
    """A piece's line in the list: ``★ 2. Title`` (★ when pre-chosen), plain text on one
    line, cut with an ellipsis."""
    title = " ".join(text_of(piece, "title").split()) or _("(no title yet)")
    line = f"{'★' if chosen else ' '} {number}. {title}"
    return Text(line, no_wrap=True, overflow="ellipsis", end="")


class PiecesPane(EditorPane):
    """The list of pieces and the form of the one picked."""

    BINDINGS = [
        Binding("ctrl+n", "new_piece", N_("New piece"), id="portfolio-new-piece"),
        Binding("ctrl+o", "add_pictures", N_("Add pictures"), id="portfolio-add-pictures"),
        Binding("ctrl+up", "move(-1)", N_("Move up"), id="portfolio-piece-up", show=False),
        Binding("ctrl+down", "move(1)", N_("Move down"), id="portfolio-piece-down", show=False),
    ]

    def __init__(self, document: PortfolioDocument, **kwargs: Any) -> None:
        super().__init__(document, **kwargs)
        self.current: int | None = 0 if self.pieces else None

    @property
    def pieces(self) -> list[Any]:
        """The pieces in the file, as written."""
        return items_of(self.document.data, "pieces")

    @property
    def chosen(self) -> list[Any]:
        """The pre-chosen piece ids, as written."""
        return items_of(self.document.data, "chosen")

    def compose(self) -> ComposeResult:
        """List and buttons on the left, the form on the right."""
        with Horizontal(id="pieces-layout"):
            with Vertical(id="piece-list-column"):
                yield OptionList(*self._options(), id="piece-list")
                with Horizontal(classes="pane-buttons"):
                    yield Button(_("+ New"), id="piece-new", tooltip=_("A new piece (Ctrl+N)"))
                    yield Button(_("+ Pictures…"), id="piece-pictures", tooltip="Ctrl+O")
                with Horizontal(classes="pane-buttons"):
                    yield Button("↑", id="piece-up", tooltip=_("Move up (Ctrl+↑)"))
                    yield Button("↓", id="piece-down", tooltip=_("Move down (Ctrl+↓)"))
                    yield Button(_("✕ Remove"), id="piece-remove")
            with VerticalScroll(id="piece-form"):
                yield Static("", id="piece-heading")
                with Vertical(id="piece-fields"):
                    for field, label, placeholder in TOP_FIELDS:
                        yield Label(_(label), classes="field-label")
                        yield self._box(field, _(placeholder))
                    yield Label(_("Picture"), classes="field-label")
                    with Horizontal(id="piece-picture-row"):
                        yield Static("", id="piece-picture-path")
                        yield Button(_("Choose…"), id="piece-picture")
                    yield TickBox(
                        fill("★ Pre-chosen: one of the {n} to talk about", n=PIECES_TO_CHOOSE),
                        id="piece-chosen",
                    )
                    for field in PIECE_NOTE_FIELDS:
                        yield Label(_(NOTE_LABELS[field]), classes="field-label")
                        yield TextArea(
                            id=f"piece-{field}", classes="piece-note", soft_wrap=True, compact=True
                        )

    @staticmethod
    def _box(field: str, placeholder: str) -> Input:
        return Input(
            placeholder=placeholder,
            id=f"piece-{field}",
            classes="piece-box",
            select_on_focus=False,
            compact=True,
        )

    def on_mount(self) -> None:
        """The first piece is shown."""
        self._show(self.current)

    def _options(self) -> list[Option]:
        chosen = self.chosen
        return [
            Option(piece_line(n, piece, text_of(piece, "id") in chosen))
            for n, piece in enumerate(self.pieces, start=1)
        ]

    def _refresh_list(self) -> None:
        listing = self.query_one("#piece-list", OptionList)
        with listing.prevent(OptionList.OptionHighlighted):
            listing.clear_options()
            listing.add_options(self._options())
            if self.current is not None:
                listing.highlighted = self.current

    def _refresh_line(self, index: int) -> None:
        piece = self.pieces[index]
        line = piece_line(index + 1, piece, text_of(piece, "id") in self.chosen)
        self.query_one("#piece-list", OptionList).replace_option_prompt_at_index(index, line)

    def _show(self, index: int | None) -> None:
        """Fill the form with the piece at ``index`` (None: no piece, the form is off)."""
        self.current = index
        pieces = self.pieces
        form = self.query_one("#piece-form", VerticalScroll)
        has_piece = index is not None and 0 <= index < len(pieces)
        form.query_one("#piece-fields").display = has_piece
        for button in ("#piece-up", "#piece-down", "#piece-remove"):
            self.query_one(button, Button).disabled = not has_piece
        heading = self.query_one("#piece-heading", Static)
        if index is None or not has_piece:
            heading.update(_("No pieces yet: + New, or + Pictures… to make one from each photo."))
            self.query_one("#piece-picture-path", Static).update("")
            return
        piece = pieces[index]
        heading.update(
            plain(
                fill(
                    "Piece {number} of {total} · id {id}",
                    number=index + 1,
                    total=len(pieces),
                    id=text_of(piece, "id") or "?",
                )
            )
        )
        # Filling the form is no edit: the boxes say nothing (a late "changed" from one
        # piece's boxes must never land in the next piece).
        for field in TOP_FIELD_NAMES:
            box = self.query_one(f"#piece-{field}", Input)
            with box.prevent(Input.Changed):
                box.value = text_of(piece, field)
            box.cursor_position = len(box.value)
        for field in PIECE_NOTE_FIELDS:
            note = self.query_one(f"#piece-{field}", TextArea)
            with note.prevent(TextArea.Changed):
                note.load_text(text_of(piece, field))
        self._show_image(piece)
        tick = self.query_one("#piece-chosen", Checkbox)
        with tick.prevent(Checkbox.Changed):
            tick.value = text_of(piece, "id") in self.chosen
        listing = self.query_one("#piece-list", OptionList)
        if listing.highlighted != index:
            listing.highlighted = index

    def _show_image(self, piece: Any) -> None:
        image = text_of(piece, "image")
        self.query_one("#piece-picture-path", Static).update(plain(image or _("no picture")))

    def main_box(self) -> Input | TextArea | None:
        """The title of the piece shown (None when there is no piece)."""
        return self.query_one("#piece-title", Input) if self.current is not None else None

    # -- what the teacher does -----------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#piece-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index != self.current:
            self._show(event.option_index)

    @on(OptionList.OptionSelected, "#piece-list")
    def _selected(self) -> None:
        """Enter on a piece: the keyboard goes to its title."""
        box = self.main_box()
        if box is not None:
            box.focus()

    @on(Input.Changed, ".piece-box")
    def _typed(self, event: Input.Changed) -> None:
        self._field_changed((event.input.id or "").removeprefix("piece-"), event.value)

    @on(TextArea.Changed, ".piece-note")
    def _note_typed(self, event: TextArea.Changed) -> None:
        area = event.text_area
        self._field_changed((area.id or "").removeprefix("piece-"), area.text)

    def _field_changed(self, field: str, value: str) -> None:
        index = self.current
        if index is None or index >= len(self.pieces) or field not in FORM_FIELDS:
            return
        if value == text_of(self.pieces[index], field):
            return
        self.document.update_piece(index, **{field: value})
        if field == "title":
            self._refresh_line(index)
        self.edited()

    @on(Checkbox.Changed, "#piece-chosen")
    def _chosen_changed(self, event: Checkbox.Changed) -> None:
        index = self.current
        if index is None or index >= len(self.pieces):
            return
        piece_id = text_of(self.pieces[index], "id")
        chosen = [item for item in self.chosen if isinstance(item, str)]
        if event.value == (piece_id in chosen) or not piece_id:
            return
        self.document.set_chosen(
            [*chosen, piece_id] if event.value else [i for i in chosen if i != piece_id]
        )
        self._refresh_line(index)
        self.edited()

    @on(Button.Pressed, "#piece-new")
    def action_new_piece(self) -> None:
        """A new piece with no title yet; the keyboard goes to its title."""
        index = self.current = self.document.add_piece("")
        self.edited()
        self._refresh_list()
        self._show(index)
        self.query_one("#piece-title", Input).focus()

    @on(Button.Pressed, "#piece-pictures")
    def action_add_pictures(self) -> None:
        """Pick pictures: one new piece each."""
        self.post_message(PictureWanted(None))

    @on(Button.Pressed, "#piece-picture")
    def _picture_for_this(self) -> None:
        if self.current is not None:
            self.post_message(PictureWanted(self.current))

    def use_picture(self, index: int | None, image: str, title: str) -> int:
        """Give the piece at ``index`` the picture ``image`` (None: a new piece titled
        ``title``); returns the piece's position."""
        if index is None or index >= len(self.pieces):
            index = self.current = self.document.add_piece(title, image=image)
            self._refresh_list()
        else:
            self.document.update_piece(index, image=image)
        self.edited()
        self._show(index)
        return index

    @on(Button.Pressed, "#piece-up")
    def _up(self) -> None:
        self.action_move(-1)

    @on(Button.Pressed, "#piece-down")
    def _down(self) -> None:
        self.action_move(1)

    def action_move(self, step: int) -> None:
        """Move the piece shown one place up (-1) or down (1)."""
        index = self.current
        if index is None or not 0 <= index + step < len(self.pieces):
            return
        self.document.move_piece(index, index + step)
        self.current = index + step
        self._refresh_list()
        self._show(self.current)
        self.edited()

    def remove_current(self) -> None:
        """Remove the piece shown (the editor asked the teacher first)."""
        index = self.current
        if index is None or index >= len(self.pieces):
            return
        self.document.remove_piece(index)
        self.edited()
        self.current = min(index, len(self.pieces) - 1) if self.pieces else None
        self._refresh_list()
        self._show(self.current)

    def current_title(self) -> str:
        """The title of the piece shown ("" when none)."""
        index = self.current
        return text_of(self.pieces[index], "title") if index is not None else ""
