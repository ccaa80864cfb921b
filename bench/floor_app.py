"""slc's first screen (the welcome step of ``slc open SAMPLE --student maya``) built from
Textual's stock widgets only: the same nodes, layout and ``slc.tcss``, fixed words, no slc
code and no files read.

Not a benchmark key: ``python -m bench.startup_profile --instructions`` counts it beside slc
and the bare app, as the floor of what that screen costs in Textual (what slc's own imports
and reading add is the difference). Keep it in step with ``ui/screens/conference.py`` and
``ui/steps/welcome.py`` when the first screen changes.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Label, Static

#: What the welcome step's own widgets (talking points, the notes box's stand-in) style.
STEP_CSS = """
.points { height: auto; padding: 0 1; border: round $primary 60%; }
.box { padding: 0 1; background: $boost; border: tall $border-blurred; color: $foreground; }
.step { height: 1fr; }
"""


class FloorScreen(Screen[None]):
    """The conference screen on the welcome step, as stock widgets."""

    def compose(self) -> ComposeResult:
        """Top bar, headline and step, navigation bar, footer (as slc's)."""
        with Horizontal(id="topbar"):
            yield Label("Maya Chen", id="student-name")
            yield Static("◉ ○ ○ ○ ○ ○ ○ ○ ○ ○  1/10 Hello", id="stepper")
            yield Static("", id="saved-badge")
            yield Static("🕒 0/20 min", id="clock")
        with Horizontal(id="main"), Vertical(id="body"):
            yield Static("👋 Hello! I'm Maya. Welcome to my conference.", id="headline")
            with Vertical(classes="step"):
                yield Static(
                    "I am in: Grade 3, Room 12 — Maple Class with Ms. Okafor\n"
                    "What kind of learner I am: I like to draw and build things.\n"
                    "Today I will show you: my best work, what I am good at, and my goals",
                    classes="points",
                )
                yield Static(
                    "Anything else I want to say about me (optional)",
                    id="notes-stand-in",
                    classes="box",
                )
        with Horizontal(id="nav"):
            yield Button("◀ Back", id="back", disabled=True)
            yield Button("? Help", id="help", variant="warning")
            yield Static("", id="nav-message")
            yield Button("🌐 English", id="language", compact=True)
            yield Button("Next ▶", id="next", variant="success")
        yield Footer()


class FloorApp(App[None]):
    """Shows :class:`FloorScreen` once mounted, as slc shows its first step."""

    CSS_PATH = str(Path(__file__).resolve().parent.parent / "slc_tui" / "ui" / "slc.tcss")
    CSS = STEP_CSS
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        ("ctrl+q", "quit", "Quit"),
        ("ctrl+n", "nothing", "Next"),
        ("ctrl+b", "nothing", "Back"),
        ("f1", "nothing", "Help"),
        ("f4", "nothing", "Language"),
    ]

    def on_mount(self) -> None:
        """The screen comes once the app is mounted."""
        self.call_later(self.push_screen, FloorScreen())

    def action_nothing(self) -> None:
        """The keys are there to be shown in the footer."""


if __name__ == "__main__":
    FloorApp().run()
