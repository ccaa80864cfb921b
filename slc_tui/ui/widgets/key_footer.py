"""The footer of keys, rebuilt only when the keys it shows change.

Textual's Footer rebuilds all its key widgets after every bindings refresh of its screen, and a
screen refreshes its bindings whenever the keyboard moves: a step change asked for three or
four rebuilds of 8–20 ms each, all showing the same keys, right after the new step appeared.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """A Footer that rebuilds only when its keys, their names, whether they are enabled or
    their tooltips changed."""

    _shown: Hashable = None

    def compose(self) -> ComposeResult:
        """Textual's footer keys, remembering which keys they show."""
        self._shown = self._keys_shown() if self._bindings_ready else None
        yield from super().compose()

    def bindings_changed(self, screen: Screen[object]) -> None:
        """The screen's bindings may have changed: look again once it is refreshed (as
        Textual's footer does, asking each time: a request made while the app is starting
        is dropped by Textual, so none may be skipped for one still pending)."""
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._rebuild_if_changed)

    async def _rebuild_if_changed(self) -> None:
        if not self.is_attached:
            return
        shown = self._keys_shown()
        if shown != self._shown:
            self._shown = shown  # (a second request of this refresh then finds it done)
            await self.recompose()

    def _keys_shown(self) -> Hashable:
        """What the footer would show now (Footer.compose reads the same bindings)."""
        app = self.app
        keys = tuple(
            (binding, app.get_key_display(binding), enabled, tooltip)
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        )
        return (keys, self.show_command_palette, self.compact, app.ENABLE_COMMAND_PALETTE)
