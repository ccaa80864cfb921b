"""Ask the teacher for their PIN or passphrase (hidden as it is typed); dismisses with it,
or None."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from slc_tui.core.i18n import N_, _
from slc_tui.core.teacher_pin import MAX_PIN_CHARS
from slc_tui.ui.languages import TranslatedBindings
from slc_tui.ui.plain_text import plain


class PinDialog(TranslatedBindings, ModalScreen[str | None]):
    """A teacher-only door: ``reason`` says what the PIN opens; ``error`` a wrong try or a
    wait still due (both already in the language to show)."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="cancel-pin")]

    def __init__(self, reason: str, error: str = "") -> None:
        super().__init__(classes="dialog")
        self.reason = reason
        self.error = error

    def compose(self) -> ComposeResult:
        """The reason, a hidden PIN box, OK and Cancel."""
        with Vertical(id="dialog-box"):
            yield Static(plain(f"🔒 {self.reason}"), id="dialog-question")
            if self.error:
                yield Static(plain(self.error), id="pin-error")
            yield Input(
                id="pin",
                password=True,
                max_length=MAX_PIN_CHARS,
                placeholder=_("Teacher PIN or passphrase"),
                compact=True,
            )
            with Horizontal(id="dialog-buttons"):
                yield Button(_("OK"), id="ok", variant="primary")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        """The teacher types straight away."""
        self.query_one("#pin", Input).focus()

    @on(Input.Submitted, "#pin")
    @on(Button.Pressed, "#ok")
    def _submit(self) -> None:
        self.dismiss(self.query_one("#pin", Input).value)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Escape or Cancel: nothing is opened."""
        self.dismiss(None)
