"""The looks a class can choose (``theme`` in class.json, or "Theme: …" in the command
palette): the standard one, a high-contrast one for a projector or a child who sees less, and
monochrome (no colour at all, as the ``NO_COLOR`` environment variable also gives)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from textual.filter import Monochrome
from textual.theme import Theme

from slc_tui.core.i18n import N_, _

if TYPE_CHECKING:
    from textual.app import App, SystemCommand

__all__ = ["THEME_NAMES", "apply_theme", "theme_commands"]

STANDARD = "textual-dark"

HIGH_CONTRAST = Theme(
    name="slc-high-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFF00",
    warning="#FFD700",
    error="#FF5555",
    success="#00FF66",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#202020",
    boost="#303030",
    dark=True,
    text_alpha=1.0,
    variables={
        "text-muted": "#FFFFFF",
        "border": "#FFFF00",
        "input-cursor-background": "#FFFF00",
        "input-cursor-foreground": "#000000",
        "footer-key-foreground": "#FFFF00",
    },
)

MONOCHROME = Theme(
    name="slc-monochrome",
    primary="#E0E0E0",
    secondary="#C0C0C0",
    accent="#FFFFFF",
    warning="#FFFFFF",
    error="#FFFFFF",
    success="#FFFFFF",
    foreground="#FFFFFF",
    background="#000000",
    surface="#101010",
    panel="#202020",
    dark=True,
)

#: class.json's theme names, with what the command palette calls them.
THEME_NAMES = {
    "standard": N_("Theme: standard"),
    "high-contrast": N_("Theme: high contrast"),
    "monochrome": N_("Theme: monochrome (no colour)"),
}
_TEXTUAL_THEMES = {
    "standard": STANDARD,
    "high-contrast": HIGH_CONTRAST.name,
    "monochrome": MONOCHROME.name,
}


def apply_theme(app: App[Any], name: str) -> None:
    """Show ``app`` in the look ``name`` (one of :data:`THEME_NAMES`; another is standard).

    Monochrome also drains the colour from pictures (Textual's own filter, the one
    ``NO_COLOR`` turns on); leaving it gives them back, unless ``NO_COLOR`` is set.
    """
    for theme in (HIGH_CONTRAST, MONOCHROME):
        if theme.name not in app.available_themes:
            app.register_theme(theme)
    app.theme = _TEXTUAL_THEMES.get(name, STANDARD)
    filters = app._filters  # (Textual keeps its line filters here; NO_COLOR adds one)
    ours = [f for f in filters if isinstance(f, Monochrome) and getattr(f, "slc_theme", False)]
    if name == "monochrome" and not ours and not app.no_color:
        mono = Monochrome()
        mono.slc_theme = True  # type: ignore[attr-defined]
        filters.append(mono)
    elif name != "monochrome":
        for mono in ours:
            filters.remove(mono)
    app.refresh(layout=True)


def theme_commands(app: App[Any]) -> Iterator[SystemCommand]:
    """The command palette's "Theme: …" commands (for this session only)."""
    from textual.app import SystemCommand

    for name, label in THEME_NAMES.items():
        yield SystemCommand(
            _(label), _("Change how the screens look"), lambda name=name: apply_theme(app, name)
        )
