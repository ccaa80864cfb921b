"""A calm modal question with a few big buttons; dismisses with the chosen button's id."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from slc_tui.core.i18n import N_
from slc_tui.ui.languages import TranslatedBindings
from slc_tui.ui.plain_text import plain


class ChoiceDialog(TranslatedBindings, ModalScreen[str]):
    """Ask one question; ``choices`` are (id, label) pairs, the first is the default (the
    question and labels come already in the language to show)."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="cancel-choice")]

    def __init__(
        self, question: str, choices: list[tuple[str, str]], cancel: str = "cancel"
    ) -> None:
        super().__init__(classes="dialog")
        self.question = question
        self.choices = choices
        self.cancel_id = cancel

    def compose(self) -> ComposeResult:
        """The question and its buttons."""
        with Vertical(id="dialog-box"):
            yield Static(plain(self.question), id="dialog-question")
            with Horizontal(id="dialog-buttons"):
                for index, (choice_id, label) in enumerate(self.choices):
                    yield Button(
                        plain(label), id=choice_id, variant="primary" if index == 0 else "default"
                    )

    def on_mount(self) -> None:
        """Focus the first (default) choice."""
        self.query(Button).first().focus()

    @on(Button.Pressed)
    def _chosen(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or self.cancel_id)

    def action_cancel(self) -> None:
        """Escape: the cancel choice."""
        self.dismiss(self.cancel_id)
