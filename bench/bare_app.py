"""The baseline of ``startup_ratio``: a bare Textual app with a Header, Input, Button and Footer.

Run as ``python bench/bare_app.py``; the benchmark waits for :data:`READY_LABEL` on the terminal.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Button, Footer, Header, Input

READY_LABEL = "Bare app ready"


class BareApp(App[None]):
    """Nothing but the four stock widgets."""

    TITLE = "bare"
    BINDINGS = [("ctrl+q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        """Header, Input, Button, Footer."""
        yield Header()
        yield Input(placeholder="Type here")
        yield Button(READY_LABEL)
        yield Footer()


if __name__ == "__main__":
    BareApp().run()
