"""One finished conference, read-only, for the teacher (Escape or Close goes back)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from slc_tui.core.i18n import N_, _, fill
from slc_tui.ui.languages import TranslatedBindings
from slc_tui.ui.plain_text import plain
from slc_tui.ui.screens.teacher import TEACHER_CSS


class RecordScreen(TranslatedBindings, ModalScreen[None]):
    """``text`` (the record as the teacher reads it) under ``title``, scrollable."""

    CSS_PATH = TEACHER_CSS

    BINDINGS = [Binding("escape", "close", N_("Close"), id="close-record")]

    def __init__(self, title: str, text: str) -> None:
        super().__init__(classes="dialog")
        self.title_text = title
        self.text = text

    def compose(self) -> ComposeResult:
        """The title, the record, a Close button."""
        with Vertical(id="record-box"):
            title = fill("📄 {title} (read-only)", title=self.title_text)
            yield Static(plain(title), id="record-title")
            with VerticalScroll(id="record-view"):
                yield Static(plain(self.text), id="record-text")
            yield Button(_("Close (Esc)"), id="close-record", variant="primary")

    def on_mount(self) -> None:
        """The record scrolls with the arrow keys and Page Up / Page Down."""
        self.query_one("#record-view").focus()

    def on_button_pressed(self) -> None:
        """Close."""
        self.dismiss(None)

    def action_close(self) -> None:
        """Escape: close."""
        self.dismiss(None)
