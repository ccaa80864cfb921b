"""The teacher's fallback prompts for the current step, shown when the child freezes."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from slc_tui.core.i18n import N_, _
from slc_tui.core.prompts import Prompt
from slc_tui.ui.plain_text import plain

#: Where a prompt came from (translated where shown).
_SOURCE_LABELS = {
    "student": N_("from your portfolio"),
    "class": N_("from your teacher"),
    "default": N_("ideas"),
}
#: The panel's title.
TITLE = N_("Need an idea?")


class HelpPanel(VerticalScroll):
    """A side panel listing prompting questions, grouped by where they came from."""

    DEFAULT_CSS = """
    HelpPanel {
        dock: right;
        width: 42%;
        max-width: 60;
        min-width: 30;
        height: 1fr;
        border: round $accent;
        border-title-color: $accent;
        background: $panel;
        padding: 0 1;
        display: none;
    }
    HelpPanel.-shown { display: block; }
    HelpPanel > .help-prompt { margin-bottom: 1; }
    """

    def __init__(self, prompts: list[Prompt], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.prompts = prompts
        self.border_title = plain(_(TITLE))
        self.can_focus = False
        self._filled = False

    def compose(self) -> ComposeResult:
        """Nothing until the panel is first shown (most steps never show it)."""
        yield from ()

    def _prompt_lines(self) -> ComposeResult:
        """One line per prompt, with a small label saying where it came from (in the
        language spoken when the panel is first shown on a step)."""
        if not self.prompts:
            yield Static(plain(_("No prompts for this step.")), classes="help-prompt")
        last_source = ""
        for prompt in self.prompts:
            text = Text()
            if prompt.source != last_source:
                text.append(_(_SOURCE_LABELS[prompt.source]) + "\n", style="dim italic")
                last_source = prompt.source
            text.append("💬 " + prompt.text)
            yield Static(text, classes="help-prompt")

    @property
    def shown(self) -> bool:
        """True while the panel is visible."""
        return self.has_class("-shown")

    def show_prompts(self, prompts: list[Prompt]) -> None:
        """Hold ``prompts`` (the next step's) and hide until asked for again; the title is
        put in the language spoken now (the panel stays for the whole conference, and 🌐
        may have changed the language since)."""
        self.remove_class("-shown")
        self.prompts = prompts
        self.border_title = plain(_(TITLE))
        if self._filled:
            self._filled = False
            self.remove_children()

    def toggle(self) -> bool:
        """Show or hide the panel; returns True when now shown."""
        self.toggle_class("-shown")
        if self.shown and not self._filled:
            self._filled = True
            self.mount_all(self._prompt_lines())
        return self.shown
