"""The 🌐 menu a family picks the conference's language from."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from slc_tui.core.i18n import N_, _
from slc_tui.ui.languages import TranslatedBindings
from slc_tui.ui.plain_text import plain


class LanguageMenu(TranslatedBindings, ModalScreen[str | None]):
    """Which language to lead the conference in: each in its own name; dismisses with the
    code picked (None when closed)."""

    BINDINGS = [Binding("escape", "close", N_("Close"), id="close-language")]

    def __init__(self, choices: list[tuple[str, str]], current: str) -> None:
        """``choices`` are (code, name) pairs."""
        super().__init__(classes="dialog")
        self.choices = choices
        self.current = current

    def compose(self) -> ComposeResult:
        """A heading in the language now spoken, then the languages."""
        with Vertical(id="dialog-box"):
            yield Static(plain("🌐 " + _("Which language?")), id="dialog-question")
            yield OptionList(
                *(
                    Option(plain(("● " if code == self.current else "  ") + name), id=code)
                    for code, name in self.choices
                ),
                id="language-list",
            )

    def on_mount(self) -> None:
        """The language now spoken is highlighted."""
        menu = self.query_one(OptionList)
        codes = [code for code, _name in self.choices]
        menu.highlighted = codes.index(self.current) if self.current in codes else 0
        menu.focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_close(self) -> None:
        """Escape: keep the language as it is."""
        self.dismiss(None)
